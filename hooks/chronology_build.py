"""MkDocs-facing pieces of the hook (hooks/chronology_pages.py): the state it keeps between
MkDocs events, adding generated files, and what live reload (`mkdocs serve --dirty`) needs —
skipping unchanged pages, removing the pages of deleted records. Like the hook, this speaks
MkDocs; the core (hooks/chronology/) does not.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronology import markup
from chronology.export import render_exports
from chronology.memo import Memo
from chronology.model import Chronology
from chronology.render import fill_markers, has_markers, iter_pages, iter_redirects, split_front_matter
from chronology.render.fragments import edition_credit, edition_note
from chronology.render.messages import Messages
from chronology.render.search import vocabulary
from chronology.translations import TRANSLATED_PAGE
from chronology.translations.specs import fingerprint
from chronology.urls import IN_NAV, SEARCH_VOCABULARY, path_url
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

log = logging.getLogger("mkdocs.hooks.chronology")


@dataclass
class Build:
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
    lang: str = "en"  # the edition (mkdocs.yml's extra.edition)
    untranslated: set[str] = field(default_factory=set)  # hand-written pages shown in English
    translated: dict[str, str] = field(default_factory=dict)  # those translated: the English's `of`
    words: Messages = field(default_factory=Messages)  # the edition's words, once the data is read

    def add(self, files: Files, config: MkDocsConfig, path: str, content: str,
            inclusion: InclusionLevel = InclusionLevel.UNDEFINED, *,
            whole: str | None = None) -> File:
        """Add a generated file; `whole` is what decides whether it changed, if not `content`.

        Only pages outside the navigation may be skipped: a page that is not rebuilt has no
        title, and the navigation of every rebuilt page would show it as "None"."""
        unchanged = (self.dirty and not self.memo.changed(path, content if whole is None else whole)
                     and inclusion is InclusionLevel.NOT_IN_NAV)
        kind = _Unchanged if unchanged else File
        file = kind.generated(config, path, content=content.encode("utf-8"), inclusion=inclusion)
        files.append(file)
        return file

    def add_exports(self, files: Files, config: MkDocsConfig) -> None:
        assert self.chronology is not None
        if self.dirty and self.memo.previous:
            # A live-reload rebuild keeps the first build's exports (the calendar alone takes
            # longer than the rest of a rebuild).
            for path in self.export_paths:
                self.memo.keep(path)
            return
        exports = render_exports(self.chronology, config.site_url or "", config.site_name)
        self.export_paths = tuple(exports)
        self.exports = [self.add(files, config, path, text) for path, text in exports.items()]

    def add_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Every generated page (its front matter; the body waits in `bodies`), and a page at
        every former address of a renamed record. ValueError if docs/ holds one already."""
        assert self.chronology is not None
        for path, markdown in iter_pages(self.chronology, config.site_name, self.lang):
            if files.get_file_from_path(path) is not None:
                raise ValueError(f"docs/{path} would hide a generated page; remove it")
            front, body = split_front_matter(markdown)
            # Held as UTF-8 until MkDocs renders the page: a str with one Hangul or Kanji
            # character takes 2 bytes for every character, and all bodies are held at once.
            self.bodies[path] = body.encode("utf-8")
            listed = path.startswith(IN_NAV)
            self.add(files, config, path, front,
                     InclusionLevel.INCLUDED if listed else InclusionLevel.NOT_IN_NAV, whole=markdown)
        self.add(files, config, SEARCH_VOCABULARY, vocabulary(self.chronology, self.lang))
        for path, page in iter_redirects(self.chronology, self.lang):
            if files.get_file_from_path(path) is not None:
                raise ValueError(f"docs/{path} would hide a redirect; remove it")
            self.add(files, config, path, page)

    def fill_hand_written_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Hand-written pages in the edition's language, with markers (<!-- chronology:NAME -->)
        filled in. A page's translation is docs/<name>.<lang>.md beside it: in the edition
        `lang` it takes the page's place (and address); every edition leaves the other
        languages' files out. A page with no translation is the English, marked (`untranslated`)."""
        assert self.chronology is not None
        self.untranslated, self.translated = set(), {}
        pages = [f for f in files.documentation_pages() if f.generated_by is None]
        translations = {}
        for file in pages:
            if TRANSLATED_PAGE.search(file.src_uri):
                files.remove(file)
                translations[file.src_uri] = file
        for file in [f for f in pages if not TRANSLATED_PAGE.search(f.src_uri)]:
            text = file.content_string  # read from disk at each access: once is enough
            translation = None
            if self.lang != "en":
                own = translations.get(f"{file.src_uri.removesuffix('.md')}.{self.lang}.md")
                if own is not None:
                    translation = own.content_string
                    self.translated[file.src_uri] = fingerprint(text)
                else:
                    self.untranslated.add(file.src_uri)
            if translation is None and not has_markers(text):
                continue
            files.remove(file)
            here = "" if file.url in {"./", "."} else file.url  # MkDocs calls the home "./"
            try:
                filled = fill_markers(translation or text, self.chronology, here, self.lang)
            except ValueError as error:
                raise ValueError(f"docs/{file.src_uri}: {error}") from None
            self.add(files, config, file.src_uri, filled, file.inclusion)


def hand_written_in_edition(build: Build, src_uri: str, meta: Mapping[str, Any], html: str) -> str:
    """A hand-written page in a Korean or Japanese edition: its translation with who made it
    (front matter `translation: {by, how, reviewed, of}`, `of` checked against the English page),
    or, with no translation, the English page marked as such (lang="en" and a note)."""
    words = build.words
    if src_uri in build.untranslated:
        return (edition_note(words, ["edition.note.untranslated"])
                + f'\n<div lang="en">{html}</div>')
    given = meta.get("translation")
    given = given if isinstance(given, dict) else {}
    made = markup.Localized("", build.lang, by=str(given.get("by") or "?"),
                            how=str(given.get("how") or ""),
                            reviewed=str(given.get("reviewed") or "") or False)
    note = ""
    if str(given.get("of", "")) != build.translated[src_uri]:
        note = edition_note(words, ["edition.note.stale-page"]) + "\n"
    return f"{note}{html}\n{edition_credit(words, path_url(src_uri), [made])}"


class _Unchanged(File):
    """A generated file identical to the previous build's: a dirty rebuild may skip it."""

    def is_modified(self) -> bool:
        return False


def remove_pages(config: MkDocsConfig, paths: set[str]) -> None:
    """Delete the pages a previous build wrote for these docs paths, and the folders they leave
    empty (a dirty build never cleans site/)."""
    site_dir = Path(config.site_dir)
    for docs_path in paths:
        written = Path(File.generated(config, docs_path, content=b"").abs_dest_path)
        written.unlink(missing_ok=True)
        for folder in written.parents:
            if folder == site_dir or site_dir not in folder.parents or any(folder.iterdir()):
                break
            folder.rmdir()


def theme_search(config: MkDocsConfig) -> Any | None:
    """The config of Material's search plugin, if it is there as Material 9 has it.

    The plugin stays for its search box in the header (Material shows the box while the
    plugin's `enabled` is true); its own index goes unused (the search is Pagefind's). So the hook
    turns `enabled` off after each page is written and on again before the next page's template
    is rendered: every page but the first skips Material's parsing of its HTML (about a fifth of
    a rebuild under `make serve`), and the theme's own pages (404), rendered first, keep the box."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    search = getattr(plugin, "config", None)
    return search if isinstance(getattr(search, "enabled", None), bool) else None
