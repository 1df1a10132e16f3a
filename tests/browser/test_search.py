"""Search as a reader uses it: names and terms in three scripts, typos, dates as written, quote
phrases; each result with its date; the page it opens with the words marked; filters; phones."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from perf.search_queries import page_key
from playwright.sync_api import Page, expect
from support import ARTIFACTS, DESKTOP, PHONE, ROOT, load_yaml

EVENTS = {f.stem: load_yaml(f.read_text("utf-8"))
          for f in sorted((ROOT / "data" / "events").glob("*.yaml"))}


BOX = {"ko/": "검색", "ja/": "検索"}  # the box's name in an edition; "Search" in English


def search(page: Page, site_url: str, query: str, *, goto: bool = True,
           via_icon: bool = False) -> list[str]:
    """Open the search box as a reader does, type the query; the result links, best first,
    relative to the site (events/<id>/, actors/<id>/ ...)."""
    if goto:
        page.goto(site_url)
    box = page.get_by_role("textbox", name=next(
        (name for edition, name in BOX.items() if site_url.endswith(edition)), "Search"))
    if via_icon:  # a phone: the header's magnifier
        page.locator("label.md-header__button[for='__search']").click()
    else:
        box.click()
    expect(box).to_be_focused()
    page.keyboard.type(query)
    expect(page.locator("[data-chrono-search]")).to_have_attribute("data-shown", query,
                                                                  timeout=10_000)
    hrefs = page.locator(".md-search-result__link").evaluate_all("ls => ls.map(a => a.href)")
    return [urlsplit(h).path.removeprefix(urlsplit(site_url).path) for h in hrefs]


def found_events(found: list[str]) -> list[str]:
    """Event ids, and other pages by their path, in the order found."""
    return [page_key(path) for path in found]


def results_for(page: Page) -> int:
    """The number of results the status says."""
    status = page.locator(".chrono-search-status").text_content() or ""
    match = re.match(r"(\d+) results?", status)
    return int(match.group(1)) if match else 0


def test_search_finds_an_event_and_opens_it_highlighted(page: Page, site_url: str) -> None:
    found = search(page, site_url, "emergency cabinet meeting")
    assert found[0] == "events/2019-08-02-moon-calls-an-emergency-cabinet-meeting/"
    first = page.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_have_text("Moon Jae-in calls an emergency cabinet meeting")
    expect(first.locator(".chrono-search-when")).to_have_text("2 August 2019")
    expect(first.locator("mark").first).to_be_visible()  # the excerpt marks the words found
    page.locator(".md-search-result__link").first.click()
    expect(page).to_have_url(re.compile(r"moon-calls-an-emergency-cabinet-meeting/\?h=emergency"))
    marks = page.locator("article mark.chrono-highlight")
    expect(marks.first).to_be_visible()  # the search words are marked on the page
    assert {m.lower() for m in marks.all_text_contents()} >= {"emergency", "cabinet", "meeting"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # names and terms, in English, Korean and Japanese
        ("Pompeo", "actor:mike-pompeo"),
        ("Nishimura", "actor:yasutoshi-nishimura"),
        ("문재인", "actor:moon-jae-in"),
        ("강제징용", "2018-11-29-supreme-court-orders-mitsubishi-heavy-industries-to-pay"),
        ("岸田", "actor:fumio-kishida"),
        ("ホワイト国", "topic:white-lists"),  # the topic's alias: any of its events
        ("輸出管理", "2019-08-28-japan-s-removal-of-south-korea-takes-effect"),
        ("whitelist", "topic:white-lists"),
        ("photoresist", "2019-12-20-japan-eases-photoresist-controls"),
        ("No Japan", "2019-07-south-korean-consumers-boycott-japanese-goods"),  # an alias phrase
        # one letter missing or swapped. The typos of words searched above (Pompep,
        # photoresit, 문제인) are corrected towards the built site's vocabulary in node
        # (tests/js/site/typos.test.js), as are these two, searched here for their results.
        ("Kishdia", "actor:fumio-kishida"),
        ("Sugwara", "actor:isshu-sugawara"),
        # remembered phrases of quotes
        ("tit-for-tat trade spat", "2019-08-22-south-korea-decides-to-end-gsomia"),
        ("still only halfway", "2020-03-11-talks-end-with-agreement-to-continue"),
        ("weaponizing trade", "2019-07-08-moon-calls-on-japan-to-withdraw-the-controls"),
    ],
)
def test_search_finds_the_event_among_the_first_results(page: Page, site_url: str, query: str,
                                                        expected: str) -> None:
    """A name counts when one of that person's events comes first (an alias, one of its
    topic's); a term, a typo or a quote when its event is among the first five."""
    found = found_events(search(page, site_url, query))
    if ":" in expected:  # actor:<id> or topic:<id>: any of its events
        field, name = expected.split(":")
        theirs = {key for key, e in EVENTS.items() if name in (e.get(f"{field}s") or [])}
        assert theirs and found[0] in theirs, found[:5]
    else:
        assert expected in found[:5], found[:5]


