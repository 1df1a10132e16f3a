"""A link shared before a rename still leads to the event, to the same part of its page."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from support import copy_project, mkdocs_build, rename_event

pytestmark = pytest.mark.build

OLD = "2019-08-02-moon-calls-an-emergency-cabinet-meeting"
NEW = "2019-08-02-moon-convenes-an-emergency-cabinet-meeting"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_an_old_address_leads_to_the_renamed_event(browser: Browser, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    rename_event(project, OLD, NEW)
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        root = f"http://127.0.0.1:{server.server_address[1]}/"
        page.goto(f"{root}events/{OLD}/#sources")
        page.wait_for_url(f"{root}events/{NEW}/#sources")
        assert page.locator("h1").inner_text().startswith("Moon Jae-in")
        page.close()
    finally:
        server.shutdown()
        server.server_close()
