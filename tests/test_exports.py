"""Every export parses back and agrees with the data it was made from."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import jsonschema
import pytest
from chronology.export import CSV_COLUMNS, fold, render_exports
from chronology.marks import has_quotation_marks, reported
from chronology.translations.editions import english_texts
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline
from support import DERANDOMISE, examples

BASE = "https://chronology.example/"


@pytest.fixture(scope="module")
def chronology(real_chronology):  # type: ignore[no-untyped-def]
    return real_chronology


@pytest.fixture(scope="module")
def exports(chronology) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return render_exports(chronology, BASE, "Chronology")


def test_json_matches_its_schema_and_the_data(chronology, exports) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(exports["events.json"])
    jsonschema.validate(data, json.loads(exports["events.schema.json"]))
    assert [e["id"] for e in data["events"]] == [e.id for e in chronology.events]
    first, event = data["events"][0], chronology.events[0]
    assert first["date"] == event.date.iso and first["title"] == event.title
    assert [c["quote"] for c in first["citations"]] == [c.quote for c in event.citations]
    assert first["url"] == f"{BASE}events/{event.id}/"
    with_force = [e for e in chronology.events if e.in_force]
    assert {e["id"]: e["in_force"]["date"] for e in data["events"] if "in_force" in e} == {
        e.id: e.in_force.date.iso for e in with_force}


def test_json_carries_every_translation_of_its_records(chronology, exports) -> None:  # type: ignore[no-untyped-def]
    # The schema check above covers `translations` and `languages`; here, each edition's text of
    # an event or a phase (of an English text that exists) is in the file, with its provenance.
    data = json.loads(exports["events.json"])
    assert data["languages"] == ["en", *(lang for lang in ("ko", "ja")
                                        if lang in chronology.translations)]
    # Not the notes under an event's quotes (keyed by the quote, "citations.note"): events.json
    # gives the quotes' translations, not yet their notes (README, Translations).
    english = {key for key, _ in english_texts(chronology) if key[0] in ("events", "phases")
               and not key[2].startswith("citations.")}
    expected = {(kind, id_, lang, name): (t.text, t.by, t.how, t.reviewed, t.stale)
                for lang, edition in chronology.translations.items()
                for (kind, id_, name), t in edition.texts.items() if (kind, id_, name) in english}
    carried = {(kind, record["id"], lang, name): tuple(t[k] for k in ("text", "by", "how",
                                                                        "reviewed", "stale"))
               for kind in ("events", "phases") for record in data[kind]
               for lang, texts in record.get("translations", {}).items()
               for name, t in texts.items() if name != "quotes"}
    assert carried == expected
    quotes = {(e["id"], lang, c["quote"]): reported(c["translation"]) for e in data["events"]
              for lang, texts in e.get("translations", {}).items()
              for c in texts.get("quotes", ())}
    # As the editions show them: beside words that are not the speaker's own, without quotation
    # marks (marks.as_shown; tests/test_words_as_said.py holds the pages to it).
    # An event's quotes (a background entry's or a correction's, "context/<id>", are not in it).
    assert quotes == {(id_, lang, quote): reported(translation)
                      for lang, edition in chronology.translations.items()
                      for (id_, quote), translation in edition.quotes.items() if "/" not in id_}
    rendered = [c for e in data["events"] for texts in e.get("translations", {}).values()
                for c in texts.get("quotes", ()) if c.get("rendering")]
    assert rendered and not any(has_quotation_marks(c["translation"]) for c in rendered)


def test_csv_has_one_row_per_event(chronology, exports) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(exports["events.csv"], newline="")))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert [(r["id"], r["date"], r["title"], r["summary"]) for r in rows] == [
        (e.id, e.date.iso, e.title, e.summary)
        for e in chronology.events]


def test_ics_has_an_entry_per_day_precise_event(chronology, exports) -> None:  # type: ignore[no-untyped-def]
    calendar = icalendar.Calendar.from_ical(exports["events.ics"])
    entries = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    day_events = [e for e in chronology.events if e.date.precision == "day"]
    taking_effect = [e for e in chronology.events if e.in_force]
    assert taking_effect  # the days measures took effect are entries of their own
    assert sorted(entries) == sorted([e.id for e in day_events]
                                     + [f"{e.id}-in-force" for e in taking_effect])
    for event in taking_effect:
        entry = entries[f"{event.id}-in-force"]
        assert entry.decoded("dtstart") == event.in_force.date.first_day
        assert str(entry["summary"]) == f"Takes effect: {event.title}"
        assert str(entry["url"]) == f"{BASE}events/{event.id}/#in-force"
    assert len(day_events) < len(chronology.events)  # month-precise events are left out
    for event in day_events:
        entry = entries[event.id]
        assert entry.decoded("dtstart") == event.date.first_day
        assert str(entry["summary"]) == event.title
        assert str(entry["url"]) == f"{BASE}events/{event.id}/"
        assert "Sources:" in str(entry["description"])


def test_atom_feed_lists_every_event_newest_first(chronology, exports) -> None:  # type: ignore[no-untyped-def]
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(exports["events.atom"].encode("utf-8"))
    entries = feed.findall("a:entry", ns)
    assert len(entries) == len(chronology.events)
    updated = [e.find("a:updated", ns).text for e in entries]  # type: ignore[union-attr]
    assert updated == sorted(updated, reverse=True)
    links = {e.find("a:link", ns).get("href") for e in entries}  # type: ignore[union-attr]
    assert links == {f"{BASE}events/{e.id}/" for e in chronology.events}


def test_exports_are_published_and_linked(built_site: Path) -> None:
    for name in ("events.json", "events.csv", "events.ics", "events.atom", "events.schema.json"):
        assert (built_site / name).stat().st_size > 0
    page = (built_site / "data" / "index.html").read_text("utf-8")
    assert all(f'href="../{name}"' in page for name in ("events.json", "events.csv",
                                                         "events.ics", "events.atom"))


def test_without_a_site_address_links_are_relative(chronology) -> None:  # type: ignore[no-untyped-def]
    exports = render_exports(chronology)
    assert json.loads(exports["events.json"])["events"][0]["url"].startswith("events/")
    assert "URL:" not in exports["events.ics"]


def test_atom_feed_without_a_site_url_links_to_the_site_not_itself(chronology) -> None:  # type: ignore[no-untyped-def]
    feed = ET.fromstring(render_exports(chronology, "", "")["events.atom"].encode("utf-8"))
    links = {link.get("rel"): link.get("href")
             for link in feed.findall("{http://www.w3.org/2005/Atom}link")}
    assert links == {"self": "events.atom", "alternate": "./"}


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)",
                                  "\tTAB", "\rCR"])
def test_csv_cells_never_start_a_formula(text: str) -> None:
    from chronology.export import csv_cell

    assert csv_cell(text) == "'" + text
    assert csv_cell("A title = fine") == "A title = fine"


def test_the_calendar_is_what_icalendar_writes(chronology, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """render_ics folds its lines itself (export.fold), as icalendar's to_ical() would."""
    from chronology.export import render_ics

    made: list[icalendar.Calendar] = []
    lines = icalendar.Calendar.content_lines
    monkeypatch.setattr(icalendar.Calendar, "content_lines",
                        lambda self, **kw: made.append(self) or lines(self, **kw))
    ours = render_ics(chronology, BASE, "한일 무역 분쟁 2018–2023")
    assert ours == made[0].to_ical().decode("utf-8")
    assert "\r\n " in ours  # there are folded lines


# Characters of every UTF-8 length, and the two that escape (a fold never parts them from what
# they escape).
_CHARS = st.sampled_from(["a", " ", "\\", "^", ",", ";", "é", "한", "国", "–", "😀", "\t"])


@settings(max_examples=examples(500), deadline=None, derandomize=DERANDOMISE)
@given(st.lists(_CHARS, max_size=300).map("".join), st.integers(0, 80))
@example("\\" + "a" * 100, 61).via("a backslash where the first line ends")
@example("한^" + "a" * 100, 58).via("a caret where the first line ends, after a wide character")
def test_a_line_is_folded_as_icalendar_folds_it(text: str, lead: int) -> None:
    line = "DESCRIPTION:" + "x" * lead + text
    assert fold(line) == Contentline(line).to_ical().decode("utf-8")
