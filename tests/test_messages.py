"""The message catalogue (chronology/messages.py): every id the render code uses is in the English
table, every English message is used, a language's missing message reads in English, and a
message cannot add markup."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from chronology import messages
from chronology.messages import ENGLISH, Messages
from chronology.model import Chronology
from chronology.render import iter_pages, iter_redirects, render_fragments, render_problem_banner
from support import ROOT

RENDER = ROOT / "hooks" / "chronology" / "render"
# How the render code asks for a message: t("id"), t.text("id"), t.count(n, "noun"), EN("id"),
# site.t("id") and the like.
CALLS = {"t": 0, "EN": 0, "t.text": 0, "t.count": 1, "t.count_text": 1, "EN.text": 0}


def render_modules() -> list[Path]:
    return sorted(RENDER.glob("*.py"))


def ids_in_calls() -> Iterator[tuple[str, str, int]]:
    """(id, file, line) of every literal message id passed to a catalogue call."""
    for path in render_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func).removeprefix("site.")
            if name not in CALLS or len(node.args) <= CALLS[name]:
                continue
            arg = node.args[CALLS[name]]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                ids = ([f"{arg.value}.one", f"{arg.value}.other"] if "count" in name
                       else [arg.value])
                yield from ((i, path.name, node.lineno) for i in ids)


THEME_AND_SCRIPTS = [*(ROOT / "hooks" / "theme").rglob("*.html"),
                     *(ROOT / "docs" / "assets").glob("*.js")]
# An id in a template (t("id")) or a script (say("id"), or chosen by a ternary: "a.b" : "a.c").
QUOTED_ID = re.compile(r"""["']([a-z]+(?:\.[a-z0-9-]+)+)["']""")
# say("id") in the scripts; t["id"] in the templates (t: config.extra.words, chronology/theme.py).
CALLED_ID = re.compile(r"""(?<![\w.])(?:say\(|t\[)\s*["']([^"']+)["']""")


def literals() -> set[str]:
    """Every string literal in the render code (ids kept in tables, such as filters.KINDS), and
    every quoted id in the theme's templates and the scripts."""
    hooks = [ROOT / "hooks" / "chronology_build.py", ROOT / "hooks" / "chronology_pages.py",
             ROOT / "hooks" / "chronology" / "handwritten_html.py"]
    found = {node.value for path in [*render_modules(), *hooks]
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    for path in THEME_AND_SCRIPTS:
        found.update(map(_whole, QUOTED_ID.findall(path.read_text(encoding="utf-8"))))
    return found


def _whole(message_id: str) -> str:
    """The message a template's piece of it belongs to: "notfound.events.item.before" (the
    words before its {link}, chronology/theme.py) is "notfound.events.item"."""
    whole = message_id.removesuffix(".before").removesuffix(".after")
    return whole if whole != message_id and "{link}" in ENGLISH.get(whole, "") else message_id


def test_the_templates_and_scripts_ask_only_for_known_ids() -> None:
    asked = {path.name: list(map(_whole, CALLED_ID.findall(path.read_text(encoding="utf-8"))))
             for path in THEME_AND_SCRIPTS}
    assert sum(map(len, asked.values())) > 40  # the scan finds the calls
    assert {name: [i for i in ids if i not in ENGLISH] for name, ids in asked.items()} == {
        name: [] for name in asked}


def test_every_id_the_render_code_uses_is_in_the_english_table() -> None:
    used = list(ids_in_calls())
    assert len(used) > 100  # the scan finds the calls
    assert [f"{file}:{line}: {i}" for i, file, line in used if i not in ENGLISH] == []


def test_every_english_message_is_used() -> None:
    found = literals()
    unused = [i for i in ENGLISH
              if i not in found and i.removesuffix(".one").removesuffix(".other") not in found]
    assert unused == []


@pytest.mark.build  # renders every page of the real data in two editions (as real_pages)
def test_rendering_the_real_data_asks_only_for_known_ids(monkeypatch: pytest.MonkeyPatch,
                                                        real_chronology: Chronology) -> None:
    asked: set[str] = set()
    lookup = messages.message

    def recording(table: Mapping[str, str], message_id: str) -> str:
        asked.add(message_id)
        return lookup(table, message_id)  # KeyError for an unknown id

    monkeypatch.setattr(messages, "message", recording)
    chronology = real_chronology
    pages = dict(iter_pages(chronology, "A site"))
    pages.update(iter_pages(chronology, "A site", "ko"))
    pages.update(render_fragments(chronology))
    pages.update(iter_redirects(chronology))
    render_problem_banner("data/x.yaml:1: a problem")
    assert pages and asked <= set(ENGLISH)
    # The real data reaches most of the catalogue (a few messages are for cases it lacks).
    # (the templates' and the scripts' words are asked for by the theme, not the render code).
    python = [i for i in ENGLISH if not i.startswith(("search.", "script.", "notfound."))]
    assert len(asked) > 0.8 * len(python)


def test_unknown_id_is_an_error() -> None:
    with pytest.raises(KeyError, match="no message 'no.such.message'"):
        Messages("en")("no.such.message")


def test_a_missing_message_falls_back_to_english() -> None:
    korean = Messages("ko", {"cite.heading": "이 사건 인용"})
    assert korean("cite.heading") == "이 사건 인용"
    assert korean("cite.copy") == "Copy citation"
    assert Messages("xx")("cite.copy") == "Copy citation"  # no table: English


def test_a_message_is_text_and_its_values_are_the_callers_html() -> None:
    hostile = {"event.sources.heading": '<img src=x onerror=alert(1)> "x"',
               "cite.in": "{name.__class__} {name[0]} {name}"}
    t = Messages("xx", hostile)
    assert t("event.sources.heading") == "&lt;img src=x onerror=alert(1)&gt; &quot;x&quot;"
    # Only {name} is a place for a value: no attribute or item of a value can be reached.
    assert t("cite.in", name="<cite>A</cite>") == "{name.__class__} {name[0]} <cite>A</cite>"
    assert t.text("cite.in", name="<b>") == "{name.__class__} {name[0]} <b>"


def test_counts_and_values() -> None:
    t = Messages("en")
    assert [t.count(n, "count.event") for n in (0, 1, 2)] == ["0 events", "1 event", "2 events"]
    assert t("filters.count", shown=3, total=5) == "3 of 5 events"
    with pytest.raises(KeyError):
        t("filters.count", shown=3)
