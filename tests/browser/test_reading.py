"""Reading the chronology: the timeline, an event page, its links, citation and print view."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect
from support import DESKTOP, PHONE, ROOT, load_yaml, screenshot

EVENT = "events/2019-08-02-japan-removes-south-korea-from-white-list/"
PHASE = "phases/2019-export-restrictions/"
EVENT_FILES = sorted((ROOT / "data" / "events").glob("*.yaml"))


def citations_of(event_url: str) -> int:
    file = ROOT / "data" / "events" / (event_url.split("/")[1] + ".yaml")
    return len(load_yaml(file.read_text("utf-8"))["citations"])


def test_event_url_opens_directly(page: Page, site_url: str) -> None:
    page.goto(site_url + EVENT)
    expect(page).to_have_title("Japan's cabinet removes South Korea from its white list - "
                               "Japan–South Korea trade dispute, 2018–2023")
    expect(page.locator("time[datetime='2019-08-02']").first).to_be_visible()
    expect(page.locator(".chrono-citations > .chrono-citation")).to_have_count(citations_of(EVENT))
    page.get_by_role("link", name="RT", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("RT:")


def timeline_events(page: Page) -> list[str]:
    """The events the timeline links to, once each (a measure's "Takes effect" entry links to
    its decision's page too)."""
    hrefs = page.locator(".chrono-timeline a").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('#')[0])")
    return list(dict.fromkeys(hrefs))


def test_timeline_leads_to_every_event(page: Page, site_url: str) -> None:
    page.goto(site_url)
    events = timeline_events(page)
    assert sorted(href.split("/")[1] for href in events) == [f.stem for f in EVENT_FILES]
    page.locator(f".chrono-timeline a[href='{events[-1]}']").last.click()
    expect(page.locator("a[rel='prev']")).to_be_visible()
    assert page.locator("a[rel='next']").count() == 0


def test_keyboard_reaches_every_event_from_the_timeline(page: Page, site_url: str) -> None:
    page.goto(site_url)
    hrefs = page.locator(".chrono-timeline a").evaluate_all("as => as.map(a => a.href)")
    reached: list[str] = []
    for _ in range(400):  # bounded: the header, nav and timeline hold fewer stops than this
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('.chrono-timeline') ? "
                                "document.activeElement.href : null")
        if focused:
            reached.append(focused)
        if len(reached) == len(hrefs):
            break
    assert reached == hrefs
    page.keyboard.press("Enter")
    expect(page).to_have_url(hrefs[-1])


def test_timeline_reads_without_javascript(open_page, site_url: str) -> None:
    with open_page(java_script_enabled=False) as page:
        page.goto(site_url)
        assert len(timeline_events(page)) == len(EVENT_FILES)
        expect(page.locator(".chrono-timeline li:visible")).to_have_count(
            page.locator(".chrono-timeline li").count())
        expect(page.locator("form.chrono-filters")).to_be_hidden()  # filters need the script
        page.goto(site_url + EVENT)
        expect(page.locator(".chrono-citation").first).to_be_visible()


def test_event_page_offers_permalink_and_citation(open_page, site_url: str) -> None:
    with open_page(permissions=["clipboard-read", "clipboard-write"]) as page:
        page.goto(site_url + EVENT)
        permalink = page.locator("a.chrono-permalink")
        expect(permalink).to_have_text(site_url + EVENT)
        page.get_by_role("button", name="Copy citation").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        # The APA form of the event's citation (render/citing.py), the day accessed filled in.
        assert copied.startswith("Japan's cabinet removes South Korea from its white list. ("), copied
        assert copied.endswith(site_url + EVENT)


def test_heading_anchors_are_stable(page: Page, site_url: str) -> None:
    page.goto(site_url + EVENT + "#sources")
    expect(page.locator("#sources h2")).to_be_in_viewport()


def test_printed_event_names_its_sources_in_full(page: Page, site_url: str) -> None:
    page.goto(site_url + EVENT)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    source = load_yaml((ROOT / "data" / "sources.yaml").read_text("utf-8"))[0]
    quote_with_url = page.locator(f".chrono-citation blockquote[cite='{source['url']}']").first
    after = quote_with_url.evaluate("e => getComputedStyle(e, '::after').content")
    assert source["url"] in after


