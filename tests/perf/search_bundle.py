"""Benchmark: what checking Pagefind's output and writing its filters in one order cost
(chronology/search_bundle.py, run by the build after Pagefind).

Usage: python tests/perf/search_bundle.py [--sizes 0 1000 10000] [--runs 3]   (0: the real data)

For each size, an English-only project (tests/perf/synthetic.py) is built once with
hooks/build_site.py; then its site is indexed again --runs times, timing Pagefind alone and the
check and rewrite of its output; medians are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).parent))
import chronology.search as search  # noqa: E402
from editions import real_project  # noqa: E402
from synthetic import make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
       "PYTHONPATH": str(ROOT / "hooks")}


def timed_index(site: Path) -> tuple[int, float, float]:
    """(pages, Pagefind's seconds, the check and rewrite's seconds) of one index_site run."""
    finish = search.finish_bundle
    spent: list[float] = []

    def timed(fresh: Path, pages: int) -> None:
        started = time.perf_counter()
        finish(fresh, pages)
        spent.append(time.perf_counter() - started)

    search.finish_bundle = timed
    try:
        pages, seconds = search.index_site(site)
    finally:
        search.finish_bundle = finish
    return pages, seconds - spent[0], spent[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| events | pages indexed | bundle files | Pagefind (s) | check + rewrite (s) | share |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for n in args.sizes:
            folder = Path(work) / f"n{n}"
            folder.mkdir()
            project = real_project(folder) if n == 0 else make_project(folder, n)
            subprocess.run([sys.executable, str(ROOT / "hooks" / "build_site.py"), "--site-dir",
                            str(project / "site"), "--config-file", str(project / "mkdocs.yml"),
                            "--editions", ""], cwd=project, env=ENV, check=True,
                           capture_output=True)
            runs = [timed_index(project / "site") for _ in range(args.runs)]
            pagefind = statistics.median(r[1] for r in runs)
            ours = statistics.median(r[2] for r in runs)
            files = sum(1 for p in (project / "site" / "pagefind").rglob("*") if p.is_file())
            print(f"| {n or 'real (77)'} | {runs[0][0]} | {files} | {pagefind:.2f} | {ours:.3f} | "
                  f"{ours / (pagefind + ours):.1%} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
