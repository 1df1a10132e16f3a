"""`make publish` (hooks/publish.py) in real temporary git repositories, with a bare repository as
`origin`: it publishes the build of the named commit, never the work tree, refuses what it
should before building (review G3, G13), and says so in sentences, never a traceback.

Most tests build with a small fake builder (the site is a copy of the commit's files), so they
take a second; one runs the real build."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from publish import BUILD, export_commit
from support import ROOT

# Git and a builder run in subprocesses, some seconds in all: with the builds, not in the fast loop.
pytestmark = pytest.mark.build

URL = "https://example.org/chronology/"
FAKE_BUILD = """\
import os, shutil, sys
site, log = sys.argv[1], sys.argv[2]
with open(log, "a") as handle:
    handle.write(os.getcwd() + "\\n")
shutil.copytree("data", site + "/data")
shutil.copytree("docs", site + "/docs")
with open(site + "/built.txt", "w") as handle:
    handle.write(os.environ["SITE_URL"] + " " + os.environ["SOURCE_DATE_EPOCH"] + "\\n")
with open(site + "/history.txt", "w") as handle:
    handle.write(os.environ["CHRONOLOGY_GIT_REPO"] + " " + os.environ["CHRONOLOGY_GIT_COMMIT"] + "\\n")
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.fixture(autouse=True)
def git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git as on a fresh machine with a name set, whatever this machine's configuration."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Publisher\n\temail = publisher@example.org\n"
                      "[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("SITE_URL", "PUBLISH_FROM_BRANCH", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    bare = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    return bare


@pytest.fixture
def project(tmp_path: Path, origin: Path) -> Path:
    """A clone with one commit on main, pushed to origin."""
    repo = tmp_path / "project"
    for path, text in {"data/a.yaml": "title: committed\n", "docs/index.md": "# Home\n",
                       "hooks/x.py": "", "mkdocs.yml": "site_name: t\n",
                       ".gitignore": "/docs/draft.md\n"}.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text)
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "-q", "origin", "main")
    return repo


@pytest.fixture
def builds(tmp_path: Path) -> Path:
    """Where the fake builder notes each build it made."""
    return tmp_path / "builds.log"


def publish(project: Path, builds: Path, *, command: str | None = None,
            **env: str) -> subprocess.CompletedProcess[str]:
    builder = project.parent / "fake_build.py"
    builder.write_text(FAKE_BUILD)
    command = command or f"{{python}} {builder} {{site}} {builds}"
    return subprocess.run([sys.executable, str(ROOT / "hooks" / "publish.py"),
                           "--build-command", command],
                          cwd=project, capture_output=True, text=True, check=False,
                          env={**os.environ, "SITE_URL": URL, **env})


def published(origin: Path, path: str) -> str:
    return git(origin, "show", f"gh-pages:{path}")


