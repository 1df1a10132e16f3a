"""Hand-written pages (docs/*.md and the translations translators send, docs/*.<lang>.md) are
untrusted like data/: their front matter is plain text read by our reader, their body Markdown
without raw HTML (hooks/chronology/handwritten.py). Adversarial review of 2026-12-07: G1 (front
matter and body reach the page raw), G4 (a translation with no English page is dropped), G5
(broken front matter is published), G16 (a translation's problems blamed on the English file),
G17 (an unknown marker without its line)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from chronology.handwritten import read_page, sanitize_body
from chronology.render import MARKERS
from support import ROOT, write_data

ENGLISH = """\
---
title: About
description: How it is made.
---

# About { #about }

Text with a [link](https://example.org/) and `<code>`.
"""

KOREAN = """\
---
title: 소개
description: 어떻게 만드는지.
translation: {how: machine, of: 0123abcd}
---

# 소개 { #about }
"""


def read(text: str, translated: bool = False) -> list[str]:
    path = "docs/about.ko.md" if translated else "docs/about.md"
    return [str(p) for p in read_page(path, text, translated=translated, known_markers=MARKERS)[1]]


def test_a_clean_page_and_its_translation_read_as_text() -> None:
    page, problems = read_page("docs/about.ko.md", KOREAN, translated=True, known_markers=MARKERS)
    assert problems == [] and page is not None
    assert (page.title, page.description, page.body_line) == ("소개", "어떻게 만드는지.", 6)
    assert page.translation is not None and (page.translation.how, page.translation.of) == \
        ("machine", "0123abcd")


def test_the_front_matter_reaches_the_theme_escaped() -> None:
    text = ENGLISH.replace("title: About", "title: 'x </title><script>alert(1)</script>'") \
        .replace("description: How it is made.", """description: 'x" autofocus onfocus="alert(2)'""")
    page, problems = read_page("docs/about.md", text, translated=False, known_markers=MARKERS)
    assert problems == [] and page is not None
    assert page.theme_meta() == {
        "title": "x &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        "description": "x&quot; autofocus onfocus=&quot;alert(2)"}


@pytest.mark.parametrize(("text", "translated", "expected"), [
    (ENGLISH.replace("title: About\n", "title: About\nog_type: 'website\"><script>x</script>'\n"),
     False, ["docs/about.md:3: 'og_type' is not a field of the front matter: a hand-written "
             "page's front matter holds only title, description, as plain text"]),
    (ENGLISH.replace("title: About\n", "title: About\njson_ld: '{}</script><script>x</script>'\n"),
     False, ["docs/about.md:3: 'json_ld' is not a field of the front matter: a hand-written "
             "page's front matter holds only title, description, as plain text"]),
    (ENGLISH.replace("title: About\n", "title: About\ntemplate: 404.html\n"),
     False, ["docs/about.md:3: 'template' is not a field of the front matter: a hand-written "
             "page's front matter holds only title, description, as plain text"]),
    (ENGLISH.replace("title: About", "title: [unclosed"), False,  # G5
     ["docs/about.md:3: YAML syntax: did not find expected ',' or ']' (while parsing a flow "
      "sequence that starts on line 2)"]),
    (ENGLISH.replace("title: About", "title: [a, b]"), False,
     ["docs/about.md:2: title: must be text, got a list"]),
    ("---\ntitle: About\n\n# About\n", False,
     ["docs/about.md:1: the front matter that starts on line 1 never ends: close it with a "
      "line '---'"]),
    (KOREAN.replace('translation: {how: machine, of: 0123abcd}\n', ""),
     True, ["docs/about.ko.md:1: a translated page needs, in its front matter, 'translation: "
            "{how: machine, machine-checked or person, reviewed: false, of: ...}' (by: the person "
            "who translated it, if a person did) (of: what `make translations` gives for the "
            "English page)"]),
    (KOREAN.replace("how: machine", "how: robot").replace("0123abcd", "<script>"), True,
     ["docs/about.ko.md:4: how: 'robot' is not one of machine, machine-checked, person",
      "docs/about.ko.md:4: of: must be the first 8 hex digits of the English page's fingerprint "
      "(make translations gives it), got '<script>'"]),
    (KOREAN.replace("how: machine,", 'by: "machine draft (AI helper session)", how: machine, '
                    'reviewed: "independent second pass", '), True,
     ["docs/about.ko.md:4: by: a machine translation names no one; remove 'by' (the page says "
      "what kind of work it is: how: machine)",
      "docs/about.ko.md:4: reviewed: must name the person who reviewed the page, got "
      "'independent second pass'; a second machine pass is how: machine-checked, and "
      "reviewed: false"]),
    (KOREAN.replace("how: machine,", "how: person,"), True,
     ["docs/about.ko.md:4: missing 'by': the person who translated the page"]),
    (ENGLISH.replace("title: About\n", "title: About\ntranslation: {by: x, how: machine}\n"),
     False, ["docs/about.md:3: 'translation' is not a field of the front matter: only a "
             "translated page (docs/<name>.<lang>.md) says who translated it"]),
    (ENGLISH + "\n<!-- chronology:nope -->\n", False,  # G17
     ["docs/about.md:10: unknown marker 'chronology:nope'; known: chart, cite, phases, report, timeline"]),
    (ENGLISH + "\nText <!-- chronology:chart --> here\n", False,
     ["docs/about.md:10: the marker 'chronology:chart' must stand alone on its line, with a blank "
      "line before and after"]),
], ids=["og_type", "json_ld", "template", "broken-yaml", "title-list", "unclosed",
        "translation-missing", "translation-bad", "translation-by-a-machine",
        "translation-by-nobody", "translation-in-english", "unknown-marker",
        "marker-inline"])
def test_front_matter_and_markers_are_reported_at_their_line(
        text: str, translated: bool, expected: list[str]) -> None:
    assert read(text, translated) == expected


# (Markdown, as Python-Markdown renders it, the problems' lines and the start of each message)
HOSTILE_BODIES = [
    ("x\n\n<script>alert(1)</script>\n", "<p>x</p>\n<script>alert(1)</script>",
     [(8, "<script>: raw HTML is not allowed")]),
    ("<img src=x onerror=alert(1)>\n", '<p><img src=x onerror=alert(1)></p>',
     [(6, "the attribute 'onerror' is not allowed on <img>")]),
    ("[a](javascript:alert(1))\n", '<p><a href="javascript:alert(1)">a</a></p>',
     [(6, "the link 'javascript:alert(1)' is not a web address")]),
    ("[a](JaVa&#x09;script:alert(1))\n", '<p><a href="JaVa&#x09;script:alert(1)">a</a></p>',
     [(6, "the link 'JaVa\tscript:alert(1)' is not a web address")]),
    ("[a](b.md){ onclick=\"alert(1)\" }\n", '<p><a href="b.md" onclick="alert(1)">a</a></p>',
     [(6, "the attribute 'onclick' is not allowed on <a>")]),
    ("![x](https://tracker.example/p.gif)\n", '<p><img alt="x" src="https://tracker.example/p.gif"></p>',
     [(6, "the image 'https://tracker.example/p.gif' is on another site")]),
    ("x\n\n<svg><script>alert(1)</script></svg>\n", "<p>x</p>\n<svg><script>alert(1)</script></svg>",
     [(8, "<script>: raw HTML"), (8, "<svg>: raw HTML")]),
    ("| a |\n|:-:|\n| b |\n", '<table><thead><tr><th style="text-align: center;">a</th></tr>'
     "</thead></table>", [(7, "a style attribute is not allowed")]),
    ("x\n\n<!--><script>alert(1)</script>-->\n", "<p>x</p>\n<!--><script>alert(1)</script>-->",
     [(8, "an HTML comment may not hold markup")]),
]


@pytest.mark.parametrize(("body", "rendered", "expected"), HOSTILE_BODIES)
def test_raw_html_in_a_page_is_refused_at_its_line_and_never_published(
        body: str, rendered: str, expected: list[tuple[int, str]]) -> None:
    page, _ = read_page("docs/about.md", ENGLISH.split("# About")[0] + body, translated=False,
                        known_markers=MARKERS)
    assert page is not None
    clean, problems = sanitize_body(page, rendered)
    found = [(problem.line, problem.message) for problem in problems]
    assert len(found) == len(expected)
    for (line, message), (want_line, start) in zip(found, expected, strict=True):
        assert line == want_line and message.startswith(start), (line, message)
    lowered = clean.lower()
    for bad in ("<script", "onerror", "onclick", "javascript", "<svg", "style=", "tracker"):
        assert bad not in lowered


def test_what_markdown_makes_passes_unchanged() -> None:
    rendered = ('<h1 id="about">About<a class="headerlink" href="#about" title="Permanent link">'
                '¶</a></h1>\n<p>Text with a <a href="https://example.org/">link</a>, '
                '<code>&lt;code&gt;</code>, <em>a</em> <strong>b</strong> '
                '<abbr title="white list">WL</abbr>.</p>\n<!-- chronology:chart -->\n'
                '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n'
                '<ol start="3">\n<li>x</li>\n</ol>\n<p><img alt="a map" src="assets/map.png"></p>')
    page, _ = read_page("docs/about.md", ENGLISH, translated=False, known_markers=MARKERS)
    assert page is not None
    assert sanitize_body(page, rendered) == (rendered, [])


# --- in a build ------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real configuration, hooks and pages over a one-event data folder (a build in seconds)."""
    write_data(tmp_path)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "hooks", tmp_path / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, tmp_path / config.name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def build_ko(project: Path) -> tuple[int, str, Path]:
    """A strict build of the Korean edition alone (mkdocs.ko.yml) into project/site."""
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site),
         "--config-file", str(project / "mkdocs.ko.yml")],
        capture_output=True, text=True, env=env, cwd=project, check=False)
    return result.returncode, result.stdout + result.stderr, site