def test_structured_data_on_an_event(page: Page, site_url: str) -> None:
    page.goto(site_url + EVENT)
    data = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert data["@type"] == "Event" and data["startDate"] == "2019-08-02"
    assert page.locator("meta[property='og:title']").get_attribute("content")
    description = page.locator("meta[name='description']").get_attribute("content")
    file = ROOT / "data" / "events" / (EVENT.split("/")[1] + ".yaml")
    assert description == " ".join(load_yaml(file.read_text("utf-8"))["summary"].split())


def test_dark_palette_follows_the_system_and_toggles(open_page, site_url: str) -> None:
    with open_page(color_scheme="dark") as page:
        page.goto(site_url)
        body = page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        page.locator("label[title='Switch to light mode']:visible").click()
        expect(body).to_have_attribute("data-md-color-scheme", "default")


REVIEWED = [("home", ""), ("phase", PHASE), ("event", EVENT),
            ("event-flagged", "events/2019-08-02-seoul-vows-a-firm-response/"),
            ("event-record", "events/2019-10-11-first-wto-consultations-in-geneva/"),
            ("corrections", "corrections/"), ("tracks", "tracks/")]


@pytest.mark.parametrize(("name", "path"), REVIEWED)
@pytest.mark.parametrize(("width", "viewport", "scheme"), [
    ("phone", PHONE, "light"),  # make test: no page scrolls sideways on a phone
    *(pytest.param(*size, marks=pytest.mark.review) for size in  # make review: the screenshots
      (("phone", PHONE, "dark"), ("desktop", DESKTOP, "light"), ("desktop", DESKTOP, "dark")))])
def test_screenshots_for_review(open_page, site_url: str, name: str, path: str,  # type: ignore[no-untyped-def]
                                width: str, viewport: dict[str, int], scheme: str) -> None:
    if path.startswith("events/") and not (ROOT / "data" / f"{path.rstrip('/')}.yaml").exists():
        pytest.skip(f"{path} is no longer in the data")  # renamed: choose another to review
    with open_page(viewport=viewport, color_scheme=scheme) as page:
        page.goto(site_url + path)
        expect(page.locator("h1").first).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways on a {width} screen"
        screenshot(page, f"{name}-{width}-{scheme}")


def choose_day(page: Page, day: int, month: str, year: int) -> None:
    page.get_by_label("Day", exact=True).select_option(str(day))
    page.get_by_label("Month", exact=True).select_option(label=month)
    page.get_by_label("Year", exact=True).select_option(str(year))


def test_reader_sees_which_measures_were_in_force_on_a_date(page: Page, site_url: str) -> None:
    page.goto(site_url + "tracks/")
    # The day is chosen as the site writes dates, not in a browser's locale format.
    expect(page.get_by_role("group", name="Which measures were in force on")).to_be_visible()
    choose_day(page, 1, "October", 2019)
    output = page.locator("#asof-result")
    expect(output).to_contain_text("On 1 October 2019, 5 measures were in force")
    expect(output).to_contain_text("notice ending GSOMIA pending")
    expect(page.locator("tr.chrono-measures--in-force")).to_have_count(5)
    choose_day(page, 1, "May", 2023)
    expect(output).not_to_contain_text("GSOMIA")
    expect(output).not_to_contain_text("Japan removed from South Korea's white list")
    expect(output).to_contain_text("South Korea removed from Japan's white list")
    choose_day(page, 31, "February", 2021)  # a day February has not: its last
    expect(output).to_contain_text("On 28 February 2021,")


def test_chart_marks_are_links_a_keyboard_can_follow(page: Page, site_url: str) -> None:
    page.goto(site_url + "tracks/")
    first = page.locator(".chrono-chart a").first
    first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/events/[a-z0-9-]+/$"))


def test_keyboard_opens_a_glossary_definition(page: Page, site_url: str) -> None:
    page.goto(site_url + PHASE)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    assert page.evaluate("document.activeElement.textContent") == "white list"
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("trusted trading partners")