# One form of each date: each form a reader writes (2019年8月2日, August 2, 2019, 令和元年8月...)
# is rewritten to the same ISO query before the index is asked, in node (tests/js/query.test.js:
# "dates as readers write them", and find.test.js: "asks the index for a date ... ISO form").
@pytest.mark.parametrize(
    ("query", "day"),
    [("2 August 2019", "2019-08-02"), ("令和元年8月", "2019-08"), ("March 2023", "2023-03")],
)
def test_a_date_finds_that_days_or_months_events_first(page: Page, site_url: str, query: str,
                                                        day: str) -> None:
    expected = {key for key, event in EVENTS.items() if str(event["date"]).startswith(day)}
    found = search(page, site_url, query)
    shown = min(len(expected), 10)
    assert expected and set(found_events(found[:shown])) <= expected, found[:shown]
    when = page.locator(".md-search-result__item .chrono-search-when").first.text_content() or ""
    assert when.endswith(("August 2019", "March 2023")), when  # each result shows its date


def test_a_typo_is_searched_corrected_and_the_reader_can_undo_it(page: Page, site_url: str) -> None:
    search(page, site_url, "Sugwara")
    expect(page.locator(".chrono-search-status")).to_contain_text("for “sugawara”")
    instead = page.get_by_role("button", name="Sugwara")
    instead.click()  # "Search instead for Sugwara": as typed, uncorrected
    expect(page.locator(".chrono-search-status")).not_to_contain_text("sugawara")


def test_a_word_on_the_pages_is_not_corrected(page: Page, site_url: str) -> None:
    """Only a word no page holds is taken for a typo: real words of quotes stay as typed."""
    search(page, site_url, "teleconference")
    expect(page.locator(".chrono-search-status")).to_have_text(re.compile(r"^\d+ results?$"))
    expect(page.locator(".chrono-search-suggest")).to_be_hidden()


def test_words_no_page_holds_together_find_the_pages_with_most_of_them(page: Page,
                                                                      site_url: str) -> None:
    found = found_events(search(page, site_url, "Pompeo Chengdu"))
    assert {"2019-08-02-pompeo-meets-both-foreign-ministers",
            "2019-12-24-moon-and-abe-meet-in-chengdu"} <= set(found[:5]), found[:5]
    expect(page.locator(".chrono-search-status")).to_contain_text("none has all the words")


def test_a_word_no_page_holds_is_named(page: Page, site_url: str) -> None:
    # Pagefind takes a word it lacks as the longest word of the index it starts with: once the
    # data held "X" (the network), "xylophone" found it. No word is a start of "zither".
    found = found_events(search(page, site_url, "Pompeo zither"))
    assert found[0] == "2019-08-02-pompeo-meets-both-foreign-ministers"
    expect(page.locator(".chrono-search-status")).to_contain_text("no page has “zither”")


# Search that is honest when it misses, in each edition and in its words: a day finds the
# measures that took effect that day; a date no event is dated on says so and shows the nearest
# events before and after it; a word no page holds finds nothing rather than what the index
# matched in its stead (Pagefind takes "radar" as "r", of Joseph R. Biden).
HONEST = {
    "": {"in_force": "1 July 2019 · in force 4 July 2019",
         "dateless": "No event is dated 5 July 2019 · the nearest are of 1 July 2019 and 7 July 2019",
         "ended": "December 2023", "last": "No event is dated December 2023 · the chronology ends "
         "earlier; its last events are of 21 July 2023",
         "missing": "No results · no page has “radar”"},
    "ko/": {"in_force": "2019년 7월 1일 · 2019년 7월 4일 시행",
            "dateless": "2019년 7월 5일로 기록된 사건이 없습니다 · 가장 가까운 사건은 2019년 7월 1일 및 "
            "2019년 7월 7일의 사건입니다",
            "ended": "2023년 12월", "last": "2023년 12월로 기록된 사건이 없습니다 · 연표는 그 전에 끝나며, "
            "마지막 사건은 2023년 7월 21일의 사건입니다",
            "missing": "결과 없음 · 다음 단어가 있는 페이지는 없습니다: “radar”"},
    "ja/": {"in_force": "2019年7月1日 · 2019年7月4日施行",
            "dateless": "2019年7月5日の出来事はありません／最も近いのは2019年7月1日と"
            "2019年7月7日の出来事です",
            "ended": "2023年12月", "last": "2023年12月の出来事はありません／年表はそれより前に終わります。"
            "最後の出来事は2023年7月21日のものです",
            "missing": "該当なし／「radar」を含むページはありません"},
}
CONTROLS = "2019-07-01-japan-tightens-export-controls-on-three-chemicals"


