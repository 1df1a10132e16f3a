"""Validate: read, then check; a Chronology, or one DataError listing every problem.

1. read.py reads every record against its declared fields (specs.py): whatever reads is kept,
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

from . import references, rules
from .errors import DataError, Problem
from .load import Cache, Document, RawData, file_reader, load_records
from .model import (
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
from .read import Draft, event_id, read, read_list
from .specs import EVENT, LIST_FILES
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
    lists = {name: read_list(spec, getattr(raw, name), what, problems)
             for name, (spec, what) in LIST_FILES.items()}
    events: list[tuple[str | None, Draft]] = [
        (event_id(document, problems), read(EVENT, document.value, document.path, document.line,
                                            problems))
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
        for name in LIST_FILES}
    # No event at all: the folder is missing, empty or unreadable, which is reported as such.
    ids["events"] = set(raw.event_ids) if raw.event_ids else rules.AnyId()
    # A track's measures, by the event each starts with: "<track>/<event id>".
    ids["measures"] = ids["tracks"] if isinstance(ids["tracks"], rules.AnyId) else {
        f"{track.get('id')}/{measure.get('from')}" for track in lists["tracks"]
        for measure in track.get("measures") or ()}
    return rules.Known(ids=ids, phases=_by_id(lists["phases"]), sources=_by_id(lists["sources"]),
                       records=_by_id(lists["records"]),
                       events={id_: draft for id_, draft in events if id_ is not None})


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
    for name, (_, what) in LIST_FILES.items():
        yield from references.check_unique_ids(lists[name], what)
        for record in lists[name]:
            for rule in rules.rules_for(what):
                yield from rule(record)
    event_drafts = [draft for _, draft in events]
    for draft in event_drafts:
        for rule in rules.rules_for("event"):
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

def _fields(draft: Draft, *names: str) -> dict[str, Any]:
    return {name: draft.values[name] for name in names if name in draft.values}


def _ids(draft: Draft, name: str) -> tuple[str, ...]:
    return tuple(id_ for id_, _ in draft.get(name) or ())


def _citations(drafts: Iterable[Draft]) -> tuple[Citation, ...]:
    return tuple(Citation(**_fields(d, "source", "quote", "note"), at=d.loc("quote"))
                 for d in drafts)


def _record(drafts: Iterable[Draft]) -> tuple[RecordCitation, ...]:
    return tuple(RecordCitation(**_fields(d, "source", "quote", "translation", "note"), at=d.at)
                 for d in drafts)


def _names(draft: Draft | None) -> tuple[tuple[str, str], ...]:
    return tuple((lang, draft[lang]) for lang in ("ko", "ja") if draft and draft.get(lang))


def _basis(draft: Draft) -> DateBasis:
    return DateBasis(**_fields(draft, "kind", "source", "phrase", "note", "not_found"),
                     record=_record(draft.get("record") or ()), at=draft.loc("phrase"))


def _event(id_: str, d: Draft) -> Event:
    in_force = d.get("in_force")
    return Event(
        id=id_, **_fields(d, "date", "title", "summary", "phase", "aliases"),
        date_basis=_basis(d["date_basis"]), citations=_citations(d.get("citations") or ()),
        in_force=Dated(date=in_force["date"], basis=_basis(in_force["basis"])) if in_force else None,
        actors=_ids(d, "actors"), topics=_ids(d, "topics"), record=_record(d.get("record") or ()),
        order=d.get("order", 0), former_ids=_ids(d, "former_ids"), at=d.at)


def build(lists: dict[str, list[Draft]], events: list[tuple[str | None, Draft]]) -> Chronology:
    """The Chronology, once everything has read and checked (every required field is there)."""
    phases = [Phase(**_fields(d, "id", "title", "summary"), start=d["start"].first_day,
                    end=d["end"].first_day, former_ids=_ids(d, "former_ids"), at=d.at)
              for d in lists["phases"]]
    sources = [Source(**_fields(d, "id", "outlet", "title", "published", "published_basis",
                                "agency", "author", "url", "seed", "notes"),
                      former_ids=_ids(d, "former_ids"), at=d.at) for d in lists["sources"]]
    actors = [Actor(**_fields(d, "id", "name", "kind", "native", "romanised", "aliases", "role",
                              "country", "notes"), names=_names(d.get("names")),
                    former_ids=_ids(d, "former_ids"), at=d.at)
              for d in lists["actors"]]
    topics = [Topic(**_fields(d, "id", "title", "summary", "aliases"),
                    former_ids=_ids(d, "former_ids"), at=d.at) for d in lists["topics"]]
    corrections = [Correction(**_fields(d, "id", "title", "kind", "correction", "evidence"),
                              quotes=_citations(d["quotes"]),
                              evidence_quotes=_citations(d.get("evidence_quotes") or ()),
                              record=_record(d.get("record") or ()), events=_ids(d, "events"),
                              at=d.at) for d in lists["corrections"]]
    background = [Background(**_fields(d, "id", "date", "title", "summary"),
                             date_basis=_basis(d["date_basis"]),
                             citations=_citations(d["citations"]), at=d.at)
                  for d in lists["context"]]
    tracks = [Track(**_fields(d, "id", "title"), events=_ids(d, "events"), at=d.at,
                    measures=tuple(Measure(title=m["title"], start=m["from"],
                                           until=m.get("until"), at=m.at)
                                   for m in d.get("measures") or ()))
              for d in lists["tracks"]]
    glossary = [Term(**_fields(d, "id", "term", "definition"),
                     aliases=tuple(alias for alias, _ in d.get("aliases") or ()), at=d.at)
                for d in lists["glossary"]]
    records = [RecordSource(**_fields(d, "id", "kind", "outlet", "title", "published",
                                      "language", "url", "author", "archive_url", "notes"),
                            at=d.at) for d in lists["records"]]
    built = [_event(id_, d) for id_, d in events if id_ is not None]
    return Chronology(
        phases=tuple(sorted(phases, key=lambda p: p.start)),
        sources=tuple(sorted(sources, key=lambda s: (s.published.sort_key(), s.id))),
        events=tuple(sorted(built, key=Event.sort_key)),
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        topics=tuple(sorted(topics, key=lambda t: t.id)),
        corrections=tuple(corrections),
        background=tuple(sorted(background, key=lambda b: (b.date.sort_key(), b.id))),
        tracks=tuple(tracks),
        glossary=tuple(sorted(glossary, key=lambda t: t.term.lower())),
        records=tuple(sorted(records, key=lambda r: (r.published.sort_key(), r.id))))
