"""Build the site into site/ so that a reader-ready site is never lost (`make build`).

MkDocs cleans its output folder before it writes, so a build straight into site/ that fails
half-way, or two builds at once, leave a partial site or none. Here:

- Builds take turns: an exclusive lock on .site-lock (the second waits, and says so).
- Each build writes into .site-new; only a build that succeeded is swapped in, by two renames
  (site -> .site-old, .site-new -> site). A process killed between them leaves .site-old, which
  the next build restores before it does anything else, and says so; .site-old is deleted only
  once the new site is in place. A site/ that is a symbolic link keeps its link: the folder it
  points to is replaced, by the same two renames beside it (chronology/site_folder.py).
- A build of some editions (--editions ko) keeps the others' folders from the last good site:
  a build that makes only the Korean edition must not take the Japanese one away.
- Warnings fail the build (strict mode). MkDocs is run in this process rather than as
  `mkdocs build --strict --quiet`: in MkDocs 1.6.1 `--quiet` hides warnings from the very
  counter that strict mode reads (mkdocs#4126), so broken links were published with status 0.
- A build that cannot write (a full disk, a read-only folder), or that finds something else
  where its folders and lock belong, ends in a sentence, not a traceback.

Run from the project folder: `python hooks/build_site.py [--site-dir site] [--config-file mkdocs.yml]`.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

from chronology.languages import BY_CODE, ENGLISH
from chronology.languages import EDITIONS as TRANSLATED
from chronology.site_folder import Places, SiteFolderError, check, keep, pages, recover, swap, turn
from mkdocs import exceptions
from mkdocs.commands.build import build
from mkdocs.config import load_config

log = logging.getLogger("build_site")


def say(message: str) -> None:
    print(f"build: {message}", file=sys.stderr, flush=True)


def mkdocs_build(config_file: Path, site_dir: Path) -> str | None:
    """Run a strict MkDocs build into site_dir; return why it failed, or None."""
    try:
        config = load_config(configuration(config_file), site_dir=str(site_dir), strict=True)
        build(config)
    except exceptions.MkDocsException as error:  # warnings in strict mode, bad config, bad data
        return error.format_message().strip()
    except OSError as error:
        return could_not("write the site", error)
    return None


def could_not(doing: str, error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return (f"could not {doing}: {error.strerror or error}{where}; "
            "free some disk space or fix the folder's permissions, then build again")


# Built after the English from mkdocs.<lang>.yml, into <site>/<lang>/: the table's editions.
EDITIONS = tuple(language.code for language in TRANSLATED)


def configuration(config_file: Path) -> str | IO[str]:
    """What MkDocs reads for `config_file`: the file; or, for an edition of the table of
    languages that has none (mkdocs.<lang>.yml, which only translates the site's name and the
    navigation), the English configuration in the edition's language."""
    stem, _, code = config_file.stem.rpartition(".")
    language = BY_CODE.get(code)
    if config_file.exists() or not stem or language is None or language is ENGLISH:
        return str(config_file)
    source = io.StringIO(f"INHERIT: {stem}{config_file.suffix}\ntheme:\n  language: "
                         f"{language.theme}\nextra:\n  edition: {language.code}\n")
    source.name = str(config_file)  # where MkDocs finds what it inherits, and the docs
    return source


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
    try:
        places = Places.of(args.site_dir)
        with turn(places.lock, say):
            return build_and_swap(places, args.config_file, editions)
    except SiteFolderError as error:
        say(f"{error}.")
    except OSError as error:  # looking at, recovering or removing the folders
        say(could_not("prepare the site's folders", error) + ".")
    return 1


def build_and_swap(places: Places, config_file: Path, editions: tuple[str, ...]) -> int:
    """Build into places.new and swap it in, or keep the last good site (with the lock held)."""
    started = time.monotonic()
    check(places)
    recover(places, say)
    problem = build_all(config_file, places.new, editions)
    if problem is None:
        try:
            keep_editions(places, editions)
            swap(places)
        except OSError as error:
            problem = could_not("put the new site in place", error)
    if problem is not None:
        shutil.rmtree(places.new, ignore_errors=True)
        kept = (f"{places.shown()} is unchanged ({pages(places.target)} pages from the last good "
                "build)" if places.target.exists() else f"there is no {places.site}/ yet")
        say(f"{problem}\nbuild: the build failed; {kept}.")
        return 1
    say(f"built the site into {places.shown()} ({pages(places.target)} pages, "
        f"{time.monotonic() - started:.1f} s).")
    if not os.environ.get("SITE_URL"):
        say("SITE_URL is not set, so this build is for looking at locally: to publish, build with "
            "the published address, e.g. `make build SITE_URL=https://example.org/chronology/` "
            "(the 404 page, the sitemap and the exports' links need it)")
    return 0


def keep_editions(places: Places, editions: tuple[str, ...]) -> None:
    """The editions this build did not make, from the last good site."""
    for lang in EDITIONS:
        if lang in editions:
            continue
        kept = keep(places, lang)
        if kept >= 0:
            say(f"kept the {lang} edition from the last good site ({places.site}/{lang}/, {kept} "
                "pages): this build did not make it")
        else:
            say(f"there is no {lang} edition: the last good site had none to keep; build it with "
                f"--editions {lang} (make build builds every edition)")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
