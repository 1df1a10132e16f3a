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
from pathlib import Path

import yaml

from .errors import DataError, Problem
from .export import render_exports
from .handwritten import read_page
from .handwritten_html import Edition as PageEdition
from .handwritten_html import finished_html
from .history import History, read_history
from .html_toc import toc_comment
from .languages import ENGLISH, LANGUAGES
from .markdown_page import file_url, render_markdown
from .messages import Messages
from .model import Chronology
from .publication import Publication
from .render import (
    MARKERS,
    iter_pages,
    iter_redirects,
    split_front_matter,
)
from .render.search import searchable, vocabulary
from .sitemap import SITEMAP, SITEMAP_GZ, build_date, sitemap_files
from .standalone_config import SITE, TOC_EXTENSION, Edition, edition_config, editions, folder_page
from .translations import TRANSLATED_PAGE
from .translations.localize import messages
from .translations.specs import fingerprint
from .urls import SEARCH_VOCABULARY, path_url
from .validate import load_chronology

# Each edition's sitemap, written whole by chronology/sitemap.py, as the theme's sitemap.xml:
# a generator writes the theme's sitemap.xml whatever a file of the same name holds (MkDocs
# after the files, Zensical even when it is empty), so here the theme includes the edition's.
SITEMAP_TEMPLATE = "partials/sitemap-{}.html"  # .html: MkDocs copies a theme's other files
SITEMAP_INCLUDE = """{#- By `make standalone`: the edition's sitemap, whole (chronology/sitemap.py). -#}
{% include "partials/sitemap-" ~ config.extra.edition ~ ".html" %}"""


def hand_written_pages(project: Path, chronology: Chronology, edition: Edition, words: Messages,
                       files: Mapping[str, str], publication: Publication | None = None
                       ) -> Iterator[tuple[str, str]]:
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
            english=fingerprint(english) if translated else None, publication=publication))
        problems += found
        meta = page.theme_meta()
        if heading is not None:
            meta.setdefault("title", heading)  # MkDocs' title: its first heading's
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, width=1000)}---\n" if meta else ""
        yield uri, f"{front}{toc_comment(toc)}\n\n{searchable(here, html)}"
    if problems:
        raise DataError(problems)


def edition_files(project: Path, chronology: Chronology, edition: Edition, date: str,
                  history: History | None = None) -> dict[str, bytes]:
    """Every file of the edition's docs folder, by its path there."""
    lang = edition.lang
    table = messages(chronology, lang)
    words = Messages(lang, table)
    site_name = edition.config.get("site_name", "")
    publication = Publication(name=site_name, base=edition.site_url,
                              repository=edition.repository, history=history or History())
    files: dict[str, str] = {}
    for path, markdown in iter_pages(chronology, site_name, lang, publication):
        front, body = split_front_matter(markdown)  # marked for search, as the hook marks it
        files[path] = front + searchable(path_url(path), body)
    files[SEARCH_VOCABULARY] = vocabulary(chronology, lang)
    files.update(iter_redirects(chronology, lang))
    files.update(render_exports(chronology, edition.site_url, site_name, lang))
    docs = project / "docs"
    assets = {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*"))
              if p.is_file() and p.suffix != ".md"}  # the scripts, styles and images
    written_pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                     if not TRANSLATED_PAGE.search(p.name)]
    addresses = {path: file_url(path) for path in [*files, *assets, *written_pages]}
    files.update(hand_written_pages(project, chronology, edition, words, addresses, publication))
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
    history = read_history(project, environ=environ)  # as the hook reads it
    files: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    for edition in editions(project, environ):
        docs = edition_files(project, chronology, edition, date, history)
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
    steps = " && ".join(
        f"python -m mkdocs build -f {'mkdocs.yml' if not lang.folder else f'mkdocs.{lang.code}.yml'}"
        f" && python -m pagefind --site {SITE}/{lang.folder}".rstrip("/") for lang in LANGUAGES)
    print(f"standalone: {pages} pages in {args.out}/; {written} files written, {removed} removed "
          f"(the others were unchanged). Build it with no hook from its folder (its Markdown "
          f"extension, {TOC_EXTENSION}.py, is there), the English first, each edition indexed for "
          f"search before the next is built: cd {args.out} && {steps} "
          "(tests/engines/standalone_build.py does this with any generator)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
