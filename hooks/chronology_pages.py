"""MkDocs hook: the only code that speaks MkDocs.

It runs load -> validate before MkDocs cleans site/ (so bad data never costs the last good
build), adds the rendered pages and exports as in-memory files (File.generated: nothing is
written into docs/), and fills the markers <!-- chronology:NAME --> that hand-written pages
use to embed generated parts. Data problems become one PluginError listing all of them; under
`mkdocs serve` they are shown at the top of every page instead, over the last data that checked.

Generated pages are HTML already, so their bodies skip Python-Markdown: each page's file holds
only its front matter, and on_page_content supplies the body. Under `mkdocs serve --dirty`,
unchanged YAML files are not parsed again, generated pages whose content did not change are not
rebuilt, pages of deleted records are removed, and the exports are kept from the first build.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronology.errors import DataError
from chronology.export import render_exports
from chronology.markup import outline, site_url_problem
from chronology.memo import Memo
from chronology.model import Chronology
from chronology.render import (
    fill_markers,
    iter_pages,
    nav_with_phases,
    render_problem_banner,
    split_front_matter,
)
from chronology.validate import load_chronology
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.hooks.chronology")
# Pages listed in mkdocs.yml's nav; events, sources, actors and topics are reached through links
# (a navigation listing every event made a 1,000-event site build 6x slower and 18x larger).
IN_NAV = ("phases/", "sources/index.md", "actors/index.md", "topics/index.md",
          "corrections/index.md", "context/index.md", "tracks/index.md", "glossary/index.md")
_NO_TOC = get_toc([])


@dataclass
class _Build:
    """What the hook keeps between MkDocs events, and under `serve` between rebuilds."""

    dirty: bool = False  # `serve --dirty`: rebuild only what changed
    serving: bool = False
    chronology: Chronology | None = None
    last_good: Chronology | None = None  # under serve: the last data that checked
    problems: str | None = None  # under serve: the data's problems, shown on every page
    memo: Memo = field(default_factory=Memo)
    bodies: dict[str, bytes] = field(default_factory=dict)  # page bodies until MkDocs renders them
    exports: list[File] = field(default_factory=list)  # until MkDocs has written them
    export_paths: tuple[str, ...] = ()
    rebuilt: set[str] = field(default_factory=set)  # URLs of the pages this dirty build rendered
    pages: set[str] = field(default_factory=set)  # URLs of every page of this build


_build = _Build()


class _Unchanged(File):
    """A generated file identical to the previous build's: a dirty rebuild may skip it."""

    def is_modified(self) -> bool:
        return False


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "data"


def on_startup(command: str, dirty: bool) -> None:
    _build.dirty, _build.serving = dirty, command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problem = site_url_problem(config.site_url or "")
    if problem:
        raise PluginError(f"site_url (SITE_URL): {problem}")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if not config.use_directory_urls:
        raise PluginError("chronology: set 'use_directory_urls: true'; event URLs are permanent")
    # Whatever a failed build left half-done is dropped: pages it generated may never have been
    # written, so compare with the last good build, and index every rebuilt page again.
    _build.memo.failed()
    _build.rebuilt, _build.bodies = set(), {}
    shown = _build.problems
    try:
        _build.chronology = load_chronology(data_dir(config),
                                            _build.memo.parsed if _build.dirty else None)
        _build.last_good, _build.problems = _build.chronology, None
    except DataError as error:
        if not (_build.serving and _build.last_good):
            raise PluginError(f"the data in data/ has problems:\n{error.report()}") from None
        log.error(f"the data in data/ has problems; showing the last good data:\n{error.report()}")
        _build.chronology, _build.problems = _build.last_good, error.report()
    if shown != _build.problems:
        _build.memo.forget()  # the banner appears, changes or goes: every page shows it
    if config.nav is not None:
        try:
            config.nav = nav_with_phases(config.nav, _build.chronology)
        except ValueError as error:
            raise PluginError(f"{Path(config.config_file_path).name}: {error}") from None


def _add(files: Files, config: MkDocsConfig, path: str, content: str,
         inclusion: InclusionLevel = InclusionLevel.UNDEFINED, *, whole: str | None = None) -> File:
    """Add a generated file; `whole` is what decides whether it changed, if not `content`.

    Only pages outside the navigation may be skipped: a page that is not rebuilt has no title,
    and the navigation of every rebuilt page would show it as "None"."""
    unchanged = (_build.dirty and not _build.memo.changed(path, content if whole is None else whole)
                 and inclusion is InclusionLevel.NOT_IN_NAV)
    kind = _Unchanged if unchanged else File
    file = kind.generated(config, path, content=content.encode("utf-8"), inclusion=inclusion)
    files.append(file)
    return file


