"""The checked chronology: frozen, keyword-only records built by validate — and the one
declaration of each kind of record. Each field says, beside its type, how it reads from YAML,
whether it is required, its length limit, whether it is translated and its name in the exports
(declare.declared); reading, building, translating and exporting are derived from that
(declare.Kind). Adding a field is a line here, plus its data.

Every record keeps where it is written (`at`, a Location), so that `make check-quotes` can
point at the file and line a maintainer must edit.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .dates import PartialDate, Period
from .declare import Kind, declared, register
from .errors import Location
from .hostile import term_problem
from .languages import EDITIONS
from .read import (
    Field,
    Spec,
    Text,
    Texts,
    date,
    file_name,
    flag,
    id_list,
    identifier,
    integer,
    nested,
    number,
    one_or_more,
    period,
    records,
    url,
)

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



# --- how each kind of text reads --------------------------------------------------------------
# The longest value of each kind of text, in characters: about three times the longest real
# one, so that real data has room and a pasted article does not pass as a quote (hostile.py
# holds the other limits of untrusted data; the README's table lists them all).
SHORT = Text()  # a name or a one-line title: hostile.SHORT_TEXT
# Titles of official documents run long ("Update of METI's licensing policies and ...").
TITLE = Text(400)
# An event's title is one line on the timeline; the rest goes in its summary. (A translation is
# held to it too: Korean and Japanese take fewer characters for the same title, so it is an
# upper bound for them, never a squeeze.)
EVENT_TITLE = Text(140, "keep it to one line and put the rest in 'summary'")
SUMMARY = Text(1_500, "keep it to one paragraph")
QUOTE = Text(1_000, "quote the words that matter, not the whole passage")
PHRASE = Text(300, "give only the words that give the date")
NOTE = Text(2_000)
TRANSLATION = Text(1_000)
DEFINITION = Text(1_000)
ROLE = Text(400)
TERM = Text(100, rule=term_problem)  # found in text as pages show it (hostile.term_problem)
ALIASES = Texts(100)
ANY_DATE = date("day", "month")
DAY = date("day")
ANY_PRECISION = date("day", "month", "year")
# Named apart from the fields they read: in a class body, a field `url` would hide the reader.
WEB_ADDRESS = url
FORMER = id_list  # earlier ids, whose addresses redirect (see README)
PERIOD = period  # a figure's: "2019-07", "2019", "2019-01/2019-05"


def _first_day(value: PartialDate) -> datetime.date:
    return value.first_day


def _precision(value: PartialDate) -> str:
    return value.precision


@dataclass(frozen=True, kw_only=True)
class Statement:
    """Whose words a quote gives: one speaker (a person, or an office speaking as one) on one
    day, in the language the words were said or written in. A quote in that language is the
    original; in any other, it is a report of the words, the outlet's and not the speaker's.
    Statements are counted by speaker and day (`python -m chronology.statements`)."""

    by: str = declared(identifier(), required=True, export="by")  # an actor id
    date: PartialDate = declared(ANY_DATE, required=True, export="date")
    language: str = declared(SHORT, required=True, export="language")  # BCP 47
    # Only where one speaker's words of one day are two statements, to tell them apart (a
    # ministry's release, and an unnamed official's briefing): "briefing".
    occasion: str | None = declared(SHORT, export="occasion", default=None)
    at: Location = field(default=NOWHERE, compare=False)

    @property
    def key(self) -> tuple[str, str, str]:
        """Which statement it is: its speaker, its day and, if given, its occasion."""
        return self.by, self.date.iso, self.occasion or ""


STATEMENT = register(Kind(Statement, "a statement"))
# Whose words a quote gives (`said`: a statement, or a list of them where a quote gives two
# speakers' words); where it is not in their language, whether their original words were looked
# for and not found, and why (`not_found`): the same two fields on a citation of the articles
# and of the record.
SAID = one_or_more(STATEMENT, "said")
NOT_FOUND = Text(400, "say in a sentence what was looked for, and where")


@dataclass(frozen=True, kw_only=True)
class Citation:
    source: str = declared(identifier(), required=True, export="source")
    quote: str = declared(QUOTE, required=True, export="quote")
    note: str | None = declared(NOTE, translatable=True, export="note", default=None)
    said: tuple[Statement, ...] = declared(SAID, export="said", default=())
    not_found: str | None = declared(NOT_FOUND, translatable=True, export="not_found",
                                     default=None)
    # The sentence is the article's background to the event (an outcome, an earlier step), not
    # its report of it: shown apart, as context, never as what the sources say of the event.
    context: bool = declared(flag, export="context", default=False)
    translation: str | None = None  # an edition's: our translation of the quote (localize.py)
    at: Location = field(default=NOWHERE, compare=False)


# A list item's key: the same source and words twice would be shown twice.
CITATION = register(Kind(Citation, "a citation", key=("source", "quote"), at="quote"))


@dataclass(frozen=True, kw_only=True)
class RecordCitation:
    """A citation of a record source: optionally its words, exactly as read, in its language,
    and where that is not English, our translation."""

    source: str = declared(identifier(), required=True, export="source")  # a RecordSource id
    quote: str | None = declared(QUOTE, export="quote", default=None)
    translation: str | None = declared(TRANSLATION, export="translation", default=None)
    note: str | None = declared(NOTE, translatable=True, export="note", default=None)
    said: tuple[Statement, ...] = declared(SAID, export="said", default=())
    not_found: str | None = declared(NOT_FOUND, translatable=True, export="not_found",
                                     default=None)
    at: Location = field(default=NOWHERE, compare=False)


RECORD_CITATION = register(Kind(RecordCitation, "a record citation", key=("source", "quote")))


@dataclass(frozen=True, kw_only=True)
class DateBasis:
    """How a date is known: stated in a source, derived from a relative phrase, or on record."""

    kind: str = declared(SHORT, required=True, export="kind")  # one of BASIS_KINDS
    source: str | None = declared(identifier(), export="source", default=None)
    phrase: str | None = declared(PHRASE, export="phrase", default=None)
    note: str | None = declared(NOTE, translatable=True, export="note", default=None)
    # The public record that gives or confirms the date.
    record: tuple[RecordCitation, ...] = declared(records(RECORD_CITATION), export="record",
                                                  quotes=True, default=())
    # Kind "record": what was looked for and could not be found.
    not_found: str | None = declared(SHORT, translatable=True, export="not_found", default=None)
    at: Location = field(default=NOWHERE, compare=False)


BASIS_KINDS = ("stated", "derived", "record")
DATE_BASIS = register(Kind(DateBasis, "a date basis", at="phrase"))


@dataclass(frozen=True, kw_only=True)
class Dated:
    date: PartialDate = declared(ANY_DATE, required=True, export="date")
    # Translated as the in_force's own: `in_force: {note: …}` in a translation file.
    basis: DateBasis = declared(nested(DATE_BASIS), required=True, translatable=True,
                                export="basis", flat=True)


IN_FORCE = register(Kind(Dated, "in_force"))


@dataclass(frozen=True, kw_only=True)
class Event:
    id: str = declared(required=True, export="id")  # its file name: not a field of the file
    date: PartialDate = declared(ANY_DATE, required=True, export="date",
                                 also=(("precision", _precision),))
    date_basis: DateBasis = declared(nested(DATE_BASIS), required=True, translatable=True,
                                     export="date_basis")
    # Among events of the same date; 0 (unset) sorts first, then by id.
    order: int = declared(integer, default=0)
    title: str = declared(EVENT_TITLE, required=True, translatable=True, export="title")
    summary: str = declared(SUMMARY, required=True, translatable=True, export="summary")
    phase: str = declared(identifier(), required=True, export="phase")
    actors: tuple[str, ...] = declared(id_list, export="actors", always=True, default=())
    topics: tuple[str, ...] = declared(id_list, export="topics", always=True, default=())
    citations: tuple[Citation, ...] = declared(records(CITATION), export="citations",
                                               always=True, quotes=True, default=())
    in_force: Dated | None = declared(nested(IN_FORCE), translatable=True, export="in_force",
                                      default=None)
    # What else the event is called, as readers search for it ("제3자 변제", "Chengdu summit").
    aliases: tuple[str, ...] = declared(ALIASES, default=())
    # The public record behind the summary.
    record: tuple[RecordCitation, ...] = declared(records(RECORD_CITATION), export="record",
                                                  quotes=True, default=())
    former_ids: tuple[str, ...] = declared(FORMER, default=())  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)

    @property
    def takes_effect(self) -> PartialDate:
        """The day the event's measure took effect: its in_force date, or else its date."""
        return self.in_force.date if self.in_force else self.date

    def sort_key(self) -> tuple[tuple[int, int, int], int, str]:
        return (self.date.sort_key(), self.order, self.id)


