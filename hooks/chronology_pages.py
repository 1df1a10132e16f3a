"""MkDocs hook: with hooks/chronology_build.py and hooks/chronology_policy.py, the only code that
speaks MkDocs.

It runs load -> validate before MkDocs cleans site/ (so bad data never costs the last good
build), adds the rendered pages and exports as in-memory files (File.generated: nothing is
written into docs/), and fills the markers <!-- chronology:NAME --> that hand-written pages use
to embed generated parts. Data problems become one PluginError listing all of them; under
`mkdocs serve` they are shown at the top of every page instead, over the last data that checked.

Generated pages are HTML already, so their bodies skip Python-Markdown: each page's file holds
only its front matter, and on_page_content supplies the body.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from chronology.errors import DataError
from chronology.history import read_history
from chronology.html_toc import outline
from chronology.languages import BY_CODE
from chronology.markup import site_url_problem
from chronology.messages import Messages
from chronology.publication import repository_problem
from chronology.render import nav_with_phases, render_problem_banner, translated_nav
from chronology.render.search import searchable
from chronology.search import BACKGROUND, SearchIndexError, index_site
from chronology.sitemap import sitemap_files
from chronology.theme import theme_extra
from chronology.translations import LANGUAGES
from chronology.translations.localize import messages
from chronology.urls import path_url
from chronology.validate import load_chronology
from chronology_build import Build, PageError, TranslatedNames, log, remove_pages
from chronology_policy import page_with_policy, template_with_policy
from chronology_templates import spare_the_theme
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date

_NO_TOC = get_toc([])
_build = Build()  # MkDocs imports a hook once per process: under serve this outlives a rebuild
logging.getLogger("mkdocs.structure.pages").addFilter(TranslatedNames(_build))


def on_startup(command: str, dirty: bool) -> None:
    _build.dirty, _build.serving = dirty, command == "serve"


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    # MkDocs' watcher compares file times and sizes: an edit that keeps both is heard by this
    # one, which tells MkDocs' (chronology_build.EditWatcher).
    root = Path(config.config_file_path).resolve().parent
    _build.watcher.start(server, [root / "data", Path(config.docs_dir)])
    return server


def on_shutdown() -> None:
    _build.watcher.stop()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    edition = config.extra.get("edition", "en")
    if edition not in BY_CODE:
        raise PluginError(f"chronology: extra.edition is '{edition}'; it must be en (mkdocs.yml), "
                          f"or {' or '.join(LANGUAGES)} (mkdocs.{LANGUAGES[0]}.yml...): the "
                          "languages of hooks/chronology/languages.py")
    _build.lang = edition
    # Each edition but the English is published in a folder of the English site (ko/, ja/); the
    # sitemap finds each page's editions from the English root.
    _build.site_root = config.site_url or ""
    if edition != "en" and config.site_url:
        config.site_url = config.site_url.rstrip("/") + f"/{edition}/"
    if not config.use_directory_urls:
        raise PluginError("chronology: set 'use_directory_urls: true'; event URLs are permanent")
    if problem := site_url_problem(config.site_url or ""):
        raise PluginError(f"site_url (SITE_URL): {problem}")
    if problem := repository_problem(config.extra.get("repository") or ""):
        raise PluginError(f"extra.repository (REPOSITORY_URL): {problem}")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Whatever a failed build left half-done is dropped: pages it generated may never have been
    # written, so compare with the last good build.
    _build.memo.begin()
    _build.bodies = {}
    shown = _build.problems
    data = Path(config.config_file_path).resolve().parent / "data"
    # When each data file last changed, from git (one call for all; chronology/history.py).
    _build.history = read_history(data.parent)
    try:
        _build.chronology = load_chronology(data, _build.memo.parsed if _build.dirty else None)
        _build.last_good, _build.problems = _build.chronology, None
    except DataError as error:
        if not (_build.serving and _build.last_good):
            raise PluginError(f"the data in data/ has problems:\n{error.report()}") from None
        log.error(f"the data in data/ has problems; showing the last good data:\n{error.report()}")
        _build.chronology, _build.problems = _build.last_good, error.report()
    # The edition's words (data/i18n/<lang>/ui.yaml), for the hand-written pages and the theme.
    words, _build.words = _build.words, Messages(_build.lang, messages(_build.chronology, _build.lang))
    if shown != _build.problems or words.table != _build.words.table:
        # The report appears, changes or goes, or the edition's words (ui.yaml) changed: every
        # page shows them, so none may be skipped as unchanged.
        _build.memo.forget()
    # What the templates read (chronology/theme.py), in the edition's words: the language
    # selector (extra.editions, not Material's extra.alternate, whose links to each edition's
    # home page base.html would put into every page), the theme's words, the scripts' messages.
    config.extra.update(theme_extra(_build.lang, _build.words.table))
    if config.nav is not None:
        try:
            # An edition's navigation is the English one (INHERIT), its titles translated by its
            # mkdocs.<lang>.yml (extra.nav_titles).
            nav = nav_with_phases(config.nav, _build.chronology)
            config.nav = translated_nav(nav, config.extra.get("nav_titles") or {})
        except ValueError as error:
            raise PluginError(f"{Path(config.config_file_path).name}: {error}") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build.chronology is not None  # on_pre_build loaded it or raised
    try:
        _build.add_exports(files, config)
        _build.add_pages(files, config)
        _build.read_hand_written_pages(files, config)
        # The sitemap, from the pages' addresses (chronology/sitemap.py; the theme writes none).
        urls = [path_url(file.src_uri) for file in files.documentation_pages()]
        for path, content in sitemap_files(urls, config.site_url or "", _build.site_root,
                                           get_build_date()).items():
            files.append(File.generated(config, path, content=content))
    except ValueError as error:
        raise PluginError(f"chronology: {error}") from None
    except PageError as error:
        raise PluginError(f"the pages in docs/ have problems:\n{error}") from None
    return files


def on_env(env: Environment, **_: Any) -> Environment:
    # Compiled templates kept for the next build, the navigation rendered once per folder for
    # pages outside it (chronology_templates.py): the same bytes, less work.
    spare_the_theme(env)
    return env


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    # A hand-written page's meta is what its checked front matter says, escaped as the theme
    # expects (it writes title and description into the page as they are); MkDocs' own reading
    # of the page, which would pass any key to the theme, is dropped.
    if (written := _build.hand_written.get(page.file.src_uri)) is not None:
        page.meta = written.theme_meta()
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    # Handed over to MkDocs and forgotten here, so each body is held once.
    if (encoded := _build.bodies.pop(page.file.src_uri, None)) is not None:
        html = encoded.decode("utf-8")
        # Python-Markdown made no table of contents: give Material one, for its sidebar and its
        # "Skip to content" link.
        page.toc = get_toc(outline(html))
    elif page.file.src_uri in _build.hand_written:
        try:
            html, ids = _build.hand_written_html(page.file.src_uri, html, config)
        except PageError as error:
            raise PluginError(f"the pages in docs/ have problems:\n{error}") from None
        # Links to the generated parts' anchors (#timeline) are checked against these.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
    if _build.problems:
        html = render_problem_banner(_build.problems) + html
    # Ending as Markdown ends a page's HTML, with no newline: a page written as HTML for a
    # generator without this hook (make standalone) is then the same, byte for byte.
    return searchable(page.url, html).rstrip("\n")


def on_page_context(context: Any, page: Page, config: MkDocsConfig, **_: Any) -> Any:
    # MkDocs writes the exports, with the other static files, before it renders the first page:
    # let go of their text (some 40 MB at 10,000 events).
    for file in _build.exports:
        file.content_bytes = b""
    _build.exports = []
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    # The page is written and indexed for search: its body and table of contents are not
    # needed again, and 10,000 of them held to the end of the build would cost ~100 MB.
    if page.file.generated_by is not None:
        page.content = None
        page.toc = _NO_TOC
    return page_with_policy(output, page, config, _build.serving)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return template_with_policy(output_content, config, template_name, _build.serving)  # 404


@event_priority(-100)  # after the other plugins are done with the site
def on_post_build(config: MkDocsConfig) -> None:
    gone = _build.memo.succeeded()  # pages are written: a later rebuild compares against this one
    if _build.dirty:  # a dirty build does not clean site/
        remove_pages(config, gone)
    if _build.serving:  # the edited page is served at once; search follows in a few seconds
        BACKGROUND.request(Path(config.site_dir), log.info)
        return
    try:
        pages, seconds = index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(f"search index: {error}") from None
    log.info(f"chronology: search index of {pages} pages made in {seconds:.1f} s")