def on_files(files: Files, config: MkDocsConfig) -> Files:
    chronology = _build.chronology
    assert chronology is not None  # on_pre_build loaded it or raised
    if _build.dirty and _build.memo.previous:
        # A live-reload rebuild keeps the first build's exports (the calendar alone takes
        # longer than the rest of a rebuild).
        for path in _build.export_paths:
            _build.memo.keep(path)
    else:
        exports = render_exports(chronology, config.site_url or "", config.site_name)
        _build.export_paths = tuple(exports)
        _build.exports = [_add(files, config, path, text) for path, text in exports.items()]
    for path, markdown in iter_pages(chronology, config.site_name):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"chronology: docs/{path} would hide a generated page; remove it")
        front, body = split_front_matter(markdown)
        # Held as UTF-8 until MkDocs renders the page: a str with one Hangul or Kanji character
        # takes 2 bytes for every character, and all bodies are held at once.
        _build.bodies[path] = body.encode("utf-8")
        inclusion = (InclusionLevel.INCLUDED if path.startswith(IN_NAV)
                     else InclusionLevel.NOT_IN_NAV)
        _add(files, config, path, front, inclusion, whole=markdown)
    for file in list(files.documentation_pages()):
        if file.generated_by is not None:
            continue
        text = file.content_string  # read from disk at each access: once is enough
        if "chronology:" in text:
            files.remove(file)
            here = "" if file.url in {"./", "."} else file.url  # MkDocs calls the home "./"
            try:
                filled = fill_markers(text, chronology, here)
            except ValueError as error:
                raise PluginError(f"docs/{file.src_uri}: {error}") from None
            _add(files, config, file.src_uri, filled, file.inclusion)
    _build.pages = {file.url for file in files.documentation_pages()}
    return files


def on_page_content(html: str, page: Page, **_: Any) -> str:
    # Handed over to MkDocs and forgotten here, so each body is held once.
    encoded = _build.bodies.pop(page.file.src_uri, None)
    if encoded is not None:
        html = encoded.decode("utf-8")
        # Python-Markdown made no table of contents: give Material one, for its sidebar and its
        # "Skip to content" link.
        page.toc = get_toc(outline(html))
    if _build.problems:
        html = render_problem_banner(_build.problems) + html
    return html


def on_page_context(context: Any, page: Page, **_: Any) -> Any:
    # MkDocs writes the exports, with the other static files, before it renders the first page:
    # let go of their text (some 40 MB at 10,000 events).
    for file in _build.exports:
        file.content_bytes = b""
    _build.exports = []
    if _build.dirty:
        _build.rebuilt.add(page.url)
    return context


@event_priority(50)  # before Material's search plugin writes the index
def on_post_build(config: MkDocsConfig) -> None:
    """Under `serve --dirty`, remove the pages of deleted records, and merge the search index of
    the pages rebuilt into the previous one.

    Material's search keeps the previous build's index for dirty rebuilds but assumes only one
    page was rebuilt; an edited event rebuilds several (its neighbours, phase, sources, actors,
    the home page), so the entries of every rebuilt page are replaced here instead, and those
    of pages that are gone are dropped.
    """
    gone = _build.memo.succeeded()  # pages are written: a later rebuild compares against this one
    if not _build.dirty:
        return
    for path in gone:
        _remove_output(File.generated(config, path, content=b"").abs_dest_path,
                       Path(config.site_dir))
    # Material's search plugin internals (9.x): `search_index_prev` is the previous build's
    # index, kept for dirty builds. If they are not there, say so rather than serve duplicates.
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not hasattr(search, "search_index_prev"):
        log.warning("chronology: Material's search plugin has changed; search results may show "
                    "stale pages until `make serve` is restarted")
        return
    previous = search.search_index_prev
    if previous is None:
        return
    kept = [entry for entry in previous.entries
            if (url := entry["location"].partition("#")[0]) not in _build.rebuilt
            and url in _build.pages]
    search.search_index.entries = kept + search.search_index.entries
    search.search_index_prev = None


def _remove_output(written: str, site_dir: Path) -> None:
    """Delete a page a previous build wrote, and the folders it leaves empty."""
    path = Path(written)
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site_dir or site_dir not in folder.parents or any(folder.iterdir()):
            break
        folder.rmdir()


def on_post_page(output: str, page: Page, **_: Any) -> str:
    # The page is written and indexed for search: its body and table of contents are not
    # needed again, and 10,000 of them held to the end of the build would cost ~100 MB.
    if page.file.generated_by is not None:
        page.content = None
        page.toc = _NO_TOC
    return output