EVENT = register(Kind(Event, "an event", file="events", noun="event", sort=Event.sort_key,
                      hints=(("id", "an event's id is its file name; remove this line"),)))


@dataclass(frozen=True, kw_only=True)
class Phase:
    id: str = declared(identifier("phase"), required=True, export="id")
    title: str = declared(TITLE, required=True, translatable=True, export="title")
    start: datetime.date = declared(DAY, required=True, export="start", build=_first_day)
    end: datetime.date = declared(DAY, required=True, export="end", build=_first_day)
    summary: str = declared(SUMMARY, required=True, translatable=True, export="summary")
    former_ids: tuple[str, ...] = declared(FORMER, default=())  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)


PHASE = register(Kind(Phase, "a phase", file="phases", noun="phase", sort=lambda p: p.start))


@dataclass(frozen=True, kw_only=True)
class Source:
    id: str = declared(identifier("source"), required=True, export="id")
    outlet: str = declared(SHORT, required=True, translatable=True, export="outlet")
    title: str = declared(TITLE, required=True, export="title")  # the article's own: not ours
    published: PartialDate = declared(ANY_DATE, required=True, export="published")
    published_basis: str | None = declared(NOTE, translatable=True, export="published_basis",
                                           default=None)
    agency: str | None = declared(SHORT, export="agency", default=None)
    author: str | None = declared(SHORT, export="author", default=None)
    url: str | None = declared(WEB_ADDRESS, export="url", default=None)
    seed: str | None = declared(file_name, default=None)
    notes: str | None = declared(NOTE, translatable=True, export="notes", default=None)
    former_ids: tuple[str, ...] = declared(FORMER, default=())  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)


