"""Check: every rule the data must keep, each a small generator of problems (python/peps'
check-peps style), run over everything that could be read (read.py) — so one run reports a
record's field problems and its reference problems together.

A rule looks only at fields that read: a missing or wrong field has been reported where it is,
and nothing that depends on it is reported again. No MkDocs, no I/O.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from . import model
from .errors import Location, Problem
from .languages import EDITIONS
from .model import (
    ACTOR_KINDS,
    BASIS_KINDS,
    CHANGE_KINDS,
    CHANGES,
    CORRECTION_KINDS,
    FIGURE_AREAS,
    FIGURE_UNITS,
    FIGURE_YEARS,
    RECORD_KINDS,
)
from .numbers import amount, plain, stated_numbers
from .read import Draft, Spec, walk

LANGUAGE_PATTERN = r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"


class AnyId(frozenset[str]):
    """The ids of a file that is missing or could not be read: every reference to one passes
    (Known.lacks counts it instead), so that the file's problem is reported once, not again at
    every record that refers to it."""

    def __contains__(self, item: object) -> bool:
        return True


@dataclass
class Known:
    """What the records may refer to: declared ids by the file that declares them ("phases",
    "sources", "events", "glossary", "measures"...), and the records that read."""

    ids: dict[str, AbstractSet[str]]
    phases: dict[str, Draft] = field(default_factory=dict)
    sources: dict[str, Draft] = field(default_factory=dict)
    records: dict[str, Draft] = field(default_factory=dict)
    events: dict[str, Draft] = field(default_factory=dict)
    # Every list file's records by id ("context": its entries), as translations name them.
    lists: dict[str, dict[str, Draft]] = field(default_factory=dict)
    # References not checked, by the file they refer to, because it could not be read: the
    # file's problem is what to fix first, and it says how many wait on it (unchecked.py).
    unchecked: dict[str, list[Location]] = field(default_factory=dict)

    def lacks(self, file: str, ref: str, where: Location) -> bool:
        """Whether `ref` names nothing that `file` declares: a reference to report."""
        ids = self.ids.get(file, set())
        if isinstance(ids, AnyId):
            self.unchecked.setdefault(file, []).append(where)
            return False
        return ref not in ids


def at(location: Location, message: str) -> Problem:
    return Problem(location.path, location.line, message)


def unknown_id(kind: str, value: str, known: AbstractSet[str], fix: str) -> str:
    close = ([] if isinstance(known, AnyId)
             else difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.75))
    return f"unknown {kind} '{value}'; " + (f"did you mean '{close[0]}'?" if close else fix)


# --- one record ---------------------------------------------------------------------------

def check_phase_dates(phase: Draft) -> Iterator[Problem]:
    start, end = phase.get("start"), phase.get("end")
    if start and end and end.first_day < start.first_day:
        yield at(phase.loc("end"), f"end: {end} is before start {start}")


def check_kind(allowed: tuple[str, ...], explain: str = "") -> Callable[[Draft], Iterator[Problem]]:
    def rule(record: Draft) -> Iterator[Problem]:
        kind = record.get("kind")
        if kind and kind not in allowed:
            yield at(record.loc("kind"), f"kind: '{kind}' is not one of {', '.join(allowed)}{explain}")
    return rule


def check_language(record: Draft) -> Iterator[Problem]:
    language = record.get("language")
    if language and not re.fullmatch(LANGUAGE_PATTERN, language):
        yield at(record.loc("language"), f"language: '{language}' is not a language code; "
                 "write en, ko, ja (BCP 47)")


def check_event_rests_on_sources(event: Draft) -> Iterator[Problem]:
    """An event quotes the articles (`citations`), or cites the public record (`record`, or the
    record its date rests on), or both."""
    basis = event.get("date_basis")
    if not (event.given("citations") or event.given("record") or (basis and basis.given("record"))):
        yield at(event.at, "an event: missing 'citations' (the articles' words) or 'record' (the "
                 "public record); give at least one")
    elif (event.get("citations") and all(c.get("context") for c in event["citations"])
          and not (event.given("record") or (basis and basis.given("record")))):
        yield at(event.loc("citations"), "citations: every one is context (the articles' "
                 "background, not their report of the event): cite the public record that "
                 "reports it ('record'), or an article that does")


# What a citation's note says when its sentence reports something else than the event: the
# phrasings the data uses (content audit, part 3). A content check (the event's date or words in
# the quote) would not be reliable: sentences that report an event often give other dates and
# share few of its title's words, and background sentences share many.
NOT_THE_EVENT = re.compile(r"\bnot (?:a|its|their) report of\b|\bdo(?:es)? not report\b|"
                           r"\breports the outcome\b|['’]s background\b|"
                           r", not (?:its|the|this|their|[A-Z]\w*['’]s) \w+")


def check_context(event: Draft) -> Iterator[Problem]:
    """A sentence that reports an outcome or background, not the event, is marked `context`
    (shown apart, as background): its note, which says so, is where that can be told. A context
    citation says in its note what it reports instead."""
    for number, citation in enumerate(event.get("citations") or (), start=1):
        note = citation.get("note")
        if citation.get("context") and not citation.given("note"):
            yield at(citation.loc("context"), f"citations {number}: context: say in 'note' what "
                     "the sentence reports instead of the event (an outcome, an earlier step)")
        elif note and not citation.given("context") and (found := NOT_THE_EVENT.search(note)):
            yield at(citation.loc("note"), f"citations {number}: the note says that the sentence "
                     f"does not report the event (“{found.group(0).strip(', ')}”): add "
                     "'context: true', so that it is shown as the article's background, apart "
                     "from what the sources say of the event, or cite a sentence that reports it")


def check_citations_given(record: Draft, name: str) -> Iterator[Problem]:
    if record.given(name) and record.get(name) == ():
        yield at(record.loc(name), f"{name}: needs at least one {{source, quote}}")


def check_basis(basis: Draft) -> Iterator[Problem]:
    """What a date basis needs, by kind; the first thing missing is reported."""
    name, kind = basis.what, basis.get("kind")
    if kind is None:
        return
    if kind not in BASIS_KINDS:
        yield at(basis.loc("kind"), f"{name}: kind '{kind}' is not one of {', '.join(BASIS_KINDS)}")
        return
    given = {key: basis.given(key) for key in ("source", "phrase", "note")}
    cited = bool(basis.get("record") or basis.get("not_found"))
    if kind in {"stated", "derived"} and not (given["source"] and given["phrase"]):
        yield at(basis.at, f"{name}: a '{kind}' date needs 'source' and 'phrase' (the words in "
                 "the source that give the date)")
    elif kind == "record" and given["source"] != given["phrase"]:
        yield at(basis.at, f"{name}: give both 'source' and 'phrase' (the article's own words "
                 "for the date), or neither")
    elif kind == "derived" and not given["note"]:
        yield at(basis.at, f"{name}: a '{kind}' date needs a 'note' saying how it was worked out")
    elif kind == "record" and not cited and not (basis.given("record") or basis.given("not_found")):
        yield at(basis.at, f"{name}: a 'record' date cites the public record: add 'record' (a "
                 "list of {source, quote} naming data/records.yaml entries), or 'not_found' "
                 "saying what was looked for and could not be found")
    if basis.get("record") and basis.get("not_found"):
        yield at(basis.loc("not_found"), f"{name}: 'not_found' says the record was not found, "
                 "but 'record' cites it: keep one")


def check_translation(citation: Draft) -> Iterator[Problem]:
    if citation.get("translation") and not citation.given("quote"):
        yield at(citation.loc("translation"), f"{citation.what}: a translation needs the quote it "
                 "translates ('quote', in the source's own language)")


def check_aliases_not_term(term: Draft) -> Iterator[Problem]:
    """An alias that is the term itself (letter case aside: terms are found in any case) adds
    nothing; the other repeats in the list are found as it reads (fields.Repeats)."""
    name = term.get("term")
    for number, (alias, where) in enumerate(term.get("aliases") or (), start=1):
        if name and alias.casefold() == name.casefold():
            yield at(where, f"aliases {number}: '{alias}' repeats the term (line "
                     f"{term.loc('term').line}); keep one of them")


def check_names(actor: Draft) -> Iterator[Problem]:
    """Each edition's writing of a name holds its script (Hangul for Korean, kana or kanji for
    Japanese: a name under the wrong key is the likely mistake)."""
    names = actor.get("names")
    for language in EDITIONS:
        value = names.get(language.code) if names else None
        if value and language.pattern and not language.pattern.search(value):
            yield at(names.loc(language.code), f"names: {language.code}: '{value}' has no "
                     f"{language.script}; write the name as {language.english} writes it, or "
                     "remove the line")


def _one_of(record: Draft, name: str, allowed: tuple[str, ...], what: str) -> Iterator[Problem]:
    value = record.get(name)
    if value and value not in allowed:
        close = difflib.get_close_matches(value.lower(), [a.lower() for a in allowed], n=1,
                                          cutoff=0.5)
        hint = (f"; did you mean '{allowed[[a.lower() for a in allowed].index(close[0])]}'?"
                if close else f"; {what}")
        yield at(record.loc(name), f"{name}: '{value}' is not one of {', '.join(allowed)}{hint}")


# Words that say a change is a fall or a rise, in the languages the record is written in: a
# figure's sign must agree with the words that state it.
_FALL = re.compile(r"down|fell|fall|drop|declin|plung|plummet|slump|slip|tumbl|sank|shrank|dip|"
                   r"contract|lower|減|감소|줄|하락|급감", re.IGNORECASE)
_RISE = re.compile(r"\bup\b|rose|rise|increas|jump|surg|climb|grew|gain|増|증가|늘|급증|상승",
                   re.IGNORECASE)


def check_figure(figure: Draft) -> Iterator[Problem]:
    """A figure's area and unit are known; its periods fall in the years the figures cover; it
    is measured against another period only if it is a change; and its `stated` words stand in
    its record's quote and state its value, no other number (the sign of a change aside, which
    the words must not contradict)."""
    yield from _one_of(figure, "area", FIGURE_AREAS, "see FIGURE_AREAS in model.py")
    yield from _one_of(figure, "unit", FIGURE_UNITS, "see FIGURE_UNITS in model.py")
    if (figure.get("id") or "").startswith("figures-"):
        yield at(figure.loc("id"), f"id: '{figure['id']}' is reserved: ids starting with "
                 "'figures-' are the headings of the figures page; choose another id")
    first, last = FIGURE_YEARS
    for name in ("period", "against"):
        period = figure.get(name)
        if period and not (first <= period.start.year and period.end.year <= last):
            yield at(figure.loc(name), f"{name}: {period} is outside {first}–{last}, the years "
                     "the figures cover; check the period")
    unit, against = figure.get("unit"), figure.get("against")
    if against and unit and unit not in CHANGES:
        yield at(figure.loc("against"), f"against: only a change (unit {' or '.join(CHANGES)}) "
                 "is measured against another period; remove 'against', or give the change")
    elif against and against == figure.get("period"):
        yield at(figure.loc("against"), "against: the same as 'period'; give the period the "
                 "change is measured against, such as the same month a year earlier")
    if figure.given("events") and figure.get("events") == ():
        yield at(figure.loc("events"), "events: needs at least one event id: the event whose "
                 "measure the figure follows")
    yield from check_stated(figure)


def check_stated(figure: Draft) -> Iterator[Problem]:
    """`stated` stands in the record's quote (whitespace aside, as pages show it) and states
    the figure's value: one number, equal to the value, the sign aside."""
    record, stated, value = figure.get("record"), figure.get("stated"), figure.get("value")
    if record is not None and record.get("source") and not record.given("quote"):
        yield at(record.at, "record: a figure needs the record's words that state it: add "
                 "'quote', copied from the page as read")
        return
    quote = record.get("quote") if record is not None else None
    if not stated:
        return
    if quote and " ".join(stated.split()) not in " ".join(quote.split()):
        yield at(figure.loc("stated"), f"stated: '{stated}' is not in the record's quote (line "
                 f"{record.loc('quote').line}); copy the words that state the number from the "
                 "quote, character for character")
        return
    numbers = stated_numbers(stated)
    if not numbers:
        yield at(figure.loc("stated"), f"stated: '{stated}' states no number (digits, a scale "
                 "such as million, 万 or 억, or a number spelled out); give the words of the "
                 "quote that state this figure")
    elif len(numbers) > 1:
        yield at(figure.loc("stated"), f"stated: '{stated}' states {len(numbers)} numbers ("
                 f"{', '.join(amount(n) for n in numbers)}); give only the words that state "
                 "this figure")
    elif value is not None and numbers[0] != abs(value):
        yield at(figure.loc("value"), f"value: {amount(value)} is not the number the quote "
                 f"states: '{stated}' reads as {amount(numbers[0])}; write the value as the quote states it, "
                 f"{'-' if value < 0 else ''}{plain(numbers[0], grouped=False)}, or fix 'stated'")
    elif value and figure.get("unit") in CHANGES:
        if value > 0 and _FALL.search(stated) and not _RISE.search(stated):
            yield at(figure.loc("value"), f"value: {amount(value)} is a rise, but '{stated}' "
                     f"says it fell; write -{amount(value)}")
        elif value < 0 and _RISE.search(stated) and not _FALL.search(stated):
            yield at(figure.loc("value"), f"value: {amount(value)} is a fall, but '{stated}' "
                     f"says it rose; write {amount(-value)}")