def _dated(day: str) -> set[str]:
    return {key for key, event in EVENTS.items() if str(event["date"]) == day}


@pytest.mark.parametrize("edition", list(HONEST))
def test_a_day_finds_the_measures_that_took_effect_that_day(page: Page, site_url: str,
                                                            edition: str) -> None:
    found = found_events(search(page, site_url + edition, "2019-07-04"))
    assert found[0] == CONTROLS, found
    first = page.locator(".md-search-result__item").first
    expect(first.locator(".chrono-search-when")).to_have_text(HONEST[edition]["in_force"])


@pytest.mark.parametrize("edition", list(HONEST))
def test_a_date_no_event_is_dated_on_says_so_and_shows_the_nearest(page: Page, site_url: str,
                                                                    edition: str) -> None:
    found = found_events(search(page, site_url + edition, "2019-07-05"))
    expect(page.locator(".chrono-search-status")).to_have_text(HONEST[edition]["dateless"])
    assert set(found) == _dated("2019-07-01") | _dated("2019-07-07"), found
    assert found == sorted(found)  # in the chronology's order
    expect(page.locator(".chrono-search-more")).to_be_hidden()
    # After the chronology's end: its last events.
    found = found_events(search(page, site_url + edition, HONEST[edition]["ended"]))
    expect(page.locator(".chrono-search-status")).to_have_text(HONEST[edition]["last"])
    assert set(found) == _dated(max(str(e["date"]) for e in EVENTS.values())), found


@pytest.mark.parametrize("edition", list(HONEST))
def test_a_word_no_page_holds_finds_nothing(page: Page, site_url: str, edition: str) -> None:
    assert search(page, site_url + edition, "radar") == []
    expect(page.locator(".chrono-search-status")).to_have_text(HONEST[edition]["missing"])


def test_the_other_words_are_searched_without_the_one_no_page_holds(page: Page,
                                                                   site_url: str) -> None:
    found = found_events(search(page, site_url, "Samsung photoresist"))
    assert "2019-12-20-japan-eases-photoresist-controls" in found[:5], found
    expect(page.locator(".chrono-search-status")).to_have_text(
        re.compile(r"^\d+ results? · results for the other words · no page has “samsung”$"))


@pytest.mark.review
@pytest.mark.parametrize(("width", "viewport"), [("390", PHONE), ("1280", DESKTOP)])
@pytest.mark.parametrize("edition", list(HONEST))
def test_honest_search_screenshots_for_review(open_page, site_url: str, width: str,  # type: ignore[no-untyped-def]
                                              viewport: dict[str, int], edition: str) -> None:
    with open_page(viewport=viewport) as page:
        for name, query in (("dateless", "2019-07-05"), ("in-force", "2019-07-04"),
                            ("missing", "radar")):
            search(page, site_url + edition, query, via_icon=viewport is PHONE)
            expect(page.locator(".chrono-search-status")).not_to_be_empty()
            page.mouse.move(0, viewport["height"] - 1)  # no tooltip of the button clicked
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"search-{name}-{edition.strip('/') or 'en'}"
                                                 f"-{width}.png"))


@pytest.mark.parametrize("query", ["문재인", "岸田", "Nishimura"])
def test_search_takes_text_entered_without_keys(page: Page, site_url: str, query: str) -> None:
    """Pasted from a menu or committed by an input method: no key is pressed, results still come."""
    page.goto(site_url)
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.insert_text(query)
    expect(page.locator("[data-chrono-search]")).to_have_attribute("data-shown", query)
    expect(page.locator(".md-search-result__link").first).to_be_visible()


def test_results_put_events_first_and_label_other_pages(page: Page, site_url: str) -> None:
    search(page, site_url, "Sugawara")
    labels = page.locator(".md-search-result__item .chrono-search-when").all_text_contents()
    events = [bool(re.fullmatch(r"(\d{1,2} )?[A-Z][a-z]+ \d{4}( · in force .+)?", label))
              for label in labels]
    assert events[0] and "Who’s who" in labels, labels
    assert events == sorted(events, reverse=True), labels  # no event after another kind of page


