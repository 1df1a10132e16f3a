"""`python -m chronology.translations [DATA_DIR] [--all]`: check data/ and print each
edition's translation coverage (make translations). Exit status 1 if the data has problems."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import DataError
from ..validate import load_chronology
from .coverage import coverage, report


def main(argv: list[str]) -> int:
    names = [arg for arg in argv if not arg.startswith("--")]
    try:
        chronology = load_chronology(Path(names[0] if names else "data"))
    except DataError as error:
        sys.stderr.write(error.report() + "\n")
        return 1
    sys.stdout.write(report(coverage(chronology), first=10**9 if "--all" in argv else 3) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