SOURCE = register(Kind(Source, "a source", file="sources", noun="source",
                       sort=lambda s: (s.published.sort_key(), s.id)))


@dataclass(frozen=True, kw_only=True)
class RecordSource:
    """A page of the public record: an official document (a ministry's release, a court
    judgment, the WTO's dispute page) or a wire or press report, with the address it was read at."""

    id: str = declared(identifier("record source"), required=True, export="id")
    kind: str = declared(SHORT, required=True, export="kind")  # one of RECORD_KINDS
    outlet: str = declared(SHORT, required=True, translatable=True, export="outlet")
    title: str = declared(TITLE, required=True, export="title")
    author: str | None = declared(SHORT, export="author", default=None)
    published: PartialDate = declared(ANY_DATE, required=True, export="published")
    language: str = declared(SHORT, required=True, export="language")  # BCP 47: "en", "ko", "ja"...
    url: str = declared(WEB_ADDRESS, required=True, export="url")
    archive_url: str | None = declared(WEB_ADDRESS, export="archive_url", default=None)
    # Who machine-translated the page's words from the language they were written in (a
    # service's automatic English, "NHK", "Teller Report"): its words are no one's own, and
    # never stand alone for an official's (rules.check_machine_translated).
    machine_translation: str | None = declared(SHORT, translatable=True,
                                               export="machine_translation", default=None)
    notes: str | None = declared(NOTE, translatable=True, export="notes", default=None)
    at: Location = field(default=NOWHERE, compare=False)


RECORD_KINDS = ("official", "press")
RECORD_SOURCE = register(Kind(RecordSource, "a record source", file="records",
                              noun="record source", sort=lambda r: (r.published.sort_key(), r.id)))


