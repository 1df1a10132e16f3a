"""The site's languages, in one table: English, in which every record is written, and each
edition translated from it. The build, the editions' configuration (chronology_pages.py), the
checks, the dates, the pages, the search index and the tests read it; adding an edition is a
line here plus its translation files (data/i18n/<code>/; a mkdocs.<code>.yml only to translate
the site's name and the navigation). Pure data: no MkDocs, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scripts import HANGUL, KANA_KANJI


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47; data/i18n/<code>/, docs/<page>.<code>.md, mkdocs.<code>.yml
    english: str  # its name in English, as the data's messages name it: "Korean"
    native: str  # its name as it writes it, in the language selector: "한국어"
    folder: str  # its edition's folder in the published site ("" for the English, at the root)
    theme: str  # Material's theme.language for it
    # What its writing is called, and what a name written in it must contain ("names" of an
    # actor); None where its letters are Latin.
    script: str = ""
    pattern: re.Pattern[str] | None = None
    joiner: str = " "  # between two sentences: Japanese writes none after its full stop
    # Its words are not separated by spaces: its search index holds the runs of words split out
    # of its sentences (render/search.py), not whole sentences.
    split: bool = False
    # How it writes a date: the weekdays, Monday first, and the units after year, month and
    # day, with what comes between the month and the day ("2019년 8월 2일"); none: as English.
    weekdays: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                 "Saturday", "Sunday")
    units: tuple[str, str, str, str] | None = None


ENGLISH = Language("en", "English", "English", "", "en")
LANGUAGES: tuple[Language, ...] = (
    ENGLISH,
    Language("ko", "Korean", "한국어", "ko/", "ko", "Hangul", HANGUL,
             weekdays=("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"),
             units=("년", "월", "일", " ")),
    Language("ja", "Japanese", "日本語", "ja/", "ja", "kana or kanji", KANA_KANJI, joiner="",
             split=True,
             weekdays=("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"),
             units=("年", "月", "日", "")),
)
BY_CODE = {language.code: language for language in LANGUAGES}
# The editions translated from the English (data/i18n/<code>/), in the order they are built.
EDITIONS: tuple[Language, ...] = tuple(language for language in LANGUAGES
                                       if language is not ENGLISH)


def language(code: str) -> Language:
    """The table's language of this code; English for one not in the table."""
    return BY_CODE.get(code, ENGLISH)


def language_of(text: str) -> str | None:
    """The code of the first edition whose script the text holds: "ko" for Hangul, "ja" for
    kana or kanji (the site's Chinese characters are Japanese names and terms); None for any
    other."""
    return next((lang.code for lang in EDITIONS if lang.pattern and lang.pattern.search(text)),
                None)


def same_language(one: str, other: str) -> bool:
    """Whether two BCP 47 codes name one language, whatever their region or script ("ko" and
    "ko-KR")."""
    return one.split("-")[0].lower() == other.split("-")[0].lower()
