"""Load: read the files under data/ into plain values that remember their lines.

Only file-level problems are found here (what is not a file, cannot be read, is too big or not
UTF-8, hidden files and strays) and, through parse.py, syntax-level ones; everything about
meaning is validate's job. A file is read only if it is a regular file: no link, folder or
pipe, so data from a pull request can neither bring in a file from outside the repository nor
make the build wait.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import stat
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem
from .hostile import MAX_FILE_BYTES
from .parse import LineList, LineMap, NumberText, Reported, UnquotedDate, parse_text

__all__ = ["Cache", "Document", "LineList", "LineMap", "NumberText", "RawData", "Reported",
           "UnquotedDate", "file_reader", "load_file", "load_records", "parse_text", "read_data_file"]


@dataclass(frozen=True)
class Document:
    """One YAML file: its display path and its top-level value."""

    path: str
    value: Any
    line: int = 1


def read_data_file(file: Path, path: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of one data file, or the problem that keeps it from being read."""
    try:
        status = file.lstat()
    except OSError as error:
        return None, Problem(path, 1, f"cannot be read ({error.strerror or error}); check that "
                             "the file exists and that you may read it")
    if stat.S_ISLNK(status.st_mode):
        return None, Problem(path, 1, "a symbolic link, not a file; replace it with the file "
                             "itself (a link could bring in a file from outside the repository)")
    if stat.S_ISDIR(status.st_mode):
        return None, Problem(path, 1, "a folder, not a file; data files are YAML files "
                             "(see README.md for the layout of data/)")
    if not stat.S_ISREG(status.st_mode):
        return None, Problem(path, 1, "not an ordinary file (a pipe, socket or device); replace "
                             "it with a YAML file")
    if status.st_size > MAX_FILE_BYTES:
        return None, Problem(path, 1, f"the file has {status.st_size:,} bytes, more than the "
                             f"{MAX_FILE_BYTES:,} a data file may have; split it or shorten it")
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, Problem(path, 1, f"cannot be read ({error.strerror or error}); check that "
                             "you may read it")
    return raw, None


def _decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        return None, Problem(
            path, line, f"not valid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8"
        )


def parse_bytes(raw: bytes, path: str) -> tuple[Document | None, list[Problem]]:
    text, problem = _decode(raw, path)
    if problem:
        return None, [problem]
    assert text is not None
    value, problems = parse_text(text, path)
    if value is None:
        return None, problems
    line = getattr(value, "line", 1)
    return Document(path, value, line), problems


