"""Declare: each kind of record is said once, as its model dataclass (model.py), each field with
what it is: how it reads from YAML (read.py), whether it is required, its length limit (the
reader's), whether it is translated, and its name in the exports. Everything else is derived
from that one declaration by walking `dataclasses.fields()`, as MkDocs' config options and
Django's model fields do: the reading spec, the model builder, what an edition translates
(translations/), and what events.json carries (export.py; a test holds the schema to it).

No MkDocs, no I/O.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterator
from dataclasses import MISSING, dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from .dates import PartialDate, Period
from .errors import Location
from .read import Draft, Field, Read, Spec

_DECLARED = "chronology.declared"


@dataclass(frozen=True)
class Declared:
    """What one field of a record is, beside its Python type."""

    read: Read | None  # how it reads (read.py); None: not written in the record (an event's id)
    required: bool = False
    # A text: translated in data/i18n/. A nested record or a list of them: its translatable
    # texts are translated too, within this record's translation.
    translatable: bool = False
    export: str | None = None  # its member in events.json; None: not exported
    always: bool = False  # exported even when empty (a list); a required field always is
    name: str | None = None  # its name in the data, where Python cannot have it ("from")
    build: Callable[[Any], Any] | None = None  # the model's value from the value read
    # Members exported right after it, each made from its value: an event's date's precision.
    also: tuple[tuple[str, Callable[[Any], Any]], ...] = ()
    # In a translation file, a nested record's texts sit in this record's mapping: an event's
    # `in_force: {note: …}` translates its in_force's basis's note.
    flat: bool = False
    # A list of citations whose quotes an edition translates: our translation of each quote,
    # and of its citation's own translatable texts (its note), sit in the translation of the
    # record that holds the list (or a record nested in it), in `citations`, by the quote.
    quotes: bool = False


def declared(read: Read | None = None, *, required: bool = False, translatable: bool = False,
             export: str | None = None, always: bool = False, name: str | None = None,
             build: Callable[[Any], Any] | None = None,
             also: tuple[tuple[str, Callable[[Any], Any]], ...] = (), flat: bool = False,
             quotes: bool = False, default: Any = MISSING, compare: bool = True) -> Any:
    """A dataclass field that says what it is (Declared); `default` as dataclasses.field's."""
    meta = {_DECLARED: Declared(read, required, translatable, export, always, name, build, also,
                                flat, quotes)}
    if default is MISSING:
        return dataclasses.field(metadata=meta, compare=compare)
    return dataclasses.field(default=default, metadata=meta, compare=compare)


@dataclass(frozen=True)
class Declaration:
    """One declared field: its attribute in the model and what it is."""

    attribute: str
    declared: Declared

    @property
    def name(self) -> str:
        """As the data writes it."""
        return self.declared.name or self.attribute


@dataclass(frozen=True)
class Text:
    """A translatable text of a kind: where it is in the model (an attribute path), and how its
    translation is keyed ("title", "date_basis.note", "in_force.note": the path in the
    translation file)."""

    path: tuple[str, ...]
    key: str
    field: Field  # the English field, whose rules its translation keeps


@dataclass(frozen=True)
class Items:
    """A list of nested records with translatable texts (a track's measures): each item is
    named by its key fields, and translated within its parent's translation."""

    attribute: str
    name: str
    kind: Kind


@dataclass(frozen=True)
class Quoted:
    """A list of citations a record holds (`path`: its attributes, through nested records: an
    event's ("date_basis", "record")), whose quotes an edition translates (Declared.quotes)."""

    path: tuple[str, ...]
    kind: Kind  # the citations' kind


# How a citation is named in a translation's `citations`: by its quote, verbatim; a citation of
# the record that quotes no words, by its source.
def quote_key(citation: Any) -> str:
    return str(citation.quote or citation.source)


