"""The hand-written pages' translations (docs/<page>.<lang>.md): which English page each
edition translates, and which translation is stale (its front matter's `of` is not the English
page's fingerprint now), for the coverage report. The texts are given; no I/O, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..handwritten import split_front_matter
from . import TRANSLATED_PAGE
from .specs import fingerprint

_OF = re.compile(r"\bof:\s*['\"]?([0-9a-f]{8})\b")


def page_coverage(pages: Mapping[str, str], lang: str) -> tuple[int, int, list[str], list[str]]:
    """(English pages, translated, stale, untranslated) for one edition, from the docs/ folder's
    Markdown files by name ("about.md", "about.ko.md")."""
    total = done = 0
    stale: list[str] = []
    missing: list[str] = []
    for name, text in sorted(pages.items()):
        if TRANSLATED_PAGE.search(name):
            continue
        total += 1
        english = fingerprint(text)
        translated = f"{name.removesuffix('.md')}.{lang}.md"
        if translated not in pages:
            missing.append(f"docs/{translated} (of: {english})")
            continue
        done += 1
        front, _, _ = split_front_matter(pages[translated].replace("\r\n", "\n"))
        found = _OF.search(front or "")
        if found is None or found.group(1) != english:
            was = found.group(1) if found else "none"
            stale.append(f"docs/{translated} (of {was}; the English is now {english})")
    return total, done, stale, missing
