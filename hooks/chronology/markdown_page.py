"""A hand-written page's Markdown rendered as MkDocs renders it, for `make standalone`.

The hook checks a hand-written page after Markdown (handwritten_html.py: only the elements
Markdown makes, written again from what was parsed) and fills its markers there, so a page the
plain project leaves to the engine's Markdown would not be the same. `make standalone` renders
it here instead, with Python-Markdown (the library MkDocs uses; MkDocs itself is not imported)
and the extensions the configuration names, plus what MkDocs adds: its built-in extensions
(toc, tables, fenced_code), and links to other files made relative to the page's address
(mkdocs/structure/pages.py: _RelativePathTreeprocessor; mkdocs/utils: get_relative_url). It
gives the HTML, the table of contents as MkDocs reads it (`md.toc_tokens`) and the first
heading's text (MkDocs' title when the page has none).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

from .html_toc import TocToken

MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")  # MkDocs' config: markdown_extensions


def file_url(path: str) -> str:
    """A file's address as MkDocs gives it (File.url, with directory URLs): a page's folder,
    './' for the home page; any other file, its path."""
    if not path.endswith(".md"):
        return path
    if path == "index.md" or path.endswith("/index.md"):
        return path.removesuffix("index.md") or "./"
    return path.removesuffix(".md") + "/"


def relative_url(url: str, other: str) -> str:
    """`url` relative to `other` (MkDocs' get_relative_url: a last part with a dot is a file)."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts, strict=False):
        if a != b:
            break
        common += 1
    relurl = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relurl + "/" if url.endswith("/") else relurl


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


class _Links(Treeprocessor):  # type: ignore[misc]
    """Links and images to the project's files, made relative to the page's address."""

    def __init__(self, md: Any, src: str, files: Mapping[str, str]) -> None:
        super().__init__(md)
        self.src, self.files = src, files

    def run(self, root: Any) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key is not None and (value := element.get(key)) is not None:
                element.set(key, self.rewritten(value))

    def rewritten(self, url: str) -> str:
        scheme, netloc, path, query, fragment = urlsplit(url)
        if scheme or netloc or not path or path.startswith("/"):
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src), unquote(path)))
        if target not in self.files:
            return url  # the hook's build reports it (strict)
        path = relative_url(self.files[target], self.files[self.src])
        return urlunsplit(("", "", path, query, fragment))


def render_markdown(body: str, src: str, files: Mapping[str, str],
                    extensions: list[Any]) -> tuple[str, list[TocToken], str | None]:
    """The page's HTML, table of contents and first heading's text. `src`: its path in docs/;
    `files`: every file of the site by its path in docs/, with its address (file_url);
    `extensions`: the configuration's markdown_extensions (names, or {name: options})."""
    names: list[str] = list(MKDOCS_BUILTINS)
    options: dict[str, Any] = {}
    for entry in extensions:
        name, given = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if given:
            options[name] = given
    md = markdown.Markdown(extensions=names, extension_configs=options)
    md.treeprocessors.register(_Links(md, src, files), "relpath", 0)  # as MkDocs registers it
    page = md.convert(body)
    return page, list(getattr(md, "toc_tokens", [])), first_heading(page)


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def first_heading(page: str) -> str | None:
    """The text of the page's first h1, without its permalink (MkDocs' title for a page whose
    front matter has none), HTML-escaped as a hand-written page's meta is."""
    found = _H1.search(page)
    if found is None:
        return None
    return html.escape(html.unescape(_TAG.sub("", _HEADERLINK.sub("", found.group(1)))).strip())
