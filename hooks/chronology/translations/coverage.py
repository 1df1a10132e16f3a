"""Coverage: per language, what is translated, what is not, and what is stale (its `of` no
longer matches the English). A report, never a failure: untranslated text falls back to
English. `python -m chronology.translations` (make translations) prints it. No MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..hostile import shown
from ..model import Chronology
from . import LANGUAGES
from .editions import english_texts
from .specs import fingerprint


@dataclass(frozen=True)
class KindCoverage:
    """One kind of text ("events: title") in one language."""

    kind: str
    total: int
    translated: int  # stale ones included: they are shown, marked
    stale: tuple[str, ...]  # "data/i18n/ko/events/<id>.yaml: title (of 2883e6ab, now …)"
    untranslated: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    lang: str
    kinds: tuple[KindCoverage, ...]


def _where(lang: str, kind: str, id_: str, name: str) -> str:
    if kind == "events":
        return f"data/i18n/{lang}/events/{id_}.yaml: {name}"
    if kind == "measures":  # in the track's item: "<track>/<start event>"
        track, start = id_.split("/", 1)
        return f"data/i18n/{lang}/tracks.yaml: {track}: measures: from {start}: {name}"
    return f"data/i18n/{lang}/{kind}.yaml: {id_}" + ("" if kind == "ui" else f": {name}")


def coverage(chronology: Chronology) -> Mapping[str, Coverage]:
    """Every edition's coverage, also of a language with no translation at all."""
    english = list(english_texts(chronology))
    found: dict[str, Coverage] = {}
    for lang in LANGUAGES:
        edition = chronology.translations.get(lang)
        texts = edition.texts if edition else {}
        kinds: dict[str, tuple[int, int, list[str], list[str]]] = {}
        for key, value in english:
            kind, id_, name = key
            label = "ui: messages" if kind == "ui" else f"{kind}: {name}"
            total, done, stale, missing = kinds.setdefault(label, (0, 0, [], []))
            translation = texts.get(key)
            if translation is None:
                missing.append(f"{_where(lang, *key)} (of: {fingerprint(value)})")
            elif translation.stale:
                stale.append(f"{_where(lang, *key)} (of {translation.of}; the English is now "
                             f"{fingerprint(value)})")
            kinds[label] = (total + 1, done + (translation is not None), stale, missing)
        quotes = edition.quotes if edition else {}
        cited = [(event.id, c.quote) for event in chronology.events for c in event.citations]
        kinds["events: citations"] = (
            len(cited), sum((id_, quote) in quotes for id_, quote in cited), [],
            [f"{_where(lang, 'events', id_, 'citations')}: {shown(quote, 40)}"
             for id_, quote in cited if (id_, quote) not in quotes])
        found[lang] = Coverage(lang, tuple(
            KindCoverage(label, total, done, tuple(stale), tuple(missing))
            for label, (total, done, stale, missing) in kinds.items()))
    return found


def report(coverages: Mapping[str, Coverage], first: int = 3) -> str:
    """The coverage as text: counts per kind, then the first stale and untranslated items."""
    lines: list[str] = []
    for lang, found in coverages.items():
        lines.append(f"{lang}:")
        for kind in found.kinds:
            lines.append(f"  {kind.kind}: {kind.translated} of {kind.total} translated, "
                         f"{len(kind.stale)} stale")
            for name, items in (("stale", kind.stale), ("untranslated", kind.untranslated)):
                for item in items[:first]:
                    lines.append(f"    {name}: {item}")
                if len(items) > first:
                    lines.append(f"    … and {len(items) - first:,} more {name}")
    return "\n".join(lines)
