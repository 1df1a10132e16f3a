"""`make build` (hooks/build_site.py, chronology/site_folder.py) around the site's folder: a site/
that is a link to a deploy folder is updated through the link; anything else where the build's
folders and lock belong is refused in one sentence naming it and the fix, never a traceback, with
site/ and everything outside the project left as they were; a build of some editions keeps the
others. MkDocs is replaced by a stand-in that writes one page per edition (fast); the tests at
the end run real builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ROOT, copy_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
       "PYTHONPATH": str(ROOT / "hooks")}


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every link's target under `folder` (or what `folder` is)."""
    if folder.is_symlink():
        return {".": os.readlink(folder)}
    if folder.is_file():
        return {".": folder.read_bytes()}
    return {p.relative_to(folder).as_posix(): (os.readlink(p) if p.is_symlink() else p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


class Builds:
    """Stand-ins for MkDocs: each build writes index.html naming its configuration and its
    number; `failing` makes the next builds fail as bad data does."""

    def __init__(self) -> None:
        self.count = 0
        self.failing = False

    def build(self, config_file: Path, site_dir: Path) -> str | None:
        if self.failing:
            return f"{config_file.name}: data/events/x.yaml:1: a problem"
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / "index.html").write_text(f"{config_file.name} build {self.count}\n", "utf-8")
        return None


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """build_site.main in a project at tmp_path/project: (exit status, what it said)."""
    import build_site

    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "mkdocs.ko.yml", "mkdocs.ja.yml"):
        (project / name).write_text("", "utf-8")
    builds = Builds()
    monkeypatch.setattr(build_site, "mkdocs_build", builds.build)
    monkeypatch.setattr(build_site, "build_edition", builds.build)
    monkeypatch.chdir(project)

    def main(*args: str, failing: bool = False) -> tuple[int, str]:
        builds.count += 1
        builds.failing = failing
        status = build_site.main(list(args))
        return status, capsys.readouterr().err

    return main


def test_a_site_that_links_to_a_deploy_folder_is_updated_through_the_link(
        run: Callable[..., tuple[int, str]], tmp_path: Path) -> None:
    deploy = tmp_path / "www" / "chronology"
    deploy.mkdir(parents=True)
    (deploy / "index.html").write_text("the site before\n", "utf-8")
    Path("site").symlink_to(deploy)
    status, said = run()
    assert status == 0, said
    assert f"built the site into site/ -> {deploy}/ (3 pages" in said
    assert os.readlink("site") == str(deploy)  # the link is kept
    assert (deploy / "index.html").read_text("utf-8") == "mkdocs.yml build 1\n"
    assert (deploy / "ko" / "index.html").read_text("utf-8") == "mkdocs.ko.yml build 1\n"
    assert sorted(os.listdir(deploy.parent)) == ["chronology"]  # nothing left beside it
    before = snapshot(deploy)
    status, said = run(failing=True)
    assert status == 1 and "Traceback" not in said
    assert f"the build failed; site/ -> {deploy}/ is unchanged (3 pages" in said
    assert snapshot(deploy) == before and os.readlink("site") == str(deploy)
    assert sorted(os.listdir(deploy.parent)) == ["chronology"]
    assert sorted(os.listdir(".")) == [".site-lock", "mkdocs.ja.yml", "mkdocs.ko.yml",
                                       "mkdocs.yml", "site"]


def test_a_build_killed_while_swapping_a_linked_site_is_put_right(
        run: Callable[..., tuple[int, str]], tmp_path: Path) -> None:
    deploy = tmp_path / "www" / "chronology"
    deploy.mkdir(parents=True)
    Path("site").symlink_to(deploy)
    assert run()[0] == 0
    before = snapshot(deploy)
    deploy.rename(deploy.with_name(".chronology-old"))  # killed between the two renames
    deploy.with_name(".chronology-new").mkdir()
    status, said = run(failing=True)
    assert status == 1
    assert f"restored the last good site into site/ -> {deploy}/ (3 pages)" in said
    assert snapshot(deploy) == before and sorted(os.listdir(deploy.parent)) == ["chronology"]


