"""Event pages as a reader on a phone meets them: what happened first, the quotes the site knows
to be wrong flagged where they stand, the page's parts in its table of contents, and the
navigation showing where the page belongs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support import PHONE, ROOT, load_yaml

DATA = ROOT / "data"
EVENT_FILES = sorted((DATA / "events").glob("*.yaml"))
CORRECTIONS = load_yaml((DATA / "corrections.yaml").read_text("utf-8"))
PHASES = {p["id"]: p for p in load_yaml((DATA / "phases.yaml").read_text("utf-8"))}


def words(text: str) -> str:
    return " ".join(text.split())


def wrong(source: str, quote: str) -> list[str]:
    """The corrections whose wrong words, from the same source, stand within this quote: the
    rule the site follows (equal words, or part of a longer quote)."""
    return [c["id"] for c in CORRECTIONS for q in c["quotes"]
            if q["source"] == source and words(q["quote"]) in words(quote)]


def event(file: Path) -> dict[str, Any]:
    return load_yaml(file.read_text("utf-8"))  # type: ignore[no-any-return]


# What pushes the summary down is the title above it: make test tries the ten longest titles,
# make review every event.
LONGEST_TITLES = sorted(EVENT_FILES, key=lambda file: -len(event(file)["title"]))[:10]


@pytest.mark.parametrize("files", [
    pytest.param(LONGEST_TITLES, id="longest-titles"),
    pytest.param(EVENT_FILES, id="every-event", marks=pytest.mark.review)])
def test_the_summary_is_on_the_first_phone_screen_of_every_event_page(open_page, site_url: str,  # type: ignore[no-untyped-def]
                                                                      files: list[Path]) -> None:
    late = []
    with open_page(viewport=PHONE) as page:
        for file in files:
            page.goto(f"{site_url}events/{file.stem}/")
            summary = page.locator(".chrono-event__summary")
            box = summary.bounding_box()
            assert box is not None
            # Its first lines at least (a long summary may run on below the fold).
            if box["y"] < 0 or box["y"] + min(box["height"], 80) > PHONE["height"]:
                late.append(f"{file.stem}: summary at {box['y']:.0f} px")
            # What happened, then how the date is known (folded), in that order.
            order = page.evaluate("""() => {
                const s = document.querySelector('.chrono-event__summary');
                const d = document.querySelector('details.chrono-basis');
                return s.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING;
            }""")
            assert order, file.stem
            expect(page.locator("details.chrono-basis").first).not_to_have_attribute("open", "")
    assert late == []


def test_the_date_account_opens_and_a_link_to_in_force_opens_it(page: Page, site_url: str) -> None:
    decided = next(f for f in EVENT_FILES if "in_force" in event(f))
    page.goto(f"{site_url}events/{decided.stem}/")
    basis = page.locator("details.chrono-basis").first
    basis.locator("summary").click()
    expect(basis.locator("p")).to_be_visible()
    page.goto(f"{site_url}events/{decided.stem}/#in-force")
    expect(page.locator("#in-force > p")).to_be_visible()


@pytest.mark.parametrize("file", [f for f in EVENT_FILES
                                  if any(wrong(c["source"], c["quote"])
                                         for c in event(f).get("citations", []))],
                         ids=lambda f: f.stem)
def test_quotes_known_to_be_wrong_are_flagged_with_a_link_to_their_correction(
        page: Page, site_url: str, file: Path) -> None:
    citations = event(file).get("citations", [])
    page.goto(f"{site_url}events/{file.stem}/")
    cards = page.locator("#sources .chrono-citation")
    expect(cards).to_have_count(len(citations))
    for index, citation in enumerate(citations):
        card, expected = cards.nth(index), wrong(citation["source"], citation["quote"])
        flags = card.locator(".chrono-flag a")
        expect(flags).to_have_count(len(expected))
        for flag, correction in zip(flags.all(), expected, strict=True):
            expect(card.locator(".chrono-flag").first).to_contain_text("Error: see correction")
            href = flag.get_attribute("href") or ""
            assert href.endswith(f"#correction-{correction}") or href.endswith(f"/#{correction}")
    # The first flag leads to its correction, on this page or on the corrections page.
    first = page.locator("#sources .chrono-flag a").first
    first.click()
    target = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    expect(page.locator(f"[id='{target}']")).to_be_in_viewport()


def test_errors_in_the_sources_are_in_the_table_of_contents(page: Page, site_url: str) -> None:
    shown = next(e for c in CORRECTIONS for e in c.get("events", []))
    page.goto(f"{site_url}events/{shown}/")
    toc = page.locator(".md-nav--secondary")
    link = toc.get_by_role("link", name="Errors in the sources", exact=True)
    expect(link).to_have_attribute("href", "#corrections")
    titles = [c for c in CORRECTIONS if shown in c.get("events", [])]
    nested = toc.locator("a[href^='#correction-']")
    expect(nested).to_have_count(len(titles))
    link.click()
    expect(page.locator("#corrections h2")).to_be_in_viewport()


def test_the_navigation_marks_the_phase_of_an_event(page: Page, site_url: str) -> None:
    for file in (EVENT_FILES[0], EVENT_FILES[len(EVENT_FILES) // 2], EVENT_FILES[-1]):
        page.goto(f"{site_url}events/{file.stem}/")
        here = page.locator(".md-nav--primary a[aria-current='location']")
        expect(here).to_have_count(1)
        expect(here).to_have_text(PHASES[event(file)["phase"]]["title"])


def test_a_source_page_marks_sources_and_keeps_label_and_value_apart(page: Page,
                                                                    site_url: str) -> None:
    source = load_yaml((DATA / "sources.yaml").read_text("utf-8"))[0]
    page.goto(f"{site_url}sources/{source['id']}/")
    expect(page.locator(".md-nav--primary a[aria-current='location']")).to_have_text("Sources")
    text = page.locator("dl.chrono-details").inner_text()
    assert "Published\n" in text  # not "Published2 August 2019"
    # A quote that opens with a quotation mark gets single marks of ours, not a doubled “.
    nested = page.locator(".chrono-cited-by q.chrono-q--nested")
    if nested.count():
        marks = nested.first.evaluate("q => getComputedStyle(q).quotes")
        assert marks.startswith('"‘" "’"'), marks
