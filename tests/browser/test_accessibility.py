"""axe-core in Chromium: no violations on the pages a reader lands on."""

from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import Page

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
PAGES = ["", "phases/2019-export-restrictions/",
         "events/2019-08-02-japan-removes-south-korea-from-white-list/",
         "sources/rt-2019-08-02/", "corrections/", "context/", "actors/moon-jae-in/",
         "events/2019-08-02-seoul-vows-a-firm-response/", "tracks/", "events/", "actors/",
         "?topic=gsomia&kind=decision", "changes/", "about/"]
# Contrast is the theme's, not the page's: make test checks the dark palette on a sample (the
# home, an event, the timeline filtered); make review on every page.
DARK_SAMPLE = {"", "events/2019-08-02-japan-removes-south-korea-from-white-list/",
               "?topic=gsomia&kind=decision"}


def schemes(pages: list[str], dark_sample: set[str]) -> list[object]:
    """(path, scheme) for each page: light in make test, dark there on the sample only."""
    return [pytest.param(path, scheme, marks=pytest.mark.review
                         if scheme == "dark" and path not in dark_sample else ())
            for path in pages for scheme in ("light", "dark")]


def axe_violations(page: Page) -> list[str]:
    """What axe finds on the page as it is now: each rule broken, with where (three at most)."""
    page.evaluate(AXE)
    # The same rules and violations; axe only skips collecting what passed (measured: axe takes
    # half the time on an event page, 3.1 s against 5.6 s).
    result = page.evaluate("axe.run({resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


def test_axe_reports_what_is_planted(page: Page, site_url: str) -> None:
    """The checker itself: an image without a text alternative and a button without a name,
    planted in a page, are each reported."""
    page.goto(site_url)
    page.evaluate("""document.querySelector('h1').insertAdjacentHTML('afterend',
        '<img src="assets/none.png"><button></button>')""")
    found = axe_violations(page)
    assert [v.split(":")[0] for v in found] == ["button-name", "image-alt"], found


@pytest.mark.parametrize(("path", "scheme"), schemes(PAGES, DARK_SAMPLE))
def test_axe_finds_no_violations(open_page, site_url: str, path: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    with open_page(color_scheme=scheme) as page:
        page.goto(site_url + path)
        assert axe_violations(page) == []


def test_search_dialog_has_a_name(page: Page, site_url: str) -> None:
    page.goto(site_url)
    assert page.locator(".md-search[role='dialog']").get_attribute("aria-label") == "Search"


@pytest.mark.parametrize(("scheme", "filters"), [
    ("light", False), ("light", True), ("dark", True),
    pytest.param("dark", False, marks=pytest.mark.review)])
def test_axe_finds_no_violations_in_the_open_search(open_page, site_url: str, scheme: str,  # type: ignore[no-untyped-def]
                                                    filters: bool) -> None:
    """The search dialog open, with results (one corrected for a typo) and, in turn, its
    filters open."""
    with open_page(color_scheme=scheme) as page:
        page.goto(site_url + "events/2019-08-02-japan-removes-south-korea-from-white-list/")
        page.get_by_role("textbox", name="Search").click()
        page.keyboard.type("Sugwara")
        page.wait_for_selector("[data-chrono-search][data-shown='Sugwara']")
        if filters:
            page.get_by_role("dialog", name="Search").get_by_text("Filter by").click()
            page.wait_for_selector("select[data-chrono-filter='actor'] option:nth-child(2)",
                                   state="attached")
        page.keyboard.press("ArrowDown")  # a result has the focus
        assert axe_violations(page) == []


def test_search_results_are_counted_aloud(page: Page, site_url: str) -> None:
    page.goto(site_url)
    status = page.get_by_role("dialog", name="Search").get_by_role("status")
    assert status.get_attribute("id") == page.get_by_role(
        "textbox", name="Search").get_attribute("aria-describedby")
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("Pompeo")
    page.wait_for_selector("[data-chrono-search][data-shown='Pompeo']")
    assert re.fullmatch(r"\d+ results?", status.text_content() or "")
