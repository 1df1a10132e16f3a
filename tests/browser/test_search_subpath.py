"""Search on a site published below the host's root (GitHub Pages: https://user.github.io/repo/):
the index loads from the site's own folder and results link inside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from support import QuietHandler, serving


class _Below(QuietHandler):
    """Serves the built site at /chronology/ and nothing at the root."""

    def translate_path(self, path: str) -> str:
        if not path.startswith("/chronology/"):
            return "/nonexistent"
        return super().translate_path(path.removeprefix("/chronology"))


@pytest.fixture(scope="module")
def below_root(built_site: Path) -> Iterator[str]:
    with serving(built_site, _Below) as root:
        yield root + "chronology/"


def test_search_works_below_the_hosts_root(browser: Browser, below_root: str) -> None:
    page = browser.new_page()
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    page.goto(below_root + "events/2019-08-02-japan-removes-south-korea-from-white-list/")
    page.locator(".md-search__input").click()
    page.keyboard.insert_text("Chengdu")
    first = page.locator(".md-search-result__link").first
    expect(first).to_have_attribute(
        "href", below_root + "events/2019-12-24-moon-and-abe-meet-in-chengdu/?h=chengdu")
    first.click()
    expect(page.locator("article mark").first).to_be_visible()
    assert missing == []
    page.close()
