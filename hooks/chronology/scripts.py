"""The scripts the site's languages are written in, as patterns (languages.py says which is
whose): for the `lang` of names shown outside their language (fonts, screen readers) and for the
data's checks. No MkDocs, no I/O.
"""

from __future__ import annotations

import re

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
KANA_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

