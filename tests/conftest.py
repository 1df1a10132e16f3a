"""Fixtures: small data folders, one full build of the real site (the browser's fixtures are in
tests/browser/conftest.py, so that a run without the browser tests never imports Playwright)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from chronology.model import Chronology
from chronology.render import iter_pages
from chronology.validate import load_chronology
from support import REPOSITORY, ROOT, build_editions, once_per_run, write_data


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
        # A test that reads the built site is a build test, whether or not it says so: the
        # fast loop (make unit) must never build one by accident.
        # So is one that renders every page of every edition of the real data (real_pages).
        elif {"built_site", "real_pages"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


def pytest_configure(config: pytest.Config) -> None:
    """Before any test runs, one sentence for what the machine lacks, rather than browser tests
    failing one by one minutes later. Where browser tests may run: not with -m "not browser"
    (make unit), nor for test files outside tests/browser/; once, not in each xdist worker."""
    if hasattr(config, "workerinput") or config.option.collectonly:
        return
    if "not browser" in (config.option.markexpr or ""):
        return
    paths = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    browser = ROOT / "tests" / "browser"
    if paths and not any(path == browser or browser in path.parents or path in browser.parents
                         for path in paths):
        return
    if lacking := missing_for_the_browser():
        raise pytest.UsageError(
            f"the browser tests need {' and '.join(lacking)}: as root, apt-get install -y "
            f"{' '.join(package for what, package in MISSING if what in lacking)} (or run make "
            "unit, which needs neither)")


MISSING = [("Debian's Chromium", "chromium"),
           ("a Korean and Japanese font (Noto CJK)", "fonts-noto-cjk")]


def missing_for_the_browser() -> list[str]:
    lacking = []
    if not (os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")):
        lacking.append(MISSING[0][0])
    fonts = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True,
                           check=False) if shutil.which("fc-list") else None
    if fonts is None or "CJK" not in fonts.stdout:
        lacking.append(MISSING[1][0])
    return lacking


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_data(tmp_path)


@pytest.fixture(scope="session")
def real_chronology() -> Chronology:
    """The real data/, read and checked once for the whole run (tests only read it)."""
    return load_chronology(ROOT / "data")


@pytest.fixture(scope="session")
def real_pages(real_chronology: Chronology) -> Callable[[str], dict[str, str]]:
    """real_pages(lang): every generated page of the real data in that edition, rendered once
    for the whole run ({docs path: Markdown})."""
    rendered: dict[str, dict[str, str]] = {}

    def pages(lang: str) -> dict[str, str]:
        if lang not in rendered:
            rendered[lang] = dict(iter_pages(real_chronology, "", lang))
        return rendered[lang]

    return pages


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of the real site and its editions (as `make build`: site/, site/ko/,
    site/ja/), shared by the build and browser tests, and by the run's workers: read, never
    written."""
    return once_per_run(tmp_path_factory, "built", _build_real_site) / "site"


def _build_real_site(folder: Path) -> None:
    result = build_editions(ROOT, folder / "site", REPOSITORY_URL=REPOSITORY)
    if result.returncode != 0:
        pytest.fail(f"make build of the real data failed:\n{result.stderr}", pytrace=False)
