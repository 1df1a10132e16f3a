"""The English texts a translation can be of, each language's Edition built from checked
translation files, and which of its texts are stale. No MkDocs, no I/O."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..declare import Kind, walk_texts
from ..messages import ENGLISH
from ..model import KINDS, Chronology, Edition, Translated
from ..read import Draft
from .check import LanguageDrafts, texts
from .specs import fingerprint


def english_texts(chronology: Chronology) -> Iterator[tuple[tuple[str, str, str], str]]:
    """Every English text a translation can be of, by (file kind, id, field): each kind's
    translatable texts (model.py), in the order of model.KINDS, then the site's own words."""
    for name, kind in KINDS.items():
        for record in getattr(chronology, kind.chronology):
            yield from _texts(kind, name, record.id, record)
    for id_, message in ENGLISH.items():
        yield ("ui", id_, "text"), message


def _texts(kind: Kind, name: str, id_: str, record: Any) -> Iterator[tuple[tuple[str, str, str], str]]:
    for text, value in walk_texts(kind, record):
        if value:
            yield (name, id_, text.key), value
    for items in kind.items:
        for item in getattr(record, items.attribute):
            yield from _texts(items.kind, items.name, items.kind.item_id(id_, item), item)


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
