"""Read, then check, the translation files of each language (specs.py): ids that must name an
English record or message, who made each text and how, placeholders a translated message may
use, quotes that must be the event's own, character for character. Every problem is an error,
as for any data: a wrong translation would be shown. What is missing or stale is not a problem
here but a report (coverage.py). No MkDocs, no I/O.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import references
from ..declare import Kind
from ..errors import Location, Problem
from ..load import Document, LineMap
from ..messages import ENGLISH, PLACE
from ..model import KINDS, MACHINE, NOT_A_PERSON
from ..read import Draft, event_id, read, read_list, walk
from ..rules import AnyId, Known, at, unknown_id
from . import specs
from .load import LanguageFiles


@dataclass
class LanguageDrafts:
    """One language's translation files, as read."""

    lang: str
    events: list[tuple[str | None, Draft]] = field(default_factory=list)
    lists: dict[str, list[Draft]] = field(default_factory=dict)
    messages: list[tuple[str, Draft]] = field(default_factory=list)
    translator: dict[str, Draft] = field(default_factory=dict)  # file path -> its translator


def read_language(files: LanguageFiles, problems: list[Problem]) -> LanguageDrafts:
    drafts = LanguageDrafts(files.lang)
    for document in files.events:
        draft = read(specs.event_spec(KINDS["events"]), document.value, document.path,
                     document.line, problems)
        drafts.events.append((event_id(document, problems), draft))
        if draft.get("translator"):
            drafts.translator[document.path] = draft["translator"]
    for name, listed in files.lists.items():
        kind = KINDS[name]
        drafts.lists[name] = read_list(specs.list_spec(kind), listed,
                                       f"{kind.noun}'s translation", problems)
    if files.ui is not None:
        _read_ui(files.ui, drafts, problems)
    return drafts


def _read_ui(document: Document, drafts: LanguageDrafts, problems: list[Problem]) -> None:
    if not isinstance(document.value, LineMap):
        problems.append(Problem(document.path, document.line, "must be a mapping of message ids "
                                "to translated texts, such as `event.sources.heading: {text: "
                                "…, of: …}`"))
        return
    for key, value in document.value.items():
        line = document.value.line_of(key)
        if key == "translator":
            drafts.translator[document.path] = read(specs.TRANSLATOR, value, document.path, line,
                                                    problems, what="translator")
        else:
            drafts.messages.append((key, read(specs.MESSAGE, value, document.path, line,
                                              problems, what=key)))


def texts(drafts: LanguageDrafts) -> Iterator[tuple[str, str, str, Draft]]:
    """Every translated text: (file kind, id, field, its draft), keyed as the English text it
    translates is (editions.english_texts)."""
    translated = [("events", id_, event) for id_, event in drafts.events]
    translated += [(name, item.get("id"), item) for name, items in drafts.lists.items()
                   for item in items]
    for name, id_, draft in translated:
        if id_:
            yield from _texts_of(KINDS[name], name, id_, draft)
    for id_, message in drafts.messages:
        yield "ui", id_, "text", message


def _texts_of(kind: Kind, name: str, id_: str, draft: Draft) -> Iterator[tuple[str, str, str, Draft]]:
    """The translated texts of one record's translation, and of the items of its lists."""
    for text in kind.texts:
        found: Draft | None = draft
        for part in text.key.split("."):
            found = found.get(part) if found is not None else None
        if found is not None:
            yield name, id_, text.key, found
    for items in kind.items:
        for item in draft.get(items.name) or ():
            item_id = items.kind.draft_id(id_, item)
            if item_id is not None:
                yield from _texts_of(items.kind, items.name, item_id, item)
    for citation in draft.get("citations") or ():
        key = citation.get("quote") or citation.get("source")
        for text in kind.quote_texts if key else ():
            found = citation.get(text.key)
            if found is not None:
                yield name, f"{id_}/{key}", f"citations.{text.key}", found


def _quote_translations(drafts: LanguageDrafts) -> Iterator[Draft]:
    """Every item of a `citations` list, in event files and list files."""
    records = [event for _, event in drafts.events]
    records += [item for items in drafts.lists.values() for item in items]
    for record in records:
        yield from record.get("citations") or ()