def test_a_build_of_some_editions_keeps_the_others(run: Callable[..., tuple[int, str]]) -> None:
    """G7: --editions ko, then --editions ja, leave both."""
    status, said = run("--editions", "ko")
    assert status == 0, said
    assert "there is no ja edition: the last good site had none to keep" in said
    korean = snapshot(Path("site/ko"))
    status, said = run("--editions", "ja")
    assert status == 0, said
    assert "kept the ko edition from the last good site (site/ko/, 1 pages)" in said
    assert snapshot(Path("site/ko")) == korean  # the last good Korean edition, as it was
    assert Path("site/ja/index.html").read_text("utf-8") == "mkdocs.ja.yml build 2\n"
    status, said = run("--editions", "")
    assert status == 0 and "kept the ja edition" in said and "kept the ko edition" in said
    assert snapshot(Path("site/ko")) == korean
    assert Path("site/index.html").read_text("utf-8") == "mkdocs.yml build 3\n"


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "keep.txt").write_text("not the project's\n", "utf-8")
    return outside


def _fifo(path: Path) -> None:
    os.mkfifo(path)


# What stands where the build's folders and lock belong, and the one sentence that names it.
IN_THE_WAY: dict[str, tuple[Callable[[Path], object], str]] = {
    "site-new-file": (lambda t: Path(".site-new").write_text("x"),
                      ".site-new is a file, where a build keeps a folder of its own: remove it "
                      "(rm .site-new), then build again."),
    "site-new-symlink": (lambda t: Path(".site-new").symlink_to(_outside(t)),
                         ".site-new is a symbolic link, where a build keeps a folder of its own: "
                         "remove it (rm .site-new, which removes the link only), then build again."),
    "site-old-file": (lambda t: Path(".site-old").write_text("x"),
                      ".site-old is a file, where a build keeps a folder of its own: remove it "
                      "(rm .site-old), then build again."),
    "site-old-symlink": (lambda t: Path(".site-old").symlink_to(_outside(t)),
                         ".site-old is a symbolic link, where a build keeps a folder of its own: "
                         "remove it (rm .site-old, which removes the link only), then build again."),
    "lock-is-dir": (lambda t: Path(".site-lock").mkdir(),
                    ".site-lock, the build's lock, is a folder, not a file: remove it "
                    "(rmdir .site-lock), then build again."),
    "lock-symlink-outside": (lambda t: Path(".site-lock").symlink_to(_outside(t) / "made.lock"),
                             ".site-lock, the build's lock, is a symbolic link, which a build does "
                             "not follow: remove it (rm .site-lock, which removes the link only), "
                             "then build again."),
    "lock-symlink-to-a-file": (lambda t: Path(".site-lock").symlink_to(_outside(t) / "keep.txt"),
                               ".site-lock, the build's lock, is a symbolic link, which a build "
                               "does not follow: remove it (rm .site-lock, which removes the link "
                               "only), then build again."),
    "lock-is-a-pipe": (lambda t: _fifo(Path(".site-lock")),
                       ".site-lock, the build's lock, is a device, pipe or socket, not a file: "
                       "remove it (rm .site-lock), then build again."),
    "site-is-file": (lambda t: shutil.rmtree("site") or Path("site").write_text("x"),
                     "site is a file, not a folder: the site is built there; move it away "
                     "(mv site site.bak), then build again."),
    "site-link-to-a-file": (lambda t: shutil.rmtree("site") or Path("site").symlink_to(
        _outside(t) / "keep.txt"), "site is a symbolic link to {t}/outside/keep.txt, which is a "
        "file, not a folder: point the link at a folder, or remove it (rm site), then build again."),
    "site-link-to-nowhere": (lambda t: shutil.rmtree("site") or Path("site").symlink_to(
        t / "outside" / "deploy"), "site is a symbolic link to {t}/outside/deploy, which does not "
        "exist: create that folder (mkdir -p {t}/outside/deploy) or remove the link (rm site), "
        "then build again."),
    "site-link-to-the-project": (lambda t: shutil.rmtree("site") or Path("site").symlink_to(
        t / "project"), "site leads to {t}/project, which holds the project: a build replaces "
        "that folder whole; point it at a folder of its own."),
}


@pytest.mark.parametrize("case", IN_THE_WAY)
def test_something_in_the_way_is_one_sentence_and_nothing_is_lost(
        run: Callable[..., tuple[int, str]], tmp_path: Path, case: str) -> None:
    """G12: each case ends in one sentence naming the path and the fix; site/, the project and
    everything outside it stay as they were."""
    assert run()[0] == 0
    arrange, sentence = IN_THE_WAY[case]
    if case.startswith("lock-"):
        Path(".site-lock").unlink()  # the lock file the first build made
    arrange(tmp_path)
    before = {name: snapshot(tmp_path / name) for name in ("project", "outside")}
    status, said = run()
    assert status == 1
    assert said == f"build: {sentence.format(t=tmp_path)}\n"
    assert {name: snapshot(tmp_path / name) for name in ("project", "outside")} == before
    assert not (tmp_path / "outside" / "made.lock").exists()


