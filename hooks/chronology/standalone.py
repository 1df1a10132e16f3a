"""Write the whole site as a plain MkDocs project that needs no hook: `make standalone`.

Material for MkDocs reaches end of life in 2027, MkDocs 2.0 drops plugins, and generators that
read mkdocs.yml (Zensical, ProperDocs) may ignore `hooks:`. This writes every generated page
and export, the hand-written pages with their markers filled, the theme overrides and an
mkdocs.yml without the hook into one folder, which any MkDocs-compatible generator can build.
Everything is checked first; nothing is written if the data has problems. No MkDocs import.

    python -m chronology.standalone OUT [--project DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .export import render_exports
from .messages import ENGLISH
from .render import fill_markers, iter_pages, iter_redirects, nav_with_phases, split_front_matter
from .render.search import searchable, vocabulary
from .sitemap import build_date, sitemap_files
from .theme import theme_extra
from .translations import TRANSLATED_PAGE
from .urls import SEARCH_VOCABULARY, path_url
from .validate import load_chronology

NOT_IN_NAV = ("events", "sources", "actors", "topics")


class _Env:
    """An `!ENV [NAME, default]` value of mkdocs.yml, written back as it was."""

    def __init__(self, value: Any) -> None:
        self.value = value


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _load_env(loader: yaml.SafeLoader, node: yaml.Node) -> _Env:
    if isinstance(node, yaml.SequenceNode):
        return _Env(loader.construct_sequence(node))
    return _Env(loader.construct_scalar(node))  # type: ignore[arg-type]


def _dump_env(dumper: yaml.SafeDumper, env: _Env) -> yaml.Node:
    if isinstance(env.value, list):
        return dumper.represent_sequence("!ENV", env.value, flow_style=True)
    return dumper.represent_scalar("!ENV", env.value)


_ConfigLoader.add_constructor("!ENV", _load_env)
_ConfigDumper.add_representer(_Env, _dump_env)


def standalone_config(config_text: str, chronology: Any) -> str:
    """mkdocs.yml without the hook: the navigation filled from the data, the overrides beside."""
    config = yaml.load(config_text, Loader=_ConfigLoader)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    if "custom_dir" in config.get("theme", {}):
        config["theme"]["custom_dir"] = "overrides"
    config["nav"] = nav_with_phases(config["nav"], chronology)
    # The English edition only: no language selector (the hook gives it: chronology_pages.py).
    # The templates' words (chronology/theme.py), which the hook gives MkDocs' builds.
    config.setdefault("extra", {}).update({key: value for key, value in
                                           theme_extra("en", ENGLISH).items() if key != "editions"})
    # Pages reached through links, not the navigation (the hook marks them so itself).
    config["not_in_nav"] = "\n".join(f"/{folder}/" for folder in NOT_IN_NAV) + "\n"
    header = ("# Written by `make standalone` from the chronology's data: a plain MkDocs project,\n"
              "# no hook needed. Edit the data and write it again rather than editing this.\n")
    return header + yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)


def write_standalone(project: Path, out: Path) -> int:
    """Write the plain project into `out` (replaced whole); return the number of pages."""
    chronology = load_chronology(project / "data")
    config_text = (project / "mkdocs.yml").read_text("utf-8")
    site_url = ""  # links in exports stay relative; a build with SITE_URL sets the address
    files: dict[str, str] = {}
    for path, markdown in iter_pages(chronology):  # marked for search, as the hook marks them
        front, body = split_front_matter(markdown)
        files[path] = front + searchable(path_url(path), body)
    files[SEARCH_VOCABULARY] = vocabulary(chronology)
    files.update(iter_redirects(chronology))
    for page in sorted((project / "docs").rglob("*")):
        relative = page.relative_to(project / "docs").as_posix()
        if page.suffix == ".md" and not TRANSLATED_PAGE.search(relative):  # English only
            here = "" if relative == "index.md" else relative.removesuffix(".md") + "/"
            files[relative] = fill_markers(page.read_text("utf-8"), chronology, here)
    files.update(render_exports(chronology, site_url, yaml.load(config_text, Loader=_ConfigLoader)
                                .get("site_name", "")))
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(project / "docs", staging / "docs",
                    ignore=shutil.ignore_patterns("*.md"))
    urls = [path_url(name) for name in files if name.endswith(".md")]
    written = {name: text.encode("utf-8") for name, text in files.items()}
    written.update(sitemap_files(urls, site_url, "", build_date()))  # as the hook writes it
    for relative, content in written.items():
        target = staging / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    theme = project / "hooks" / "theme"
    if theme.is_dir():
        shutil.copytree(theme, staging / "overrides")
    (staging / "mkdocs.yml").write_text(standalone_config(config_text, chronology), "utf-8")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    return sum(1 for name in files if name.endswith(".md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the site as a plain MkDocs project.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    try:
        count = write_standalone(args.project, args.out)
    except DataError as error:
        print(f"the data in data/ has problems:\n{error.report()}", file=sys.stderr)
        return 1
    except ValueError as error:  # a marker or the navigation
        print(f"standalone: {error}", file=sys.stderr)
        return 1
    print(f"standalone: wrote {count} pages into {args.out}/; build it with `mkdocs build -f "
          f"{args.out}/mkdocs.yml` (no hook needed), then index it for search with `python -m "
          f"pagefind --site {args.out}/site`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
