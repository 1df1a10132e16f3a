"""Write the whole site as a plain MkDocs project that needs no hook: `make standalone`.

Material for MkDocs reaches end of life in 2027, MkDocs 2.0 drops plugins, and generators that
read mkdocs.yml (Zensical, ProperDocs) may ignore `hooks:`. This writes every edition — its
generated pages and exports, its hand-written pages (the edition's translation, or the English
marked as such) with their markers filled, its sitemap — into a docs folder of its own, one
configuration per edition (mkdocs.yml for the English; mkdocs.<lang>.yml, which INHERITs it,
for each other), and the theme overrides once, into one folder that any MkDocs-compatible
generator can build:

    OUT/mkdocs.yml        docs/        -> OUT/site/
    OUT/mkdocs.ko.yml     docs-ko/     -> OUT/site/ko/       (the English first: it cleans site/)
    OUT/overrides/        the theme's templates, which read what they need from `extra`

What the hook gives MkDocs at build time is written in: the navigation with the data's phases,
in the edition's words; the language selector, the theme's words and the scripts' messages
(extra: chronology/theme.py); the published address (SITE_URL, read now, as the build reads it).
Only files whose bytes changed are written, and files no longer part of the project removed
(OUT/site/ is left alone), so a generator's own change detection sees only real changes.
Everything is checked first; nothing is written if the data or a page has problems. No MkDocs
import: what the engine must do itself (Markdown, the layout) is left to it.

    python -m chronology.standalone OUT [--project DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem
from .export import render_exports
from .handwritten import read_page
from .handwritten_html import Edition as PageEdition
from .handwritten_html import finished_html
from .html_toc import toc_comment
from .languages import ENGLISH, LANGUAGES, Language
from .markdown_page import file_url, render_markdown
from .messages import Messages
from .model import Chronology
from .render import (
    MARKERS,
    iter_pages,
    iter_redirects,
    nav_with_phases,
    split_front_matter,
    translated_nav,
)
from .render.search import searchable, vocabulary
from .sitemap import SITEMAP, SITEMAP_GZ, build_date, sitemap_files
from .theme import theme_extra
from .translations import TRANSLATED_PAGE
from .translations.localize import messages
from .translations.specs import fingerprint
from .urls import SEARCH_VOCABULARY, path_url
from .validate import load_chronology

NOT_IN_NAV = ("events", "sources", "actors", "topics")
SITE = "site"  # the built site, beside the configurations: never touched here
# Each edition's sitemap, written whole by chronology/sitemap.py, as the theme's sitemap.xml:
# a generator writes the theme's sitemap.xml whatever a file of the same name holds (MkDocs
# after the files, Zensical even when it is empty), so here the theme includes the edition's.
SITEMAP_TEMPLATE = "partials/sitemap-{}.html"  # .html: MkDocs copies a theme's other files
SITEMAP_INCLUDE = """{#- By `make standalone`: the edition's sitemap, whole (chronology/sitemap.py). -#}
{% include "partials/sitemap-" ~ config.extra.edition ~ ".html" %}"""
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
                                                          "docs_dir", "site_dir", "theme", "extra",
                                                          "nav")}}
        config["theme"] = {"language": edition.config["theme"]["language"]}
    return HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def hand_written_pages(project: Path, chronology: Chronology, edition: Edition, words: Messages,
                       files: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """The edition's hand-written pages as the hook makes them (chronology_build: the page or
    its translation, read and checked; handwritten_html: after Markdown), Markdown rendered here
    (markdown_page.py): HTML, marked for search, headed by its table of contents for the engine's
    Markdown extension (html_toc). `files`: the site's files' addresses by docs path, for links.
    DataError lists the problems."""
    docs = project / "docs"
    extensions = edition.config.get("markdown_extensions", [])
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        uri = path.relative_to(docs).as_posix()
        if TRANSLATED_PAGE.search(uri):
            continue
        text = english = path.read_text("utf-8")
        own = path.with_name(f"{path.stem}.{edition.lang}.md")
        translated = edition.language is not ENGLISH and own.exists()
        if translated:
            text = own.read_text("utf-8")
        shown = f"docs/{own.relative_to(docs).as_posix() if translated else uri}"
        page, found = read_page(shown, text, translated=translated, known_markers=MARKERS)
        problems += found
        if page is None:
            continue
        here = path_url(uri)
        body = "\n" + page.body if page.body.startswith("---") else page.body  # as the hook gives it
        html, toc, heading = render_markdown(body, uri, files, extensions)
        html, _, found = finished_html(page, html, chronology, here, PageEdition(
            edition.lang, words, untranslated=edition.language is not ENGLISH and not translated,
            english=fingerprint(english) if translated else None))
        problems += found
        meta = page.theme_meta()
        if heading is not None:
            meta.setdefault("title", heading)  # MkDocs' title: its first heading's
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, width=1000)}---\n" if meta else ""
        yield uri, f"{front}{toc_comment(toc)}\n\n{searchable(here, html)}"
    if problems:
        raise DataError(problems)


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


def edition_files(project: Path, chronology: Chronology, edition: Edition, date: str
                  ) -> dict[str, bytes]:
    """Every file of the edition's docs folder, by its path there."""
    lang = edition.lang
    table = messages(chronology, lang)
    words = Messages(lang, table)
    site_name = edition.config.get("site_name", "")
    files: dict[str, str] = {}
    for path, markdown in iter_pages(chronology, site_name, lang):
        front, body = split_front_matter(markdown)  # marked for search, as the hook marks it
        files[path] = front + searchable(path_url(path), body)
    files[SEARCH_VOCABULARY] = vocabulary(chronology, lang)
    files.update(iter_redirects(chronology, lang))
    files.update(render_exports(chronology, edition.site_url, site_name))
    docs = project / "docs"
    assets = {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*"))
              if p.is_file() and p.suffix != ".md"}  # the scripts, styles and images
    written_pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                     if not TRANSLATED_PAGE.search(p.name)]
    addresses = {path: file_url(path) for path in [*files, *assets, *written_pages]}
    files.update(hand_written_pages(project, chronology, edition, words, addresses))
    written = {folder_page(path): text.encode("utf-8") for path, text in files.items()}
    urls = [path_url(path) for path in files if path.endswith(".md")]
    # The sitemap is the theme's to write here (project_files); its gzipped copy, a file.
    sitemap = sitemap_files(urls, edition.site_url, edition.site_root, date)
    written[SITEMAP_GZ], written[SITEMAP_TEMPLATE.format(edition.lang)] = \
        sitemap[SITEMAP_GZ], sitemap[SITEMAP]
    for name, asset in assets.items():
        written.setdefault(name, asset.read_bytes())
    return written


