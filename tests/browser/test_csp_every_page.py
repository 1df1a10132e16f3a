"""Under the Content-Security-Policy (G18) every kind of page, in every edition, does what a
reader asks of it, and Chromium reports no violation: a script, style or request the policy
blocked would be one. Violations are heard through `securitypolicyviolation` (an init script)
and the console, which also hears a violation on a page that navigates away (the redirects)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support import ARTIFACTS, DESKTOP, PHONE, NotFoundHost, screenshot, serving

EDITIONS = ["", "ko/", "ja/"]
# The calls Playwright's own waiting makes (wait_for_function evaluates its text) are not the
# site's: the tests use only locators and page.evaluate, which the policy does not see.
WATCH = """
window.__violations = [];
addEventListener("securitypolicyviolation", event => {
  const what = `${event.violatedDirective} ${event.blockedURI} ${event.sample}`;
  window.__violations.push(what);
  console.error("CSP violation: " + what);
}, true);
"""
PAGES = ["", "phases/2019-export-restrictions/",
         "events/2019-08-02-japan-removes-south-korea-from-white-list/", "sources/rt-2019-08-02/",
         "actors/fumio-kishida/", "topics/white-lists/", "tracks/", "glossary/", "corrections/",
         "context/", "translations/", "about/", "data/", "record/", "events/", "actors/",
         "topics/", "sources/", "figures/", "changes/"]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:  # the conftest's, with a 404 page
    with serving(built_site, NotFoundHost) as url:
        yield url


Watched = AbstractContextManager[tuple[Page, list[str]]]


@pytest.fixture
def watched(open_page: Any) -> Any:
    """watched(viewport) -> (page, problems): a page whose violations, console errors and
    uncaught errors are collected, and asserted to be none when it closes."""

    @contextmanager
    def opener(viewport: dict[str, int] = DESKTOP, expected: tuple[str, ...] = ()
               ) -> Iterator[tuple[Page, list[str]]]:
        with open_page(viewport) as page:
            problems: list[str] = []
            page.add_init_script(WATCH)
            page.on("console", lambda m: problems.append(m.text) if m.type == "error"
                    and not any(e in m.text for e in expected) else None)
            page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
            yield page, problems
            assert problems == []

    return opener


def scripts_ran(page: Page) -> None:
    """Material's inline scope script and its bundle ran (the bundle swaps no-js for js)."""
    assert page.evaluate("typeof __md_get === 'function' && __md_scope instanceof URL")
    expect(page.locator("html")).to_contain_class("js")
    assert page.evaluate("window.__violations") == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_kind_of_page_runs_under_the_policy(watched: Any, site_url: str, edition: str) -> None:
    with watched() as (page, problems):
        for path in PAGES:
            page.goto(f"{site_url}{edition}{path}")
            expect(page.locator("h1").first).to_be_visible()
            scripts_ran(page)
            assert problems == [], f"{edition}{path}: {problems}"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_search_and_its_filters_under_the_policy(watched: Any, site_url: str, edition: str,
                                                viewport: dict[str, int]) -> None:
    query = {"": "white list", "ko/": "화이트리스트", "ja/": "ホワイト国"}[edition]
    with watched(viewport) as (page, _):
        page.goto(f"{site_url}{edition}")
        page.keyboard.press("/")
        page.locator("[data-chrono-search-query]").fill(query)
        dialog = page.locator("[data-chrono-search]")
        expect(dialog).to_have_attribute("data-shown", query, timeout=15_000)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        before = page.locator(".chrono-search-status").inner_text()
        dialog.locator("summary").click()
        phase = dialog.locator("select[data-chrono-filter='phase']")
        expect(phase.locator("option")).not_to_have_count(1)  # Pagefind's filters, loaded
        phase.select_option(index=phase.locator("option").count() - 1)
        expect(page.locator(".chrono-search-status")).not_to_have_text(before)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        scripts_ran(page)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)  # the open box, as the reader sees it
        page.screenshot(path=str(ARTIFACTS / f"csp-search-{edition.strip('/') or 'en'}-"
                                             f"{viewport['width']}.png"))
        page.locator(".md-search-result__link").first.click()  # opens with the words marked
        expect(page.locator("article mark.chrono-highlight").first).to_be_visible()
        scripts_ran(page)


@pytest.mark.parametrize("edition", EDITIONS)
def test_tooltips_picker_and_timeline_filters_under_the_policy(watched: Any, site_url: str,
                                                               edition: str) -> None:
    with watched() as (page, _):
        page.goto(f"{site_url}{edition}phases/2019-export-restrictions/")
        page.locator("article abbr[title]").first.hover()
        expect(page.locator(".md-tooltip2--active")).to_be_visible()

        page.goto(f"{site_url}{edition}tracks/")
        output = page.locator("#asof-result")
        before = output.inner_text()
        page.locator("#asof-year").select_option("2023")
        expect(output).not_to_have_text(before)

        page.goto(f"{site_url}{edition}")
        count = page.locator(".chrono-filters__count")
        before = count.inner_text()
        page.locator("#filter-topic").select_option(index=1)
        expect(count).not_to_have_text(before)
        scripts_ran(page)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_404_page_under_the_policy(watched: Any, site_url: str, edition: str,
                                       viewport: dict[str, int]) -> None:
    # The page itself comes with status 404, which Chromium reports on the console.
    with watched(viewport, expected=("status of 404",)) as (page, _):
        response = page.goto(f"{site_url}{edition}white-list-removal/")
        assert response is not None and response.status == 404
        expect(page.locator("#chrono-404-query")).to_have_value("white list removal")
        scripts_ran(page)
        screenshot(page, f"csp-404-{edition.strip('/') or 'en'}-{viewport['width']}")


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_former_address_redirects_under_the_policy(watched: Any, site_url: str, edition: str
                                                     ) -> None:
    with watched() as (page, _):
        page.goto(f"{site_url}{edition}phases/2019-2020-talks/#events")
        page.wait_for_url(f"{site_url}{edition}phases/2019-2023-talks-and-stalemate/#events")
        scripts_ran(page)
