"""The English texts a translation can be of, each language's Edition built from checked
translation files, and which of its texts are stale. No MkDocs, no I/O."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..declare import Kind, quote_key, walk_texts
from ..languages import language_of, same_language
from ..messages import ENGLISH
from ..model import KINDS, RECORD_CITATION, Chronology, Edition, Translated
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
    for citation, cited in kind.citations(record):
        for text, value in walk_texts(cited, citation):
            if value:
                yield (name, f"{id_}/{quote_key(citation)}", f"citations.{text.key}"), value


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
    quoting = [(id_, event) for id_, event in drafts.events if id_]
    quoting += [(quoted_by(name, item["id"]), item) for name, items in drafts.lists.items()
                for item in items if item.get("id")]
    cited = [((id_, c["quote"]), c) for id_, draft in quoting
             for c in draft.get("citations") or () if c.get("quote") and c.get("translation")]
    quotes = {key: c["translation"] for key, c in cited}
    made = {key: _who(c, drafts.translator.get(c.at.path), "how") for key, c in cited}
    return Edition(lang=drafts.lang, texts=built, quotes=quotes, quotes_how=made)


def quoted_by(file: str, id_: str) -> str:
    """How Edition.quotes names the record that quotes: an event by its id, a record of a
    list file by "<file>/<id>"."""
    return id_ if file == "events" else f"{file}/{id_}"


def _who(text: Draft, translator: Draft | None, name: str, default: Any = None) -> Any:
    if text.given(name):
        return text[name]
    return translator.get(name, default) if translator else default


def needs_translation(quote: str, language: str, lang: str) -> bool:
    """Whether a quote in `language` (its record's) needs our translation in the edition
    `lang`: not where its words are already in the edition's language."""
    return not same_language(language, lang) and language_of(quote) != lang


@dataclass(frozen=True)
class Quote:
    """A quote the editions translate: the record that quotes it (its file and id), the
    citation, its words' language, and which records' translations may give ours (Edition.quotes
    keys: its own record's, then a correction's events', which quote the same words)."""

    file: str
    id: str
    citation: Any
    of_record: bool  # a quote of the public record, not of the articles
    language: str
    owners: tuple[str, ...]

    @property
    def label(self) -> str:
        """The coverage report's kind: "events: citations", "events: record quotes"."""
        return f"{self.file}: {'record quotes' if self.of_record else 'citations'}"

    def owner(self, edition: Edition) -> tuple[str, str] | None:
        """The key of the translation the edition gives (its record's, or one it borrows)."""
        return next(((owner, self.citation.quote) for owner in self.owners
                     if (owner, self.citation.quote) in edition.quotes), None)

    def translation(self, edition: Edition) -> str | None:
        key = self.owner(edition)
        return edition.quotes[key] if key else None


def quotes_of(chronology: Chronology) -> Iterator[Quote]:
    """Every quote of words the pages show, in the order of model.KINDS (Kind.quoted)."""
    languages = {record.id: record.language for record in chronology.records}
    for name, kind in KINDS.items():
        for record in getattr(chronology, kind.chronology):
            also = tuple(getattr(record, "events", ())) if name == "corrections" else ()
            for citation, cited in kind.citations(record):
                if citation.quote:
                    of_record = cited is RECORD_CITATION
                    language = languages.get(citation.source, "en") if of_record else "en"
                    yield Quote(name, record.id, citation, of_record, language,
                                (quoted_by(name, record.id), *also))
