"""What the previous build in this process generated, so a live-reload rebuild can tell which
generated files actually changed. No MkDocs, no I/O.

Under `mkdocs serve` the hook module and this package are imported once per process (MkDocs
caches hook modules), so state kept here survives from one rebuild to the next. For the same
reason an edit to the Python code needs `make serve` restarted; edits to data/ and templates
are picked up.
"""

from __future__ import annotations

from .load import Cache

previous: dict[str, str] = {}  # what the last successful build generated, by path
pending: dict[str, str] = {}  # what the build under way generates, kept once it succeeds
parsed: Cache = {}  # YAML files parsed by earlier builds, by path, with mtime and size


def changed(path: str, content: str) -> bool:
    """True if `content` differs from what `path` held in the last successful build."""
    pending[path] = content
    return previous.get(path) != content


def succeeded() -> None:
    """The build under way was written out: what it generated is now the previous build."""
    previous.update(pending)
    pending.clear()


def failed() -> None:
    """Forget what an unfinished build generated (called as each build starts)."""
    pending.clear()
