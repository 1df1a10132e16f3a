"""Validate: turn loaded documents into a Chronology, or raise DataError listing every problem.

Each record is checked on its own here (types, required and unknown fields,
ids, dates, URL schemes); checks across records (unique ids, references, dates
inside phases and consistent with sources) are in references.py. Never stops at
the first problem; never drops a record silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, TypeVar

from .dates import PartialDate
from .errors import DataError, Problem
from .fields import FieldReader, describe, id_problem
from .hostile import reserved_id, term_problem
from .load import Cache, Document, LineList, RawData, load_records
from .model import (
    BASIS_KINDS,
    RECORD_KINDS,
    Actor,
    Background,
    Chronology,
    Citation,
    Correction,
    DateBasis,
    Dated,
    Event,
    Measure,
    Phase,
    RecordCitation,
    RecordSource,
    Source,
    Term,
    Topic,
    Track,
)
from .references import (
    Known,
    check_background,
    check_correction,
    check_event,
    check_former_ids,
    check_phases,
    check_record_citations,
    check_track,
    declared_ids,
    record_citations,
    unique_ids,
    unique_terms,
)

T = TypeVar("T")
_ANY_DAY = PartialDate.parse("2000-01-01")

EVENT_FIELDS = ("date", "date_basis", "order", "title", "summary", "phase", "citations",
                "in_force", "actors", "topics", "record", "former_ids")
EVENT_REQUIRED = ("date", "date_basis", "title", "summary", "phase", "citations")
MAX_TITLE = 140
EVENT_HINTS = {"id": "an event's id is its file name; remove this line"}
SOURCE_FIELDS = ("id", "outlet", "title", "published", "published_basis", "agency", "author",
                 "url", "seed", "notes", "former_ids")
PHASE_FIELDS = ("id", "title", "start", "end", "summary", "former_ids")
PHASE_REQUIRED = ("id", "title", "start", "end", "summary")
ACTOR_FIELDS = ("id", "name", "kind", "native", "romanised", "role", "country", "notes",
                "former_ids")
ACTOR_KINDS = ("person", "government", "ministry", "office", "court", "company",
               "organisation", "country", "media")
TOPIC_FIELDS = ("id", "title", "summary", "aliases", "former_ids")
BACKGROUND_FIELDS = ("id", "date", "date_basis", "title", "summary", "citations")
TERM_FIELDS = ("id", "term", "aliases", "definition")
TRACK_FIELDS = ("id", "title", "measures", "events")
CORRECTION_FIELDS = ("id", "title", "kind", "quotes", "correction", "evidence",
                     "evidence_quotes", "record", "events")
RECORD_FIELDS = ("id", "kind", "outlet", "title", "author", "published", "language", "url",
                 "archive_url", "notes")
RECORD_REQUIRED = ("id", "kind", "outlet", "title", "published", "language", "url")
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
CORRECTION_KINDS = ("misattribution", "company", "measure", "relative-date", "duration",
                    "contradiction", "fact", "wording")


class _Validator:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Former ids by kind, with where each is written: checked once every record is read.
        self.former_at: dict[str, list[tuple[str, Problem]]] = {}

    def former(self, r: FieldReader, kind: str) -> tuple[str, ...]:
        """A record's `former_ids`: the ids it had before a rename (their URLs redirect)."""
        found = r.identifiers("former_ids")
        for id_, line in found:
            self.former_at.setdefault(kind, []).append((id_, Problem(r.path, line, "")))
        return tuple(id_ for id_, _ in found)

    def reader(self, path: str, line: int, mapping: Any, what: str, fields: tuple[str, ...],
               required: tuple[str, ...], hints: dict[str, str] | None = None) -> FieldReader:
        return FieldReader(self.problems, path, mapping, what=what, allowed=fields,
                           required=required, line=line, hints=hints)

    def records(self, document: Document | None, what: str,
                build: Callable[[str, int, Any], T | None]) -> list[T]:
        """Each item of a list file, built by `build(path, line, item)`."""
        if document is None:
            return []
        if not isinstance(document.value, LineList):  # every YAML list loads as a LineList
            self.problems.append(Problem(document.path, document.line,
                                         f"must be a list of {what}s (each item starts with '- ')"
                                         f", got {describe(document.value)}"))
            return []
        items: LineList = document.value
        built = (build(document.path, items.line_of(i), item) for i, item in enumerate(items))
        return [record for record in built if record is not None]

    # --- record kinds -------------------------------------------------------------------

    def phase(self, path: str, line: int, item: Any) -> Phase | None:
        r = self.reader(path, line, item, "a phase", PHASE_FIELDS, PHASE_REQUIRED)
        former = self.former(r, "phase")
        id_, title, summary = r.identifier("id", "phase"), r.text("title"), r.text("summary")
        start, end = r.date("start", precisions=("day",)), r.date("end", precisions=("day",))
        if start and end and end.first_day < start.first_day:
            r.report(r.line_of("end"), f"end: {end} is before start {start}")
            return None
        if not (r.ok and id_ and title and summary and start and end):
            return None
        return Phase(id=id_, title=title, start=start.first_day, end=end.first_day,
                     summary=summary, former_ids=former, origin=f"{path}:{r.line}")

    def source(self, path: str, line: int, item: Any) -> Source | None:
        r = self.reader(path, line, item, "a source", SOURCE_FIELDS, ("id", "outlet", "title",
                                                                 "published"))
        former = self.former(r, "source")
        values = {key: r.text(key) for key in ("outlet", "title", "published_basis", "agency",
                                               "author", "notes")}
        id_, seed, url = r.identifier("id", "source"), r.file_name("seed"), r.url("url")
        published = r.date("published")
        if not (r.ok and id_ and values["outlet"] and values["title"] and published):
            return None
        if (r.has("url") and url is None) or (r.has("seed") and seed is None):
            return None
        return Source(id=id_, published=published, url=url, seed=seed,
                      former_ids=former, origin=f"{path}:{r.line}", **values)  # type: ignore[arg-type]

    def actor(self, path: str, line: int, item: Any) -> Actor | None:
        r = self.reader(path, line, item, "an actor", ACTOR_FIELDS, ("id", "name", "kind"))
        former = self.former(r, "actor")
        id_, name, kind = r.identifier("id", "actor"), r.text("name"), r.text("kind")
        if kind and kind not in ACTOR_KINDS:
            r.report(r.line_of("kind"), f"kind: '{kind}' is not one of {', '.join(ACTOR_KINDS)}")
            kind = None
        extra = {key: r.text(key) for key in ("native", "romanised", "role", "country", "notes")}
        if not (r.ok and id_ and name and kind):
            return None
        return Actor(id=id_, name=name, kind=kind, former_ids=former,
                     origin=f"{path}:{r.line}", **extra)

    def topic(self, path: str, line: int, item: Any) -> Topic | None:
        r = self.reader(path, line, item, "a topic", TOPIC_FIELDS, ("id", "title", "summary"))
        former = self.former(r, "topic")
        id_, title, summary = r.identifier("id", "topic"), r.text("title"), r.text("summary")
        aliases = r.texts("aliases")
        if not (r.ok and id_ and title and summary and aliases is not None):
            return None
        return Topic(id=id_, title=title, summary=summary, aliases=aliases,
                     former_ids=former, origin=f"{path}:{r.line}")

    def record_source(self, path: str, line: int, item: Any) -> RecordSource | None:
        r = self.reader(path, line, item, "a record source", RECORD_FIELDS, RECORD_REQUIRED)
        id_, kind = r.identifier("id", "record source"), r.text("kind")
        if kind and kind not in RECORD_KINDS:
            r.report(r.line_of("kind"), f"kind: '{kind}' is not one of {', '.join(RECORD_KINDS)} "
                     "(an official document, or a wire or press report)")
            kind = None
        language = r.text("language")
        if language and not LANGUAGE.fullmatch(language):
            r.report(r.line_of("language"), f"language: '{language}' is not a language code; "
                     "write en, ko, ja (BCP 47)")
            language = None
        values = {key: r.text(key) for key in ("outlet", "title", "author", "notes")}
        url, archive = r.url("url"), r.url("archive_url")
        published = r.date("published")
        if not (r.ok and id_ and kind and language and url and published and values["outlet"]
                and values["title"]) or (r.has("archive_url") and archive is None):
            return None
        return RecordSource(id=id_, kind=kind, language=language, url=url, archive_url=archive,
                            published=published, origin=f"{path}:{r.line}",
                            **values)  # type: ignore[arg-type]

    def record_citations(self, r: FieldReader, key: str,
                         label: str = "") -> tuple[RecordCitation, ...]:
        """A list of {source, quote, translation, note} citing record sources; a bad item is
        reported and left out (the record it belongs to is still built)."""
        found = []
        label = label or key
        for number, (line, item) in enumerate(r.items(key), start=1):
            c = FieldReader(self.problems, r.path, item, what=f"{label} {number}",
                            allowed=("source", "quote", "translation", "note"),
                            required=("source",), line=line)
            source = c.identifier("source")
            quote, translation, note = c.text("quote"), c.text("translation"), c.text("note")
            if translation and not quote:
                c.report(c.line_of("translation"), f"{label} {number}: a translation needs the "
                         "quote it translates ('quote', in the source's own language)")
            if c.ok and source:
                found.append(RecordCitation(source=source, quote=quote, translation=translation,
                                            note=note, origin=f"{r.path}:{c.line}"))
        return tuple(found)

    def citations(self, r: FieldReader, key: str, *, need_one: bool) -> tuple[Citation, ...] | None:
        found: list[Citation] = []
        ok = True
        entries = r.items(key)
        if need_one and isinstance(r.raw(key), list) and not entries:
            r.report(r.line_of(key), f"{key}: needs at least one {{source, quote}}")
            return None
        for number, (line, item) in enumerate(entries, start=1):
            c = FieldReader(self.problems, r.path, item, what=f"{key} {number}",
                            allowed=("source", "quote", "note"), required=("source", "quote"),
                            line=line)
            source, quote, note = c.identifier("source"), c.text("quote"), c.text("note")
            if c.has("note") and note is None:
                ok = False
            if not (c.ok and source and quote):
                ok = False
                continue
            found.append(Citation(source=source, quote=quote, note=note,
                                  origin=f"{r.path}:{c.line_of('quote')}"))
        return tuple(found) if ok else None

    def basis(self, r: FieldReader, key: str) -> DateBasis | None:
        if not r.has(key):
            return None
        b = FieldReader(self.problems, r.path, r.raw(key), what=key,
                        allowed=("kind", "source", "phrase", "note", "record", "not_found"),
                        required=("kind",), line=r.line_of(key))
        record, not_found = self.record_citations(b, "record", f"{key}: record"), b.text("not_found")
        kind, source, phrase, note = b.text("kind"), b.identifier("source"), b.text("phrase"), \
            b.text("note")
        if kind is not None and kind not in BASIS_KINDS:
            b.report(b.line_of("kind"), f"{key}: kind '{kind}' is not one of "
                     f"{', '.join(BASIS_KINDS)}")
            return None
        # Whether a field is there, not whether it read: a field that is there but wrong has
        # been reported already, and is not also "missing".
        given = {field: b.has(field) for field in ("source", "phrase", "note")}
        if kind in {"stated", "derived"} and not (given["source"] and given["phrase"]):
            b.report(b.line, f"{key}: a '{kind}' date needs 'source' and 'phrase' (the words "
                     "in the source that give the date)")
            return None
        if kind == "record" and given["source"] != given["phrase"]:
            b.report(b.line, f"{key}: give both 'source' and 'phrase' (the article's own words "
                     "for the date), or neither")
            return None
        cited = bool(record or not_found)  # a record date cites the record, or a note says what
        if (kind == "derived" or (kind == "record" and not cited)) and not given["note"]:
            b.report(b.line, f"{key}: a '{kind}' date needs a 'note' saying how it was worked out")
            return None
        read = {"source": source, "phrase": phrase, "note": note}
        if not (b.ok and kind) or any(given[field] and not read[field] for field in given):
            return None
        return DateBasis(kind=kind, source=source, phrase=phrase, note=note, record=record,
                         not_found=not_found, origin=f"{r.path}:{b.line_of('phrase')}")

    def dated(self, r: FieldReader, key: str) -> Dated | None:
        d = FieldReader(self.problems, r.path, r.raw(key), what=key, allowed=("date", "basis"),
                        required=("date", "basis"), line=r.line_of(key))
        date, basis = d.date("date"), self.basis(d, "basis")
        return Dated(date=date, basis=basis) if d.ok and date and basis else None

    def event(self, document: Document) -> Event | None:
        path = document.path
        event_id = path.rsplit("/", 1)[-1].removesuffix(".yaml")
        problem = id_problem(event_id)
        reserved = None if problem else reserved_id("event", event_id)
        if problem or reserved:
            what = problem or f"'{event_id}' {reserved}; rename the file"
            self.problems.append(Problem(path, 1, f"file name: {what}"))
        r = self.reader(path, document.line, document.value, "an event", EVENT_FIELDS, EVENT_REQUIRED,
                        EVENT_HINTS)
        former = self.former(r, "event")
        date, basis = r.date("date"), self.basis(r, "date_basis")
        title, summary, phase = r.text("title"), r.text("summary"), r.identifier("phase")
        if title and len(title) > MAX_TITLE:
            r.report(r.line_of("title"), f"title: {len(title)} characters; keep a title under "
                     f"{MAX_TITLE} (one line) and put the rest in 'summary'")
            title = None
        citations = self.citations(r, "citations", need_one=True)
        in_force = self.dated(r, "in_force") if r.has("in_force") else None
        actors, topics = r.identifiers("actors"), r.identifiers("topics")
        record = self.record_citations(r, "record")
        order = r.integer("order")
        if problem or reserved or not (r.ok and date and basis and title and summary and phase
                                       and citations):
            return None
        if (r.has("in_force") and in_force is None) or (r.has("order") and order is None):
            return None
        return Event(id=event_id, date=date, date_basis=basis, title=title, summary=summary,
                     phase=phase, citations=citations, in_force=in_force,
                     actors=tuple(a for a, _ in actors), topics=tuple(t for t, _ in topics),
                     record=record, order=order or 0, former_ids=former,
                     origin=f"{path}:{r.line}")

    def background(self, path: str, line: int, item: Any) -> Background | None:
        r = self.reader(path, line, item, "a background entry", BACKGROUND_FIELDS, BACKGROUND_FIELDS)
        id_ = r.identifier("id", "background entry")
        date = r.date("date", precisions=("day", "month", "year"))
        basis, title, summary = self.basis(r, "date_basis"), r.text("title"), r.text("summary")
        citations = self.citations(r, "citations", need_one=True)
        if not (r.ok and id_ and date and basis and title and summary and citations):
            return None
        return Background(id=id_, date=date, date_basis=basis, title=title, summary=summary,
                          citations=citations, origin=f"{path}:{r.line}")

    def term(self, path: str, line: int, item: Any) -> Term | None:
        r = self.reader(path, line, item, "a glossary term", TERM_FIELDS, ("id", "term", "definition"))
        id_, term, definition = r.identifier("id", "glossary term"), r.text("term"), \
            r.text("definition")
        aliases = r.texts("aliases")
        # Each name must be found in text as pages show it (render/site.py's Glossary).
        names = [("term", r.line_of("term"), term)] + [
            (f"aliases {n}", line, alias.strip()) for n, (line, alias)
            in enumerate(r.items("aliases") if aliases else [], start=1)]
        for label, line, name in names:
            problem = term_problem(name) if name else None
            if problem:
                r.report(line, f"{label}: {problem}")
                term = None
        if not (r.ok and id_ and term and definition and aliases is not None):
            return None
        return Term(id=id_, term=term, definition=definition, aliases=aliases,
                    origin=f"{path}:{r.line}")

    def track(self, path: str, line: int, item: Any) -> Track | None:
        r = self.reader(path, line, item, "a track", TRACK_FIELDS, ("id", "title"))
        id_, title = r.identifier("id"), r.text("title")
        measures, ok = [], True
        for number, (item_line, entry) in enumerate(r.items("measures"), start=1):
            f = FieldReader(self.problems, path, entry, what=f"measures {number}",
                            allowed=("title", "from", "until"), required=("title", "from"),
                            line=item_line)
            name, start, until = f.text("title"), f.identifier("from"), f.identifier("until")
            if not (f.ok and name and start) or (f.has("until") and until is None):
                ok = False
                continue
            measures.append(Measure(title=name, start=start, until=until,
                                    origin=f"{path}:{item_line}"))
        events = r.identifiers("events")
        if not (r.ok and id_ and title and ok):
            return None
        return Track(id=id_, title=title, measures=tuple(measures),
                     events=tuple(e for e, _ in events), origin=f"{path}:{r.line}",
                     event_origins=tuple(f"{path}:{line}" for _, line in events))

    def correction(self, path: str, line: int, item: Any) -> Correction | None:
        r = self.reader(path, line, item, "a correction", CORRECTION_FIELDS,
                        ("id", "title", "kind", "quotes", "correction", "evidence"))
        id_, kind, title = r.identifier("id", "correction"), r.text("kind"), r.text("title")
        if kind and kind not in CORRECTION_KINDS:
            r.report(r.line_of("kind"), f"kind: '{kind}' is not one of "
                     f"{', '.join(CORRECTION_KINDS)}")
            kind = None
        quotes = self.citations(r, "quotes", need_one=True)
        correction, evidence = r.text("correction"), r.text("evidence")
        shown_by = self.citations(r, "evidence_quotes", need_one=False)
        record = self.record_citations(r, "record")
        events = r.identifiers("events")
        if not (r.ok and id_ and title and kind and quotes and correction and evidence
                and shown_by is not None):
            return None
        return Correction(id=id_, title=title, kind=kind, quotes=quotes, correction=correction,
                          evidence=evidence, evidence_quotes=shown_by, record=record,
                          events=tuple(e for e, _ in events),
                          origin=f"{path}:{r.line}")


