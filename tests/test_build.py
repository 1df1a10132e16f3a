"""A full strict build of the real data: pages exist, links hold, search finds events."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from support import ROOT, copy_project, load_yaml, mkdocs_build, search_index

pytestmark = pytest.mark.build

DATA = ROOT / "data"
EVENT_IDS = sorted(p.stem for p in (DATA / "events").glob("*.yaml"))
PHASE_IDS = [p["id"] for p in load_yaml((DATA / "phases.yaml").read_text("utf-8"))]
SOURCE_IDS = [s["id"] for s in load_yaml((DATA / "sources.yaml").read_text("utf-8"))]


def ids_in(name: str) -> list[str]:
    return [item["id"] for item in load_yaml((DATA / f"{name}.yaml").read_text("utf-8"))]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        for name in ("src", "href"):
            if tag in {"script", "img", "link", "iframe", "source"} and found.get(name):
                self.resources.append(found[name] or "")


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser


def url_of(site: Path, page: Path) -> str:
    relative = page.parent.relative_to(site).as_posix()
    return "http://site/" + ("" if relative == "." else relative + "/")


def target_file(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def test_real_data_has_four_phases_and_an_event_in_each() -> None:
    assert len(PHASE_IDS) == 4
    phases = {load_yaml(p.read_text("utf-8"))["phase"] for p in (DATA / "events").glob("*")}
    assert phases == set(PHASE_IDS)


def test_every_page_exists(built_site: Path) -> None:
    expected = ["index.html", "about/index.html", "sources/index.html"]
    expected += [f"phases/{i}/index.html" for i in PHASE_IDS]
    expected += [f"events/{i}/index.html" for i in EVENT_IDS]
    expected += [f"sources/{i}/index.html" for i in SOURCE_IDS]
    expected += [f"actors/{i}/index.html" for i in ids_in("actors")]
    expected += [f"topics/{i}/index.html" for i in ids_in("topics")]
    expected += ["actors/index.html", "topics/index.html", "corrections/index.html",
                 "context/index.html"]
    missing = [path for path in expected if not (built_site / path).is_file()]
    assert missing == []


def test_nothing_generated_is_written_into_docs() -> None:
    # The hand-written pages and their Korean and Japanese translations.
    assert sorted(p.name for p in (ROOT / "docs").iterdir()) == [
        "about.ja.md", "about.ko.md", "about.md", "assets", "data.ja.md", "data.ko.md", "data.md",
        "index.ja.md", "index.ko.md", "index.md", "naming.ja.md", "naming.ko.md", "naming.md"]


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    pages = sorted(built_site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    for page, links in parsed.items():
        base = url_of(built_site, page)
        for href in links.links:
            url = urljoin(base, href)
            if not url.startswith("http://site/"):
                continue
            target = target_file(built_site, url)
            fragment = urlsplit(url).fragment
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
            elif fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(built_site)} -> {href} (no such anchor)")
    assert broken == []


def test_home_timeline_links_every_event_in_date_order(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    timeline = home[home.index('id="timeline"'):]
    linked = re.findall(r'<a href="events/([a-z0-9-]+)/">', timeline)
    assert sorted(linked) == EVENT_IDS
    # Each entry carries the tokens the timeline's filters match (data-f).
    dates = re.findall(r'<li class="chrono-timeline__item[^"]*" data-f="[^"]*"><time '
                       r'datetime="([0-9-]+)"', timeline)
    # The days measures took effect stand on the timeline too, linked to their decisions.
    taking_effect = sorted(p.stem for p in (DATA / "events").glob("*.yaml")
                           if "in_force" in load_yaml(p.read_text("utf-8")))
    assert taking_effect
    assert sorted(re.findall(r'<a href="events/([a-z0-9-]+)/#in-force">', timeline)) == taking_effect
    assert dates == sorted(dates) and len(dates) == len(EVENT_IDS) + len(taking_effect)


def test_event_page_carries_date_phase_quotes_and_neighbours(built_site: Path) -> None:
    page = (built_site / "events" / "2019-08-02-japan-removes-south-korea-from-white-list"
            / "index.html").read_text("utf-8")
    assert '<time datetime="2019-08-02">2 August 2019</time>' in page
    assert '<time datetime="2019-08-28">28 August 2019</time>' in page
    assert 'href="../../phases/2019-export-restrictions/"' in page
    assert 'href="../../sources/rt-2019-08-02/"' in page
    assert "most-trusted export partners list on Friday morning" in page
    assert 'rel="prev"' in page and 'rel="next"' in page


def test_navigation_lists_phases_not_events(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):home.index("md-sidebar--secondary")]
    assert all(f"phases/{i}/" in nav for i in PHASE_IDS)
    assert "events/" not in nav


def test_search_index_holds_event_titles_and_quotes(built_site: Path) -> None:
    index = search_index(built_site)
    events = {url: page for url, page in index.items() if url.startswith("events/") and url != "events/"}
    assert {url.split("/")[1] for url in events} == set(EVENT_IDS)
    assert "most-trusted export partners list" in " ".join(p["content"] for p in events.values())
    assert not (built_site / "search" / "search_index.json").exists()  # lunr's, unread: deleted


def test_search_index_gives_each_event_its_fields_and_filters(built_site: Path) -> None:
    page = search_index(built_site)["events/2019-08-02-japan-removes-south-korea-from-white-list/"]
    meta = page["meta"]
    assert meta["title"] == "Japan's cabinet removes South Korea from its white list"
    assert (meta["kind"], meta["date"], meta["day"]) == ("event", "2019-08-02", "2 August 2019")
    # The day it was decided and the day it took effect (in_force), as each edition writes them.
    assert meta["when"] == ("2019-08-02 2019年8月2日 2019년 8월 2일 "
                            "2019-08-28 2019年8月28日 2019년 8월 28일")
    assert "ホワイト国" in meta["aka"] and "経済産業省" in meta["aka"]  # a topic's, an actor's
    assert page["filters"]["year"] == ["2019"] and len(page["filters"]["phase"]) == 1
    assert "White lists" in page["filters"]["topic"]


def test_search_index_leaves_out_what_repeats_other_pages(built_site: Path) -> None:
    index = search_index(built_site)
    assert "404.html" not in index and not any(url.startswith("Moved") for url in index)
    home = index[""]["content"]
    # The timeline repeats every event's title: indexed on the events, not on the home page.
    assert "removes South Korea from its white list" not in home
    assert all(page["meta"].get("kind") for page in index.values())
    assert {index[u]["meta"]["kind"] for u in ("actors/fumio-kishida/", "topics/white-lists/",
                                               "sources/ap-2023-04-24/", "record/")} == \
        {"actor", "topic", "source", "record"}


def test_no_third_party_resources(built_site: Path) -> None:
    external = []
    for page in built_site.rglob("*.html"):
        for resource in parse(page).resources:
            if urlsplit(resource).scheme in {"http", "https"} or resource.startswith("//"):
                external.append(f"{page.relative_to(built_site)}: {resource}")
    for css in built_site.rglob("*.css"):
        external += [f"{css.name}: {u}" for u in
                     re.findall(r"@import\s+url\((?:['\"])?(https?:[^)'\"]+)", css.read_text("utf-8"))]
    assert external == []


def test_bad_data_fails_cleanly_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    event = project / "data" / "events" / "2019-08-02-japan-removes-south-korea-from-white-list.yaml"
    text = event.read_text("utf-8").replace("title:", "titel:")
    event.write_text(text, encoding="utf-8")
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("titel:"))) + 1
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (f"data/events/2019-08-02-japan-removes-south-korea-from-white-list.yaml:{line}: "
            "'titel' is not a field of an event; did you mean 'title'?") in result.stderr
    assert (site / "index.html").read_text("utf-8") == "the last good build"


def test_corrections_show_on_their_events_and_on_the_corrections_page(built_site: Path) -> None:
    corrections = load_yaml((DATA / "corrections.yaml").read_text("utf-8"))
    page = (built_site / "corrections" / "index.html").read_text("utf-8")
    for correction in corrections:
        assert f'id="{correction["id"]}"' in page
        for event_id in correction["events"]:
            event_page = (built_site / "events" / event_id / "index.html").read_text("utf-8")
            label = html.escape(" ".join(correction["title"].split()), quote=True)
            assert f'aria-label="{label}"' in event_page, (correction["id"], event_id)


def test_background_page_holds_every_entry(built_site: Path) -> None:
    page = (built_site / "context" / "index.html").read_text("utf-8")
    assert all(f'id="{entry}"' in page for entry in ids_in("context"))


def test_tracks_chart_is_inline_svg_with_links_and_a_table(built_site: Path) -> None:
    tracks = load_yaml((DATA / "tracks.yaml").read_text("utf-8"))
    page = (built_site / "tracks" / "index.html").read_text("utf-8")
    # Drawn twice, for wide and for narrow screens: each drawing holds every lane, bar and dot.
    start = page.index("<svg", page.index('class="chrono-chart"'))
    for layout in ("wide", "narrow"):
        start = page.index("<svg", start + 1) if layout == "narrow" else start
        svg = page[start:page.index("</svg>", start)]
        assert f'chrono-chart__svg--{layout}"' in svg
        assert f'<title id="chart-title-{layout}">' in svg and f'<desc id="chart-desc-{layout}">' in svg
        assert svg.count('class="chrono-chart__lane"') == len(tracks)
        measures = [m for t in tracks for m in t.get("measures", [])]
        assert svg.count('class="chrono-chart__bar') == len(measures)
        assert svg.count('<rect class="chrono-chart__phase') == len(PHASE_IDS)
    linked = set(re.findall(r'<a href="\.\./events/([a-z0-9-]+)/"', svg))
    for track in tracks:
        assert set(track.get("events", [])) <= linked
        assert {m["from"] for m in track.get("measures", [])} <= linked
    table = page[page.index('<div class="md-typeset__table chrono-measures"><table>'):]
    assert table.count('<tr data-from=') == len(measures)
    assert "<script" not in svg
    home = (built_site / "index.html").read_text("utf-8")
    assert 'class="chrono-chart"' in home


def test_glossary_terms_get_tooltips_and_quotes_keep_their_words(built_site: Path) -> None:
    glossary = load_yaml((DATA / "glossary.yaml").read_text("utf-8"))
    page = (built_site / "glossary" / "index.html").read_text("utf-8")
    assert all(f'<dt id="{t["id"]}">' in page for t in glossary)
    event = "2019-07-01-japan-tightens-export-controls-on-three-chemicals"
    html_page = (built_site / "events" / event / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="[^"]+" tabindex="0">photoresist</abbr>', html_page)
    quotes = re.findall(r"<blockquote[^>]*><p>(.*?)</p></blockquote>", html_page)
    shown = [html.unescape(re.sub(r"<[^>]+>", "", q)) for q in quotes]
    data = load_yaml((DATA / "events" / f"{event}.yaml").read_text("utf-8"))
    assert shown[:len(data["citations"])] == [" ".join(c["quote"].split())
                                             for c in data["citations"]]


LIVE_RELOAD = """
import json, os, sys
from pathlib import Path
from chronology.search import BACKGROUND
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import search_fragments

