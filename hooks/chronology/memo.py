"""What the previous build in this process generated, so a live-reload rebuild can tell which
generated files actually changed. No MkDocs, no I/O.

The MkDocs hook module is re-imported on every rebuild under `mkdocs serve`, but this package
stays imported, so state kept here survives from one rebuild to the next.
"""

from __future__ import annotations

from .load import Cache

previous: dict[str, str] = {}
parsed: Cache = {}  # YAML files parsed by earlier builds, by path, with mtime and size


def changed(path: str, content: str) -> bool:
    """True if `content` differs from what `path` held in the previous build; remembers it."""
    unchanged = previous.get(path) == content
    previous[path] = content
    return not unchanged
