"""The Korean and Japanese editions in Chromium, as a reader meets them: the language selector
keeps the page, search finds in the edition's language, the scripts speak it, axe finds nothing,
and the screenshots (tests/artifacts/) show the pages with Korean and Japanese fonts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from support import PHONE, screenshot
from test_accessibility import axe_violations, schemes

EVENT = "events/2019-08-02-japan-removes-south-korea-from-white-list/"
PAGES = ["", EVENT, "phases/2019-export-restrictions/", "actors/moon-jae-in/", "translations/",
         "tracks/", "about/"]


@pytest.mark.parametrize("lang", ["ko", "ja"])
@pytest.mark.parametrize(("path", "scheme"), schemes(PAGES, {"", EVENT}))
def test_axe_finds_no_violations_in_the_editions(open_page, site_url: str, lang: str, path: str,  # type: ignore[no-untyped-def]
                                                scheme: str) -> None:
    with open_page(color_scheme=scheme) as page:
        page.goto(f"{site_url}{lang}/{path}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert axe_violations(page) == []


@pytest.mark.parametrize(("start", "choice", "lands"), [
    (EVENT, "한국어", f"ko/{EVENT}"), (f"ko/{EVENT}", "日本語", f"ja/{EVENT}"),
    ("ja/glossary/", "English", "glossary/"), ("ko/", "English", "")])
def test_the_language_selector_keeps_the_page(page: Page, site_url: str, start: str, choice: str,
                                              lands: str) -> None:
    page.goto(site_url + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link", has_text=choice).click()
    page.wait_for_url(site_url + lands)


def test_an_english_event_links_its_two_translations(page: Page, site_url: str) -> None:
    page.goto(site_url + EVENT)
    page.locator(".chrono-editions").get_by_role("link", name="日本語").click()
    page.wait_for_url(f"{site_url}ja/{EVENT}")
    expect(page.locator("h1")).to_contain_text("ホワイト国")
    page.locator(".chrono-editions").get_by_role("link", name="한국어").click()
    page.wait_for_url(f"{site_url}ko/{EVENT}")
    expect(page.locator("h1")).to_contain_text("화이트리스트")


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("ko", "화이트리스트", "화이트리스트"), ("ko", "불화수소", "불화수소"),
    ("ja", "ホワイト国", "ホワイト国"), ("ja", "輸出規制", "輸出"), ("ja", "2019年8月2日", "")])
def test_search_finds_in_the_editions_language(page: Page, site_url: str, lang: str, query: str,
                                              expected: str) -> None:
    page.goto(f"{site_url}{lang}/")
    page.keyboard.press("/")
    page.locator("[data-chrono-search-query]").fill(query)
    dialog = page.locator("[data-chrono-search]")
    expect(dialog).to_have_attribute("data-shown", query, timeout=15000)
    first = page.locator(".md-search-result__list li").first
    expect(first).to_be_visible()
    assert f"/{lang}/" in (first.locator("a").get_attribute("href") or "")  # its own edition
    if expected:
        expect(first).to_contain_text(expected)
    status = page.locator(".chrono-search-status").inner_text()
    assert "result" not in status  # the count is in the edition's words
    screenshot(page, f"edition-{lang}-search-{query}")


def test_the_scripts_speak_the_editions_language(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}ja/")
    page.locator("#filter-topic").select_option(index=1)
    status = page.locator(".chrono-filters__count")
    expect(status).not_to_contain_text("events")
    expect(status).to_contain_text("件")


@pytest.mark.parametrize("lang", ["ko", "ja"])
@pytest.mark.parametrize("path", [EVENT, *(pytest.param(path, marks=pytest.mark.review)
                                           for path in ("", "translations/", "actors/"))])
def test_screenshots_of_the_editions(open_page, lang: str, path: str, site_url: str) -> None:  # type: ignore[no-untyped-def]
    for viewport, size in ((None, "1280"), (PHONE, "390")):
        options = {"viewport": viewport} if viewport else {}
        with open_page(**options) as page:
            page.goto(f"{site_url}{lang}/{path}")
            # Korean and Japanese fonts are the system's (no web fonts): the text must render
            # in them, not as boxes — a glyph's width differs from a missing glyph's.
            widths = page.evaluate("""() => {
                const span = document.createElement('span');
                span.style.cssText = 'position:absolute;display:inline-block;white-space:nowrap';
                document.body.append(span);
                const width = (text) => { span.textContent = text; return span.offsetWidth; };
                const widths = [width('한국어한국어'), width('日本語日本語'), width('\\u0378'.repeat(6))];
                span.remove();
                return widths; }""")
            assert widths[0] != widths[2] and widths[1] != widths[2], (
                f"Korean or Japanese text renders as boxes {widths}: install a CJK font "
                "(apt-get install -y fonts-noto-cjk; .ci/run does)")
            screenshot(page, f"edition-{lang}-{path.strip('/').replace('/', '-') or 'home'}-{size}")


# The Korean words of links whose box runs over two lines.
BROKEN_WORDS = """() => {
    const broken = [];
    for (const link of document.querySelectorAll('.md-content a, .md-footer a')) {
        if (!(link instanceof HTMLAnchorElement)) continue;  // the chart's SVG links wrap by hand
        for (const node of link.childNodes) {
            if (node.nodeType !== Node.TEXT_NODE) continue;
            // Words: between spaces, or a middle dot (강제징용·근로정신대 may break after it).
            for (const found of node.textContent.matchAll(/[^\\s\\u00b7]+/g)) {
                const word = found[0];
                if (/[\\uac00-\\ud7a3]/.test(word)) {
                    const range = document.createRange();
                    range.setStart(node, found.index);
                    range.setEnd(node, found.index + word.length);
                    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                    const fits = range.getBoundingClientRect().width < link.parentElement.clientWidth;
                    if (lines.size > 1 && fits) broken.push(word);
                }
            }
        }
    }
    return broken; }"""


def test_korean_links_break_between_words_on_a_phone(open_page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """Korean is written with spaces and breaks between words (translations review, Phones):
    Material's links break anywhere unless the edition says otherwise."""
    with open_page(viewport=PHONE) as page:
        for path in ("", EVENT, "about/"):
            page.goto(f"{site_url}ko/{path}")
            assert page.evaluate(BROKEN_WORDS) == [], path
