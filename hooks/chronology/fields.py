"""Read typed fields out of one loaded YAML mapping, reporting every problem.

A FieldReader knows which fields a kind of record allows; it reports unknown
fields (with the closest allowed name), missing required fields and wrong types
against the exact line of the field. It never raises: a bad field reads as None.
"""

from __future__ import annotations

import difflib
import re
from typing import Any
from urllib.parse import urlsplit

from .dates import PartialDate
from .errors import Problem
from .load import LineList, LineMap

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
}


def describe(value: Any) -> str:
    name = _TYPE_NAMES.get(type(value))
    if name is None:
        name = "a date" if type(value).__name__ in {"date", "datetime"} else type(value).__name__
    return name


def id_problem(value: str) -> str | None:
    if ID_PATTERN.fullmatch(value):
        return None
    suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    hint = f"; for example '{suggestion}'" if suggestion else ""
    return (
        f"'{value}' is not a valid id: use lower-case letters, digits and single hyphens{hint}"
    )


# Control characters (but tab and newline), surrogates and private-use characters: invisible
# in an editor, and able to corrupt the generated YAML front matter or HTML.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")


def text_problem(value: str) -> str | None:
    if not value.strip():
        return "is empty"
    bad = _BAD_CHARACTER.search(value)
    if bad:
        return f"contains the invisible character U+{ord(bad.group()):04X}; delete it"
    return None


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
        self.ok = isinstance(mapping, dict)
        self.mapping: LineMap = mapping if self.ok else LineMap()
        self.line = getattr(mapping, "line", line)
        if not self.ok:
            self.report(self.line, f"{what} must be a mapping of fields, got {describe(mapping)}")
            return
        for key in mapping:
            if key not in allowed:
                self.report(self.line_of(key), self._unknown(key, allowed, hints or {}))
        for key in required:
            if key not in mapping:
                self.report(self.line, f"{what}: missing required field '{key}'")

    def _unknown(self, key: str, allowed: tuple[str, ...], hints: dict[str, str]) -> str:
        if key in hints:
            return f"'{key}' is not a field of {self.what}: {hints[key]}"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            return f"'{key}' is not a field of {self.what}; did you mean '{close[0]}'?"
        return f"'{key}' is not a field of {self.what}; allowed: {', '.join(allowed)}"

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
        if isinstance(value, bool | int | float) or describe(value) == "a date":
            hint = "; put it in double quotes"
        self.report(self.line_of(key), f"{key}: must be {expected}, got {describe(value)}{hint}")

    def text(self, key: str) -> str | None:
        if key not in self.mapping:
            return None
        value = self.mapping[key]
        if not isinstance(value, str):
            self._bad_type(key, "text", value)
            return None
        problem = text_problem(value)
        if problem:
            self.report(self.line_of(key), f"{key}: {problem}")
            return None
        return value.strip()

    def identifier(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        problem = id_problem(value)
        if problem:
            self.report(self.line_of(key), f"{key}: {problem}")
            return None
        return value

    def date(self, key: str, *, precisions: tuple[str, ...] = ("day", "month")) -> PartialDate | None:
        if key not in self.mapping:
            return None
        value = self.mapping[key]
        if describe(value) == "a date":
            self.report(
                self.line_of(key),
                f"{key}: write the date in double quotes, \"{value.isoformat()}\", "
                "so YAML keeps it as text",
            )
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
            self.report(self.line_of(key), f"{key}: '{value}' is too vague; write {forms}")
            return None
        return parsed

    def integer(self, key: str, *, minimum: int = 1) -> int | None:
        if key not in self.mapping:
            return None
        value = self.mapping[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self._bad_type(key, "a whole number", value)
            return None
        if value < minimum:
            self.report(self.line_of(key), f"{key}: must be {minimum} or more, got {value}")
            return None
        return value

    def url(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc or any(c.isspace() for c in value):
            self.report(
                self.line_of(key),
                f"{key}: '{value}' is not a web address; only http:// and https:// URLs are allowed",
            )
            return None
        return value

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

    def texts(self, key: str) -> tuple[str, ...] | None:
        """A list of short texts; None if any item is wrong (each one reported)."""
        found: list[str] = []
        ok = True
        for number, (line, item) in enumerate(self.items(key), start=1):
            problem = text_problem(item) if isinstance(item, str) else f"must be text, got {describe(item)}"
            if problem:
                self.report(line, f"{key} {number}: {problem}")
                ok = False
            else:
                found.append(item.strip())
        if self.has(key) and not isinstance(self.raw(key), list):
            return None
        return tuple(found) if ok else None

    def identifiers(self, key: str) -> tuple[tuple[str, int], ...]:
        """A list of ids, each with its line."""
        found: list[tuple[str, int]] = []
        for number, (line, item) in enumerate(self.items(key), start=1):
            if not isinstance(item, str):
                self.report(line, f"{key} {number}: must be an id, got {describe(item)}")
                continue
            problem = id_problem(item)
            if problem:
                self.report(line, f"{key} {number}: {problem}")
                continue
            found.append((item, line))
        return tuple(found)
