from pathlib import Path

import pytest
from chronology.load import load_file, load_records, parse_text
from support import write_data


def test_mappings_and_lists_remember_their_lines() -> None:
    value, problems = parse_text("title: A\ncitations:\n  - source: s\n    quote: q\n", "x.yaml")
    assert problems == []
    assert value.line_of("title") == 1
    assert value.line_of("citations") == 2
    assert value["citations"].line_of(0) == 3
    assert value["citations"][0].line_of("quote") == 4


def test_duplicate_key_is_reported_with_both_lines() -> None:
    _, problems = parse_text("title: A\nsummary: B\ntitle: C\n", "x.yaml")
    assert [str(p) for p in problems] == [
        "x.yaml:3: duplicate key 'title' (first on line 1); keep one of them"]


def test_syntax_error_names_the_line() -> None:
    value, problems = parse_text("title: A\nsummary: [unclosed\nphase: x\n", "x.yaml")
    assert value is None
    assert len(problems) == 1 and problems[0].path == "x.yaml"
    assert problems[0].message.startswith("YAML syntax:")
    assert problems[0].line in (2, 3, 4)


def test_unsafe_tag_is_refused_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\n"
    value, problems = parse_text(text, "x.yaml")
    assert value is None
    assert "is not allowed" in problems[0].message and problems[0].line == 1
    assert not marker.exists()


def test_custom_tag_is_refused() -> None:
    _, problems = parse_text("a: 1\nb: !include other.yaml\n", "x.yaml")
    assert [(p.line, "'!include' is not allowed" in p.message) for p in problems] == [(2, True)]


def test_empty_and_comment_only_files_are_problems() -> None:
    for text in ("", "\n\n", "# only a comment\n"):
        value, problems = parse_text(text, "x.yaml")
        assert value is None and "empty" in problems[0].message


@pytest.mark.parametrize("text", ["---\n# TODO\n", "~\n", "null\n", "--- null\n"])
def test_a_file_that_holds_no_data_is_a_problem(tmp_path: Path, text: str) -> None:
    data = write_data(tmp_path, events={"draft.yaml": text})
    _, problems = load_records(data)
    assert [str(p) for p in problems] == [
        "data/events/draft.yaml:1: the file holds no data (only `---`, `~` or `null`); "
        "see README.md for the format"]


def test_non_utf8_file_names_line(tmp_path: Path) -> None:
    file = tmp_path / "data" / "x.yaml"
    file.parent.mkdir()
    file.write_bytes(b"title: ok\nsummary: caf" + b"\xe9\n")
    document, problems = load_file(file, tmp_path)
    assert document is None
    assert [str(p) for p in problems] == [
        "data/x.yaml:2: not valid UTF-8 (byte 0xE9); save the file as UTF-8"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes("\ufefftitle: 한국\n".encode())
    document, problems = load_file(file, tmp_path)
    assert problems == [] and document is not None and document.value["title"] == "한국"


def test_load_records_reads_every_file_and_reports_strays(data_dir: Path) -> None:
    (data_dir / "events" / "notes.txt").write_text("x", encoding="utf-8")
    (data_dir / "events" / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    raw, problems = load_records(data_dir)
    assert raw.phases is not None and raw.sources is not None
    assert [d.path for d in raw.events] == ["data/events/something-happened.yaml"]
    assert sorted(p.path for p in problems) == ["data/events/broken.yaml",
                                                "data/events/notes.txt"]


def test_missing_required_file_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    _, problems = load_records(tmp_path / "data")
    assert [p.path for p in problems] == ["data/phases.yaml", "data/sources.yaml"]


def test_cache_parses_only_changed_files(data_dir: Path) -> None:
    cache: dict = {}  # type: ignore[type-arg]
    first, _ = load_records(data_dir, cache)
    again, _ = load_records(data_dir, cache)
    assert again.events[0] is first.events[0]  # not parsed again
    event = data_dir / "events" / "something-happened.yaml"
    event.write_text(event.read_text("utf-8").replace("Something happened", "Changed") + "\n",
                     encoding="utf-8")
    changed, _ = load_records(data_dir, cache)
    assert changed.events[0] is not first.events[0]
    assert changed.events[0].value["title"] == "Changed"


def test_a_tab_used_for_indentation_is_named() -> None:
    _, problems = parse_text("title: ok\ncitations:\n\t- source: x\n", "x.yaml")
    assert [str(p) for p in problems] == [
        "x.yaml:3: YAML syntax: found character that cannot start any token; "
        "a tab is used for indentation: indent with spaces"]