def load_file(file: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    path = file.relative_to(root).as_posix()
    raw, problem = read_data_file(file, path)
    if problem:
        return None, [problem]
    assert raw is not None
    return parse_bytes(raw, path)


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
    records: Document | None = None
    figures: Document | None = None
    changes: Document | None = None
    # Every event file's id, including files that failed to load, so that references to an
    # event with a syntax error are not reported a second time as unknown.
    event_ids: frozenset[str] = frozenset()
    # Files (by name, such as "sources") that are required but missing, or that exist but could
    # not be read: their problem is reported once, and references to them are not checked.
    unreadable: frozenset[str] = frozenset()


OPTIONAL_FILES = ("actors", "topics", "corrections", "context", "tracks", "glossary", "records",
                  "figures", "changes")
_EXPECTED = {f"{name}.yaml" for name in ("phases", "sources", *OPTIONAL_FILES)} | {"events", "i18n"}
# Passed over without a word: the placeholder that keeps a folder in git, and the swap and lock
# files editors keep beside a file while it is open (vim's .name.swp, Emacs' .#name). These can
# never be an event (no .yaml ending), and reporting them would fail every `make serve` rebuild
# while a file is open in such an editor. Every other hidden file is reported.
_IGNORED = re.compile(r"\.gitkeep|\..+\.sw[a-px]|\.#.+")

# For each file: a digest of its bytes, and what parsing them gave.
Cache = dict[Path, tuple[bytes, Document | None, list[Problem]]]


def _hidden(path: str, name: str) -> Problem:
    visible = name.lstrip(".")
    rename = f"rename it to {visible} or " if visible.endswith(".yaml") else ""
    return Problem(path, 1, f"a hidden file (its name starts with '.'), which would not be read; "
                   f"{rename}delete it")


def _entries(folder: Path, path: str, problems: list[Problem]) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        problems.append(Problem(path, 1, f"cannot list the folder ({error.strerror or error})"))
        return []


def visible_entries(folder: Path, root: Path, problems: list[Problem],
                    expected: AbstractSet[str] = frozenset()) -> Iterator[tuple[Path, str]]:
    """What is in a folder, each with its path from the project root, less the names in
    `expected` and what editors and git keep there; hidden files are reported, not given."""
    for entry in _entries(folder, folder.relative_to(root).as_posix(), problems):
        if entry.name in expected or _IGNORED.fullmatch(entry.name):
            continue
        where = entry.relative_to(root).as_posix()
        if entry.name.startswith("."):
            problems.append(_hidden(where, entry.name))
        else:
            yield entry, where


def _strays(data_dir: Path, root: Path, problems: list[Problem]) -> None:
    """Files in data/ that nothing reads: a misspelt optional file would otherwise vanish."""
    for entry, path in visible_entries(data_dir, root, problems, _EXPECTED):
        close = difflib.get_close_matches(entry.name, sorted(_EXPECTED), n=1, cutoff=0.6)
        hint = f"; rename it to {close[0]}" if close else ""
        problems.append(Problem(path, 1, "not a data file: data/ holds phases.yaml, sources.yaml, "
                                "the folder events/ and optionally "
                                f"{', '.join(name + '.yaml' for name in OPTIONAL_FILES)}{hint}"))


def event_files(events_dir: Path, root: Path, problems: list[Problem],
                 folder: str = "data/events") -> list[Path]:
    """The event files in data/events/ (or `folder`); everything else there is reported."""
    path = events_dir.relative_to(root).as_posix()
    if events_dir.is_symlink():
        problems.append(Problem(path, 1, f"a symbolic link, not a folder; make {folder}/ a "
                                "folder (a link could bring in files from outside the "
                                "repository)"))
        return []
    if not events_dir.is_dir():
        if events_dir.exists():
            problems.append(Problem(path, 1, "a file, not a folder; events go in the folder "
                                    f"{folder}/, one file per event"))
        return []
    files = []
    for file, where in visible_entries(events_dir, root, problems):
        if file.is_dir() and not file.is_symlink():
            problems.append(Problem(where, 1, "a folder, not a file; each event is one file "
                                    f"directly in {folder}/ (no sub-folders)"))
        elif file.suffix != ".yaml":
            hint = f"; rename it to {file.stem}.yaml" if file.suffix in {".yml", ".YAML"} else ""
            problems.append(
                Problem(where, 1, f"not an event file; events are {folder}/<id>.yaml{hint}"))
        else:
            files.append(file)
    return files


ReadFile = Callable[[Path], tuple[Document | None, list[Problem]]]


def file_reader(root: Path, cache: Cache | None = None) -> ReadFile:
    """How to read one data file (its Document, or None, and its problems), named from `root`.

    With a `cache` (kept by a long-running process such as `mkdocs serve`), a file whose bytes
    are unchanged is not parsed again. The bytes, not the modification time and size: an edit
    that keeps both (a fast editor, a checkout) must still be seen; reading is cheap, parsing
    is what costs.
    """
    def read_file(file: Path) -> tuple[Document | None, list[Problem]]:
        path = file.relative_to(root).as_posix()
        raw, problem = read_data_file(file, path)
        if problem:
            return None, [problem]
        assert raw is not None
        if cache is None:
            return parse_bytes(raw, path)
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        hit = cache.get(file)
        if hit is None or hit[0] != digest:
            hit = (digest, *parse_bytes(raw, path))
            cache[file] = hit
        return hit[1], hit[2]
    return read_file


def load_records(data_dir: Path, cache: Cache | None = None) -> tuple[RawData, list[Problem]]:
    """Read data/ (phases.yaml, sources.yaml, events/*.yaml and optional files), each through
    `file_reader` (with `cache`). The translations in data/i18n/ are read by
    translations/load.py (validate.load_chronology calls both)."""
    root = data_dir.parent
    problems: list[Problem] = []
    unreadable: set[str] = set()
    if data_dir.is_symlink():
        problems.append(Problem(data_dir.name, 1, "a symbolic link, not a folder; make data/ a "
                                "folder (a link could bring in files from outside the "
                                "repository)"))
        return RawData(None, None, (), unreadable=frozenset({"phases", "sources"})), problems

    read_file = file_reader(root, cache)

    def read(name: str, required: bool) -> Document | None:
        file = data_dir / f"{name}.yaml"
        if not file.exists() and not file.is_symlink():
            if required:
                where = file.relative_to(root).as_posix()
                problems.append(Problem(where, 1, f"missing file; create {name}.yaml in data/"))
                unreadable.add(name)
            return None
        document, found = read_file(file)
        problems.extend(found)
        if document is None:
            unreadable.add(name)
        return document

    phases = read("phases", required=True)
    sources = read("sources", required=True)
    optional = {name: read(name, required=False) for name in OPTIONAL_FILES}
    if data_dir.is_dir():
        _strays(data_dir, root, problems)
    events: list[Document] = []
    event_ids: set[str] = set()
    events_dir = data_dir / "events"
    if events_dir.is_symlink() or (events_dir.exists() and not events_dir.is_dir()):
        unreadable.add("events")  # reported as such; "no events found" would add nothing
    before = len(problems)
    files = event_files(events_dir, root, problems)
    if any(p.path == events_dir.relative_to(root).as_posix() for p in problems[before:]):
        unreadable.add("events")  # it could not be listed: "no events found" would add nothing
    for file in files:
        event_ids.add(file.stem)
        document, found = read_file(file)
        problems.extend(found)
        if document is not None:
            events.append(document)
    return RawData(phases, sources, tuple(events), **optional,
                   event_ids=frozenset(event_ids), unreadable=frozenset(unreadable)), problems