@pytest.mark.parametrize("site", [".", ".."])
def test_a_site_folder_that_is_the_project_or_above_is_refused(
        run: Callable[..., tuple[int, str]], tmp_path: Path, site: str) -> None:
    before = snapshot(tmp_path)
    status, said = run("--site-dir", site)
    assert (status, said) == (1, f"build: {site} does not name a folder of its own: name the "
                                 "site's folder, e.g. --site-dir site.\n")
    assert snapshot(tmp_path) == before


def test_an_unreadable_lock_is_a_sentence(tmp_path: Path) -> None:
    """As a user without root's power to open any file (setpriv drops it when the tests run as
    root): no build starts."""
    project = copy_project(tmp_path / "project")
    lock = project / ".site-lock"
    lock.write_text("")
    lock.chmod(0)
    command = [sys.executable, str(ROOT / "hooks" / "build_site.py"), "--editions", ""]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv to drop the power to open any file")
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=ENV,
                            check=False)
    assert result.returncode == 1
    assert result.stderr == (
        "build: .site-lock, the build's lock, cannot be opened (permission denied): give "
        "yourself read and write access (chmod u+rw .site-lock) or remove it, then build again.\n")
    assert not (project / "site").exists() and not (project / ".site-new").exists()


# --- real builds ----------------------------------------------------------------------------------

def _build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "hooks" / "build_site.py"), *args],
                          cwd=project, capture_output=True, text=True, env=ENV, check=False)


def _blocks(folder: Path) -> int:
    """Bytes that the files under `folder` take on disk."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*"))


@pytest.mark.build
def test_a_disk_that_fills_during_pagefind_fails_the_build_and_keeps_the_site(
        tmp_path: Path) -> None:
    """G2, for real: on a small file system (tmpfs) with room for the pages but not for the whole
    search index, Pagefind exits 0 and leaves empty files; the build fails in one sentence and
    the last good site stays as it was."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs",
                                            str(disk)], capture_output=True).returncode != 0:
        pytest.skip("needs root, to mount a small file system (tmpfs)")
    try:
        project = disk / "project"
        project.mkdir()
        for name in ("docs", "hooks"):  # read only: they may stay on the big disk
            (project / name).symlink_to(ROOT / name)
        shutil.copytree(ROOT / "data", project / "data")  # a link is refused (hostile.py)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        good = _build(project, "--editions", "")
        assert good.returncode == 0, good.stderr
        before = snapshot(project / "site")
        pages, index = _blocks(project / "site") - _blocks(project / "site" / "pagefind"), \
            _blocks(project / "site" / "pagefind")
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        with open(disk / "filler", "wb") as filler:  # leave room for the pages and half the index
            filler.truncate(0)
            filler.write(b"\0" * (free - pages - index // 2))
        result = _build(project, "--editions", "")
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert ("search index: Pagefind's output in pagefind/ is not whole (" in result.stderr
                or "search index: could not write the search index: No space left" in result.stderr
                ), result.stderr
        assert "the build failed; site/ is unchanged" in result.stderr
        assert snapshot(project / "site") == before
        assert not (project / ".site-new").exists()
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.build
def test_two_builds_of_one_edition_each_at_once_leave_both(tmp_path: Path) -> None:
    """G7, for real: `--editions ko` and `--editions ja` at once take turns, and the site ends
    with both editions (the second keeps the first's)."""
    project = copy_project(tmp_path / "project")
    runs = [subprocess.Popen([sys.executable, str(ROOT / "hooks" / "build_site.py"), "--editions",
                              lang], cwd=project, env=ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True) for lang in ("ko", "ja")]
    said = [run.communicate(timeout=600)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], said
    assert sum("kept the" in s and "edition from the last good site" in s for s in said) == 1
    site = project / "site"
    for root in ("", "ko/", "ja/"):
        assert (site / root / "index.html").is_file() and (site / root / "pagefind").is_dir()
    assert len(list(site.rglob("index.html"))) == 3 * len(list(
        p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("ko", "ja")))
