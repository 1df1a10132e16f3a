"""The build does not lie and the site is never lost: `make build` (hooks/build_site.py) fails on
any warning and keeps the last good site; builds take turns; an interrupted swap is recovered;
the navigation follows the data; `make serve` shows what the data holds now."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chronology.csp import REDIRECT_SCRIPT
from support import ROOT, copy_project, load_yaml, once_per_run, rename_event

pytestmark = pytest.mark.build

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
       "PYTHONPATH": str(ROOT / "hooks")}


# What these tests check does not depend on the editions, but for the sitemaps and links of a
# build for publication: they build the English only (the editions' folders are kept from the
# last good site, as `--editions` promises), a third of the time.
ENGLISH_ONLY = ["--editions", ""]


def make_build(project: Path, editions: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """`make build` in `project` (the build script, as the Makefile runs it), of the English and
    these editions (ko,ja: all three)."""
    return subprocess.run([sys.executable, str(ROOT / "hooks" / "build_site.py"), "--site-dir",
                           "site", "--editions", editions], cwd=project, capture_output=True,
                          text=True, env={**ENV, **env}, check=False)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def _build_english(folder: Path) -> None:
    project = copy_project(folder)
    result = make_build(project)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project, its English built into site/ once for the run (the tests copy it)."""
    return once_per_run(tmp_path_factory, "english", _build_english)


@pytest.fixture
def project(built_project: Path, tmp_path: Path) -> Path:
    """A copy of the project with a good site/ already built."""
    copy = copy_project(tmp_path / "project")
    subprocess.run(["cp", "-a", str(built_project / "site"), str(copy / "site")], check=True)
    return copy


def test_a_broken_link_in_a_hand_written_page_fails_and_keeps_the_site(project: Path) -> None:
    before = snapshot(project / "site")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n[a link](no-such-page.md)\n", "utf-8")
    result = make_build(project)
    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr and "Traceback" not in result.stderr
    assert "the build failed; site/ is unchanged" in result.stderr
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site-lock"]


def test_the_navigation_follows_the_phases_in_the_data(project: Path) -> None:
    phases = project / "data" / "phases.yaml"
    text = phases.read_text("utf-8").replace("id: 2023-restoration", "id: 2023-normalisation")
    phases.write_text(text + """
- id: 2024-aftermath
  title: The aftermath
  start: "2024-01-01"
  end: "2024-12-31"
  summary: What came after.
""", "utf-8")
    for event in (project / "data" / "events").glob("*.yaml"):
        event.write_text(event.read_text("utf-8").replace(
            "phase: 2023-restoration", "phase: 2023-normalisation"), "utf-8")
    for translated in (project / "data" / "i18n").glob("*/phases.yaml"):  # their ids too
        translated.write_text(translated.read_text("utf-8").replace(
            "id: 2023-restoration", "id: 2023-normalisation"), "utf-8")
    result = make_build(project)
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text("utf-8")
    assert 'href="phases/2024-aftermath/"' in home and 'href="phases/2023-normalisation/"' in home
    assert not (project / "site" / "phases" / "2023-restoration").exists()


