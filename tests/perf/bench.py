"""Benchmark: how the build and the reader's experience scale with the number of events.

Usage: python tests/perf/bench.py [--sizes 100 1000 10000] [--runs 3]   (or: make bench)

For each size it generates a synthetic chronology in the real data format (tests/perf/
synthetic.py), builds it with MkDocs in a fresh process --runs times, and prints a table:
median build time, ms per event, our own load/validate/render/export time against MkDocs' own,
peak memory (MkDocs and Pagefind), site size, one event page's size, the search bundle's size,
Pagefind's own indexing time and memory, and in Chromium a cold reader's time and bytes from
opening an event page to the first search result, for three kinds of query. At 1,000 events it also measures
`mkdocs serve --dirty`: the time from saving an event file to the changed page being served.
Timing lives here, never in a unit test. Targets are checked at the end.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(HERE)]

from lighthouse import StaticHost  # noqa: E402  (gzip static host)
from synthetic import make_project  # noqa: E402

EVENT_PAGE = "events/synthetic-00000/"
QUERIES = {"name": "Kishida", "date": "18 April 2023", "common": "synthetic semiconductor"}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def measured(command: list[str], what: str, **options: Any) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of a command in a fresh process: the largest of its
    processes (wait4 counts the children it waited for, Pagefind's binary included)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               **options)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{what} failed: "
                         f"{process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def build_once(project: Path, site: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one `mkdocs build` in a fresh process."""
    shutil.rmtree(site, ignore_errors=True)
    return measured([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site),
                     "--config-file", str(project / "mkdocs.yml")], "build", env=ENV)


def our_stages(project: Path) -> float:
    """Seconds our own code takes: load, validate, render pages and fragments, exports."""
    from chronology.export import render_exports
    from chronology.render import render_fragments, render_pages
    from chronology.validate import load_chronology

    start = time.perf_counter()
    chronology = load_chronology(project / "data")
    render_pages(chronology, "site")
    render_fragments(chronology, "")
    render_exports(chronology, "", "site")
    return time.perf_counter() - start


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class _Counting:
    """A response stream that counts the bytes written to it (bodies and headers)."""

    def __init__(self, raw: Any) -> None:
        self.raw, self.sent = raw, 0

    def write(self, data: bytes) -> int:
        self.sent += len(data)
        return int(self.raw.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


SENT: list[tuple[float, int]] = []  # (epoch ms the response ended, bytes), for every response


class CountingHost(StaticHost):
    """The gzip static host, logging what each response cost: requests from Web Workers count."""

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counting(self.wfile)  # type: ignore[assignment]

    def handle_one_request(self) -> None:
        before = self.wfile.sent  # type: ignore[attr-defined]
        super().handle_one_request()
        if (sent := self.wfile.sent - before) > 0:  # type: ignore[attr-defined]
            SENT.append((time.time() * 1000, sent))


# Notes, in window.firstResult, when the first search result is in the page (the clock stops).
FIRST_RESULT = """() => {
  const found = () => document.querySelector(".md-search-result__item");
  const done = () => { window.firstResult = performance.timeOrigin + performance.now(); };
  new MutationObserver((_, observer) => { if (found()) { observer.disconnect(); done(); } })
    .observe(document.documentElement, {childList: true, subtree: true});
}"""


def cold_search(base: str, path: str, query: str) -> tuple[float, int]:
    """A reader with an empty cache opens the page at `path`, opens search as soon as the page is
    parsed and enters `query` at once: milliseconds from navigation start to the first result,
    and the bytes the host sent until then (the page included)."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        SENT.clear()
        page.goto(base + path, wait_until="domcontentloaded")
        origin = page.evaluate("performance.timeOrigin")
        page.evaluate(FIRST_RESULT)
        page.locator(".md-search__input").click()
        page.keyboard.insert_text(query)
        at = float(page.wait_for_function("window.firstResult", polling=20,
                                          timeout=60_000).json_value())
        time.sleep(0.3)  # responses that end just after the result still reach the log
        sent = sum(n for t, n in SENT if t <= at + 1)
        browser.close()
    return at - origin, sent


def search_measures(site: Path, runs: int) -> dict[str, float]:
    """The cold reader on an event page (median of `runs`, each in a fresh browser) for a name
    (about one event in twenty), a date as pages write it, and words on every page."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(CountingHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    measures: dict[str, float] = {}
    try:
        cold_search(base, EVENT_PAGE, "Kishida")  # the host's gzip copies are made once
        for name, query in QUERIES.items():
            results = [cold_search(base, EVENT_PAGE, query) for _ in range(runs)]
            measures[f"{name}_ms"] = statistics.median(r[0] for r in results)
            measures[f"{name}_kb"] = statistics.median(r[1] for r in results) / 1e3
    finally:
        server.shutdown()
    return measures


def pagefind_alone(site: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB) of Pagefind indexing the built site on its own."""
    try:
        return measured([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet",
                         "--output-subdir", ".pagefind-bench"], "pagefind")
    finally:
        shutil.rmtree(site / ".pagefind-bench", ignore_errors=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_latency(project: Path, edits: int) -> list[float]:
    """Seconds from saving an event file to `mkdocs serve --dirty` serving the changed page."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
         "--dev-addr", f"127.0.0.1:{port}", "--config-file", str(project / "mkdocs.yml")],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/events/synthetic-00007/"
    event = project / "data" / "events" / "synthetic-00007.yaml"

    def page_text() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 300
        while "Synthetic event 7" not in page_text():
            if time.monotonic() > deadline:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        latencies = []
        for edit in range(edits):
            time.sleep(1.5)  # let the watcher settle between edits
            marker = f"Edited title {edit}"
            text = event.read_text("utf-8")
            text = "\n".join(f"title: {marker}" if line.startswith("title:") else line
                             for line in text.splitlines()) + "\n"
            start = time.monotonic()
            event.write_text(text, "utf-8")
            while marker not in page_text():
                if time.monotonic() - start > 120:
                    raise SystemExit("the edit never showed up")
                time.sleep(0.05)
            latencies.append(time.monotonic() - start)
        return latencies
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    rows, latency = [], None
    with tempfile.TemporaryDirectory() as work:
        for n in args.sizes:
            project = make_project(Path(work) / f"n{n}", n)
            site = project / "site"
            builds = [build_once(project, site) for _ in range(args.runs)]
            wall = statistics.median(b[0] for b in builds)
            ours = statistics.median(our_stages(project) for _ in range(args.runs))
            bundle = site / "pagefind"
            index = size_of(bundle)
            index_gz = sum(len(gzip.compress(p.read_bytes(), mtime=0)) if p.suffix in
                           {".js", ".css", ".json"} else p.stat().st_size
                           for p in bundle.rglob("*") if p.is_file())
            indexing_s, indexing_mb = pagefind_alone(site)
            rows.append({
                "events": n, "build_s": wall, "ms_per_event": 1000 * wall / n, "ours_s": ours,
                "ours_pct": 100 * ours / wall, "peak_mb": max(b[1] for b in builds),
                "site_mb": size_of(site) / 1e6,
                "page_kb": (site / "events" / "synthetic-00000" / "index.html").stat().st_size / 1e3,
                "index_mb": index / 1e6, "index_gz_mb": index_gz / 1e6,
                "indexing_s": indexing_s, "indexing_mb": indexing_mb,
                **search_measures(site, args.runs),
            })
            print(f"measured {n} events", file=sys.stderr)
            if n == 1000:
                latency = serve_latency(project, args.edits)
            shutil.rmtree(project)
    report(rows, latency, args.runs)
    return 0


