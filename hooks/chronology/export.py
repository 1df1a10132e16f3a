"""Exports: the chronology as JSON, CSV, iCalendar and an Atom feed, built from the same model.

Pure functions, no MkDocs, no I/O beyond reading the JSON Schema shipped beside this module;
each returns the file's text. Output is deterministic (sorted, no clock): two builds of the same
data give the same bytes. `base` is the site's address (MkDocs' site_url) when known; links are
relative to the site root otherwise.

Languages (#16): events.json carries every language. Its English members are as they always
were; beside them, an event or a phase has `translations`, by language, with each translated
field as `{text, by, how, reviewed, stale}` (`by`: null for a machine translation; our
translations of an event's quotes as `quotes`), and the top level lists its `languages`.
The CSV, iCalendar and Atom exports stay English: a row, an entry of a calendar or of a feed has
one title and one summary, and English is the edition every record is written in.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import icalendar

from .declare import Kind
from .marks import as_shown, is_report
from .model import KINDS, Chronology, Event, Statement, Translated
from .render import edition_site, redirects
from .render.changes import FEED_ID, render_changes_feed
from .translations import LANGUAGES
from .translations.editions import english_texts
from .urls import (
    ATOM_EXPORT,
    CHANGES_FEED,
    CSV_EXPORT,
    ICS_EXPORT,
    JSON_EXPORT,
    SCHEMA_EXPORT,
    event_url,
)

CSV_COLUMNS = ("id", "date", "precision", "date_basis", "in_force", "title", "summary", "phase",
               "actors", "topics", "sources", "url")


def _url(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path if base else path


def exported(kind: Kind, record: object, translations: Translations | None = None,
             **computed: Any) -> dict[str, Any]:
    """A record as model.py declares its export: the members always there, then `computed`
    ones (an event's url), then those there when set, then its `translations`, if any."""
    always, when_set = kind.exported(record)
    translated = (translations.of(kind.file, getattr(record, "id"))  # noqa: B009
                  if translations and (kind.texts or kind.items) else {})
    return {**always, **computed, **when_set,
            **({"translations": translated} if translated else {})}


def _translated(text: Translated) -> dict[str, Any]:
    return {"by": text.by, "how": text.how, "reviewed": text.reviewed, "stale": text.stale,
            "text": text.text}


class Translations:
    """Each edition's texts for a record of the chronology, ready for JSON: only the fields
    the English has (english_texts), a language with nothing for the record left out, and keys
    sorted (language, then field), so that the bytes do not depend on the order files were read."""

    def __init__(self, chronology: Chronology) -> None:
        self.editions = sorted(chronology.translations.items())
        self.events = {event.id: event for event in chronology.events}
        # Whose words each quote of an event gives, and its words' language (marks.as_shown).
        languages = {record.id: record.language for record in chronology.records}
        self.said: dict[tuple[str, str], tuple[tuple[Statement, ...], str]] = {}
        for event in chronology.events:
            bases = (event.date_basis, *((event.in_force.basis,) if event.in_force else ()))
            for citation in event.citations:
                self.said[event.id, citation.quote] = (citation.said, "en")
            for record in (*event.record, *(c for b in bases for c in b.record)):
                if record.quote:
                    self.said[event.id, record.quote] = (
                        record.said, languages.get(record.source, "en"))
        self.fields: dict[tuple[str, str], list[str]] = {}
        for (kind, id_, name), _ in english_texts(chronology):
            if kind != "ui":
                self.fields.setdefault((kind, id_), []).append(name)

    def of(self, kind: str, id_: str) -> dict[str, Any]:
        """`{lang: {field: {text, by, how, reviewed, stale}, "quotes": [{quote, translation}]}}`;
        `quotes`: an event's quotes, verbatim, in the order the JSON gives them (_quotes)."""
        found: dict[str, Any] = {}
        # Read once per language.
        quotes = tuple(dict.fromkeys(_quotes(self.events[id_]))) if kind == "events" else ()
        for lang, edition in self.editions:
            texts: dict[str, Any] = {
                name: _translated(edition.texts[kind, id_, name])
                for name in sorted(self.fields.get((kind, id_), ())) if (kind, id_, name) in edition.texts}
            cited = [self._quote(id_, quote, edition.quotes[id_, quote])
                     for quote in quotes if (id_, quote) in edition.quotes]
            if cited:
                texts["quotes"] = cited
            if texts:
                found[lang] = dict(sorted(texts.items()))
        return found


    def _quote(self, event_id: str, quote: str, translation: str) -> dict[str, Any]:
        """Our translation of a quote as the editions show it (marks.as_shown); beside a report
        of words said in another language, `rendering`: it is reported speech."""
        said, language = self.said.get((event_id, quote), ((), "en"))
        shown = {"quote": quote, "translation": as_shown(translation, said, language)}
        return {**shown, "rendering": True} if is_report(said, language) else shown


def _quotes(event: Event) -> list[str]:
    """Every quote of an event a translation may translate (translations/check.py: any quote
    in its file), in the order of the JSON: its date's record, its citations, its in_force
    date's record, its record."""
    after = (*(event.in_force.basis.record if event.in_force else ()), *event.record)
    return [*(c.quote for c in event.date_basis.record if c.quote),
            *(c.quote for c in event.citations), *(c.quote for c in after if c.quote)]


def event_record(event: Event, base: str = "",
                 translations: Translations | None = None) -> dict[str, Any]:
    return exported(KINDS["events"], event, translations, url=_url(base, event_url(event.id)))


def render_json(chronology: Chronology, base: str = "") -> str:
    translations = Translations(chronology)
    data = {
        "$schema": SCHEMA_EXPORT,
        # English, then each edition read from data/i18n/ (the records' `translations` keys).
        "languages": ["en", *(lang for lang in LANGUAGES if lang in chronology.translations)],
        "phases": [exported(KINDS["phases"], p, translations) for p in chronology.phases],
        "sources": [exported(KINDS["sources"], s) for s in chronology.sources],
        "events": [event_record(e, base, translations) for e in chronology.events],
        "records": [exported(KINDS["records"], r) for r in chronology.records],
        "figures": [exported(KINDS["figures"], f, translations) for f in chronology.figures],
        # Addresses that moved when a record was renamed: each still leads to its page.
        "redirects": [{"from": _url(base, old), "to": _url(base, new)}
                      for old, new, _ in redirects(chronology)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# A cell starting with one of these is read as a formula by spreadsheets (CSV injection):
# OWASP's advice is to make such a cell start with an apostrophe, which spreadsheets hide.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: see _FORMULA_START."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(chronology: Chronology, base: str = "") -> str:
    """English only, as are the calendar and the feed: the translations are in events.json."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in chronology.events:
        writer.writerow(csv_cell(cell) for cell in [
            event.id, event.date.iso, event.date.precision, event.date_basis.kind,
            event.in_force.date.iso if event.in_force else "", event.title, event.summary,
            event.phase, ";".join(event.actors), ";".join(event.topics),
            ";".join(dict.fromkeys(c.source for c in event.citations)),
            _url(base, event_url(event.id)),
        ])
    return out.getvalue()


def render_ics(chronology: Chronology, base: str = "", name: str = "") -> str:
    """One all-day entry per day-precise event, with its permalink and sources, and one for
    each day a decided measure took effect."""
    sources = {s.id: s for s in chronology.sources}
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Japan-Korea trade dispute chronology//EN")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    for event in chronology.events:
        if event.date.precision != "day":
            continue
        day = event.date.first_day
        entry = icalendar.Event()
        entry.add("uid", f"{event.id}@japan-korea-trade-dispute-chronology")
        entry.add("dtstamp", datetime.datetime(day.year, day.month, day.day,
                                               tzinfo=datetime.UTC))
        entry.add("dtstart", day)
        entry.add("dtend", day + datetime.timedelta(days=1))
        entry.add("summary", event.title)
        cited = [sources[s] for s in dict.fromkeys(c.source for c in event.citations)]
        lines = [event.summary, "", "Sources:"]
        lines += [f"- {s.outlet}, “{s.title}”, {s.published.human}" for s in cited]
        lines += ["", _url(base, event_url(event.id))]
        entry.add("description", "\n".join(lines))
        if base:
            entry.add("url", _url(base, event_url(event.id)))
        calendar.add_component(entry)
    for event in chronology.events:  # the days decided measures took effect, entries of their own
        if event.in_force is None or event.in_force.date.precision != "day":
            continue
        day = event.in_force.date.first_day
        entry = icalendar.Event()
        entry.add("uid", f"{event.id}-in-force@japan-korea-trade-dispute-chronology")
        entry.add("dtstamp", datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC))
        entry.add("dtstart", day)
        entry.add("dtend", day + datetime.timedelta(days=1))
        entry.add("summary", f"Takes effect: {event.title}")
        link = _url(base, event_url(event.id) + "#in-force")
        entry.add("description", f"Decided {event.date.human}: {event.summary}\n\n{link}")
        if base:
            entry.add("url", link)
        calendar.add_component(entry)
    return "".join(fold(line) + "\r\n" for line in calendar.content_lines() if line)


def fold(line: str, limit: int = 75) -> str:
    """One content line as icalendar (7.3) folds it in `to_ical()`: lines shorter than `limit`
    octets (RFC 5545, 3.1), never cut inside a character, and an escaping backslash or caret
    carried over to the next line with what it escapes. The same result, cut a slice at a time:
    icalendar measures each character's UTF-8 length, and took two thirds of the calendar's time
    (tests/test_exports.py holds the two together)."""
    data = line.encode("utf-8")
    parts, start = [], 0
    while len(data) - start >= limit:
        cut = start + limit - 1
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: inside a character
            cut -= 1
        if data[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    if not parts:
        return line
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


ATOM = "http://www.w3.org/2005/Atom"


def render_atom(chronology: Chronology, base: str = "", name: str = "") -> str:
    """An Atom feed with one entry per event, newest first."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    def stamp(event: Event) -> str:
        return event.date.first_day.isoformat() + "T00:00:00Z"

    events = sorted(chronology.events, key=Event.sort_key, reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", FEED_ID + "events")
    sub(feed, "title", name or "Chronology")
    sub(feed, "updated", stamp(events[0]) if events else "1970-01-01T00:00:00Z")
    sub(feed, "link", href=_url(base, ATOM_EXPORT), rel="self")
    sub(feed, "link", href=_url(base, "") or "./", rel="alternate")  # "" would be the feed itself
    author = sub(feed, "author")
    sub(author, "name", name or "Chronology")
    for event in events:
        entry = sub(feed, "entry")
        sub(entry, "id", FEED_ID + event_url(event.id))
        sub(entry, "title", event.title)
        sub(entry, "updated", stamp(event))
        sub(entry, "link", href=_url(base, event_url(event.id)), rel="alternate")
        sub(entry, "summary", event.summary)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


SCHEMA = (Path(__file__).parent / SCHEMA_EXPORT).read_text("utf-8")


def render_exports(chronology: Chronology, base: str = "", name: str = "",
                   lang: str = "en") -> dict[str, str]:
    """Every export, keyed by its path in the site; the feed of the chronology's own changes in
    the edition's language `lang`, the others in English."""
    return {
        CHANGES_FEED: render_changes_feed(edition_site(chronology, name, lang), base),
        SCHEMA_EXPORT: SCHEMA,
        JSON_EXPORT: render_json(chronology, base),
        CSV_EXPORT: render_csv(chronology, base),
        ICS_EXPORT: render_ics(chronology, base, name),
        ATOM_EXPORT: render_atom(chronology, base, name),
    }
