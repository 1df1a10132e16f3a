"""Hostile data, one small file per case in tests/adversarial/: each ends in exactly the expected
report lines (a DataError, never another exception), or, if it expects none, builds.

A case file starts with comment lines saying what it tries. Lines starting with `#!` are
directives, not data:

    #! file: data/events/e.yaml   the lines that follow, up to the next `#! file:`, are this
                                  file's content (added to a minimal valid data/ folder, or
                                  replacing a file of it)
    #! as: folder | fifo | unreadable | unlistable | crlf | symlink TARGET
                                  make the path a folder, a named pipe, a file that cannot be
                                  read, a folder that cannot be listed or a symbolic link
                                  instead of writing the lines, or write them with Windows
                                  line endings
    #! remove: data/events        delete this path from the minimal folder first
    #! expect: data/...:N: ...    one expected report line (in report order); none: must build,
                                  and then the case's name starts with "pass-"

In content, {U+202E} stands for that character (so that no case hides one from a reviewer),
and {repeat N TEXT} for TEXT written N times.

After an intended change to a message: UPDATE_GOLDEN=1 pytest tests/test_adversarial.py
rewrites the `#! expect:` lines (then run again: an update never passes).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from chronology.errors import DataError
from chronology.render import render_pages
from chronology.validate import load_chronology
from support import ROOT, write_data

CASES = sorted((ROOT / "tests" / "adversarial").glob("*.yaml"))
_EXPAND = re.compile(r"\{U\+([0-9A-F]{4,6})\}|\{repeat (\d+) ([^}]*)\}")


@dataclass
class Case:
    files: list[tuple[str, str, str]] = field(default_factory=list)  # (path, as, content)
    remove: list[str] = field(default_factory=list)
    expect: list[str] = field(default_factory=list)


def expand(text: str) -> str:
    return _EXPAND.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[3] * int(m[2]), text)


def read_case(path: Path) -> Case:
    case = Case()
    bodies: list[list[str]] = []
    for line in path.read_text("utf-8").splitlines(keepends=True):
        if not line.startswith("#! "):
            if bodies:
                bodies[-1].append(line)
            continue
        directive, _, value = line.removeprefix("#! ").rstrip("\n").partition(": ")
        if directive == "file":
            case.files.append((expand(value), "file", ""))
            bodies.append([])
        elif directive == "as":
            case.files[-1] = (case.files[-1][0], value, "")
        elif directive == "remove":
            case.remove.append(value)
        elif directive == "expect":
            case.expect.append(expand(value))
        else:
            raise ValueError(f"{path.name}: unknown directive {directive!r}")
    case.files = [(name, kind, expand("".join(body)))
                  for (name, kind, _), body in zip(case.files, bodies, strict=True)]
    return case


def set_up(case: Case, root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = write_data(root)
    for name in case.remove:
        target = root / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    unreadable: set[Path] = set()
    unlistable: set[Path] = set()
    for name, kind, content in case.files:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_file() or target.is_symlink():
            target.unlink()
        if kind in {"folder", "unlistable"}:
            target.mkdir(exist_ok=True)
            if kind == "unlistable":
                unlistable.add(target)
        elif kind == "fifo":
            os.mkfifo(target)
        elif kind.startswith("symlink "):
            target.symlink_to(kind.removeprefix("symlink "))
        else:
            line_end = "\r\n" if kind == "crlf" else "\n"
            target.write_bytes(content.replace("\n", line_end).encode("utf-8"))
            if kind == "unreadable":  # tests run as root, where chmod 000 would not stop a read
                unreadable.add(target)
    if unreadable:
        read_bytes = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self in unreadable:
                raise PermissionError(13, "Permission denied", str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    if unlistable:  # as for unreadable: root may list any folder
        iterdir = Path.iterdir

        def refuse_listing(self: Path) -> Iterator[Path]:
            if self in unlistable:
                raise PermissionError(13, "Permission denied", str(self))
            return iterdir(self)

        monkeypatch.setattr(Path, "iterdir", refuse_listing)
    return data


def rewrite_expectations(path: Path, report: list[str]) -> None:
    lines = [line for line in path.read_text("utf-8").splitlines(keepends=True)
             if not line.startswith("#! expect: ")]
    at = next(i for i, line in enumerate(lines) if line.startswith("#! "))
    lines[at:at] = [f"#! expect: {line}\n" for line in report]
    path.write_text("".join(lines), "utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_hostile_data_gets_exactly_its_report(path: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    case = read_case(path)
    data = set_up(case, tmp_path, monkeypatch)
    try:
        chronology = load_chronology(data)
    except DataError as error:
        report = [str(problem) for problem in error.problems]
    else:
        report = []
        render_pages(chronology)  # what builds must also render: no glossary look-up may fail
    # The name says which way a case must go, so that an update cannot quietly turn one around.
    assert bool(report) != path.stem.startswith("pass-"), "pass-* cases, and only they, build"
    if os.environ.get("UPDATE_GOLDEN") and report != case.expect:
        rewrite_expectations(path, report)
        pytest.fail(f"{path.name}: expectations rewritten; check the diff and run again")
    assert report == case.expect


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60
    assert sum(1 for path in CASES if path.stem.startswith("pass-")) >= 5  # hostile-looking, valid


def test_no_case_hides_a_character_from_its_reviewer() -> None:
    # Cases name hostile characters as {U+XXXX}: a case file must not do what it tests.
    from chronology.hostile import HIDDEN
    for path in CASES:
        text = path.read_bytes().decode("utf-8")
        assert "\r" not in text and not HIDDEN.search(text), path.name


FAILING = [path for path in CASES if not path.stem.startswith("pass-")]
# Each case's report is asserted above, without a build. That a failed build leaves site/ as it
# was does not depend on the mistake, so make test builds the first case of each kind (the
# file name's first word: char, cause, file, i18n, yaml ...) and make review all of them.
KINDS = {path.stem.split("-")[0]: path for path in reversed(FAILING)}


@pytest.mark.build
@pytest.mark.parametrize("path", [
    pytest.param(path, marks=() if KINDS[path.stem.split("-")[0]] == path else pytest.mark.review)
    for path in FAILING], ids=[p.stem for p in FAILING])
def test_make_build_keeps_the_last_good_site(path: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str],
                                             caplog: pytest.LogCaptureFixture) -> None:
    """`make build` on each hostile case: a clean report, exit status 1, and site/ exactly as
    the last good build left it."""
    import build_site

    set_up(read_case(path), tmp_path, monkeypatch)
    for name in ("docs", "hooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    site = tmp_path / "site"
    (site / "events" / "e").mkdir(parents=True)
    (site / "index.html").write_bytes(b"the last good build")
    (site / "events" / "e" / "index.html").write_bytes(b"\xe2\x80\x9can event\xe2\x80\x9d")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    monkeypatch.chdir(tmp_path)
    assert build_site.main(["--site-dir", "site"]) == 1
    err = capsys.readouterr().err
    assert "the data in data/ has problems" in caplog.text  # MkDocs' log: the whole report
    assert "the build failed; site/ is unchanged" in err and "Traceback" not in err + caplog.text
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == [".site-lock"]
