"""The policy stops G1's payloads even where escaping fails: the review's front-matter payloads
are written, unescaped, into a built page (after its policy, where front matter lands), and
Chromium runs none of them, and reports each it blocked. The same page without its policy runs
them: the payloads are live, and the policy is what stops them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from support import ARTIFACTS

PAGE = "ko/about/"
# Each payload, when it runs, records its name in window.ran.
RUN = "(window.ran=window.ran||[]).push('{}')"
TITLE = (f"소개 </title><script>{RUN.format('title')}</script>"
         f"<img src=x onerror=\"{RUN.format('title-img')}\">")
OG_TYPE = f"website\"><script>{RUN.format('og-type')}</script>"
JSON_LD = f"{{}}</script><script>{RUN.format('json-ld')}</script>"
DESCRIPTION = f'x" autofocus onfocus="{RUN.format("description")}" y="'
BODY = f"<img src=x onerror=\"{RUN.format('body-img')}\">"
# What runs without a policy: a <meta> cannot take focus, so the description's handler never
# fires (it is planted all the same, as the review planted it).
LIVE = {"title", "title-img", "og-type", "json-ld", "body-img"}
WATCH = """
window.__violations = [];
addEventListener("securitypolicyviolation",
                 event => window.__violations.push(event.violatedDirective), true);
"""


def planted(page: str) -> str:
    """The page as a build with no escaping would write it from hostile front matter."""
    replacements = [
        (r"<title>[^<]*</title>", f"<title>{TITLE} - site</title>"),
        (r'<meta name="description" content="[^"]*">', f'<meta name="description" content="{DESCRIPTION}">'),
        (r'<meta property="og:type" content="[^"]*">', f'<meta property="og:type" content="{OG_TYPE}">'),
        (r"</head>", f'<script type="application/ld+json">{JSON_LD}</script>\n</head>'),
        (r"<h1[^>]*>", lambda m: m.group(0) + BODY),
    ]
    for pattern, replacement in replacements:
        page, count = re.subn(pattern, replacement, page, count=1)
        assert count == 1, pattern
    return page


def without_policy(page: str) -> str:
    return re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page, count=1)


def open_planted(page: Page, site_url: str, html: str) -> None:
    page.add_init_script(WATCH)
    page.route(f"{site_url}{PAGE}", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(f"{site_url}{PAGE}")
    expect(page.locator("h1").first).to_be_visible()
    page.keyboard.press("Tab")  # a reader's first key: would focus an autofocus target
    page.wait_for_timeout(300)


def ran(page: Page) -> set[str]:
    return set(page.evaluate("window.ran || []"))


@pytest.fixture
def built_page(built_site: Path) -> str:
    return (built_site / PAGE / "index.html").read_text("utf-8")


def test_the_payloads_run_on_a_page_without_the_policy(page: Page, site_url: str,
                                                       built_page: str) -> None:
    open_planted(page, site_url, without_policy(planted(built_page)))
    assert ran(page) == LIVE


def test_the_policy_blocks_every_payload_and_says_so(page: Page, site_url: str,
                                                     built_page: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    html = planted(built_page)
    assert html.index("Content-Security-Policy") < html.index("<script>(window.ran")
    open_planted(page, site_url, html)
    assert ran(page) == set()
    violations = page.evaluate("window.__violations")
    # Each of the six reported: three <script> elements, and three handler attributes (the
    # description's too: Chromium checks a handler when the attribute is parsed).
    assert sorted(violations) == ["script-src-attr"] * 3 + ["script-src-elem"] * 3, violations
    assert sum("Content Security Policy" in e for e in errors) == 6, errors
    # The site's own scripts still run: Material's, and the search box opens.
    assert page.evaluate("typeof __md_get === 'function'")
    expect(page.locator("html")).to_contain_class("js")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "csp-payloads-blocked-1280.png"))
