"""Benchmark: what the Korean and Japanese editions cost the build (#16).

Usage: python tests/perf/editions.py [--sizes 0 1000 10000] [--runs 3]   (0: the real data)

For each size, `make build` (hooks/build_site.py) is run --runs times with the English only
(--editions '') and with all three editions, each in a fresh process; the table gives the
median wall time of each, their ratio, and the peak memory of the largest single process (the
English build runs in build_site's process, each edition in one of its own; wait4 reports the
largest of them, Pagefind included). Synthetic projects (tests/perf/synthetic.py) carry a
machine translation of every event. Targets: three editions in at most 3.5x the time of one,
and no process larger than the English-only build's (the memory budget at 10,000 events).
Timing lives here, never in a unit test.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(HERE)]

from bench import measured  # noqa: E402
from synthetic import make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
       "PYTHONPATH": str(ROOT / "hooks")}


def build(project: Path, editions: str) -> tuple[float, float]:
    """Wall seconds and the largest process's peak memory (MB) of one build_site run."""
    shutil.rmtree(project / "site", ignore_errors=True)
    return measured([sys.executable, str(ROOT / "hooks" / "build_site.py"), "--site-dir",
                     str(project / "site"), "--config-file", str(project / "mkdocs.yml"),
                     "--editions", editions], "build", env=ENV, cwd=project)


def real_project(folder: Path) -> Path:
    for name in ("docs", "hooks", "data"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, folder / config.name)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for n in args.sizes:
            folder = Path(work) / f"n{n}"
            project = real_project(folder) if n == 0 else make_project(folder, n, editions=True)
            one = [build(project, "") for _ in range(args.runs)]
            three = [build(project, "ko,ja") for _ in range(args.runs)]
            rows.append((n, statistics.median(b[0] for b in one), max(b[1] for b in one),
                         statistics.median(b[0] for b in three), max(b[1] for b in three)))
            print(f"measured {n or 'the real'} events", file=sys.stderr)
            shutil.rmtree(folder)
    print(f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}; medians of {args.runs} runs.\n")
    print("| events | English only: s, peak MB | three editions: s, peak MB | time ratio |")
    print("|---|---:|---:|---:|")
    checks = []
    for n, one_s, one_mb, three_s, three_mb in rows:
        label = "real data" if n == 0 else f"{n:,} synthetic"
        print(f"| {label} | {one_s:.1f}, {one_mb:.0f} | {three_s:.1f}, {three_mb:.0f} | "
              f"{three_s / one_s:.2f} |")
        checks.append((f"{label}: three editions within 3.5x one ({three_s / one_s:.2f})",
                       three_s / one_s <= 3.5))
        # 5 % for noise: the editions' processes hold the same data as the English one.
        checks.append((f"{label}: no edition's process above the English build's memory "
                       f"({three_mb:.0f} vs {one_mb:.0f} MB)", three_mb <= one_mb * 1.05))
    print()
    for name, ok in checks:
        print(f"{'met' if ok else 'NOT MET'}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
