"""The root cause first: when a file that others refer to is missing or cannot be read, its
references are not checked one by one (each would be an `unknown …` line, hundreds of them for
data/events), but counted (rules.Known.lacks), and the file's own problem is followed by one line
saying how many wait on it. No MkDocs, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .errors import Location, Problem
from .model import list_kinds
from .read import plural
from .rules import Known

# What each file declares, as a report names it: "actors", "background entries".
_NOUNS = {name: plural(kind.noun) for name, kind in list_kinds().items()} | {"events": "events"}
_SHOWN = 3  # places named in the line; the rest are counted
_EVENT_FILE = re.compile(r"(/events/)[^/]+$")


def file_of(name: str) -> str:
    return "data/events" if name == "events" else f"data/{name}.yaml"


def _places(locations: Iterable[Location]) -> str:
    """The files the references are in, in report order; event files by their folder."""
    paths = sorted({_EVENT_FILE.sub(r"\1", where.path) for where in locations})
    more = len(paths) - _SHOWN
    return ", ".join(paths[:_SHOWN]) + (f" and {more} more" if more > 0 else "")


def check_unchecked(known: Known, found: Iterable[Problem]) -> Iterator[Problem]:
    """One line per file whose references were not checked: after the file's first problem
    (it says what to fix), or, if nothing has been said about it (an optional file that is
    missing), at its first line, saying that it is missing."""
    first: dict[str, Problem] = {}
    for problem in sorted(found):
        first.setdefault(problem.path, problem)
    for name, locations in sorted(known.unchecked.items()):
        path, count, noun = file_of(name), len(locations), _NOUNS.get(name, name)
        many = count > 1
        where = _places(locations)
        if path in first:
            # "until" sorts after what the file's problem says at the same line: cause first.
            yield Problem(path, first[path].line, f"until this is fixed, {count:,} "
                          f"reference{'s' * many} to {noun} {'are' if many else 'is'} not "
                          f"checked (in {where})")
        else:
            kind = "folder" if name == "events" else "file"
            # Nothing else points at the references: say where the first one is.
            yield Problem(path, 1, f"missing {kind}, but {count:,} reference{'s' * many} "
                          f"name{'s' * (not many)} {noun} in it (in {where}; the first at "
                          f"{min(locations)}); add {path} (see README.md), or remove "
                          f"{'them' if many else 'it'}")