def test_a_navigation_without_phases_says_what_to_add(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    start = text.index("  - Phases:")
    end = text.index("  - Background:")
    config.write_text(text[:start] + text[end:], "utf-8")
    result = make_build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mkdocs.yml: the navigation ('nav' in mkdocs.yml) has no list of phase pages" in result.stderr


def test_two_builds_at_once_both_succeed_and_leave_a_whole_site(project: Path) -> None:
    expected = len(list((project / "site").rglob("index.html")))
    runs = [subprocess.Popen([sys.executable, str(ROOT / "hooks" / "build_site.py"), *ENGLISH_ONLY],
                             cwd=project,
                             env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("another build is running" in err for _, err in outputs)
    assert len(list((project / "site").rglob("index.html"))) == expected
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()


def test_a_killed_build_leaves_the_site_and_the_next_build_recovers(project: Path) -> None:
    before = snapshot(project / "site")
    run = subprocess.Popen([sys.executable, str(ROOT / "hooks" / "build_site.py"), *ENGLISH_ONLY],
                           cwd=project,
                           env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (project / ".site-new").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert snapshot(project / "site") == before
    # Killed between the two renames: only .site-old is left, and the next build restores it.
    (project / "site").rename(project / ".site-old")
    (project / ".site-new").mkdir(exist_ok=True)
    result = make_build(project, SITE_URL="this is not a URL")  # fails after recovering
    assert result.returncode == 1
    assert "restored the last good site into site/" in result.stderr
    assert snapshot(project / "site") == before
    assert not (project / ".site-old").exists() and not (project / ".site-new").exists()


def test_a_full_disk_is_a_sentence_not_a_traceback(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import build_site

    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device", str(tmp_path / ".site-new" / "index.html"))

    monkeypatch.setattr(build_site, "build", full)
    monkeypatch.setattr(build_site, "load_config", lambda *_, **__: None)
    monkeypatch.chdir(tmp_path)
    assert build_site.main(["--site-dir", "site"]) == 1
    err = capsys.readouterr().err
    assert "could not write the site: No space left on device" in err
    assert "free some disk space" in err and "Traceback" not in err


@pytest.mark.parametrize("address", ['https://example.org/"><script>alert(1)</script>',
                                     "javascript:alert(1)", "https://example.org/a b/",
                                     "https://example.org/?q=<b>"])
def test_a_site_address_with_markup_is_refused(project: Path, address: str) -> None:
    result = make_build(project, SITE_URL=address)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site_url" in result.stderr  # MkDocs refuses some addresses itself, the hook the rest
    assert "the build failed; site/ is unchanged" in result.stderr


SERVE = """
import json, os, re, sys
from pathlib import Path
from chronology.search import BACKGROUND
from support import search_fragments
from mkdocs.commands.build import build
from mkdocs.config import load_config

project = Path(sys.argv[1])
os.chdir(project)
events = project / "data" / "events"
site = project / "site"

def serve_build():
    config = load_config("mkdocs.yml", site_dir=str(site))
    config.strict = False  # as `make serve`
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    BACKGROUND.wait()  # under serve the index is made after the rebuild, in the background
    return [f["url"].lstrip("/") for f in search_fragments(site)]

def page(url):
    path = site / url / "index.html"
    return path.read_text("utf-8") if path.exists() else None

report = {}
serve_build()
lists = " ".join(f.read_text("utf-8") for f in (project / "data").glob("*.yaml"))
first, second = [f for f in sorted(events.glob("*.yaml")) if f.stem not in lists][:2]
first.unlink()
for translation in (project / "data" / "i18n").glob(f"*/events/{first.name}"):
    translation.unlink()  # a deleted event's translations go with it
index = serve_build()
report["deleted_page"] = page(f"events/{first.stem}/")
report["deleted_indexed"] = any(loc.startswith(f"events/{first.stem}/") for loc in index)
report["indexed_once"] = len(index) == len(set(index))
text = second.read_text("utf-8")
second.write_text(text.replace("title: ", "title: Edited ", 1), "utf-8")
serve_build()
report["nav_none"] = any(re.search(r'md-ellipsis">\\s*None\\s', page(u))
                         for u in ("", f"events/{second.stem}/"))
second.write_text(text.replace("title: ", "titel: ", 1), "utf-8")
serve_build()
report["banner_when_broken"] = [("titel" in (page(u) or "")) for u in ("", f"events/{second.stem}/")]
second.write_text(text, "utf-8")
serve_build()
report["banner_when_fixed"] = "chrono-problems" in page("")
print(json.dumps(report))
"""


def test_serve_shows_what_the_data_holds_now(tmp_path: Path) -> None:
    """Under `make serve`: a deleted event is gone from the site and from search; an edit keeps
    the navigation's titles; broken data is reported on every page, and the report goes once
    the data is fixed."""
    project = copy_project(tmp_path)
    run = subprocess.run([sys.executable, "-c", SERVE, str(project)], capture_output=True,
                         text=True, check=False,
                         env={**ENV, "PYTHONPATH": os.pathsep.join([ENV["PYTHONPATH"],
                                                                    str(ROOT / "tests")])})
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report == {"deleted_page": None, "deleted_indexed": False, "indexed_once": True,
                      "nav_none": False, "banner_when_broken": [True, True],
                      "banner_when_fixed": False}


def test_a_build_for_publication_carries_its_address_everywhere(project: Path) -> None:
    address = "https://example.org/chronology/"
    result = make_build(project, "ko,ja", SITE_URL=address)
    assert result.returncode == 0, result.stderr
    assert "SITE_URL is not set" not in result.stderr
    site = project / "site"
    assert 'href="/chronology/assets/stylesheets/' in (site / "404.html").read_text("utf-8")
    for lang, root in (("en", ""), ("ko", "ko/"), ("ja", "ja/")):  # a sitemap per edition
        sitemap = (site / root / "sitemap.xml").read_text("utf-8")
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        pages = [p for p in (site / root).rglob("index.html")
                 if 'http-equiv="refresh"' not in p.read_text("utf-8")  # not the redirects
                 and (lang != "en" or p.relative_to(site).parts[0] not in ("ko", "ja"))]
        assert len(locations) == len(pages) and locations
        assert all(loc.startswith(address + root) for loc in locations)
        # Each page's editions, for search engines (hreflang).
        assert sitemap.count('<xhtml:link rel="alternate"') == 3 * len(locations)
        assert f'hreflang="ja" href="{address}ja/events/' in sitemap
    events = json.loads((site / "events.json").read_text("utf-8"))["events"]
    assert all(event["url"].startswith(address + "events/") for event in events)
    assert f"{address}events/" in (site / "events.csv").read_text("utf-8")
    assert f'href="{address}"' in (site / "events.atom").read_text("utf-8")


def test_without_an_address_the_build_says_it_is_for_local_viewing(project: Path) -> None:
    result = make_build(project)
    assert result.returncode == 0 and "SITE_URL is not set" in result.stderr


def test_publishing_workflow_builds_with_the_published_address() -> None:

    workflow = load_yaml((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    assert any("make build SITE_URL=" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact")
               and step["with"]["path"] == "site" for step in steps)
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on` as true


def test_a_renamed_event_keeps_its_old_address(project: Path) -> None:
    """URLs are a promise: the old address of a renamed event leads to its new page, and the
    exports list it."""
    old = "2019-08-02-moon-calls-an-emergency-cabinet-meeting"
    new = "2019-08-02-moon-convenes-an-emergency-cabinet-meeting"
    rename_event(project, old, new)
    result = make_build(project, SITE_URL="https://example.org/chronology/")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "events" / old / "index.html").read_text("utf-8")
    assert f'content="0; url=../{new}/"' in page and f'href="../{new}/"' in page
    assert f'<link rel="canonical" href="../{new}/">' in page  # where its script leads
    assert f"<script>{REDIRECT_SCRIPT}</script>" in page
    data = json.loads((project / "site" / "events.json").read_text("utf-8"))
    assert {"from": f"https://example.org/chronology/events/{old}/",
            "to": f"https://example.org/chronology/events/{new}/"} in data["redirects"]
    sitemap = (project / "site" / "sitemap.xml").read_text("utf-8")
    assert f"events/{old}/" not in sitemap and f"events/{new}/" in sitemap