RECORD_RULES: dict[Spec, tuple[Callable[[Draft], Iterator[Problem]], ...]] = {
    model.PHASE: (check_phase_dates,),
    model.ACTOR: (check_kind(ACTOR_KINDS), check_names),
    model.CORRECTION: (check_kind(CORRECTION_KINDS), lambda r: check_citations_given(r, "quotes")),
    model.RECORD_SOURCE: (check_kind(RECORD_KINDS, " (an official document, or a wire or press "
                                                   "report)"), check_language),
    model.EVENT: (check_event_rests_on_sources, lambda r: check_citations_given(r, "citations"),
                  check_context),
    model.BACKGROUND: (lambda r: check_citations_given(r, "citations"),),
    model.GLOSSARY_TERM: (check_aliases_not_term,),
    model.FIGURE: (check_figure,),
    model.CHANGE: (check_kind(CHANGE_KINDS, " (a fact or date put right; events or records "
                              "added; the chronology's own wording; better sources)"),),
}


def rules_for(kind: Spec) -> tuple[Callable[[Draft], Iterator[Problem]], ...]:
    """The rules about one record of a kind, on its own (those of the kind it extends, for a
    kind made by declare.Kind.extend)."""
    return RECORD_RULES.get(getattr(kind, "origin", None) or kind, ())


def nested_rules(draft: Draft) -> Iterator[Problem]:
    """Rules about the records nested in any record: date bases, record citations."""
    for record in walk(draft):
        if record.spec is model.DATE_BASIS:
            yield from check_basis(record)
        if record.given("translation"):
            yield from check_translation(record)


Rule = Callable[[Any, Known], Iterator[Problem]]
