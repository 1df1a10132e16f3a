"""The fields of every translation file, derived from the English declaration (model.py: the
fields declared `translatable`). A translated text is a mapping: `text`, `of` (the first 8 hex
digits of the SHA-1 of the English it translates, whitespace folded), and how it was made: `how`
(machine, machine-checked: a second machine pass compared it with the English, or person), `by`
(the person who translated it; a machine names no one) and `reviewed` (the person who reviewed
it, or false) — given with the text or once per file as `translator:`. A quote is never translated
in place: `citations` repeat the English quote verbatim beside our translation. No MkDocs, no I/O.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cache

from .. import model
from ..declare import Kind, Text
from ..fields import describe
from ..model import list_kinds
from ..read import Field, Reading, Spec, identifier, nested, records, translation_of

HOW = model.HOW
_OF = re.compile(r"[0-9a-f]{8}")


def fingerprint(english: str | tuple[str, ...]) -> str:
    """What `of` must say for this English text: its whitespace folded, SHA-1, 8 hex digits (a
    list of texts, a glossary term's aliases: of its items, one a line)."""
    if not isinstance(english, str):
        english = "\n".join(" ".join(item.split()) for item in english)
        return hashlib.sha1(english.encode("utf-8")).hexdigest()[:8]
    return hashlib.sha1(" ".join(english.split()).encode("utf-8")).hexdigest()[:8]


def of(reading: Reading, name: str) -> str | None:
    value = reading.fields.raw(name)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # 12345678 is a valid fingerprint YAML reads as a number
    if not isinstance(value, str) or not _OF.fullmatch(value.strip()):
        got = f"'{value}'" if isinstance(value, str) else describe(value)
        reading.fields.report(reading.fields.line_of(name), f"{name}: must be the first 8 hex "
                              f"digits of the SHA-1 of the English text (`make translations` "
                              f"prints it), got {got}")
        return None
    return value.strip()


def reviewed(reading: Reading, name: str) -> str | bool | None:
    value = reading.fields.raw(name)
    if value is False:
        return False
    if isinstance(value, str):
        if model.NOT_A_PERSON.search(value):
            reading.fields.report(reading.fields.line_of(name), f"{name}: must name the person who "
                                  f"reviewed the translation, got '{value}'; a second machine "
                                  f"pass is how: machine-checked, and reviewed: false")
            return None
        return reading.fields.text(name)
    got = "true (by whom?)" if value is True else describe(value)
    reading.fields.report(reading.fields.line_of(name), f"{name}: must be false or the name of "
                          f"who reviewed the translation, got {got}")
    return None


TRANSLATOR = Spec("a translator", (Field("by", model.SHORT), Field("how", model.SHORT, True),
                                   Field("reviewed", reviewed)))


def translated(field: Field) -> Spec:
    """A translated text of the English `field` (as model.py declares it), held to that
    field's own rules: its length limit and whatever else it keeps (read.translation_of)."""
    return Spec("a translated text", (
        Field("text", translation_of(field), True), Field("of", of, True),
        Field("by", model.SHORT), Field("how", model.SHORT), Field("reviewed", reviewed)))


@cache
def quote_spec(kind: Kind) -> Spec:
    """An item of a translation's `citations`: a quote of the record (verbatim), or the source
    of a citation of the record that quotes no words; our translation of the quote, held to the
    rules of a record citation's `translation`; and the citation's own texts translated (its
    note: model.py, the citations' translatable fields). A quote translated twice would leave
    the edition to pick one (the key)."""
    return Spec("a quote's translation", (
        Field("quote", model.QUOTE), Field("source", identifier()),
        Field("translation", model.RECORD_CITATION.by_name["translation"].read),
        # How the quote's translation was made, where not as the file's `translator` says.
        Field("how", model.SHORT), Field("by", model.SHORT),
        *_texts(kind.quote_texts, False)), key=("quote", "source"))


def _texts(texts: tuple[Text, ...], required: bool, label: str = "") -> tuple[Field, ...]:
    """The fields of a translation that hold these texts, as their keys say: "title" is a
    translated text, "date_basis.note" a mapping `date_basis` that holds one (its `note`,
    required there where it is the only one: the mapping is for it)."""
    fields: list[Field] = []
    groups: dict[str, list[Text]] = {}
    for text in texts:
        first, _, rest = text.key.partition(".")
        if rest:
            groups.setdefault(first, []).append(replace(text, key=rest))
        else:
            fields.append(Field(first, nested(translated(text.field),
                                              f"{label}{first}" if label else ""), required))
    for name, inner in groups.items():
        fields.append(Field(name, nested(Spec(f"{name}'s translation",
                                              _texts(tuple(inner), len(inner) == 1,
                                                     f"{name}: ")))))
    return tuple(fields)


def _items(kind: Kind) -> tuple[Field, ...]:
    """A list of nested records translated within their parent's translation (a track's
    measures), each named by its key fields, as in the English."""
    return tuple(Field(items.name, records(Spec(
        f"{items.kind.what}'s translation",
        (*(Field(k, items.kind.by_name[k].read, True) for k in items.kind.key),
         *_texts(items.kind.texts, True)),
        key=items.kind.key))) for items in kind.items)


@cache
def list_spec(kind: Kind) -> Spec:
    """A translated list file's item: the id of the English record, its translated texts."""
    return Spec(f"{kind.what}'s translation", (
        Field("id", identifier(), True), *_texts(kind.texts, False), *_items(kind),
        *_citations(kind)))


def _citations(kind: Kind) -> tuple[Field, ...]:
    """Our translations of a record's quotes, and of its citations' texts (Kind.quoted)."""
    return (Field("citations", records(quote_spec(kind))),) if kind.quoted else ()


@cache
def event_spec(kind: Kind) -> Spec:
    """A translated event file: who made it (`translator`, for the whole file), its translated
    texts, and our translations of its quotes (`citations`: each quote verbatim beside ours)."""
    return Spec(f"{kind.what}'s translation", (
        Field("translator", nested(TRANSLATOR)), *_texts(kind.texts, False), *_items(kind),
        *_citations(kind)), hints=kind.hints)


def translated_lists() -> dict[str, Kind]:
    """The list files that have a translation (data/i18n/<lang>/<file>.yaml): every kind with
    a text to translate."""
    return {name: kind for name, kind in list_kinds().items() if kind.texts or kind.items}


# ui.yaml: message id -> a translated text. A message has no field in data/: it is held to the
# rules of our translations (a record citation's `translation`).
MESSAGE = translated(model.RECORD_CITATION.by_name["translation"])
