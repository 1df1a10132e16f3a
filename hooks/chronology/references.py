"""Checks across records: unique ids, references between records, and dates that must agree.

Run after every record has been read on its own (validate.py). Each check
returns problems; none raises.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from .dates import PartialDate
from .errors import Problem
from .load import Document
from .model import (
    Background,
    Citation,
    Correction,
    DateBasis,
    Event,
    Phase,
    RecordCitation,
    RecordSource,
    Source,
    Term,
    Track,
)


@dataclass(frozen=True)
class Known:
    """Ids declared in the data (even by records with problems of their own) and built records."""

    phase: AbstractSet[str]
    source: AbstractSet[str]
    actor: AbstractSet[str]
    topic: AbstractSet[str]
    event: AbstractSet[str]
    phases: dict[str, Phase]
    sources: dict[str, Source]


def origin_problem(origin: str, message: str) -> Problem:
    path, _, line = origin.rpartition(":")
    return Problem(path, int(line), message)


def unique_ids(records: Iterable[Any], what: str) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for record in records:
        if record.id in seen:
            problems.append(origin_problem(
                record.origin, f"duplicate {what} id '{record.id}' (first at {seen[record.id]}); "
                "ids are permanent, choose a new one"))
        else:
            seen[record.id] = record.origin
    return problems


def unique_terms(terms: Iterable[Term]) -> list[Problem]:
    """A word may have one glossary definition: its term or alias names one entry only."""
    seen: dict[str, str] = {}
    problems = []
    for term in terms:
        for name in (term.term, *term.aliases):
            first = seen.setdefault(name.lower(), term.id)
            if first != term.id:
                problems.append(origin_problem(
                    term.origin, f"glossary term '{term.id}': '{name}' is already defined by "
                    f"'{first}'; keep one definition"))
    return problems


def _line_in_file(origin: str, raw: Any, key: str, index: int | None = None) -> int:
    line = int(origin.rpartition(":")[2])
    if isinstance(raw, dict):
        value = raw.get(key)
        if index is not None and isinstance(value, list) and hasattr(value, "line_of"):
            return int(value.line_of(index))
        return int(raw.line_of(key)) if hasattr(raw, "line_of") else line
    return line


class AnyId(frozenset[str]):
    """The ids of a file that could not be read: every reference to one passes, so that a broken
    file is reported once, not again at every record that refers to it."""

    def __contains__(self, item: object) -> bool:
        return True


def check_former_ids(former: dict[str, list[tuple[str, Problem]]],
                     current: dict[str, AbstractSet[str]]) -> list[Problem]:
    """A former id redirects to its record's page: it may not be an id in use, nor the former
    id of two records of the same kind."""
    problems = []
    for kind, written in former.items():
        seen: dict[str, Problem] = {}
        for id_, at in written:
            if id_ in current[kind] and not isinstance(current[kind], AnyId):
                a = "an" if kind[0] in "aeiou" else "a"
                problems.append(Problem(at.path, at.line, f"former_ids: '{id_}' is the id of {a} "
                                        f"{kind} in use; its URL cannot redirect elsewhere: "
                                        "remove it here, or rename that record"))
            elif id_ in seen:
                first = seen[id_]
                problems.append(Problem(at.path, at.line, f"former_ids: '{id_}' is already a "
                                        f"former id of another {kind} ({first.path}:{first.line});"
                                        " an old URL can lead to one page only"))
            else:
                seen[id_] = at
    return problems


def declared_ids(document: Document | None, readable: bool = True) -> AbstractSet[str]:
    if not readable or (document is not None and not isinstance(document.value, list)):
        return AnyId()
    if document is None:
        return set()
    return {item["id"] for item in document.value
            if isinstance(item, dict) and isinstance(item.get("id"), str)}


def check_phases(phases: list[Phase]) -> list[Problem]:
    problems = []
    ordered = sorted(phases, key=lambda p: p.start)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.start <= before.end:
            problems.append(origin_problem(
                after.origin, f"phase '{after.id}' starts {after.start} but phase '{before.id}' "
                f"runs until {before.end}; phases must not overlap"))
    return problems


def _date_in_phase(date: PartialDate, phase: Phase) -> bool:
    if date.precision == "day":
        return phase.start <= date.first_day <= phase.end
    return phase.start <= date.last_day and date.first_day <= phase.end


def check_event(event: Event, raw: Any, known: Known) -> list[Problem]:
    problems: list[Problem] = []

    def add(key: str, message: str, index: int | None = None) -> None:
        line = _line_in_file(event.origin, raw, key, index)
        problems.append(Problem(event.origin.rpartition(":")[0], line, message))

    phase = known.phases.get(event.phase)
    if event.phase not in known.phase:
        add("phase", f"phase: unknown phase '{event.phase}'; known phases: "
            f"{', '.join(sorted(known.phase))}")
    elif phase is not None and not _date_in_phase(event.date, phase):
        add("date", f"date: {event.date} is outside phase '{phase.id}' "
            f"({phase.start} to {phase.end}); fix the date or the phase")
    for number, citation in enumerate(event.citations, start=1):
        if citation.source not in known.source:
            add("citations", f"citation {number}: unknown source '{citation.source}'; "
                "add it to data/sources.yaml or fix the id", number - 1)
    problems += _check_event_dates(event, known, add)
    seen: dict[tuple[str, str], int] = {}
    for number, citation in enumerate(event.citations, start=1):
        pair = (citation.source, citation.quote)
        if pair in seen:
            add("citations", f"citation {number} repeats citation {seen[pair]}; remove one",
                number - 1)
        seen.setdefault(pair, number)
    bases = [("date_basis", event.date_basis)]
    if event.in_force:
        bases.append(("in_force", event.in_force.basis))
    for key, basis in bases:
        if basis.source and basis.source not in known.source:
            add(key, f"{key}: unknown source '{basis.source}'")
    for key, ids, declared in (("actors", event.actors, known.actor),
                               ("topics", event.topics, known.topic)):
        what = key[:-1]
        for number, ref in enumerate(ids, start=1):
            if ref not in declared:
                add(key, f"{key} {number}: unknown {what} '{ref}'; add it to data/{key}.yaml",
                    number - 1)
    return problems


def _unknown_sources(citations: tuple[Citation, ...], known: Known, what: str) -> list[Problem]:
    return [origin_problem(c.origin, f"{what} {number}: unknown source '{c.source}'")
            for number, c in enumerate(citations, start=1) if c.source not in known.source]


def check_correction(correction: Correction, known: Known) -> list[Problem]:
    problems = _unknown_sources(correction.quotes, known, "quotes")
    problems += _unknown_sources(correction.evidence_quotes, known, "evidence_quotes")
    for ref in correction.events:
        if ref not in known.event:
            problems.append(origin_problem(
                correction.origin, f"correction '{correction.id}': unknown event '{ref}'"))
    return problems


def check_background(entry: Background, known: Known) -> list[Problem]:
    problems = _unknown_sources(entry.citations, known, "citation")
    basis = entry.date_basis
    if basis.source and basis.source not in known.source:
        problems.append(origin_problem(basis.origin, f"date_basis: unknown source '{basis.source}'"))
    return problems


def _check_event_dates(event: Event, known: Known, add: Any) -> list[Problem]:
    """Dates that must agree: taking effect after the decision; reported after happening."""
    # Before only if every day it may stand for is before every day the event may stand for:
    # "2019-08" may well be on or after 2 August 2019.
    if event.in_force and event.in_force.date.last_day < event.date.first_day:
        add("in_force", f"in_force: {event.in_force.date} is before the event's date "
            f"{event.date}; a measure takes effect on or after the day it is decided")
    if event.in_force and event.in_force.date == event.date:
        add("in_force", "in_force: same date as the event; leave 'in_force' out")
    for number, citation in enumerate(event.citations, start=1):
        source = known.sources.get(citation.source)
        if source and _after(event.date, source.published):
            add("citations", f"citation {number}: {source.id} was published {source.published}, "
                f"before the event's date {event.date}; check the date", number - 1)
    basis = event.date_basis
    source = known.sources.get(basis.source or "")
    if basis.kind == "derived" and source and _after(event.date, source.published):
        add("date", f"date: {event.date} is after {source.id} was published ({source.published}), "
            "so the article cannot report it as past; check the working in date_basis")
    return []


def _after(date: PartialDate, published: PartialDate) -> bool:
    return date.first_day > published.last_day


def measure_dates(event: Event) -> PartialDate:
    """The day an event's measure took effect: its in_force date, or else its date."""
    return event.in_force.date if event.in_force else event.date