def report(rows: list[dict[str, float]], latency: list[float] | None, runs: int) -> None:
    cpu = platform.processor() or platform.machine()
    print(f"Machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}; "
          f"medians of {runs} runs.\n")
    print("| events | build (s) | ms/event | ours (s) | ours % | peak MB, MkDocs + Pagefind "
          "| site MB | event page KB | search bundle MB (as served) | Pagefind alone: s, peak MB |")
    print("|---:" * 10 + "|")
    for r in rows:
        print(f"| {r['events']:,} | {r['build_s']:.1f} | {r['ms_per_event']:.2f} | "
              f"{r['ours_s']:.2f} | {r['ours_pct']:.1f} | {r['peak_mb']:.0f} | {r['site_mb']:.1f} | "
              f"{r['page_kb']:.1f} | {r['index_mb']:.2f} ({r['index_gz_mb']:.2f}) | "
              f"{r['indexing_s']:.1f}, {r['indexing_mb']:.0f} |")
    print("\nA cold reader on an event page (fresh browser, gzip host): navigation start to the "
          "first search result, and the kB sent until then, the page included.\n")
    print("| events | " + " | ".join(f"{name} `{query}`: ms, kB" for name, query in QUERIES.items())
          + " |")
    print("|---:" * (1 + len(QUERIES)) + "|")
    for r in rows:
        print(f"| {r['events']:,} | " + " | ".join(
            f"{r[f'{name}_ms']:.0f}, {r[f'{name}_kb']:.0f}" for name in QUERIES) + " |")
    if latency:
        print(f"\nEdit to served page under `mkdocs serve --dirty`, 1,000 events: median "
              f"{statistics.median(latency):.2f} s (runs: {', '.join(f'{x:.2f}' for x in latency)})")
    by = {r["events"]: r for r in rows}
    checks = [("our stages ≤ 3% of the build", all(r["ours_pct"] <= 3 for r in rows))]
    if 1000 in by and 10000 in by:
        growth = by[10000]["ms_per_event"] / by[1000]["ms_per_event"]
        checks.append((f"cost per event does not grow, 10,000 vs 1,000 (ratio {growth:.2f} ≤ 1.10)",
                       growth <= 1.10))
        # Within 3 %: which actors and topics (and so which other names) an event has is random.
        checks.append(("event page size independent of event count",
                       abs(by[10000]["page_kb"] / by[1000]["page_kb"] - 1) < 0.03))
        checks.append(("10,000 events build within 120 s",  by[10000]["build_s"] <= 120))
    for n in sorted(by):
        if n >= 1000:
            for name in QUERIES:
                checks.append((f"{n:,} events, `{QUERIES[name]}`: first result ≤ 1.0 s",
                               by[n][f"{name}_ms"] <= 1000))
                checks.append((f"{n:,} events, `{QUERIES[name]}`: ≤ 600 kB sent until then",
                               by[n][f"{name}_kb"] <= 600))
    if latency:
        checks.append(("edit served within 2 s at 1,000 events", statistics.median(latency) < 2))
    print()
    for name, ok in checks:
        print(f"- [{'x' if ok else ' '}] {name}")


if __name__ == "__main__":
    sys.exit(main())