class Kind(Spec):
    """A kind of record: its model and everything derived from the model's declared fields.
    A Spec (read.py), so that it reads records and every Draft carries it. Compared by
    identity, as a Spec is."""

    model: type
    declarations: tuple[Declaration, ...]
    file: str  # the data file (and translation file) of a kind of its own: "phases"
    noun: str  # one record, as messages name it: "phase", "background entry"
    chronology: str  # its attribute of model.Chronology
    at: str  # the field whose line the record is at, where not its own first line
    origin: Kind | None  # the kind this one extends (Kind.extend)
    sort: Callable[[Any], Any] | None  # the order of the chronology's records, if not the data's

    def __init__(self, model: type, what: str, *, file: str = "", noun: str = "",
                 chronology: str = "", at: str = "", key: tuple[str, ...] = (),
                 hints: tuple[tuple[str, str], ...] = (), origin: Kind | None = None,
                 sort: Callable[[Any], Any] | None = None) -> None:
        declarations = tuple(
            Declaration(f.name, f.metadata[_DECLARED]) for f in dataclasses.fields(model)
            if _DECLARED in f.metadata)
        super().__init__(what, tuple(Field(d.name, d.declared.read, d.declared.required)
                                     for d in declarations if d.declared.read is not None),
                         hints, key)
        for name, value in (("model", model), ("declarations", declarations), ("file", file),
                            ("noun", noun), ("chronology", chronology or file), ("at", at),
                            ("origin", origin), ("sort", sort)):
            object.__setattr__(self, name, value)  # frozen, as a Spec is

    def __repr__(self) -> str:
        return f"Kind({self.model.__name__})"

    def extend(self, model: type) -> Kind:
        """This kind with another model (a subclass of its own with more fields), for tests."""
        return Kind(model, self.what, file=self.file, noun=self.noun, chronology=self.chronology,
                    at=self.at, key=self.key, hints=self.hints, origin=self, sort=self.sort)

    # --- the model, from a draft with no problem --------------------------------------------

    def build(self, draft: Draft, **given: Any) -> Any:
        """The model of a draft that read and checked (every required field is there)."""
        values = dict(given)
        for d in self.declarations:
            if d.attribute not in values and d.name in draft.values:
                raw = draft.values[d.name]
                values[d.attribute] = d.declared.build(raw) if d.declared.build else _model(raw)
        if "at" in self._attributes:
            values["at"] = draft.loc(self.at) if self.at else draft.at
        return self.model(**values)

    @cached_property
    def _attributes(self) -> frozenset[str]:
        return frozenset(f.name for f in dataclasses.fields(self.model))

    # --- translations ------------------------------------------------------------------------

    @cached_property
    def texts(self) -> tuple[Text, ...]:
        """Every translatable text of one record: its own fields first, then those of the
        records nested in it, in the order declared."""
        own = [Text((d.attribute,), d.name, self.by_name[d.name]) for d in self.declarations
               if d.declared.translatable and not _nested_kind(d)]
        nested = []
        for d in self.declarations:
            kind = _nested_kind(d)
            if d.declared.translatable and kind is not None and not _is_list(d):
                for text in kind.texts:
                    key = text.key if d.declared.flat else f"{d.name}.{text.key}"
                    nested.append(Text((d.attribute, *text.path), key, text.field))
        return (*own, *nested)

    @cached_property
    def items(self) -> tuple[Items, ...]:
        """The lists of nested records whose texts are translated."""
        return tuple(Items(d.attribute, d.name, kind) for d in self.declarations
                     if d.declared.translatable and _is_list(d)
                     and (kind := _nested_kind(d)) is not None)

    @cached_property
    def quoted(self) -> tuple[Quoted, ...]:
        """The lists of citations whose quotes are translated, in this record and in the
        records nested in it (an event's date basis), in the order declared."""
        found: list[Quoted] = []
        for d in self.declarations:
            kind = _nested_kind(d)
            if kind is None:
                continue
            if d.declared.quotes and _is_list(d):
                found.append(Quoted((d.attribute,), kind))
            elif not _is_list(d):
                found += [Quoted((d.attribute, *q.path), q.kind) for q in kind.quoted]
        return tuple(found)

    @cached_property
    def quote_texts(self) -> tuple[Text, ...]:
        """The translatable texts of its citations, each key once (a citation of the articles
        and of the record both have a `note`: translated the same way, beside the quote)."""
        found: dict[str, Text] = {}
        for quoted in self.quoted:
            for text in quoted.kind.texts:
                found.setdefault(text.key, text)
        return tuple(found.values())

    def citations(self, record: object) -> Iterator[tuple[Any, Kind]]:
        """Each citation of a record whose quote is translated, with its kind, in the order of
        `quoted`."""
        for quoted in self.quoted:
            value: Any = record
            for attribute in quoted.path:
                value = getattr(value, attribute) if value is not None else None
            for citation in value or ():
                yield citation, quoted.kind

    def item_id(self, parent: str, item: object) -> str:
        """How an item of such a list is named among all: "<parent id>/<its key>"."""
        return "/".join([parent, *(str(getattr(item, self._attribute(k))) for k in self.key)])

    def draft_id(self, parent: str, draft: Draft) -> str | None:
        """The same, for an item as read from a translation file (None if a key did not read)."""
        keys = [draft.get(k) for k in self.key]
        return None if None in keys else "/".join([parent, *keys])

    def _attribute(self, name: str) -> str:
        return next(d.attribute for d in self.declarations if d.name == name)

    # --- exports -----------------------------------------------------------------------------

    def exported(self, record: object) -> tuple[dict[str, Any], dict[str, Any]]:
        """The record's members in events.json, in the order declared: those always there
        (required, or declared `always`), then those there when set."""
        always: dict[str, Any] = {}
        when_set: dict[str, Any] = {}
        for d in self.declarations:
            if d.declared.export is None:
                continue
            value = getattr(record, d.attribute)
            into = always if d.declared.required or d.declared.always else when_set
            if into is when_set and not value:
                continue
            into[d.declared.export] = _exported(value)
            into.update((name, _exported(member(value))) for name, member in d.declared.also)
        return always, when_set

    def export_names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The members events.json may give (with those a field adds, `also`), and those it
        always gives: for the test that holds the schema to the declaration."""
        names: list[str] = []
        always: list[str] = []
        for d in self.declarations:
            if d.declared.export is None:
                continue
            members = [d.declared.export, *(name for name, _ in d.declared.also)]
            names += members
            if d.declared.required or d.declared.always:
                always += members
        return tuple(names), tuple(always)


def _nested_kind(declaration: Declaration) -> Kind | None:
    spec = getattr(declaration.declared.read, "spec", None)
    return spec if isinstance(spec, Kind) else None


def _is_list(declaration: Declaration) -> bool:
    return bool(getattr(declaration.declared.read, "many", False))


def _model(value: Any) -> Any:
    """A value as read, as the model holds it: nested drafts built by their kind, ids and texts
    read with their locations without them."""
    if isinstance(value, Draft):
        kind = value.spec
        return kind.build(value) if isinstance(kind, Kind) else value
    if isinstance(value, tuple) and value and isinstance(value[0], Draft):
        return tuple(_model(item) for item in value)
    if (isinstance(value, tuple) and value and isinstance(value[0], tuple)
            and isinstance(value[0][1], Location)):
        return tuple(item for item, _ in value)
    return value


def _exported(value: Any) -> Any:
    """A model value as JSON."""
    if isinstance(value, PartialDate | Period):
        return value.iso
    if isinstance(value, Decimal):  # a figure's value: a JSON number, exactly as written
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_exported(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = KINDS_BY_MODEL.get(type(value))
        if kind is None:
            raise TypeError(f"{type(value).__name__} is exported but declares no kind")
        always, when_set = kind.exported(value)
        return {**always, **when_set}
    return value


# Every kind, by its model (model.py registers them): how a nested record exports.
KINDS_BY_MODEL: dict[type, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS_BY_MODEL[kind.model] = kind
    return kind


def walk_texts(kind: Kind, record: object) -> Iterator[tuple[Text, Any]]:
    """Each translatable text of a record with its value (None where a nested record is not
    there)."""
    for text in kind.texts:
        value: Any = record
        for attribute in text.path:
            value = getattr(value, attribute) if value is not None else None
        yield text, value
