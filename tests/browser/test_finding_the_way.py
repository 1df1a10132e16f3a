"""Finding one's way: the timeline's filters (kept in the address), the list of all events,
Who's who by family name, the corrections' overview, and a 404 page that is not a dead end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from support import ARTIFACTS, DESKTOP, PHONE, ROOT, NotFoundHost, load_yaml, screenshot, serving

DATA = ROOT / "data"
EVENT_IDS = sorted(p.stem for p in (DATA / "events").glob("*.yaml"))
COUNT = re.compile(r"^(\d+) of (\d+) events$")


def shown_events(page: Page) -> set[str]:
    paths = page.locator(".chrono-timeline li:visible a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    return {path.split("/")[-2] for path in paths}


def counted(page: Page) -> tuple[int, int]:
    match = COUNT.match(page.locator(".chrono-filters [role=status]").inner_text())
    assert match, page.locator(".chrono-filters [role=status]").inner_text()
    return int(match.group(1)), int(match.group(2))


def test_filters_narrow_the_timeline_and_say_how_many(page: Page, site_url: str) -> None:
    page.goto(site_url)
    assert counted(page) == (len(EVENT_IDS), len(EVENT_IDS))
    topic = page.get_by_label("Topic", exact=True)
    value = topic.locator("option").nth(1).get_attribute("value") or ""
    topic.select_option(value)
    shown = shown_events(page)
    expected = {e for e in EVENT_IDS
                if value in load_yaml((DATA / "events" / f"{e}.yaml").read_text("utf-8"))
                .get("topics", [])}
    assert shown == expected and 0 < len(shown) < len(EVENT_IDS)
    assert counted(page) == (len(shown), len(EVENT_IDS))
    assert parse_qs(urlsplit(page.url).query) == {"topic": [value]}
    # A second filter narrows further; "Show all" brings every event back.
    page.get_by_label("Kind", exact=True).select_option("decision")
    assert shown_events(page) <= shown
    page.get_by_role("button", name="Show all").click()
    expect(page.locator(".chrono-filters [role=status]")).to_have_text(
        f"{len(EVENT_IDS)} of {len(EVENT_IDS)} events")
    assert urlsplit(page.url).query == ""


def test_court_rulings_and_measures_taking_effect(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_label("Kind", exact=True).select_option("ruling")
    courts = {a["id"] for a in load_yaml((DATA / "actors.yaml").read_text("utf-8"))
              if a["kind"] == "court"}
    expected = {e for e in EVENT_IDS
                if courts & set(load_yaml((DATA / "events" / f"{e}.yaml").read_text("utf-8"))
                                .get("actors", []))}
    assert shown_events(page) == expected and expected
    page.get_by_label("Kind", exact=True).select_option("in-force")
    # Every "Takes effect" entry shows.
    expect(page.locator(".chrono-timeline__item--in-force:visible")).to_have_count(
        page.locator(".chrono-timeline__item--in-force").count())


def test_a_filtered_view_is_restored_from_its_address(page: Page, site_url: str) -> None:
    page.goto(site_url + "?country=south-korea&kind=decision")
    expect(page.get_by_label("Country", exact=True)).to_have_value("south-korea")
    expect(page.get_by_label("Kind", exact=True)).to_have_value("decision")
    first, total = counted(page)
    assert 0 < first < total
    assert len(shown_events(page)) == first
    # Phases with nothing to show are hidden, headings and all.
    for section in page.locator(".chrono-timeline-phase").all():
        assert section.is_hidden() == (section.locator("li:visible").count() == 0)
    # A value the page does not know is ignored rather than hiding everything.
    page.goto(site_url + "?topic=no-such-topic")
    assert counted(page) == (len(EVENT_IDS), len(EVENT_IDS))


TALKS = {"talks", "summits"}  # the topics that are the kind "Talks and summits"


@pytest.mark.parametrize("edition", ["", "ko/", "ja/"])
def test_talks_are_one_filter(page: Page, site_url: str, edition: str) -> None:
    """Talks are chosen under Kind only ("Talks and summits"), not also under Topic ("Talks
    between officials"); an address from before (?topic=talks) opens the kind."""
    page.goto(site_url + edition)
    topics = page.locator("#filter-topic option").evaluate_all("os => os.map(o => o.value)")
    assert len(topics) > 3 and not TALKS & set(topics), topics
    page.goto(site_url + edition + "?topic=talks")
    expect(page.locator("#filter-kind")).to_have_value("talks")
    expect(page.locator("#filter-topic")).to_have_value("")
    assert parse_qs(urlsplit(page.url).query) == {"kind": ["talks"]}
    shown = shown_events(page)
    on_topics = {e for e in EVENT_IDS if TALKS & set(
        load_yaml((DATA / "events" / f"{e}.yaml").read_text("utf-8")).get("topics") or [])}
    assert on_topics <= shown, on_topics - shown  # and the chart's lane of talks


@pytest.mark.review
@pytest.mark.parametrize(("width", "viewport"), [("390", PHONE), ("1280", DESKTOP)])
def test_talks_filter_screenshots_for_review(open_page, site_url: str, width: str,  # type: ignore[no-untyped-def]
                                            viewport: dict[str, int]) -> None:
    with open_page(viewport=viewport) as page:
        page.goto(site_url + "?topic=talks")
        expect(page.locator("#filter-kind")).to_have_value("talks")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.locator("form.chrono-filters").screenshot(
            path=str(ARTIFACTS / f"filters-talks-{width}.png"))


def test_filters_work_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url)
    kind = page.get_by_label("Kind", exact=True)
    kind.focus()
    page.keyboard.press("ArrowDown")  # the next option, chosen without opening the list
    expect(kind).not_to_have_value("")
    first, total = counted(page)
    assert first < total