def project_files(project: Path, environ: dict[str, str]) -> tuple[dict[str, bytes], dict[str, int]]:
    """Every file of the plain project by its path in it, and each edition's number of pages."""
    chronology = load_chronology(project / "data")
    date = build_date(environ)
    files: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    for edition in editions(project, environ):
        docs = edition_files(project, chronology, edition, date)
        sitemap = SITEMAP_TEMPLATE.format(edition.lang)
        files[f"overrides/{sitemap}"] = docs.pop(sitemap)
        pages[edition.lang] = sum(1 for path in docs if path.endswith(".md"))
        files.update({f"{edition.docs}/{path}": content for path, content in docs.items()})
        table = messages(chronology, edition.lang)
        files[edition.config_name] = edition_config(edition, chronology, table).encode("utf-8")
    files[f"{TOC_EXTENSION}.py"] = (Path(__file__).parent / "html_toc.py").read_bytes()
    theme = project / "hooks" / "theme"
    for template in sorted(theme.rglob("*")) if theme.is_dir() else ():
        if template.is_file():
            files[f"overrides/{template.relative_to(theme).as_posix()}"] = template.read_bytes()
    files[f"overrides/{SITEMAP}"] = SITEMAP_INCLUDE.encode("utf-8")
    return files, pages


def sync(files: dict[str, bytes], out: Path) -> tuple[int, int]:
    """Make `out` hold exactly `files` (but its site/), writing only those whose bytes changed;
    the numbers of files written and removed."""
    written = removed = 0
    for relative, content in files.items():
        target = out / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(content)
        partial.replace(target)  # a generator watching the folder never reads half a file
        written += 1
    if out.is_dir():
        for found in sorted(out.rglob("*"), reverse=True):  # files before their folders
            relative = found.relative_to(out).as_posix()
            if relative == SITE or relative.startswith(SITE + "/") or relative in files:
                continue
            if found.is_dir():
                if not any(found.iterdir()):
                    found.rmdir()
            else:
                found.unlink()
                removed += 1
    return written, removed


def write_standalone(project: Path, out: Path, environ: dict[str, str] | None = None
                     ) -> dict[str, int]:
    """Write the plain project into `out`; each edition's number of pages."""
    files, pages = project_files(project, dict(os.environ if environ is None else environ))
    written, removed = sync(files, out)
    pages["written"], pages["removed"] = written, removed
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the site as a plain MkDocs project.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    try:
        counts = write_standalone(args.project, args.out)
    except DataError as error:
        print(f"the data in data/ or the pages in docs/ have problems:\n{error.report()}",
              file=sys.stderr)
        return 1
    except ValueError as error:  # a marker or the navigation
        print(f"standalone: {error}", file=sys.stderr)
        return 1
    written, removed = counts.pop("written"), counts.pop("removed")
    pages = ", ".join(f"{lang} {count}" for lang, count in counts.items())
    configs = ["mkdocs.yml" if lang == ENGLISH.code else f"mkdocs.{lang}.yml" for lang in counts]
    builds = " && ".join(f"mkdocs build -f {args.out}/{config}" for config in configs)
    print(f"standalone: {pages} pages in {args.out}/; {written} files written, {removed} removed "
          f"(the others were unchanged). Build it, the English first, with no hook: {builds}; "
          f"then index it for search: python -m pagefind --site {args.out}/{SITE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