def load_chronology(data_dir: Path, cache: Cache | None = None) -> Chronology:
    """Load and check data/; raise one DataError with every problem of both stages."""
    raw, problems = load_records(data_dir, cache)
    try:
        chronology = validate(raw)
    except DataError as error:
        raise DataError(problems + error.problems) from None
    if problems:
        raise DataError(problems)
    return chronology


def validate(raw: RawData) -> Chronology:
    """Check everything; return the Chronology or raise DataError with every problem."""
    v = _Validator()
    phases = v.records(raw.phases, "phase", v.phase)
    sources = v.records(raw.sources, "source", v.source)
    actors = v.records(raw.actors, "actor", v.actor)
    topics = v.records(raw.topics, "topic", v.topic)
    corrections = v.records(raw.corrections, "correction", v.correction)
    background = v.records(raw.context, "background entry", v.background)
    tracks = v.records(raw.tracks, "track", v.track)
    glossary = v.records(raw.glossary, "glossary term", v.term)
    record_sources = v.records(raw.records, "record source", v.record_source)
    built = [(doc, v.event(doc)) for doc in raw.events]
    events = [event for _, event in built if event is not None]
    problems = v.problems
    if (raw.phases is not None and raw.sources is not None and not raw.event_ids
            and "events" not in raw.unreadable):
        problems.append(Problem("data/events", 1, "no events found; add data/events/<id>.yaml"))
    for records, what in ((phases, "phase"), (sources, "source"), (actors, "actor"),
                          (topics, "topic"), (corrections, "correction"),
                          (background, "background entry"), (tracks, "track"),
                          (glossary, "glossary term"), (record_sources, "record source")):
        problems += unique_ids(records, what)
    problems += check_former_ids(v.former_at, {
        "phase": declared_ids(raw.phases), "source": declared_ids(raw.sources),
        "actor": declared_ids(raw.actors), "topic": declared_ids(raw.topics),
        "event": raw.event_ids})
    problems += check_phases(phases)
    problems += unique_terms(glossary)
    # Ids of records that failed their own checks still count as known, and references to a
    # file that could not be read are not checked: each mistake is reported once, where it is.
    def ids(name: str, document: Document | None) -> AbstractSet[str]:
        return declared_ids(document, readable=name not in raw.unreadable)

    known = Known(phase=ids("phases", raw.phases), source=ids("sources", raw.sources),
                  actor=ids("actors", raw.actors), topic=ids("topics", raw.topics),
                  event=set(raw.event_ids),
                  phases=_first_by_id(phases), sources=_first_by_id(sources))
    for doc, event in built:
        if event is not None:
            problems += check_event(event, doc.value, known)
    for correction in corrections:
        problems += check_correction(correction, known)
    for entry in background:
        problems += check_background(entry, known)
    record_ids = None if "records" in raw.unreadable else _first_by_id(record_sources)
    if record_ids is not None:
        # Record sources that failed their own checks are known ids all the same.
        for id_ in declared_ids(raw.records):
            record_ids.setdefault(id_, RecordSource(id=id_, kind="press", outlet="", title="",
                                                    published=_ANY_DAY, language="und", url=""))
    for event in events:
        for where, citations in record_citations(event):
            problems += check_record_citations(where, citations, record_ids)
    for correction in corrections:
        problems += check_record_citations("record", correction.record, record_ids)
    for entry in background:
        problems += check_record_citations("date_basis: record", entry.date_basis.record,
                                           record_ids)
    events_by_id = {e.id: e for e in events}
    for track in tracks:
        problems += check_track(track, known, events_by_id)
    if problems:
        raise DataError(problems)
    return Chronology(phases=tuple(sorted(phases, key=lambda p: p.start)),
                      sources=tuple(sorted(sources, key=lambda s: (s.published.sort_key(), s.id))),
                      events=tuple(sorted(events, key=Event.sort_key)),
                      actors=tuple(sorted(actors, key=lambda a: a.id)),
                      topics=tuple(sorted(topics, key=lambda t: t.id)),
                      corrections=tuple(corrections),
                      background=tuple(sorted(background, key=lambda b: (b.date.sort_key(), b.id))),
                      tracks=tuple(tracks),
                      glossary=tuple(sorted(glossary, key=lambda t: t.term.lower())),
                      records=tuple(sorted(record_sources, key=lambda r: (r.published.sort_key(), r.id))))




def _first_by_id(records: list[T]) -> dict[str, T]:
    """Records by id; where an id is duplicated (already a problem), the first one counts."""
    by_id: dict[str, T] = {}
    for record in records:
        by_id.setdefault(record.id, record)  # type: ignore[attr-defined]
    return by_id
