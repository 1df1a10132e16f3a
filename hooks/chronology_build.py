"""MkDocs-facing pieces of the hook (hooks/chronology_pages.py): the state it keeps between
MkDocs events, adding generated files, and what live reload (`mkdocs serve --dirty`) needs —
skipping unchanged pages, removing the pages of deleted records. Like the hook, this speaks
MkDocs; the core (hooks/chronology/) does not.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronology.errors import Problem
from chronology.export import render_exports
from chronology.handwritten import HandWritten, read_page
from chronology.handwritten_html import Edition, finished_html
from chronology.history import History
from chronology.memo import Memo
from chronology.messages import Messages
from chronology.model import Chronology
from chronology.publication import Publication
from chronology.render import MARKERS, iter_pages, iter_redirects, split_front_matter
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
    site_root: str = ""  # the English edition's published address (SITE_URL), or ""
    untranslated: set[str] = field(default_factory=set)  # hand-written pages shown in English
    translated: dict[str, str] = field(default_factory=dict)  # those translated: the English's `of`
    words: Messages = field(default_factory=Messages)  # the edition's words, once the data is read
    hand_written: dict[str, HandWritten] = field(default_factory=dict)  # docs/ pages, checked
    watcher: EditWatcher = field(default_factory=lambda: EditWatcher())  # under serve
    history: History = field(default_factory=History)  # when each data file last changed

    def publication(self, config: MkDocsConfig) -> Publication:
        """What the pages say of the site itself: its name and address, its repository, its
        version and the history of its data."""
        return Publication(name=config.site_name, base=config.site_url or "",
                           repository=config.extra.get("repository") or "", history=self.history)

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
        exports = render_exports(self.chronology, config.site_url or "", config.site_name,
                                 self.lang)
        self.export_paths = tuple(exports)
        self.exports = [self.add(files, config, path, text) for path, text in exports.items()]

    def add_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Every generated page (its front matter; the body waits in `bodies`), and a page at
        every former address of a renamed record. ValueError if docs/ holds one already."""
        assert self.chronology is not None
        for path, markdown in iter_pages(self.chronology, config.site_name, self.lang,
                                         self.publication(config)):
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

    def read_hand_written_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Hand-written pages in the edition's language, checked (chronology/handwritten.py).

        A page's translation is docs/<name>.<lang>.md beside it: in the edition `lang` it takes
        the page's place (and address); every edition leaves the other languages' files out. A
        page with no translation is the English, marked (`untranslated`). Each page is given to
        MkDocs as its body alone: its front matter is ours to read (MkDocs' reader drops a broken
        one silently and hands any key to the theme). Problems: PageError, listing them all."""
        self.untranslated, self.translated, self.hand_written = set(), {}, {}
        pages = [f for f in files.documentation_pages() if f.generated_by is None]
        translations = {f.src_uri: f for f in pages if TRANSLATED_PAGE.search(f.src_uri)}
        problems: list[Problem] = []
        english = {f.src_uri: f for f in pages if f.src_uri not in translations}
        for uri, file in translations.items():
            files.remove(file)
            original = TRANSLATED_PAGE.sub(".md", uri)
            if original not in english:
                problems.append(Problem(f"docs/{uri}", 1, f"a translation of docs/{original}, "
                                        "which does not exist: name it after an English page in "
                                        "docs/ (about.ko.md translates about.md), or delete it"))
        for uri, file in english.items():
            text = _read_page(file, problems)
            own = translations.get(f"{uri.removesuffix('.md')}.{self.lang}.md")
            if self.lang != "en" and own is None:
                self.untranslated.add(uri)
            if own is not None and self.lang != "en":
                if text is not None:
                    self.translated[uri] = fingerprint(text)
                file, text = own, _read_page(own, problems)
            if text is None:
                continue
            page, found = read_page(f"docs/{file.src_uri}", text, translated=file is own,
                                    known_markers=MARKERS)
            problems += found
            if page is None:
                continue
            self.hand_written[uri] = page
            files.remove(english[uri])
            # MkDocs would read a body that starts with `---` as front matter of its own.
            body = "\n" + page.body if page.body.startswith("---") else page.body
            self.add(files, config, uri, body, english[uri].inclusion)
        if problems:
            raise PageError(problems)

    def hand_written_html(self, src_uri: str, html: str, config: MkDocsConfig
                          ) -> tuple[str, set[str]]:
        """A hand-written page's HTML as Markdown made it: checked (PageError), its markers
        filled with the generated parts, and, in an edition, who translated it or that it is
        not translated (chronology/handwritten_html.py). Also the ids the generated parts bring
        (links to them are checked)."""
        assert self.chronology is not None
        edition = Edition(self.lang, self.words, untranslated=src_uri in self.untranslated,
                          english=self.translated.get(src_uri),
                          publication=self.publication(config))
        html, ids, problems = finished_html(self.hand_written[src_uri], html, self.chronology,
                                            path_url(src_uri), edition)
        if problems:
            raise PageError(problems)
        return html, ids


class PageError(Exception):
    """Problems of hand-written pages (docs/), listed as the data's are."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        super().__init__("\n".join([*map(str, self.problems), f"{count} problem"
                                    f"{'' if count == 1 else 's'} in docs/; the site was not built."]))