project, event_file = Path(sys.argv[1]), Path(sys.argv[2])
os.chdir(project)

def build_once():
    config = load_config("mkdocs.yml", site_dir=str(project / "site"))
    config.strict = False  # as `make serve` (a dirty build warns that it is one)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    BACKGROUND.wait()  # under serve the index is made after the rebuild, in the background
    return [{"location": f["url"].lstrip("/"), "title": f["meta"]["title"]}
            for f in search_fragments(project / "site")]

before = build_once()
text = event_file.read_text("utf-8")
event_file.write_text(text.replace("title: ", "title: Edited ", 1), "utf-8")
after = build_once()
print(json.dumps({"before": before, "after": after}))
"""


def test_live_reload_replaces_the_search_entries_of_every_rebuilt_page(tmp_path: Path) -> None:
    """Under `serve --dirty` an edited event rebuilds several pages; none is indexed twice."""
    project = copy_project(tmp_path)
    event_file = sorted((project / "data" / "events").glob("*.yaml"))[5]
    title = load_yaml(event_file.read_text("utf-8"))["title"]
    run = subprocess.run([sys.executable, "-c", LIVE_RELOAD, str(project), str(event_file)],
                         capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                              "PYTHONPATH": os.pathsep.join([str(ROOT / "hooks"), str(ROOT / "tests")])})
    assert run.returncode == 0, run.stderr
    index = json.loads(run.stdout.splitlines()[-1])
    before, after = index["before"], index["after"]
    locations = [entry["location"] for entry in after]
    assert len(locations) == len(set(locations)) == len(before)
    titles = {entry["title"] for entry in after}
    assert f"Edited {title}" in titles and title not in titles


def test_a_source_page_lists_its_own_errors_apart_from_its_evidence(built_site: Path) -> None:
    page = (built_site / "sources" / "ap-2023-04-24" / "index.html").read_text("utf-8")
    errors = page.partition('<h2 id="evidence">')[0].partition('<h2 id="errors">')[2]
    evidence = page.partition('<h2 id="evidence">')[2].partition("<h2")[0]
    assert "#ap-three-years" in errors and "#bloomberg-three-months" not in errors
    assert "#bloomberg-three-months" in evidence and "#ap-three-years" not in evidence
    corrections = (built_site / "corrections" / "index.html").read_text("utf-8")
    assert "The move, announced by the South Korean Ministry of Trade" in corrections


def test_search_previews_keep_words_apart(built_site: Path) -> None:
    texts = [page["content"] for url, page in search_index(built_site).items()
             if url.startswith("events/")]
    assert all("Who " in t for t in texts if "Who" in t)
    assert not any(re.search(r"Who[A-Z]|[a-z)]Topics|[a-z)]What the sources", t) for t in texts)


def test_generated_pages_have_a_table_of_contents_and_a_skip_link(built_site: Path) -> None:
    for page in ("events/2019-08-02-japan-removes-south-korea-from-white-list", "corrections",
                 "phases/2019-export-restrictions", "sources/ap-2023-04-24"):
        text = (built_site / page / "index.html").read_text("utf-8")
        assert 'class="md-skip"' in text, page
        assert 'class="md-nav md-nav--secondary"' in text, page


AFTER_A_FAILED_RELOAD = """
import os, sys
from pathlib import Path
from chronology.search import BACKGROUND
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, event_file = Path(sys.argv[1]), Path(sys.argv[2])
os.chdir(project)

