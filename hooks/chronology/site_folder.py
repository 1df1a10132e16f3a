"""The site's folder and the names beside it that a build uses (`make build`, hooks/build_site.py):
what may be found there, the lock that makes builds take turns, putting right what an interrupted
build left, and swapping a new site in so that the last good one is never lost. No MkDocs.

`site` (as named by --site-dir) may be missing (the first build), a folder, or a symbolic link
to a folder elsewhere, as when site/ points into a web server's folder: then the folder it points
to is what a build replaces, and the link stays. A new site is written beside that folder
(`.<name>-new`) and swapped in by two renames, which only work within one file system; a build
beside the link, in the project, could not be renamed onto a folder on another disk.
Anything else at these names (a file, a link where a folder belongs, a folder where the lock
belongs) is refused with a sentence naming it: a build deletes only folders it made itself.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

Say = Callable[[str], None]


class SiteFolderError(Exception):
    """Something stands where the build needs its folders; the message names it and the fix."""


def kind(path: Path) -> str:
    """What is at `path`, without following a link: missing, folder, link, file or other."""
    try:
        mode = path.lstat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    if stat.S_ISLNK(mode):
        return "link"
    return "folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


WHAT = {"link": "a symbolic link", "file": "a file", "folder": "a folder",
        "other": "a device, pipe or socket"}


def _remove(path: Path, what: str) -> str:
    """How to remove what is at `path`, as a shell command."""
    if what == "link":
        return f"rm {path}, which removes the link only"
    return f"rmdir {path}" if what == "folder" else f"rm {path}"


@dataclass(frozen=True)
class Places:
    site: Path    # as named: a folder, or a link to one
    target: Path  # the folder the pages go in: site, or where its link points
    new: Path     # a new site is written here, beside target
    old: Path     # the last good site, while the new one is swapped in
    lock: Path    # beside site, in the project; never followed

    @classmethod
    def of(cls, site: Path) -> Places:
        target = Path(os.path.realpath(site)) if kind(site) == "link" else site
        if target.name in ("", ".", ".."):
            raise SiteFolderError(f"{site} does not name a folder of its own: name the site's "
                                  "folder, e.g. --site-dir site")
        return cls(site=site, target=target, new=target.with_name(f".{target.name}-new"),
                   old=target.with_name(f".{target.name}-old"),
                   lock=site.with_name(f".{site.name}-lock"))

    def shown(self) -> str:
        """The site's folder as the reader knows it, and where a link leads."""
        return f"{self.site}/" + (f" -> {self.target}/" if self.target != self.site else "")


def check(places: Places) -> None:
    """Refuse, with a sentence, anything at the build's names that is not what a build left
    (called with the lock held: another build may be between its two renames)."""
    site, target = places.site, places.target
    if target != site:  # a link
        where = kind(target)
        if where == "missing" and kind(places.old) != "folder":
            raise SiteFolderError(f"{site} is a symbolic link to {target}, which does not exist: "
                                  f"create that folder (mkdir -p {target}) or remove the link "
                                  f"(rm {site}), then build again")
        if where not in ("missing", "folder"):
            raise SiteFolderError(f"{site} is a symbolic link to {target}, which is {WHAT[where]}, "
                                  f"not a folder: point the link at a folder, or remove it "
                                  f"(rm {site}), then build again")
    elif (what := kind(site)) not in ("missing", "folder"):
        raise SiteFolderError(f"{site} is {WHAT[what]}, not a folder: the site is built there; "
                              f"move it away (mv {site} {site}.bak), then build again")
    here = [Path.cwd().resolve(), site.absolute().parent.resolve()]
    if any(place == target.resolve() or target.resolve() in place.parents for place in here):
        raise SiteFolderError(f"{site} leads to {target}, which holds the project: a build "
                              "replaces that folder whole; point it at a folder of its own")
    for leftover in (places.new, places.old):
        if (what := kind(leftover)) not in ("missing", "folder"):
            raise SiteFolderError(f"{leftover} is {WHAT[what]}, where a build keeps a folder of "
                                  f"its own: remove it ({_remove(leftover, what)}), then build "
                                  "again")


@contextmanager
def turn(lock: Path, say: Say) -> Iterator[None]:
    """Hold the build lock; a second build waits for the first to finish. A link at the lock's
    name is not followed (it could create a file anywhere)."""
    try:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
                         | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise SiteFolderError(_lock_problem(lock, error)) from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise SiteFolderError(f"{lock}, the build's lock, is {WHAT['other']}, not a file: "
                                  f"remove it (rm {lock}), then build again")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("another build is running in this folder; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # the lock goes with it


def _lock_problem(lock: Path, error: OSError) -> str:
    what = kind(lock)
    if error.errno == errno.ELOOP or what == "link":
        return (f"{lock}, the build's lock, is a symbolic link, which a build does not follow: "
                f"remove it ({_remove(lock, 'link')}), then build again")
    if error.errno == errno.EISDIR or what == "folder":
        return (f"{lock}, the build's lock, is a folder, not a file: remove it ({_remove(lock, what)}"
                "), then build again")
    if error.errno in (errno.EACCES, errno.EPERM):
        return (f"{lock}, the build's lock, cannot be opened (permission denied): give yourself "
                f"read and write access (chmod u+rw {lock}) or remove it, then build again")
    return (f"{lock}, the build's lock, cannot be opened ({error.strerror}): check that its folder "
            "exists and can be written, then build again")


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def recover(places: Places, say: Say) -> None:
    """Put right what an interrupted build left (called with the lock held, after `check`)."""
    if kind(places.old) == "folder" and kind(places.target) == "missing":
        places.old.rename(places.target)
        say(f"an earlier build was interrupted while swapping sites; restored the last good site "
            f"into {places.shown()} ({pages(places.target)} pages)")
    elif kind(places.old) == "folder":  # the swap was done; only deleting the old site was cut short
        shutil.rmtree(places.old)
    if kind(places.new) == "folder":  # a build that never finished
        shutil.rmtree(places.new)


def keep(places: Places, name: str) -> int:
    """Copy the last good site's folder `name` into the new site, as hard links where the file
    system allows (nothing is written again); return its pages, or -1 if there is none."""
    last = places.target / name
    if kind(last) != "folder" or kind(places.new / name) != "missing":
        return -1
    shutil.copytree(last, places.new / name, symlinks=True, copy_function=_link_or_copy)
    return pages(places.new / name)


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, destination)


def swap(places: Places) -> None:
    """Put the new site in place of the last: two renames; the last good site is deleted only
    once the new one is in place (a build killed in between is put right by `recover`)."""
    had = kind(places.target) == "folder"
    if had:
        places.target.rename(places.old)
    try:
        places.new.rename(places.target)
    except OSError:
        if had:
            places.old.rename(places.target)
        raise
    shutil.rmtree(places.old, ignore_errors=True)
