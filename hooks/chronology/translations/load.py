"""Load data/i18n/: the folders `ko/` and `ja/`, each with events/<id>.yaml, list files by id
(phases.yaml, topics.yaml...) and ui.yaml, read with the same checks as the rest of data/
(regular files only, no links, size limits, hidden files and strays reported).
Only file-level problems here; meaning is check.py's. No MkDocs.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..load import Document, ReadFile, event_files, visible_entries
from . import LANGUAGES
from .specs import translated_lists


@dataclass(frozen=True)
class LanguageFiles:
    """One language folder, parsed but not yet checked. Missing files are None."""

    lang: str
    events: tuple[Document, ...] = ()
    lists: Mapping[str, Document | None] = field(default_factory=dict)
    ui: Document | None = None


def _folder_problem(folder: Path, path: str, what: str) -> Problem | None:
    if folder.is_symlink():
        return Problem(path, 1, f"a symbolic link, not a folder; make {path}/ a folder (a link "
                       "could bring in files from outside the repository)")
    if folder.exists() and not folder.is_dir():
        return Problem(path, 1, f"a file, not a folder; {what}")
    return None


def _language(folder: Path, root: Path, read_file: ReadFile,
              problems: list[Problem]) -> LanguageFiles:
    path = folder.relative_to(root).as_posix()
    # Each list file translates the English file of its name (data/<name>.yaml), by id.
    lists = tuple(translated_lists())
    expected = {f"{name}.yaml" for name in (*lists, "ui")} | {"events"}
    for entry, where in visible_entries(folder, root, problems, expected):
        close = difflib.get_close_matches(entry.name, sorted(expected), n=1, cutoff=0.6)
        hint = f"; rename it to {close[0]}" if close else ""
        problems.append(Problem(where, 1, f"not a translation file: {path}/ holds the folder "
                                f"events/, ui.yaml and optionally "
                                f"{', '.join(name + '.yaml' for name in lists)}{hint}"))

    def read(name: str) -> Document | None:
        file = folder / f"{name}.yaml"
        if not file.exists() and not file.is_symlink():
            return None
        document, found = read_file(file)
        problems.extend(found)
        return document

    events: list[Document] = []
    events_dir = folder / "events"
    if events_dir.is_symlink() or events_dir.is_dir():
        for file in event_files(events_dir, root, problems, f"{path}/events"):
            document, found = read_file(file)
            problems.extend(found)
            if document is not None:
                events.append(document)
    elif events_dir.exists():
        problems.append(Problem(f"{path}/events", 1, "a file, not a folder; translated events "
                                f"go in the folder {path}/events/, one file per event"))
    return LanguageFiles(folder.name, tuple(events), {name: read(name) for name in lists},
                         read("ui"))


def load_translations(i18n: Path, root: Path, read_file: ReadFile,
                      problems: list[Problem]) -> tuple[LanguageFiles, ...]:
    """Every language folder in data/i18n/ that can be read; what cannot is reported."""
    path = i18n.relative_to(root).as_posix()
    problem = _folder_problem(i18n, path, f"translations go in the folder {path}/, one folder "
                              f"per language ({', '.join(lang + '/' for lang in LANGUAGES)})")
    if problem or not i18n.is_dir():
        problems.extend([problem] if problem else [])
        return ()
    found: list[LanguageFiles] = []
    for entry, where in visible_entries(i18n, root, problems):
        if entry.name not in LANGUAGES:
            close = difflib.get_close_matches(entry.name.lower(), LANGUAGES, n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(where, 1, f"unknown language folder '{entry.name}': "
                                    f"{path}/ holds only {' and '.join(LANGUAGES)} "
                                    f"(the Korean and Japanese editions){hint}"))
        elif (problem := _folder_problem(entry, where, f"a language is the folder {where}/")):
            problems.append(problem)
        else:
            found.append(_language(entry, root, read_file, problems))
    return tuple(found)
