"""The theme's overrides (hooks/theme/) run on any engine that runs Material's templates: Jinja2
(MkDocs, ProperDocs) or MiniJinja (Zensical), with a hook or without.

What fails elsewhere, as measured (perf-ecosystem review, section 4): a Python method on a value
(`base_url.endswith("/")`: MiniJinja's strings have none), MkDocs' own objects (the sitemap's
`pages`, `file.page.canonical_url`), and whatever a hook puts into Jinja2 (a global such as
t(), a filter). What the templates need comes through `config.extra` (chronology/theme.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from chronology.messages import ENGLISH
from chronology.theme import html_safe_json, theme_extra, theme_words
from support import ROOT

THEME = ROOT / "hooks" / "theme"
TEMPLATES = sorted(p for p in THEME.rglob("*") if p.is_file())
_TAG = re.compile(r"\{\{(.*?)\}\}|\{%-?(.*?)-?%\}", re.S)
_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_STRING = re.compile(r""""[^"]*"|'[^']*'""")
# Filters and calls that Jinja2 and MiniJinja both have, and Material's own `url` and lang.t,
# which any engine running Material's templates provides.
PORTABLE_FILTERS = {"e", "escape", "d", "default", "url", "length", "first", "last", "tojson"}
PORTABLE_CALLS = {"super", "lang.t"}
KEYWORDS = {"and", "or", "not", "in", "is", "if", "else"}  # "a or (b)" is no call
# MkDocs' objects: a template's context elsewhere has none of these.
MKDOCS_ONLY = re.compile(r"\b(pages|file|build_date_utc|mkdocs_version)\b"
                         r"|\.(is_link|abs_url|update_date|file|src_uri|dest_uri)\b")


def expressions(path: Path) -> list[str]:
    """The code inside the template's tags, string literals blanked; comments left out."""
    text = _COMMENT.sub("", path.read_text("utf-8"))
    return [_STRING.sub('""', "".join(part for part in match.groups() if part))
            for match in _TAG.finditer(text)]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(THEME).as_posix())
def test_a_template_uses_only_what_every_engine_has(template: Path) -> None:
    found = expressions(template)
    calls = {call for code in found  # not a filter's arguments: | d("x")
             for call in re.findall(r"([\w.]+)\s*\(", re.sub(r"\|\s*\w+", "|", code))} - KEYWORDS
    assert calls <= PORTABLE_CALLS, f"calls {sorted(calls - PORTABLE_CALLS)}: a Python method or a " \
        "function a hook gives (write base_url[-1:] == '/', not base_url.endswith('/'))"
    filters = {name for code in found for name in re.findall(r"\|\s*(\w+)", code)}
    assert filters <= PORTABLE_FILTERS, f"filters {sorted(filters - PORTABLE_FILTERS)}"
    internal = sorted({m.group(0) for code in found for m in MKDOCS_ONLY.finditer(code)})
    assert not internal, f"{internal}: MkDocs' own objects; write what is needed as a file " \
        "(chronology/sitemap.py) or into config.extra (chronology/theme.py)"


def test_every_word_a_template_uses_is_given_to_it() -> None:
    given = theme_extra("en", {})
    used = {found for template in TEMPLATES
            for found in re.findall(r"""\bt\[["']([a-z0-9.-]+)["']\]""", template.read_text("utf-8"))}
    assert used and used <= set(given["words"])  # type: ignore[arg-type]
    extra = {key for template in TEMPLATES
             for key in re.findall(r"config\.extra\.(\w+)", template.read_text("utf-8"))}
    english = yaml.safe_load(re.sub(r"!ENV \[[^]]*\]", '""', (ROOT / "mkdocs.yml").read_text("utf-8")))
    assert extra <= set(given) | set(english["extra"]) | {"homepage"}  # homepage: Material's


def test_the_words_are_escaped_and_english_where_a_table_lacks_them() -> None:
    words = theme_words({"notfound.title": "<없음> & \"없음\"", "other.id": "x"})
    assert words["notfound.title"] == "&lt;없음&gt; &amp; &quot;없음&quot;"
    assert words["notfound.lead"] == ENGLISH["notfound.lead"].replace("’", "’")
    assert all(key.startswith(("notfound.", "search.")) for key in words)


def test_the_scripts_messages_are_json_as_jinjas_tojson_writes_it() -> None:
    from jinja2 import Environment  # as MkDocs' theme environment writes `| tojson`

    value = {"b": "</script><b>&'x'", "a": "한국어 “quotes”"}
    assert html_safe_json(value) == Environment().from_string("{{ v | tojson }}").render(v=value)
