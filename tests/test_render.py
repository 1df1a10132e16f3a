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
    assert sorted(pages) == ["actors/index.md", "context/index.md", "corrections/index.md",
                             "events/index.md", "events/something-happened.md", "glossary/index.md",
                             "phases/first.md", "phases/second.md", "record/index.md",
                             "sources/index.md",
                             "sources/paper-2019-07-02.md", "topics/index.md",
                             "tracks/index.md"]


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
    assert f'<h1 id="event-title">{html.escape(HOSTILE, quote=True)}<span' in page
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
                                         "phases, timeline"):
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
    assert "(our translation: “a review of export control operations”)" in event
    assert 'href="../../record/#meti-2019-07-01"' in event
    assert "The record for this date was not found: METI&#x27;s notice" in event
    assert '<section id="record" aria-label="From the public record">' in event
    record = pages["record/index.md"]
    assert '<section class="chrono-record-source" id="meti-2019-07-01"' in record
    assert 'href="../events/e/"' in record and "in Japanese" in record
    # The day the measure took effect stands on the timeline, linked to its decision.
    phase = pages["phases/second.md"]
    assert re.search(r'<time datetime="2019-07-04">[^<]*</time> <span class="chrono-timeline__badge">'
                     r'Takes effect</span> <a href="../../events/e/#in-force">', phase)