def build_once():
    config = load_config("mkdocs.yml", site_dir=str(project / "site"))
    config.strict = False
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    BACKGROUND.wait()

build_once()
event_file.write_text(event_file.read_text("utf-8").replace("title: ", "title: Edited ", 1))
about = project / "docs" / "about.md"
good = about.read_text("utf-8")
about.write_text(good + "\\n<!-- chronology:no-such-marker -->\\n", "utf-8")
try:
    build_once()  # fails after the pages were generated, before they are written
except Exception:
    pass
else:
    sys.exit("the broken build did not fail")
about.write_text(good, "utf-8")
build_once()
page = project / "site" / "events" / event_file.stem / "index.html"
print("Edited " in page.read_text("utf-8"))
"""


def test_a_failed_live_reload_does_not_hide_an_edit_from_the_next(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    event_file = sorted((project / "data" / "events").glob("*.yaml"))[5]
    run = subprocess.run([sys.executable, "-c", AFTER_A_FAILED_RELOAD, str(project), str(event_file)],
                         capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                              "PYTHONPATH": str(ROOT / "hooks")})
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[-1] == "True"


def test_the_site_carries_every_export_in_full(built_site: Path) -> None:
    events = sorted(p.stem for p in (ROOT / "data" / "events").glob("*.yaml"))
    data = json.loads((built_site / "events.json").read_text("utf-8"))
    assert sorted(e["id"] for e in data["events"]) == events
    for name in ("events.csv", "events.ics", "events.atom", "events.schema.json"):
        assert (built_site / name).stat().st_size > 1000, name


def test_every_page_keeps_the_search_box_and_material_writes_no_index(built_site: Path) -> None:
    """Material's search plugin is not used (Pagefind's is the index): its box in the header is
    ours (hooks/theme/partials/header.html), and must be on every page."""
    pages = [p for p in built_site.rglob("*.html")
             if 'http-equiv="refresh"' not in p.read_text("utf-8")]  # not the redirects
    missing = [str(p.relative_to(built_site)) for p in pages
               if 'for="__search"' not in p.read_text("utf-8")]
    assert len(pages) > 100 and missing == []
    assert not (built_site / "search" / "search_index.json").exists()
