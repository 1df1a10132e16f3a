"""Validate: read, then check; a Chronology, or one DataError listing every problem.

1. read.py reads every record against its declared fields (model.py): whatever reads is kept,
   with where each field is; every field that is missing or wrong is reported at its line.
2. rules.py checks everything that read — each record on its own, then across records
   (unique ids, references, dates that must agree) — so a record with a field problem still has
   its references checked, and one run reports every problem.
3. Only data with no problem at all becomes the model (model.py).

Never stops at the first problem; never drops a record silently. No MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import references, rules, said
from .errors import DataError, Problem
from .load import Cache, Document, RawData, file_reader, load_records
from .model import KINDS, Chronology, list_kinds
from .read import Draft, event_id, read, read_list
from .translations.check import check_language, read_language
from .translations.editions import build_edition
from .translations.load import LanguageFiles, load_translations
from .unchecked import check_unchecked


def load_chronology(data_dir: Path, cache: Cache | None = None) -> Chronology:
    """Load data/ and its translations (data/i18n/), and check them; raise one DataError with
    every problem of both stages."""
    raw, problems = load_records(data_dir, cache)
    if data_dir.is_symlink():  # reported by load_records; nothing behind the link is read
        return validate(raw, problems)
    languages = load_translations(data_dir / "i18n", data_dir.parent,
                                  file_reader(data_dir.parent, cache), problems)
    return validate(raw, problems, languages)


def validate(raw: RawData, found: Iterable[Problem] = (),
             translations: Sequence[LanguageFiles] = ()) -> Chronology:
    """Check everything; return the Chronology or raise DataError with every problem, those
    `found` while loading included (a value reported there reads as nothing here).
    `translations`: the language folders of data/i18n/ (translations/load.py)."""
    problems: list[Problem] = list(found)
    lists = {name: read_list(kind, getattr(raw, name), kind.noun, problems)
             for name, kind in list_kinds().items()}
    events: list[tuple[str | None, Draft]] = [
        (event_id(document, problems), read(KINDS["events"], document.value, document.path,
                                            document.line, problems))
        for document in raw.events]
    languages = [read_language(files, problems) for files in translations]
    known = _known(raw, lists, events)
    problems += check(raw, lists, events, known)
    for language in languages:
        problems += check_language(language, known)
    problems += list(check_unchecked(known, problems))
    if problems:
        raise DataError(problems)
    chronology = build(lists, events)
    if not languages:
        return chronology
    return replace(chronology, translations={
        language.lang: build_edition(language, chronology) for language in languages})


def _known(raw: RawData, lists: dict[str, list[Draft]],
           events: list[tuple[str | None, Draft]]) -> rules.Known:
    """What references may name. Ids declared even by records with problems of their own count
    as known, and references to a file that is missing or could not be read are counted, not
    checked (unchecked.py): each mistake is reported once, its cause first."""
    ids: dict[str, Any] = {
        name: declared_ids(getattr(raw, name), readable=name not in raw.unreadable)
        for name in list_kinds()}
    # No event at all: the folder is missing, empty or unreadable, which is reported as such.
    ids["events"] = set(raw.event_ids) if raw.event_ids else rules.AnyId()
    # A track's measures, by the event each starts with: "<track>/<event id>".
    ids["measures"] = ids["tracks"] if isinstance(ids["tracks"], rules.AnyId) else {
        f"{track.get('id')}/{measure.get('from')}" for track in lists["tracks"]
        for measure in track.get("measures") or ()}
    return rules.Known(ids=ids, phases=_by_id(lists["phases"]), sources=_by_id(lists["sources"]),
                       records=_by_id(lists["records"]),
                       events={id_: draft for id_, draft in events if id_ is not None},
                       lists={name: _by_id(items) for name, items in lists.items()})


def declared_ids(document: Document | None, readable: bool = True) -> AbstractSet[str]:
    """The ids a list file declares, including those of records with problems of their own: a
    reference to one is not reported again as unknown. None at all (AnyId) if the file is
    missing or cannot be read. (From the file as loaded: a record whose other fields do not
    read still declares its id.)"""
    if not readable or document is None or not isinstance(document.value, list):
        return rules.AnyId()
    return {item["id"] for item in document.value
            if isinstance(item, dict) and isinstance(item.get("id"), str)}


def check(raw: RawData, lists: dict[str, list[Draft]],
          events: list[tuple[str | None, Draft]], known: rules.Known) -> Iterator[Problem]:
    """Every rule of rules.py, over everything that read."""
    if (raw.phases is not None and raw.sources is not None and not raw.event_ids
            and "events" not in raw.unreadable):
        yield Problem("data/events", 1, "no events found; add data/events/<id>.yaml")
    for name, kind in list_kinds().items():
        yield from references.check_unique_ids(lists[name], kind.noun)
        for record in lists[name]:
            for rule in rules.rules_for(kind):
                yield from rule(record)
    event_drafts = [draft for _, draft in events]
    for draft in event_drafts:
        for rule in rules.rules_for(KINDS["events"]):
            yield from rule(draft)
    for draft in [*event_drafts, *(d for drafts in lists.values() for d in drafts)]:
        yield from rules.nested_rules(draft)
    yield from references.check_former_ids(
        [(kind, d) for kind, name in (("phase", "phases"), ("source", "sources"),
                                      ("actor", "actors"), ("topic", "topics"))
         for d in lists[name]] + [("event", d) for d in event_drafts],
        {kind: known.ids[f"{kind}s"] for kind in ("phase", "source", "actor", "topic", "event")})
    yield from references.check_phase_overlap(lists["phases"])
    yield from references.check_unique_terms(lists["glossary"])
    for draft in event_drafts:
        for reference_rule in (references.check_event_phase, references.check_event_citations,
                               references.check_event_dates, references.check_event_basis_sources,
                               references.check_event_links):
            yield from reference_rule(draft, known)
        in_force = draft.get("in_force")
        for label, citations in (("date_basis: record", _cited(draft.get("date_basis"))),
                                 ("record", draft.get("record") or ()),
                                 ("in_force: basis: record",
                                  _cited(in_force.get("basis") if in_force else None))):
            yield from references.check_record_citations(citations, label, known)
    quoting = [*event_drafts, *lists["corrections"], *lists["context"]]
    for owner in quoting:
        yield from said.check_said(owner, known)
        yield from said.check_machine_translated(owner, known)
    yield from said.check_statements(quoting, known)
    for correction in lists["corrections"]:
        yield from references.check_quoted_sources(correction, "quotes", "quotes", known)
        yield from references.check_quoted_sources(correction, "evidence_quotes", "evidence_quotes",
                                              known)
        yield from references.check_correction_events(correction, known)
        yield from references.check_record_citations(correction.get("record") or (), "record", known)
    for entry in lists["context"]:
        yield from references.check_quoted_sources(entry, "citations", "citation", known)
        yield from references.check_background_basis(entry, known)
        yield from references.check_record_citations(_cited(entry.get("date_basis")),
                                                "date_basis: record", known)
    for track in lists["tracks"]:
        yield from references.check_track(track, known)
    for figure in lists["figures"]:
        yield from references.check_figure_references(figure, known)
    yield from references.check_figure_series(lists["figures"])
    for change in lists["changes"]:
        yield from references.check_change_events(change, known)


def _cited(basis: Draft | None) -> tuple[Draft, ...]:
    return basis.get("record") or () if basis else ()


def _by_id(drafts: Iterable[Draft]) -> dict[str, Draft]:
    """Records by id; where an id is duplicated (already a problem), the first one counts."""
    found: dict[str, Draft] = {}
    for draft in drafts:
        if draft.get("id"):
            found.setdefault(draft["id"], draft)
    return found


# --- the model, from data with no problem ---------------------------------------------------

def build(lists: dict[str, list[Draft]], events: list[tuple[str | None, Draft]]) -> Chronology:
    """The Chronology, once everything has read and checked (every required field is there):
    each record built by its kind (declare.Kind.build), in the order its kind declares."""
    built: dict[str, Any] = {}
    for name, kind in KINDS.items():
        records = ([kind.build(d, id=id_) for id_, d in events if id_ is not None]
                   if name == "events" else [kind.build(d) for d in lists[name]])
        built[kind.chronology] = tuple(sorted(records, key=kind.sort) if kind.sort else records)
    return Chronology(**built)
