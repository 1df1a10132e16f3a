"""An edition's Chronology: the same records, their texts in the edition's language.

`localize(chronology, "ko")` returns a Chronology whose titles, summaries, notes, roles, terms
and corrections are the Korean translations (localized.Localized, carrying who made them and
whether they are stale), with the English standing in, marked `missing`, where there is none.
Quotes stay verbatim: our translation goes beside them (Citation.translation,
RecordCitation.translation). Actors are named as the edition's language writes them. Ids, dates,
sources and the record are those of the English: every page exists in every edition, at the
same address. English is returned as it is. No MkDocs, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from ..declare import Kind
from ..languages import language_of
from ..localized import Localized
from ..model import KINDS, Actor, Chronology, Citation, DateBasis, Edition, Event, RecordCitation

R = TypeVar("R")


class _Texts:
    """The edition's text for one field of one record, or the English, marked missing."""

    def __init__(self, chronology: Chronology, edition: Edition) -> None:
        self.lang = edition.lang
        self.edition = edition
        self.languages = {r.id: r.language for r in chronology.records}

    def __call__(self, kind: str, id_: str, name: str, english: str) -> str:
        if not english:
            return english
        found = self.edition.texts.get((kind, id_, name))
        if found is None:
            return Localized(english, "en", missing=True)
        return Localized(found.text, self.lang, stale=found.stale, by=found.by, how=found.how,
                         reviewed=found.reviewed)

    def maybe(self, kind: str, id_: str, name: str, english: str | None) -> str | None:
        return None if english is None else self(kind, id_, name, english)

    def record(self, kind: Kind, name: str, id_: str, record: R) -> R:
        """The record with each of its translatable texts (model.py) in the edition's language,
        those of the items of its lists too (a track's measures)."""
        for text in kind.texts:
            record = _replaced(record, text.path, partial(self.maybe, name, id_, text.key))
        for items in kind.items:
            record = replace(record, **{items.attribute: tuple(  # type: ignore[type-var]
                self.record(items.kind, items.name, items.kind.item_id(id_, item), item)
                for item in getattr(record, items.attribute))})
        return record

    def quoted(self, event_ids: tuple[str, ...], citation: Citation) -> Citation:
        """A quote with our translation, as the first of these events has it (an event's own
        quote: its id alone; a correction's: its events')."""
        found = next((self.edition.quotes[(e, citation.quote)] for e in event_ids
                      if (e, citation.quote) in self.edition.quotes), None)
        return replace(citation, translation=Localized(found, self.lang) if found else None,
                       note=english(citation.note), not_found=english(citation.not_found))

    def record_quote(self, event_id: str, citation: RecordCitation) -> RecordCitation:
        """Ours in the edition's language; none for words already in it; else the English
        translation of words in a third language, marked missing."""
        citation = replace(citation, note=english(citation.note),
                           not_found=english(citation.not_found))
        if not citation.quote:
            return citation
        found = self.edition.quotes.get((event_id, citation.quote))
        if found:
            return replace(citation, translation=Localized(found, self.lang))
        if self.languages.get(citation.source) == self.lang or language_of(citation.quote) == self.lang:
            return replace(citation, translation=None)
        if citation.translation:
            return replace(citation, translation=Localized(citation.translation, "en", missing=True))
        return citation

    def basis(self, event_id: str, basis: DateBasis) -> DateBasis:
        return replace(basis, record=tuple(self.record_quote(event_id, c) for c in basis.record))

    def event(self, event: Event) -> Event:
        """An event whose texts are the edition's (`record`): its quotes of the articles and of
        the record with our translations."""
        in_force = event.in_force
        if in_force is not None:
            in_force = replace(in_force, basis=self.basis(event.id, in_force.basis))
        return replace(
            event, date_basis=self.basis(event.id, event.date_basis), in_force=in_force,
            citations=tuple(self.quoted((event.id,), c) for c in event.citations),
            record=tuple(self.record_quote(event.id, c) for c in event.record))

    def actor(self, actor: Actor) -> Actor:
        """An actor whose texts are the edition's (`record`), named as the edition's language
        writes the name."""
        name = name_in(actor, self.lang)
        if name is None:  # no form in the edition's language: the English, as a name
            return replace(actor, name=Localized(actor.name, "en"))
        # Named in the edition's own script: the native name would only repeat it.
        native = None if name == actor.native else actor.native
        return replace(actor, name=name, english=actor.name, native=native)


def _replaced(record: R, path: tuple[str, ...], new: Callable[[Any], Any]) -> R:
    """The record with the value at `path` (an attribute, or one of a nested record's) made
    anew; as it is where a record on the way is not there (an event with no in_force)."""
    head, *rest = path
    value = getattr(record, head)
    if rest and value is None:
        return record
    return replace(record, **{head: _replaced(value, tuple(rest), new) if rest  # type: ignore[type-var]
                              else new(value)})


def english(text: str | None) -> str | None:
    """English that no translation file covers (a source's notes, a citation's note): marked as
    English, not as missing."""
    return Localized(text, "en") if text else text


def name_in(actor: Actor, lang: str) -> str | None:
    """How `lang` writes the actor's name: its native name if in that language, else `names`."""
    if actor.native and language_of(actor.native) == lang:
        return actor.native
    return dict(actor.names).get(lang)


def localize(chronology: Chronology, lang: str) -> Chronology:
    """The chronology in `lang` ("ko", "ja"); English ("en") as it is."""
    if lang == "en":
        return chronology
    edition = chronology.translations.get(lang) or Edition(lang=lang)
    texts = _Texts(chronology, edition)
    # Every kind's translatable texts (model.py), then what some kinds have besides.
    localized: dict[str, Any] = {
        kind.chronology: tuple(texts.record(kind, name, r.id, r)
                               for r in getattr(chronology, kind.chronology))
        for name, kind in KINDS.items() if kind.texts or kind.items}
    # A correction quotes the articles' words its events quote: their translation, where an
    # event of the correction has the same quote translated.
    localized["corrections"] = tuple(replace(
        c, quotes=tuple(texts.quoted(c.events, q) for q in c.quotes),
        evidence_quotes=tuple(texts.quoted(c.events, q) for q in c.evidence_quotes))
        for c in localized["corrections"])
    localized["sources"] = tuple(replace(s, title=Localized(s.title, "en"), notes=english(s.notes),
                                         published_basis=english(s.published_basis))
                                 for s in chronology.sources)
    localized["records"] = tuple(
        replace(r, notes=english(r.notes),
                machine_translation=Localized(r.machine_translation, "en")
                if r.machine_translation else None,
                title=Localized(r.title, "en") if r.language == "en" else r.title)
        for r in chronology.records)
    localized["events"] = tuple(texts.event(e) for e in localized["events"])
    # A figure's record words: none of ours where they are in the edition's language, else our
    # English translation, marked as English.
    localized["figures"] = tuple(replace(f, record=texts.record_quote(f.id, f.record))
                                 for f in localized["figures"])
    localized["actors"] = tuple(texts.actor(a) for a in localized["actors"])
    return replace(chronology, lang=lang, **localized)


def messages(chronology: Chronology, lang: str) -> dict[str, str]:
    """The site's words translated into `lang` (data/i18n/<lang>/ui.yaml), by message id."""
    edition = chronology.translations.get(lang)
    if edition is None:
        return {}
    return {id_: found.text for (kind, id_, _), found in edition.texts.items() if kind == "ui"}
