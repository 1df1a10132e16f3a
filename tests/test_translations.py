"""Translations (data/i18n/, #16 step 2): the Edition a checked translation becomes, stale
texts, the coverage report's numbers and its command, and the CJK line-folding rule. The
mistakes, one per file, are in tests/adversarial/i18n-*.yaml and pass-i18n-*.yaml; the CJK
line-folding rule in test_folding.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from chronology.messages import ENGLISH
from chronology.model import Chronology
from chronology.translations import __main__ as command
from chronology.translations.coverage import coverage, report
from chronology.translations.specs import fingerprint
from chronology.validate import load_chronology
from support import ROOT, write_data
from test_adversarial import read_case, set_up

PASSING = ROOT / "tests" / "adversarial" / "pass-i18n-event-in-ko-and-ja.yaml"
EVENT = "something-happened"


def passing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return set_up(read_case(PASSING), tmp_path, monkeypatch)


def test_the_design_fingerprint() -> None:
    # prototype.md §3: the worked example's title, whitespace folded.
    assert fingerprint("Japan's cabinet removes South Korea from its white list") == "2883e6ab"
    assert fingerprint("  Something\n  happened ") == fingerprint("Something happened")


def test_a_checked_translation_is_an_edition(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    chronology = load_chronology(passing(tmp_path, monkeypatch))
    assert sorted(chronology.translations) == ["ja", "ko"]
    ja = chronology.translations["ja"]
    title = ja.texts["events", EVENT, "title"]
    assert (title.text, title.by, title.how, title.reviewed, title.stale) == (
        "ある出来事が起きた", None, "machine-checked", False, False)
    # The folded summary: no space where the line broke between two Japanese characters...
    assert ja.texts["events", EVENT, "summary"].text == "月曜日に、ある出来事が起きた。"
    # ...and a space in Korean, which separates its words with spaces.
    assert chronology.translations["ko"].texts["events", EVENT, "summary"].text == \
        "월요일에 어떤 일이 일어났다."
    assert ja.quotes[EVENT, "Something happened on Monday"] == "月曜日に何かが起きた"
    assert ja.texts["phases", "second", "title"].text == "第二期"
    assert chronology.translations["ko"].texts["ui", "event.meta", "text"].text.startswith(
        "{date}")


def test_no_translations_leave_the_english_alone(tmp_path: Path) -> None:
    assert load_chronology(write_data(tmp_path)).translations == {}


def test_a_changed_english_text_makes_its_translation_stale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = passing(tmp_path, monkeypatch)
    event = data / "events" / f"{EVENT}.yaml"
    event.write_text(event.read_text("utf-8").replace(
        "title: Something happened", "title: Something else happened"), "utf-8")
    chronology = load_chronology(data)
    for lang in ("ko", "ja"):
        texts = chronology.translations[lang].texts
        assert texts["events", EVENT, "title"].stale  # still there, shown, but marked
        assert not texts["events", EVENT, "summary"].stale
    titles = next(k for k in coverage(chronology)["ko"].kinds if k.kind == "events: title")
    assert (titles.translated, titles.stale) == (1, (
        f"data/i18n/ko/events/{EVENT}.yaml: title (of e6218916; the English is now "
        f"{fingerprint('Something else happened')})",))


def test_the_coverage_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = coverage(load_chronology(passing(tmp_path, monkeypatch)))
    counts = {lang: {k.kind: (k.translated, k.total, len(k.stale)) for k in c.kinds}
              for lang, c in found.items()}
    assert counts["ko"] == {
        "events: title": (1, 1, 0), "events: summary": (1, 1, 0),
        "events: date_basis.note": (1, 1, 0), "phases: title": (0, 2, 0),
        "phases: summary": (0, 2, 0), "ui: messages": (2, len(ENGLISH), 0),
        "events: citations": (1, 1, 0)}
    assert counts["ja"]["phases: title"] == (1, 2, 0)
    assert counts["ja"]["ui: messages"] == (0, len(ENGLISH), 0)
    text = report(found, first=1)
    assert "  phases: title: 1 of 2 translated, 0 stale\n" \
           f"    untranslated: data/i18n/ja/phases.yaml: first: title (of: {fingerprint('First phase')})\n" \
        in text
    assert f"    … and {len(ENGLISH) - 3:,} more untranslated" in text


def test_make_translations_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert command.main([str(ROOT / "data")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ko:\n  events: title: ") and "\nja:\n" in out


def test_make_translations_reports_bad_data(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = write_data(tmp_path)
    (data / "i18n" / "fr").mkdir(parents=True)
    assert command.main([str(data)]) == 1
    assert "unknown language folder 'fr'" in capsys.readouterr().err


def _translated_fields() -> list[tuple[str, str]]:
    from chronology.translations.specs import translated_lists
    return [(name, text.key) for name, kind in translated_lists().items() for text in kind.texts]


@pytest.mark.parametrize(("name", "field"), _translated_fields())
def test_a_translation_keeps_its_english_fields_rules(name: str, field: str) -> None:
    # Derived, not copied: whatever the English field declares (model.py), its translation
    # keeps: one character over the English limit is refused, and so is what the field's own
    # rule refuses (a glossary term's two spaces).
    from chronology.model import KINDS
    from chronology.parse import parse_text
    from chronology.read import read
    from chronology.translations.specs import list_spec
    rules = KINDS[name].by_name[field].read
    limit = rules.limit
    for value, refused in (("가" * limit, rules.rule is not None and rules.rule("가" * limit)),
                           ("가" * (limit + 1), True), ("화이트  리스트", rules.rule is not None)):
        item, _ = parse_text(f'id: x\n{field}: {{text: "{value}", of: 0a1b2c3d}}\n', "t.yaml")
        problems: list = []
        read(list_spec(KINDS[name]), item, "t.yaml", 1, problems)
        assert bool(problems) == bool(refused), (value[:10], problems)


def test_an_event_title_translation_keeps_the_english_title_limit() -> None:
    from chronology.model import EVENT
    from chronology.parse import parse_text
    from chronology.read import read
    from chronology.translations.specs import event_spec
    TRANSLATED = event_spec(EVENT)
    limit = EVENT.by_name["title"].read.limit
    for length, refused in ((limit, False), (limit + 1, True)):
        event, _ = parse_text(f'title: {{text: "{"가" * length}", of: 0a1b2c3d}}\n', "t.yaml")
        problems: list = []
        read(TRANSLATED, event, "t.yaml", 1, problems)
        assert bool(problems) == refused


def test_real_translations_leave_room_under_their_english_limits(
        real_chronology: Chronology) -> None:
    # The English limits hold the translations too (read.translation_of); Korean and Japanese
    # take about 0.35-0.55 times the English characters, so a real one near its limit would
    # mean a limit in characters is the wrong measure for that field, not that it needs a trim.
    from chronology.model import KINDS, MEASURE, RECORD_CITATION
    chronology = real_chronology
    fields = {(name, text.key): text.field for name, kind in KINDS.items() for text in kind.texts}
    fields |= {("measures", text.key): text.field for text in MEASURE.texts}
    fields[("ui", "text")] = RECORD_CITATION.by_name["translation"]
    crowded = []
    for lang, edition in chronology.translations.items():
        for (kind, id_, name), translated in edition.texts.items():
            field = fields[(kind, name)]
            limit = field.read.limit
            if len(translated.text) > limit / 2:
                crowded.append((lang, kind, id_, name, len(translated.text), limit))
    assert crowded == []
