"""Script planted in the data never runs in a reader's browser.

Every text field of every record in a copy of the real data gets markup that would run if it
were ever treated as HTML: in our pages, in the search index and its results and suggestions,
in the glossary tooltips, in the navigation. Then a reader visits every page, searches, hovers
and focuses, and the test fails if any of it ran or became an element.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from support import DESKTOP, build_editions, copy_project, load_yaml, once_per_run, screenshot

pytestmark = pytest.mark.build

# Fields that hold text (ids, dates, kinds and addresses are checked by validation instead).
TEXT_FIELDS = {"title", "summary", "outlet", "published_basis", "agency", "author", "notes",
               "note", "quote", "phrase", "name", "native", "romanised", "role", "correction",
               "evidence", "definition", "term", "aliases", "translation", "not_found", "country",
               "machine_translation", "occasion",  # who machine-translated a page; a statement's
               "ko", "ja",  # an actor's names as Korean and Japanese write them
               "reason",  # a change of the chronology's own (data/changes.yaml)
               "text", "by", "reviewed"}  # a translation (data/i18n/), who made and reviewed it
# What each English quote became: a translation repeats it verbatim (an event's, and a background
# entry's or a correction's in the list files' `citations`). The same words quoted twice become
# the same planted words.
QUOTES: dict[str, str] = {}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


PAGES: list[str] = []  # every page of the hostile site, relative to its root
SITE: list[Path] = []  # the hostile site's folder


def payload(number: int) -> str:
    """Markup that calls __x(number) if it is ever parsed as HTML, in text or in an attribute;
    one long word, so that a title holding it overflows where titles are cut short."""
    return f"\"'><img/src/onerror=__x({number})//{'x' * 20}>"


def plant(value: Any, where: str, planted: list[str]) -> Any:
    if isinstance(value, dict):
        return {key: plant_field(key, item, f"{where}.{key}", planted) if key in TEXT_FIELDS
                else plant(item, f"{where}.{key}", planted) for key, item in value.items()}
    if isinstance(value, list):
        return [plant(item, f"{where}[{index}]", planted) for index, item in enumerate(value)]
    return value


def plant_field(key: str, value: Any, where: str, planted: list[str]) -> Any:
    if where.startswith("data/glossary.yaml") and key in {"term", "aliases"}:
        return value  # kept, so that the terms still occur in the text and get their tooltips
    if isinstance(value, list):  # aliases: each one
        return [plant_field(key, item, f"{where}[{index}]", planted)
                for index, item in enumerate(value)]
    if not isinstance(value, str):
        return plant(value, where, planted)
    if ".said" in where and key == "by":
        return value  # an actor's id (whose words a quote gives), checked by validation
    if key == "quote" and where.startswith("data/figures.yaml"):
        # Whole, so that the words stating the figure's number (`stated`) still stand in it.
        planted.append(where)
        return f"{value} {payload(len(planted) - 1)}"
    if key == "quote" and where.startswith("data/i18n/"):
        return QUOTES.get(value, value)  # the English quote, as planted
    if key == "quote" and value in QUOTES:
        return QUOTES[value]
    planted.append(where)
    planted_value = f"{value[:40]} {payload(len(planted) - 1)}"  # within the longest title allowed
    if key == "quote":
        QUOTES[value] = planted_value
    return planted_value


def _build_hostile_site(folder: Path) -> None:
    """The real project with a payload planted in every text of its data, built; the payloads
    (planted.json), in the order their numbers say."""
    project = copy_project(folder / "project")
    planted: list[str] = []
    for file in sorted((project / "data").rglob("*.yaml")):
        where = file.relative_to(project).as_posix()
        value = plant(load_yaml(file.read_text("utf-8")), where, planted)
        file.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), "utf-8")
    result = build_editions(project, project / "site")  # the English, and ko/ and ja/
    assert result.returncode == 0, result.stderr
    (folder / "planted.json").write_text(json.dumps(planted), "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    built = once_per_run(tmp_path_factory, "hostile", _build_hostile_site)  # one for the run
    site = built / "project" / "site"
    planted = json.loads((built / "planted.json").read_text("utf-8"))
    SITE[:] = [site]
    PAGES[:] = sorted(str(p.parent.relative_to(site).as_posix() + "/").removeprefix("./")
                      for p in site.rglob("index.html"))
    assert any(page.startswith("ko/") for page in PAGES) and any(
        page.startswith("ja/") for page in PAGES)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", planted
    server.shutdown()
    server.server_close()


@pytest.fixture
def reader(browser: Browser, hostile_site: tuple[str, list[str]]) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    # Anything planted that runs calls __x; it is recorded on the page for the test to read.
    context.add_init_script("window.__ran = []; window.__x = (n) => window.__ran.push(n);")
    page = context.new_page()
    yield page
    context.close()


def assert_nothing_ran(page: Page, planted: list[str], doing: str) -> None:
    ran = page.evaluate("window.__ran")
    elements = page.locator("img[onerror]").count()
    assert not ran, f"{doing}: planted script ran from " + ", ".join(sorted({planted[n] for n in ran}))
    assert elements == 0, f"{doing}: planted markup became {elements} element(s)"


def test_no_page_holds_planted_markup_unescaped(hostile_site: tuple[str, list[str]]) -> None:
    """Every page of the three editions, as written: the payload's "<img" is escaped wherever
    it stands (text, attributes, inline data), so no parser can make it an element."""
    url, _ = hostile_site
    site = SITE[0]
    assert len(PAGES) > 80
    raw = [page for page in PAGES
           if "<img/src/onerror=" in (site / page / "index.html").read_text("utf-8")]
    assert raw == []
    text = (site / "index.html").read_text("utf-8")
    assert "onerror=__x(" in text  # planted, and shown (escaped) on the home page


def kinds(pages: list[str]) -> list[str]:
    """One page of each kind (the home, an event, a person, a phase, each list ...): the scripts
    that insert text differ by kind of page, not by record, nor much by edition (of which the
    home and three events)."""
    first: dict[tuple[str, ...], str] = {}
    for page in pages:
        parts = page.strip("/").split("/")
        if parts[0] in ("ko", "ja"):
            first.setdefault((parts[0],), f"{parts[0]}/")
            continue
        first.setdefault((*parts[:1], str(len(parts) > 1)), page)
    # And events that carry what others lack: a record with measures in force, corrections.
    extra = {f"{edition}events/{event}/" for edition in ("", "ko/", "ja/") for event in (
        "2019-08-02-japan-removes-south-korea-from-white-list",
        "2019-08-02-seoul-vows-a-firm-response", "2019-10-11-first-wto-consultations-in-geneva")}
    return sorted(set(first.values()) | (extra & set(pages)))


def visit_all(reader: Page, url: str, planted: list[str], pages: list[str]) -> None:
    for page in [*pages, "no-such-page/"]:  # the last one is the 404 page
        reader.goto(url + page)
        assert_nothing_ran(reader, planted, f"reading /{page}")
    reader.goto(url)
    expect(reader.get_by_text("onerror=__x(", exact=False).first).to_be_attached()


def test_a_page_of_each_kind_shows_planted_markup_as_text(
        reader: Page, hostile_site: tuple[str, list[str]]) -> None:
    url, planted = hostile_site
    sample = kinds(PAGES)
    assert len(sample) > 25 and any(p.startswith("ko/events/") for p in sample)
    visit_all(reader, url, planted, sample)


@pytest.mark.review  # every one of some 450 pages in the browser: minutes
def test_every_page_shows_planted_markup_as_text(reader: Page,
                                                 hostile_site: tuple[str, list[str]]) -> None:
    url, planted = hostile_site
    visit_all(reader, url, planted, PAGES)


# What Material gives a tooltip: elements with a title (glossary terms), and titles cut short in
# the header, the navigation and the table of contents (its "ellipsis" patch).
TOOLTIP_HOSTS = ("abbr[title], [data-md-tooltip], .md-typeset [title], .md-header__topic, "
                 ".md-nav__link, .md-ellipsis, .chrono-ellipsis")


@pytest.mark.parametrize("where", ["", "glossary/", "corrections/", "phases/2019-2020-talks/",
                                   "events/2019-08-02-japan-removes-south-korea-from-white-list/"])
def test_tooltips_keep_planted_markup_as_text(reader: Page, hostile_site: tuple[str, list[str]],
                                              where: str) -> None:
    url, planted = hostile_site
    reader.goto(url + where)
    reader.wait_for_timeout(200)  # Material mounts its tooltips once the page has loaded
    # Handles, not a locator: Material takes an element's title away while its tooltip shows.
    hosts = reader.locator(TOOLTIP_HOSTS).element_handles()
    hovered = 0
    for host in hosts[:80]:
        if host.is_visible():
            host.hover(force=True, timeout=2_000)  # header parts overlap: hover where it is
            host.focus()
            hovered += 1
    assert hovered > 5
    assert_nothing_ran(reader, planted, f"hovering and focusing titles and terms on /{where}")


@pytest.mark.parametrize("query", ["img", "onerror", "white", "whitelist", "x", "Japan", "GSOMIA",
                                   "강제징용", "輸出", "onerorr", "2 August 2019"])
def test_search_results_keep_planted_markup_as_text(reader: Page,
                                                    hostile_site: tuple[str, list[str]],
                                                    query: str) -> None:
    """Titles, dates, kinds and filter names from the index are set as text; Pagefind's excerpt,
    the one part inserted as HTML, holds the planted markup escaped."""
    url, planted = hostile_site
    reader.goto(url)
    box = reader.get_by_role("textbox", name="Search")
    box.click()
    reader.keyboard.type(query)
    expect(reader.locator("[data-chrono-search]")).to_have_attribute("data-shown", query,
                                                                    timeout=10_000)
    results = reader.locator(".md-search-result__item")
    for index in range(min(results.count(), 10)):
        results.nth(index).hover()
    if query == "onerror":  # the planted text itself is found, and shown as text
        expect(reader.locator(".chrono-search-excerpt").first).to_contain_text("onerror=__x(")
        screenshot(reader, "hostile-search")
    assert_nothing_ran(reader, planted, f"searching for {query!r}")
    dialog = reader.get_by_role("dialog", name="Search")
    dialog.get_by_text("Filter by phase, topic or person").click()
    for name in ("Phase", "Topic", "Who"):
        select = dialog.get_by_role("combobox", name=name)
        expect(select.locator("option")).not_to_have_count(1)
        values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        assert any("onerror" in value for value in values), values  # the planted names
        select.select_option(values[1])
        reader.wait_for_timeout(100)
        select.select_option("")
    assert_nothing_ran(reader, planted, f"filtering the results for {query!r}")
    link = reader.locator(".md-search-result__link")
    if link.count():
        with reader.expect_navigation():
            link.first.click()  # the page opens with the search words marked
        assert_nothing_ran(reader, planted, f"opening the first result for {query!r}")


def test_filters_and_the_picker_keep_planted_markup_as_text(reader: Page,
                                                            hostile_site: tuple[str, list[str]]) -> None:
    """The timeline's filters (options named by topics, people and their countries), the
    corrections' overview and Who's who by country, and the picker's list of measures."""
    url, planted = hostile_site
    reader.goto(url)
    for name in ("topic", "actor", "country", "kind"):
        select = reader.locator(f"#filter-{name}")
        values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        for value in values[1:4]:
            select.select_option(value)
        select.select_option("")
    reader.goto(url + "?topic=x&actor=%22%3E%3Cimg%20src%3Dx%20onerror%3D__x(0)%3E")
    assert_nothing_ran(reader, planted, "filtering the timeline")
    reader.goto(url + "tracks/")
    for year in reader.locator("#asof-year option").evaluate_all("os => os.map(o => o.value)"):
        reader.locator("#asof-year").select_option(year)
    assert_nothing_ran(reader, planted, "choosing days in the picker")
    for page in ("corrections/", "actors/", "events/", "no-such-page/"):
        reader.goto(url + page)
        assert_nothing_ran(reader, planted, f"reading /{page}")
