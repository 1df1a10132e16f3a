import html
import re
from pathlib import Path

import pytest
from chronology import markup
from chronology.load import load_records
from chronology.render import fill_markers, render_fragments, render_pages
from chronology.validate import validate
from support import EVENT, write_data


def chronology_with(tmp_path: Path, **events: str):
    data = write_data(tmp_path, events={f"{name}.yaml": text for name, text in events.items()})
    raw, problems = load_records(data)
    assert problems == []
    return validate(raw)


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [("", "events/a/", "events/a/"), ("events/a/", "events/b/", "../b/"),
     ("events/a/", "", "../../"), ("phases/p/", "sources/s/", "../../sources/s/"),
     ("", "", "./"), ("sources/", "sources/s/", "s/"), ("sources/s/", "sources/", "../"),
     ("sources/s/", "corrections/#x", "../../corrections/#x")],
)
def test_relative_links(here: str, there: str, expected: str) -> None:
    assert markup.href(here, there) == expected


def test_every_kind_of_page_is_rendered(tmp_path: Path) -> None:
    pages = render_pages(chronology_with(tmp_path, **{"something-happened": EVENT}))
    assert sorted(pages) == ["actors/index.md", "changes/index.md", "context/index.md",
                             "corrections/index.md", "events/index.md",
                             "events/something-happened.md", "figures/index.md", "glossary/index.md",
                             "phases/first.md", "phases/second.md", "record/index.md",
                             "sources/index.md",
                             "sources/paper-2019-07-02.md", "topics/index.md",
                             "tracks/index.md", "translations/index.md"]


def test_event_page_has_time_phase_quote_and_source_link(tmp_path: Path) -> None:
    page = render_pages(chronology_with(tmp_path, e=EVENT))["events/e.md"]
    assert '<time datetime="2019-07-01">1 July 2019</time> (Monday)' in page
    assert '<a href="../../phases/second/">Second phase</a>' in page
    assert "<p>Something happened on Monday</p>" in page
    assert '<a href="../../sources/paper-2019-07-02/">The Paper</a>' in page
    assert "Worked out</span> from <q>on Monday</q>" in page


def test_neighbours_link_in_date_order(tmp_path: Path) -> None:
    earlier = (EVENT.replace('"2019-07-01"', '"2019-06-28"').replace("phase: second", "phase: first")
               .replace("Something", "Earlier"))
    pages = render_pages(chronology_with(tmp_path, a=EVENT, b=earlier))
    assert 'rel="next" class="chrono-neighbours__next" href="../a/"' in pages["events/b.md"]
    assert 'rel="prev" class="chrono-neighbours__prev" href="../b/"' in pages["events/a.md"]
    assert 'rel="prev"' not in pages["events/b.md"]


HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) "q"'


def test_data_text_is_escaped_everywhere(tmp_path: Path) -> None:
    event = EVENT.replace("title: Something happened", f"title: '{HOSTILE}'")
    chronology = chronology_with(tmp_path, e=event)
    texts = list(render_pages(chronology).values()) + list(render_fragments(chronology).values())
    for text in texts:
        assert "<script" not in text and "<img" not in text
    page = render_pages(chronology)["events/e.md"]
    front = page.split("---")[1]
    assert f'<h1 id="event-title">{html.escape(HOSTILE, quote=True)}</h1>' in page
    # and in what search shows: the title, as element text
    assert f'<span data-pagefind-meta="title">{html.escape(HOSTILE, quote=True)}</span>' in page
    assert re.search(r'title: ".*&lt;script&gt;', front)


def test_fragments_link_from_the_page_that_embeds_them(tmp_path: Path) -> None:
    chronology = chronology_with(tmp_path, e=EVENT)
    assert 'href="events/e/"' in render_fragments(chronology, "")["timeline"]
    assert 'href="../events/e/"' in render_fragments(chronology, "about/")["timeline"]



def test_counts_agree_with_their_noun() -> None:
    assert [markup.count(n, "event") for n in (0, 1, 2)] == ["0 events", "1 event", "2 events"]


def test_outline_nests_headings_and_labelled_sections() -> None:
    page = ('<h1 id="t">A &amp; <em>B</em></h1><section id="s" aria-label="What the sources say">'
            '<h2>What the sources say</h2></section><h2 id="u">U</h2><h3 id="v">V</h3>'
            '<h2>No id</h2><section aria-label="No id either"></section>')
    assert markup.outline(page) == [{"level": 1, "id": "t", "name": "A &amp; B", "children": [
        {"level": 2, "id": "s", "name": "What the sources say", "children": []},
        {"level": 2, "id": "u", "name": "U", "children": [
            {"level": 3, "id": "v", "name": "V", "children": []}]}]}]


