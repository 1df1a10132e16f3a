"""Declare once (model.py, declare.py): each kind of record is one declaration, and reading,
checking, translating and exporting follow from it. Shown here by declaring one more field on a
copy of a kind, with nothing else changed but the data; and the export schema, the one place
written by hand, is held to the declarations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from chronology import declare, model
from chronology.declare import Kind, declared
from chronology.errors import DataError
from chronology.export import render_json
from chronology.localized import Localized
from chronology.model import Phase, Source
from chronology.read import Text
from chronology.translations import LANGUAGES
from chronology.translations.coverage import coverage
from chronology.translations.editions import english_texts
from chronology.translations.localize import localize
from chronology.translations.specs import fingerprint
from chronology.urls import SCHEMA_EXPORT
from chronology.validate import load_chronology
from support import PHASES, ROOT, SOURCES, write_data

SCHEMA = json.loads((ROOT / "hooks" / "chronology" / SCHEMA_EXPORT).read_text("utf-8"))


# --- the export schema, held to the declarations ---------------------------------------------

def _object(schema: dict[str, Any]) -> dict[str, Any]:
    """An object's schema, through a `$ref` or an array of such objects."""
    if "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema["items"] if schema.get("type") == "array" else schema


def _exported() -> dict[str, tuple[Kind, dict[str, Any], set[str]]]:
    """Each exported kind (as model.KINDS has it) with its schema, and the members events.json
    gives that no field declares (export.py computes them)."""
    kinds = model.KINDS
    top = SCHEMA["properties"]
    events = _object(top["events"])
    return {
        "events": (kinds["events"], events, {"url", "translations"}),
        "phases": (kinds["phases"], _object(top["phases"]), {"translations"}),
        "sources": (kinds["sources"], _object(top["sources"]), set()),
        "records": (kinds["records"], _object(top["records"]), set()),
        "figures": (kinds["figures"], _object(top["figures"]), {"translations"}),
        "date basis": (model.DATE_BASIS, _object(events["properties"]["date_basis"]), set()),
        "in_force": (model.IN_FORCE, _object(events["properties"]["in_force"]), set()),
        "citation": (model.CITATION, _object(events["properties"]["citations"]), set()),
        "record citation": (model.RECORD_CITATION, _object(events["properties"]["record"]),
                            set()),
    }


def schema_disagreements() -> list[str]:
    """Where events.schema.json and the declarations (model.py) differ: members, required
    members, translated texts, allowed values."""
    found = []
    for name, (kind, schema, computed) in _exported().items():
        names, always = kind.export_names()
        if set(schema["properties"]) != set(names) | computed:
            found.append(f"{name}: the schema has {sorted(schema['properties'])}, the "
                         f"declaration exports {sorted(set(names) | computed)}")
        required = set(always) | (computed - {"translations"})
        if set(schema["required"]) != required:
            found.append(f"{name}: the schema requires {sorted(schema['required'])}, the "
                         f"declaration always gives {sorted(required)}")
        if "translations" in computed:
            translated = schema["properties"]["translations"]["additionalProperties"]
            keys = {text.key for text in kind.texts} | ({"quotes"} if name == "events" else set())
            if set(translated["properties"]) != keys:
                found.append(f"{name}: the schema translates {sorted(translated['properties'])}, "
                             f"the declaration {sorted(keys)}")
    return found


def test_the_export_schema_agrees_with_the_declarations() -> None:
    assert schema_disagreements() == []


def test_the_schema_allows_the_values_the_model_allows() -> None:
    assert SCHEMA["$defs"]["basis"]["properties"]["kind"]["enum"] == list(model.BASIS_KINDS)
    assert _object(SCHEMA["properties"]["records"])["properties"]["kind"]["enum"] == list(
        model.RECORD_KINDS)
    assert SCHEMA["$defs"]["edition"]["enum"] == list(LANGUAGES)
    figure = _object(SCHEMA["properties"]["figures"])["properties"]
    assert (figure["area"]["enum"], figure["unit"]["enum"]) == (
        list(model.FIGURE_AREAS), list(model.FIGURE_UNITS))


# --- one more field: a line in the declaration, and data -------------------------------------

@dataclass(frozen=True, kw_only=True)
class MottoPhase(Phase):
    """A phase with a translatable field more: its motto."""

    motto: str | None = declared(Text(40, "a motto is a few words"), translatable=True,
                                 export="motto", default=None)


@dataclass(frozen=True, kw_only=True)
class ShelfSource(Source):
    """A source with a plain field more: where the paper copy is kept."""

    shelf: str | None = declared(Text(20), export="shelf", default=None)


