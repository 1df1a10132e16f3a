"""The browser's fixtures: the built site served, one Chromium for the whole run, pages.

Every page opened through `open_page`/`page` records its requests; a test fails if any request
leaves the site's own host (the site must make no third-party requests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from support import CHROMIUM_FLAGS, DESKTOP, chromium_path, serving


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


OpenPage = Callable[..., AbstractContextManager[Page]]


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> OpenPage:
    """open_page(viewport=..., **context options) -> a page that fails on third-party requests."""

    @contextmanager
    def opener(viewport: dict[str, int] = DESKTOP, **options: object) -> Iterator[Page]:
        context = browser.new_context(viewport=viewport, **options)
        page = context.new_page()
        outside: list[str] = []
        host = urlsplit(site_url).netloc
        page.on("request", lambda r: outside.append(r.url)
                if urlsplit(r.url).scheme in {"http", "https", "ws", "wss"}
                and urlsplit(r.url).netloc != host else None)
        try:
            yield page
        finally:
            context.close()
        assert outside == [], f"requests left the site: {outside}"

    return opener


@pytest.fixture
def page(open_page: OpenPage) -> Iterator[Page]:
    with open_page() as opened:
        yield opened