def test_markers_are_filled_and_an_unknown_one_is_named(tmp_path: Path) -> None:
    chronology = chronology_with(tmp_path, e=EVENT)
    filled = fill_markers("# Home\n\n<!-- chronology:timeline -->\n", chronology, "")
    assert 'href="events/e/"' in filled and "chronology:" not in filled
    with pytest.raises(ValueError, match="unknown marker 'chronology:timelines'; known: chart, "
                                         "cite, phases, report, timeline"):
        fill_markers("<!-- chronology:timelines -->", chronology, "")


RECORDS = """\
- id: meti-2019-07-01
  kind: official
  outlet: Ministry of Economy, Trade and Industry
  title: 大韓民国向け輸出管理の運用の見直しについて
  published: "2019-07-01"
  language: ja
  url: "https://example.org/press/2019/07/review"
"""

RECORD_EVENT = EVENT.replace("""  kind: derived
  source: paper-2019-07-02
  phrase: "on Monday"
  note: The paper is of Tuesday 2 July 2019.""", """  kind: record
  record:
    - source: meti-2019-07-01
      quote: "輸出管理の運用の見直し"
      translation: "a review of export control operations\"""") + """in_force:
  date: "2019-07-04"
  basis:
    kind: record
    not_found: METI's notice of the day the measure took effect.
record:
  - source: meti-2019-07-01
"""


def test_the_record_is_cited_with_its_address_words_and_our_translation(tmp_path: Path) -> None:
    data = write_data(tmp_path, events={"e.yaml": RECORD_EVENT}, records=RECORDS)
    raw, problems = load_records(data)
    assert problems == []
    pages = render_pages(validate(raw))
    event = pages["events/e.md"]
    url = "https://example.org/press/2019/07/review"
    assert f'<a href="{url}" rel="external noopener">Ministry of Economy' in event
    assert '<q lang="ja">輸出管理の運用の見直し</q>' in event
    assert ('(our translation: “<span class="chrono-ours">a review of export control '
            'operations</span>”)') in event
    assert 'href="../../record/#meti-2019-07-01"' in event
    assert "The record for this date was not found: METI&#x27;s notice" in event
    assert '<section id="record" aria-label="From the public record" data-pagefind-weight="0.5">' in event
    record = pages["record/index.md"]
    assert '<section class="chrono-record-source" id="meti-2019-07-01"' in record
    assert 'href="../events/e/"' in record and "in Japanese" in record
    # The day the measure took effect stands on the timeline, linked to its decision.
    phase = pages["phases/second.md"]
    assert re.search(r'<time datetime="2019-07-04">[^<]*</time> <span class="chrono-timeline__badge">'
                     r'Takes effect</span> <a href="../../events/e/#in-force">', phase)


CORRECTIONS = """\
- id: wrong-day
  title: The Paper has the wrong day
  kind: fact
  quotes:
    - source: paper-2019-07-02
      quote: "on Monday"
  correction: It was a Tuesday.
  evidence: The record says so.
  events: [e]
"""


def test_a_quote_is_flagged_when_a_correction_names_words_within_it(tmp_path: Path) -> None:
    """The rule: the same source, and the correction's words equal to the quote or part of it
    (whitespace aside); the flag links to the correction on the same page where it is shown."""
    other = EVENT.replace("Something happened on Monday", "Nothing  happened   on\\n Monday")
    third = EVENT.replace("Something happened on Monday", "Something happened on Mon")
    data = write_data(tmp_path, events={"e.yaml": EVENT, "f.yaml": other, "g.yaml": third},
                      corrections=CORRECTIONS)
    raw, problems = load_records(data)
    assert problems == []
    pages = render_pages(validate(raw))
    flag = 'class="chrono-flag"'
    assert pages["events/e.md"].count(flag) == 1
    assert '<a href="#correction-wrong-day" aria-label="See the correction: ' in pages["events/e.md"]
    assert 'id="correction-wrong-day" data-toc-level="3"' in pages["events/e.md"]
    assert 'href="../../corrections/#wrong-day" aria-label="See the correction: ' \
        in pages["events/f.md"]
    assert '">see correction</a>' in pages["events/f.md"]  # its words as the page shows them
    assert flag not in pages["events/g.md"]  # "on Mon" does not hold "on Monday"
    # On the corrections page, the wrong words are the correction itself: no flag.
    assert flag not in pages["corrections/index.md"]
    assert "chrono-overview" in pages["corrections/index.md"]


