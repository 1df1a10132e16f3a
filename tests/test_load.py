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


def test_cache_sees_an_edit_that_keeps_size_and_modification_time(data_dir: Path) -> None:
    # A fast editor or a checkout can rewrite a file within one timestamp tick, keeping its size.
    import os
    cache: dict = {}  # type: ignore[type-arg]
    event = data_dir / "events" / "something-happened.yaml"
    first, _ = load_records(data_dir, cache)
    before = event.stat()
    event.write_text(event.read_text("utf-8").replace("Something happened on a Monday.",
                                                      "Something happened on a Sunday."), "utf-8")
    os.utime(event, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (event.stat().st_size, event.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    again, _ = load_records(data_dir, cache)
    assert again.events[0].value["summary"] == "Something happened on a Sunday."


def test_cache_keeps_what_memo_expects(data_dir: Path) -> None:
    from chronology.load import Cache
    from chronology.memo import Memo
    cache: Cache = Memo().parsed  # what the hook passes under `mkdocs serve`
    load_records(data_dir, cache)
    digest, document, problems = cache[data_dir / "events" / "something-happened.yaml"]
    assert isinstance(digest, bytes) and document is not None and problems == []


def test_a_hidden_character_is_reported_at_its_own_line_in_a_block() -> None:
    text = "title: ok\nsummary: |\n  one\n  two\n  th\u200bree\nphase: x\n"
    value, problems = parse_text(text, "x.yaml")
    assert [str(p) for p in problems] == [
        "x.yaml:5: summary: U+200B ZERO WIDTH SPACE, an invisible character; delete it"]
    assert value["title"] == "ok"  # the rest of the file is still read


def test_a_reported_value_is_marked_so_that_validate_says_nothing_more() -> None:
    from chronology.load import Reported
    value, _ = parse_text('title: "a\\u202eb"\n', "x.yaml")
    assert isinstance(value["title"], Reported)


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "- &a [1]\n- *a\n", '{"a":*x}\n'])
def test_an_alias_is_never_expanded(text: str) -> None:
    value, problems = parse_text(text, "x.yaml")
    assert value is None and problems and all("not allowed" in p.message or "undefined alias"
                                              in p.message for p in problems)


def test_a_file_is_read_only_if_it_is_an_ordinary_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    link = tmp_path / "data" / "x.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    (tmp_path / "elsewhere.yaml").write_text("title: secret\n", "utf-8")
    document, problems = load_file(link, tmp_path)
    assert document is None and "symbolic link" in problems[0].message
