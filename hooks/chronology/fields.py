"""Read typed fields out of one loaded YAML mapping, reporting every problem.

A FieldReader knows which fields a kind of record allows; it reports unknown
fields (with the closest allowed name), missing required fields, wrong types and
values too long, against the exact line of the field. It never raises: a bad
field reads as None. The limits themselves are in hostile.py.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from .dates import PartialDate
from .errors import Problem
from .hostile import (
    HIDDEN,
    MAX_ID,
    MAX_ORDER,
    length_problem,
    reserved_id,
    seed_problem,
    shown,
    url_problem,
)
from .load import LineList, LineMap, NumberText, Reported, UnquotedDate

Rule = Callable[[str], "str | None"]  # what is wrong with a text value, or None

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_TYPE_NAMES = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    list: "a list",
    LineList: "a list",
    dict: "a mapping",
    LineMap: "a mapping",
    type(None): "nothing (an empty value)",
    str: "text",
    Reported: "text",
    UnquotedDate: "a date",
    NumberText: "a number",
}


def describe(value: Any) -> str:
    return _TYPE_NAMES.get(type(value)) or type(value).__name__


def id_problem(value: str) -> str | None:
    if len(value) > MAX_ID:
        return (f"{shown(value, 20)} is too long: an id may have at most {MAX_ID} characters "
                "(it becomes a folder name and part of a web address)")
    if ID_PATTERN.fullmatch(value):
        return None
    suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    hint = f"; for example '{suggestion}'" if suggestion else ""
    return (
        f"{shown(value)} is not a valid id: use lower-case letters, digits and single hyphens{hint}"
    )


def text_problem(value: str) -> str | None:
    return "is empty" if not value.strip() else None


class FieldReader:
    """The fields of one record (a mapping) and where to report problems about them."""

    def __init__(
        self,
        problems: list[Problem],
        path: str,
        mapping: Any,
        *,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        line: int = 1,
        hints: dict[str, str] | None = None,
    ) -> None:
        self.problems = problems
        self.path = path
        self.what = what
        self.is_mapping = isinstance(mapping, dict)  # the fields can be read at all
        self.mapping: LineMap = mapping if self.is_mapping else LineMap()
        self.line = getattr(mapping, "line", line)
        if not self.is_mapping:
            self.report(self.line, f"{what} must be a mapping of fields, got {describe(mapping)}")
            return
        for key in mapping:
            # A key with a hidden character has been reported where it was read (load).
            if key not in allowed and not isinstance(key, Reported):
                self.report(self.line_of(key), self._unknown(key, allowed, hints or {}))
        for key in required:
            if key not in mapping and not self._mangled(key):
                self.report(self.line, f"{what}: missing required field '{key}'")

    def _mangled(self, key: str) -> bool:
        """'ti<U+200B>tle' has been reported where it was read: 'title' is not also missing."""
        return any(isinstance(k, Reported) and HIDDEN.sub("", k) == key for k in self.mapping)

    def _unknown(self, key: str, allowed: tuple[str, ...], hints: dict[str, str]) -> str:
        if key in hints:
            return f"{shown(key)} is not a field of {self.what}: {hints[key]}"
        close = difflib.get_close_matches(key[:100], allowed, n=1, cutoff=0.6)
        if close:
            return f"{shown(key)} is not a field of {self.what}; did you mean '{close[0]}'?"
        return f"{shown(key)} is not a field of {self.what}; allowed: {', '.join(allowed)}"

    def report(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def line_of(self, key: str) -> int:
        return self.mapping.line_of(key)

    def raw(self, key: str) -> Any:
        return self.mapping.get(key)

    def has(self, key: str) -> bool:
        return key in self.mapping

    def _bad_type(self, key: str, expected: str, value: Any) -> None:
        hint = ""
        if isinstance(value, bool | int | float | UnquotedDate | NumberText):
            hint = "; put it in double quotes"
        self.report(self.line_of(key), f"{key}: must be {expected}, got {describe(value)}{hint}")

    def _string(self, key: str) -> str | None:
        """The field's text, if it is text and not empty; problems of length are the caller's."""
        if key not in self.mapping:
            return None
        value = self.mapping[key]
        if not isinstance(value, str):
            self._bad_type(key, "text", value)
            return None
        if isinstance(value, Reported):
            return None  # reported where it was read, at its exact line (load)
        problem = text_problem(value)
        if problem:
            self.report(self.line_of(key), f"{key}: {problem}")
            return None
        return value.strip()

    def _checked(self, key: str, value: str | None, problem: str | None) -> str | None:
        if problem:
            self.report(self.line_of(key), f"{key}: {problem}")
            return None
        return value

    def text(self, key: str, rule: Rule | None = None, label: str = "") -> str | None:
        """Text: not empty, and keeping `rule` (by default, the length limit of `key`); a
        problem is reported as `label` `key`: what is wrong."""
        value = self._string(key)
        problem = value and (rule(value) if rule else length_problem(key, value))
        if problem:
            self.report(self.line_of(key), f"{label}{key}: {problem}")
            return None
        return value

    def identifier(self, key: str, kind: str = "") -> str | None:
        """An id; `kind` ("event", "source"...) when it is the id of such a record, whose page
        address or anchor it becomes (see hostile.reserved_id)."""
        value = self._string(key)
        problem = value and id_problem(value)
        if value and not problem and kind:
            reserved = reserved_id(kind, value)
            problem = reserved and f"'{value}' {reserved}; choose another id"
        return self._checked(key, value, problem)

    def url(self, key: str) -> str | None:
        value = self._string(key)
        return self._checked(key, value, value and url_problem(value))

    def file_name(self, key: str) -> str | None:
        """The name of a file in a folder outside data/ (a source's seed): it must stay there."""
        value = self._string(key)
        return self._checked(key, value, value and seed_problem(value))

    def date(self, key: str, *, precisions: tuple[str, ...] = ("day", "month")) -> PartialDate | None:
        if key not in self.mapping:
            return None
        value = self.mapping[key]
        if isinstance(value, UnquotedDate):
            self.report(self.line_of(key), f"{key}: {unquoted_date_problem(value.text)}")
            return None
        if not isinstance(value, str):
            self._bad_type(key, 'a date in double quotes such as "2019-08-02"', value)
            return None
        try:
            parsed = PartialDate.parse(value.strip())
        except ValueError as error:
            self.report(self.line_of(key), f"{key}: {error}")
            return None
        if parsed.precision not in precisions:
            forms = " or ".join({"day": '"YYYY-MM-DD"', "month": '"YYYY-MM"', "year": '"YYYY"'}[p]
                                for p in precisions)
            self.report(self.line_of(key), f"{key}: {shown(value)} is too vague; write {forms}")
            return None
        return parsed

    def integer(self, key: str, *, minimum: int = 1, maximum: int = MAX_ORDER) -> int | None:
        if key not in self.mapping:
            return None
        value = self.mapping[key]
        if isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum:
            return value
        if isinstance(value, str | NumberText):
            got = shown(str(value), 20)
        elif isinstance(value, float):
            got = f"{value:g}"
        elif isinstance(value, int) and not isinstance(value, bool):
            got = str(value)
        else:  # no "put it in double quotes" here: a number is wanted, not text
            got = describe(value)
        self.report(self.line_of(key), f"{key}: must be a whole number from {minimum} to "
                    f"{maximum}, got {got}")
        return None

    def flag(self, key: str) -> bool | None:
        """true or false, as YAML writes them (not "yes", not a quoted "true")."""
        if key not in self.mapping:
            return None
        value = self.mapping[key]
        if isinstance(value, bool):
            return value
        self.report(self.line_of(key), f"{key}: must be true or false, got {describe(value)}"
                    + (" (without quotes)" if isinstance(value, str) else ""))
        return None

    def items(self, key: str) -> list[tuple[int, Any]]:
        """The items of a list field with their lines; reports a non-list."""
        if key not in self.mapping:
            return []
        value = self.mapping[key]
        if not isinstance(value, list):
            self._bad_type(key, "a list", value)
            return []
        lines = value.line_of if isinstance(value, LineList) else (lambda _i: self.line_of(key))
        return [(lines(index), item) for index, item in enumerate(value)]

    def texts(self, key: str, rule: Rule | None = None,
              limit: int | None = None) -> tuple[str, ...] | None:
        """A list of short texts, each within `limit` and keeping `rule` too, none repeated
        (letter case aside: such lists are names looked for in any case); None if any item is
        wrong (each one reported)."""
        found: list[str] = []
        seen = Repeats(self, key)
        ok = True
        for number, (line, item) in enumerate(self.items(key), start=1):
            if isinstance(item, Reported):
                ok = False  # reported where it was read (load)
                continue
            problem = (text_problem(item) or length_problem(key, item, limit)
                       or (rule and rule(item.strip())) if isinstance(item, str)
                       else f"must be text, got {describe(item)}")
            if problem:
                self.report(line, f"{key} {number}: {problem}")
                ok = False
            elif seen.repeated(item.strip().casefold(), number, line, item.strip()):
                ok = False
            else:
                found.append(item.strip())
        if self.has(key) and not isinstance(self.raw(key), list):
            return None
        return tuple(found) if ok else None

    def identifiers(self, key: str) -> tuple[tuple[str, int], ...]:
        """A list of ids, each with its line."""
        found: list[tuple[str, int]] = []
        seen = Repeats(self, key)
        for number, (line, item) in enumerate(self.items(key), start=1):
            if not isinstance(item, str):
                self.report(line, f"{key} {number}: must be an id, got {describe(item)}")
                continue
            problem = id_problem(item)
            if problem:
                self.report(line, f"{key} {number}: {problem}")
                continue
            if not seen.repeated(item, number, line, item):  # a repeat is reported, not kept
                found.append((item, line))
        return tuple(found)


class Repeats:
    """The items of one list met so far: an item that repeats one of them is reported at its
    own line with the first one's, as YAML's duplicate keys are (a list of names, ids or quotes
    has no use for the same one twice, and pages would show it twice)."""

    def __init__(self, reader: FieldReader, key: str) -> None:
        self.reader, self.key = reader, key
        self.first: dict[Any, tuple[int, int]] = {}  # item -> its number and line

    def repeated(self, item: Any, number: int, line: int, shown_as: str = "",
                 what: str = "") -> bool:
        first = self.first.setdefault(item, (number, line))
        if first == (number, line):
            return False
        value = f"{shown(shown_as)} " if shown_as else ""
        self.reader.report(line, f"{what or self.key} {number}: {value}repeats {what or self.key} "
                           f"{first[0]} (line {first[1]}); keep one of them")
        return True


def unquoted_date_problem(text: str) -> str:
    """What to say about a date written without quotes (YAML would make it a date object)."""
    day, _, time = text.replace("T", " ", 1).replace("t", " ", 1).partition(" ")
    # YAML also reads 2019-8-2 as a date: pad it, so that the suggestion is the usual form.
    day = "-".join(part.zfill(2) for part in day.split("-"))
    try:
        parsed = PartialDate.parse(day)
    except ValueError as error:
        return f"{error}; then put the date in double quotes, so YAML keeps it as text"
    if time.strip():
        return (f"{shown(text)} has a time of day; write only the day in Seoul and Tokyo, in "
                f"double quotes: \"{parsed}\"")
    return f"write the date in double quotes, \"{parsed}\", so YAML keeps it as text"
