"""The English a stale translation was made from, found again by its fingerprint (`of`) in the
history of the English file: each committed version of the file, newest first, and every text
in it (a YAML file's strings; messages.py's string constants) whose fingerprint is the one
sought. For `python -m chronology.translations --stale`; reads git, so it is kept apart from the
pure modules. No MkDocs.
"""

from __future__ import annotations

import ast
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .specs import fingerprint

# Versions of one file read, newest first, before giving up: enough for the project's history,
# and a bound on what one stale text can cost.
MAX_VERSIONS = 400


def _strings(value: Any) -> Iterator[str | tuple[str, ...]]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        if value and all(isinstance(i, str) for i in value):  # a list translated whole
            yield tuple(value)
        for item in value:
            yield from _strings(item)


def _texts(path: str, source: str) -> Iterator[str | tuple[str, ...]]:
    """Every text of one version of an English file."""
    try:
        if path.endswith(".py"):
            yield from (node.value for node in ast.walk(ast.parse(source))
                        if isinstance(node, ast.Constant) and isinstance(node.value, str))
        else:
            yield from _strings(yaml.safe_load(source))
    except (SyntaxError, yaml.YAMLError):
        return  # a version that did not parse has nothing to offer


class History:
    """The committed versions of the repository's English files (git), read as needed."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _git(self, *args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True,
                                  text=True, check=False, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    @cache  # noqa: B019 (one History per command)
    def _fingerprints(self, path: str) -> dict[str, str]:
        """Fingerprint -> text, over the file's committed versions, the newest text winning."""
        found: dict[str, str] = {}
        commits = (self._git("log", "--format=%H", f"-n{MAX_VERSIONS}", "--", path) or "").split()
        for commit in reversed(commits):  # oldest first: a newer version overwrites
            source = self._git("show", f"{commit}:{path}")
            for text in _texts(path, source or ""):
                found[fingerprint(text)] = text if isinstance(text, str) else ", ".join(text)
        return found

    def english_of(self, path: str, of: str) -> str | None:
        """The English text of fingerprint `of` in the history of `path`, or None."""
        return self._fingerprints(path).get(of)
