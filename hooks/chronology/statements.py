"""Count the statements the chronology quotes, and how many carry their original words.

Usage: python -m chronology.statements [DATA_DIR] [--list]

A statement is one speaker's words (a person's, or an office's) on one day, in the language
they were said or written in: every quote that says so (`said: {by, date, language}`, on a citation of
the articles or of the record) is one of its quotes. A statement carries its original words when
one of its quotes is in its language; the others are known only from reports in another language
(the outlets' words), and each should say in `not_found` what was looked for. Quotes that give
no one's words (an outlet's account, a court's ruling as reported) are not statements. Prints,
per language, how many statements there are and how many carry their original words; with
--list, every statement without them. Pure counting (statements_in, count) plus a thin main.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, Location
from .languages import same_language
from .model import Chronology, Citation, RecordCitation
from .validate import load_chronology


@dataclass(frozen=True)
class Quote:
    """One quote of a statement: its words' language, and where it is."""

    language: str
    source: str
    not_found: str | None
    machine: bool
    at: Location


@dataclass
class Said:
    """One statement and every quote of it."""

    by: str
    on: str
    language: str
    occasion: str | None = None
    quotes: list[Quote] = field(default_factory=list)

    @property
    def original(self) -> bool:
        return any(same_language(q.language, self.language) for q in self.quotes)

    @property
    def not_found(self) -> str | None:
        return next((q.not_found for q in self.quotes if q.not_found), None)


def quotes_in(chronology: Chronology) -> Iterator[tuple[Citation | RecordCitation, str]]:
    """Every quote of the articles and of the record, with the language of its words."""
    languages = {r.id: r.language for r in chronology.records}
    for event in chronology.events:
        bases = [event.date_basis, *([event.in_force.basis] if event.in_force else [])]
        yield from ((c, "en") for c in event.citations)
        yield from ((c, languages[c.source]) for b in bases for c in b.record)
        yield from ((c, languages[c.source]) for c in event.record)
    for correction in chronology.corrections:
        yield from ((c, "en") for c in (*correction.quotes, *correction.evidence_quotes))
        yield from ((c, languages[c.source]) for c in correction.record)
    for entry in chronology.background:
        yield from ((c, "en") for c in entry.citations)
        yield from ((c, languages[c.source]) for c in entry.date_basis.record)


def statements_in(chronology: Chronology) -> list[Said]:
    """Every statement quoted, in the order first quoted."""
    machine = {r.id for r in chronology.records if r.machine_translation}
    found: dict[tuple[str, str, str], Said] = {}
    for citation, language in quotes_in(chronology):
        if not citation.quote:
            continue
        for said in citation.said:
            statement = found.setdefault(said.key, Said(said.by, said.date.iso, said.language,
                                                        said.occasion))
            statement.quotes.append(Quote(language, citation.source, citation.not_found,
                                          citation.source in machine, citation.at))
    return list(found.values())


@dataclass(frozen=True)
class Count:
    language: str
    statements: int
    original: int
    not_found: int  # without their original words, and saying why

    @property
    def percent(self) -> int:
        return round(100 * self.original / self.statements) if self.statements else 0


def count(statements: list[Said]) -> list[Count]:
    """Per language the words were said in, in order of the most statements."""
    languages = sorted({s.language for s in statements},
                       key=lambda lang: (-sum(s.language == lang for s in statements), lang))
    return [Count(lang, len(of), sum(s.original for s in of),
                  sum(not s.original and s.not_found is not None for s in of))
            for lang in languages
            for of in [[s for s in statements if s.language == lang]]]


def report(statements: list[Said], listing: bool = False) -> list[str]:
    counts = count(statements)
    lines = ["Statements quoted (one speaker on one day), by the language they were said in:"]
    for c in counts:
        lines.append(f"  {c.language}: {c.original} of {c.statements} carry their original words "
                     f"({c.percent} %); of the other {c.statements - c.original}, "
                     f"{c.not_found} say why (not_found)")
    total = sum(c.statements for c in counts)
    original = sum(c.original for c in counts)
    if total:
        lines.append(f"  all: {original} of {total} ({round(100 * original / total)} %)")
    if listing:
        lines.append("Without their original words:")
        for s in statements:
            if not s.original:
                where = s.quotes[0].at
                occasion = f" ({s.occasion})" if s.occasion else ""
                lines.append(f"  {s.by}, {s.on}{occasion}, in {s.language}: "
                             + ", ".join(sorted({q.source for q in s.quotes}))
                             + f" ({where}) — " + (s.not_found or "no not_found"))
    return lines


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    args = [a for a in argv if a != "--list"]
    if len(args) > 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        chronology = load_chronology(Path(args[0] if args else "data"))
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print("\n".join(report(statements_in(chronology), listing)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
