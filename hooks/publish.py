"""Publish the site of one commit to the gh-pages branch and push it (`make publish`).

What is published is the build of a commit, never of the work tree: HEAD is exported with
`git archive` into a temporary folder and built there, so nothing uncommitted can slip in, and
the gh-pages commit names the full commit it was built from. Before anything is built, it
refuses, each time saying why and what to do:

- SITE_URL missing or not a plain https://host/path/ address;
- no remote `origin`, or one that cannot be reached (so no build is wasted and no branch is
  left behind);
- gh-pages checked out, here or in another worktree (committing the site would move it);
- a branch other than the remote's default one (or `main` when that cannot be told), unless
  PUBLISH_FROM_BRANCH=1;
- changes to tracked files, or untracked files under data/, docs/, hooks/ or mkdocs*.yml.

The site is committed with git plumbing (a temporary index, `commit-tree`) on top of origin's
gh-pages, so the checked-out branch, the index and the work tree are never touched; it is pushed
as a fast-forward (never forced), and the local gh-pages branch moves only once the push worked.

Imports no MkDocs: the build is a command run in the exported folder (`--build-command`, which
the tests point at a small fake builder). Run from the project folder: `python hooks/publish.py`.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shlex
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from chronology.markup import site_url_problem

BUILD = "{python} hooks/build_site.py --site-dir {site}"  # `make build`, from the exported commit
TARGET = "gh-pages"
REMOTE = "origin"
OVERRIDE = "PUBLISH_FROM_BRANCH"
# Untracked files here would have been part of the site had they been committed.
WATCHED = ("data/", "docs/", "hooks/")
WATCHED_FILES = "mkdocs*.yml"
SHOWN = 20  # changed files named in the refusal; more are counted


class Refusal(Exception):
    """Why publishing stops: one sentence for the maintainer, never a traceback."""


def say(message: str) -> None:
    print(f"publish: {message}", file=sys.stderr, flush=True)


def git(repo: Path, *args: str, check: bool = True, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # No password prompt on a remote that wants one: it would hang `make publish` silently.
    command = ["git", *args] if cwd else ["git", "-C", str(repo), *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False,
                              env={**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})})
    except FileNotFoundError:
        raise Refusal("git is not installed (or not on PATH); install it and run again") from None
    if check and done.returncode != 0:
        raise Refusal(f"`git {' '.join(args[:2])}` failed: {last_line(done.stderr)}")
    return done


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def changes(repo: Path) -> list[str]:
    """Tracked changes anywhere, and untracked files where they would have been built."""
    status = git(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all").stdout
    entries = iter(status.split("\0"))
    found = []
    for entry in entries:
        if not entry:
            continue
        code, path = entry[:2], entry[3:]
        if code[0] in "RC":
            next(entries, None)  # a rename's old path follows it
        if code == "??":
            if path.startswith(WATCHED) or fnmatch.fnmatch(path, WATCHED_FILES):
                found.append(f"{path} (untracked)")
        else:
            kind = ("unmerged" if "U" in code or code in ("AA", "DD") else "deleted" if "D" in code
                    else "added" if "A" in code else "renamed" if code[0] == "R" else "modified")
            found.append(f"{path} ({kind})")
    return found


def checked_out(repo: Path) -> dict[str, Path]:
    """Each branch checked out in a worktree of this repository: {branch: worktree}."""
    worktree, branches = Path(), {}
    for line in git(repo, "worktree", "list", "--porcelain").stdout.splitlines():
        if line.startswith("worktree "):
            worktree = Path(line.removeprefix("worktree "))
        elif line.startswith("branch refs/heads/"):
            branches[line.removeprefix("branch refs/heads/")] = worktree
    return branches


def remote_heads(repo: Path) -> tuple[str | None, str | None]:
    """The remote's default branch and its gh-pages commit, in one request (None: it has none).
    Raises Refusal when the remote cannot be reached."""
    done = git(repo, "ls-remote", "--symref", REMOTE, "HEAD", f"refs/heads/{TARGET}", check=False)
    if done.returncode != 0:
        url = git(repo, "remote", "get-url", REMOTE, check=False).stdout.strip()
        raise Refusal(f"cannot reach the remote '{REMOTE}' ({url}): {last_line(done.stderr)}; "
                      "check the address (git remote -v) and your access, then run again")
    default = tip = None
    for line in done.stdout.splitlines():
        value, _, name = line.partition("\t")
        if value.startswith("ref: refs/heads/") and name == "HEAD":
            default = value.removeprefix("ref: refs/heads/")
        elif name == f"refs/heads/{TARGET}":
            tip = value
    return default, tip


def local_default(repo: Path) -> str:
    """The default branch as this clone last heard it (origin/HEAD), or `main`."""
    done = git(repo, "symbolic-ref", "--quiet", "--short", f"refs/remotes/{REMOTE}/HEAD", check=False)
    return done.stdout.strip().removeprefix(f"{REMOTE}/") if done.returncode == 0 else "main"


def check_target_free(repo: Path, default: str) -> Iterator[str]:
    """gh-pages must not be checked out anywhere: committing the site would move that branch."""
    where = checked_out(repo).get(TARGET)
    if where is not None and where.resolve() == repo.resolve():
        yield (f"{TARGET} is the checked-out branch: the site would be committed onto the work "
               f"tree's branch; switch to '{default}' (git switch {default}) and run again")
    elif where is not None:
        yield (f"{TARGET} is checked out in the worktree {where}: publishing would move that "
               "branch; switch that worktree to another branch, then run again")


def check_branch(branch: str | None, default: str, from_branch: bool) -> Iterator[str]:
    if branch in (TARGET, default):
        return  # gh-pages is refused by check_target_free, whatever the override says
    what = f"the branch '{branch}'" if branch else "a detached HEAD (no branch)"
    if from_branch:
        say(f"{OVERRIDE}=1: publishing {what}, not the default branch '{default}'")
    else:
        yield (f"this is {what}, not the default branch '{default}', so the site would not be "
               f"what '{default}' holds; switch to '{default}', or publish this commit anyway "
               f"with {OVERRIDE}=1")


def check_clean(repo: Path) -> Iterator[str]:
    if dirty := changes(repo):
        named = ", ".join(dirty[:SHOWN]) + (f" and {len(dirty) - SHOWN} more"
                                            if len(dirty) > SHOWN else "")
        yield (f"uncommitted changes would not be in the published site (it is built from the "
               f"last commit): {named}; commit them, or put them aside (git stash -u), and run "
               "again")


def preflight(repo: Path, branch: str | None, from_branch: bool) -> tuple[list[str], str | None]:
    """Every reason not to publish, found without building (all of them, so that one run names
    everything to fix); and origin's gh-pages commit."""
    problems: list[str] = []
    tip = default = None
    if git(repo, "remote", "get-url", REMOTE, check=False).returncode != 0:
        problems.append(f"there is no remote '{REMOTE}' to push the site to; add it "
                        f"(git remote add {REMOTE} <url of the repository>) and run again")
    else:
        try:
            default, tip = remote_heads(repo)
        except Refusal as refusal:
            problems.append(str(refusal))
    default = default or local_default(repo)
    problems += [*check_target_free(repo, default), *check_branch(branch, default, from_branch),
                 *check_clean(repo)]
    return problems, tip


