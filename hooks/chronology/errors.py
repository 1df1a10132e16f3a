"""Data problems and the one error that carries them all.

A problem names a file, a line and what is wrong, like a compiler message.
Stages collect problems and raise a single DataError at the end, so a
maintainer sees every mistake in one run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .hostile import printable


class Location(NamedTuple):
    """Where something is written: a data file (as a maintainer names it) and a line. (A tuple:
    every field of every record has one, and tuples are made several times faster than frozen
    dataclasses.)"""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        # Messages quote the data, and file names are data too: a line break would split the
        # report, a direction control would reorder it on the maintainer's screen.
        return f"{printable(self.path)}:{self.line}: {printable(self.message)}"


class DataError(Exception):
    """Raised once, with every problem found, in file and line order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} data {noun}; the site was not built.")
        return "\n".join(lines)
