"""Citations (chronology/cite.py, render/citing.py): every format parses, round-trips its text,
names the right item type, and stays well-formed whatever a title holds."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from chronology.cite import DATASET, ENTRY, FORMATS, Slot, Work, as_text, citation, folded, slots
from chronology.history import Changed, History
from chronology.model import Chronology
from chronology.publication import Publication, repository_problem
from chronology.render import edition_site, iter_pages, render_fragments
from chronology.render.citing import Words, chronology_work, event_work, with_permalinks
from citation_formats import Refused, bibtex_value, read_bibtex, read_csl, read_ris
from support import write_data

TODAY = datetime.date(2026, 12, 9)
VERSION = datetime.date(2026, 12, 7)
HOSTILE_TITLES = [
    "A {braced} title", "Unbalanced } brace", "Unbalanced { brace", "}, author = {Mallory",
    "@misc{evil, title = {x}}", 'A "quoted" title', "A title\nwith a line break",
    "ER  - \nTY  - JOUR", "Line\u2028separator and\x85next line", "back\\slash \\textbf{bold}",
    "100% & #1 at $5 for_all ~ ^", "</code></pre><script>alert(1)</script>",
    "한국 법원, 일본제철 자산 압류 승인", "「日本製鉄」の資産差し押さえ", "   spaces   around   ",
]


KNOWN = Changed(VERSION, True)


def work(title: str = "A South Korean court approves the seizure", kind: str = ENTRY,
         base: str = "https://example.org/c/", changed: Changed = KNOWN,
         version: datetime.date | None = VERSION, lang: str = "en") -> Work:
    return Work(key="jk-trade-dispute-e" if kind == ENTRY else "jk-trade-dispute", kind=kind,
                title=title, path="events/e/" if kind == ENTRY else "", base=base,
                site="Japan–South Korea trade dispute, 2018–2023", changed=changed,
                version=version, lang=lang, abstract="What happened.\nIn two lines.")


def text(style: str, given: Work, accessed: datetime.date | None = TODAY,
         site: str = "") -> str:
    words = Words(edition_site(Chronology(phases=(), sources=(), events=()), lang=given.lang))
    return as_text(citation(given, style, words), site, accessed, given.lang)


@pytest.mark.parametrize("accessed", [TODAY, None], ids=["accessed", "no-script"])
@pytest.mark.parametrize("kind", [ENTRY, DATASET])
@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_bibtex_reads_back_whatever_the_title(title: str, kind: str,
                                              accessed: datetime.date | None) -> None:
    [(entry, key, fields)] = read_bibtex(text("bibtex", work(title, kind), accessed))
    assert entry == ("online" if kind == ENTRY else "misc")
    assert key == work(kind=kind).key
    assert bibtex_value(fields["title"]) == folded(title)
    assert fields["url"] == ("https://example.org/c/events/e/" if kind == ENTRY
                             else "https://example.org/c/")
    assert fields.get("urldate") == (accessed.isoformat() if accessed else None)
    assert fields["version"] == "2026-12-07"


@pytest.mark.parametrize("accessed", [TODAY, None], ids=["accessed", "no-script"])
@pytest.mark.parametrize("kind", [ENTRY, DATASET])
@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_ris_reads_back_whatever_the_title(title: str, kind: str,
                                           accessed: datetime.date | None) -> None:
    [record] = read_ris(text("ris", work(title, kind), accessed))
    # Zotero: ELEC is a web page, DATA a data set (its RIS translator's type map).
    assert record["TY"] == ["ELEC" if kind == ENTRY else "DATA"]
    assert record["TI"] == [folded(title)]
    assert record.get("Y2") == (["2026/12/09"] if accessed else None)
    assert record["DA"] == ["2026/12/07"]
    if kind == ENTRY:
        assert record["T2"] == ["Japan–South Korea trade dispute, 2018–2023"]
        assert record["AB"] == ["What happened. In two lines."]
    else:
        assert record["ET"] == ["2026-12-07"]  # a data set's version


@pytest.mark.parametrize("accessed", [TODAY, None], ids=["accessed", "no-script"])
@pytest.mark.parametrize("kind", [ENTRY, DATASET])
@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_csl_json_is_valid_by_the_csl_schema_whatever_the_title(
        title: str, kind: str, accessed: datetime.date | None) -> None:
    [item] = read_csl(text("csl", work(title, kind), accessed))
    assert item["type"] == ("webpage" if kind == ENTRY else "dataset")
    assert item["title"] == folded(title)
    assert item.get("accessed") == ({"date-parts": [[2026, 12, 9]]} if accessed else None)
    assert item["issued"] == {"date-parts": [[2026, 12, 7]]}
    assert item["version"] == "2026-12-07"


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_the_plain_styles_are_one_line(title: str) -> None:
    for style in ("apa", "chicago"):
        for kind in (ENTRY, DATASET):
            cited = text(style, work(title, kind))
            assert "\n" not in cited and "\u2028" not in cited and folded(title) in cited


def test_apa_and_chicago_as_the_styles_write_them() -> None:
    assert text("apa", work()) == (
        "A South Korean court approves the seizure. (2026, December 7). In Japan–South Korea "
        "trade dispute, 2018–2023. Retrieved December 9, 2026, from https://example.org/c/events/e/")
    assert text("chicago", work()) == (
        "“A South Korean court approves the seizure.” Japan–South Korea trade dispute, 2018–2023. "
        "Last modified December 7, 2026. https://example.org/c/events/e/.")
    assert text("apa", work(kind=DATASET, title="Japan–South Korea trade dispute, 2018–2023")) == (
        "Japan–South Korea trade dispute, 2018–2023 (Version 2026-12-07) [Data set]. (2026). "
        "Retrieved December 9, 2026, from https://example.org/c/")
    # Without the script, no day accessed; a date only "on or before" is no date.
    assert text("apa", work(changed=Changed(VERSION)), accessed=None) == (
        "A South Korean court approves the seizure. (n.d.). In Japan–South Korea trade dispute, "
        "2018–2023. https://example.org/c/events/e/")
    assert text("chicago", work(changed=Changed(None))) == (
        "“A South Korean court approves the seizure.” Japan–South Korea trade dispute, 2018–2023. "
        "Accessed December 9, 2026. https://example.org/c/events/e/.")


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_the_editions_write_dates_their_way(real_chronology: Chronology, lang: str) -> None:
    words = Words(edition_site(real_chronology, lang=lang))
    apa = as_text(citation(work(lang=lang, title="제목"), "apa", words), "", TODAY, lang)
    assert ("2026년 12월 7일" if lang == "ko" else "2026年12月7日") in apa
    assert ("2026년 12월 9일 검색, " if lang == "ko" else "2026年12月9日閲覧, ") in apa
    [item] = read_csl(text("csl", work(lang=lang)))
    assert item["language"] == lang


def test_without_the_sites_address_the_browser_gives_it() -> None:
    cited = citation(work(base=""), "bibtex", Words(edition_site(Chronology(
        phases=(), sources=(), events=()))))
    assert [s.kind for s in slots(cited)] == ["url", "accessed"]
    [(_, _, fields)] = read_bibtex(as_text(cited, "http://127.0.0.1:8000/", TODAY))
    assert fields["url"] == "http://127.0.0.1:8000/events/e/"
    [item] = read_csl(as_text(citation(work(base=""), "csl", Words(edition_site(Chronology(
        phases=(), sources=(), events=())))), "http://127.0.0.1:8000/"))
    assert item["URL"] == "http://127.0.0.1:8000/events/e/"


def test_the_strict_readers_refuse_what_would_break() -> None:
    with pytest.raises(Refused):
        read_bibtex("@online{k,\n  title = {A } B},\n}\n")  # a brace ends the field early
    with pytest.raises(Refused):
        read_bibtex("@online{k,\n  title = {A {B},\n}\n")  # never closed
    with pytest.raises(Refused):
        bibtex_value("A \\textbf{B}")
    with pytest.raises(Refused):
        read_ris("TY  - ELEC\nTI  - A\ncontinued\nER  - \n")
    with pytest.raises(Refused):
        read_ris("TY  - ELEC\nTI  - A\n")
    with pytest.raises(Refused):
        read_csl(json.dumps([{"id": "x", "type": "web page"}]))


def test_every_real_event_cites_in_every_format_and_edition(real_chronology: Chronology) -> None:
    history = History({}, known=True, version=VERSION)
    for lang in ("en", "ko", "ja"):
        site = edition_site(real_chronology, "Site", lang, Publication(name="Site", history=history))
        for event in site.chronology.events:
            cited = event_work(site, event)
            [(_, _, fields)] = read_bibtex(as_text(citation(cited, "bibtex", Words(site)), "", TODAY))
            assert bibtex_value(fields["title"]) == folded(event.title)
            [record] = read_ris(as_text(citation(cited, "ris", Words(site)), "", TODAY))
            assert record["TI"] == [folded(event.title)] and record["LA"] == [lang]
            [item] = read_csl(as_text(citation(cited, "csl", Words(site)), "", TODAY))
            assert item["title"] == folded(event.title)


def test_an_event_page_holds_every_format_and_says_when_it_changed(tmp_path: Path) -> None:
    from chronology.validate import load_chronology
    chronology = load_chronology(write_data(tmp_path))
    history = History({"data/events/something-happened.yaml": VERSION}, known=True,
                      version=VERSION)
    page = dict(iter_pages(chronology, "Site", "en", Publication(name="Site", history=history)))[
        "events/something-happened.md"]
    for style in FORMATS:
        assert f'id="citation-{style}"' in page
    assert 'Last changed on <time datetime="2026-12-07">7 December 2026</time>.' in page
    assert 'class="chrono-accessed"' in page and " hidden>" in page  # left out until the script
    assert 'data-copy-link=""' in page  # the Copy link button by the title
    assert "chrono-report" not in page  # no repository: no report link
    unknown = dict(iter_pages(chronology, "Site", "en", Publication(
        name="Site", history=History(version=None))))["events/something-happened.md"]
    assert "When this event last changed is not known for this copy" in unknown
    shallow = dict(iter_pages(chronology, "Site", "en", Publication(name="Site", history=History(
        {"data/events/something-happened.yaml": VERSION}, cut=frozenset(
            {"data/events/something-happened.yaml"}), known=True))))["events/something-happened.md"]
    assert "Last changed on or before" in shallow


def test_a_report_link_names_the_event_where_a_repository_is_configured(tmp_path: Path) -> None:
    from urllib.parse import parse_qs, urlsplit

    from chronology.validate import load_chronology
    chronology = load_chronology(write_data(tmp_path))
    publication = Publication(name="Site", base="https://example.org/c/",
                              repository="https://github.com/o/r")
    page = dict(iter_pages(chronology, "Site", "en", publication))["events/something-happened.md"]
    href = page.split('class="chrono-report__link" href="')[1].split('"')[0].replace("&amp;", "&")
    parts = urlsplit(href)
    assert (parts.netloc, parts.path) == ("github.com", "/o/r/issues/new")
    query = parse_qs(parts.query)
    assert query["title"] == ["Error in “Something happened” (something-happened)"]
    assert "Page: https://example.org/c/events/something-happened/" in query["body"][0]
    gitlab = Publication(repository="https://gitlab.com/o/r").report_url("T", "B")
    assert gitlab == "https://gitlab.com/o/r/-/issues/new?issue%5Btitle%5D=T&issue%5Bdescription%5D=B"
    about = render_fragments(chronology, "about/", "en", publication)["report"]
    assert "Report an error" in about
    assert "does not name a repository" in render_fragments(chronology, "about/")["report"]


@pytest.mark.parametrize(("value", "fine"), [
    ("", True), ("https://github.com/o/r", True), ("http://github.com/o/r", False),
    ('https://github.com/o/r"><script>', False), ("https://github.com/o/r?x=1", False),
    ("javascript:alert(1)", False)])
def test_the_repository_must_be_an_https_address(value: str, fine: bool) -> None:
    assert (repository_problem(value) is None) == fine


def test_the_whole_chronology_is_a_data_set_of_the_version_built(tmp_path: Path) -> None:
    from chronology.validate import load_chronology
    chronology = load_chronology(write_data(tmp_path))
    site = edition_site(chronology, "Site", "en", Publication(name="Site", history=History(
        version=VERSION)))
    cited = chronology_work(site)
    assert (cited.kind, cited.version, cited.title) == (DATASET, VERSION, "Site")
    [item] = read_csl(as_text(citation(cited, "csl", Words(site)), "https://example.org/"))
    assert (item["type"], item["version"], item["URL"]) == ("dataset", "2026-12-07",
                                                            "https://example.org/")
    fragment = render_fragments(chronology, "about/", "en", Publication(name="Site", history=History(
        version=VERSION)))["cite"]
    assert "This is the version of" in fragment and 'id="chronology-ris"' in fragment


def test_headings_of_generated_pages_get_a_permanent_link() -> None:
    body = ('<section id="sources" aria-label="S"><h2>What the sources say</h2></section>'
            '<h2 id="timeline">Timeline</h2><h1 id="t">Title</h1>'
            '<section aria-label="no id"><h2>Untouched</h2></section>')
    linked = with_permalinks(body, "Link")
    assert linked.count('class="headerlink"') == 2
    assert '<h2>What the sources say<a class="headerlink" href="#sources"' in linked
    assert '<h2 id="timeline">Timeline<a class="headerlink" href="#timeline"' in linked
    assert with_permalinks(linked, "Link") == linked  # once


def test_a_slot_is_never_text_from_data() -> None:
    # The address the browser fills in comes from the page's own link, never from data.
    cited = citation(work(base=""), "apa", Words(edition_site(Chronology(
        phases=(), sources=(), events=()))))
    assert all(isinstance(part, str | Slot) for part in cited)
    assert [s.path for s in slots(cited) if s.kind == "url"] == ["events/e/"]
