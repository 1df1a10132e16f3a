"""Which of the site's languages a piece of text is written in, from its script: for the `lang`
of names shown outside their language (fonts, screen readers) and for the data's checks.
No MkDocs, no I/O.
"""

from __future__ import annotations

import re

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
KANA_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def language_of(text: str) -> str | None:
    """"ko" for text with Hangul, "ja" for text with kana or kanji (the site's Chinese
    characters are Japanese names and terms), None for anything else."""
    if HANGUL.search(text):
        return "ko"
    return "ja" if KANA_KANJI.search(text) else None
