"""MkDocs hook: the only code that speaks MkDocs.

It runs load -> validate before MkDocs cleans site/ (so bad data never costs the last good
build), adds the rendered pages and exports as in-memory files (File.generated: nothing is
written into docs/), and fills the markers <!-- chronology:NAME --> that hand-written pages
use to embed generated parts. Data problems become one PluginError listing all of them.

Generated pages are HTML already, so their bodies skip Python-Markdown: each page's file holds
only its front matter, and on_page_content supplies the body. Under `mkdocs serve --dirty`,
unchanged YAML files are not parsed again, generated pages whose content did not change are not
rebuilt, and the exports are kept from the first build (see chronology/memo.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chronology import memo
from chronology.errors import DataError
from chronology.export import render_exports
from chronology.markup import outline
from chronology.model import Chronology
from chronology.render import fill_markers, iter_pages, split_front_matter
from chronology.validate import load_chronology
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# Pages listed in mkdocs.yml's nav; events, sources, actors and topics are reached through links
# (a navigation listing every event made a 1,000-event site build 6x slower and 18x larger).
IN_NAV = ("phases/", "sources/index.md", "actors/index.md", "topics/index.md",
          "corrections/index.md", "context/index.md", "tracks/index.md", "glossary/index.md")
_state: dict[str, Any] = {"dirty": False}
_NO_TOC = get_toc([])


class _Unchanged(File):
    """A generated file identical to the previous build's: a dirty rebuild may skip it."""

    def is_modified(self) -> bool:
        return False


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "data"


def on_startup(command: str, dirty: bool) -> None:
    _state["dirty"] = dirty


def on_pre_build(config: MkDocsConfig) -> None:
    if not config.use_directory_urls:
        raise PluginError("chronology: set 'use_directory_urls: true'; event URLs are permanent")
    # Whatever a failed build left half-done is dropped: pages it generated may never have been
    # written, so compare with the last good build, and index every rebuilt page again.
    memo.failed()
    _state.pop("built", None)
    try:
        cache = memo.parsed if _state["dirty"] else None
        _state["chronology"] = load_chronology(data_dir(config), cache)
    except DataError as error:
        raise PluginError(f"the data in data/ has problems:\n{error.report()}") from None
    _state["bodies"] = {}


def _add(files: Files, config: MkDocsConfig, path: str, content: str,
         inclusion: InclusionLevel = InclusionLevel.UNDEFINED, *, whole: str | None = None) -> File:
    """Add a generated file; `whole` is what decides whether it changed, if not `content`."""
    unchanged = _state["dirty"] and not memo.changed(path, content if whole is None else whole)
    kind = _Unchanged if unchanged else File
    file = kind.generated(config, path, content=content.encode("utf-8"), inclusion=inclusion)
    files.append(file)
    return file


def on_files(files: Files, config: MkDocsConfig) -> Files:
    chronology: Chronology = _state["chronology"]
    if not (_state["dirty"] and memo.previous):
        # Exports are rebuilt by every full build; a live-reload rebuild skips them (the
        # calendar alone takes longer than the rest of a rebuild) and keeps the first ones.
        _state["exports"] = [
            _add(files, config, path, text) for path, text in
            render_exports(chronology, config.site_url or "", config.site_name).items()]
    for path, markdown in iter_pages(chronology, config.site_name):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"chronology: docs/{path} would hide a generated page; remove it")
        front, body = split_front_matter(markdown)
        # Held as UTF-8 until MkDocs renders the page: a str with one Hangul or Kanji character
        # takes 2 bytes for every character, and all bodies are held at once.
        _state["bodies"][path] = body.encode("utf-8")
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
    return files


def on_page_content(html: str, page: Page, **_: Any) -> str:
    # Handed over to MkDocs and forgotten here, so each body is held once.
    encoded: bytes | None = _state["bodies"].pop(page.file.src_uri, None)
    if encoded is None:
        return html
    body = encoded.decode("utf-8")
    # Python-Markdown made no table of contents: give Material one, for its sidebar and its
    # "Skip to content" link.
    page.toc = get_toc(outline(body))
    return body


def on_page_context(context: Any, page: Page, **_: Any) -> Any:
    # MkDocs writes the exports, with the other static files, before it renders the first page:
    # let go of their text (some 40 MB at 10,000 events).
    for file in _state.pop("exports", ()):
        file.content_bytes = b""
    if _state["dirty"]:
        _state.setdefault("built", set()).add(page.url)
    return context


@event_priority(50)  # before Material's search plugin writes the index
def on_post_build(config: MkDocsConfig) -> None:
    """Under `serve --dirty`, merge the search index of the pages rebuilt into the previous one.

    Material's search keeps the previous build's index for dirty rebuilds but assumes only one
    page was rebuilt; an edited event rebuilds several (its neighbours, phase, sources, actors,
    the home page), so the entries of every rebuilt page are replaced here instead.
    """
    built: set[str] = _state.pop("built", set())
    memo.succeeded()  # pages are written: a later rebuild compares against this one
    search = config.plugins.get("material/search") or config.plugins.get("search")
    previous = getattr(search, "search_index_prev", None)
    if not _state["dirty"] or previous is None:
        return
    kept = [entry for entry in previous.entries
            if entry["location"].partition("#")[0] not in built]
    search.search_index.entries = kept + search.search_index.entries  # type: ignore[union-attr]
    search.search_index_prev = None  # type: ignore[union-attr]


def on_post_page(output: str, page: Page, **_: Any) -> str:
    # The page is written and indexed for search: its body and table of contents are not
    # needed again, and 10,000 of them held to the end of the build would cost ~100 MB.
    if page.file.generated_by is not None:
        page.content = None
        page.toc = _NO_TOC
    return output
