"""Check the words the quotes attribute: whose statement a quote gives (`said`), whether its
original was looked for and not found (`not_found`), and that a machine translation never
stands alone for an official's words. Checks over everything that read, as rules.py's and
references.py's are: each a small generator of problems. No MkDocs, no I/O.

A statement is one speaker's words on one day, in one language (model.Statement). A quote in
that language is the original; a quote in another is a report (the outlet's words). Counting
them is statements.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import model
from .errors import Problem
from .read import Draft
from .rules import LANGUAGE_PATTERN, Known, at, unknown_id

# The language the articles (data/sources.yaml) are written in.
ARTICLES = "en"


@dataclass(frozen=True)
class Quoted:
    """A citation as read, with the language of its words and the record source it quotes (None
    for an article)."""

    citation: Draft
    language: str
    record: Draft | None

    @property
    def statement(self) -> tuple[str, str] | None:
        """Whose words on which day, if the quote says so and both read: the statement's key."""
        said = self.citation.get("said")
        if said is None or said.get("by") is None or said.get("date") is None:
            return None
        return said["by"], str(said["date"])

    @property
    def spoken(self) -> str | None:
        said = self.citation.get("said")
        return said.get("language") if said is not None else None

    @property
    def original(self) -> bool:
        """The speaker's own words: a quote in the language they were said in."""
        return self.spoken is not None and _same_language(self.spoken, self.language)


def _same_language(one: str, other: str) -> bool:
    return one.split("-")[0].lower() == other.split("-")[0].lower()


def quotes_of(owner: Draft, known: Known) -> list[Quoted]:
    """Every quote a record (an event, a correction, a background entry) carries, in order, each
    with its language: an article's English, or its record source's `language`."""
    found: list[Quoted] = []
    for citations in _citation_lists(owner):
        for citation in citations:
            source_id = citation.get("source")
            kind = getattr(citation.spec, "origin", None) or citation.spec
            if kind is model.RECORD_CITATION:
                record = known.records.get(source_id or "")
                language = (record.get("language") if record else None) or ""
                found.append(Quoted(citation, language, record))
            else:
                found.append(Quoted(citation, ARTICLES, None))
    return found


def _citation_lists(owner: Draft) -> Iterator[tuple[Draft, ...]]:
    for name in ("citations", "quotes", "evidence_quotes", "record"):
        yield owner.get(name) or ()
    for name in ("date_basis", "in_force"):
        nested = owner.get(name)
        if nested is not None and name == "in_force":
            nested = nested.get("basis")
        if nested is not None:
            yield nested.get("record") or ()


def check_said(owner: Draft, known: Known) -> Iterator[Problem]:
    """Each quote's `said` names a known speaker and a language; `not_found` is for a quote that
    reports someone's words in another language than theirs."""
    for quoted in quotes_of(owner, known):
        citation, said = quoted.citation, quoted.citation.get("said")
        name = citation.what
        if said is not None:
            by, spoken = said.get("by"), said.get("language")
            if by and known.lacks("actors", by, said.loc("by")):
                yield at(said.loc("by"), f"{name}: said: by: " + unknown_id(
                    "actor", by, known.ids["actors"],
                    "add the speaker to data/actors.yaml, or name the office they spoke for"))
            if spoken and not re.fullmatch(LANGUAGE_PATTERN, spoken):
                yield at(said.loc("language"), f"{name}: said: language: '{spoken}' is not a "
                         "language code; write the language the words were said in: ko, ja, en "
                         "(BCP 47)")
        if citation.get("not_found") is None:
            continue
        if said is None:
            yield at(citation.loc("not_found"), f"{name}: 'not_found' says whose original words "
                     "were not found: add 'said: {by, date, language}' (the speaker, the day, the "
                     "language they spoke)")
        elif quoted.original and quoted.language:
            yield at(citation.loc("not_found"), f"{name}: this quote is in '{quoted.language}', "
                     "the language the words were said in: it is the original; remove "
                     "'not_found'")


def check_machine_translated(owner: Draft, known: Known) -> Iterator[Problem]:
    """A quote from a machine translation (records.yaml `machine_translation`) says whose words
    it renders, and never stands alone for them: the same record cites their original words too,
    or says that they were looked for and not found."""
    quoted = quotes_of(owner, known)
    originals = {q.statement for q in quoted if q.original}
    not_found = {q.statement for q in quoted if q.citation.get("not_found")}
    for q in quoted:
        machine = q.record.get("machine_translation") if q.record is not None else None
        if machine is None or q.citation.get("quote") is None:
            continue
        source = q.citation.get("source")
        if q.citation.get("said") is None:
            yield at(q.citation.at, f"{q.citation.what}: '{source}' is a machine translation "
                     f"(by {machine}): say whose words it renders, 'said: {{by, date, "
                     "language}', and quote their original words beside it, or say in "
                     "'not_found' that they were looked for and not found")
        elif (q.statement is not None and not q.original and q.statement not in originals
              and q.statement not in not_found):
            by, on = q.statement
            yield at(q.citation.at, f"{q.citation.what}: '{source}' is a machine translation "
                     f"(by {machine}) of {by}'s words of {on}, which it may not stand for alone: "
                     f"quote the words in '{q.spoken}' here too (a record source in that "
                     "language, with the same 'said'), or say in 'not_found' what was looked "
                     "for and not found")


def check_statements(owners: Iterable[Draft], known: Known) -> Iterator[Problem]:
    """Across the data: the quotes of one statement (one speaker, one day) agree on its language,
    and a statement whose original words are quoted is not also said to be not found."""
    first: dict[tuple[str, str], Quoted] = {}
    originals: set[tuple[str, str]] = set()
    unfound: list[Quoted] = []
    for owner in owners:
        for q in quotes_of(owner, known):
            key = q.statement
            if key is None or q.spoken is None:
                continue
            if q.original:
                originals.add(key)
            if q.citation.get("not_found"):
                unfound.append(q)
            earlier = first.setdefault(key, q)
            if earlier is not q and earlier.spoken is not None \
                    and not _same_language(earlier.spoken, q.spoken):
                said = q.citation["said"]
                yield at(said.loc("language"), f"{q.citation.what}: said: language: "
                         f"'{q.spoken}', but {key[0]}'s words of {key[1]} are in "
                         f"'{earlier.spoken}' at {earlier.citation['said'].loc('language')}; one "
                         "statement (one speaker, one day) has one language")
    for q in unfound:
        if q.statement in originals and not q.original:  # an original's own: check_said's
            by, on = q.statement
            yield at(q.citation.loc("not_found"), f"{q.citation.what}: 'not_found', but "
                     f"{by}'s own words of {on} are quoted (in '{q.spoken}'); remove "
                     "'not_found'")
