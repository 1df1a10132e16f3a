"""A page's table of contents from its HTML: what the hook gives MkDocs for the pages it writes
as HTML (the generated pages skip Markdown), and a Python-Markdown extension that gives them
the same where no hook runs.

Markdown's own `toc` extension reads only the headings Markdown made, never those in raw HTML,
so a page written as HTML (as `make standalone` writes the generated pages for a generator
without hooks) would have no table of contents: no "On this page" in Material's sidebar and no
"Skip to content" link. `makeExtension` (Python-Markdown's entry point: `markdown_extensions:
[chronology_toc]`) fills `md.toc_tokens`, which MkDocs and its successors read: from the
comment `toc_comment` writes at the start of a page, which it removes (a hand-written page, whose
table of contents is what Markdown made of it, without the generated parts filled in later), or
else from the page's headings where Markdown found none. Self-contained (the standard library;
Markdown only when loaded as an extension): `make standalone` copies it into the plain project.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypedDict

# A page's table of contents, given: the first thing in the page, removed once read.
_GIVEN = re.compile(r"<!-- chronology:toc (.*?) -->\n*", re.S)

# Headings h1-h3, and the opening tags of sections and regions (a <div role="region">), whose
# attributes are read one by one: their order in the tag does not matter.
_ANCHOR = re.compile(r'<(h[1-3])\b([^>]*)>(.*?)</\1>|<(?:section|div)\b([^>]*)>', re.S)
_ATTRIBUTE = re.compile(r'([a-z][a-z-]*)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
# A heading's permanent link (Material's, and render/citing.py's): not part of its name.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


class TocToken(TypedDict):
    """One heading, in the form MkDocs builds tables of contents from."""

    level: int
    id: str
    name: str
    children: list[TocToken]


def outline(page_html: str) -> list[TocToken]:
    """The page's table of contents, in the form MkDocs builds one from Markdown's headings:
    headings h1-h3 with an id, and sections (or regions) with an id and a label, whose headings
    carry no id, so that Material's search keeps such a page as one entry. A labelled section
    is at level 2 unless it says otherwise (data-toc-level="3"). Names stay HTML-escaped."""
    tokens: list[TocToken] = []
    parents: list[TocToken] = []
    for match in _ANCHOR.finditer(page_html):
        tag, heading_attributes, inner, box_attributes = match.groups()
        found = dict(_ATTRIBUTE.findall(heading_attributes if tag else box_attributes))
        if "id" not in found or (not tag and "aria-label" not in found):
            continue
        if tag:
            level, name = int(tag[1]), _TAG.sub("", _HEADERLINK.sub("", inner)).strip()
        else:
            level, name = int(found.get("data-toc-level", "2")), found["aria-label"]
        token = TocToken(level=level, id=found["id"], name=name, children=[])
        while parents and parents[-1]["level"] >= level:
            parents.pop()
        (parents[-1]["children"] if parents else tokens).append(token)
        parents.append(token)
    return tokens


def toc_comment(tokens: list[Any]) -> str:
    """The comment that gives a page its table of contents (read and removed by the extension):
    JSON in which no '>' or '<' can end the comment."""
    text = json.dumps(tokens, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e")
    return f"<!-- chronology:toc {text} -->"


def _as_markdown_makes_them(tokens: list[Any]) -> list[Any]:
    """Tokens with every key Markdown's toc extension gives (`html`, `data-toc-label`): MkDocs
    reads `name`, Zensical also the others."""
    return [{**token, "html": token["name"], "data-toc-label": "",
             "children": _as_markdown_makes_them(token["children"])} for token in tokens]


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802  (the name Python-Markdown calls)
    """The extension: after Markdown, a page with no table of contents of its own gets its
    outline (runs last, when the raw HTML is back in the page)."""
    from markdown.extensions import Extension  # type: ignore[import-untyped]
    from markdown.postprocessors import Postprocessor  # type: ignore[import-untyped]

    class Outline(Postprocessor):  # type: ignore[misc]
        def run(self, text: str) -> str:
            if given := _GIVEN.match(text):
                self.md.toc_tokens = json.loads(given.group(1))
                return text[given.end():]
            if not getattr(self.md, "toc_tokens", None):
                self.md.toc_tokens = _as_markdown_makes_them(outline(text))
            return text

    class HtmlToc(Extension):  # type: ignore[misc]
        def extendMarkdown(self, md: Any) -> None:  # noqa: N802
            md.postprocessors.register(Outline(md), "chronology_toc", 0)

    return HtmlToc(**kwargs)
