"""Checks across records: unique ids, references between records, and dates that must agree —
each a small generator of problems over everything that read (read.py), like rules.py's
checks of one record. No MkDocs, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from .dates import PartialDate
from .errors import Location, Problem
from .read import Draft
from .rules import AnyId, Known, at, unknown_id


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
    if known.lacks("phases", phase_id, event.loc("phase")):
        yield at(event.loc("phase"), f"phase: unknown phase '{phase_id}'; known phases: "
                 f"{', '.join(sorted(known.ids['phases']))}")
        return
    phase = known.phases.get(phase_id)
    if (date and phase is not None and phase.get("start") and phase.get("end")
            and not _in_phase(date, phase)):
        yield at(event.loc("date"), f"date: {date} is outside phase '{phase_id}' "
                 f"({phase['start']} to {phase['end']}); fix the date or the phase")


def check_event_citations(event: Draft, known: Known) -> Iterator[Problem]:
    for number, citation in enumerate(event.get("citations") or (), start=1):
        source_id = citation.get("source")
        if source_id is None:
            continue
        if known.lacks("sources", source_id, citation.at):
            yield at(citation.at, f"citation {number}: " + unknown_id(
                "source", source_id, known.ids["sources"], "add it to data/sources.yaml or fix the id"))
        source, date = known.sources.get(source_id), event.get("date")
        if source and source.get("published") and date and _after(date, source["published"]):
            yield at(citation.at, f"citation {number}: {source_id} was published "
                     f"{source['published']}, before the event's date {date}; check the date")


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
        if source_id and known.lacks("sources", source_id, basis.loc("source")):
            yield at(event.loc(name), f"{name}: unknown source '{source_id}'")


def check_event_links(event: Draft, known: Known) -> Iterator[Problem]:
    for name, kind in (("actors", "actor"), ("topics", "topic")):
        for number, (ref, where) in enumerate(event.get(name) or (), start=1):
            if known.lacks(name, ref, where):
                yield at(where, f"{name} {number}: " + unknown_id(kind, ref, known.ids[name],
                                                                f"add it to data/{name}.yaml"))


def check_quoted_sources(record: Draft, name: str, label: str, known: Known) -> Iterator[Problem]:
    """Citations of corrections and background entries: reported at the quote's line."""
    for number, citation in enumerate(record.get(name) or (), start=1):
        source_id = citation.get("source")
        if source_id and known.lacks("sources", source_id, citation.loc("quote")):
            yield at(citation.loc("quote"), f"{label} {number}: unknown source '{source_id}'")


def check_correction_events(correction: Draft, known: Known) -> Iterator[Problem]:
    for ref, where in correction.get("events") or ():
        if known.lacks("events", ref, where):
            yield at(correction.at, f"correction '{correction.get('id')}': unknown event '{ref}'")


def check_change_events(change: Draft, known: Known) -> Iterator[Problem]:
    """A change names events by their present ids (a renamed event's former id redirects, but
    the change's link should not)."""
    for ref, where in change.get("events") or ():
        if known.lacks("events", ref, where):
            found = unknown_id("event", ref, known.ids["events"],
                               "give the id of an event in data/events/")
            yield at(where, f"change '{change.get('id')}': {found}")


def check_background_basis(entry: Draft, known: Known) -> Iterator[Problem]:
    basis = entry.get("date_basis")
    source_id = basis.get("source") if basis else None
    if source_id and known.lacks("sources", source_id, basis.loc("source")):
        yield at(basis.loc("phrase"), f"date_basis: unknown source '{source_id}'")


