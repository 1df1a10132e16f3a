"""What a reader does, in Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT
from playwright.sync_api import Browser, Page, expect, sync_playwright

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"]
EVENT = "events/2019-08-02-japan-removes-south-korea-from-white-list/"
SEARCHED = "events/2019-08-02-moon-calls-an-emergency-cabinet-meeting/"


def citations_of(event_url: str) -> int:
    file = ROOT / "data" / "events" / (event_url.split("/")[1] + ".yaml")
    return len(yaml.safe_load(file.read_text("utf-8"))["citations"])


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's Chromium is needed for the browser tests: apt-get install -y chromium "
                    "(or set CHROMIUM to its path)", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    """A page that records every request leaving the site's host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    outside: list[str] = []
    host = urlsplit(site_url).netloc
    opened.on("request", lambda r: outside.append(r.url)
              if urlsplit(r.url).scheme in {"http", "https", "ws", "wss"}
              and urlsplit(r.url).netloc != host else None)
    yield opened
    context.close()
    assert outside == [], f"requests left the site: {outside}"


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_finds_an_event_and_opens_it(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("emergency cabinet meeting")
    first = page.locator(".md-search-result__link:visible").first
    expect(first).to_have_attribute("href", re.compile(re.escape(SEARCHED)), timeout=10_000)
    screenshot(page, "search-results")
    first.click()
    expect(page).to_have_url(re.compile(re.escape(site_url + SEARCHED) + r"\?h="), timeout=10_000)
    expect(page.locator("mark").first).to_be_visible()  # the search terms are highlighted
    expect(page.locator("h1")).to_have_text("Moon Jae-in calls an emergency cabinet meeting")


def test_event_url_opens_directly(page: Page, site_url: str) -> None:
    page.goto(site_url + EVENT)
    expect(page).to_have_title("Japan's cabinet removes South Korea from its white list - "
                               "Japan–South Korea trade dispute, 2018–2023")
    expect(page.locator("time[datetime='2019-08-02']").first).to_be_visible()
    expect(page.locator(".chrono-citations > .chrono-citation")).to_have_count(citations_of(EVENT))
    screenshot(page, "event-desktop")
    page.get_by_role("link", name="RT", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("RT:")


def test_timeline_leads_to_every_event(page: Page, site_url: str) -> None:
    page.goto(site_url)
    links = page.locator(".chrono-timeline a")
    count = links.count()
    assert count == len(list((ROOT / "data" / "events").glob("*.yaml")))
    screenshot(page, "home-desktop")
    links.nth(count - 1).click()
    expect(page.locator("a[rel='prev']")).to_be_visible()
    assert page.locator("a[rel='next']").count() == 0


def test_timeline_reads_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    expect(page.locator(".chrono-timeline li").first).to_be_visible()
    context.close()
