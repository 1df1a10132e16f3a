"""The fields of every translation file, declared (read.py's Spec and Field), as specs.py does
for the English. A translated text is a mapping: `text`, `of` (the first 8 hex digits of the
SHA-1 of the English it translates, whitespace folded), and how it was made: `how` (machine,
machine-checked: a second machine pass compared it with the English, or person), `by` (the
person who translated it; a machine names no one) and `reviewed` (the person who reviewed it, or
false) — given with the text or once per file as `translator:`. A quote is never translated
in place: `citations` repeat the English quote verbatim beside our translation. No MkDocs, no I/O.
"""

from __future__ import annotations

import hashlib
import re

from .. import model
from .. import specs as english
from ..fields import describe
from ..read import Field, Reading, Spec, identifier, nested, records, text, translation_of

HOW = model.HOW
_OF = re.compile(r"[0-9a-f]{8}")


def fingerprint(english: str) -> str:
    """What `of` must say for this English text: its whitespace folded, SHA-1, 8 hex digits."""
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


TRANSLATOR = Spec("a translator", (Field("by", text), Field("how", text, True),
                                   Field("reviewed", reviewed)))


def translated(field: Field) -> Spec:
    """A translated text of the English `field` (a Field of specs.py), held to that field's
    own rules: its length limit and whatever else it keeps (read.translation_of)."""
    return Spec("a translated text", (
        Field("text", translation_of(field), True), Field("of", of, True), Field("by", text),
        Field("how", text), Field("reviewed", reviewed)))


def _of(spec: Spec, name: str) -> Spec:
    """A translated text of the field `name` of an English spec."""
    return translated(spec.by_name[name])


# A quote translated twice would leave the edition to pick one (the key is the English quote).
# Our translation beside a quote is held to the rules of a record citation's `translation`.
QUOTE = Spec("a quote's translation", (
    Field("quote", text, True), Field("translation", english.RECORD_CITATION.by_name[
        "translation"].read, True)), key=("quote",))


def _note(label: str) -> Spec:
    return Spec(f"{label}'s translation", (
        Field("note", nested(_of(english.DATE_BASIS, "note"), f"{label}: note"), True),))


EVENT = Spec("an event's translation", (
    Field("translator", nested(TRANSLATOR)), Field("title", nested(_of(english.EVENT, "title"))),
    Field("summary", nested(_of(english.EVENT, "summary"))),
    Field("date_basis", nested(_note("date_basis"))), Field("in_force", nested(_note("in_force"))),
    Field("citations", records(QUOTE, "citations"))),
    hints=(("id", "an event's id is its file name; remove this line"),))

# Each list file: what one item is (as specs.LIST_FILES says), the fields translated.
LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    name: (english.LIST_FILES[name][1], fields) for name, fields in {
        "phases": ("title", "summary"), "topics": ("title", "summary"),
        "actors": ("role", "notes"), "glossary": ("term", "definition"),
        "context": ("title", "summary"), "corrections": ("title", "correction", "evidence"),
        "tracks": ("title",)}.items()}
LIST_SPECS = {name: Spec(f"a {what}'s translation", (
    Field("id", identifier(), True),
    *(Field(f, nested(_of(english.LIST_FILES[name][0], f))) for f in fields)))
    for name, (what, fields) in LISTS.items()}
# A track's measures are translated within its item, each named by its `from` event, as in
# data/tracks.yaml.
MEASURE = Spec("a measure's translation", (
    Field("from", identifier(), True), Field("title", nested(_of(english.MEASURE, "title")), True)),
    key=("from",))
LIST_SPECS["tracks"] = Spec("a track's translation", (
    Field("id", identifier(), True), Field("title", nested(_of(english.TRACK, "title"))),
    Field("measures", records(MEASURE, "measures"))))
# ui.yaml: message id -> a translated text. A message has no field in data/: it is held to the
# rules of our translations (a record citation's `translation`).
MESSAGE = translated(english.RECORD_CITATION.by_name["translation"])
