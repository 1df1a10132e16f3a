"""The CJK line-folding rule (scan.join_cjk_folds, used by parse.py for every data file): YAML
folds a line break into a space, which Chinese and Japanese text must not get (#16, design §3)."""

from __future__ import annotations

import pathlib
from typing import Any

import pytest
import yaml
from chronology.parse import parse_text
from support import ROOT

# libyaml's, where PyYAML has it: the pure-Python loader takes seconds over the real data.
BASE_LOADER: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@pytest.mark.parametrize(("yaml_text", "value"), [
    ("a: >-\n  「ホワイト国」\n  から韓国を\n  除外する。\n  日本は\n",
     "「ホワイト国」から韓国を除外する。日本は"),
    ("a: >-\n  한국을\n  제외\n", "한국을 제외"),  # Korean keeps its word space
    ("a: 日本\n  語 です\n", "日本語 です"),  # plain text over two lines; its own space stays
    ('a: "日本\n  語"\n', "日本語"),
    ("a: |\n  日本\n  語\n", "日本\n語\n"),  # a literal block keeps its line breaks
    ("a: >-\n  English\n  text 日本\n  語\n\n  段落\n", "English text 日本語\n段落"),
    ("a: >-\n  日本\n    語\n", "日本\n  語"),  # more indented: YAML keeps the break
    ("a: >-\n  日本。\n  Japan\n", "日本。 Japan"),  # only between two CJK characters
    ("a: >-\n  日本 \n  語\n", "日本  語"),  # a space written at the end of a line is kept
])
def test_a_folded_line_break_between_cjk_characters_joins_without_a_space(
        yaml_text: str, value: str) -> None:
    parsed, problems = parse_text(yaml_text, "x.yaml")
    assert problems == [] and parsed["a"] == value


def _same(ours: Any, theirs: Any) -> bool:
    if isinstance(ours, dict):
        return all(_same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list):
        return all(_same(a, b) for a, b in zip(ours, theirs, strict=True))
    return not isinstance(ours, str) or ours == str(theirs)


def test_the_folding_rule_changes_no_text_of_the_real_data() -> None:
    files = sorted(pathlib.Path(ROOT / "data").rglob("*.yaml"))
    assert len(files) > 80
    for file in files:
        text = file.read_text("utf-8")
        assert _same(parse_text(text, file.name)[0], yaml.load(text, Loader=BASE_LOADER)), \
            file
