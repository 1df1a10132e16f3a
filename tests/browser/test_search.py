"""Search as a reader uses it: words, names in three scripts, key terms however spelled."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Page, expect
from support import ROOT, screenshot


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type a query into Material's search box; return the result links, best first."""
    page.goto(site_url)
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__link:visible")
    expect(page.locator(".md-search-result__meta")).not_to_have_text(
        re.compile("Initializing|Type to start"), timeout=10_000)
    expect(results.first).to_be_visible(timeout=10_000)
    return [href.split("?")[0].removeprefix(site_url) for href in
            results.evaluate_all("links => links.map(a => a.href)")]


def test_search_finds_an_event_and_opens_it_highlighted(page: Page, site_url: str) -> None:
    found = search(page, site_url, "emergency cabinet meeting")
    assert found[0] == "events/2019-08-02-moon-calls-an-emergency-cabinet-meeting/"
    screenshot(page, "search-results")
    page.locator(".md-search-result__link:visible").first.click()
    expect(page).to_have_url(re.compile(r"moon-calls-an-emergency-cabinet-meeting/\?h="))
    expect(page.locator("h1")).to_have_accessible_name(
        "Moon Jae-in calls an emergency cabinet meeting (2 August 2019)")
    expect(page.locator("mark").first).to_be_visible()  # the search terms are highlighted


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Pompeo", "events/2019-08-02-pompeo-meets-both-foreign-ministers/"),
        ("Nishimura", "events/2023-06-27-japan-restores-south-korea-to-white-list/"),
        ("문재인", "events/2019-08-02-moon-calls-an-emergency-cabinet-meeting/"),
        ("岸田", "events/2023-03-16-yoon-and-kishida-meet-in-tokyo/"),
        ("white list", "events/2019-08-02-japan-removes-south-korea-from-white-list/"),
        ("whitelist", "events/2019-08-02-japan-removes-south-korea-from-white-list/"),
        ("GSOMIA", "events/2019-11-22-south-korea-suspends-gsomia-termination/"),
        ("WTO", "events/2019-09-11-south-korea-complains-to-the-wto/"),
        ("photoresist", "events/2019-12-20-japan-eases-photoresist-controls/"),
    ],
)
def test_search_finds_names_and_terms(page: Page, site_url: str, query: str,
                                      expected: str) -> None:
    found = search(page, site_url, query)
    assert expected in found[:10], found[:10]


@pytest.mark.parametrize("query", ["문재인", "岸田", "Nishimura"])
def test_search_takes_text_entered_without_keys(page: Page, site_url: str, query: str) -> None:
    """Pasted from a menu or committed by an input method: no key is released, results still come."""
    page.goto(site_url)
    page.get_by_role("textbox", name="Search").click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile("Type to start"), timeout=10_000)  # the index is ready
    page.keyboard.insert_text(query)
    expect(meta).not_to_have_text(re.compile("Type to start"), timeout=5_000)
    expect(page.locator(".md-search-result__link:visible").first).to_be_visible()


def test_search_by_date_finds_the_events_of_that_month_first(page: Page, site_url: str) -> None:
    found = search(page, site_url, "August 2019")
    events = sorted((ROOT / "data" / "events").glob("*.yaml"))
    expected = {f"events/{f.stem}/" for f in events
                if yaml.safe_load(f.read_text("utf-8"))["date"].startswith("2019-08")}
    shown = min(len(expected), len(found))
    assert expected and set(found[:shown]) <= expected, found[:10]
    titles = page.locator(".md-search-result__link:visible h1").all_text_contents()
    assert titles[0].endswith("August 2019)"), titles[0]  # each result shows its date
