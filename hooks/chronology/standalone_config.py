"""The plain project's configurations (`make standalone`): each edition's, as MkDocs would read
it (INHERIT, !ENV), written without the hook and with what the hook would have given MkDocs;
and where the project keeps each page. No MkDocs import, no I/O but reading the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .languages import ENGLISH, LANGUAGES, Language
from .model import Chronology
from .render import nav_with_phases, translated_nav
from .theme import theme_extra

NOT_IN_NAV = ("events", "sources", "actors", "topics")
SITE = "site"  # the built site, beside the configurations: never touched here
# The Markdown extension that gives pages written as HTML their table of contents: a module of
# the plain project (the engine imports it from the project's folder: run it there, or put the
# folder on PYTHONPATH).
TOC_EXTENSION = "chronology_toc"
HEADER = ("# Written by `make standalone` from the chronology's data: a plain MkDocs project,\n"
          "# no hook needed. Edit the data and write it again rather than editing this.\n")


class _Env:
    """An `!ENV [NAME, default]` value of mkdocs.yml."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def resolve(self, environ: dict[str, str]) -> str:
        names = self.value if isinstance(self.value, list) else [self.value]
        *variables, default = names if len(names) > 1 else [*names, None]
        for name in variables:
            if environ.get(name):
                return environ[name]
        return default or ""


class _ConfigLoader(yaml.SafeLoader):
    pass


def _load_env(loader: yaml.SafeLoader, node: yaml.Node) -> _Env:
    if isinstance(node, yaml.SequenceNode):
        return _Env(loader.construct_sequence(node))
    return _Env(loader.construct_scalar(node))  # type: ignore[arg-type]


_ConfigLoader.add_constructor("!ENV", _load_env)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader) or {}


def merged(base: dict[str, Any], edition: dict[str, Any]) -> dict[str, Any]:
    """What MkDocs reads for a configuration that INHERITs `base`: mappings merged key by key,
    anything else the edition's."""
    result = dict(base)
    for key, value in edition.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


@dataclass(frozen=True)
class Edition:
    """One edition as the hook sees it in its configuration (chronology_pages.on_config)."""

    language: Language
    config: dict[str, Any]  # the edition's configuration, INHERIT resolved
    site_url: str  # its published address ("" when unknown)
    site_root: str  # the English edition's

    @property
    def lang(self) -> str:
        return self.language.code

    @property
    def repository(self) -> str:
        return str((self.config.get("extra") or {}).get("repository") or "")

    @property
    def docs(self) -> str:  # its docs folder in the project
        return "docs" if self.language is ENGLISH else f"docs-{self.lang}"

    @property
    def config_name(self) -> str:
        return "mkdocs.yml" if self.language is ENGLISH else f"mkdocs.{self.lang}.yml"


def editions(project: Path, environ: dict[str, str]) -> list[Edition]:
    english = read_config(project / "mkdocs.yml")
    site_root = english.get("site_url", "")
    if isinstance(site_root, _Env):
        site_root = site_root.resolve(environ)
    found = []
    for language in LANGUAGES:
        config = english
        if language is not ENGLISH:
            own = project / f"mkdocs.{language.code}.yml"
            # As hooks/build_site.py configures an edition that has no file of its own.
            config = merged(english, read_config(own) if own.exists() else {
                "theme": {"language": language.theme}, "extra": {"edition": language.code}})
            config.pop("INHERIT", None)
        # The repository that takes reports (extra.repository): !ENV, read now, as MkDocs does.
        extra = dict(config.get("extra") or {})
        if isinstance(extra.get("repository"), _Env):
            extra["repository"] = extra["repository"].resolve(environ)
            config = {**config, "extra": extra}
        site_url = site_root
        if language is not ENGLISH and site_url:
            site_url = site_url.rstrip("/") + f"/{language.code}/"
        found.append(Edition(language, config, site_url, site_root))
    return found


def edition_config(edition: Edition, chronology: Chronology, table: dict[str, str]) -> str:
    """The edition's configuration: the English's without the hook, with what the hook would
    have given MkDocs; an edition's says only what differs, and INHERITs the English's."""
    config = dict(edition.config)
    for key in ("hooks", "watch", "INHERIT"):
        config.pop(key, None)
    config["site_url"] = edition.site_url
    config["docs_dir"] = edition.docs
    config["site_dir"] = SITE if edition.language is ENGLISH else f"{SITE}/{edition.language.folder}"
    if "custom_dir" in config.get("theme", {}):
        config["theme"] = {**config["theme"], "custom_dir": "overrides"}
    extra = {key: value for key, value in config.get("extra", {}).items() if key != "nav_titles"}
    config["extra"] = {**extra, **theme_extra(edition.lang, table)}
    nav = nav_with_phases(config["nav"], chronology)
    nav = translated_nav(nav, edition.config.get("extra", {}).get("nav_titles") or {})
    config["nav"] = _folder_pages(nav)
    # The generated pages are HTML: their tables of contents from their headings, as the hook
    # gives MkDocs (chronology/html_toc.py, copied beside this file as chronology_toc.py).
    config["markdown_extensions"] = [*config.get("markdown_extensions", []), TOC_EXTENSION]
    # Pages reached through links, not the navigation (the hook marks them so itself).
    config["not_in_nav"] = "\n".join(f"/{folder}/" for folder in NOT_IN_NAV) + "\n"
    if edition.language is not ENGLISH:
        config = {"INHERIT": "mkdocs.yml", **{key: value for key, value in config.items()
                                               if key in ("site_name", "site_description", "site_url",
                                                          "copyright", "docs_dir", "site_dir",
                                                          "theme", "extra", "nav")}}
        config["theme"] = {"language": edition.config["theme"]["language"]}
    return HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def folder_page(path: str) -> str:
    """Where the plain project keeps a page: in the folder of its address (events/x.md at
    events/x/index.md), so that a link relative to the page's address is also relative to its
    file. Zensical reads every relative link in a page, raw HTML's too, as relative to the
    page's file; MkDocs leaves raw HTML alone. Either way, the address is the same."""
    if not path.endswith(".md") or path == "index.md" or path.endswith("/index.md"):
        return path
    return path.removesuffix(".md") + "/index.md"


def _folder_pages(nav: Any) -> Any:
    """The navigation with each page where folder_page keeps it."""
    if isinstance(nav, list):
        return [_folder_pages(entry) for entry in nav]
    if isinstance(nav, dict):
        return {title: _folder_pages(entry) for title, entry in nav.items()}
    return folder_page(nav) if isinstance(nav, str) else nav
