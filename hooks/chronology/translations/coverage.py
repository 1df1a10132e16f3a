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
from .editions import english_texts, needs_translation, quotes_of
from .pages import page_coverage
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


def where(lang: str, kind: str, id_: str, name: str) -> str:
    if name.startswith("citations."):  # a citation's text, by its record and quote
        id_, quote = id_.split("/", 1)
        name = f"citations: {shown(quote, 40)}: {name.removeprefix('citations.')}"
    if kind == "events":
        return f"data/i18n/{lang}/events/{id_}.yaml: {name}"
    if kind == "measures":  # in the track's item: "<track>/<start event>"
        track, start = id_.split("/", 1)
        return f"data/i18n/{lang}/tracks.yaml: {track}: measures: from {start}: {name}"
    return f"data/i18n/{lang}/{kind}.yaml: {id_}" + ("" if kind == "ui" else f": {name}")


def coverage(chronology: Chronology,
             pages: Mapping[str, str] | None = None) -> Mapping[str, Coverage]:
    """Every edition's coverage, also of a language with no translation at all; with `pages`
    (docs/'s Markdown files by name), the hand-written pages' too."""
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
                missing.append(f"{where(lang, *key)} (of: {fingerprint(value)})")
            elif translation.stale:
                stale.append(f"{where(lang, *key)} (of {translation.of}; the English is now "
                             f"{fingerprint(value)})")
            kinds[label] = (total + 1, done + (translation is not None), stale, missing)
        # Our translations of the quotes the pages show (none for words already in the
        # edition's language): a report of its own, as `quote` has no English text to be of.
        for quote in quotes_of(chronology):
            if not needs_translation(quote.citation.quote, quote.language, lang):
                continue
            total, done, stale, missing = kinds.setdefault(quote.label, (0, 0, [], []))
            has = edition is not None and quote.translation(edition) is not None
            if not has:
                missing.append(f"{where(lang, quote.file, quote.id, 'citations')}: "
                               f"{shown(quote.citation.quote, 40)}")
            kinds[quote.label] = (total + 1, done + has, stale, missing)
        if pages is not None:
            kinds["pages (docs/)"] = page_coverage(pages, lang)
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
