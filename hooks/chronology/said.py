"""Check the words the quotes attribute: whose statement a quote gives (`said`), whether its
original was looked for and not found (`not_found`), and that a machine translation never
stands alone for an official's words. Checks over everything that read, as rules.py's and
references.py's are: each a small generator of problems. No MkDocs, no I/O.

A statement is one speaker's words on one day, in one language (model.Statement). A quote in
that language is its original; a quote in another is a report of it (the outlet's words).
Counting them is statements.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import model
from .errors import Problem
from .languages import same_language
from .read import Draft
from .rules import LANGUAGE_PATTERN, Known, at, unknown_id

# The language the articles (data/sources.yaml) are written in.
ARTICLES = "en"

Key = tuple[str, str, str]  # a statement: its speaker, day and occasion (model.Statement.key)


@dataclass(frozen=True)
class Quoted:
    """A citation as read, with the language of its words and the record source it quotes (None
    for an article)."""

    citation: Draft
    language: str
    record: Draft | None

    @property
    def said(self) -> tuple[Draft, ...]:
        return tuple(self.citation.get("said") or ())

    def statements(self) -> Iterator[tuple[Key, Draft]]:
        """The statements it gives words of, where speaker and day read."""
        for said in self.said:
            if said.get("by") is not None and said.get("date") is not None:
                yield (said["by"], str(said["date"]), said.get("occasion") or ""), said

    def original(self, said: Draft) -> bool:
        """Whether its words are the speaker's own: in the language they were said in."""
        spoken = said.get("language")
        return bool(spoken and self.language) and same_language(spoken, self.language)


def quotes_of(owner: Draft, known: Known) -> list[Quoted]:
    """Every quote a record (an event, a correction, a background entry) carries, in order, each
    with its language: an article's English, or its record source's `language`."""
    found: list[Quoted] = []
    for citations in _citation_lists(owner):
        for citation in citations:
            kind = getattr(citation.spec, "origin", None) or citation.spec
            if kind is model.RECORD_CITATION:
                record = known.records.get(citation.get("source") or "")
                found.append(Quoted(citation, (record.get("language") if record else None) or "",
                                    record))
            else:
                found.append(Quoted(citation, ARTICLES, None))
    return found


def _citation_lists(owner: Draft) -> Iterator[tuple[Draft, ...]]:
    for name in ("citations", "quotes", "evidence_quotes", "record"):
        yield owner.get(name) or ()
    basis = owner.get("date_basis")
    in_force = owner.get("in_force")
    for nested in (basis, in_force.get("basis") if in_force is not None else None):
        if nested is not None:
            yield nested.get("record") or ()


def _machine(quoted: Quoted) -> str | None:
    """Who machine-translated the quote's record source, if anyone."""
    return quoted.record.get("machine_translation") if quoted.record is not None else None


def check_said(owner: Draft, known: Known) -> Iterator[Problem]:
    """Each quote's `said` names a known speaker and a language; `not_found` is for a quote that
    reports someone's words in another language than theirs."""
    for quoted in quotes_of(owner, known):
        citation = quoted.citation
        for said in quoted.said:
            by, spoken = said.get("by"), said.get("language")
            if by and known.lacks("actors", by, said.loc("by")):
                yield at(said.loc("by"), f"{said.what}: by: " + unknown_id(
                    "actor", by, known.ids["actors"],
                    "add the speaker to data/actors.yaml, or name the office they spoke for"))
            if spoken and not re.fullmatch(LANGUAGE_PATTERN, spoken):
                yield at(said.loc("language"), f"{said.what}: language: '{spoken}' is not a "
                         "language code; write the language the words were said in: ko, ja, en "
                         "(BCP 47)")
        if citation.get("not_found") is None:
            continue
        if not quoted.said:
            yield at(citation.loc("not_found"), f"{citation.what}: 'not_found' says whose "
                     "original words were not found: add 'said: {by, date, language}' (the "
                     "speaker, the day, the language they spoke)")
        elif all(quoted.original(said) for said in quoted.said):
            yield at(citation.loc("not_found"), f"{citation.what}: this quote is in "
                     f"'{quoted.language}', the language the words were said in: it is the "
                     "original; remove 'not_found'")


def check_machine_translated(owner: Draft, known: Known) -> Iterator[Problem]:
    """A quote from a machine translation (records.yaml `machine_translation`) says whose words
    it renders, and never stands alone for them: the same record cites their original words too,
    or says that they were looked for and not found."""
    quoted = quotes_of(owner, known)
    originals = {key for q in quoted for key, said in q.statements() if q.original(said)}
    not_found = {key for q in quoted if q.citation.get("not_found") for key, _ in q.statements()}
    for q in quoted:
        machine = _machine(q)
        if machine is None or q.citation.get("quote") is None:
            continue
        source, what = q.citation.get("source"), q.citation.what
        if not q.said:
            yield at(q.citation.at, f"{what}: '{source}' is a machine translation (by {machine}): "
                     "say whose words it renders, 'said: {by, date, language}', and quote their "
                     "original words beside it, or say in 'not_found' that they were looked for "
                     "and not found")
        for key, said in q.statements():
            if q.original(said) or key in originals or key in not_found:
                continue
            yield at(q.citation.at, f"{what}: '{source}' is a machine translation (by {machine}) "
                     f"of {key[0]}'s words of {key[1]}, which it may not stand for alone: quote "
                     f"the words in '{said.get('language')}' here too (a record source in that "
                     "language, with the same 'said'), or say in 'not_found' what was looked for "
                     "and not found")


def check_statements(owners: Iterable[Draft], known: Known) -> Iterator[Problem]:
    """Across the data: the quotes of one statement (one speaker, one day) agree on its language;
    its original words are quoted, or a report of them says that they were looked for and not
    found (`not_found`), never both."""
    first: dict[Key, Draft] = {}
    originals: set[Key] = set()
    elsewhere: set[Key] = set()
    unfound: list[tuple[Quoted, Key]] = []
    for owner in owners:
        for q in quotes_of(owner, known):
            for key, said in q.statements():
                if q.original(said):
                    originals.add(key)
                elif q.citation.given("not_found"):  # if it did not read, as it is reported
                    unfound.append((q, key))
                elif not q.language or _machine(q) or not re.fullmatch(
                        LANGUAGE_PATTERN, said.get("language") or ""):
                    elsewhere.add(key)  # reported by the rules about its source, or language
                spoken = said.get("language")
                earlier = first.setdefault(key, said)
                if (earlier is not said and spoken and earlier.get("language")
                        and not same_language(earlier["language"], spoken)):
                    yield at(said.loc("language"), f"{said.what}: language: '{spoken}', but "
                             f"{key[0]}'s words of {key[1]} are in '{earlier['language']}' at "
                             f"{earlier.loc('language')}; one statement (one speaker, one day) "
                             "has one language")
    for q, key in unfound:
        if key in originals and q.citation.get("not_found"):
            yield at(q.citation.loc("not_found"), f"{q.citation.what}: 'not_found', but "
                     f"{key[0]}'s own words of {key[1]} are quoted; remove 'not_found'")
    said_why = originals | elsewhere | {key for _, key in unfound}
    for key, said in first.items():
        if key not in said_why:
            yield at(said.loc("by"), f"{said.what}: {key[0]}'s words of {key[1]} are quoted only "
                     f"from reports in other languages than '{said.get('language')}', the one "
                     "they were said in: quote the original words too (a record source in that "
                     "language, with the same 'said'), or say on one report, in 'not_found', "
                     "what was looked for and not found")
