"""Load: read the YAML files under data/ into plain values that remember their lines.

Only syntax-level problems are found here (bad encoding, YAML errors, unsafe
tags, duplicate keys, empty files); everything about meaning is validate's job.
PyYAML's safe loader is used, the C one where available (several times faster);
no tag can construct a Python object.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class LineMap(dict[str, Any]):
    """A YAML mapping that remembers its own line and each key's line (1-based)."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A YAML sequence that remembers its own line and each item's line (1-based)."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class Document:
    """One YAML file: its display path and its top-level value."""

    path: str
    value: Any
    line: int = 1


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    problems: list[Problem]
    display_path: str


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineMap:
    mapping = LineMap()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            loader.problems.append(
                Problem(loader.display_path, line, f"key {key!r} must be a name such as 'title'")
            )
            continue
        if key in mapping:
            loader.problems.append(
                Problem(
                    loader.display_path,
                    line,
                    f"duplicate key '{key}' (first on line {mapping.key_lines[key]}); "
                    "keep one of them",
                )
            )
            continue
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _refuse_tag(loader: _Loader, suffix: str, node: yaml.Node) -> None:
    raise yaml.constructor.ConstructorError(
        None,
        None,
        f"the YAML tag '{_short_tag(node.tag)}' is not allowed; write plain text, lists and "
        "mappings",
        node.start_mark,
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_Loader.add_multi_constructor("", _refuse_tag)


def _decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        return None, Problem(
            path, line, f"not valid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8"
        )


def parse_text(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document; return its value (None on failure) and any problems."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(path, 1, "the file is empty; see README.md for the format")]
    loader = _Loader(text)
    loader.problems = []
    loader.display_path = path
    try:
        value = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or error.context or "not valid YAML"
        start = error.context_mark
        if error.context and error.problem and start and start.line + 1 != line:
            what += f" ({error.context} that starts on line {start.line + 1})"
        lines = text.splitlines()
        if mark and mark.line < len(lines):
            bad = lines[mark.line]
            if "\t" in bad[:len(bad) - len(bad.lstrip())]:
                what += "; a tab is used for indentation: indent with spaces"
        return None, [Problem(path, line, f"YAML syntax: {what}")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, f"YAML syntax: {error}")]
    finally:
        loader.dispose()
    if value is None and not loader.problems:
        # `---`, `~` or `null` alone: nothing to read, and an event must never vanish unnoticed.
        return None, [Problem(path, 1, "the file holds no data (only `---`, `~` or `null`); "
                                       "see README.md for the format")]
    return value, loader.problems


def load_file(file: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    path = file.relative_to(root).as_posix()
    text, problem = _decode(file.read_bytes(), path)
    if problem:
        return None, [problem]
    assert text is not None
    value, problems = parse_text(text, path)
    if value is None:
        return None, problems
    line = getattr(value, "line", 1)
    return Document(path, value, line), problems


@dataclass(frozen=True)
class RawData:
    """Every data file, parsed but not yet checked. Missing files are None."""

    phases: Document | None
    sources: Document | None
    events: tuple[Document, ...]
    actors: Document | None = None
    topics: Document | None = None
    corrections: Document | None = None
    context: Document | None = None
    tracks: Document | None = None
    glossary: Document | None = None
    # Every event file's id, including files that failed to load, so that references to an
    # event with a syntax error are not reported a second time as unknown.
    event_ids: frozenset[str] = frozenset()
    # Files (by name, such as "sources") that are required but missing, or that exist but could
    # not be read: their problem is reported once, and references to them are not checked.
    unreadable: frozenset[str] = frozenset()


OPTIONAL_FILES = ("actors", "topics", "corrections", "context", "tracks", "glossary")


Cache = dict[Path, tuple[tuple[int, int], Document | None, list[Problem]]]


def load_records(data_dir: Path, cache: Cache | None = None) -> tuple[RawData, list[Problem]]:
    """Read data/ (phases.yaml, sources.yaml, events/*.yaml and optional files).

    With a `cache` (kept by a long-running process such as `mkdocs serve`), a file whose
    modification time and size are unchanged is not parsed again.
    """
    root = data_dir.parent
    problems: list[Problem] = []
    unreadable: set[str] = set()

    def read_file(file: Path, root: Path) -> tuple[Document | None, list[Problem]]:
        if cache is None:
            return load_file(file, root)
        stat = file.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        hit = cache.get(file)
        if hit is None or hit[0] != key:
            hit = (key, *load_file(file, root))
            cache[file] = hit
        return hit[1], hit[2]

    def read(name: str, required: bool) -> Document | None:
        file = data_dir / f"{name}.yaml"
        if not file.exists():
            if required:
                where = file.relative_to(root).as_posix()
                problems.append(Problem(where, 1, f"missing file; create {name}.yaml in data/"))
                unreadable.add(name)
            return None
        document, found = read_file(file, root)
        problems.extend(found)
        if document is None:
            unreadable.add(name)
        return document

    phases = read("phases", required=True)
    sources = read("sources", required=True)
    optional = {name: read(name, required=False) for name in OPTIONAL_FILES}
    events: list[Document] = []
    event_ids: set[str] = set()
    events_dir = data_dir / "events"
    for file in sorted(events_dir.iterdir()) if events_dir.is_dir() else ():
        if file.name.startswith("."):
            continue
        if file.suffix != ".yaml" or not file.is_file():
            where = file.relative_to(root).as_posix()
            hint = f"; rename it to {file.stem}.yaml" if file.suffix in {".yml", ".YAML"} else ""
            problems.append(
                Problem(where, 1, f"not an event file; events are data/events/<id>.yaml{hint}")
            )
            continue
        event_ids.add(file.stem)
        document, found = read_file(file, root)
        problems.extend(found)
        if document is not None:
            events.append(document)
    return RawData(phases, sources, tuple(events), **optional,
                   event_ids=frozenset(event_ids), unreadable=frozenset(unreadable)), problems
