"""`make standalone`'s plain project, built by a generator without our hook, is `make build`'s
site: the check, and the list of what differs and why.

Usage: python tests/engines/standalone_build.py [--command CMD] [--theirs-theme]
                                                [--reference SITE] [--keep DIR]

The project is written (python -m chronology.standalone), each edition's configuration built
with the engine, the English first (`CMD build -f mkdocs.yml`, then mkdocs.<lang>.yml into
site/<lang>/), each edition indexed for search as the build indexes it (chronology.search, run
after the engine: a step any generator can be followed by), and the site compared file by file
with `make build`'s (hooks/build_site.py; or --reference) by sitediff.py. STANDALONE lists the
differences allowed and why; anything else fails. Exit status 0 if the sites are the same but
for those, 1 if not, 2 if a step failed.

--theirs-theme is for a generator with a theme of its own (Zensical: `--command zensical
--theirs-theme`): then only what the project writes is held to `make build`'s — every page's
body (what search indexes, from <div data-pagefind-body> to the end of the article), the search
index, the exports, the sitemaps, the redirect pages and the site's own scripts and styles —
and the theme's page around the body, its assets, its 404 page and its own search index may
differ (THEIR_THEME).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(HERE)]

from chronology.languages import LANGUAGES  # noqa: E402
from chronology.search import index_site  # noqa: E402
from sitediff import Allowed, Comparison, compare_sites  # noqa: E402

# What a build without the hook cannot give, or gives otherwise (README: "Outliving the theme").
STANDALONE = [
    # The policy's hashes are of Material's inline scripts as rendered from Material's own
    # templates (hooks/chronology_policy.py), which a generator without hooks cannot compute; a
    # host that sets headers can send the policy instead.
    Allowed("the Content-Security-Policy", r'<meta http-equiv="Content-Security-Policy"[^>]*>\n',
            "the hook puts it first in every page (chronology_policy.py)", paths=r"\.html$"),
]


# A generator with a theme of its own: what is the theme's, not the project's.
THEIR_THEME = [
    Allowed("the theme around the page's body", r"(?s)\A.*?(?=<div data-pagefind-body)|"
            r"\s*</article>.*\Z", "the generator's own theme", paths=r"\.html$"),
    *STANDALONE,
]
THEIR_THEME_FILES = r"(^|/)(assets/(javascripts|stylesheets)/|search\.json$|404\.html$)"


def say(message: str) -> None:
    print(f"standalone: {message}", file=sys.stderr, flush=True)


def engine_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    env.setdefault("SOURCE_DATE_EPOCH", subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
        check=False).stdout.strip() or "0")
    return env


def write_project(out: Path) -> float:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "chronology.standalone", str(out), "--project",
                           str(ROOT)], env=engine_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit("standalone: `python -m chronology.standalone` failed")
    return time.monotonic() - started


def build_project(out: Path, command: list[str]) -> float:
    """Build every edition of the plain project with `command` (the engine's CLI), each indexed
    for search once built; the seconds the engine took."""
    # No hook, nothing of ours on the engine's path but the project's own folder (its Markdown
    # extension: chronology_toc.py).
    env = {**engine_env(), "PYTHONPATH": str(out)}
    engine = 0.0
    for language in LANGUAGES:
        config = "mkdocs.yml" if not language.folder else f"mkdocs.{language.code}.yml"
        started = time.monotonic()
        done = subprocess.run([*command, "build", "--strict", "--config-file", config], cwd=out,
                              env=env, capture_output=True, text=True, check=False)
        engine += time.monotonic() - started
        if done.returncode != 0:
            sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(f"standalone: `{' '.join(command)} build -f {config}` failed")
        index_site(out / "site" / language.folder)
    return engine


def build_reference(site: Path) -> float:
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "hooks" / "build_site.py"), "--site-dir",
                           str(site)], cwd=ROOT, env=engine_env(), capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit("standalone: the MkDocs build (hooks/build_site.py) failed")
    return time.monotonic() - started


def compare(reference: Path, site: Path, their_theme: bool = False) -> Comparison:
    if their_theme:
        return compare_sites(reference, site, THEIR_THEME, ignore=THEIR_THEME_FILES)
    return compare_sites(reference, site, STANDALONE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--command", default=f"{sys.executable} -m mkdocs",
                        help="the engine's command line (it is given: build --strict -f CONFIG)")
    parser.add_argument("--theirs-theme", action="store_true",
                        help="the engine has a theme of its own: compare what the project writes")
    parser.add_argument("--reference", type=Path, help="make build's site of this commit")
    parser.add_argument("--keep", type=Path, help="work in this folder, and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="standalone-") as temporary:
        work = args.keep.resolve() if args.keep else Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        try:
            seconds = write_project(work / "project")
            say(f"wrote the plain project in {seconds:.1f} s")
            seconds = build_project(work / "project", args.command.split())
            say(f"built every edition with `{args.command}` in {seconds:.1f} s")
            reference = args.reference
            if reference is None:
                reference = work / "reference"
                seconds = build_reference(reference)
                say(f"built every edition with make build's script in {seconds:.1f} s")
        except SystemExit as stop:
            say(str(stop.code).removeprefix("standalone: "))
            return 2
        result = compare(reference, work / "project" / "site", args.theirs_theme)
        say(result.report("make build", "the plain project",
                          THEIR_THEME if args.theirs_theme else STANDALONE))
    return 0 if result.same else 1


if __name__ == "__main__":
    sys.exit(main())
