"""The English texts a translation can be of, each language's Edition built from checked
translation files, and which of its texts are stale. No MkDocs, no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..messages import ENGLISH
from ..model import Chronology, Edition, Translated
from ..read import Draft
from .check import LanguageDrafts, texts
from .specs import fingerprint


def english_texts(chronology: Chronology) -> Iterator[tuple[tuple[str, str, str], str]]:
    """Every English text a translation can be of, by (file kind, id, field)."""
    for event in chronology.events:
        yield ("events", event.id, "title"), event.title
        yield ("events", event.id, "summary"), event.summary
        if event.date_basis.note:
            yield ("events", event.id, "date_basis.note"), event.date_basis.note
        if event.in_force and event.in_force.basis.note:
            yield ("events", event.id, "in_force.note"), event.in_force.basis.note
    records: Iterable[tuple[str, Any, tuple[str, ...]]] = (
        *(("phases", r, ("title", "summary")) for r in chronology.phases),
        *(("topics", r, ("title", "summary")) for r in chronology.topics),
        *(("actors", r, ("role", "notes")) for r in chronology.actors),
        *(("glossary", r, ("term", "definition")) for r in chronology.glossary),
        *(("context", r, ("title", "summary")) for r in chronology.background),
        *(("corrections", r, ("title", "correction", "evidence")) for r in chronology.corrections),
        *(("tracks", r, ("title",)) for r in chronology.tracks))
    for kind, record, names in records:
        for name in names:
            value = getattr(record, name)
            if value:
                yield (kind, record.id, name), value
    for track in chronology.tracks:
        for measure in track.measures:
            yield ("measures", f"{track.id}/{measure.start}", "title"), measure.title
    for id_, message in ENGLISH.items():
        yield ("ui", id_, "text"), message


def build_edition(drafts: LanguageDrafts, chronology: Chronology) -> Edition:
    english = dict(english_texts(chronology))
    built: dict[tuple[str, str, str], Translated] = {}
    for kind, id_, name, text in texts(drafts):
        who = drafts.translator.get(text.at.path)
        key = (kind, id_, name)
        built[key] = Translated(
            text=text["text"], of=text["of"], by=_who(text, who, "by"), how=_who(text, who, "how"),
            reviewed=_who(text, who, "reviewed", False),
            stale=key in english and fingerprint(english[key]) != text["of"], at=text.at)
    quotes = {(id_, c["quote"]): c["translation"] for id_, event in drafts.events if id_
              for c in event.get("citations") or ()}
    return Edition(lang=drafts.lang, texts=built, quotes=quotes)


def _who(text: Draft, translator: Draft | None, name: str, default: Any = None) -> Any:
    if text.given(name):
        return text[name]
    return translator.get(name, default) if translator else default
