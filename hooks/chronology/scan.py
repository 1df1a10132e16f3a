"""Scan: what is found in a YAML file's raw text rather than in its parsed values.

Before parsing: characters YAML cannot read, or reads as line breaks where editors do not
(which would shift every line number after them); tags, anchors and aliases, found in the
parser's events before any value is built. After parsing: hidden characters outside values,
as in comments. Each scan reports one problem a line, at most MAX_REPORTED a file. While
parsing: the line breaks YAML folds into a space, which Chinese and Japanese text must not
get (join_cjk_folds). No I/O.
"""

from __future__ import annotations

import re

import yaml

from .errors import Problem
from .hostile import HIDDEN, UNREADABLE, character_fix, describe_character

try:
    BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    BaseLoader = yaml.SafeLoader

MAX_REPORTED = 10  # problems of one kind per file; the rest are summed up in the last one


def short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _capped(problems: list[Problem], more: int = 0) -> list[Problem]:
    """At most MAX_REPORTED problems; the last says how many more there are."""
    more += max(0, len(problems) - MAX_REPORTED)
    problems = problems[:MAX_REPORTED]
    if more:
        last = problems[-1]
        problems[-1] = Problem(last.path, last.line, f"{last.message} (and {more} more like it "
                               "below)")
    return problems


_KEY = re.compile(r"\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:(?:\s|$)")


def _field_at(lines: list[str], number: int) -> str:
    """The key on line `number` or the nearest line above (a guess, for messages only)."""
    if lines[number - 1].lstrip().startswith("#"):
        return "comment"
    for line in reversed(lines[max(0, number - 50):number]):
        found = _KEY.match(line)
        if found:
            return found.group(1)
    return ""


def _first_on_each_line(text: str, pattern: re.Pattern[str],
                        skip: set[int]) -> tuple[list[tuple[int, re.Match[str]]], int]:
    """The first match on each line not in `skip`: up to MAX_REPORTED, and how many more lines.
    Lines are counted as we go: a file full of such characters must not cost quadratic time."""
    found: list[tuple[int, re.Match[str]]] = []
    more, line, counted, last = 0, 1, 0, 0
    for match in pattern.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if line == last or line in skip:
            continue
        last = line
        if len(found) < MAX_REPORTED:
            found.append((line, match))
        else:
            more += 1
    return found, more


def unreadable_characters(text: str, path: str) -> list[Problem]:
    found, more = _first_on_each_line(text, UNREADABLE, set())
    lines = text.split("\n") if found else []
    problems = []
    for line, match in found:
        field = _field_at(lines, line)
        if match.group() == "\r":
            what = ("a carriage return (U+000D) that does not end a line; save the file with "
                    "Unix (LF) line endings")
        else:
            what = (f"{describe_character(match.group())}; delete it (YAML cannot read this "
                    "file correctly while it is there)")
        problems.append(Problem(path, line, f"{field}: {what}" if field else what))
    return _capped(problems, more)


# A tag (!x), an anchor (&x) or an alias (*x) can only start a line or follow a space, a flow
# bracket, a comma or (in flow, after a quoted key) a colon: a text without this has none.
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[{,:])[!&*][^\s\[\]{},]", re.M)


def may_hold_properties(text: str) -> bool:
    return ("&" in text or "*" in text or "!" in text) and _NODE_PROPERTY.search(text) is not None


def _property_problem(event: yaml.Event) -> str | None:
    if isinstance(event, yaml.AliasEvent):
        return f"alias '*{event.anchor}': YAML aliases are not allowed; write the value out in full"
    anchor = getattr(event, "anchor", None)
    if anchor:
        return (f"anchor '&{anchor}': YAML anchors are not allowed; if '&{anchor}' is part of "
                "the text, put the whole value in double quotes")
    tag = getattr(event, "tag", None)
    implicit = getattr(event, "implicit", True)
    # A tag the parser itself gives (implicit) is no tag written in the file.
    if tag and implicit is not True and not (isinstance(implicit, tuple) and any(implicit)):
        return (f"YAML syntax: the YAML tag '{short_tag(tag)}' is not allowed; write plain text, "
                "lists and mappings")
    return None


def tags_anchors_and_aliases(text: str, path: str) -> list[Problem]:
    """Tags, anchors and aliases: the data never needs them. A tag can ask for a Python object
    or make PyYAML's own conversion raise (!!float on text); an alias can multiply a small file
    a billion times; '&x' at the start of a value silently drops the '&x' from the text."""
    scanner = BaseLoader(text)
    problems: list[Problem] = []
    more = 0
    try:
        while scanner.check_event():
            event = scanner.get_event()  # type: ignore[no-untyped-call]
            what = _property_problem(event)
            line = event.start_mark.line + 1
            if what is None or (problems and problems[-1].line == line):
                continue  # one report a line
            if len(problems) == MAX_REPORTED:
                more += 1
                continue
            problems.append(Problem(path, line, what))
    except yaml.YAMLError:
        return []  # parsing reports it
    finally:
        scanner.dispose()
    return _capped(problems, more)


def hidden_outside_values(text: str, path: str, reported: set[int]) -> list[Problem]:
    """Hidden characters outside values, as in comments: a comment can hide or reorder the lines
    around it on a reviewer's screen."""
    found, more = _first_on_each_line(text, HIDDEN, reported)
    lines = text.split("\n") if found else []
    problems = []
    for line, match in found:
        line_start = text.rfind("\n", 0, match.start()) + 1
        field = "comment" if "#" in text[line_start:match.start()] else _field_at(lines, line)
        what = f"{describe_character(match.group())}; {character_fix(match.group())}"
        problems.append(Problem(path, line, f"{field}: {what}" if field else what))
    return _capped(problems, more)


# Han, kana and the CJK punctuation and full-width forms: Chinese and Japanese write no space
# between words, so a line break inside such text is not a word space. Hangul is not in it:
# Korean separates words with spaces, and a folded line break there stands for one.
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
                  r"\uf900-\ufaff\uff00-\uffef]")


def join_cjk_folds(text: str, node: yaml.ScalarNode, value: str) -> str:
    """The value with each folded line break between two CJK characters joined without the
    space YAML puts there (`>-` and plain or quoted text over several lines): otherwise
    Japanese reads `ホワイト国」 から`. Each line of the source is found in the value in turn;
    only a gap of exactly one space between two such lines was a fold. Anything unexpected
    (escapes, more-indented lines) leaves the value as YAML read it."""
    if (node.style not in {None, "", ">", '"', "'"} or node.start_mark.line == node.end_mark.line
            or not _CJK.search(value)):
        return value  # one line, a literal block (|), or no CJK: nothing to join
    start, end = node.start_mark.index, node.end_mark.index
    raw = text[start:end]
    if node.style == ">":
        raw = raw.partition("\n")[2]
    elif node.style in {'"', "'"}:
        raw = raw[1:-1]
    lines = [line.strip(" \t\r") for line in raw.split("\n")]
    joins: list[int] = []
    position, previous = 0, ""
    for line in (line for line in lines if line):
        found = value.find(line, position)
        gap = value[position:found]
        if found < 0 or (previous and not gap) or gap.strip(" \n"):
            return value
        if (gap == " " and previous and _CJK.fullmatch(previous[-1])
                and _CJK.fullmatch(line[0])):
            joins.append(position)
        position, previous = found + len(line), line
    for index in reversed(joins):
        value = value[:index] + value[index + 1:]
    return value
