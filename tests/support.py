"""Helpers shared by the tests: small data folders, builds, and the browser set-up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
# The five articles are not ours to redistribute: they sit beside the project (../shared/seeds),
# or wherever SOURCES says (`make test SOURCES=/path/to/seeds`).
SEEDS = ROOT / os.environ.get("SOURCES", "../shared/seeds")

PHASES = """\
- id: first
  title: First phase
  start: "2019-01-01"
  end: "2019-06-30"
  summary: The first phase.
- id: second
  title: Second phase
  start: "2019-07-01"
  end: "2019-12-31"
  summary: The second phase.
"""

SOURCES = """\
- id: paper-2019-07-02
  outlet: The Paper
  title: Something happened
  published: "2019-07-02"
  url: "https://example.org/story"
  seed: paper
"""

EVENT = """\
date: "2019-07-01"
date_basis:
  kind: derived
  source: paper-2019-07-02
  phrase: "on Monday"
  note: The paper is of Tuesday 2 July 2019.
title: Something happened
summary: Something happened on a Monday.
phase: second
citations:
  - source: paper-2019-07-02
    quote: "Something happened on Monday"
"""


def write_data(root: Path, *, phases: str = PHASES, sources: str = SOURCES,
               events: dict[str, str] | None = None, **extra: str) -> Path:
    """A data/ folder under root; `events` maps file names to YAML text."""
    data = root / "data"
    (data / "events").mkdir(parents=True, exist_ok=True)
    (data / "phases.yaml").write_text(textwrap.dedent(phases), encoding="utf-8")
    (data / "sources.yaml").write_text(textwrap.dedent(sources), encoding="utf-8")
    for name, text in (events if events is not None else {"something-happened.yaml": EVENT}).items():
        (data / "events" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in extra.items():
        (data / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return data



def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
           "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
         str(site_dir), "--config-file", str(project / "mkdocs.yml")],
        capture_output=True, text=True, env=env, cwd=project, check=False,
    )


def copy_project(target: Path) -> Path:
    """The project's mkdocs.yml, docs/, hooks/ and data/ in a temporary folder."""
    for name in ("docs", "hooks", "data"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's Chromium is needed for the browser tests: apt-get install -y chromium "
                    "(or set CHROMIUM to its path)", pytrace=False)
    return path



def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
