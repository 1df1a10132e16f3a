"""Strict readers of the citation formats the pages offer, for the tests (unit and browser): a
citation that one of them refuses would break a reader's bibliography.

- BibTeX, as BibTeX itself reads a braced field: braces balance whatever precedes them (a
  backslash does not escape a brace for BibTeX), an entry is `@type{key, name = {value}, ...}`
  and nothing stands between entries; the values are then decoded from the escapes cite.py
  writes, and any other command or a stray brace is refused.
- RIS: every line is `XX  - value`, the first `TY`, the last `ER`; no continuation lines.
- CSL-JSON: JSON, validated against the CSL schema's own csl-data.json (tests/schemas/, MIT).

No package does this in the project's environment (bibtexparser and rispy are lenient: they
take what BibTeX and Zotero would not), so the readers are here, small and strict.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text("utf-8"))
CSL = jsonschema.Draft7Validator(SCHEMA)


class Refused(ValueError):
    """The text is not a well-formed citation of its format."""


_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_KEY = re.compile(r"[A-Za-z0-9_:.-]+")
# What cite.bibtex_text writes, and only that.
_ESCAPES = {"{\\textbackslash}": "\\", "{\\textbraceleft}": "{", "{\\textbraceright}": "}",
            "{\\textasciitilde}": "~", "{\\textasciicircum}": "^", "\\#": "#", "\\$": "$",
            "\\%": "%", "\\&": "&", "\\_": "_"}
_ESCAPE = re.compile("|".join(re.escape(escape) for escape in _ESCAPES))


def read_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """Every entry: (type, key, raw fields); Refused at the first thing BibTeX would not read."""
    entries = []
    at = 0

    def skip() -> None:
        nonlocal at
        while at < len(text) and text[at] in " \t\r\n":
            at += 1

    def expect(char: str) -> None:
        nonlocal at
        skip()
        if text[at:at + 1] != char:
            raise Refused(f"expected {char!r} at {at}: {text[at:at + 20]!r}")
        at += 1

    def token(pattern: re.Pattern[str]) -> str:
        nonlocal at
        skip()
        match = pattern.match(text, at)
        if not match:
            raise Refused(f"expected a name at {at}: {text[at:at + 20]!r}")
        at = match.end()
        return match.group()

    while True:
        skip()
        if at == len(text):
            return entries
        expect("@")
        kind = token(_NAME).lower()
        expect("{")
        key = token(_KEY)
        fields: dict[str, str] = {}
        while True:
            skip()
            if text[at:at + 1] == "}":
                at += 1
                break
            expect(",")
            skip()
            if text[at:at + 1] == "}":
                at += 1
                break
            name = token(_NAME).lower()
            if name in fields:
                raise Refused(f"field {name!r} twice in {key}")
            expect("=")
            expect("{")
            depth, start = 1, at
            while depth:
                if at == len(text):
                    raise Refused(f"field {name!r} of {key} never ends")
                depth += {"{": 1, "}": -1}.get(text[at], 0)
                at += 1
            fields[name] = text[start:at - 1]
            if "\n" in fields[name]:
                raise Refused(f"field {name!r} of {key} runs over lines")
        entries.append((kind, key, fields))


def bibtex_value(raw: str) -> str:
    """A field's text, its escapes decoded; Refused for anything else TeX would read as markup
    (a command, a brace, a math shift)."""
    decoded = _ESCAPE.sub("\x00", raw)
    if re.search(r"[\\{}$%#&_~^]", decoded):
        raise Refused(f"markup left in {raw!r}")
    values = iter(_ESCAPES[m.group()] for m in _ESCAPE.finditer(raw))
    return "".join(next(values) if char == "\x00" else char for char in decoded)


_RIS_LINE = re.compile(r"([A-Z][A-Z0-9])  - (.*)")


def read_ris(text: str) -> list[dict[str, list[str]]]:
    """Every record: tag -> values; Refused at a line that is not a tag line, or a record that
    does not open with TY and close with ER."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for number, line in enumerate(text.rstrip("\n").split("\n"), start=1):
        if not line.strip() and current is None:
            continue
        match = _RIS_LINE.fullmatch(line)
        if not match:
            raise Refused(f"line {number} is not a RIS tag line: {line!r}")
        tag, value = match.groups()
        if tag == "TY":
            if current is not None:
                raise Refused(f"line {number}: TY inside a record")
            current = {"TY": [value]}
        elif current is None:
            raise Refused(f"line {number}: {tag} outside a record")
        elif tag == "ER":
            if value:
                raise Refused(f"line {number}: ER with a value")
            records.append(current)
            current = None
        else:
            current.setdefault(tag, []).append(value)
    if current is not None:
        raise Refused("the last record has no ER")
    return records


def read_csl(text: str) -> list[dict[str, Any]]:
    """The items, valid by the CSL schema; Refused otherwise."""
    try:
        items = json.loads(text)
        CSL.validate(items)
    except (ValueError, jsonschema.ValidationError) as error:
        raise Refused(str(error)) from None
    return items  # type: ignore[no-any-return]
