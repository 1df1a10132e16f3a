"""The checked chronology: frozen, keyword-only records built by validate.

Every record keeps where it is written (`at`, a Location), so that `make check-quotes` can
point at the file and line a maintainer must edit.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .dates import PartialDate
from .errors import Location

NOWHERE = Location("", 0)  # a record made in code, not read from a file

# How a translated text was made (`how` in data/i18n/ and in a translated page's front matter):
# a machine translation; a machine translation that a second machine pass compared with the
# English and corrected; a person's translation. Who *reviewed* it is another field, `reviewed`:
# a person, named, or false. A machine names no one: a machine translation has no `by`.
HOW = ("machine", "machine-checked", "person")
MACHINE = ("machine", "machine-checked")
# What `by` and `reviewed` may not say: they name people, never a tool or how it was run.
NOT_A_PERSON = re.compile(r"\b(ai|machine|machines|pass|automatic|automated|helper|session|bot|"
                          r"gpt|chatgpt|claude|gemini|deepl|llm|model|draft|google translate)\b",
                          re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class Phase:
    id: str
    title: str
    start: datetime.date
    end: datetime.date
    summary: str
    former_ids: tuple[str, ...] = ()  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Source:
    id: str
    outlet: str
    title: str
    published: PartialDate
    published_basis: str | None = None
    agency: str | None = None
    author: str | None = None
    url: str | None = None
    seed: str | None = None
    notes: str | None = None
    former_ids: tuple[str, ...] = ()  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Citation:
    source: str
    quote: str
    note: str | None = None
    translation: str | None = None  # an edition's: our translation of the quote (localize.py)
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class RecordSource:
    """A page of the public record: an official document (a ministry's release, a court
    judgment, the WTO's dispute page) or a wire or press report, with the address it was read at."""

    id: str
    kind: str  # one of RECORD_KINDS
    outlet: str
    title: str
    published: PartialDate
    language: str  # BCP 47: "en", "ko", "ja"...
    url: str
    author: str | None = None
    archive_url: str | None = None
    notes: str | None = None
    at: Location = field(default=NOWHERE, compare=False)


RECORD_KINDS = ("official", "press")


@dataclass(frozen=True, kw_only=True)
class RecordCitation:
    """A citation of a record source: optionally its words, exactly as read, in its language,
    and where that is not English, our translation."""

    source: str  # a RecordSource id
    quote: str | None = None
    translation: str | None = None
    note: str | None = None
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class DateBasis:
    """How a date is known: stated in a source, derived from a relative phrase, or on record."""

    kind: str  # one of BASIS_KINDS
    source: str | None = None
    phrase: str | None = None
    note: str | None = None
    record: tuple[RecordCitation, ...] = ()  # the public record that gives or confirms the date
    not_found: str | None = None  # kind "record": what was looked for and could not be found
    at: Location = field(default=NOWHERE, compare=False)


BASIS_KINDS = ("stated", "derived", "record")


@dataclass(frozen=True, kw_only=True)
class Dated:
    date: PartialDate
    basis: DateBasis


@dataclass(frozen=True, kw_only=True)
class Event:
    id: str
    date: PartialDate
    date_basis: DateBasis
    title: str
    summary: str
    phase: str
    citations: tuple[Citation, ...]
    in_force: Dated | None = None
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    # What else the event is called, as readers search for it ("제3자 변제", "Chengdu summit").
    aliases: tuple[str, ...] = ()
    record: tuple[RecordCitation, ...] = ()  # the public record behind the summary
    order: int = 0  # among events of the same date; 0 (unset) sorts first, then by id
    former_ids: tuple[str, ...] = ()  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)

    @property
    def takes_effect(self) -> PartialDate:
        """The day the event's measure took effect: its in_force date, or else its date."""
        return self.in_force.date if self.in_force else self.date

    def sort_key(self) -> tuple[tuple[int, int, int], int, str]:
        return (self.date.sort_key(), self.order, self.id)


@dataclass(frozen=True, kw_only=True)
class Actor:
    id: str
    name: str
    kind: str
    native: str | None = None
    romanised: str | None = None
    # The name as Korean and Japanese write it where that is not `native` (language -> name).
    names: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()  # other names and spellings a reader may search for
    role: str | None = None
    country: str | None = None
    notes: str | None = None
    former_ids: tuple[str, ...] = ()  # earlier ids, whose URLs redirect here
    english: str | None = None  # in an edition, where `name` is the edition's: the English name
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Topic:
    id: str
    title: str
    summary: str
    aliases: tuple[str, ...] = ()  # other names and spellings a reader may search for
    former_ids: tuple[str, ...] = ()  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Correction:
    """An error in a source: the quoted words, what is correct, and how we know."""

    id: str
    title: str
    kind: str
    quotes: tuple[Citation, ...]  # the wrong words, from the sources that err
    correction: str
    evidence: str
    evidence_quotes: tuple[Citation, ...] = ()  # other sources' words that show what is right
    record: tuple[RecordCitation, ...] = ()  # the public record that shows what is right
    events: tuple[str, ...] = ()
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Background:
    """Context outside the four phases (colonial rule, the 1965 treaty...): not an event."""

    id: str
    date: PartialDate
    date_basis: DateBasis
    title: str
    summary: str
    citations: tuple[Citation, ...]
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Measure:
    """A measure in force from one event's taking effect until another's."""

    title: str
    start: str  # event id
    until: str | None = None  # event id; None while still in force
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Track:
    """One lane of the tracks chart."""

    id: str
    title: str
    measures: tuple[Measure, ...] = ()
    events: tuple[str, ...] = ()
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Term:
    """A glossary entry: shown as a tooltip wherever the term or an alias appears."""

    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Translated:
    """A Korean or Japanese text (data/i18n/): what it translates, who made it and how."""

    text: str
    of: str  # the fingerprint of the English it was made from (translations/specs.py)
    by: str | None  # the person who translated it; None for a machine translation
    how: str  # one of HOW
    reviewed: str | bool = False  # the person who reviewed it, or False
    stale: bool = False  # the English has changed since: shown, but marked and reported
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Edition:
    """One language's translations: texts by (file kind, id, field), e.g. ("events",
    "2019-08-02-…", "title") or ("ui", "event.meta", "text"), and our translations of quotes
    by (event id, the quote verbatim)."""

    lang: str
    texts: Mapping[tuple[str, str, str], Translated] = field(default_factory=dict)
    quotes: Mapping[tuple[str, str], str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Chronology:
    phases: tuple[Phase, ...]
    sources: tuple[Source, ...]
    events: tuple[Event, ...]  # sorted by date, then id
    actors: tuple[Actor, ...] = ()
    topics: tuple[Topic, ...] = ()
    corrections: tuple[Correction, ...] = ()
    background: tuple[Background, ...] = ()
    tracks: tuple[Track, ...] = ()
    glossary: tuple[Term, ...] = ()
    records: tuple[RecordSource, ...] = ()  # sorted by date, then id
    translations: Mapping[str, Edition] = field(default_factory=dict)  # "ko", "ja"
    lang: str = "en"  # the language its texts are in: "ko" or "ja" once localized
