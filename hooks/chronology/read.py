"""Read: each record of the loaded data, as far as its fields read, with where each field is.

The first half of validation ("read, then check"). A declarative Spec per kind of record says
which fields it has, which are required, and how each reads (fields.FieldReader); a kind's Spec
is derived from its declaration in model.py (declare.Kind). Reading never
stops at a problem: a field that is missing or wrong is reported at its line and reads as
nothing, and the record is still read, so that rules.py can check everything that did read,
references included. Nested structures (citations, date bases) are records of their own.
No MkDocs, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, partial
from typing import Any

from .dates import Period
from .errors import Location, Problem
from .fields import FieldReader, Repeats, Rule, describe, id_problem
from .hostile import SHORT_TEXT, length_problem, reserved_id
from .load import Document, LineList

Read = Callable[["Reading", str], Any]


@dataclass
class Draft:
    """One record as read: the values of the fields that read, and where every field is."""

    what: str  # "an event", "citation 2"... as messages name it
    at: Location  # the record itself
    values: dict[str, Any] = field(default_factory=dict)
    where: dict[str, Location] = field(default_factory=dict)
    # What it was read as: rules are chosen by it (rules.py), never by how messages name it.
    spec: Spec | None = None

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def loc(self, name: str) -> Location:
        """Where a field is written, or the record itself if it is not."""
        return self.where.get(name, self.at)

    def given(self, name: str) -> bool:
        """Whether the field is written, whether or not it read."""
        return name in self.where


@dataclass(frozen=True)
class Field:
    name: str
    read: Read
    required: bool = False


# Compared by identity: a Spec is a kind of record, and rules are chosen by it (rules.py).
@dataclass(frozen=True, eq=False)
class Spec:
    what: str  # "an event"
    fields: tuple[Field, ...]
    hints: tuple[tuple[str, str], ...] = ()  # field name -> what to say when it is written
    # For the items of a list (records()): the fields that say which item it is, so that the
    # same item twice is found ("source" and "quote" for a citation).
    key: tuple[str, ...] = ()

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    @cached_property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}


class Reading:
    """Reading one mapping against a Spec: the FieldReader, and the problems list it fills."""

    def __init__(self, spec: Spec, what: str, path: str, line: int, mapping: Any,
                 problems: list[Problem], nested: bool = False) -> None:
        self.problems = problems
        self.fields = FieldReader(problems, path, mapping, what=what, allowed=spec.names,
                                  required=spec.required,
                                  line=line, hints=dict(spec.hints))
        self.path = path
        # How a list in this record names its items in messages: "record 2" in a record of its
        # own, "date_basis: record 2" in a record nested in one.
        self.prefix = f"{what}: " if nested else ""

    def location(self, line: int) -> Location:
        return Location(self.path, line)

    def nested(self, spec: Spec, what: str, line: int, mapping: Any) -> Draft:
        return read(spec, mapping, self.path, line, self.problems, what=what, nested=True)


def read(spec: Spec, mapping: Any, path: str, line: int, problems: list[Problem], *,
         what: str = "", nested: bool = False) -> Draft:
    """Read one record; every problem found is added to `problems`."""
    reading = Reading(spec, what or spec.what, path, line, mapping, problems, nested)
    reader = reading.fields
    draft = Draft(what or spec.what, Location(path, reader.line), spec=spec)
    if not reader.is_mapping:
        return draft
    for name in list(reader.mapping):  # the fields written (unknown ones are reported)
        spec_field = spec.by_name.get(name)
        if spec_field is not None:
            draft.where[name] = Location(path, reader.line_of(name))
            value = spec_field.read(reading, name)
            if value is not None:
                draft.values[name] = value
    return draft


def read_list(spec: Spec, document: Document | None, what: str,
              problems: list[Problem]) -> list[Draft]:
    """Every item of a list file such as phases.yaml."""
    if document is None:
        return []
    if not isinstance(document.value, LineList):  # every YAML list loads as a LineList
        problems.append(Problem(document.path, document.line,
                                f"must be a list of {plural(what)} (each item starts with '- '), got "
                                f"{describe(document.value)}"))
        return []
    return [read(spec, item, document.path, document.value.line_of(index), problems)
            for index, item in enumerate(document.value)]


def plural(noun: str) -> str:
    """'background entry' -> 'background entries', 'phase' -> 'phases'."""
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


# --- how fields read ---------------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    """How a text field reads: not empty, within its length limit (in characters; said with
    `hint` when it is too long), and keeping `rule` (a glossary term's, say). Declared once per
    field (model.py); a translation of the field is held to the very same (`translation_of`)."""

    limit: int = SHORT_TEXT
    hint: str = ""
    rule: Rule | None = None

    def problem(self, name: str, value: str) -> str | None:
        return length_problem(name, value, self.limit, self.hint) or (
            self.rule(value) if self.rule else None)

    def __call__(self, reading: Reading, name: str) -> str | None:
        return reading.fields.text(name, partial(self.problem, name))


text = Text()


def translation_of(english: Field) -> Read:
    """How a translation of the English field reads, under whatever key holds it: held to the
    English field's own rules, a problem named after the field ("title: text: ...")."""
    rules = english.read
    if isinstance(rules, Texts):  # a list of texts (a glossary term's aliases): a list too
        return lambda reading, name: reading.fields.texts(name, rules.rule, rules.limit)
    if not isinstance(rules, Text):
        raise TypeError(f"'{english.name}' is not text; only text fields are translated")
    return lambda reading, name: reading.fields.text(name, partial(rules.problem, english.name),
                                                     label=f"{reading.fields.what}: ")


def url(reading: Reading, name: str) -> str | None:
    return reading.fields.url(name)


def file_name(reading: Reading, name: str) -> str | None:
    return reading.fields.file_name(name)


@dataclass(frozen=True)
class Texts:
    """A list of short texts, none repeated, each within `limit` and keeping `rule`; None if any
    item is wrong. `located`: each read with where it is written."""

    limit: int = SHORT_TEXT
    rule: Rule | None = None
    located: bool = False

    def __call__(self, reading: Reading, name: str) -> Any:
        values = reading.fields.texts(name, self.rule, self.limit)
        if values is None or not self.located:
            return values
        lines = [line for line, _ in reading.fields.items(name)]
        return tuple((value, reading.location(line))
                     for value, line in zip(values, lines, strict=True))


def integer(reading: Reading, name: str) -> int | None:
    return reading.fields.integer(name)


def flag(reading: Reading, name: str) -> bool | None:
    return reading.fields.flag(name)


def number(reading: Reading, name: str) -> Decimal | None:
    """A number as YAML writes one, unquoted: 479, 39.7, -82.4 (a figure's value, exactly)."""
    value = reading.fields.raw(name)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return Decimal(str(value))
    got = f"'{value}' in quotes" if isinstance(value, str) else describe(value)
    reading.fields.report(reading.fields.line_of(name), f"{name}: must be a number such as 479, "
                          f"39.7 or -82.4, written without quotes, got {got}")
    return None


def period(reading: Reading, name: str) -> Period | None:
    """A period in quotes: a year, month or day ("2019", "2019-07"), or from one to another as
    ISO 8601 writes an interval ("2019-01/2019-05")."""
    value = reading.fields.raw(name)
    if not isinstance(value, str):
        reading.fields.report(reading.fields.line_of(name), f"{name}: must be a period in double "
                              'quotes, such as "2019", "2019-07" or "2019-01/2019-05", got '
                              f"{describe(value)}")
        return None
    try:
        return Period.parse(value.strip())
    except ValueError as error:
        reading.fields.report(reading.fields.line_of(name), f"{name}: {error}")
        return None


def identifier(kind: str = "") -> Read:
    """An id; with `kind`, the id of such a record (its page address or anchor)."""
    return lambda reading, name: reading.fields.identifier(name, kind)


def date(*precisions: str) -> Read:
    return lambda reading, name: reading.fields.date(name, precisions=precisions)


def id_list(reading: Reading, name: str) -> tuple[tuple[str, Location], ...]:
    """A list of ids, each with where it is written."""
    return tuple((id_, reading.location(line)) for id_, line in reading.fields.identifiers(name))


@dataclass(frozen=True)
class records:  # noqa: N801 (read like the other readers: records(CITATION))
    """A list of nested records (citations, measures), each read on its own, none repeated:
    `spec.key` says which fields make two items the same. Items are named in messages by the
    field, after the record it is in if that is nested ("date_basis: record 2")."""

    spec: Spec
    many = True

    def __post_init__(self) -> None:
        if not self.spec.key:
            raise ValueError(f"{self.spec.what}: a list item's spec declares its key (Spec.key)")

    def __call__(self, reading: Reading, name: str) -> tuple[Draft, ...] | None:
        spec = self.spec
        if not isinstance(reading.fields.raw(name), list):
            reading.fields.items(name)  # reports what it is instead
            return None
        label = reading.prefix + name
        drafts = tuple(reading.nested(spec, f"{label} {number}", line, item)
                       for number, (line, item) in enumerate(reading.fields.items(name), start=1))
        seen = Repeats(reading.fields, label)
        for number, draft in enumerate(drafts, start=1):
            # A key field missing or unread has been reported; the item is then no one's twin.
            if all(k in draft.values or not (draft.given(k) or spec.by_name[k].required)
                   for k in spec.key):
                # Kept all the same: later rules number the items as written.
                seen.repeated(tuple(draft.get(k) for k in spec.key), number, draft.at.line)
        return drafts


@dataclass(frozen=True)
class nested:  # noqa: N801 (read like the other readers: nested(DATE_BASIS))
    """A mapping that is a record of its own (a date basis), named in messages by `label`, or
    else by the field."""

    spec: Spec
    label: str = ""
    many = False

    def __call__(self, reading: Reading, name: str) -> Draft:
        return reading.nested(self.spec, self.label or name, reading.fields.line_of(name),
                              reading.fields.raw(name))


@dataclass(frozen=True)
class one_or_more:  # noqa: N801 (read like the other readers: one_or_more(STATEMENT, "said"))
    """A mapping that is a record of its own, or a list of them where there are several (a
    quote that gives two speakers' words): read as a tuple either way, each named in messages
    after the list item it is in ("record 2: said", "record 2: said 1")."""

    spec: Spec
    label: str
    many = True

    def __call__(self, reading: Reading, name: str) -> tuple[Draft, ...] | None:
        label = reading.prefix + self.label
        if not isinstance(reading.fields.raw(name), list):
            return (reading.nested(self.spec, label, reading.fields.line_of(name),
                                   reading.fields.raw(name)),)
        return tuple(reading.nested(self.spec, f"{label} {number}", line, item)
                     for number, (line, item) in enumerate(reading.fields.items(name), start=1))


def event_id(document: Document, problems: list[Problem]) -> str | None:
    """An event's id is its file name: it must be a valid, unreserved id."""
    value = document.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    problem = id_problem(value)
    reserved = None if problem else reserved_id("event", value)
    if problem or reserved:
        what = problem or f"'{value}' {reserved}; rename the file"
        problems.append(Problem(document.path, 1, f"file name: {what}"))
        return None
    return value


def walk(draft: Draft) -> Iterator[Draft]:
    """A record and every record nested in it."""
    yield draft
    for value in draft.values.values():
        if isinstance(value, Draft):
            yield from walk(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], Draft):
            for item in value:
                yield from walk(item)
