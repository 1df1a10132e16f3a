"""Helpers shared by the tests: small data folders, builds, and the browser set-up."""

from __future__ import annotations

import fcntl
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

if TYPE_CHECKING:  # Playwright is imported where a browser is used, not by every test run
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
# libyaml's loader where PyYAML has it, as the build reads: the pure-Python one is ten times slower.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Properties tried on random examples (Hypothesis): make test tries them all; make unit, the
# loop run after each edit, a fifth (QUICK_PROPERTIES=1), reproducibly in CI.
QUICK = os.environ.get("QUICK_PROPERTIES") == "1"
DERANDOMISE = bool(os.environ.get("CI"))


def examples(full: int) -> int:
    """How many random examples a property is tried on in this run."""
    return max(10, full // 5) if QUICK else full


def load_yaml(text: str) -> Any:
    """YAML text as Python values (the tests' own reading of the data, beside the build's)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)

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


# The repository the tests' build of the real site names (extra.repository): its pages then
# carry report links, as a published site's do.
REPOSITORY = "https://github.com/example/japan-korea-trade-dispute"


def build_editions(project: Path, site_dir: Path, **environ: str) -> subprocess.CompletedProcess[str]:
    """`make build` of a project: the English site into site_dir, the editions into its ko/ and
    ja/ (hooks/build_site.py); `environ`: more of the build's environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
           "PYTHONPATH": str(ROOT / "hooks"), **environ}
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "build_site.py"), "--site-dir", str(site_dir),
         "--config-file", str(project / "mkdocs.yml")],
        capture_output=True, text=True, env=env, cwd=project, check=False,
    )


def search_fragments(site: Path) -> list[dict[str, Any]]:
    """What Pagefind indexed, one fragment per indexed page (a page indexed twice shows twice):
    each with its `url`, indexed `content`, `meta`, `filters`. A fragment is gzipped JSON behind
    a 12-byte signature (Pagefind 1.x)."""
    fragments = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragments.append(json.loads(data[len(b"pagefind_dcd"):]))
    return fragments


def search_index(site: Path) -> dict[str, dict[str, Any]]:
    """What Pagefind indexed, page by page: {url relative to the site: fragment}."""
    return {fragment["url"].lstrip("/"): fragment for fragment in search_fragments(site)}


def _cbor(data: bytes, at: int = 0) -> tuple[object, int]:
    """One CBOR item (unsigned integers, strings, arrays and maps: what Pagefind writes) and
    where the next begins."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    else:
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return value, at
    if major in (2, 3):
        raw = data[at:at + value]
        return (raw.decode("utf-8") if major == 3 else raw), at + value
    items = []
    for _ in range(value * (2 if major == 5 else 1)):
        item, at = _cbor(data, at)
        items.append(item)
    if major == 5:
        return dict(zip(items[::2], items[1::2], strict=True)), at
    assert major == 4, f"CBOR major type {major} at {at}"
    return items, at


def search_filters(site: Path) -> dict[str, dict[str, list[int]]]:
    """Pagefind's filters: {filter: {value: [page numbers]}}, in a stable order."""
    filters: dict[str, dict[str, list[int]]] = {}
    for path in (site / "pagefind" / "filter").glob("*.pf_filter"):
        data = gzip.decompress(path.read_bytes())
        (name, values), _ = _cbor(data, len(b"pagefind_dcd"))  # type: ignore[misc]
        filters[name] = {value: sorted(pages) for value, pages in sorted(values)}
    return filters


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class NotFoundHost(QuietHandler):
    """A static host: a missing address gets its edition's 404.html (ko/404.html under ko/),
    with status 404, as GitHub Pages serves the site."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        edition = next((e for e in ("ko/", "ja/") if self.path.startswith(f"/{e}")), "")
        page = Path(self.directory) / edition / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
            ) -> Iterator[str]:
    """The built site served on 127.0.0.1 by `handler`; yields the address of its root."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def rename_event(project: Path, old: str, new: str) -> None:
    """Rename an event as a maintainer does: its file, with `former_ids` so that its old
    address still leads to it, and its translations' files (data/i18n/<lang>/events/)."""
    events = project / "data" / "events"
    text = (events / f"{old}.yaml").read_text("utf-8")
    (events / f"{old}.yaml").unlink()
    (events / f"{new}.yaml").write_text(text + f"former_ids: [{old}]\n", "utf-8")
    for translation in (project / "data" / "i18n").glob(f"*/events/{old}.yaml"):
        translation.rename(translation.with_name(f"{new}.yaml"))


def copy_project(target: Path) -> Path:
    """The project's mkdocs.yml (and the editions' mkdocs.ko.yml...), docs/, hooks/ and data/ in
    a temporary folder."""
    for name in ("docs", "hooks", "data"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, target / config.name)
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


def once_per_run(factory: pytest.TempPathFactory, name: str, fill: Callable[[Path], None]) -> Path:
    """A folder that `fill` fills once for the whole run (a build, say), to be read, never
    written: under pytest-xdist the workers share it, the first to need it filling it while
    the others wait on a lock in the folder their own temporary folders sit in. If `fill`
    fails, every worker that needs the folder fails with its report, without a second try."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        folder = factory.mktemp(name)
        fill(folder)
        return folder
    shared = factory.getbasetemp().parent / f"once-{name}"
    shared.mkdir(exist_ok=True)
    folder, done, failed = shared / "folder", shared / "done", shared / "failed"
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if failed.exists():
            pytest.fail(failed.read_text("utf-8"), pytrace=False)
        if not done.exists():
            folder.mkdir()
            try:
                fill(folder)
            except BaseException as error:
                failed.write_text(f"{name}, made once for the run, failed: {error}", "utf-8")
                raise
            done.touch()
    return folder