def export_commit(repo: Path, commit: str, folder: Path) -> None:
    """The files of `commit`, as committed, into folder (nothing of the work tree comes along)."""
    # Our own commit is trusted; the keyword exists from Python 3.11.4 (and warns if left out later).
    trusted: dict[str, Any] = ({"filter": "fully_trusted"}
                               if hasattr(tarfile, "fully_trusted_filter") else {})
    unreadable = None
    with subprocess.Popen(["git", "-C", str(repo), "archive", "--format=tar", commit],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as archive:
        assert archive.stdout is not None and archive.stderr is not None
        try:
            with tarfile.open(fileobj=archive.stdout, mode="r|") as tar:
                tar.extractall(folder, **trusted)
        except tarfile.TarError as error:
            unreadable = str(error)
        why = last_line(archive.stderr.read().decode()) if archive.wait() else unreadable
    if why:
        raise Refusal(f"could not export {commit} to build it: {why}")


def build(command: str, source: Path, site: Path, site_url: str, epoch: str,
          history: tuple[Path, str] | None = None) -> None:
    words = [word.format(python=sys.executable, site=site) for word in shlex.split(command)]
    env = {**os.environ, "SITE_URL": site_url, "SOURCE_DATE_EPOCH": epoch,
           "PYTHONPATH": str(source / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    if history:
        # The exported copy has no history of its own: when each event last changed is read
        # from the repository, at the commit built (chronology/history.py).
        env["CHRONOLOGY_GIT_REPO"], env["CHRONOLOGY_GIT_COMMIT"] = str(history[0]), history[1]
    try:
        built = subprocess.run(words, cwd=source, env=env, check=False)
    except (FileNotFoundError, PermissionError) as error:
        raise Refusal(f"cannot run the build command {words[0]!r}: {error.strerror}; nothing was "
                      "pushed") from None
    if built.returncode != 0:
        raise Refusal("the build failed (see above); nothing was pushed")
    if not site.is_dir() or not any(site.iterdir()):
        raise Refusal(f"the build made no site in {site}; nothing was pushed")


def commit_site(repo: Path, site: Path, parent: str | None, message: str, scratch: Path) -> str:
    """A commit of the site's files, made with a temporary index: no branch, index or work tree
    of the repository changes."""
    (site / ".nojekyll").touch()  # GitHub Pages would otherwise drop folders starting with _
    gitdir = git(repo, "rev-parse", "--absolute-git-dir").stdout.strip()
    # No line-ending rewrites (core.autocrlf=false), whatever the user's configuration says.
    env = {"GIT_INDEX_FILE": str(scratch / "index"), "GIT_DIR": gitdir, "GIT_WORK_TREE": str(site),
           "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.autocrlf", "GIT_CONFIG_VALUE_0": "false"}
    # --force: the user's global ignore rules must not drop site files.
    git(repo, "add", "--all", "--force", ".", env=env, cwd=site)
    tree = git(repo, "write-tree", env=env, cwd=site).stdout.strip()
    done = git(repo, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message,
               check=False)
    if done.returncode != 0:
        raise Refusal(f"git could not make the site's commit: {last_line(done.stderr)}; set your "
                      "name and email (git config user.name …; git config user.email …)")
    return done.stdout.strip()


def push(repo: Path, site_commit: str) -> None:
    done = git(repo, "push", "--quiet", REMOTE, f"{site_commit}:refs/heads/{TARGET}", check=False)
    if done.returncode == 0:
        return
    if "non-fast-forward" in done.stderr or "fetch first" in done.stderr:
        raise Refusal(f"{REMOTE}'s {TARGET} changed while this was publishing (did someone else "
                      "publish?); nothing was pushed; run make publish again")
    raise Refusal(f"could not push to {REMOTE}: {last_line(done.stderr)}; nothing was published "
                  f"and the local {TARGET} branch is unchanged")


def publish(repo: Path, site_url: str, command: str, from_branch: bool) -> str:
    """Check, build HEAD's commit, commit the site onto gh-pages and push it; return a summary."""
    commit = git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False).stdout.strip()
    if not commit:
        raise Refusal("there is no commit to publish yet; commit the project first")
    branch = git(repo, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip() or None
    problems, tip = preflight(repo, branch, from_branch)
    if problems:
        raise Refusal("\n".join(problems) + "\nnothing was built or pushed")
    if tip:  # build on what is published, so that the push is a fast-forward
        git(repo, "fetch", "--quiet", "--no-tags", REMOTE,
            f"+refs/heads/{TARGET}:refs/remotes/{REMOTE}/{TARGET}")
        tip = git(repo, "rev-parse", f"refs/remotes/{REMOTE}/{TARGET}").stdout.strip()
    epoch = git(repo, "log", "-1", "--format=%ct", commit).stdout.strip()
    # Removed afterwards, also when the build fails or is interrupted.
    with tempfile.TemporaryDirectory(prefix="publish-") as name:
        scratch = Path(name)
        source, site = scratch / "source", scratch / "site"
        source.mkdir()
        say(f"building {commit} ({branch or 'detached HEAD'}) in {source}, with SITE_URL={site_url}")
        export_commit(repo, commit, source)
        build(command, source, site, site_url, epoch, history=(repo, commit))
        message = (f"Publish {commit}\n\nThe site built from commit {commit} "
                   f"({branch or 'detached HEAD'}) with SITE_URL={site_url}, by make publish.\n")
        site_commit = commit_site(repo, site, tip, message, scratch)
        files = sum(1 for path in site.rglob("*") if path.is_file())
    push(repo, site_commit)
    git(repo, "update-ref", "-m", f"publish: site of {commit}", f"refs/heads/{TARGET}", site_commit)
    return (f"pushed the site of {commit} ({files} files) to {REMOTE}'s {TARGET} as "
            f"{site_commit[:12]}; the work tree and {branch or 'HEAD'} are untouched")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--build-command", default=BUILD,
                        help="what builds the site in the exported commit; {site} is the output "
                             "folder, {python} this Python (default: %(default)s)")
    args = parser.parse_args(argv)
    site_url = os.environ.get("SITE_URL", "")
    override = os.environ.get(OVERRIDE, "")
    try:
        if not site_url:
            raise Refusal("publishing needs the published address: "
                          "make publish SITE_URL=https://<user>.github.io/<repository>/")
        if problem := site_url_problem(site_url):
            raise Refusal(f"SITE_URL: {problem}")
        if override not in ("", "1"):
            raise Refusal(f"{OVERRIDE}={override}? Set {OVERRIDE}=1 to publish from a branch "
                          "other than the default one, or leave it out")
        top = git(Path.cwd(), "rev-parse", "--show-toplevel", check=False)
        if top.returncode != 0:
            raise Refusal(f"{Path.cwd()} is not in a git repository; publishing builds a commit, "
                          "so run it in a clone of the project")
        say(publish(Path(top.stdout.strip()), site_url, args.build_command, override == "1"))
    except Refusal as refusal:
        for line in str(refusal).splitlines():
            say(line)
        return 1
    except OSError as error:  # a full disk or an unwritable temporary folder
        where = f" ({error.filename})" if error.filename else ""
        say(f"could not write{where}: {error.strerror or error}; free some disk space (or set "
            "TMPDIR to a folder with room) and run again; nothing was pushed")
        return 1
    except KeyboardInterrupt:
        say("interrupted; nothing was pushed unless the push had already finished")
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