def _names(draft: Any) -> tuple[tuple[str, str], ...]:
    return tuple((lang.code, draft[lang.code]) for lang in EDITIONS if draft.get(lang.code))


# How each edition's language writes a name that is not its own ("기시다 후미오", "文在寅").
NAMES = Spec("names", tuple(Field(lang.code, SHORT) for lang in EDITIONS))


@dataclass(frozen=True, kw_only=True)
class Actor:
    id: str = declared(identifier("actor"), required=True)
    name: str = declared(SHORT, required=True)
    kind: str = declared(SHORT, required=True)
    native: str | None = declared(SHORT, default=None)
    romanised: str | None = declared(SHORT, default=None)
    # The name as Korean and Japanese write it where that is not `native` (language -> name).
    names: tuple[tuple[str, str], ...] = declared(nested(NAMES), build=_names, default=())
    # Other names and spellings a reader may search for.
    aliases: tuple[str, ...] = declared(ALIASES, default=())
    role: str | None = declared(ROLE, translatable=True, default=None)
    country: str | None = declared(SHORT, default=None)
    notes: str | None = declared(NOTE, translatable=True, default=None)
    former_ids: tuple[str, ...] = declared(FORMER, default=())  # earlier ids, whose URLs redirect here
    english: str | None = None  # in an edition, where `name` is the edition's: the English name
    at: Location = field(default=NOWHERE, compare=False)


ACTOR_KINDS = ("person", "government", "ministry", "office", "court", "company",
               "organisation", "country", "media")
ACTOR = register(Kind(Actor, "an actor", file="actors", noun="actor", sort=lambda a: a.id))


@dataclass(frozen=True, kw_only=True)
class Topic:
    id: str = declared(identifier("topic"), required=True)
    title: str = declared(TITLE, required=True, translatable=True)
    summary: str = declared(SUMMARY, required=True, translatable=True)
    # Other names and spellings a reader may search for.
    aliases: tuple[str, ...] = declared(ALIASES, default=())
    former_ids: tuple[str, ...] = declared(FORMER, default=())  # earlier ids, whose URLs redirect here
    at: Location = field(default=NOWHERE, compare=False)


TOPIC = register(Kind(Topic, "a topic", file="topics", noun="topic", sort=lambda t: t.id))


@dataclass(frozen=True, kw_only=True)
class Correction:
    """An error in a source: the quoted words, what is correct, and how we know."""

    id: str = declared(identifier("correction"), required=True)
    title: str = declared(TITLE, required=True, translatable=True)
    kind: str = declared(SHORT, required=True)
    # The wrong words, from the sources that err.
    quotes: tuple[Citation, ...] = declared(records(CITATION), required=True, quotes=True)
    correction: str = declared(NOTE, required=True, translatable=True)
    evidence: str = declared(NOTE, required=True, translatable=True)
    # Other sources' words that show what is right.
    evidence_quotes: tuple[Citation, ...] = declared(records(CITATION), quotes=True, default=())
    # The public record that shows what is right.
    record: tuple[RecordCitation, ...] = declared(records(RECORD_CITATION), default=())
    events: tuple[str, ...] = declared(id_list, default=())
    at: Location = field(default=NOWHERE, compare=False)


CORRECTION_KINDS = ("misattribution", "company", "measure", "relative-date", "duration",
                    "contradiction", "fact", "wording")
CORRECTION = register(Kind(Correction, "a correction", file="corrections", noun="correction"))


@dataclass(frozen=True, kw_only=True)
class Background:
    """Context outside the four phases (colonial rule, the 1965 treaty...): not an event."""

    id: str = declared(identifier("background entry"), required=True)
    date: PartialDate = declared(ANY_PRECISION, required=True)
    date_basis: DateBasis = declared(nested(DATE_BASIS), required=True, translatable=True)
    title: str = declared(TITLE, required=True, translatable=True)
    summary: str = declared(SUMMARY, required=True, translatable=True)
    citations: tuple[Citation, ...] = declared(records(CITATION), required=True, quotes=True)
    at: Location = field(default=NOWHERE, compare=False)


