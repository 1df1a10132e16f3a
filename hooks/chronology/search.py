"""Index a built site for search with Pagefind (https://pagefind.app), which the build runs after
MkDocs has written every page. The pages say what to index (render/search.py); Pagefind writes
its bundle into `pagefind/` beside them, and the search box loads it piece by piece.

Pagefind comes from PyPI (`pagefind[bin]`: the binary is inside the wheel, nothing is
downloaded). A failure here is a failed build: a site without its search is not published.
No MkDocs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from chronology.search_bundle import BundleError, canonical_filters, check_files, check_references

BUNDLE = "pagefind"  # the bundle's folder, at the site's root
class SearchIndexError(Exception):
    """The index could not be made; the message says why and what to do."""


def index_site(site: Path, *, timeout: float = 600, low_priority: bool = False
               ) -> tuple[int, float]:
    """Index the site at `site` in place; return (pages indexed, seconds). `low_priority`: at
    a lower CPU priority (POSIX), so as not to slow what runs beside it."""
    started = time.perf_counter()
    # Written beside the bundle and swapped in: Pagefind leaves the files of a previous index in
    # place (a rebuild under `make serve` would still find deleted pages), and the last index
    # stays whole until the new one is.
    fresh, bundle = site / f".{BUNDLE}-new", site / BUNDLE
    shutil.rmtree(fresh, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", fresh.name]
    try:
        nice = (lambda: os.nice(10)) if low_priority and hasattr(os, "nice") else None
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                check=False, preexec_fn=nice)
    except subprocess.TimeoutExpired:
        raise SearchIndexError(f"Pagefind took more than {timeout:.0f} s to index {site}") from None
    except OSError as error:
        raise SearchIndexError(f"Pagefind could not be started ({error.strerror})") from None
    output = result.stdout + result.stderr
    if result.returncode != 0:
        if "No module named pagefind" in output or "binary" in output.lower():
            raise SearchIndexError(
                "Pagefind is not installed in this environment (or has no binary for this "
                "platform): run `make clean build`, or `pip install 'pagefind[bin]'`\n"
                + _tail(output))
        raise SearchIndexError(f"Pagefind failed (exit status {result.returncode}):\n"
                               + _tail(output))
    if "Did not find a data-pagefind-body" in output:
        # Pagefind would index every page whole, navigation and all: the pages are not ours.
        raise SearchIndexError("no page says what search should index (data-pagefind-body): "
                               "was the site built with the hook in mkdocs.yml?")
    pages = _indexed(output)
    try:
        finish_bundle(fresh, pages)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    shutil.rmtree(bundle, ignore_errors=True)
    fresh.rename(bundle)
    return pages, time.perf_counter() - started


def finish_bundle(fresh: Path, pages: int) -> None:
    """Check what Pagefind wrote (its exit status says nothing: it exits 0 when a full disk cut
    its writes short), and write its filters in one order, so that builds are byte-identical."""
    try:
        check_files(fresh)
        check_references(fresh, pages)
        canonical_filters(fresh)
    except BundleError as error:
        raise SearchIndexError(f"Pagefind's output in {BUNDLE}/ is not whole ({error}): was the "
                               "disk full? Free some disk space and build again") from None
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise SearchIndexError(f"could not write the search index: {error.strerror or error}"
                               f"{where}; free some disk space and build again") from None


def _indexed(output: str) -> int:
    """The number of pages Pagefind says it indexed ("Indexed 150 pages"), or -1."""
    for line in output.splitlines():
        words = line.split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2] in {"page", "pages"}:
            return int(words[1]) if words[1].isdigit() else -1
    return -1


def _tail(output: str, lines: int = 12) -> str:
    return "\n".join(output.strip().splitlines()[-lines:])


class BackgroundIndex:
    """Indexing after each rebuild under `make serve`, off the rebuild's path: the edited page
    is served at once, and search catches up a few seconds later (3 s at 1,000 events). Runs
    one at a time; a rebuild during a run asks for one more run, not one per rebuild."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: Path | None = None
        self._thread: threading.Thread | None = None

    def request(self, site: Path, report: Callable[[str], None]) -> None:
        with self._lock:
            self._wanted = site
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, args=(report,), daemon=True,
                                                name="search-index")
                self._thread.start()

    def _run(self, report: Callable[[str], None]) -> None:
        while True:
            with self._lock:
                site, self._wanted = self._wanted, None
                if site is None:
                    self._thread = None
                    return
            try:
                pages, seconds = index_site(site, low_priority=True)
                report(f"search index of {pages} pages made in {seconds:.1f} s")
            except SearchIndexError as error:
                report(f"search index: {error}")

    def wait(self, timeout: float = 120) -> None:
        """Until the index asked for last is made (for tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if self._thread is None:
                    return
            time.sleep(0.05)
        raise TimeoutError("the search index is still being made")


BACKGROUND = BackgroundIndex()
