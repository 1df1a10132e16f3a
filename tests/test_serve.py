"""`make serve` shows every edit on every page it concerns (adversarial review 2026-12-07, G10:
an edit of the edition's words reached only the pages rebuilt anyway, and the data's problems
were missing from hand-written pages; G11: an edit that kept the file's size and time was never
shown)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support import ROOT, write_data

pytestmark = pytest.mark.build

REBUILDS = """
import os, sys
from pathlib import Path
from chronology.search import BACKGROUND
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, config_file = Path(sys.argv[1]), sys.argv[2]
os.chdir(project)

def build_once():
    config = load_config(config_file, site_dir=str(project / "site"))
    config.strict = False  # as `make serve` (a dirty build warns that it is one)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    BACKGROUND.wait()

build_once()
for line in sys.stdin:  # each line: file to edit, old text, new text (tab-separated)
    path, old, new = line.rstrip("\\n").split("\\t")
    text = Path(path).read_text("utf-8")
    assert old in text, (path, old)
    Path(path).write_text(text.replace(old, new, 1), "utf-8")
build_once()
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real configuration, hooks and pages over a one-event data folder, with the Korean
    edition's words."""
    write_data(tmp_path)
    (tmp_path / "data" / "i18n" / "ko").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "i18n" / "ko" / "ui.yaml", tmp_path / "data" / "i18n" / "ko")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "hooks", tmp_path / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, tmp_path / config.name)
    return tmp_path


def rebuild(project: Path, config: str, *edits: tuple[Path, str, str]) -> None:
    """Build as `make serve` does, make the edits, and rebuild as it would."""
    lines = "".join(f"{path}\t{old}\t{new}\n" for path, old, new in edits)
    run = subprocess.run([sys.executable, "-c", REBUILDS, str(project), config], input=lines,
                         capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                              "PYTHONPATH": str(project / "hooks")})
    assert run.returncode == 0, run.stderr[-3000:]


def test_an_edit_of_the_editions_words_reaches_every_page(project: Path) -> None:
    rebuild(project, "mkdocs.ko.yml",
            (project / "data" / "i18n" / "ko" / "ui.yaml", '"인용문 복사"', '"인용문을 복사하기"'))
    for page in ("events/something-happened", "sources/paper-2019-07-02", ""):
        text = (project / "site" / page / "index.html").read_text("utf-8")
        assert "인용문을 복사하기" in text or "인용문 복사" not in text, page
    event = (project / "site" / "events" / "something-happened" / "index.html").read_text("utf-8")
    assert "인용문을 복사하기" in event and "인용문 복사<" not in event


def test_the_datas_problems_are_shown_on_hand_written_pages_too(project: Path) -> None:
    rebuild(project, "mkdocs.yml",
            (project / "data" / "events" / "something-happened.yaml", 'date: "2019-07-01"',
             'date: "2019-02-30"'))
    for page in ("about", "data", "", "events/something-happened"):
        text = (project / "site" / page / "index.html").read_text("utf-8")
        assert 'class="chrono-problems"' in text, page


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own server)
        return str(response.read().decode("utf-8"))


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_an_edit_that_keeps_the_files_size_and_time_is_served(project: Path) -> None:
    port = free_port()
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
             "--dev-addr", f"127.0.0.1:{port}", "--config-file", str(project / "mkdocs.yml")],
            cwd=project, stdout=subprocess.DEVNULL, stderr=output,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")})
    try:
        page = f"http://127.0.0.1:{port}/events/something-happened/"
        assert wait_for(page, "Something happened", 60), log.read_text("utf-8")[-3000:]
        # The server's first search index is made in the background after it serves: let it
        # and the watchers settle, as a person would not edit in the first second either.
        time.sleep(3)
        event = project / "data" / "events" / "something-happened.yaml"
        before = event.stat()
        event.write_text(event.read_text("utf-8").replace(
            "title: Something happened", "title: SOMETHING happened"), "utf-8")
        os.utime(event, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert event.stat().st_size == before.st_size
        assert wait_for(page, "SOMETHING happened", 30), log.read_text("utf-8")[-3000:]
    finally:
        server.terminate()
        server.wait(timeout=20)