@pytest.fixture
def declared_more(monkeypatch: pytest.MonkeyPatch) -> dict[str, Kind]:
    """The phases and sources of model.py, each with one field declared more."""
    kinds = {"phases": model.PHASE.extend(MottoPhase), "sources": model.SOURCE.extend(ShelfSource)}
    for name, kind in kinds.items():
        monkeypatch.setitem(model.KINDS, name, kind)
        monkeypatch.setitem(declare.KINDS_BY_MODEL, kind.model, kind)
    return kinds


MOTTO = "Words, then deeds"


def data_with(tmp_path: Path, motto: str = MOTTO, shelf: str = "B-12",
              translated: str = "말, 그다음 행동") -> Path:
    phases = PHASES.replace("  summary: The first phase.\n",
                            f"  summary: The first phase.\n  motto: {motto}\n")
    sources = SOURCES.replace("  seed: paper\n", f"  seed: paper\n  shelf: {shelf}\n")
    data = write_data(tmp_path, phases=phases, sources=sources)
    (data / "i18n" / "ko").mkdir(parents=True)
    (data / "i18n" / "ko" / "phases.yaml").write_text(
        f'- id: first\n  motto: {{text: "{translated}", of: {fingerprint(MOTTO)}, how: person, '
        "by: Kim}\n", encoding="utf-8")
    return data


def test_a_declared_field_is_read_built_translated_and_exported(
        tmp_path: Path, declared_more: dict[str, Kind]) -> None:
    chronology = load_chronology(data_with(tmp_path))
    first = next(p for p in chronology.phases if p.id == "first")
    # Read and built into the model.
    assert isinstance(first, MottoPhase) and first.motto == MOTTO
    assert chronology.sources[0].shelf == "B-12"  # type: ignore[attr-defined]
    # Translated: an English text to translate, its translation in the edition, counted.
    assert (("phases", "first", "motto"), MOTTO) in list(english_texts(chronology))
    motto = next(p for p in localize(chronology, "ko").phases if p.id == "first").motto
    assert isinstance(motto, Localized) and (motto, motto.lang, motto.by) == (
        "말, 그다음 행동", "ko", "Kim")
    counts = {k.kind: (k.translated, k.total) for k in coverage(chronology)["ko"].kinds}
    assert counts["phases: motto"] == (1, 1)
    # Exported, in English and with its translation.
    data = json.loads(render_json(chronology))
    phase = next(p for p in data["phases"] if p["id"] == "first")
    assert phase["motto"] == MOTTO
    assert phase["translations"]["ko"]["motto"]["text"] == "말, 그다음 행동"
    assert data["sources"][0]["shelf"] == "B-12"
    # The one place written by hand is held to the declaration: the schema must say so too.
    assert schema_disagreements() == [
        "phases: the schema has ['end', 'id', 'start', 'summary', 'title', 'translations'], the "
        "declaration exports ['end', 'id', 'motto', 'start', 'summary', 'title', 'translations']",
        "phases: the schema translates ['summary', 'title'], the declaration "
        "['motto', 'summary', 'title']",
        "sources: the schema has ['agency', 'author', 'id', 'notes', 'outlet', 'published', "
        "'published_basis', 'title', 'url'], the declaration exports ['agency', 'author', 'id', "
        "'notes', 'outlet', 'published', 'published_basis', 'shelf', 'title', 'url']"]


def test_a_declared_field_is_checked_and_so_is_its_translation(
        tmp_path: Path, declared_more: dict[str, Kind]) -> None:
    data = data_with(tmp_path, motto="M" * 41, shelf="S" * 21, translated="말" * 41)
    (data / "phases.yaml").write_text((data / "phases.yaml").read_text("utf-8").replace(
        "  title: Second phase\n", "  title: Second phase\n  mottto: Onwards\n"), "utf-8")
    with pytest.raises(DataError) as error:
        load_chronology(data)
    assert [str(p) for p in error.value.problems] == [
        "data/i18n/ko/phases.yaml:2: motto: text: 41 characters, more than the 40 allowed; "
        "a motto is a few words",
        "data/phases.yaml:6: motto: 41 characters, more than the 40 allowed; a motto is a few "
        "words",
        "data/phases.yaml:9: 'mottto' is not a field of a phase; did you mean 'motto'?",
        "data/sources.yaml:7: shelf: 21 characters, more than the 20 allowed; shorten it"]


def test_a_kind_made_from_another_keeps_its_rules(tmp_path: Path,
                                                  declared_more: dict[str, Kind]) -> None:
    # The phase rules (rules.py) hold the extended kind: its end may not come before its start.
    data = data_with(tmp_path)
    (data / "phases.yaml").write_text((data / "phases.yaml").read_text("utf-8").replace(
        'end: "2019-06-30"', 'end: "2018-06-30"'), "utf-8")
    with pytest.raises(DataError) as error:
        load_chronology(data)
    assert "end: 2018-06-30 is before start 2019-01-01" in str(error.value)