def check_record_citations(citations: Iterable[Draft], label: str,
                           known: Known, numbered: bool = True) -> Iterator[Problem]:
    """Each names a known record source, and a quote not in English comes with our translation.
    `numbered`: the citations are a list, each named by its number ("record 2"); else one."""
    for number, citation in enumerate(citations, start=1):
        source_id = citation.get("source")
        if source_id is None:
            continue
        name = f"{label} {number}" if numbered else label
        source = known.records.get(source_id)
        language = source.get("language", "") if source else ""
        if known.lacks("records", source_id, citation.at):
            yield at(citation.at, f"{name}: " + unknown_id(
                "record source", source_id, known.ids["records"],
                "add it to data/records.yaml or fix the id"))
        elif citation.get("quote") and language and not language.startswith("en") \
                and not citation.get("translation"):
            yield at(citation.at, f"{name}: the quote is in '{language}': add "
                     "'translation', our English translation of it (shown as ours)")
        elif citation.get("translation") and language.startswith("en"):
            yield at(citation.at, f"{name}: '{source_id}' is in English: remove "
                     "'translation'")


def check_figure_references(figure: Draft, known: Known) -> Iterator[Problem]:
    """A figure cites a known record source (its quote held to the rules of every record
    quote), follows known events, names known figures it differs from, and covers a period
    that began before the record reporting it was published."""
    record = figure.get("record")
    if record is not None:
        yield from check_record_citations((record,), "record", known, numbered=False)
        source_id = record.get("source") or ""
        source = known.records.get(source_id)
        period, published = figure.get("period"), source.get("published") if source else None
        if period and published and period.first_day > published.last_day:
            yield at(figure.loc("period"), f"period: {period} begins after '{source_id}' was "
                     f"published ({published}); check the period or the record")
    for name, file, kind, fix in (("events", "events", "event", "add it to data/events/"),
                                  ("differs_from", "figures", "figure",
                                   "add it to data/figures.yaml")):
        for number, (ref, where) in enumerate(figure.get(name) or (), start=1):
            if ref == figure.get("id"):
                yield at(where, f"{name} {number}: '{ref}' is this figure itself")
            elif known.lacks(file, ref, where):
                yield at(where, f"{name} {number}: " + unknown_id(kind, ref, known.ids[file], fix))


def check_figure_series(figures: Iterable[Draft]) -> Iterator[Problem]:
    """The figures of a series are one measure over time, drawn as bars: the same unit and the
    same words for what they measure, one figure per period, none negative, and at least two."""
    series: dict[str, list[Draft]] = {}
    for figure in figures:
        if figure.get("series"):
            series.setdefault(figure["series"], []).append(figure)
    for name, members in series.items():
        first = members[0]
        if len(members) == 1:
            yield at(first.loc("series"), f"series: '{name}' has one figure; a series draws one "
                     "measure over time: give another figure the same series, or remove it")
        periods: dict[object, Draft] = {}
        for figure in members:
            for field_ in ("unit", "measures"):
                if figure is not first and figure.get(field_) and first.get(field_) \
                        and figure[field_] != first[field_]:
                    yield at(figure.loc(field_), f"{field_}: differs from figure "
                             f"'{first.get('id')}' (line {first.loc(field_).line}) of the same "
                             f"series '{name}'; a series is one measure in one unit")
            period = figure.get("period")
            if period is not None and period in periods:
                yield at(figure.loc("period"), f"period: {period} is already in series '{name}' "
                         f"(figure '{periods[period].get('id')}'); a figure that differs goes "
                         "outside the series, with 'differs_from'")
            elif period is not None:
                periods[period] = figure
            value = figure.get("value")
            if value is not None and value < 0:
                yield at(figure.loc("value"), f"value: a series is drawn as bars, and {value} is "
                         "negative; leave a change out of the series")


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
        if known.lacks("events", ref, where):
            yield at(where, f"track '{name}': {what} names unknown event '{ref}'")
    for measure in track.get("measures") or ():
        start = known.events.get(measure.get("from") or "")
        until = known.events.get(measure.get("until") or "")
        first, last = (measure_day(start) if start else None), (measure_day(until) if until else None)
        if first and last and last.sort_key() <= first.sort_key():
            yield at(measure.at, f"track '{name}': measure '{measure.get('title')}' ends before "
                     "it starts")


