"""A hand-written page once Markdown has made its HTML: checked, its markers filled, and in a
Korean or Japanese edition, who translated it or that it is not translated.

One home for what the hook does after MkDocs' Markdown (chronology_build.Build.hand_written_html)
and what `make standalone` does after its own (markdown_page.py), so that a page is the same
either way. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem
from .handwritten import HandWritten, sanitize_body
from .localized import Localized
from .messages import Messages
from .model import Chronology
from .publication import Publication
from .render import render_fragments
from .render.fragments import edition_credit, edition_made, edition_note

FILLED = re.compile(r"<!-- chronology:([a-z-]+) -->")  # as handwritten.sanitize_body writes them
_ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True)
class Edition:
    """What a page needs of its edition: its language's code and words; for a page shown in a
    translated edition, whether it has a translation (`untranslated`), and the fingerprint of
    the English that the translation must say it translates (`english`)."""

    lang: str
    words: Messages
    untranslated: bool = False
    english: str | None = None
    publication: Publication | None = None  # what the About page's citation and report need


def finished_html(page: HandWritten, html: str, chronology: Chronology, here: str,
                  edition: Edition) -> tuple[str, set[str], list[Problem]]:
    """The page's HTML as Markdown made it, checked (the problems, if any: then nothing else is
    done), its markers filled with the generated parts, in the edition; and the ids that the
    generated parts bring (links to them are checked)."""
    html, problems = sanitize_body(page, html)
    if problems:
        return html, set(), problems
    fragments = (render_fragments(chronology, here, edition.lang, edition.publication)
                 if page.markers else {})
    html = FILLED.sub(lambda match: fragments[match.group(1)], html)
    ids = {found for fragment in fragments.values() for found in _ID.findall(fragment)}
    if edition.lang == "en":
        return html, ids, []
    return in_edition(page, html, here, edition), ids, []


def in_edition(page: HandWritten, html: str, here: str, edition: Edition) -> str:
    """A hand-written page in a Korean or Japanese edition: its translation with who made it
    (front matter `translation: {by, how, reviewed, of}`, `of` checked against the English page),
    or, with no translation, the English page marked as such (lang="en" and a note)."""
    words = edition.words
    if edition.untranslated:
        return (edition_note(words, ["edition.note.untranslated"])
                + f'\n<div lang="en">{html}</div>')
    given = page.translation
    assert given is not None  # read_page requires it of a translated page
    made = Localized("", edition.lang, by=given.by, how=given.how, reviewed=given.reviewed)
    note = ""
    if given.of != edition.english:
        note = edition_note(words, ["edition.note.stale-page"]) + "\n"
    # What kind of translation it is, under the page's heading, as on generated pages.
    heading = html.find("</h1>")
    at = heading + len("</h1>") if heading >= 0 else 0
    html = f"{html[:at]}\n{edition_made(words, [made])}{html[at:]}"
    return f"{note}{html}\n{edition_credit(words, here, [made])}"