def test_every_event_is_listed_at_events(page: Page, site_url: str) -> None:
    page.goto(site_url + "events/")
    expect(page.locator("h1")).to_have_text("All events")
    assert shown_events(page) == set(EVENT_IDS)


def test_whos_who_sorts_people_by_family_name_within_each_country(page: Page,
                                                                  site_url: str) -> None:
    page.goto(site_url + "actors/")
    sections = page.locator("section.chrono-people")
    assert sections.count() >= 2
    for section in sections.all():
        people = section.locator("h3:text-is('People') + ul > li")
        family = [p.locator(".chrono-family").inner_text().casefold() for p in people.all()]
        plain = [re.sub(r"[^a-z]", "", f.translate(str.maketrans("ōūāēī", "ouaei"))) for f in family]
        assert plain == sorted(plain), family
    japan = page.locator("section.chrono-people#from-japan")
    expect(japan.locator("li", has_text="Fumio Kishida").locator(".chrono-family")).to_have_text(
        "Kishida")


def test_corrections_open_with_an_overview_by_source(page: Page, site_url: str) -> None:
    corrections = load_yaml((DATA / "corrections.yaml").read_text("utf-8"))
    page.goto(site_url + "corrections/")
    overview = page.locator("table.chrono-overview")
    expect(overview).to_be_visible()
    linked = set(overview.locator("td:first-child a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"))
    assert linked == {f"#{c['id']}" for c in corrections}
    groups = overview.locator("th[scope=rowgroup]")
    assert groups.count() == len({q["source"] for c in corrections for q in c["quotes"]})


@pytest.fixture(scope="module")
def host(built_site: Path) -> Iterator[str]:
    with serving(built_site, NotFoundHost) as url:
        yield url


@pytest.fixture
def guest(browser: Browser, host: str) -> Iterator[Page]:
    """A page on the 404-serving host, which fails on requests to any other."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(host) else None)
    yield page
    context.close()
    assert outside == []


def test_the_404_page_offers_search_and_the_way_to_the_timeline(guest: Page, host: str) -> None:
    page = guest
    response = page.goto(host + "events/2019-08-02-japan-removes-korea/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    field = page.get_by_label("Search the chronology for")
    expect(field).to_have_value("japan removes korea")  # the words of the missing address
    expect(page.get_by_role("link", name="the timeline of every event")).to_have_attribute(
        "href", "/#timeline")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"/\?q=japan\+removes\+korea$"))
    expect(page.locator(".md-search-result__link").first).to_be_visible(timeout=10_000)


@pytest.mark.parametrize(("scheme", "width", "viewport"), [
    ("light", "phone", PHONE),
    *(pytest.param(*size, marks=pytest.mark.review) for size in
      (("dark", "phone", PHONE), ("light", "desktop", DESKTOP), ("dark", "desktop", DESKTOP)))])
def test_404_screenshots_for_review(browser: Browser, host: str, scheme: str, width: str,
                                    viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(host + "events/no-such-event/")
    expect(page.locator("h1")).to_have_text("Page not found")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(page, f"404-{width}-{scheme}")
    context.close()
