"""Check: every rule the data must keep, each a small generator of problems (python/peps'
check-peps style), run over everything that could be read (read.py) — so one run reports a
record's field problems and its reference problems together.

A rule looks only at fields that read: a missing or wrong field has been reported where it is,
and nothing that depends on it is reported again. No MkDocs, no I/O.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from .dates import PartialDate
from .errors import Location, Problem
from .hostile import term_problem
from .load import Document
from .model import BASIS_KINDS, RECORD_KINDS
from .read import Draft
from .specs import ACTOR_KINDS, CORRECTION_KINDS

MAX_TITLE = 140
LANGUAGE_PATTERN = r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"


class AnyId(frozenset[str]):
    """The ids of a file that could not be read: every reference to one passes, so that a broken
    file is reported once, not again at every record that refers to it."""

    def __contains__(self, item: object) -> bool:
        return True


def declared_ids(document: Document | None, readable: bool = True) -> AbstractSet[str]:
    """The ids a list file declares, including those of records with problems of their own: a
    reference to one is not reported again as unknown."""
    if not readable or (document is not None and not isinstance(document.value, list)):
        return AnyId()
    if document is None:
        return set()
    return {item["id"] for item in document.value
            if isinstance(item, dict) and isinstance(item.get("id"), str)}


@dataclass
class Known:
    """What the records may refer to: declared ids by kind, and the records that read."""

    ids: dict[str, AbstractSet[str]]  # "phase", "source", "actor", "topic", "event", "record"
    phases: dict[str, Draft] = field(default_factory=dict)
    sources: dict[str, Draft] = field(default_factory=dict)
    records: dict[str, Draft] = field(default_factory=dict)
    events: dict[str, Draft] = field(default_factory=dict)


def at(location: Location, message: str) -> Problem:
    return Problem(location.path, location.line, message)


def _unknown(kind: str, value: str, known: AbstractSet[str], fix: str) -> str:
    close = ([] if isinstance(known, AnyId)
             else difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.75))
    return f"unknown {kind} '{value}'; " + (f"did you mean '{close[0]}'?" if close else fix)


# --- one record ---------------------------------------------------------------------------

def check_phase_dates(phase: Draft) -> Iterator[Problem]:
    start, end = phase.get("start"), phase.get("end")
    if start and end and end.first_day < start.first_day:
        yield at(phase.loc("end"), f"end: {end} is before start {start}")


def check_kind(allowed: tuple[str, ...], explain: str = "") -> Callable[[Draft], Iterator[Problem]]:
    def rule(record: Draft) -> Iterator[Problem]:
        kind = record.get("kind")
        if kind and kind not in allowed:
            yield at(record.loc("kind"), f"kind: '{kind}' is not one of {', '.join(allowed)}{explain}")
    return rule


def check_language(record: Draft) -> Iterator[Problem]:
    import re

    language = record.get("language")
    if language and not re.fullmatch(LANGUAGE_PATTERN, language):
        yield at(record.loc("language"), f"language: '{language}' is not a language code; "
                 "write en, ko, ja (BCP 47)")


def check_title_length(event: Draft) -> Iterator[Problem]:
    title = event.get("title")
    if title and len(title) > MAX_TITLE:
        yield at(event.loc("title"), f"title: {len(title)} characters; keep a title under "
                 f"{MAX_TITLE} (one line) and put the rest in 'summary'")


def check_citations_given(record: Draft, name: str) -> Iterator[Problem]:
    if record.given(name) and record.get(name) == ():
        yield at(record.loc(name), f"{name}: needs at least one {{source, quote}}")


def check_basis(basis: Draft) -> Iterator[Problem]:
    """What a date basis needs, by kind; the first thing missing is reported."""
    name, kind = basis.what, basis.get("kind")
    if kind is None:
        return
    if kind not in BASIS_KINDS:
        yield at(basis.loc("kind"), f"{name}: kind '{kind}' is not one of {', '.join(BASIS_KINDS)}")
        return
    given = {key: basis.given(key) for key in ("source", "phrase", "note")}
    cited = bool(basis.get("record") or basis.get("not_found"))
    if kind in {"stated", "derived"} and not (given["source"] and given["phrase"]):
        yield at(basis.at, f"{name}: a '{kind}' date needs 'source' and 'phrase' (the words in "
                 "the source that give the date)")
    elif kind == "record" and given["source"] != given["phrase"]:
        yield at(basis.at, f"{name}: give both 'source' and 'phrase' (the article's own words "
                 "for the date), or neither")
    elif (kind == "derived" or (kind == "record" and not cited)) and not given["note"]:
        yield at(basis.at, f"{name}: a '{kind}' date needs a 'note' saying how it was worked out")


def check_translation(citation: Draft) -> Iterator[Problem]:
    if citation.get("translation") and not citation.given("quote"):
        yield at(citation.loc("translation"), f"{citation.what}: a translation needs the quote it "
                 "translates ('quote', in the source's own language)")


def check_glossary_names(term: Draft) -> Iterator[Problem]:
    """Each name must be found in text as pages show it (render/site.py's Glossary)."""
    names = [("term", term.loc("term"), term.get("term"))]
    names += [(f"aliases {n}", where, alias)
              for n, (alias, where) in enumerate(term.get("aliases") or (), start=1)]
    for label, where, name in names:
        problem = term_problem(name) if name else None
        if problem:
            yield at(where, f"{label}: {problem}")


# --- across records -----------------------------------------------------------------------

def check_unique_ids(records: Iterable[Draft], what: str) -> Iterator[Problem]:
    seen: dict[str, Location] = {}
    for record in records:
        id_ = record.get("id")
        if id_ is None:
            continue
        if id_ in seen:
            yield at(record.at, f"duplicate {what} id '{id_}' (first at {seen[id_]}); ids are "
                     "permanent, choose a new one")
        else:
            seen[id_] = record.at


def check_former_ids(owners: Iterable[tuple[str, Draft]],
                     current: dict[str, AbstractSet[str]]) -> Iterator[Problem]:
    """A former id redirects to its record's page: it may not be an id in use, nor the former
    id of two records of the same kind."""
    seen: dict[tuple[str, str], Location] = {}
    for kind, record in owners:
        for id_, where in record.get("former_ids") or ():
            if id_ in current[kind] and not isinstance(current[kind], AnyId):
                a = "an" if kind[0] in "aeiou" else "a"
                yield at(where, f"former_ids: '{id_}' is the id of {a} {kind} in use; its URL "
                         "cannot redirect elsewhere: remove it here, or rename that record")
            elif (kind, id_) in seen:
                yield at(where, f"former_ids: '{id_}' is already a former id of another {kind} "
                         f"({seen[kind, id_]}); an old URL can lead to one page only")
            else:
                seen[kind, id_] = where


def check_phase_overlap(phases: Iterable[Draft]) -> Iterator[Problem]:
    ordered = sorted((p for p in phases if p.get("start") and p.get("end") and p.get("id")),
                     key=lambda p: p["start"].first_day)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after["start"].first_day <= before["end"].first_day:
            yield at(after.at, f"phase '{after['id']}' starts {after['start']} but phase "
                     f"'{before['id']}' runs until {before['end']}; phases must not overlap")


def check_unique_terms(terms: Iterable[Draft]) -> Iterator[Problem]:
    """A word may have one glossary definition: its term or alias names one entry only."""
    seen: dict[str, str] = {}
    for term in terms:
        if not (term.get("id") and term.get("term")):
            continue
        for name in (term["term"], *(alias for alias, _ in term.get("aliases") or ())):
            first = seen.setdefault(name.lower(), term["id"])
            if first != term["id"]:
                yield at(term.at, f"glossary term '{term['id']}': '{name}' is already defined by "
                         f"'{first}'; keep one definition")


def _in_phase(date: PartialDate, phase: Draft) -> bool:
    start, end = phase["start"].first_day, phase["end"].first_day
    if date.precision == "day":
        return bool(start <= date.first_day <= end)
    return bool(start <= date.last_day and date.first_day <= end)


def _after(date: PartialDate, published: PartialDate) -> bool:
    return date.first_day > published.last_day


def check_event_phase(event: Draft, known: Known) -> Iterator[Problem]:
    phase_id, date = event.get("phase"), event.get("date")
    if phase_id is None:
        return
    if phase_id not in known.ids["phase"]:
        yield at(event.loc("phase"), f"phase: unknown phase '{phase_id}'; known phases: "
                 f"{', '.join(sorted(known.ids['phase']))}")
        return
    phase = known.phases.get(phase_id)
    if (date and phase is not None and phase.get("start") and phase.get("end")
            and not _in_phase(date, phase)):
        yield at(event.loc("date"), f"date: {date} is outside phase '{phase_id}' "
                 f"({phase['start']} to {phase['end']}); fix the date or the phase")


def check_event_citations(event: Draft, known: Known) -> Iterator[Problem]:
    seen: dict[tuple[str, str], int] = {}
    for number, citation in enumerate(event.get("citations") or (), start=1):
        source_id = citation.get("source")
        if source_id is None:
            continue
        if source_id not in known.ids["source"]:
            yield at(citation.at, f"citation {number}: " + _unknown(
                "source", source_id, known.ids["source"], "add it to data/sources.yaml or fix the id"))
        source, date = known.sources.get(source_id), event.get("date")
        if source and source.get("published") and date and _after(date, source["published"]):
            yield at(citation.at, f"citation {number}: {source_id} was published "
                     f"{source['published']}, before the event's date {date}; check the date")
        pair = (source_id, citation.get("quote"))
        if pair in seen:
            yield at(citation.at, f"citation {number} repeats citation {seen[pair]}; remove one")
        seen.setdefault(pair, number)


def check_event_dates(event: Draft, known: Known) -> Iterator[Problem]:
    """Dates that must agree: taking effect after the decision; reported after happening."""
    date, in_force = event.get("date"), event.get("in_force")
    effect = in_force.get("date") if in_force else None
    # Before only if every day it may stand for is before every day the event may stand for:
    # "2019-08" may well be on or after 2 August 2019.
    if date and effect and effect.last_day < date.first_day:
        yield at(event.loc("in_force"), f"in_force: {effect} is before the event's date {date}; "
                 "a measure takes effect on or after the day it is decided")
    if date and effect and effect == date:
        yield at(event.loc("in_force"), "in_force: same date as the event; leave 'in_force' out")
    basis = event.get("date_basis")
    source = known.sources.get(basis.get("source") or "") if basis else None
    if (basis and basis.get("kind") == "derived" and source and source.get("published") and date
            and _after(date, source["published"])):
        yield at(event.loc("date"), f"date: {date} is after {source['id']} was published "
                 f"({source['published']}), so the article cannot report it as past; check the "
                 "working in date_basis")


def check_event_basis_sources(event: Draft, known: Known) -> Iterator[Problem]:
    in_force = event.get("in_force")
    bases = [("date_basis", event.get("date_basis"))]
    bases += [("in_force", in_force.get("basis"))] if in_force else []
    for name, basis in bases:
        source_id = basis.get("source") if basis else None
        if source_id and source_id not in known.ids["source"]:
            yield at(event.loc(name), f"{name}: unknown source '{source_id}'")


def check_event_links(event: Draft, known: Known) -> Iterator[Problem]:
    for name, kind in (("actors", "actor"), ("topics", "topic")):
        for number, (ref, where) in enumerate(event.get(name) or (), start=1):
            if ref not in known.ids[kind]:
                yield at(where, f"{name} {number}: " + _unknown(kind, ref, known.ids[kind],
                                                                f"add it to data/{name}.yaml"))


def check_quoted_sources(record: Draft, name: str, label: str, known: Known) -> Iterator[Problem]:
    """Citations of corrections and background entries: reported at the quote's line."""
    for number, citation in enumerate(record.get(name) or (), start=1):
        source_id = citation.get("source")
        if source_id and source_id not in known.ids["source"]:
            yield at(citation.loc("quote"), f"{label} {number}: unknown source '{source_id}'")


def check_correction_events(correction: Draft, known: Known) -> Iterator[Problem]:
    for ref, _ in correction.get("events") or ():
        if ref not in known.ids["event"]:
            yield at(correction.at, f"correction '{correction.get('id')}': unknown event '{ref}'")


def check_background_basis(entry: Draft, known: Known) -> Iterator[Problem]:
    basis = entry.get("date_basis")
    source_id = basis.get("source") if basis else None
    if source_id and source_id not in known.ids["source"]:
        yield at(basis.loc("phrase"), f"date_basis: unknown source '{source_id}'")


def check_record_citations(citations: Iterable[Draft], label: str,
                           known: Known) -> Iterator[Problem]:
    """Each names a known record source, and a quote not in English comes with our translation."""
    if isinstance(known.ids["record"], AnyId):
        return
    for number, citation in enumerate(citations, start=1):
        source_id = citation.get("source")
        if source_id is None:
            continue
        source = known.records.get(source_id)
        language = source.get("language", "") if source else ""
        if source_id not in known.ids["record"]:
            yield at(citation.at, f"{label} {number}: " + _unknown(
                "record source", source_id, known.ids["record"],
                "add it to data/records.yaml or fix the id"))
        elif citation.get("quote") and language and not language.startswith("en") \
                and not citation.get("translation"):
            yield at(citation.at, f"{label} {number}: the quote is in '{language}': add "
                     "'translation', our English translation of it (shown as ours)")
        elif citation.get("translation") and language.startswith("en"):
            yield at(citation.at, f"{label} {number}: '{source_id}' is in English: remove "
                     "'translation'")


def measure_day(event: Draft) -> PartialDate | None:
    """The day an event's measure took effect: its in_force date, or else its date."""
    in_force = event.get("in_force")
    day: PartialDate | None = (in_force.get("date") if in_force else None) or event.get("date")
    return day


def check_track(track: Draft, known: Known) -> Iterator[Problem]:
    # Each problem points at the item it is about: the measure, or the line of the event id.
    name = track.get("id")
    refs: list[tuple[str, str, Location]] = [("events", e, where)
                                             for e, where in track.get("events") or ()]
    for measure in track.get("measures") or ():
        refs += [("measure", measure[key], measure.at) for key in ("from", "until")
                 if measure.get(key)]
    for what, ref, where in refs:
        if ref not in known.ids["event"]:
            yield at(where, f"track '{name}': {what} names unknown event '{ref}'")
    for measure in track.get("measures") or ():
        start = known.events.get(measure.get("from") or "")
        until = known.events.get(measure.get("until") or "")
        first, last = (measure_day(start) if start else None), (measure_day(until) if until else None)
        if first and last and last.sort_key() <= first.sort_key():
            yield at(measure.at, f"track '{name}': measure '{measure.get('title')}' ends before "
                     "it starts")


def rules_for(kind: str) -> tuple[Callable[[Draft], Iterator[Problem]], ...]:
    """The rules about one record of a kind, on its own."""
    return {
        "phase": (check_phase_dates,),
        "actor": (check_kind(ACTOR_KINDS),),
        "correction": (check_kind(CORRECTION_KINDS), lambda r: check_citations_given(r, "quotes")),
        "record source": (check_kind(RECORD_KINDS, " (an official document, or a wire or press "
                                                   "report)"), check_language),
        "event": (check_title_length, lambda r: check_citations_given(r, "citations")),
        "background entry": (lambda r: check_citations_given(r, "citations"),),
        "glossary term": (check_glossary_names,),
    }.get(kind, ())


def nested_rules(draft: Draft) -> Iterator[Problem]:
    """Rules about the records nested in any record: date bases, record citations."""
    from .read import walk

    for record in walk(draft):
        if record.what in {"date_basis", "basis"}:
            yield from check_basis(record)
        if record.given("translation"):
            yield from check_translation(record)


Rule = Callable[[Any, Known], Iterator[Problem]]