BACKGROUND = register(Kind(Background, "a background entry", file="context",
                           noun="background entry", chronology="background",
                           sort=lambda b: (b.date.sort_key(), b.id)))


@dataclass(frozen=True, kw_only=True)
class Measure:
    """A measure in force from one event's taking effect until another's."""

    title: str = declared(TITLE, required=True, translatable=True)
    start: str = declared(identifier(), required=True, name="from")  # event id
    until: str | None = declared(identifier(), default=None)  # event id; None while in force
    at: Location = field(default=NOWHERE, compare=False)


# A measure is named by the event it starts with (its translation too).
MEASURE = register(Kind(Measure, "a measure", key=("from",)))


@dataclass(frozen=True, kw_only=True)
class Track:
    """One lane of the tracks chart."""

    id: str = declared(identifier(), required=True)
    title: str = declared(TITLE, required=True, translatable=True)
    measures: tuple[Measure, ...] = declared(records(MEASURE), translatable=True, default=())
    events: tuple[str, ...] = declared(id_list, default=())
    at: Location = field(default=NOWHERE, compare=False)


TRACK = register(Kind(Track, "a track", file="tracks", noun="track"))


@dataclass(frozen=True, kw_only=True)
class Term:
    """A glossary entry: shown as a tooltip wherever the term or an alias appears."""

    id: str = declared(identifier("glossary term"), required=True)
    term: str = declared(TERM, required=True, translatable=True)
    # In an edition, its own language's other names for the term (a list translated whole).
    aliases: tuple[str, ...] = declared(Texts(100, term_problem, located=True), translatable=True,
                                        default=())
    definition: str = declared(DEFINITION, required=True, translatable=True)
    # In an edition: the English term and aliases, still marked in its pages' English quotes.
    english: tuple[str, ...] = ()
    at: Location = field(default=NOWHERE, compare=False)


GLOSSARY_TERM = register(Kind(Term, "a glossary term", file="glossary", noun="glossary term",
                              sort=lambda t: t.term.lower()))

@dataclass(frozen=True, kw_only=True)
class Figure:
    """A number the public record gives for what the measures did (exports of the three
    chemicals, South Korea's sourcing, the boycott's effect on beer, cars, clothing and travel):
    its value and unit, the period it covers, what it measures, and the record's words that
    state it — `stated`, the words of the quote that give the number, as the quote writes them
    (rules.check_figure reads them back and holds them to `value`)."""

    id: str = declared(identifier("figure"), required=True, export="id")
    area: str = declared(SHORT, required=True, export="area")  # one of FIGURE_AREAS
    # What is counted, where and by whom: "South Korea's imports of Japanese beer, by value
    # (Korea Customs Service)".
    measures: str = declared(Text(300, "say in a line what is counted, and by whom"),
                             required=True, translatable=True, export="measures")
    value: Decimal = declared(number, required=True, export="value")  # a change is signed
    unit: str = declared(SHORT, required=True, export="unit")  # one of FIGURE_UNITS
    period: Period = declared(PERIOD, required=True, export="period")
    # For a change (unit percent or points): the period it is measured against.
    against: Period | None = declared(PERIOD, export="against", default=None)
    stated: str = declared(Text(120, "give only the words of the quote that state the number"),
                           required=True, export="stated")
    record: RecordCitation = declared(nested(RECORD_CITATION), required=True, export="record")
    events: tuple[str, ...] = declared(id_list, required=True, export="events")  # it follows
    # Figures of one series (one measure over time, one unit) are drawn together in the chart.
    series: str | None = declared(identifier(), export="series", default=None)
    # Figures of other reports that give another number for the same thing: both are kept.
    differs_from: tuple[str, ...] = declared(id_list, export="differs_from", default=())
    note: str | None = declared(NOTE, translatable=True, export="note", default=None)
    at: Location = field(default=NOWHERE, compare=False)


