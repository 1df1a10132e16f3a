"""Quotation marks: which characters mark words as someone's, and a rendering without them.

Our rendering of a report (an outlet's words, in another language than the speaker's) is shown
as reported speech: the words the outlet put in quotation marks are not the speaker's in any
language we write, so no quotation mark may hold them under the speaker's name (`reported`).
The same characters are what the editions' tests look for. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .languages import same_language
from .localized import Localized
from .model import Statement

# Marks that always open or close a quotation: Japanese and Chinese brackets, double quotation
# marks, guillemets and the single ‘, whose closing ’ is also an apostrophe (handled apart).
ALWAYS = "「」『』“”„‟«»〝〞〟＂\"‘"
# Any quotation mark, as a test looks for them.
QUOTATION_MARKS = ALWAYS + "’'"
_LETTER = re.compile(r"\w")


def reported(text: str) -> str:
    """The text without its quotation marks: “It is regrettable,” he said → It is regrettable,
    he said; 「遺憾だ」と述べた → 遺憾だと述べた; “…했다”고 말했다 → …했다고 말했다. An apostrophe
    within or after a word (Japan’s, ministers’) stays: a single quotation mark is taken out only
    where it opens a quotation (after a space or at the start, before a letter) or closes one
    it opened. A Localized text stays Localized, with what it carries."""
    out: list[str] = []
    open_single = 0
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in ALWAYS:
            open_single += char == "‘"
            continue
        if char in "’'":
            opens = char == "'" and not _LETTER.match(before) and _LETTER.match(after)
            closes = open_single and not _LETTER.match(after)
            if opens:
                open_single += 1
                continue
            if closes:
                open_single -= 1
                continue
        out.append(char)
    plain = re.sub(r"  +", " ", "".join(out)).strip()
    if isinstance(text, Localized):
        return Localized(plain, text.lang, missing=text.missing, stale=text.stale, by=text.by,
                         how=text.how, reviewed=text.reviewed)
    return plain


def has_quotation_marks(text: str) -> bool:
    """Whether the text holds a quotation mark (an apostrophe within a word is not one)."""
    return reported(text) != " ".join(text.split())


def is_report(said: Iterable[Statement], language: str) -> bool:
    """Whether a quote in `language` reports words said in another: the outlet's words, not
    the speaker's (a quote that gives no one's words is the outlet's own)."""
    return any(not same_language(s.language, language) for s in said)


def as_shown(translation: str, said: tuple[Statement, ...], language: str) -> str:
    """Our translation of a quote in `language` as every edition shows it: as written beside the
    speaker's own words; beside a report of them, or beside words the data gives as no one's in
    particular, without quotation marks, so that none of our words stands in quotation marks as
    someone's."""
    return translation if said and not is_report(said, language) else reported(translation)