def test_nothing_loads_until_the_box_is_opened_and_lunr_never(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(site_url + "events/2019-08-02-japan-removes-south-korea-from-white-list/")
    page.wait_for_load_state("load")
    assert not [p for p in requested if "pagefind" in p or "/search/" in p], requested
    search(page, site_url, "Pompeo", goto=False)
    assert any(p.endswith("/pagefind/pagefind.js") for p in requested)
    assert not [p for p in requested if "search_index" in p or "workers/search" in p]
    assert not [p for p in requested if "/pagefind/filter/" in p]  # filters load when opened
    assert not [p for p in requested if "vocabulary" in p]  # one known word: no typo check


def test_filters_by_phase_topic_and_person(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    search(page, site_url, "white list")
    before = results_for(page)
    dialog = page.get_by_role("dialog", name="Search")
    dialog.get_by_text("Filter by phase, topic or person").click()
    phase = dialog.get_by_role("combobox", name="Phase")
    expect(phase.locator("option")).not_to_have_count(1)  # filled when opened
    assert [p for p in requested if "/pagefind/filter/" in p]
    labels = phase.locator("option").all_text_contents()
    phase.select_option(label=next(label for label in labels if label.startswith("2023: ")))
    expect(page.locator(".chrono-search-status")).to_contain_text("· filtered")
    after = results_for(page)
    assert 0 < after < before
    days = page.locator(".md-search-result__item .chrono-search-when").all_text_contents()
    assert all(d.endswith("2023") for d in days), days
    # No words, only a person: that person's events, oldest first.
    dialog.get_by_role("combobox", name="Phase").select_option("")
    page.get_by_role("textbox", name="Search").fill("")
    who = dialog.get_by_role("combobox", name="Who")
    who.select_option(label=next(label for label in who.locator("option").all_text_contents()
                                 if label.startswith("Mike Pompeo ")))
    expect(page.locator(".md-search-result__item").first).to_contain_text("Pompeo")
    expected = sorted(key for key, e in EVENTS.items() if "mike-pompeo" in (e.get("actors") or []))
    links = page.locator(".md-search-result__link").evaluate_all("ls => ls.map(a => a.href)")
    assert [urlsplit(h).path.strip("/").split("/")[-1] for h in links] == expected


def test_the_404_pages_question_opens_the_search(page: Page, site_url: str) -> None:
    page.goto(site_url + "?q=Pompeo")
    expect(page.get_by_role("textbox", name="Search")).to_have_value("Pompeo")
    expect(page.get_by_role("textbox", name="Search")).to_be_focused()
    expect(page.locator(".md-search-result__link").first).to_be_visible()


def test_a_phone_sees_the_first_result_whole(open_page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_page(viewport=PHONE) as page:
        page.goto(site_url)
        page.locator("label.md-header__button[for='__search']").click()
        expect(page.get_by_role("textbox", name="Search")).to_be_focused()
        page.keyboard.type("Kang Kyung-wha")
        expect(page.locator("[data-chrono-search]")).to_have_attribute("data-shown",
                                                                        "Kang Kyung-wha")
        box = page.locator(".md-search-result__item").first.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], box
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.review
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_search_screenshots_for_review(open_page, site_url: str, scheme: str, width: str,  # type: ignore[no-untyped-def]
                                       viewport: dict[str, int]) -> None:
    with open_page(viewport=viewport, color_scheme=scheme) as page:
        search(page, site_url, "ホワイト国", via_icon=width == "phone")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)  # the screen as seen: the dialog is fixed
        page.screenshot(path=str(ARTIFACTS / f"search-{width}-{scheme}.png"))


def test_search_from_the_keyboard(page: Page, site_url: str) -> None:
    """"/" and "s" open the box, the arrow keys walk the results with the focus shown, Enter
    opens one, Escape closes the box and gives the focus back."""
    page.goto(site_url + "about/")
    box = page.get_by_role("textbox", name="Search")
    toggle = page.locator("#__search")
    for key in ("/", "s"):
        page.locator("body").press(key)
        expect(box).to_be_focused()
        expect(toggle).to_be_checked()
        expect(box).to_have_value("")  # the key opened the box; it was not typed
        page.keyboard.press("Escape")
        expect(toggle).not_to_be_checked()
        expect(box).not_to_be_focused()
    page.keyboard.press("/")
    page.keyboard.type("Pompeo")
    expect(page.locator("[data-chrono-search]")).to_have_attribute("data-shown", "Pompeo")
    links = page.locator(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    outline = links.nth(0).evaluate("a => getComputedStyle(a).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("ArrowDown")
    href = links.nth(0).get_attribute("href") or ""
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href
    # Enter in the field opens the first result.
    page.keyboard.press("s")
    page.keyboard.type("Chengdu")
    expect(page.locator("[data-chrono-search]")).to_have_attribute("data-shown", "Chengdu")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "moon-and-abe-meet-in-chengdu" in page.url
