"""Lighthouse (mobile) scores for the home page and an event page, in each edition, as a table.

Usage: python tests/perf/lighthouse.py [--runs N] [SITE_DIR]   (or: make lighthouse)

Serves the built site (default site/) on 127.0.0.1, runs Lighthouse from the npm registry
(installed once into .venv/lighthouse; version 12 runs on Node 20) against Debian's Chromium,
and prints the median of N runs per category. The site is served with gzip, as static hosts
serve it. Not a unit test: scores vary from run to run.
Target: at least 0.95 in every category.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREFIX = ROOT / ".venv" / "lighthouse"
VERSION = "12.8.2"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
EVENT = "events/2019-08-02-japan-removes-south-korea-from-white-list/"
# The English pages, and the same in the Korean and Japanese editions (site/ko/, site/ja/).
PAGES = {"home": "", "event": EVENT, "home (ko)": "ko/", "event (ko)": f"ko/{EVENT}",
         "home (ja)": "ja/", "event (ja)": f"ja/{EVENT}"}
TARGET = 0.95


def install() -> None:
    if not CLI.exists():
        print(f"installing lighthouse@{VERSION} into {PREFIX} ...", file=sys.stderr)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                        str(PREFIX), f"lighthouse@{VERSION}"], check=True)


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host does: gzip for text when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=64)
def _compressed(path: Path, mtime_ns: int) -> bytes:
    """Compressed once and kept, as static hosts and CDNs keep their compressed copies."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(StaticHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_once(url: str, chrome: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        flags = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
                 "--disable-background-networking --disable-component-update --no-first-run")
        subprocess.run(
            ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
            check=True, env={**os.environ, "CHROME_PATH": chrome}, cwd=work,
        )
        data = json.loads(report.read_text("utf-8"))
    return {name: data["categories"][name]["score"] for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chrome = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not chrome or not Path(args.site, "index.html").exists():
        print("needs Debian's chromium and a built site (make build)", file=sys.stderr)
        return 2
    install()
    server, base = serve(Path(args.site))
    rows = []
    try:
        for name, path in PAGES.items():
            runs = [run_once(base + path, chrome) for _ in range(args.runs)]
            rows.append((name, {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}))
    finally:
        server.shutdown()
    print(f"Lighthouse {VERSION}, mobile, median of {args.runs} runs (target ≥ {TARGET})\n")
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("|---|" + "---:|" * len(CATEGORIES))
    for name, scores in rows:
        print(f"| {name} | " + " | ".join(f"{scores[c]:.2f}" for c in CATEGORIES) + " |")
    missed = [(n, c) for n, s in rows for c in CATEGORIES if s[c] < TARGET]
    print("\nall targets met" if not missed else f"\nbelow target: {missed}")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
