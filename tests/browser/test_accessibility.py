"""axe-core in Chromium: no violations on the pages a reader lands on."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import Page

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
PAGES = ["", "phases/2019-export-restrictions/",
         "events/2019-08-02-japan-removes-south-korea-from-white-list/",
         "sources/rt-2019-08-02/", "corrections/", "context/", "actors/moon-jae-in/",
         "events/2019-08-02-seoul-vows-a-firm-response/", "tracks/", "events/", "actors/",
         "?topic=gsomia&kind=decision"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(open_page, site_url: str, path: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    with open_page(color_scheme=scheme) as page:
        page.goto(site_url + path)
        page.evaluate(AXE)
        result = page.evaluate("axe.run()")
        violations = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                      for v in result["violations"]]
        assert violations == []


def test_search_dialog_has_a_name(page: Page, site_url: str) -> None:
    page.goto(site_url)
    assert page.locator(".md-search[role='dialog']").get_attribute("aria-label") == "Search"
