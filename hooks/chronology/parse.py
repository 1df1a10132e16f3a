"""Parse one YAML text into plain values that remember their lines, refusing what data never needs.

Only syntax-level problems are found here: characters YAML cannot read or an editor hides,
YAML syntax, tags, anchors and aliases, merge keys, nesting too deep, duplicate keys, empty
files. Meaning is validate's job. PyYAML's safe loader is used, the C one where available
(several times faster); no tag can construct a Python object, and nothing here raises. What
is found in the raw text, before and after parsing, is in scan.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Problem
from .hostile import MAX_DEPTH, hidden_character, looks_clean
from .scan import (
    BaseLoader,
    hidden_outside_values,
    join_cjk_folds,
    may_hold_properties,
    short_tag,
    tags_anchors_and_aliases,
    unreadable_characters,
)


class LineMap(dict[str, Any]):
    """A YAML mapping that remembers its own line and each key's line (1-based)."""

    line: int = 1
    key_lines: dict[str, int]

    def __init__(self) -> None:
        super().__init__()
        self.key_lines = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A YAML sequence that remembers its own line and each item's line (1-based)."""

    line: int = 1
    item_lines: list[int]

    def __init__(self) -> None:
        super().__init__()
        self.item_lines = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class UnquotedDate:
    """What YAML would read as a date or time: kept as written, since PyYAML's own conversion
    raises on an impossible day (2019-02-30) and would hide what was typed."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class NumberText:
    """A whole number written in a form we do not convert (010, 0x1f, 1_000, 1:30, or more than
    18 digits: Python refuses to convert over 4,300 digits, and no field needs such a number)."""

    text: str

    def __str__(self) -> str:
        return self.text


class Reported(str):
    """Text whose hidden character has been reported, at its exact line, where it was read:
    later stages read it as nothing, and report nothing more about it."""


class _Refusal(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _Loader(BaseLoader):  # type: ignore[valid-type,misc]
    problems: list[Problem]
    display_path: str
    text: str
    depth: int
    label: str  # the field being read, for messages: "citations 2: quote"
    seen: set[int] | None  # nodes already met, a node met twice being an alias; None if the
    # text holds nothing that could start one
    hidden_lines: set[int]  # lines where a hidden character has been reported
    check_values: bool  # False when the whole file is clean: nothing to look for in its values


def _enter(loader: _Loader, node: yaml.Node) -> None:
    loader.depth += 1
    if loader.depth > MAX_DEPTH:
        raise _Refusal(node.start_mark.line + 1,
                       f"lists and mappings nested more than {MAX_DEPTH} deep; the data format "
                       "needs at most 4: see README.md")


def _visit(loader: _Loader, node: yaml.Node) -> None:
    # The composer hands out an anchored node again for each alias; refusing a second visit
    # means no document is ever expanded (a "billion laughs" file stays its own size).
    if loader.seen is None:
        return
    if id(node) in loader.seen:
        raise _Refusal(node.start_mark.line + 1, "an alias repeats another part of the file; "
                       "YAML anchors and aliases are not allowed: write the value out in full")
    loader.seen.add(id(node))


def _check_text(loader: _Loader, node: yaml.Node, value: str, label: str) -> str:
    found = hidden_character(value) if loader.check_values else None
    if found is None:
        return value
    index, message = found
    start, end = node.start_mark.index, node.end_mark.index
    # The exact line, also inside a multi-line value, where the character stands in the file
    # (unless it was written as an escape such as "\u202e": then the value's first line).
    where = loader.text.find(value[index], start, end)
    line = node.start_mark.line + 1 + (loader.text.count("\n", start, where) if where >= 0 else 0)
    loader.hidden_lines.add(line)
    loader.problems.append(Problem(loader.display_path, line,
                                   f"{label}: {message}" if label else message))
    return Reported(value)


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    return join_cjk_folds(loader.text, node, node.value)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineMap:
    _enter(loader, node)
    mapping = LineMap()
    mapping.line = node.start_mark.line + 1
    prefix = loader.label
    for key_node, value_node in node.value:
        _visit(loader, key_node)
        _visit(loader, value_node)
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            shown = repr(key) if len(repr(key)) <= 40 else repr(key)[:40] + "…"
            loader.problems.append(
                Problem(loader.display_path, line, f"key {shown} must be a name such as 'title'"))
            continue
        key = _check_text(loader, key_node, key,
                          f"{prefix}: key '{key}'" if prefix else f"key '{key}'")
        if key in mapping:
            loader.problems.append(
                Problem(loader.display_path, line,
                        f"duplicate key '{key}' (first on line {mapping.key_lines[key]}); "
                        "keep one of them"))
            continue
        loader.label = f"{prefix}: {key}" if prefix else key
        value = loader.construct_object(value_node, deep=True)
        if isinstance(value, str):
            value = _check_text(loader, value_node, value, loader.label)
        loader.label = prefix
        mapping[key] = value
        mapping.key_lines[key] = line
    loader.depth -= 1
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    _enter(loader, node)
    prefix = loader.label
    items = LineList()
    for number, child in enumerate(node.value, start=1):
        _visit(loader, child)
        # The items of a file's top-level list are records: their fields need no prefix.
        loader.label = f"{prefix} {number}" if prefix else ""
        item = loader.construct_object(child, deep=True)
        if isinstance(item, str):
            item = _check_text(loader, child, item, loader.label)
        items.append(item)
    loader.label = prefix
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    loader.depth -= 1
    return items


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> UnquotedDate:
    return UnquotedDate(node.value)


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})")


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int | NumberText:
    return int(node.value) if _PLAIN_INT.fullmatch(node.value) else NumberText(node.value)


def _refuse_tag(loader: _Loader, suffix: str, node: yaml.Node) -> None:
    raise _Refusal(node.start_mark.line + 1,
                   f"YAML syntax: the YAML tag '{short_tag(node.tag)}' is not allowed; write "
                   "plain text, lists and mappings")


def _refuse_merge(loader: _Loader, node: yaml.Node) -> None:
    raise _Refusal(node.start_mark.line + 1, "merge keys ('<<') are not allowed; write every "
                   "field out in full")


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:merge", _refuse_merge)
for _tag in ("binary", "omap", "pairs", "set"):  # the safe loader builds them; we need none
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", lambda loader, node: _refuse_tag(
        loader, "", node))
_Loader.add_multi_constructor("", _refuse_tag)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    what = error.problem or error.context or "not valid YAML"
    if "maximum nesting depth" in what:
        return Problem(path, line, f"lists and mappings nested more than {MAX_DEPTH} deep; the "
                       "data format needs at most 4: see README.md")
    if error.context in {"while scanning an anchor", "while scanning an alias"} or \
            what == "found undefined alias":
        what += "; a value that starts with '&' or '*' must be in double quotes"
    start = error.context_mark
    if error.context and error.problem and start and start.line + 1 != line:
        what += f" ({error.context} that starts on line {start.line + 1})"
    lines = text.splitlines()
    if mark and mark.line < len(lines):
        bad = lines[mark.line]
        if "\t" in bad[:len(bad) - len(bad.lstrip())]:
            what += "; a tab is used for indentation: indent with spaces"
    return Problem(path, line, f"YAML syntax: {what}")


def parse_text(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document; return its value (None on failure) and any problems."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(path, 1, "the file is empty; see README.md for the format")]
    unix = text.replace("\r\n", "\n")  # a line's \r\n is fine; any other \r is not
    clean = looks_clean(unix)
    properties = may_hold_properties(text)
    refused = (not clean and unreadable_characters(text, path)) or \
        (properties and tags_anchors_and_aliases(text, path))
    if refused:
        return None, refused
    loader = _Loader(text)
    loader.problems, loader.display_path, loader.text = [], path, text
    loader.depth, loader.label, loader.hidden_lines = 0, "", set()
    loader.seen = set() if properties else None
    # A value can hold a character the file does not: a double-quoted "\u202e".
    loader.check_values = not clean or "\\" in text
    try:
        value = loader.get_single_data()
    except _Refusal as refusal:
        return None, [Problem(path, refusal.line, refusal.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, path)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, f"YAML syntax: {str(error).splitlines()[0]}")]
    except RecursionError:  # only the pure-Python composer, which recurses before we count
        return None, [Problem(path, 1, f"lists and mappings nested more than {MAX_DEPTH} deep; "
                              "the data format needs at most 4: see README.md")]
    finally:
        loader.dispose()
    problems = loader.problems
    if not clean:
        problems += hidden_outside_values(unix, path, loader.hidden_lines)
    if value is None and not problems:
        # `---`, `~` or `null` alone: nothing to read, and an event must never vanish unnoticed.
        return None, [Problem(path, 1, "the file holds no data (only `---`, `~` or `null`); "
                                       "see README.md for the format")]
    return value, problems
