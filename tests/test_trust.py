"""Who, when, what changed, in the built site: every event of every edition says when it last
changed, from the history of its files, and two builds of one commit say the same; each edition
has its Changes page and feed, and the About page its citation, licence and report link."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import REPOSITORY, ROOT, copy_project, mkdocs_build

EDITIONS = ("", "ko/", "ja/")
CHANGED = re.compile(r'<p class="chrono-cite__changed">(.*?)</p>', re.S)
EVENT_IDS = sorted(path.stem for path in (ROOT / "data" / "events").glob("*.yaml"))


def changed_line(page: str) -> str:
    found = CHANGED.search(page)
    assert found, "no last-changed line"
    return found.group(1)


def test_every_event_in_every_edition_says_when_it_last_changed(built_site: Path) -> None:
    dated = re.compile(r'<time datetime="(\d{4}-\d{2}-\d{2})">')
    for edition in EDITIONS:
        for event in EVENT_IDS:
            page = (built_site / edition / "events" / event / "index.html").read_text("utf-8")
            assert dated.search(changed_line(page)), f"{edition}{event}"


def test_each_edition_has_its_changes_feed_and_the_about_page_its_parts(built_site: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    for edition, lang in zip(EDITIONS, ("en", "ko", "ja"), strict=True):
        feed = ET.parse(built_site / edition / "changes.atom").getroot()
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        assert feed.findall(f"{atom}entry")
        about = (built_site / edition / "about" / "index.html").read_text("utf-8")
        assert 'class="chrono-cite chrono-cite--whole"' in about
        assert f'href="{REPOSITORY}/issues/new?title=' in about
        assert "creativecommons.org/licenses/by/4.0/" in about
        home = (built_site / edition / "index.html").read_text("utf-8")
        assert "CC BY 4.0" in home  # the footer
        # Feed readers find the edition's changes from any page.
        assert '<link rel="alternate" type="application/atom+xml"' in home
        assert 'href="./changes.atom">' in home


def git(repo: Path, *args: str) -> None:
    when = "2026-12-07T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


@pytest.mark.build
def test_two_builds_of_one_commit_agree_on_when_each_event_changed(tmp_path: Path) -> None:
    """The English edition of the project as one commit, built twice, each event's page read."""
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "the chronology")
    sites = [tmp_path / "one", tmp_path / "two"]
    for site in sites:
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr[-2000:]
    lines = [[changed_line((site / "events" / event / "index.html").read_text("utf-8"))
              for event in EVENT_IDS] for site in sites]
    assert lines[0] == lines[1]
    assert all('datetime="2026-12-07"' in line and "on or before" not in line for line in lines[0])
    first, second = ((site / "events" / EVENT_IDS[0] / "index.html").read_bytes() for site in sites)
    assert first == second
    # Without a history (a tarball), the fallback is the same from build to build too:
    # test_errors.test_two_builds_of_the_same_commit_are_byte_identical builds such a copy.
