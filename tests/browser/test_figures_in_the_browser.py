"""The figures in Chromium, in every edition: the figures page (its charts drawn as SVG, the
table of their numbers, every figure with the record's words) and an event page with the
figures that follow it; axe finds nothing, a phone needs no sideways scrolling, and the
screenshots at 390 and 1280 px are in tests/artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from support import PHONE, screenshot
from test_accessibility import axe_violations

FIGURES = "figures/"
EVENT = "events/2019-07-01-japan-tightens-export-controls-on-three-chemicals/"
EDITIONS = {"en": "", "ko": "ko/", "ja": "ja/"}
HEADINGS = {"en": ("The economic impact, in figures", "In figures"),
            "ko": ("수치로 본 경제적 영향", "수치로 본 영향"),
            "ja": ("数字で見る経済への影響", "数字で見る影響")}


@pytest.mark.parametrize("lang", list(EDITIONS))
@pytest.mark.parametrize(("path", "scheme"), [
    (FIGURES, "light"), (EVENT, "light"), (FIGURES, "dark"),
    pytest.param(EVENT, "dark", marks=pytest.mark.review)])
def test_axe_finds_no_violations(open_page, site_url: str, lang: str, path: str,  # type: ignore[no-untyped-def]
                                 scheme: str) -> None:
    with open_page(color_scheme=scheme) as page:
        page.goto(site_url + EDITIONS[lang] + path)
        if path == EVENT:  # with a figure open, as a reader who checks its words has it
            page.locator("#figures details.chrono-figure > summary").first.click()
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert axe_violations(page) == []


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_the_charts_are_drawn_with_their_numbers_beside_them_as_text(page: Page, site_url: str,
                                                                     lang: str) -> None:
    page.goto(site_url + EDITIONS[lang] + FIGURES)
    expect(page.locator("h1")).to_have_text(HEADINGS[lang][0])
    charts = page.locator("svg.chrono-figchart__svg")
    assert charts.count() >= 6  # a chart per series
    first = charts.first
    expect(first).to_be_visible()
    expect(first).to_have_attribute("role", "img")
    assert first.evaluate("svg => svg.getBBox().height") > 100  # drawn, not empty
    # Named by its measure; the table gives every bar's number as text, a group per chart.
    name = (page.locator("#figchart-hf-exports-yen-title").text_content() or "").strip()
    assert first.get_attribute("aria-labelledby") == (
        "figchart-hf-exports-yen-title figchart-hf-exports-yen-desc")
    table = page.locator(".chrono-figtable table")
    expect(table.locator("caption")).to_be_visible()
    expect(table.locator("th[scope=rowgroup]", has_text=name)).to_have_count(1)
    bars = page.locator("svg.chrono-figchart__svg rect").count()
    assert table.locator("tbody th[scope=row]").count() == bars == charts.evaluate_all(
        "svgs => svgs.reduce((n, svg) => n + svg.querySelectorAll('rect').length, 0)")


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_an_event_opens_a_figure_to_the_words_that_state_it(page: Page, site_url: str,
                                                            lang: str) -> None:
    page.goto(site_url + EDITIONS[lang] + EVENT)
    section = page.locator("#figures")
    expect(section.locator("h2")).to_contain_text(HEADINGS[lang][1])
    figure = section.locator("details.chrono-figure").first
    words = figure.locator(".chrono-figure__stated")
    expect(words).to_be_hidden()
    figure.locator("summary").click()
    expect(words).to_have_text("479 tons")  # the number, marked in the record's words
    # The figure among all the figures, on the figures page.
    figure.locator(".chrono-figure__more a").click()
    expect(page).to_have_url(site_url + EDITIONS[lang] + FIGURES + "#hf-exports-2019-07-tonnes")
    expect(page.locator("#hf-exports-2019-07-tonnes")).to_be_in_viewport()


@pytest.mark.parametrize("lang", list(EDITIONS))
@pytest.mark.parametrize("path", [FIGURES, EVENT])
def test_screenshots_and_no_sideways_scrolling_on_a_phone(open_page, site_url: str, lang: str,  # type: ignore[no-untyped-def]
                                                          path: str) -> None:
    name = "figures" if path == FIGURES else "figures-event"
    for viewport, size in ((None, "1280"), (PHONE, "390")):
        options = {"viewport": viewport} if viewport else {}
        with open_page(**options) as page:
            page.goto(site_url + EDITIONS[lang] + path)
            if path == EVENT:
                page.locator("#figures details.chrono-figure > summary").first.click()
                page.locator("#figures").scroll_into_view_if_needed()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= (viewport or {"width": 1280})["width"]
            screenshot(page, f"{name}-{lang}-{size}")
