"""The site built by ProperDocs, MkDocs 1.6's drop-in fork, is MkDocs' site: a check for CI.

Usage: python tests/engines/properdocs_build.py [--venv .venv-properdocs] [--keep DIR]
                                               [--reference SITE]

ProperDocs (pinned: PROPERDOCS) is installed into a virtual environment of its own, with the
theme and libraries at the versions of the environment running this script (so that the engine
is the only thing that differs), and without MkDocs itself: ProperDocs answers every
`import mkdocs...` (properdocs/replacement.py), so the hook, the Material theme and Material's
plugins run on ProperDocs' code, and a build that reached for MkDocs would fail. The venv is
made again when this script's pins or the running Python change.

Then each edition is built the way ProperDocs documents (`properdocs build --strict -f
mkdocs.yml`, then `-f mkdocs.<lang>.yml` into <site>/<lang>/): it reads mkdocs.yml, INHERIT,
!ENV and `hooks:` as MkDocs does. The same commit is built by `make build`'s own script
(hooks/build_site.py, on MkDocs) unless --reference names a site already built, and the two
sites are compared file by file (sitediff.py): the only difference allowed is ENGINE_NAME.
Exit status 0 if the sites are the same but for it, 1 if not, 2 if a build failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(HERE)]

from chronology.languages import EDITIONS  # noqa: E402
from sitediff import Allowed, compare_sites  # noqa: E402

PROPERDOCS = "properdocs==1.6.7"
# What the hook and the theme need beside the engine (pyproject.toml's dependencies, but MkDocs).
LIBRARIES = ("mkdocs-material", "PyYAML", "icalendar", "pagefind[bin]")

# Material writes the engine's name and version into every page it renders (base.html:
# <meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-...">), and
# ProperDocs gives its own ("mkdocs-ProperDocs 1.6.7, ..."). Nothing else may differ.
ENGINE_NAME = Allowed("the generator tag", r'<meta name="generator" content="[^"]*">',
                      "Material's base.html names the engine and its version",
                      paths=r"\.html$")


def say(message: str) -> None:
    print(f"properdocs: {message}", file=sys.stderr, flush=True)


def constraints() -> str:
    """This environment's versions, as pip constraints: the same Material, Markdown, Jinja2,
    Pagefind... for ProperDocs as MkDocs builds with."""
    pins = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name and name.lower() not in ("mkdocs", "properdocs"):
            pins[name.lower()] = f"{name}=={dist.version}"
    return "\n".join(sorted(pins.values())) + "\n"


def ensure_venv(venv: Path) -> Path:
    """ProperDocs' environment (made or made again when its pins change); its `properdocs`."""
    wanted = f"{sys.version.split()[0]} {PROPERDOCS} {' '.join(LIBRARIES)}\n{constraints()}"
    marker = venv / ".installed"
    properdocs = venv / "bin" / "properdocs"
    if marker.is_file() and marker.read_text("utf-8") == wanted and properdocs.exists():
        return properdocs
    say(f"setting up {venv} with {PROPERDOCS} and {', '.join(LIBRARIES)} (about a minute)")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--quiet", "--disable-pip-version-check"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as pinned:
        pinned.write(constraints())
    try:
        subprocess.run([*pip, "install", "-c", pinned.name, PROPERDOCS, *LIBRARIES], check=True)
    finally:
        os.unlink(pinned.name)
    # Material requires MkDocs; ProperDocs stands in for it, so it goes.
    subprocess.run([*pip, "uninstall", "--yes", "mkdocs"], check=True)
    marker.write_text(wanted, "utf-8")
    return properdocs


def configs() -> list[tuple[Path, str]]:
    """Each edition's configuration, with its folder in the site: the English at the root."""
    found = [(ROOT / "mkdocs.yml", "")]
    for language in EDITIONS:
        config = ROOT / f"mkdocs.{language.code}.yml"
        if not config.exists():  # hooks/build_site.py makes one; ProperDocs reads files
            raise SystemExit(f"properdocs: {config.name} is missing: write it (INHERIT: mkdocs.yml)")
        found.append((config, language.folder))
    return found


def engine_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.setdefault("SOURCE_DATE_EPOCH", subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
        check=False).stdout.strip() or "0")
    return env


def build_with_properdocs(properdocs: Path, site: Path) -> float:
    """Every edition, as a user of ProperDocs would build it; the seconds it took."""
    # No PYTHONPATH: the engine puts the hook's folder on sys.path, as MkDocs does.
    env = {**engine_env(), "PYTHONPATH": ""}
    started = time.monotonic()
    for config, folder in configs():
        done = subprocess.run([str(properdocs), "build", "--strict", "--config-file", str(config),
                               "--site-dir", str(site / folder)], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"properdocs: `properdocs build -f {config.name}` failed")
    return time.monotonic() - started


def build_with_mkdocs(site: Path) -> float:
    env = {**engine_env(), "PYTHONPATH": str(ROOT / "hooks")}
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "hooks" / "build_site.py"), "--site-dir",
                           str(site)], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit("properdocs: the MkDocs build (hooks/build_site.py) failed")
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-properdocs")
    parser.add_argument("--reference", type=Path, help="MkDocs' site of this commit, if built")
    parser.add_argument("--keep", type=Path, help="build into this folder, and keep the sites")
    args = parser.parse_args(argv)
    try:
        properdocs = ensure_venv(args.venv.resolve())
    except subprocess.CalledProcessError as error:
        say(f"could not set up {args.venv}: {error}")
        return 2
    version = subprocess.run([str(properdocs), "--version"], capture_output=True, text=True,
                             check=False).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="engines-") as temporary:
        work = args.keep.resolve() if args.keep else Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        try:
            seconds = build_with_properdocs(properdocs, work / "properdocs")
            say(f"built every edition with {version} in {seconds:.1f} s")
            reference = args.reference
            if reference is None:
                reference = work / "mkdocs"
                seconds = build_with_mkdocs(reference)
                say(f"built every edition with MkDocs (hooks/build_site.py) in {seconds:.1f} s")
        except SystemExit as stop:
            say(str(stop.code).removeprefix("properdocs: "))
            return 2
        result = compare_sites(reference, work / "properdocs", [ENGINE_NAME])
        say(result.report("MkDocs", "ProperDocs", [ENGINE_NAME]))
    if not result.same:
        say("ProperDocs' site differs from MkDocs' beyond the generator tag: see above")
        return 1
    say("ProperDocs' site is MkDocs' site, but for the generator tag")
    return 0


if __name__ == "__main__":
    sys.exit(main())