def check_track(track: Track, known: Known, events: dict[str, Event]) -> list[Problem]:
    problems = []
    # Each problem points at the item it is about: the measure, or the line of the event id.
    refs = [("events", e, where) for e, where in zip(track.events, track.event_origins, strict=True)]
    for measure in track.measures:
        refs += [("measure", measure.start, measure.origin)]
        refs += [("measure", measure.until, measure.origin)] if measure.until else []
    for what, ref, where in refs:
        if ref not in known.event:
            problems.append(origin_problem(where, f"track '{track.id}': {what} names "
                                           f"unknown event '{ref}'"))
    for measure in track.measures:
        start, until = events.get(measure.start), events.get(measure.until or "")
        if start and until and measure_dates(until).sort_key() <= measure_dates(start).sort_key():
            problems.append(origin_problem(measure.origin, f"track '{track.id}': "
                                           f"measure '{measure.title}' ends before it starts"))
    return problems


def record_citations(event: Event) -> list[tuple[str, tuple[RecordCitation, ...]]]:
    """Where an event cites the record, with the field's name for messages."""
    found = [("date_basis: record", event.date_basis.record), ("record", event.record)]
    if event.in_force:
        found.append(("in_force: basis: record", event.in_force.basis.record))
    return found


def check_record_citations(where: str, citations: tuple[RecordCitation, ...],
                           records: dict[str, RecordSource] | None) -> list[Problem]:
    """Each citation names a known record source, and a quote that is not in English comes with
    our translation. `records` is None when records.yaml could not be read (reported there)."""
    problems = []
    for number, citation in enumerate(citations, start=1):
        source = records.get(citation.source) if records is not None else None
        if records is None:
            continue
        if source is None:
            close = difflib.get_close_matches(citation.source, list(records), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else (
                "; add it to data/records.yaml or fix the id")
            problems.append(origin_problem(citation.origin, f"{where} {number}: unknown record "
                                           f"source '{citation.source}'{hint}"))
        elif citation.quote and not source.language.startswith("en") and not citation.translation:
            problems.append(origin_problem(citation.origin, f"{where} {number}: the quote is in "
                                           f"'{source.language}': add 'translation', our English "
                                           "translation of it (shown as ours)"))
        elif citation.translation and source.language.startswith("en"):
            problems.append(origin_problem(citation.origin, f"{where} {number}: "
                                           f"'{source.id}' is in English: remove 'translation'"))
    return problems


def check_record_basis(where: str, basis: DateBasis) -> list[Problem]:
    """A date from the public record cites it, or says what could not be found."""
    if basis.kind == "record" and not basis.record and not basis.not_found:
        return [origin_problem(basis.origin, f"{where}: a 'record' date cites the record: add "
                               "'record' (a list of {source, quote}) naming data/records.yaml "
                               "entries, or 'not_found' saying what was looked for")]
    if basis.record and basis.not_found:
        return [origin_problem(basis.origin, f"{where}: 'not_found' says the record was not "
                               "found, but 'record' cites it: keep one")]
    return []
