"""A page opened from a search result (?h=words) marks the words in its text, but never inside the
charts: an HTML <mark> inside SVG <text> or <title> is not drawn, and the words it holds vanish
from the chart (review G9). The chart's labels must read and measure as they do without ?h=."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

# Every SVG label and tooltip: its text, whether it gained element children, its drawn length.
LABELS = """() => [...document.querySelectorAll("svg text, svg title")].map((t) => [
  t.localName, t.textContent, t.childElementCount,
  t.localName === "text" ? Math.round(t.getComputedTextLength()) : null])"""


@pytest.mark.parametrize(("path", "words", "in_chart"), [
    ("tracks/", "talks japan", ["talks", "Japan"]),
    ("", "stalemate", ["stalemate"]),
])
def test_highlighting_marks_the_text_and_leaves_the_charts_whole(
        page: Page, site_url: str, path: str, words: str, in_chart: list[str]) -> None:
    page.goto(site_url + path)
    plain = page.evaluate(LABELS)
    chart_text = " ".join(text for _, text, _, _ in plain)
    assert all(word in chart_text for word in in_chart), "the words are no longer in the chart"

    page.goto(site_url + path + "?h=" + words.replace(" ", "+"))
    marks = page.locator("article mark.chrono-highlight")
    expect(marks.first).to_be_attached()  # ordinary text is still marked
    assert marks.count() > 0
    assert page.locator("svg mark").count() == 0
    assert page.evaluate(LABELS) == plain
