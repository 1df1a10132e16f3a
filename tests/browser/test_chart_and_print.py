"""The chart read on a phone and on a desktop, and pages on paper: no controls, nothing folded
away, quote cards the width of the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from support import DESKTOP, PHONE, ROOT, load_yaml

EVENT = "events/2019-08-02-japan-removes-south-korea-from-white-list/"
PHASES = load_yaml((ROOT / "data" / "phases.yaml").read_text("utf-8"))


@pytest.mark.parametrize("path", ["", "tracks/"])
@pytest.mark.parametrize(("width", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_chart_shows_every_year_and_labels_its_phases(open_page, site_url: str,  # type: ignore[no-untyped-def]
                                                          path: str, width: str,
                                                          viewport: dict[str, int]) -> None:
    with open_page(viewport=viewport) as page:
        page.goto(site_url + path)
        svg = page.locator(f".chrono-chart__svg--{'narrow' if width == 'phone' else 'wide'}")
        expect(svg).to_be_visible()
        expect(page.locator(".chrono-chart__svg:visible")).to_have_count(1)
        box = svg.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        # Readable without zooming: labels at least 11 px high as drawn.
        scale = box["width"] / svg.evaluate("s => s.viewBox.baseVal.width")
        size = float(svg.locator(".chrono-chart__lane").first.evaluate(
            "t => getComputedStyle(t).fontSize").removesuffix("px"))
        assert size * scale >= 11, f"lane labels {size * scale:.1f} px on a {width}"
        # The last phase's year is on the chart, within the screen; every phase is numbered.
        years = svg.locator(".chrono-chart__year").all_text_contents()
        assert str(PHASES[-1]["end"])[:4] in years
        labels = svg.locator(".chrono-chart__phase-label").all_text_contents()
        assert [label.split(" ")[0] for label in labels] == [str(n) for n in range(1, len(PHASES) + 1)]
        expect(page.locator(".chrono-chart__phases li")).to_have_count(len(PHASES))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0


def test_dots_never_cover_one_another(page: Page, site_url: str) -> None:
    page.goto(site_url + "tracks/")
    for layout in ("wide", "narrow"):
        dots = page.locator(f".chrono-chart__svg--{layout} .chrono-chart__mark").evaluate_all(
            "cs => cs.map(c => [+c.getAttribute('cx'), +c.getAttribute('cy'), +c.getAttribute('r')])")
        for i, (x, y, r) in enumerate(dots):
            for x2, y2, r2 in dots[i + 1:]:
                assert (x - x2) ** 2 + (y - y2) ** 2 >= (r + r2) ** 2, (layout, x, y, x2, y2)


def test_the_measures_table_fits_a_phone(open_page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_page(viewport=PHONE) as page:
        page.goto(site_url + "tracks/")
        table = page.locator(".chrono-measures table")
        box = table.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]
        expect(page.locator(".chrono-measures th[scope=col]")).to_have_count(2)
        # The rows in force on the chosen day are explained, not only bold.
        expect(page.locator("#asof-result")).to_contain_text("marked in the table below")


CONTROLS = (".md-content button:visible, .md-content select:visible, .md-content input:visible, "
            ".md-content form:visible, .md-content .chrono-screen-only:visible")


@pytest.mark.parametrize("path", ["", "tracks/", EVENT, "corrections/", "events/", "glossary/"])
def test_printing_shows_no_controls(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.emulate_media(media="print")
    assert page.locator(CONTROLS).count() == 0, page.locator(CONTROLS).evaluate_all(
        "es => es.map(e => e.outerHTML.slice(0, 80))")


def test_a_printed_event_unfolds_and_keeps_its_quote_cards_even(page: Page, site_url: str) -> None:
    page.goto(site_url + EVENT)
    page.emulate_media(media="print")
    expect(page.locator("details.chrono-basis > p").first).to_be_visible()
    widths = {round(box["width"]) for card in page.locator("#sources .chrono-citation").all()
              if (box := card.bounding_box())}
    assert len(widths) == 1, widths
