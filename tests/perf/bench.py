"""Benchmark: how the build and the reader's experience scale with the number of events.

Usage: python tests/perf/bench.py [--sizes 100 1000 10000] [--runs 3]   (or: make bench)

For each size it generates a synthetic chronology in the real data format (tests/perf/
synthetic.py), builds it with MkDocs in a fresh process --runs times, and prints a table:
median build time, ms per event, our own load/validate/render/export time against MkDocs' own,
peak memory, site size, one event page's size, the search index's size, and in Chromium the
time until search is ready and until the first result shows. At 1,000 events it also measures
`mkdocs serve --dirty`: the time from saving an event file to the changed page being served.
Timing lives here, never in a unit test. Targets are checked at the end.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(HERE)]

from lighthouse import serve  # noqa: E402  (gzip static host)
from synthetic import make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def build_once(project: Path, site: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one `mkdocs build` in a fresh process."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
                                str(site), "--config-file", str(project / "mkdocs.yml")],
                               env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


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


def search_timings(site: Path, path: str = "") -> tuple[float, float]:
    """Milliseconds until Material's search is ready, and from typing to the first result."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(base + path)
            page.wait_for_function("document.querySelector('.md-search-result__meta')"
                                   ".textContent.trim() !== 'Initializing search'", timeout=60_000)
            ready = page.evaluate("performance.now()")
            page.get_by_role("textbox", name="Search").click()
            typed = page.evaluate("performance.now()")
            page.keyboard.type("synthetic semiconductor")
            page.wait_for_selector(".md-search-result__item", timeout=60_000)
            first = page.evaluate("performance.now()") - typed
            browser.close()
    finally:
        server.shutdown()
    return ready, first


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
            index_bytes = (site / "search" / "search_index.json").read_bytes()
            index, index_gz = len(index_bytes), len(gzip.compress(index_bytes, mtime=0))
            home = [search_timings(site) for _ in range(args.runs)]
            event = [search_timings(site, "events/synthetic-00000/") for _ in range(args.runs)]
            rows.append({
                "events": n, "build_s": wall, "ms_per_event": 1000 * wall / n, "ours_s": ours,
                "ours_pct": 100 * ours / wall, "peak_mb": max(b[1] for b in builds),
                "site_mb": size_of(site) / 1e6,
                "page_kb": (site / "events" / "synthetic-00000" / "index.html").stat().st_size / 1e3,
                "index_mb": index / 1e6, "index_mb_per_1000": index / 1e6 / (n / 1000),
                "index_gz_per_1000": index_gz / 1e6 / (n / 1000),
                "ready_ms": statistics.median(t[0] for t in home),
                "ready_event_ms": statistics.median(t[0] for t in event),
                "first_ms": statistics.median(t[1] for t in home + event),
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
          f"build times are medians of {runs} runs.\n")
    print("| events | build (s) | ms/event | ours (s) | ours % | peak MB | site MB | event page KB "
          "| search index MB | index MB/1,000 | gzipped MB/1,000 | search ready, home (ms) "
          "| search ready, event page (ms) | first result (ms) |")
    print("|---:" * 14 + "|")
    for r in rows:
        print(f"| {r['events']:,} | {r['build_s']:.1f} | {r['ms_per_event']:.2f} | "
              f"{r['ours_s']:.2f} | {r['ours_pct']:.1f} | {r['peak_mb']:.0f} | {r['site_mb']:.1f} | "
              f"{r['page_kb']:.1f} | {r['index_mb']:.2f} | {r['index_mb_per_1000']:.2f} | "
              f"{r['index_gz_per_1000']:.2f} | {r['ready_ms']:.0f} | {r['ready_event_ms']:.0f} | "
              f"{r['first_ms']:.0f} |")
    if latency:
        print(f"\nEdit to served page under `mkdocs serve --dirty`, 1,000 events: median "
              f"{statistics.median(latency):.2f} s (runs: {', '.join(f'{x:.2f}' for x in latency)})")
    by = {r["events"]: r for r in rows}
    checks = [("our stages ≤ 3% of the build", all(r["ours_pct"] <= 3 for r in rows))]
    if 1000 in by and 10000 in by:
        growth = by[10000]["ms_per_event"] / by[1000]["ms_per_event"]
        checks.append((f"cost per event does not grow, 10,000 vs 1,000 (ratio {growth:.2f} ≤ 1.10)",
                       growth <= 1.10))
        checks.append(("event page size independent of event count",
                       abs(by[10000]["page_kb"] - by[1000]["page_kb"]) < 0.5))
        checks.append(("10,000 events build within 120 s",  by[10000]["build_s"] <= 120))
        checks.append(("10,000 events build within 400 MB", by[10000]["peak_mb"] <= 400))
    checks.append(("search index < 0.7 MB per 1,000 events",
                   all(r["index_mb_per_1000"] < 0.7 for r in rows if r["events"] >= 1000)))
    if 1000 in by:
        checks.append(("search ready within 1 s at 1,000 events, on an event page",
                       by[1000]["ready_event_ms"] <= 1000))
        checks.append(("search ready within 1 s at 1,000 events, on the home page (which lists them all)",
                       by[1000]["ready_ms"] <= 1000))
    if latency:
        checks.append(("edit served within 2 s at 1,000 events", statistics.median(latency) < 2))
    print()
    for name, ok in checks:
        print(f"- [{'x' if ok else ' '}] {name}")


if __name__ == "__main__":
    sys.exit(main())
