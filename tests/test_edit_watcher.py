"""Under `make serve`, an edit that keeps a file's size and time reaches MkDocs' watcher through
the watch that covers the file (G11). MkDocs watches mkdocs.yml as a file, and watchdog gives that
watch the project folder as its path while dropping every event but the file's: handing the edit
of data/x.yaml to it meant no rebuild, whenever that watch came first in the observer's set."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from chronology_build import watching
from watchdog.observers.api import ObservedWatch


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "data" / "events").mkdir(parents=True)
    (tmp_path / "data" / "events" / "x.yaml").write_text("title: x\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    return tmp_path


def emitter(path: Path, recursive: bool = True) -> SimpleNamespace:
    return SimpleNamespace(watch=ObservedWatch(str(path), recursive=recursive), path=path)


@pytest.mark.parametrize("config_first", [True, False])
def test_an_edit_goes_to_the_watch_of_its_folder_never_to_the_config_files(
        project: Path, config_first: bool) -> None:
    config, data, docs = emitter(project / "mkdocs.yml"), emitter(project / "data"), emitter(project / "docs")
    assert config.watch.path == str(project)  # what made a prefix test pick it
    emitters = [config, data, docs] if config_first else [docs, data, config]
    edited = str(project / "data" / "events" / "x.yaml")
    assert watching(emitters, edited) == [data]
    assert watching(emitters, str(project / "mkdocs.yml")) == [config]
    assert watching(emitters, str(project / "docs" / "about.md")) == [docs]
    assert watching(emitters, str(project / "README.md")) == []


def test_a_watch_that_is_not_recursive_covers_its_own_files_only(project: Path) -> None:
    shallow = emitter(project / "data", recursive=False)
    assert watching([shallow], str(project / "data" / "actors.yaml")) == [shallow]
    assert watching([shallow], str(project / "data" / "events" / "x.yaml")) == []
    assert watching([shallow], str(project / "database" / "x.yaml")) == []


def test_every_watch_that_covers_the_file_hears_it(project: Path) -> None:
    whole, data = emitter(project), emitter(project / "data")
    assert watching([whole, data], str(project / "data" / "events" / "x.yaml")) == [whole, data]