@pytest.mark.build
def test_every_problem_of_the_pages_is_one_report_before_anything_is_published(project: Path) -> None:
    docs = project / "docs"
    shutil.copy(docs / "about.ko.md", docs / "nowhere.ko.md")  # G4
    edit(docs / "data.ko.md", "title: 데이터와 내려받기\n", "title: [unclosed\n")  # G5
    edit(docs / "index.ko.md", "title: ", "og_type: 'website\"><script>alert(4)</script>'\n"
         "json_ld: '{}</script><script>alert(2)</script>'\ntitle: ")  # G1
    with (docs / "about.ko.md").open("a", encoding="utf-8") as page:
        page.write("\n<!-- chronology:nope -->\n")  # G16, G17
    lines = (docs / "about.ko.md").read_text("utf-8").count("\n")
    code, output, site = build_ko(project)
    assert code != 0
    report = [line for line in output.splitlines() if line.startswith("docs/")]
    assert report == [
        f"docs/about.ko.md:{lines}: unknown marker 'chronology:nope'; known: chart, cite, phases, "
        "report, timeline",
        "docs/data.ko.md:3: YAML syntax: did not find expected ',' or ']' (while parsing a flow "
        "sequence that starts on line 2)",
        "docs/index.ko.md:2: 'og_type' is not a field of the front matter: a hand-written page's "
        "front matter holds only title, description, translation, as plain text",
        "docs/index.ko.md:3: 'json_ld' is not a field of the front matter: a hand-written page's "
        "front matter holds only title, description, translation, as plain text",
        "docs/nowhere.ko.md:1: a translation of docs/nowhere.md, which does not exist: name it "
        "after an English page in docs/ (about.ko.md translates about.md), or delete it",
    ]
    assert "Traceback" not in output
    assert not (site / "about" / "index.html").exists()