def check_language(drafts: LanguageDrafts, known: Known) -> Iterator[Problem]:
    """Each translation names what it translates (known: the English ids, by file), and keeps
    the rules a translation keeps."""
    for kind, _, _, text in texts(drafts):
        yield from _check_who(text, drafts.translator.get(text.at.path), kind != "events"
                              and kind != "ui")
    for citation in _quote_translations(drafts):
        if citation.given("how") or citation.given("by"):
            yield from _check_who(citation, drafts.translator.get(citation.at.path), False)
    for translator in drafts.translator.values():
        yield from _check_translator(translator)
    renamed = {former: new for new, english in known.events.items()
               for former, _ in english.get("former_ids") or ()}
    for id_, event in drafts.events:
        if id_ is None:
            continue
        where = Location(event.at.path, 1)
        if id_ in renamed and id_ not in known.events:
            folder = Path(event.at.path).parent.as_posix()
            yield at(where, f"file name: the event '{id_}' was renamed to "
                     f"'{renamed[id_]}' (its former_ids); rename this file to "
                     f"{folder}/{renamed[id_]}.yaml")
        elif known.lacks("events", id_, where):
            yield at(where, "file name: " + unknown_id(
                "event", id_, known.ids["events"], "name the file after an event in data/events/"))
        elif id_ in known.events:
            yield from _check_quotes(event, known.events[id_], "event", f"data/events/{id_}.yaml")
    for kind, items in drafts.lists.items():
        yield from _check_items(kind, items, known)
        english = known.lists.get(kind, {})
        for item in items:
            if item.get("id") in english and item.get("citations"):
                yield from _check_quotes(item, english[item["id"]], KINDS[kind].noun,
                                         f"data/{kind}.yaml ('{item['id']}')")
    yield from references.check_unique_terms(_translated_terms(drafts.lists.get("glossary", [])))
    for id_, message in drafts.messages:
        yield from _check_message(id_, message)


def _check_items(kind: str, items: list[Draft], known: Known) -> Iterator[Problem]:
    """The items of a translated list file name records of the English file, once each."""
    what = KINDS[kind].noun
    seen: dict[str, Location] = {}
    for item in items:
        id_ = item.get("id")
        if id_ is None:
            continue
        if known.lacks(kind, id_, item.loc("id")):
            yield at(item.loc("id"), "id: " + unknown_id(
                what, id_, known.ids.get(kind, set()),
                f"a translation names {'an' if what[0] in 'aeiou' else 'a'} {what} of "
                f"data/{kind}.yaml by its id"))
            continue
        if id_ in seen:
            yield at(item.at, f"'{id_}' is already translated (at {seen[id_]}); keep one")
        seen.setdefault(id_, item.at)
        measures = known.ids.get("measures", set())
        if kind != "tracks" or isinstance(measures, AnyId):
            continue  # the track is not there to read: counted once, above
        starts = {key.split("/", 1)[1] for key in measures if key.startswith(f"{id_}/")}
        for measure in item.get("measures") or ():
            start = measure.get("from")
            if start is not None and start not in starts:
                yield at(measure.loc("from"), "from: " + unknown_id(
                    f"measure of the track '{id_}'", start, starts,
                    f"a measure is named by its `from` event, as in data/tracks.yaml; "
                    f"this track's: {', '.join(sorted(starts)) or 'none'}"))


def _translated_terms(items: list[Draft]) -> Iterator[Draft]:
    """The translated glossary terms as records of their own, for the English rules about terms
    across the glossary (references.check_unique_terms) to hold them too."""
    for item in items:
        term = item.get("term")
        if item.get("id") and term and term.get("text"):
            yield Draft(item.what, item.at, {"id": item["id"], "term": term["text"]})


def _check_how(draft: Draft, label: str) -> Iterator[Problem]:
    how = draft.get("how")
    if how is not None and how not in specs.HOW:
        yield at(draft.loc("how"), f"{label}: how: '{how}' is not one of "
                 f"{', '.join(specs.HOW)}; say whether a machine (checked by a second machine "
                 f"pass or not) or a person made the text")