def refused(result: subprocess.CompletedProcess[str], builds: Path, origin: Path) -> str:
    """The refusal's text, once it is certain nothing was built or pushed."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("publish: nothing was built or pushed")
    assert not builds.exists()
    assert git(origin, "branch", "--list", "gh-pages") == ""
    return result.stderr


def test_publishes_the_build_of_head_named_in_full(project: Path, origin: Path,
                                                  builds: Path) -> None:
    head = git(project, "rev-parse", "HEAD")
    (project / "notes.txt").write_text("untracked, outside what is built\n")
    (project / "docs" / "draft.md").write_text("ignored draft\n")
    result = publish(project, builds)
    assert result.returncode == 0, result.stderr
    assert f"pushed the site of {head}" in result.stderr
    assert git(origin, "log", "-1", "--format=%s", "gh-pages") == f"Publish {head}"
    assert published(origin, "data/a.yaml") == "title: committed"
    epoch = git(project, "log", "-1", "--format=%ct")
    assert published(origin, "built.txt") == f"{URL} {epoch}"
    # The exported copy has no history: the build reads when each event last changed from the
    # repository, at the commit built (chronology/history.py).
    assert published(origin, "history.txt") == f"{project} {head}"
    files = git(origin, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert sorted(files) == [".nojekyll", "built.txt", "data/a.yaml", "docs/index.md",
                             "history.txt"]
    # Built elsewhere, from the commit; the repository is as it was, bar the new gh-pages.
    assert Path(builds.read_text().strip()).parent.name.startswith("publish-")
    assert not Path(builds.read_text().strip()).exists()  # the temporary folder is gone
    assert git(project, "symbolic-ref", "--short", "HEAD") == "main"
    assert git(project, "rev-parse", "HEAD") == head
    assert git(project, "status", "--porcelain") == "?? notes.txt"
    assert git(project, "rev-parse", "gh-pages") == git(origin, "rev-parse", "gh-pages")
    assert git(project, "worktree", "list", "--porcelain").count("worktree ") == 1


def test_a_second_publish_builds_on_the_first_without_forcing(project: Path, origin: Path,
                                                              builds: Path) -> None:
    assert publish(project, builds).returncode == 0
    first = git(origin, "rev-parse", "gh-pages")
    (project / "data" / "a.yaml").write_text("title: second\n")
    git(project, "commit", "-q", "-am", "second")
    result = publish(project, builds)
    assert result.returncode == 0, result.stderr
    assert git(origin, "rev-parse", "gh-pages^") == first
    assert published(origin, "data/a.yaml") == "title: second"


def test_the_site_is_the_commits_build_not_the_work_trees(project: Path, tmp_path: Path) -> None:
    """What is built is `git archive` of the commit: an uncommitted edit never reaches it."""
    (project / "data" / "a.yaml").write_text("title: UNCOMMITTED EDIT\n")
    (project / "data" / "new.yaml").write_text("title: untracked\n")
    out = tmp_path / "export"
    out.mkdir()
    export_commit(project, git(project, "rev-parse", "HEAD"), out)
    assert (out / "data" / "a.yaml").read_text() == "title: committed\n"
    assert not (out / "data" / "new.yaml").exists()
    archive = tmp_path / "head.tar"
    git(project, "archive", "-o", str(archive), "HEAD")
    with tarfile.open(archive) as tar:
        names = sorted(m.name for m in tar.getmembers() if m.isfile())
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == names


def test_a_dirty_tree_is_refused_naming_the_files(project: Path, origin: Path,
                                                  builds: Path) -> None:
    (project / "data" / "a.yaml").write_text("title: UNCOMMITTED EDIT\n")
    (project / "docs" / "new.md").write_text("# New\n")
    (project / "mkdocs.ko.yml").write_text("site_name: k\n")
    (project / "scratch.txt").write_text("not part of the site\n")
    (project / "docs" / "draft.md").write_text("ignored\n")
    err = refused(publish(project, builds), builds, origin)
    assert ("publish: uncommitted changes would not be in the published site (it is built from "
            "the last commit): data/a.yaml (modified), docs/new.md (untracked), mkdocs.ko.yml "
            "(untracked); commit them, or put them aside (git stash -u), and run again") in err
    assert "scratch.txt" not in err and "draft.md" not in err


def test_a_staged_deletion_is_a_change_too(project: Path, origin: Path, builds: Path) -> None:
    git(project, "rm", "-q", "hooks/x.py")
    assert "hooks/x.py (deleted)" in refused(publish(project, builds), builds, origin)


def test_another_branch_is_refused_and_the_override_allows_it(project: Path, origin: Path,
                                                              builds: Path) -> None:
    git(project, "switch", "-q", "-c", "feature/wip")
    err = refused(publish(project, builds), builds, origin)
    assert ("this is the branch 'feature/wip', not the default branch 'main', so the site would "
            "not be what 'main' holds; switch to 'main', or publish this commit anyway with "
            "PUBLISH_FROM_BRANCH=1") in err
    result = publish(project, builds, PUBLISH_FROM_BRANCH="1")
    assert result.returncode == 0, result.stderr
    assert ("publish: PUBLISH_FROM_BRANCH=1: publishing the branch 'feature/wip', not the "
            "default branch 'main'") in result.stderr
    assert git(project, "symbolic-ref", "--short", "HEAD") == "feature/wip"


def test_the_default_branch_is_the_remotes(project: Path, origin: Path, builds: Path) -> None:
    git(project, "switch", "-q", "-c", "trunk")
    git(project, "push", "-q", "origin", "trunk")
    git(origin, "symbolic-ref", "HEAD", "refs/heads/trunk")
    assert publish(project, builds).returncode == 0
    git(project, "switch", "-q", "main")
    result = publish(project, builds)
    assert result.returncode == 1 and "not the default branch 'trunk'" in result.stderr


def test_a_detached_head_needs_the_override(project: Path, origin: Path, builds: Path) -> None:
    git(project, "switch", "-q", "--detach")
    assert "a detached HEAD (no branch)" in refused(publish(project, builds), builds, origin)


def test_an_unclear_override_is_refused(project: Path, origin: Path, builds: Path) -> None:
    result = publish(project, builds, PUBLISH_FROM_BRANCH="yes")
    assert result.returncode == 1 and not builds.exists()
    assert result.stderr == ("publish: PUBLISH_FROM_BRANCH=yes? Set PUBLISH_FROM_BRANCH=1 to "
                             "publish from a branch other than the default one, or leave it out\n")


@pytest.mark.parametrize("override", ["", "1"])
def test_gh_pages_checked_out_is_refused(project: Path, origin: Path, builds: Path,
                                         override: str) -> None:
    git(project, "switch", "-q", "-c", "gh-pages")
    err = refused(publish(project, builds, PUBLISH_FROM_BRANCH=override), builds, origin)
    assert ("publish: gh-pages is the checked-out branch: the site would be committed onto the "
            "work tree's branch; switch to 'main' (git switch main) and run again") in err
    assert git(project, "rev-parse", "gh-pages") == git(project, "rev-parse", "main")


def test_gh_pages_checked_out_in_another_worktree_is_refused(project: Path, origin: Path,
                                                             builds: Path, tmp_path: Path) -> None:
    git(project, "worktree", "add", "-q", "-b", "gh-pages", str(tmp_path / "pages"))
    err = refused(publish(project, builds), builds, origin)
    assert f"gh-pages is checked out in the worktree {tmp_path / 'pages'}" in err


def test_no_remote_is_one_sentence_before_building(project: Path, origin: Path,
                                                   builds: Path) -> None:
    git(project, "remote", "remove", "origin")
    result = publish(project, builds)
    assert result.stderr == (
        "publish: there is no remote 'origin' to push the site to; add it (git remote add origin "
        "<url of the repository>) and run again\npublish: nothing was built or pushed\n")
    refused(result, builds, origin)
    assert git(project, "for-each-ref", "refs/heads/gh-pages", "refs/remotes") == ""


def test_an_unreachable_remote_is_one_sentence_before_building(project: Path, origin: Path,
                                                               builds: Path,
                                                               tmp_path: Path) -> None:
    git(project, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    err = refused(publish(project, builds), builds, origin)
    assert f"publish: cannot reach the remote 'origin' ({tmp_path / 'gone.git'}): " in err


def test_a_push_failure_is_one_sentence_and_leaves_no_branch(project: Path, origin: Path,
                                                             builds: Path) -> None:
    hook = origin / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pushes are closed today' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = publish(project, builds)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "publish: could not push to origin: error: failed to push some refs to "
        f"'{origin}'; nothing was published and the local gh-pages branch is unchanged")
    assert builds.exists()  # it did build
    assert git(project, "branch", "--list", "gh-pages") == ""


def test_a_failed_build_pushes_nothing(project: Path, origin: Path, builds: Path) -> None:
    git(project, "rm", "-q", "-r", "docs")  # the fake builder copies docs/
    git(project, "commit", "-q", "-m", "no docs")
    result = publish(project, builds)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == ("publish: the build failed (see above); "
                                              "nothing was pushed")
    assert git(project, "branch", "--list", "gh-pages") == ""
    assert git(origin, "branch", "--list", "gh-pages") == ""


def test_a_build_command_that_does_not_run_is_one_sentence(project: Path, origin: Path,
                                                           builds: Path) -> None:
    result = publish(project, builds, command="no-such-builder {site}")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == ("publish: cannot run the build command "
                                              "'no-such-builder': No such file or directory; "
                                              "nothing was pushed")
    assert git(origin, "branch", "--list", "gh-pages") == ""


@pytest.mark.parametrize(("site_url", "said"), [
    ("", "publish: publishing needs the published address: make publish "
         "SITE_URL=https://<user>.github.io/<repository>/\n"),
    ("https://example.org/a b/", "publish: SITE_URL: 'https://example.org/a b/' is not a plain "
     "web address; write it as https://host/path/, with no quotes, spaces, angle brackets, query "
     "or fragment\n"),
])
def test_site_url_is_needed_and_checked(project: Path, origin: Path, builds: Path,
                                        site_url: str, said: str) -> None:
    result = publish(project, builds, SITE_URL=site_url)
    assert (result.returncode, result.stderr) == (1, said)
    assert not builds.exists()


def test_outside_a_repository_is_one_sentence(tmp_path: Path, builds: Path) -> None:
    folder = tmp_path / "not-a-clone"
    folder.mkdir()
    result = publish(folder, builds, GIT_CEILING_DIRECTORIES=str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (f"publish: {folder} is not in a git repository; publishing builds "
                             "a commit, so run it in a clone of the project\n")


@pytest.mark.build
def test_the_real_build_is_published(tmp_path: Path, origin: Path, builds: Path) -> None:
    """The default build command (hooks/build_site.py), on this project's last commit cloned
    into a temporary folder; the English edition only, to keep the test short."""
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(ROOT), str(clone))
    git(clone, "switch", "-q", "-C", "main")
    git(clone, "remote", "set-url", "origin", str(origin))
    git(clone, "push", "-q", "origin", "main")
    result = publish(clone, builds, command=BUILD + " --editions ''")
    assert result.returncode == 0, result.stderr
    files = set(git(origin, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    assert {".nojekyll", "index.html", "sitemap.xml", "events.json", "pagefind/pagefind.js",
            "events/2019-08-01-kang-warns-of-security-fallout/index.html"} <= files
    assert f"<loc>{URL}</loc>" in published(origin, "sitemap.xml")
    assert git(clone, "status", "--porcelain") == ""
