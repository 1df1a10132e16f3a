"""A translated text: a str that carries its language and who made it, and the collector that
notes each one a page shows. Below both render/ (which prints them) and translations/ (which
makes them), so that neither has to import the other. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class Localized(str):
    """A text of a Korean or Japanese edition, with what the page must say about it.

    `lang` is the language it is written in: the edition's for a translation, "en" where the
    English stands in for a missing translation (`missing`) or for a name with no form in the
    edition's language. `by`, `how`, `reviewed`: who translated it (a translation only);
    `stale`: the English has changed since it was translated. markup.text() marks it on the page
    and tells the page's `shown()` collector, from which the page notes what is untranslated and
    who translated what. As a plain str (sliced, joined, compared), it is just its text: any
    string operation (strip, an f-string, join) returns a plain str and loses what it carries."""

    lang: str
    missing: bool
    stale: bool
    by: str | None
    how: str | None
    reviewed: str | bool

    def __new__(cls, value: str, lang: str, *, missing: bool = False, stale: bool = False,
                by: str | None = None, how: str | None = None,
                reviewed: str | bool = False) -> Localized:
        made = super().__new__(cls, value)
        made.lang, made.missing, made.stale = lang, missing, stale
        made.by, made.how, made.reviewed = by, how, reviewed
        return made


_SHOWN: ContextVar[list[Localized] | None] = ContextVar("shown", default=None)


@contextmanager
def shown() -> Iterator[list[Localized]]:
    """Collect every Localized text that markup.text() puts on the page rendered inside the
    block."""
    found: list[Localized] = []
    token = _SHOWN.set(found)
    try:
        yield found
    finally:
        _SHOWN.reset(token)


def note_shown(value: Localized) -> None:
    """Tell the collector of the page being rendered (if any) that `value` is on it."""
    if (collector := _SHOWN.get()) is not None:
        collector.append(value)
