"""Translations: the Korean and Japanese texts in data/i18n/<lang>/ — loaded (load.py), read
against their specs (specs.py, derived from model.py), checked (check.py), turned into one
Edition per language (editions.py), and the coverage report of what is untranslated or stale
(coverage.py).

Nothing here renders: the English site is the same with or without data/i18n/. No MkDocs.
"""

from __future__ import annotations

import re

from ..languages import EDITIONS

# The editions (languages.py); any other folder in data/i18n/ is an error.
LANGUAGES = tuple(language.code for language in EDITIONS)
# A hand-written page's translation, beside it in docs/: about.ko.md, index.ja.md.
TRANSLATED_PAGE = re.compile(rf"\.({'|'.join(LANGUAGES)})\.md$")