def _check_who(text: Draft, translator: Draft | None, per_text: bool) -> Iterator[Problem]:
    yield from _check_how(text, text.what)
    where = ("with the text: {text: …, of: …, how: machine-checked, reviewed: false}"
             if per_text else "with the text, or once for the file: translator: "
             "{how: machine-checked, reviewed: false}")
    made = text if text.given("how") else translator if translator and translator.given("how") \
        else None
    if made is None:
        yield at(text.at, f"{text.what}: missing 'how' (machine, machine-checked or person); "
                 f"give it {where}")
        return
    how = made.get("how")
    if how == "person" and not (text.given("by") or made.given("by")):
        yield at(text.at, f"{text.what}: missing 'by' (the person who translated it); give it "
                 f"{where.replace('how: machine-checked', 'by: <name>, how: person')}")
    if text.given("by") and how is not None:  # a file's translator: once, in _check_translator
        yield from _check_by(text, text.what, how)


def _check_translator(translator: Draft) -> Iterator[Problem]:
    yield from _check_how(translator, "translator")
    if translator.given("by") and translator.get("how") is not None:
        yield from _check_by(translator, "translator", translator["how"])


def _check_by(draft: Draft, label: str, how: str) -> Iterator[Problem]:
    if how in MACHINE:
        yield at(draft.loc("by"), f"{label}: by: a machine translation names no one; remove "
                 f"'by' (the pages say what kind of work it is: how: {how})")
    elif NOT_A_PERSON.search(str(draft["by"])):
        yield at(draft.loc("by"), f"{label}: by: must name the person who translated it, got "
                 f"'{draft['by']}'")


def _check_quotes(translation: Draft, english: Draft, noun: str, where: str) -> Iterator[Problem]:
    """Each item of a translation's `citations` names one citation of the English record: by
    its quote, character for character, or, for a citation of the record that quotes no words,
    by its source; it translates something, and only texts that citation has."""
    cited = [d for d in walk(english) if d.get("source") and d.spec is not None
             and "source" in d.spec.key]
    quotes = {d["quote"]: d for d in cited if d.get("quote")}
    unquoted = {d["source"]: d for d in cited if not d.get("quote")}
    for citation in translation.get("citations") or ():
        quote, source = citation.get("quote"), citation.get("source")
        if citation.given("quote") == citation.given("source"):
            yield at(citation.at, f"{citation.what}: give the `quote` it translates, verbatim, "
                     f"or, for a citation of the record that quotes no words, its `source`")
            continue
        if quote is not None and quote not in quotes:
            close = difflib.get_close_matches(quote, sorted(quotes), n=1, cutoff=0.6)
            hint = " (the English quote has changed?)" if close else ""
            yield at(citation.loc("quote"), f"{citation.what}: quote: not one of the {noun}'s "
                     f"quotes{hint}; copy it character for character from {where}")
            continue
        if source is not None and source not in unquoted:
            yield at(citation.loc("source"), f"{citation.what}: source: no citation of "
                     f"'{source}' without a quote in {where}; a quote is named by its words")
            continue
        english_citation = quotes.get(quote) if quote else unquoted.get(source)
        texts = [name for name in citation.where if name not in ("quote", "source", "how", "by")]
        if not texts:
            yield at(citation.at, f"{citation.what}: translates nothing; give its "
                     f"`translation`, or a translated `note`")
        for name in texts:
            if name == "translation" and not quote:
                yield at(citation.loc(name), f"{citation.what}: translation: it quotes no "
                         f"words to translate")
            elif name != "translation" and english_citation is not None \
                    and not english_citation.given(name):
                yield at(citation.loc(name), f"{citation.what}: {name}: the English citation "
                         f"has no {name}; remove it")


def _check_message(id_: str, message: Draft) -> Iterator[Problem]:
    if id_ not in ENGLISH:
        yield at(message.at, unknown_id("message id", id_, set(ENGLISH),
                                        "ui.yaml translates the messages of hooks/chronology/messages.py"))
        return
    text = message.get("text")
    if text is None:
        return
    extra = sorted(set(PLACE.findall(text)) - set(PLACE.findall(ENGLISH[id_])))
    if extra:
        allowed = ", ".join(f"{{{p}}}" for p in sorted(set(PLACE.findall(ENGLISH[id_]))))
        yield at(message.loc("text"), f"{id_}: text: {{{extra[0]}}} is not a place in the "
                 f"English message; use only {allowed or 'none (it has no places)'}")
