"""`python -m chronology.translations [DATA_DIR] [--all]`: check data/ and print each
edition's translation coverage (make translations), the hand-written pages' beside the data's
(docs/ next to DATA_DIR). Exit status 1 if the data has problems.

`--side-by-side LANG [WORDS]`: each text of the edition LANG (ko, ja) beside the English it
translates, and each quote beside our translation; only those whose place or English holds
WORDS ("2019-08-02", "records.yaml", "white list"), if given.
`--stale LANG`: each stale text with the English it was made from (found again by its `of` in
the English file's history, git) and the English now."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import DataError
from ..validate import load_chronology
from .coverage import coverage, report
from .history import History
from .side import known, pairs, show, stale

USAGE = ("usage: python -m chronology.translations [DATA_DIR] [--all | --side-by-side LANG "
         "[WORDS] | --stale LANG]")


def main(argv: list[str]) -> int:
    options = [arg for arg in argv if arg.startswith("--")]
    names = [arg for arg in argv if not arg.startswith("--")]
    mode = next((o for o in options if o in ("--side-by-side", "--stale")), None)
    data = Path(names.pop(0) if names and (mode is None or len(names) > 1
                                          and not known(names[0])) else "data")
    if mode is not None and (not names or not known(names[0])):
        sys.stderr.write(f"{USAGE}\n{mode} needs the edition's language: ko or ja\n")
        return 2
    try:
        chronology = load_chronology(data)
    except DataError as error:
        sys.stderr.write(error.report() + "\n")
        return 1
    if mode == "--side-by-side":
        found = [show(pair) for pair in pairs(chronology, names[0], " ".join(names[1:]))]
    elif mode == "--stale":
        history = History(data.resolve().parent)
        found = [show(pair) for pair in stale(chronology, names[0], history.english_of)]
        found = found or [f"{names[0]}: nothing is stale"]
    else:
        docs = data.resolve().parent / "docs"
        pages = ({file.name: file.read_text("utf-8") for file in sorted(docs.glob("*.md"))}
                 if docs.is_dir() else None)
        found = [report(coverage(chronology, pages), first=10**9 if "--all" in argv else 3)]
    sys.stdout.write("\n\n".join(found) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
