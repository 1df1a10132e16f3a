"""Side by side: each text of an edition beside the English it translates, for a translator
working from the files (`python -m chronology.translations data --side-by-side ko [WORDS]`), and
each stale text with the English it was made from and the English now (`--stale ko`).

The translation files keep, for each text, the fingerprint of the English it was made from
(`of`); the English of that fingerprint is found again in the history of the English file
(history.py), so that nothing is copied into the translation files to fall out of step. Pure:
no I/O here (the old English is looked up by the function it is given), no MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Chronology, Edition
from . import LANGUAGES
from .coverage import where
from .editions import english_texts, needs_translation, quotes_of
from .specs import fingerprint

# The English file a text of each kind is written in, from the root of the repository.
MESSAGES_FILE = "hooks/chronology/messages.py"


def english_file(kind: str, id_: str) -> str:
    """The file that holds the English of a text ("events", "<id>") -> data/events/<id>.yaml."""
    if kind == "ui":
        return MESSAGES_FILE
    if kind == "events":
        return f"data/events/{id_.split('/', 1)[0]}.yaml"
    return f"data/{'tracks' if kind == 'measures' else kind}.yaml"


@dataclass(frozen=True)
class Pair:
    """One English text and its translation in an edition (None: not translated yet)."""

    where: str  # as the coverage report names it: "data/i18n/ko/events/<id>.yaml: title"
    english: str
    translation: str | None
    of: str | None = None  # the fingerprint of the English it was made from
    stale: bool = False
    old: str | None = None  # that English, where it is found again


def _text(value: object) -> str:
    return value if isinstance(value, str) else ", ".join(value)  # type: ignore[arg-type]


def pairs(chronology: Chronology, lang: str, words: str = "") -> Iterator[Pair]:
    """Every text the edition translates, and every quote it gives our translation of, with
    its translation, in the order of the report; only those whose place or English holds
    `words`, if given."""
    edition = chronology.translations.get(lang) or Edition(lang=lang)
    for key, english in english_texts(chronology):
        found = edition.texts.get(key)
        pair = Pair(where(lang, *key), _text(english), _text(found.text) if found else None,
                    found.of if found else None, bool(found and found.stale))
        if words in pair.where or words in pair.english:
            yield pair
    for quote in quotes_of(chronology):
        if not needs_translation(quote.citation.quote, quote.language, lang):
            continue
        place = f"{where(lang, quote.file, quote.id, 'citations')}: quote"
        if words in place or words in quote.citation.quote:
            yield Pair(place, quote.citation.quote, quote.translation(edition))


def stale(chronology: Chronology, lang: str,
          english_of: Callable[[str, str], str | None]) -> Iterator[Pair]:
    """Every stale text of the edition, with the English it was made from, as `english_of`
    (the English file, the fingerprint) finds it again, or None."""
    edition = chronology.translations.get(lang) or Edition(lang=lang)
    for key, english in english_texts(chronology):
        found = edition.texts.get(key)
        if found is not None and found.stale:
            yield Pair(where(lang, *key), _text(english), _text(found.text), found.of, True,
                       english_of(english_file(key[0], key[1]), found.of))


def _indented(label: str, text: str) -> str:
    return f"  {label:<12}" + " ".join(text.split())


def show(pair: Pair) -> str:
    """A pair as a few lines of text: where, the English, the translation, what is stale."""
    lines = [pair.where]
    if pair.stale:
        lines.append(_indented("English was", pair.old if pair.old is not None else
                               f"(not found in the file's history; of {pair.of})"))
        lines.append(_indented("English now", pair.english)
                     + f"  (of {fingerprint(pair.english)})")
    else:
        lines.append(_indented("English", pair.english))
    lines.append(_indented("translation", pair.translation) if pair.translation is not None
                 else _indented("translation", "(not translated yet)"))
    return "\n".join(lines)


def known(lang: str) -> bool:
    return lang in LANGUAGES
