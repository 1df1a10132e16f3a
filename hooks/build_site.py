"""Build the site into site/ so that a reader-ready site is never lost (`make build`).

MkDocs cleans its output folder before it writes, so a build straight into site/ that fails
half-way, or two builds at once, leave a partial site or none. Here:

- Builds take turns: an exclusive lock on .site-lock (the second waits, and says so).
- Each build writes into .site-new; only a build that succeeded is swapped in, by two renames
  (site -> .site-old, .site-new -> site). A process killed between them leaves .site-old, which
  the next build restores before it does anything else, and says so; .site-old is deleted only
  once the new site is in place.
- Warnings fail the build (strict mode). MkDocs is run in this process rather than as
  `mkdocs build --strict --quiet`: in MkDocs 1.6.1 `--quiet` hides warnings from the very
  counter that strict mode reads (mkdocs#4126), so broken links were published with status 0.
- A build that cannot write (a full disk, a read-only folder) ends in a sentence, not a
  traceback.

Run from the project folder: `python hooks/build_site.py [--site-dir site] [--config-file mkdocs.yml]`.
"""

from __future__ import annotations

import argparse
import fcntl
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs import exceptions
from mkdocs.commands.build import build
from mkdocs.config import load_config

log = logging.getLogger("build_site")


def say(message: str) -> None:
    print(f"build: {message}", file=sys.stderr, flush=True)


@contextmanager
def turn(lock_file: Path) -> Iterator[None]:
    """Hold the build lock; a second build waits for the first to finish."""
    with open(lock_file, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("another build is running in this folder; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # the lock goes with the file handle


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def recover(site: Path, old: Path, new: Path) -> None:
    """Put right what an interrupted build left (called with the lock held)."""
    if old.exists() and not site.exists():
        old.rename(site)
        say(f"an earlier build was interrupted while swapping sites; restored the last good site "
            f"into {site.name}/ ({pages(site)} pages)")
    elif old.exists():  # the swap was done; only deleting the old site was cut short
        shutil.rmtree(old)
    if new.exists():  # a build that never finished
        shutil.rmtree(new)


def mkdocs_build(config_file: Path, site_dir: Path) -> str | None:
    """Run a strict MkDocs build into site_dir; return why it failed, or None."""
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        build(config)
    except exceptions.MkDocsException as error:  # warnings in strict mode, bad config, bad data
        return error.format_message().strip()
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        return (f"could not write the site: {error.strerror or error}{where}; "
                "free some disk space or fix the folder's permissions, then build again")
    return None


EDITIONS = ("ko", "ja")  # built after the English from mkdocs.<lang>.yml, into <site>/<lang>/


def build_edition(config_file: Path, site_dir: Path) -> str | None:
    """One edition, in a process of its own: MkDocs imports the hook once per process, and a
    process's memory goes back to the system when it ends (three editions at 10,000 events)."""
    done = subprocess.run([sys.executable, __file__, "--one", "--config-file", str(config_file),
                           "--site-dir", str(site_dir)], stderr=subprocess.PIPE, text=True,
                          check=False)
    sys.stderr.write("".join(line + "\n" for line in done.stderr.splitlines()
                             if not line.startswith("build: problem: ")))
    if done.returncode == 0:
        return None
    problems = [line.removeprefix("build: problem: ") for line in done.stderr.splitlines()
                if line.startswith("build: problem: ")]
    return (f"{config_file.name}: " + "\n".join(problems)) if problems else (
        f"{config_file.name}: the build stopped (exit status {done.returncode})")


def build_all(config_file: Path, site_dir: Path, editions: tuple[str, ...]) -> str | None:
    """The English site into site_dir, then each edition into its folder there."""
    problem = mkdocs_build(config_file, site_dir)
    for lang in editions:
        if problem is not None:
            break
        edition = config_file.with_name(f"{config_file.stem}.{lang}{config_file.suffix}")
        if not edition.is_file():
            say(f"no {edition.name}: the {lang} edition is not built")
            continue
        started = time.monotonic()
        problem = build_edition(edition, site_dir / lang)
        if problem is None:
            say(f"built the {lang} edition into {site_dir.name}/{lang}/ "
                f"({pages(site_dir / lang)} pages, {time.monotonic() - started:.1f} s)")
    return problem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument("--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("--editions", default=",".join(EDITIONS),
                        help="the editions to build after the English, e.g. ko,ja (none: '')")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # build_edition's
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    if args.one:  # one edition, into a folder of a build that holds the lock
        problem = mkdocs_build(args.config_file, args.site_dir)
        for line in (problem or "").splitlines():
            say(f"problem: {line}")
        return 1 if problem else 0
    editions = tuple(lang for lang in args.editions.split(",") if lang)
    if unknown := [lang for lang in editions if lang not in EDITIONS]:
        say(f"unknown edition {', '.join(unknown)}: the editions are {', '.join(EDITIONS)}")
        return 2
    site: Path = args.site_dir
    new, old = site.with_name(".site-new"), site.with_name(".site-old")
    started = time.monotonic()
    with turn(site.with_name(".site-lock")):
        recover(site, old, new)
        problem = build_all(args.config_file, new, editions)
        if problem is not None:
            shutil.rmtree(new, ignore_errors=True)
            kept = (f"site/ is unchanged ({pages(site)} pages from the last good build)"
                    if site.exists() else "there is no site/ yet")
            say(f"{problem}\nbuild: the build failed; {kept}.")
            return 1
        if site.exists():
            site.rename(old)
        new.rename(site)
        shutil.rmtree(old, ignore_errors=True)
    say(f"built the site into {site}/ ({pages(site)} pages, {time.monotonic() - started:.1f} s).")
    if not os.environ.get("SITE_URL"):
        say("SITE_URL is not set, so this build is for looking at locally: to publish, build with "
            "the published address, e.g. `make build SITE_URL=https://example.org/chronology/` "
            "(the 404 page, the sitemap and the exports' links need it)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