# What the figures are about, in the order the figures page shows them.
FIGURE_AREAS = ("chemicals", "sourcing", "beer", "cars", "clothing", "travel")
# The units a figure may have: an amount (tonnes, a currency, people, vehicles, stores) or a
# change ("percent": a change or a share in per cent; "points": percentage points).
FIGURE_UNITS = ("tonnes", "JPY", "USD", "KRW", "people", "vehicles", "stores", "percent",
                "points")
CHANGES = ("percent", "points")
# The years a figure's period may fall in: the dispute's, and the year after it for the recovery.
FIGURE_YEARS = (2018, 2024)
FIGURE = register(Kind(Figure, "a figure", file="figures", noun="figure"))


@dataclass(frozen=True, kw_only=True)
class Change:
    """A change to the chronology itself, for its readers: what it corrected or added, on what
    day, and why, in one line (the Changes page and its feed: our own corrections, beside those
    of the press on the corrections page)."""

    id: str = declared(identifier("change"), required=True)
    date: PartialDate = declared(DAY, required=True)  # the day the change was published
    kind: str = declared(SHORT, required=True)  # one of CHANGE_KINDS
    title: str = declared(Text(200, "say in one line what changed; the reason goes in 'reason'"),
                          required=True, translatable=True)
    reason: str = declared(Text(600, "give the reason in a sentence or two"), required=True,
                           translatable=True)
    events: tuple[str, ...] = declared(id_list, default=())  # the events it changed or added
    at: Location = field(default=NOWHERE, compare=False)


# What a change did: put right a fact or a date; add events or records; make the chronology's
# own wording neutral or exact; cite better sources (the original words, official pages).
CHANGE_KINDS = ("correction", "addition", "wording", "sources")
# Newest first; the changes of one day in the order the file gives them.
CHANGE = register(Kind(Change, "a change", file="changes", noun="change",
                       sort=lambda c: -c.date.first_day.toordinal()))

# Every kind with a file of its own (data/<file>.yaml, data/events/), in the order a translation
# report lists them: those translated first. A test may put another in a kind's place.
KINDS: dict[str, Kind] = {kind.file: kind for kind in (
    EVENT, PHASE, TOPIC, ACTOR, GLOSSARY_TERM, BACKGROUND, CORRECTION, CHANGE, TRACK, FIGURE, SOURCE,
    RECORD_SOURCE)}


def list_kinds() -> dict[str, Kind]:
    """The kinds whose records are the items of one list file (all but events)."""
    return {name: kind for name, kind in KINDS.items() if name != "events"}


@dataclass(frozen=True, kw_only=True)
class Translated:
    """A Korean or Japanese text (data/i18n/): what it translates, who made it and how."""

    text: Any  # a text; a list of texts where the English is one (a glossary term's aliases)
    of: str  # the fingerprint of the English it was made from (translations/specs.py)
    by: str | None  # the person who translated it; None for a machine translation
    how: str  # one of HOW
    reviewed: str | bool = False  # the person who reviewed it, or False
    stale: bool = False  # the English has changed since: shown, but marked and reported
    at: Location = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, kw_only=True)
class Edition:
    """One language's translations: texts by (file kind, id, field), e.g. ("events",
    "2019-08-02-…", "title"), ("ui", "event.meta", "text") or, for a citation's own texts,
    ("events", "<event id>/<its quote, or its source>", "citations.note"); and our translations
    of quotes by (the record that quotes them, the quote verbatim): an event by its id, a record
    of a list file by "<file>/<id>" ("context/colonial-rule": no event id holds a "/")."""

    lang: str
    texts: Mapping[tuple[str, str, str], Translated] = field(default_factory=dict)
    quotes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # How each quote's translation was made (model.HOW): its own `how`, or its file's.
    quotes_how: Mapping[tuple[str, str], str | None] = field(default_factory=dict)


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
    figures: tuple[Figure, ...] = ()  # as data/figures.yaml lists them
    changes: tuple[Change, ...] = ()  # newest first
    translations: Mapping[str, Edition] = field(default_factory=dict)  # "ko", "ja"
    lang: str = "en"  # the language its texts are in: "ko" or "ja" once localized
