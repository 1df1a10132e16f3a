"""The fields of every translation file, declared (read.py's Spec and Field), as specs.py does
for the English. A translated text is a mapping: `text`, `of` (the first 8 hex digits of the
SHA-1 of the English it translates, whitespace folded), and who made it: `by`, `how` (machine
or person), `reviewed` (who reviewed it, or false) — given with the text or once per file as
`translator:`. A quote is never translated in place: `citations` repeat the English quote
verbatim beside our translation. No MkDocs, no I/O.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..fields import describe
from ..read import Field, Reading, Spec, identifier, nested, records, text

HOW = ("machine", "person")
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
        return reading.fields.text(name)
    got = "true (by whom?)" if value is True else describe(value)
    reading.fields.report(reading.fields.line_of(name), f"{name}: must be false or the name of "
                          f"who reviewed the translation, got {got}")
    return None


def _limited(limit_of: str) -> Any:
    return lambda reading, name: reading.fields.text_as(name, limit_of)


TRANSLATOR = Spec("a translator", (Field("by", text, True), Field("how", text, True),
                                   Field("reviewed", reviewed)))


def translated(limit_of: str) -> Spec:
    """A translated text, held to the length limit of the English field it translates."""
    return Spec("a translated text", (
        Field("text", _limited(limit_of), True), Field("of", of, True), Field("by", text),
        Field("how", text), Field("reviewed", reviewed)))


# A quote translated twice would leave the edition to pick one (the key is the English quote).
QUOTE = Spec("a quote's translation", (Field("quote", text, True),
                                       Field("translation", text, True)), key=("quote",))


def _note(label: str) -> Spec:
    return Spec(f"{label}'s translation",
                (Field("note", nested(translated("note"), f"{label}: note"), True),))


EVENT = Spec("an event's translation", (
    Field("translator", nested(TRANSLATOR)), Field("title", nested(translated("title"))),
    Field("summary", nested(translated("summary"))),
    Field("date_basis", nested(_note("date_basis"))), Field("in_force", nested(_note("in_force"))),
    Field("citations", records(QUOTE, "citations"))),
    hints=(("id", "an event's id is its file name; remove this line"),))

# Each list file: the English file it translates, what one item is, the fields translated.
LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "phases": ("phase", ("title", "summary")), "topics": ("topic", ("title", "summary")),
    "actors": ("actor", ("role", "notes")), "glossary": ("glossary term", ("term", "definition")),
    "context": ("background entry", ("title", "summary")),
    "corrections": ("correction", ("title", "correction", "evidence")),
    "tracks": ("track", ("title",)),
}
LIST_SPECS = {name: Spec(f"a {what}'s translation", (
    Field("id", identifier(), True), *(Field(f, nested(translated(f))) for f in fields)))
    for name, (what, fields) in LISTS.items()}
# A track's measures are translated within its item, each named by its `from` event, as in
# data/tracks.yaml.
MEASURE = Spec("a measure's translation", (Field("from", identifier(), True),
                                           Field("title", nested(translated("title")), True)),
               key=("from",))
LIST_SPECS["tracks"] = Spec("a track's translation", (
    Field("id", identifier(), True), Field("title", nested(translated("title"))),
    Field("measures", records(MEASURE, "measures"))))
MESSAGE = translated("translation")  # ui.yaml: message id -> a translated text
