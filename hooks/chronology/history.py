"""History: the day each data file last changed, from the project's git history, so that every
event can say when it was last changed, and two builds of one commit agree.

One `git log` for every file under data/ (never one per event), with a `git status` for files
changed since the last commit and a `git rev-parse` for a shallow history; about 0.1 s for the
project's history (README, "Last changed"). Where that cannot be known, the answer says so and
stays the same from build to build:

- a file changed or added since the last commit (a build of a work tree, `make serve`): not
  known, since it is not yet part of the history;
- a file whose last commit is where a shallow clone's history is cut off (a CI checkout of
  depth 1): "on or before" that commit's day, which is all the history shows;
- no history at all (a tarball; git missing): "on or before" the version's day, the last
  commit's (SOURCE_DATE_EPOCH), if the build was given one, or else not known.

The days are the commits' own (committer dates, in UTC). Only this module runs git; it imports
no MkDocs. `make publish` builds an exported copy of the commit, which has no history of its own:
it names the repository and the commit (CHRONOLOGY_GIT_REPO, CHRONOLOGY_GIT_COMMIT).
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Where an exported copy's history is (make publish): the repository, and the commit built.
REPO_VARIABLE, COMMIT_VARIABLE = "CHRONOLOGY_GIT_REPO", "CHRONOLOGY_GIT_COMMIT"
_TIMEOUT = 20  # seconds: a git that hangs (a lock, a network file system) must not hang the build


@dataclass(frozen=True)
class Changed:
    """When a record last changed: on `day` (exact), on or before `day`, or not known (None)."""

    day: datetime.date | None
    exact: bool = False


@dataclass(frozen=True)
class History:
    """The day each file last changed, by its path from the project's folder ("data/events/x.yaml")."""

    days: Mapping[str, datetime.date] = field(default_factory=dict)
    # Files whose last commit is where a shallow history is cut off: on or before that day.
    cut: frozenset[str] = frozenset()
    # Files changed, added or removed since the last commit: not yet in the history.
    uncommitted: frozenset[str] = frozenset()
    # Whether there is a history at all; without one, `version` is the best answer.
    known: bool = False
    version: datetime.date | None = None  # the day of the version built (SOURCE_DATE_EPOCH)

    def of(self, paths: Iterable[str]) -> Changed:
        """When the newest of these files last changed. A path with no history and no change
        since the last commit is a file that does not exist (an event not yet translated): it
        does not count."""
        if not self.known:
            return Changed(self.version)
        days: list[datetime.date] = []
        exact = True
        for path in paths:
            if path in self.uncommitted:
                return Changed(None)
            if path in self.days:
                days.append(self.days[path])
                exact = exact and path not in self.cut
        if not days:
            return Changed(None)
        return Changed(max(days), exact)


def version_day(environ: Mapping[str, str] | None = None) -> datetime.date | None:
    """The day of the version built: SOURCE_DATE_EPOCH's (the last commit's, as `make build`
    sets it), in UTC; None where it is not set, or is 0 (the Makefile's value without git)."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit() or int(epoch) == 0:
        return None
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()


def _git(repo: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _day(epoch: str) -> datetime.date:
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()


def parse_log(text: str) -> tuple[dict[str, datetime.date], dict[str, str]]:
    """`git log --format=%x1e%H %ct --name-only` as the day each file last changed and the
    commit that changed it."""
    days: dict[str, datetime.date] = {}
    commits: dict[str, str] = {}
    for block in text.split("\x1e")[1:]:
        head, _, names = block.partition("\n")
        commit, _, epoch = head.strip().partition(" ")
        if not epoch.isdigit():
            continue
        day = _day(epoch)
        for name in filter(None, names.splitlines()):
            # The newest day, whatever order the commits come in (a branch merged later).
            if name not in days or day > days[name]:
                days[name], commits[name] = day, commit
    return days, commits


def read_history(root: Path, folder: str = "data",
                 environ: Mapping[str, str] | None = None) -> History:
    """The history of the files under `folder` of the project at `root`, or, where it cannot be
    read, a History that says so (never an error: the site is built all the same)."""
    env = os.environ if environ is None else environ
    version = version_day(env)
    repo = Path(env[REPO_VARIABLE]) if env.get(REPO_VARIABLE) else root
    commit = env.get(COMMIT_VARIABLE) or "HEAD"
    exported = bool(env.get(REPO_VARIABLE))
    # git names files from the repository's top folder; the site, from the project's.
    top = _git(repo, "rev-parse", "--show-toplevel", "--is-shallow-repository",
               "--git-path", "shallow")
    if top is None:
        return History(version=version)
    lines = top.splitlines()
    if len(lines) < 3:
        return History(version=version)
    prefix = _prefix(Path(lines[0]), repo)
    if prefix is None:
        return History(version=version)
    log = _git(repo, "log", "--format=%x1e%H %ct", "--name-only", "--no-renames",
               "--no-merges", commit, "--", folder)
    if log is None:
        return History(version=version)
    days, commits = parse_log(log)
    cut: frozenset[str] = frozenset()
    if lines[1].strip() == "true":
        shallow = Path(lines[2]) if Path(lines[2]).is_absolute() else repo / lines[2]
        try:
            boundary = set(shallow.read_text("utf-8").split())
        except OSError:
            boundary = set(commits.values())  # cannot tell: every day is "on or before"
        cut = frozenset(path.removeprefix(prefix) for path, sha in commits.items()
                        if sha in boundary)
    uncommitted: frozenset[str] = frozenset()
    if not exported:  # an exported commit is that commit, file for file
        status = _git(repo, "status", "--porcelain", "--untracked-files=all", "--no-renames",
                      "-z", "--", folder)
        if status is None:
            return History(version=version)
        uncommitted = frozenset(entry[3:].removeprefix(prefix)
                                for entry in status.split("\0") if len(entry) > 3)
    return History({path.removeprefix(prefix): day for path, day in days.items()}, cut,
                   uncommitted, known=True, version=version)


def _prefix(top: Path, root: Path) -> str | None:
    """The project's folder as git names it from the repository's top ("" at the top)."""
    try:
        relative = root.resolve().relative_to(top.resolve())
    except ValueError:
        return None
    return "" if str(relative) == "." else relative.as_posix() + "/"