def _read_page(file: File, problems: list[Problem]) -> str | None:
    try:
        return file.content_string  # read from disk at each access: once is enough
    except UnicodeDecodeError as error:
        problems.append(Problem(f"docs/{file.src_uri}", 1, f"not UTF-8 (byte {error.start:,}): "
                                "save the file as UTF-8"))
    except OSError as error:
        problems.append(Problem(f"docs/{file.src_uri}", 1, f"cannot be read ({error.strerror}); "
                                "check that it exists and that you may read it"))
    return None


class TranslatedNames(logging.Filter):
    """MkDocs names a translated page by the English page's file, whose place and address the
    translation takes (`Doc file 'about.md' contains a link ...` for a link in about.ko.md):
    name the file that holds the words instead."""

    def __init__(self, build: Build) -> None:
        super().__init__()
        self.build = build

    def filter(self, record: logging.LogRecord) -> bool:
        if self.build.translated and isinstance(record.msg, str) and "Doc file '" in record.msg:
            for uri in self.build.translated:
                translated = f"{uri.removesuffix('.md')}.{self.build.lang}.md"
                record.msg = record.msg.replace(f"Doc file '{uri}'", f"Doc file '{translated}'")
        return True


class EditWatcher:
    """Under `mkdocs serve`: MkDocs' own watcher polls file times and sizes, so an edit that
    keeps both is never seen (F19, G11). This one hears every file written and closed under the
    folders it watches (inotify, where watchdog has it) and hands MkDocs' watcher a "modified"
    event for it, through watchdog's public API (the observer's emitters, queue_event). It
    never writes a file, so it cannot set itself off."""

    def __init__(self) -> None:
        self.observer: Any = None

    def start(self, server: Any, folders: list[Path]) -> None:
        # MkDocs 1.6: LiveReloadServer.observer, a watchdog observer (a public attribute).
        mkdocs_observer: Any = getattr(server, "observer", None)
        if self.observer is not None or not hasattr(mkdocs_observer, "emitters"):
            if self.observer is None:
                log.warning("chronology: MkDocs' file watcher is not as expected (server.observer)"
                            "; an edit that keeps a file's size and time will not be seen")
            return
        from watchdog.events import FileClosedEvent, FileModifiedEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        class Tell(FileSystemEventHandler):
            def on_closed(self, event: FileClosedEvent) -> None:
                path = os.path.abspath(str(event.src_path))
                for emitter in watching(list(mkdocs_observer.emitters), path):
                    emitter.queue_event(FileModifiedEvent(path))

        observer = Observer()
        for folder in folders:
            if folder.is_dir():
                observer.schedule(Tell(), str(folder), recursive=True)
        observer.daemon = True
        observer.start()
        self.observer = observer

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer = None


def watching(emitters: list[Any], path: str) -> list[Any]:
    """The emitters of MkDocs' watcher whose watch covers `path` (absolute). A watch of a file
    (MkDocs watches mkdocs.yml) has its folder as `watch.path` and drops every event but its
    file's, so a folder's prefix is not enough: the file `data/x.yaml` is covered by the watch
    of `data/` (and of the project folder, if recursive), never by the watch of `mkdocs.yml`."""
    covering = []
    for emitter in emitters:
        watch = emitter.watch
        if getattr(watch, "is_file", False):
            if path == getattr(watch, "resolved_path", None):
                covering.append(emitter)
        elif path.startswith(os.path.join(watch.path, "")) and (
                watch.is_recursive or os.path.dirname(path) == os.path.normpath(watch.path)):
            covering.append(emitter)
    return covering


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

