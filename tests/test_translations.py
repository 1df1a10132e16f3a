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
        "events: citations": (1, 1, 0), "sources: outlet": (0, 1, 0)}
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
    from chronology.read import Text
    from chronology.translations.specs import translated_lists
    return [(name, text.key) for name, kind in translated_lists().items() for text in kind.texts
            if isinstance(text.field.read, Text) and "." not in text.key]


def test_a_translated_list_of_texts_keeps_its_english_rules() -> None:
    # A glossary term's aliases are translated as a list, each item held to the English rules.
    from chronology.model import KINDS
    from chronology.parse import parse_text
    from chronology.read import read
    from chronology.translations.specs import fingerprint, list_spec
    for aliases, refused in (('["백색국가", "화이트 국가"]', False), ('["화이트  리스트"]', True),
                             ('["백색국가", "백색국가"]', True), ('"백색국가"', True)):
        item, _ = parse_text(f"id: x\naliases: {{text: {aliases}, of: 0a1b2c3d}}\n", "t.yaml")
        problems: list = []
        draft = read(list_spec(KINDS["glossary"]), item, "t.yaml", 1, problems)
        assert bool(problems) == refused, (aliases, problems)
        if not refused:
            assert draft["aliases"]["text"] == ("백색국가", "화이트 국가")
    assert fingerprint(("white list", "Group A")) == fingerprint(("white  list", "Group A"))


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
    fields |= {(name, f"citations.{text.key}"): text.field for name, kind in KINDS.items()
               for text in kind.quote_texts}
    fields[("ui", "text")] = RECORD_CITATION.by_name["translation"]
    crowded = []
    for lang, edition in chronology.translations.items():
        for (kind, id_, name), translated in edition.texts.items():
            field = fields[(kind, name)]
            limit = field.read.limit
            texts = (translated.text,) if isinstance(translated.text, str) else translated.text
            if max(map(len, texts)) > limit / 2:
                crowded.append((lang, kind, id_, name, len(translated.text), limit))
    assert crowded == []


# --- notes under quotes, and the translator's tools -------------------------------------------

NOTED = ROOT / "tests" / "adversarial" / "pass-i18n-citation-note.yaml"


def test_a_citations_note_is_translated_beside_its_quote(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronology.localized import Localized
    from chronology.translations.localize import localize
    chronology = load_chronology(set_up(read_case(NOTED), tmp_path, monkeypatch))
    citation = localize(chronology, "ko").events[0].citations[0]
    assert isinstance(citation.note, Localized) and (citation.note, citation.note.lang) == (
        "신문 자신의 말이다.", "ko")
    # Japanese has none: the English stands in, marked missing, and the page says so.
    note = localize(chronology, "ja").events[0].citations[0].note
    assert isinstance(note, Localized) and note.missing
    counts = {k.kind: (k.translated, k.total) for k in coverage(chronology)["ko"].kinds}
    assert counts["events: citations.note"] == (1, 1)


def test_the_real_reports_count_every_quote_and_note(real_chronology: Chronology) -> None:
    # Every quote the pages show in another language than the edition's has our translation
    # counted (the record's, the background's and the corrections' too), and every note.
    kinds = {k.kind: k for k in coverage(real_chronology)["ko"].kinds}
    for label in ("events: record quotes", "events: citations.note", "records: notes",
                  "records: outlet", "context: citations", "corrections: citations"):
        assert label in kinds and kinds[label].total > 0, label


def test_side_by_side_prints_the_english_beside_each_translation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = set_up(read_case(NOTED), tmp_path, monkeypatch)
    assert command.main([str(data), "--side-by-side", "ko", EVENT]) == 0
    out = capsys.readouterr().out
    assert (f"data/i18n/ko/events/{EVENT}.yaml: citations: 'Something happened on Monday': note\n"
            "  English     The paper's own words.\n"
            "  translation 신문 자신의 말이다.\n") in out
    assert "  English     Something happened\n  translation (not translated yet)\n" in out
    assert command.main([str(data), "--side-by-side", "fr"]) == 2
    assert "needs the edition's language" in capsys.readouterr().err


@pytest.mark.build  # makes a git repository
def test_a_stale_text_is_shown_with_the_english_it_was_made_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    data = passing(tmp_path, monkeypatch)
    root = data.parent

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "data")
    event = data / "events" / f"{EVENT}.yaml"
    event.write_text(event.read_text("utf-8").replace(
        "title: Something happened", "title: Something else happened"), "utf-8")
    assert command.main([str(data), "--stale", "ko"]) == 0
    assert capsys.readouterr().out == (
        f"data/i18n/ko/events/{EVENT}.yaml: title\n"
        "  English was Something happened\n"
        f"  English now Something else happened  (of {fingerprint('Something else happened')})\n"
        "  translation 어떤 일이 일어났다\n")


def test_a_quote_translation_says_how_it_was_made_where_not_as_its_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A machine translation of a quote added to a file a second machine pass checked must not
    # be counted as checked: it says `how: machine` beside it.
    data = passing(tmp_path, monkeypatch)
    ko = data / "i18n" / "ko" / "events" / f"{EVENT}.yaml"
    ko.write_text(ko.read_text("utf-8").replace(
        '    translation: "월요일에 어떤 일이 일어났다"\n',
        '    translation: "월요일에 어떤 일이 일어났다"\n    how: machine\n'), "utf-8")
    chronology = load_chronology(data)
    assert chronology.translations["ko"].quotes_how[EVENT, "Something happened on Monday"] == \
        "machine"
    assert chronology.translations["ja"].quotes_how[EVENT, "Something happened on Monday"] == \
        "machine-checked"


def test_the_report_names_a_stale_or_missing_hand_written_page() -> None:
    from chronology.translations.pages import page_coverage
    english = "---\ntitle: About\n---\n\n# About\n"
    data = "# Data\n"
    pages = {"about.md": english, "data.md": data,
             "about.ko.md": "---\ntitle: 소개\ntranslation: {how: machine, reviewed: false, "
                            "of: 0a1b2c3d}\n---\n\n# 소개\n"}
    total, done, stale, missing = page_coverage(pages, "ko")
    assert (total, done) == (2, 1)
    assert stale == [f"docs/about.ko.md (of 0a1b2c3d; the English is now {fingerprint(english)})"]
    assert missing == [f"docs/data.ko.md (of: {fingerprint(data)})"]


def test_make_translations_reports_the_hand_written_pages(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert command.main([str(ROOT / "data")]) == 0
    assert "  pages (docs/): " in capsys.readouterr().out
