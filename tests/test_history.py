"""When each data file last changed (chronology/history.py): the day of its last commit, from one
`git log` for every file; and where that cannot be known, an answer that says so and is the same
from build to build."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest
from chronology import history
from chronology.history import COMMIT_VARIABLE, REPO_VARIABLE, Changed, History, parse_log, read_history

DAY = datetime.date


def test_parse_log_keeps_each_files_newest_day() -> None:
    log = ("\x1eaaa 1796687279\n\ndata/events/a.yaml\ndata/i18n/ko/events/a.yaml\n"
           "\x1ebbb 1795000000\n\ndata/events/a.yaml\ndata/events/b.yaml\n")
    days, commits = parse_log(log)
    assert days == {"data/events/a.yaml": DAY(2026, 12, 7), "data/i18n/ko/events/a.yaml": DAY(2026, 12, 7),
                    "data/events/b.yaml": DAY(2026, 11, 18)}
    assert commits["data/events/b.yaml"] == "bbb"


def test_an_event_changed_when_its_file_or_its_translation_last_did() -> None:
    known = History({"data/events/a.yaml": DAY(2026, 11, 1), "data/i18n/ko/events/a.yaml": DAY(2026, 12, 7)},
                    known=True, version=DAY(2026, 12, 8))
    assert known.of(["data/events/a.yaml"]) == Changed(DAY(2026, 11, 1), True)
    assert known.of(["data/events/a.yaml", "data/i18n/ko/events/a.yaml"]) == Changed(DAY(2026, 12, 7), True)
    # A translation that does not exist does not count.
    assert known.of(["data/events/a.yaml", "data/i18n/ja/events/a.yaml"]) == Changed(DAY(2026, 11, 1), True)
    edited = History(known.days, uncommitted=frozenset({"data/i18n/ko/events/a.yaml"}), known=True)
    assert edited.of(["data/events/a.yaml", "data/i18n/ko/events/a.yaml"]) == Changed(None)
    cut = History(known.days, cut=frozenset({"data/events/a.yaml"}), known=True)
    assert cut.of(["data/events/a.yaml"]) == Changed(DAY(2026, 11, 1), False)  # on or before
    assert History(version=DAY(2026, 12, 8)).of(["data/events/a.yaml"]) == Changed(DAY(2026, 12, 8), False)
    assert History().of(["data/events/a.yaml"]) == Changed(None)


@pytest.mark.parametrize(("epoch", "day"), [("1796687279", DAY(2026, 12, 7)), ("0", None), ("", None),
                                            ("soon", None)])
def test_the_version_is_the_day_of_source_date_epoch(epoch: str, day: DAY | None) -> None:
    assert history.version_day({"SOURCE_DATE_EPOCH": epoch}) == day


def git(repo: Path, *args: str, when: str = "2026-11-01T12:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_SYSTEM": os.devnull}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project in git: two events committed on 1 November 2026, one changed on 7 December."""
    project = tmp_path / "project"
    (project / "data" / "events").mkdir(parents=True)
    (project / "data" / "i18n" / "ko" / "events").mkdir(parents=True)
    for name in ("a", "b"):
        (project / "data" / "events" / f"{name}.yaml").write_text(f"title: {name}\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first")
    (project / "data" / "events" / "b.yaml").write_text("title: b, corrected\n")
    (project / "data" / "i18n" / "ko" / "events" / "a.yaml").write_text("title: 가\n")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "second", when="2026-12-07T23:30:00+00:00")
    return project


ENVIRON = {"SOURCE_DATE_EPOCH": "1796687279"}


@pytest.mark.build  # runs git
def test_the_day_of_each_files_last_commit(repo: Path) -> None:
    found = read_history(repo, environ=ENVIRON)
    assert found.of(["data/events/a.yaml"]) == Changed(DAY(2026, 11, 1), True)
    assert found.of(["data/events/b.yaml"]) == Changed(DAY(2026, 12, 7), True)
    assert found.of(["data/events/a.yaml", "data/i18n/ko/events/a.yaml"]) == Changed(DAY(2026, 12, 7), True)
    assert read_history(repo, environ=ENVIRON) == found  # two builds of one commit agree


@pytest.mark.build
def test_one_git_log_for_every_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(50):
        (repo / "data" / "events" / f"e{n}.yaml").write_text("title: e\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "many")
    calls: list[list[str]] = []
    run = subprocess.run

    def counting(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(args)
        return run(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(history.subprocess, "run", counting)
    read_history(repo, environ=ENVIRON)
    assert [args[3] for args in calls] == ["rev-parse", "log", "status"]


@pytest.mark.build
def test_a_file_changed_since_the_last_commit_is_not_yet_dated(repo: Path) -> None:
    (repo / "data" / "events" / "a.yaml").write_text("title: a, edited\n")
    (repo / "data" / "events" / "c.yaml").write_text("title: c\n")
    found = read_history(repo, environ=ENVIRON)
    assert found.of(["data/events/a.yaml"]) == Changed(None)
    assert found.of(["data/events/c.yaml"]) == Changed(None)
    assert found.of(["data/events/b.yaml"]) == Changed(DAY(2026, 12, 7), True)


@pytest.mark.build
def test_a_shallow_clone_says_on_or_before(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    found = read_history(clone, environ=ENVIRON)
    # All its history shows is that the files were as they are by the one commit it has.
    assert found.of(["data/events/a.yaml"]) == Changed(DAY(2026, 12, 7), False)
    full = tmp_path / "full"
    git(tmp_path, "clone", "-q", f"file://{repo}", str(full))
    assert read_history(full, environ=ENVIRON).of(["data/events/a.yaml"]) == Changed(DAY(2026, 11, 1), True)


@pytest.mark.build
def test_without_history_the_version_bounds_it(tmp_path: Path, repo: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    archive = subprocess.run(["git", "-C", str(repo), "archive", "HEAD"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(export)], input=archive.stdout, check=True)
    assert read_history(export, environ=ENVIRON) == History(version=DAY(2026, 12, 7))
    assert read_history(export, environ={}).of(["data/events/a.yaml"]) == Changed(None)
    # make publish builds such a copy, and names the repository and commit it came from.
    named = read_history(export, environ={**ENVIRON, REPO_VARIABLE: str(repo), COMMIT_VARIABLE: "HEAD"})
    assert named.of(["data/events/a.yaml"]) == Changed(DAY(2026, 11, 1), True)


@pytest.mark.build
def test_the_real_history_is_read_in_well_under_a_second() -> None:
    import time

    from support import ROOT
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout here")
    start = time.perf_counter()
    found = read_history(ROOT)
    seconds = time.perf_counter() - start
    assert found.known and len(found.days) > 200
    assert seconds < 2  # measured: about 0.05 s for the project's history
