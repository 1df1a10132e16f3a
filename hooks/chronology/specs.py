"""The fields of every kind of record, declared: what each is called, whether it is required,
and how it reads (read.py). The order of fields is the order messages list them in.
No MkDocs, no I/O.
"""

from __future__ import annotations

from .hostile import EVENT_TITLE, term_problem
from .read import (
    Field,
    Spec,
    Text,
    date,
    file_name,
    id_list,
    identifier,
    integer,
    nested,
    records,
    text,
    texts,
    texts_at,
    url,
)

ANY_DATE = date("day", "month")
FORMER = Field("former_ids", id_list)  # earlier ids, whose addresses redirect (see README)

# A list item's key (Spec.key): the same source and words twice would be shown twice.
CITATION = Spec("a citation", (Field("source", identifier(), True), Field("quote", text, True),
                               Field("note", text)), key=("source", "quote"))
RECORD_CITATION = Spec("a record citation", (
    Field("source", identifier(), True), Field("quote", text), Field("translation", text),
    Field("note", text)), key=("source", "quote"))


def basis_spec(label: str) -> Spec:
    """A date basis; `label` names its record citations in messages ("date_basis: record")."""
    return Spec("a date basis", (
        Field("kind", text, True), Field("source", identifier()), Field("phrase", text),
        Field("note", text), Field("record", records(RECORD_CITATION, label)),
        Field("not_found", text)))


DATE_BASIS = basis_spec("date_basis: record")
IN_FORCE = Spec("in_force", (Field("date", ANY_DATE, True),
                             Field("basis", nested(basis_spec("basis: record")), True)))

EVENT = Spec("an event", (
    Field("date", ANY_DATE, True), Field("date_basis", nested(DATE_BASIS), True),
    Field("order", integer),
    Field("title", Text(EVENT_TITLE, "keep it to one line and put the rest in 'summary'"), True),
    Field("summary", text, True),
    Field("phase", identifier(), True), Field("citations", records(CITATION, "citations")),
    Field("in_force", nested(IN_FORCE)), Field("actors", id_list), Field("topics", id_list),
    Field("aliases", texts), Field("record", records(RECORD_CITATION)), FORMER),
    hints=(("id", "an event's id is its file name; remove this line"),))

PHASE = Spec("a phase", (
    Field("id", identifier("phase"), True), Field("title", text, True),
    Field("start", date("day"), True), Field("end", date("day"), True),
    Field("summary", text, True), FORMER))

SOURCE = Spec("a source", (
    Field("id", identifier("source"), True), Field("outlet", text, True),
    Field("title", text, True), Field("published", ANY_DATE, True),
    Field("published_basis", text), Field("agency", text), Field("author", text),
    Field("url", url), Field("seed", file_name), Field("notes", text), FORMER))

# How Korean and Japanese write a name that is not their own ("기시다 후미오", "文在寅").
NAMES = Spec("names", (Field("ko", text), Field("ja", text)))
ACTOR = Spec("an actor", (
    Field("id", identifier("actor"), True), Field("name", text, True), Field("kind", text, True),
    Field("native", text), Field("romanised", text), Field("names", nested(NAMES)),
    Field("aliases", texts), Field("role", text), Field("country", text),
    Field("notes", text), FORMER))
ACTOR_KINDS = ("person", "government", "ministry", "office", "court", "company",
               "organisation", "country", "media")

TOPIC = Spec("a topic", (
    Field("id", identifier("topic"), True), Field("title", text, True),
    Field("summary", text, True), Field("aliases", texts), FORMER))

BACKGROUND = Spec("a background entry", (
    Field("id", identifier("background entry"), True),
    Field("date", date("day", "month", "year"), True),
    Field("date_basis", nested(DATE_BASIS), True), Field("title", text, True),
    Field("summary", text, True), Field("citations", records(CITATION, "citations"), True)))

# A term and its aliases must be found in text as pages show it (hostile.term_problem).
TERM = Spec("a glossary term", (
    Field("id", identifier("glossary term"), True), Field("term", Text(rule=term_problem), True),
    Field("aliases", texts_at(term_problem)), Field("definition", text, True)))

# A measure is named by the event it starts with (its translation too: translations/specs.py).
MEASURE = Spec("a measure", (Field("title", text, True), Field("from", identifier(), True),
                             Field("until", identifier())), key=("from",))
TRACK = Spec("a track", (
    Field("id", identifier(), True), Field("title", text, True),
    Field("measures", records(MEASURE)), Field("events", id_list)))

CORRECTION = Spec("a correction", (
    Field("id", identifier("correction"), True), Field("title", text, True),
    Field("kind", text, True), Field("quotes", records(CITATION), True),
    Field("correction", text, True), Field("evidence", text, True),
    Field("evidence_quotes", records(CITATION)), Field("record", records(RECORD_CITATION)),
    Field("events", id_list)))
CORRECTION_KINDS = ("misattribution", "company", "measure", "relative-date", "duration",
                    "contradiction", "fact", "wording")

RECORD_SOURCE = Spec("a record source", (
    Field("id", identifier("record source"), True), Field("kind", text, True),
    Field("outlet", text, True), Field("title", text, True), Field("author", text),
    Field("published", ANY_DATE, True), Field("language", text, True), Field("url", url, True),
    Field("archive_url", url), Field("notes", text)))

# Each list file, with the spec of its items and what one item is called in messages.
LIST_FILES = {"phases": (PHASE, "phase"), "sources": (SOURCE, "source"),
              "actors": (ACTOR, "actor"), "topics": (TOPIC, "topic"),
              "corrections": (CORRECTION, "correction"),
              "context": (BACKGROUND, "background entry"), "tracks": (TRACK, "track"),
              "glossary": (TERM, "glossary term"), "records": (RECORD_SOURCE, "record source")}
