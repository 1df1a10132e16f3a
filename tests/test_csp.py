"""The Content-Security-Policy (G18): the core's pieces on small inputs, and every page of a
built site (all three editions) read with the standard library's parser, not our own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from chronology.csp import (
    REDIRECT_SCRIPT,
    disallowed_scripts,
    inline_scripts,
    policy,
    policy_meta,
    source_hash,
    with_policy,
)
from chronology.model import Chronology
from chronology.render import iter_redirects
from csp_support import directives, read_page, sha256_source
from support import copy_project, mkdocs_build

PAGE = ('<!doctype html>\n<html lang="en">\n  <head>\n<meta charset="utf-8">\n'
        '<meta name="description" content="x"><script>a()</script>'
        '<script type="application/ld+json">{"a": 1}</script>'
        '<script id="c" type="application/json">{}</script>'
        '<script src="assets/x.js"></script><script type="module">b()</script>'
        '</head><body><script type="text/plain">c()</script></body></html>')


def test_the_hash_is_the_one_browsers_compute() -> None:
    # The value from CSP Level 3's own example, for alert('Hello, world.');
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert source_hash("a()") == sha256_source("a()")


def test_only_the_scripts_that_run_are_read() -> None:
    assert inline_scripts(PAGE) == ["a()", "b()"]
    assert disallowed_scripts(PAGE, ["a()"]) == ["b()"]


def test_the_policy_names_every_directive_and_only_the_hashes_given() -> None:
    got = directives(policy(["b()", "a()", "a()"]))
    assert got["script-src"] == ["'self'", "'wasm-unsafe-eval'", *sorted([source_hash("a()"),
                                                                         source_hash("b()")])]
    assert got["default-src"] == got["style-src"] == got["form-action"] == ["'self'"]
    assert got["object-src"] == got["base-uri"] == ["'none'"]
    assert got["img-src"] == ["'self'", "data:"]
    assert "unsafe-inline" not in policy(["a()"]) and "'unsafe-eval'" not in policy()


def test_a_local_preview_lets_any_inline_script_run() -> None:
    """mkdocs serve puts its live-reload script inline, new each time: no hash can name it."""
    got = directives(policy(["a()"], any_inline=True))
    assert got["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]
    assert {k: v for k, v in got.items() if k != "script-src"} == \
        {k: v for k, v in directives(policy()).items() if k != "script-src"}


def test_the_policy_comes_first_in_head() -> None:
    parsed = read_page(with_policy(PAGE, ["a()"]))
    assert parsed.first_in_head == "meta Content-Security-Policy"
    assert parsed.policies == [policy(["a()"])]
    assert with_policy("<html><HEAD lang=x>", []).startswith(f"<html><HEAD lang=x>\n{policy_meta()}")
    with pytest.raises(ValueError, match="no <head>"):
        with_policy("<html><body><header>", [])


def test_a_redirect_page_allows_its_one_script(real_chronology: Chronology) -> None:
    chronology = real_chronology
    for lang in ("en", "ko", "ja"):
        pages = dict(iter_redirects(chronology, lang))
        assert pages, "the data has a former id; the test needs one"
        for text in pages.values():
            parsed = read_page(text)
            assert parsed.first_in_head == "meta Content-Security-Policy"
            assert parsed.scripts == [REDIRECT_SCRIPT]
            assert parsed.policies == [policy([REDIRECT_SCRIPT])]


@pytest.mark.build
def test_every_page_of_every_edition_carries_the_policy(built_site: Path) -> None:
    """Exactly one policy, first in <head>, allowing every inline script the page runs and
    no other (a hash of a script the page does not hold would be an opening for nothing)."""
    pages = sorted(built_site.rglob("*.html"))
    assert {p.relative_to(built_site).parts[0] for p in pages} >= {"ko", "ja", "404.html", "events"}
    wrong = []
    for path in pages:
        parsed = read_page(path.read_text("utf-8"))
        name = path.relative_to(built_site).as_posix()
        if len(parsed.policies) != 1 or parsed.first_in_head != "meta Content-Security-Policy":
            wrong.append(f"{name}: {len(parsed.policies)} policies, first in head: "
                         f"{parsed.first_in_head!r}")
            continue
        allowed = directives(parsed.policies[0])["script-src"]
        hashes = {source for source in allowed if source.startswith("'sha256-")}
        if hashes != {sha256_source(script) for script in parsed.scripts}:
            wrong.append(f"{name}: inline scripts {[s[:40] for s in parsed.scripts]}, "
                         f"hashes {sorted(hashes)}")
    assert wrong == [], "\n".join(wrong[:20])
    assert len(pages) > 400


@pytest.mark.build
def test_an_inline_script_the_theme_adds_fails_the_build(tmp_path: Path) -> None:
    """An inline script the policy does not allow (a new one in the theme, say) is a warning, so
    the strict build fails instead of publishing pages that break. (A hand-written page's own
    script is refused before: tests/test_hand_written.py.)"""
    project = copy_project(tmp_path / "project")
    theme = project / "hooks" / "theme" / "main.html"
    text = theme.read_text("utf-8")
    assert "{% block extrahead %}" in text
    theme.write_text(text.replace("{% block extrahead %}",
                                  "{% block extrahead %}<script>window.planted = 1</script>", 1),
                     "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "has an inline script that the site's Content-Security-Policy blocks" in result.stderr
    assert "window.planted = 1" in result.stderr
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