@pytest.mark.build
def test_a_translated_pages_title_is_text_its_html_refused_its_links_its_own(project: Path) -> None:
    docs = project / "docs"
    payload = "소개 </title><script>alert(1)</script><img src=x onerror=alert(2)>"
    edit(docs / "about.ko.md", "title: 이 연표에 대하여\n", f"title: '{payload}'\n")
    edit(docs / "about.ko.md", "description: 연표를 어떻게 만들고, 출처를 어떻게 밝히고, 어떻게 검증하는지.",
         """description: 'x" onfocus="alert(3)" 연표를'""")
    code, output, site = build_ko(project)
    assert code == 0, output
    page = (site / "about" / "index.html").read_text("utf-8")
    assert "alert(" not in page.replace("alert(1)&lt;", "").replace("alert(2)&gt;", "") \
        .replace("alert(3)&quot;", "")
    assert "<title>소개 &lt;/title&gt;&lt;script&gt;" in page
    assert '<meta name="description" content="x&quot; onfocus=&quot;alert(3)&quot; 연표를' in page

    with (docs / "about.ko.md").open("a", encoding="utf-8") as file:
        file.write("\n<b onclick=\"alert(4)\">bold</b>\n\n[x](missing-page.md)\n")
    lines = (docs / "about.ko.md").read_text("utf-8").count("\n")
    code, output, site = build_ko(project)
    assert code != 0
    assert f"docs/about.ko.md:{lines - 2}: <b>: raw HTML is not allowed" in output
    shutil.rmtree(site, ignore_errors=True)
    edit(docs / "about.ko.md", '<b onclick="alert(4)">bold</b>', "**bold**")
    code, output, site = build_ko(project)
    assert code != 0
    assert "Doc file 'about.ko.md' contains a link 'missing-page.md'" in output  # G16
    assert "'about.md'" not in output


@pytest.mark.build
@pytest.mark.parametrize(("old", "new"), [
    ("title: About this chronology\n", "title: About\nog_type: 'website\"><script>alert(1)</script>'\n"),
    ("# About this chronology { #about }\n", "# About\n\n<img src=x onerror=alert(1)>\n"),
], ids=["front-matter", "body"])
def test_make_build_keeps_the_last_good_site(project: Path, old: str, new: str,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str],
                                             caplog: pytest.LogCaptureFixture) -> None:
    """A problem of a hand-written page, found before or after Markdown: a clean report, and
    site/ exactly as the last good build left it."""
    import build_site

    edit(project / "docs" / "about.md", old, new)
    site = project / "site"
    (site / "about").mkdir(parents=True)
    (site / "about" / "index.html").write_bytes(b"the last good build")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    monkeypatch.chdir(project)
    assert build_site.main(["--site-dir", "site", "--editions", ""]) == 1
    err = capsys.readouterr().err
    assert "the pages in docs/ have problems:\ndocs/about.md:" in caplog.text
    assert "the build failed; site/ is unchanged" in err and "Traceback" not in err + caplog.text
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
