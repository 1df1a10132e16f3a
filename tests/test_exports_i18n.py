"""events.json carries every language (#16): each event's and phase's translations beside its
English, with who made them, how, who reviewed them and whether they are stale; the schema
describes them; English-only data gives the file it always gave; the other exports stay English.
The translations are those of tests/adversarial/pass-i18n-event-in-ko-and-ja.yaml."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from chronology.export import SCHEMA, render_exports, render_json
from chronology.model import Chronology, RecordCitation
from chronology.validate import load_chronology
from support import ROOT, write_data
from test_adversarial import read_case, set_up

PASSING = ROOT / "tests" / "adversarial" / "pass-i18n-event-in-ko-and-ja.yaml"
EVENT = "something-happened"
BASE = "https://chronology.example/"
# The events' files: machine translations a second machine pass checked; the phases': not checked.
# A machine names no one (by: null); nobody has reviewed them (reviewed: false).
CHECKED = {"by": None, "how": "machine-checked", "reviewed": False, "stale": False}
MACHINE = {"by": None, "how": "machine", "reviewed": False, "stale": False}
HOSTILE = "<script>alert(1)</script> & \"quoted\" \\ </a>"


def translated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               edit: dict[str, tuple[str, str]] | None = None) -> Chronology:
    """The passing translation case, loaded; `edit` replaces text in its files (path -> old, new)."""
    data = set_up(read_case(PASSING), tmp_path, monkeypatch)
    for name, (old, new) in (edit or {}).items():
        path = tmp_path / name
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    return load_chronology(data)


def exported(chronology: Chronology) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_json(chronology, BASE))
    jsonschema.validate(data, json.loads(SCHEMA))
    return data


def event(data: dict[str, Any], id_: str = EVENT) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in data["events"] if e["id"] == id_)
    return found


def phase(data: dict[str, Any], id_: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in data["phases"] if p["id"] == id_)
    return found


def members(value: Any, name: str) -> list[Any]:
    """Every member called `name`, anywhere in a JSON value."""
    if isinstance(value, dict):
        here = [value[name]] if name in value else []
        return here + [m for v in value.values() for m in members(v, name)]
    if isinstance(value, list):
        return [m for v in value for m in members(v, name)]
    return []


def test_every_language_with_its_provenance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = exported(translated(tmp_path, monkeypatch))
    assert data["languages"] == ["en", "ko", "ja"]
    assert event(data)["translations"] == {
        "ja": {
            "quotes": [{"quote": "Something happened on Monday", "translation": "月曜日に何かが起きた"}],
            "date_basis.note": {"text": "新聞は2019年7月2日（火曜日）付である。", **CHECKED},
            "summary": {"text": "月曜日に、ある出来事が起きた。", **CHECKED},
            "title": {"text": "ある出来事が起きた", **CHECKED},
        },
        "ko": {
            "quotes": [{"quote": "Something happened on Monday",
                           "translation": "월요일에 어떤 일이 일어났다"}],
            "date_basis.note": {"text": "신문은 2019년 7월 2일 화요일 자이다.", **CHECKED},
            "summary": {"text": "월요일에 어떤 일이 일어났다.", **CHECKED},
            "title": {"text": "어떤 일이 일어났다", **CHECKED},
        },
    }
    # Only Japanese translates the second phase; nobody the first: no empty members.
    assert phase(data, "second")["translations"] == {
        "ja": {"summary": {"text": "第二の時期。", **MACHINE}, "title": {"text": "第二期", **MACHINE}}}
    assert "translations" not in phase(data, "first")
    # The English is where it was.
    assert (event(data)["title"], event(data)["summary"]) == (
        "Something happened", "Something happened on a Monday.")


def test_a_reviewed_translation_says_who(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chronology = translated(tmp_path, monkeypatch, {
        f"data/i18n/ko/events/{EVENT}.yaml": ("how: machine-checked, reviewed: false",
                                              "by: Park Ji-won, how: person, "
                                              "reviewed: \"Kim Min-ji\"")})
    title = event(exported(chronology))["translations"]["ko"]["title"]
    assert title == {"text": "어떤 일이 일어났다", "by": "Park Ji-won",
                     "how": "person", "reviewed": "Kim Min-ji", "stale": False}


def test_a_stale_translation_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chronology = translated(tmp_path, monkeypatch, {
        f"data/events/{EVENT}.yaml": ("title: Something happened", "title: Something else happened")})
    found = event(exported(chronology))
    assert found["title"] == "Something else happened"
    for lang in ("ko", "ja"):
        texts = found["translations"][lang]
        assert texts["title"]["stale"] is True  # still carried, and marked
        assert texts["summary"]["stale"] is False
    assert found["translations"]["ja"]["title"]["text"] == "ある出来事が起きた"


def test_hostile_text_is_carried_as_plain_text(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    as_yaml = json.dumps(HOSTILE)  # a JSON string is a YAML double-quoted scalar
    chronology = translated(tmp_path, monkeypatch, {
        f"data/i18n/ko/events/{EVENT}.yaml": ('{text: "어떤 일이 일어났다"', "{text: " + as_yaml),
        "data/i18n/ja/phases.yaml": ('"第二期"', as_yaml)})
    text = render_json(chronology, BASE)
    data = exported(chronology)
    assert event(data)["translations"]["ko"]["title"]["text"] == HOSTILE
    assert phase(data, "second")["translations"]["ja"]["title"]["text"] == HOSTILE
    # JSON's own escapes only: never HTML entities, never dropped or rewritten.
    assert json.dumps(HOSTILE, ensure_ascii=False) in text
    assert "&lt;" not in text and "&amp;" not in text


def test_english_only_data_has_no_translations(tmp_path: Path) -> None:
    data = exported(load_chronology(write_data(tmp_path)))
    assert data["languages"] == ["en"]
    assert members(data, "translations") == []


def test_the_english_is_the_same_with_or_without_translations(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chronology = translated(tmp_path, monkeypatch)
    english = dataclasses.replace(chronology, translations={})
    with_, without = exported(chronology), exported(english)

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("translations", "languages")}
        return [strip(v) for v in value] if isinstance(value, list) else value

    assert strip(with_) == strip(without)
    assert list(strip(with_)["events"][0]) == list(without["events"][0])  # the same order too
    # The other exports stay English: the same bytes with or without the editions.
    both, only = render_exports(chronology, BASE, "C"), render_exports(english, BASE, "C")
    for name in ("events.csv", "events.ics", "events.atom"):
        assert both[name] == only[name]


def test_the_bytes_do_not_depend_on_reading_order(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    chronology = translated(tmp_path, monkeypatch)
    first = render_json(chronology, BASE)
    assert render_json(load_chronology(tmp_path / "data"), BASE) == first  # a second build
    backwards = {lang: dataclasses.replace(
        edition, texts=dict(reversed(list(edition.texts.items()))),
        quotes=dict(reversed(list(edition.quotes.items()))))
        for lang, edition in reversed(list(chronology.translations.items()))}
    assert render_json(dataclasses.replace(chronology, translations=backwards), BASE) == first


@pytest.mark.parametrize("change", [
    lambda t: t.update(fr=t["ko"]),  # not an edition
    lambda t: t["ko"].update(phase={"text": "x"}),  # not a translated field
    lambda t: t["ko"]["title"].pop("stale"),  # provenance is required
    lambda t: t["ko"]["title"].update(how="guess"),
    lambda t: t["ko"]["title"].update(reviewed=True),  # false, or who
    lambda t: t["ko"]["quotes"][0].update(source="paper-2019-07-02"),
    lambda t: t.update(ja={}),  # a language with nothing is left out
])
def test_the_schema_describes_the_translations(change: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    data = exported(translated(tmp_path, monkeypatch))
    change(event(data)["translations"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA))


def test_the_quotes_of_the_record_are_translated_too(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # A translation may translate any quote of its event (translations/check.py), the public
    # record's as well as the articles': in the JSON's order, date's record first, each once.
    chronology = translated(tmp_path, monkeypatch)
    english = chronology.events[0]
    basis = dataclasses.replace(english.date_basis, kind="record", record=(
        RecordCitation(source="a-record", quote="記録の言葉", translation="The record's words"),))
    events = (dataclasses.replace(english, date_basis=basis, record=(
        RecordCitation(source="a-record", quote="Something happened on Monday"),
        RecordCitation(source="a-record"))),)
    ko = chronology.translations["ko"]
    editions = {**chronology.translations, "ko": dataclasses.replace(
        ko, quotes={**ko.quotes, (EVENT, "記録の言葉"): "기록의 말"})}
    data = exported(dataclasses.replace(chronology, events=events, translations=editions))
    assert event(data)["translations"]["ko"]["quotes"] == [
        {"quote": "記録の言葉", "translation": "기록의 말"},
        {"quote": "Something happened on Monday", "translation": "월요일에 어떤 일이 일어났다"}]
