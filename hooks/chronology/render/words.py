"""Whose words a quote gives, as a page says it: the speaker's own, or a report of them in
another language (named, with whether the original was looked for), and our translation or
rendering beside them (marks.as_shown); the names of the languages the record is written in.
Pure: no I/O, no MkDocs; all data text goes through markup.text().
"""

from __future__ import annotations

from .. import markup as m
from ..marks import as_shown
from ..messages import Messages
from ..model import Statement
from .site import Site

# The languages the record is written in that pages name, by their message ids.
LANGUAGES = {"en": "language.en", "ko": "language.ko", "ja": "language.ja", "zh": "language.zh",
             "fr": "language.fr", "de": "language.de"}


def language_name(t: Messages, code: str) -> str:
    """A language, named in the page's language ("Japanese", "일본어"); an unknown code as is."""
    base = code.split("-")[0]
    return t(LANGUAGES[base]) if base in LANGUAGES else m.text(code)


def render_said(site: Site, said: tuple[Statement, ...], language: str, outlet: str,
                not_found: str | None) -> list[str]:
    """What the page says of whose words a quote gives: the speaker's own, or a report of them
    in another language, and, for a report, whether their own words were looked for."""
    t = site.t
    lines: list[str] = []
    for statement in said:
        speaker = m.text(site.actors[statement.by].name) if statement.by in site.actors \
            else m.text(statement.by)
        if statement.language.split("-")[0] == language.split("-")[0]:
            lines.append(t("quote.original", speaker=speaker))
        else:
            lines.append(t("quote.report", outlet=m.text(outlet),
                           language=language_name(t, language), speaker=speaker,
                           spoken=language_name(t, statement.language)))
    if not_found:
        lines.append(t("quote.not-found", reason=m.text(not_found)))
    return lines


def ours(text: str, said: tuple[Statement, ...], language: str) -> str:
    """Our translation of a quote in `language`, as shown (marks.as_shown), marked as ours."""
    return f'<span class="chrono-ours">{m.text(as_shown(text, said, language))}</span>'