def test_event_page_says_what_happened_before_how_its_date_is_known(tmp_path: Path) -> None:
    page = render_pages(chronology_with(tmp_path, e=EVENT))["events/e.md"]
    assert page.index('class="chrono-event__summary"') < page.index('<details class="chrono-basis">')
    assert "How the date is known: " in page and 'data-chrono-nav="../../phases/second/"' in page


def test_outline_takes_labelled_regions_and_a_level_of_their_own() -> None:
    page = ('<h1 id="t">T</h1><div id="c" role="region" aria-label="Errors">'
            '<section aria-label="A" data-toc-level="3" id="c-a"></section></div>'
            '<div id="plain"></div>')
    assert markup.outline(page) == [{"level": 1, "id": "t", "name": "T", "children": [
        {"level": 2, "id": "c", "name": "Errors", "children": [
            {"level": 3, "id": "c-a", "name": "A", "children": []}]}]}]


@pytest.mark.parametrize(("words", "nested"), [("plain words", False), ("“Quoted,” he said", True),
                                                ('a "word"', True), ("it’s", False)])
def test_our_quotation_marks_turn_single_around_words_holding_double_ones(words: str,
                                                                           nested: bool) -> None:
    assert ('class="chrono-q--nested"' in markup.quote(words)) is nested
    assert markup.quote("<b>") == "<q>&lt;b&gt;</q>"


def test_labels_and_values_are_kept_apart() -> None:
    assert markup.pairs([("Published", "2 August")]) == (
        '<dl class="chrono-details">\n<dt>Published</dt>\n<dd>2 August</dd>\n</dl>')


@pytest.mark.parametrize(("name", "native", "romanised", "family"), [
    ("Moon Jae-in", "문재인", None, "Moon"), ("Yoon Suk Yeol", "윤석열", None, "Yoon"),
    ("Fumio Kishida", "岸田文雄", "Kishida Fumio", "Kishida"),
    ("Taro Kono", "河野太郎", "Kōno Tarō", "Kōno"), ("Mike Pompeo", None, None, "Pompeo"),
    ("Junichi Ihara", "伊原純一", None, "Ihara")])
def test_family_names_follow_from_the_data(name: str, native: str | None, romanised: str | None,
                                           family: str) -> None:
    from chronology.model import Actor
    from chronology.render.people import family_name, name_html, sort_key
    actor = Actor(id="x", name=name, kind="person", native=native, romanised=romanised)
    assert family_name(actor) == family
    assert sort_key(actor)[0] == family.casefold().replace("ō", "o")
    assert '<span class="chrono-family">' in name_html(actor)


def test_timeline_entries_carry_their_filter_tokens(tmp_path: Path) -> None:
    chronology = chronology_with(tmp_path, e=EVENT)
    timeline = render_fragments(chronology)["timeline"]
    assert '<form class="chrono-filters" id="filters"' in timeline and " hidden " in timeline
    assert re.search(r'<li class="chrono-timeline__item[^"]*" data-f="">', timeline)
    assert "1 of 1 events" in timeline


ACTORS = """\
- id: court
  name: A court
  kind: court
  country: South Korea
- id: minister
  name: A minister
  kind: person
  country: Japan
"""
TOPICS = """\
- id: summits
  title: Summits
  summary: Meetings of leaders.
"""


def test_kind_and_country_follow_from_actors_topics_and_in_force(tmp_path: Path) -> None:
    from chronology.render.filters import Facets
    from chronology.render.site import Site
    ruling = EVENT + "actors: [court, minister]\n"
    talks = EVENT.replace("Something", "Talks") + "actors: [minister]\ntopics: [summits]\n"
    decided = (EVENT.replace("Something", "Decided")
               + 'in_force:\n  date: "2019-07-04"\n  basis:\n    kind: record\n'
               + "    not_found: the notice.\n")
    data = write_data(tmp_path, events={"r.yaml": ruling, "t.yaml": talks, "d.yaml": decided},
                      actors=ACTORS, topics=TOPICS)
    raw, problems = load_records(data)
    assert problems == []
    site = Site(validate(raw))
    facets = Facets(site)
    event = {e.id: e for e in site.events}
    assert facets.tokens(event["r"]).split() == ["a0", "a1", "ck", "kr"]  # the first actor acted
    assert facets.tokens(event["t"]).split() == ["t0", "a1", "cj", "kt"]
    assert facets.tokens(event["d"]).split() == ["kd"]  # no actors: no country
    assert facets.tokens(event["d"], True).split() == ["ke"]  # the day it took effect
