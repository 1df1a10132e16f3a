"""Compare two built sites file by file, allowing only named, explained differences.

What tests/engines/ uses to hold one generator's output to another's: every file of either site
is compared byte for byte; a pair that differs is compared again after each allowed difference
has been taken out of both (a pattern, with why it may differ), and counts against that
difference only if then equal. Anything else — a file in one site only, a byte that no allowed
difference explains — is reported. Pure: reads the two folders, writes nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Only these are compared as text, after taking the allowed differences out.
TEXT = (".html", ".xml", ".json", ".js", ".css", ".csv", ".atom", ".ics", ".txt")


@dataclass(frozen=True)
class Allowed:
    """A difference two builds may have: `pattern` (a regular expression) is taken out of
    both files' text before they are compared again; `why` says why it differs."""

    name: str
    pattern: str
    why: str
    # Only in files whose path (relative, with /) this matches; every text file if empty.
    paths: str = ""

    def applies(self, relative: str) -> bool:
        return not self.paths or re.search(self.paths, relative) is not None

    def strip(self, text: str) -> str:
        return re.sub(self.pattern, "", text)


@dataclass
class Comparison:
    """What comparing site `a` with site `b` found."""

    files: int = 0  # in either site
    identical: int = 0
    explained: dict[str, list[str]] = field(default_factory=dict)  # allowed name -> files
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    unexplained: dict[str, str] = field(default_factory=dict)  # file -> a short diff

    @property
    def same(self) -> bool:
        return not (self.only_a or self.only_b or self.unexplained)

    def report(self, a_name: str, b_name: str, allowed: Iterable[Allowed], *,
               shown: int = 10) -> str:
        lines = [f"{self.files} files; {self.identical} identical"]
        for rule in allowed:
            if found := self.explained.get(rule.name):
                lines.append(f"{len(found)} differ only in {rule.name} ({rule.why})")
        for name, only in ((a_name, self.only_a), (b_name, self.only_b)):
            if only:
                lines.append(f"{len(only)} only in {name}: " + ", ".join(only[:shown])
                             + (" ..." if len(only) > shown else ""))
        if self.unexplained:
            lines.append(f"{len(self.unexplained)} differ otherwise:")
            for path, diff in list(self.unexplained.items())[:shown]:
                lines.append(f"--- {path}\n{diff}")
            if len(self.unexplained) > shown:
                lines.append(f"... and {len(self.unexplained) - shown} more")
        return "\n".join(lines)


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def compare_sites(a: Path, b: Path, allowed: Iterable[Allowed] = (), *,
                  ignore: str = "") -> Comparison:
    """Compare every file of site `a` with site `b`; `ignore` (a regular expression) leaves
    out the paths it matches, in both."""
    rules = list(allowed)
    in_a, in_b = files_of(a), files_of(b)
    if ignore:
        in_a = {p for p in in_a if not re.search(ignore, p)}
        in_b = {p for p in in_b if not re.search(ignore, p)}
    result = Comparison(files=len(in_a | in_b), only_a=sorted(in_a - in_b),
                        only_b=sorted(in_b - in_a))
    for relative in sorted(in_a & in_b):
        left, right = (a / relative).read_bytes(), (b / relative).read_bytes()
        if left == right:
            result.identical += 1
            continue
        used, left_text, right_text = _without_allowed(relative, left, right, rules)
        if left_text is not None and left_text == right_text:
            for name in used:
                result.explained.setdefault(name, []).append(relative)
        else:
            result.unexplained[relative] = _short_diff(left_text, right_text, left, right)
    return result


def _without_allowed(relative: str, left: bytes, right: bytes, rules: list[Allowed]
                     ) -> tuple[list[str], str | None, str | None]:
    """The allowed differences found in a text file, and both texts without them (None for a
    file that is not text)."""
    if not relative.endswith(TEXT):
        return [], None, None
    try:
        left_text, right_text = left.decode("utf-8"), right.decode("utf-8")
    except UnicodeDecodeError:
        return [], None, None
    used = []
    for rule in rules:
        if rule.applies(relative):
            stripped = rule.strip(left_text), rule.strip(right_text)
            if stripped != (left_text, right_text):
                used.append(rule.name)
                left_text, right_text = stripped
    return used, left_text, right_text


def _short_diff(left_text: str | None, right_text: str | None, left: bytes, right: bytes,
                lines: int = 12, width: int = 160) -> str:
    """The lines that differ, once the allowed differences are out; a binary file's sizes."""
    if left_text is None or right_text is None:
        return f"not text, or not UTF-8: {len(left):,} and {len(right):,} bytes"
    a, b = left_text.splitlines(), right_text.splitlines()
    diff = list(difflib.unified_diff(a, b, lineterm="", n=0))[2:]
    shown = [line[:width] for line in diff[:lines]]
    return "\n".join(shown + ([f"... {len(diff) - lines} more lines"] if len(diff) > lines else []))
