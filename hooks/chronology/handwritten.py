"""Hand-written pages (docs/*.md, and their translations docs/*.<lang>.md): read and check.

Contributed text, as untrusted as data/: translators send these files. The rule for docs/ is
the data's: text, never markup. The front matter may hold only `title`, `description` and (in a
translation) `translation`, each plain text, read by the project's own YAML reader (never by
MkDocs', which drops a broken block silently and passes any key to the theme). The body is
Markdown without raw HTML: `sanitize_body` keeps, from the HTML that Markdown made, only the
elements and attributes Markdown itself makes, re-written from what it parsed, and reports
everything else with its line. Markers (<!-- chronology:NAME -->) stand alone on their line.

Pure: no I/O, no MkDocs. The hook reads the files and renders the Markdown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser

from .errors import Problem
from .fields import FieldReader
from .hostile import shown
from .model import HOW, MACHINE, NOT_A_PERSON, TITLE
from .parse import parse_text

MARKER = re.compile(r"<!--\s*chronology:([^\s>]*)\s*-->")
_FRONT_END = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)
_HEX8 = re.compile(r"[0-9a-f]{8}")


@dataclass(frozen=True)
class Translation:
    """How a page was translated (front matter `translation: {how, by, reviewed, of}`): `how`
    as model.HOW, `by` the person who translated it (None for a machine translation), `reviewed`
    the person who reviewed it, or False."""

    by: str | None
    how: str
    reviewed: str | bool
    of: str  # the fingerprint of the English page it was made from


@dataclass(frozen=True)
class HandWritten:
    """One hand-written page as read: its checked front matter and its Markdown body."""

    source: str  # as reported: docs/about.ko.md
    title: str | None
    description: str | None
    translation: Translation | None
    body: str
    body_line: int  # the file's line on which the body starts (1-based)
    markers: tuple[tuple[str, int], ...]  # (name, line) of each <!-- chronology:NAME -->

    def line_of(self, pattern: re.Pattern[str]) -> int:
        """The file's first line of the body that matches `pattern`, or the body's first."""
        for number, line in enumerate(self.body.split("\n")):
            if pattern.search(line):
                return self.body_line + number
        return self.body_line

    def theme_meta(self) -> dict[str, str]:
        """The page's meta as the theme reads it: HTML-escaped, as a generated page's are
        (Material writes page.meta.title and .description into the page as they are)."""
        meta = {"title": self.title, "description": self.description}
        return {key: html.escape(value) for key, value in meta.items() if value is not None}


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, the body's first line): as MkDocs splits a page, the front
    matter is what lies between a first line `---` and the next `---` or `...` line."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = _FRONT_END.search(text, 4)
    if end is None:
        return None, text, 1
    front = text[4:end.start()]
    body_start = end.end() + 1 if end.end() < len(text) else end.end()
    return front, text[body_start:], text.count("\n", 0, body_start) + 1


def read_page(source: str, text: str, *, translated: bool, known_markers: tuple[str, ...]
              ) -> tuple[HandWritten | None, list[Problem]]:
    """Read one page's text; a page with problems in its front matter reads as None."""
    problems: list[Problem] = []
    front, body, body_line = split_front_matter(text.replace("\r\n", "\n"))
    title = description = None
    translation = None
    if front is None and text.startswith("---"):
        problems.append(Problem(source, 1, "the front matter that starts on line 1 never ends: "
                                "close it with a line '---'"))
    elif front is not None and front.strip():
        # A blank line for the opening `---`: the reader's line numbers are then the file's.
        value, found = parse_text("\n" + front, source)
        problems += found
        if value is not None and not found:
            title, description, translation = _read_front(source, value, translated, problems)
    if translated and translation is None and not problems:
        problems.append(Problem(source, 1, "a translated page needs, in its front matter, "
                                "'translation: {how: machine, machine-checked or person, "
                                "reviewed: false, of: ...}' (by: the person who translated it, "
                                "if a person did) "
                                "(of: what `make translations` gives for the English page)"))
    markers = tuple(_markers(source, body, body_line, known_markers, problems))
    if problems:
        return None, problems
    return HandWritten(source=source, title=title, description=description,
                       translation=translation, body=body, body_line=body_line,
                       markers=markers), []


def _read_front(source: str, value: object, translated: bool, problems: list[Problem]
                ) -> tuple[str | None, str | None, Translation | None]:
    allowed = ("title", "description", "translation") if translated else ("title", "description")
    hints = {} if translated else {
        "translation": "only a translated page (docs/<name>.<lang>.md) says who translated it"}
    for key in ("og_type", "json_ld", "template", "hide", "author", "search"):
        hints.setdefault(key, "a hand-written page's front matter holds only "
                              f"{', '.join(allowed)}, as plain text")
    fields = FieldReader(problems, source, value, what="the front matter", allowed=allowed,
                         required=(), hints=hints)
    # A page's title is held to the limit of a record's (model.TITLE).
    title = fields.text("title", partial(TITLE.problem, "title"))
    description = fields.text("description")
    translation = None
    if translated and fields.has("translation"):
        raw = fields.raw("translation")
        made = FieldReader(problems, source, raw, what="translation",
                           allowed=("by", "how", "reviewed", "of"), required=("how", "of"),
                           line=fields.line_of("translation"))
        by = made.text("by") if made.has("by") else None
        how = made.text("how")
        if how is not None and how not in HOW:
            made.report(made.line_of("how"), f"how: {shown(how)} is not one of {', '.join(HOW)}")
        elif how == "person" and not by and not made.has("by"):
            made.report(made.line_of("how"), "missing 'by': the person who translated the page")
        elif how in MACHINE and made.has("by"):
            made.report(made.line_of("by"), "by: a machine translation names no one; remove "
                        f"'by' (the page says what kind of work it is: how: {how})")
        elif by and NOT_A_PERSON.search(by):
            made.report(made.line_of("by"), f"by: must name the person who translated the page, "
                        f"got {shown(by)}")
        reviewed: str | bool = False
        if made.has("reviewed") and made.raw("reviewed") is not False:
            name = made.text("reviewed")
            if name and NOT_A_PERSON.search(name):
                made.report(made.line_of("reviewed"), f"reviewed: must name the person who "
                            f"reviewed the page, got {shown(name)}; a second machine pass is "
                            "how: machine-checked, and reviewed: false")
            elif name:
                reviewed = name
        of = made.raw("of")
        of = str(of) if isinstance(of, int) and not isinstance(of, bool) else of
        if made.has("of") and not (isinstance(of, str) and _HEX8.fullmatch(of)):
            made.report(made.line_of("of"), f"of: must be the first 8 hex digits of the English "
                        f"page's fingerprint (make translations gives it), got {shown(str(of))}")
        if (made.is_mapping and how in HOW and (by if how == "person" else not made.has("by"))
                and isinstance(of, str) and _HEX8.fullmatch(of)):
            translation = Translation(by=by, how=how, reviewed=reviewed, of=of)
    return title, description, translation


def _markers(source: str, body: str, body_line: int, known: tuple[str, ...],
             problems: list[Problem]) -> list[tuple[str, int]]:
    found = []
    for number, line in enumerate(body.split("\n")):
        for match in MARKER.finditer(line):
            at = body_line + number
            name = match.group(1)
            if name not in known:
                problems.append(Problem(source, at, f"unknown marker {shown('chronology:' + name)}; "
                                        f"known: {', '.join(known)}"))
            elif line.strip() != match.group(0):
                problems.append(Problem(source, at, f"the marker 'chronology:{name}' must stand "
                                        "alone on its line, with a blank line before and after"))
            else:
                found.append((name, at))
    return found


# --- the body's HTML ------------------------------------------------------------------------

# What Python-Markdown makes with the site's extensions (tables, fenced_code, toc, attr_list,
# abbr, md_in_html): nothing else may reach a reader from a hand-written page.
_ELEMENTS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "pre", "ul", "ol", "li",
    "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "img", "abbr",
})
_VOID = frozenset({"br", "hr", "img"})
_ATTRIBUTES = {"*": {"id", "class", "title", "lang"}, "a": {"href"}, "img": {"src", "alt"},
               "ol": {"start"}}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_TOKEN = re.compile(r"[A-Za-z0-9_\-]+( [A-Za-z0-9_\-]+)*")
_NUMBER = re.compile(r"[0-9]{1,6}")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")  # browsers drop these from a URL's scheme


def attribute_problem(tag: str, name: str, value: str) -> str | None:
    """Why an attribute may not stand on a hand-written page's element, or None."""
    if name not in _ATTRIBUTES["*"] | _ATTRIBUTES.get(tag, set()):
        if name == "style":
            return ("a style attribute is not allowed (the site's styles apply to every page; a "
                    "table column's alignment, ':---:', makes one: remove the colons)")
        return f"the attribute {shown(name)} is not allowed on <{tag}> in a hand-written page"
    if name in {"href", "src"}:
        plain = _URL_NOISE.sub("", value).lower()
        scheme = _SCHEME.match(plain)
        if name == "src" and (scheme or plain.startswith("//") or plain.startswith("\\")):
            return (f"the image {shown(value)} is on another site: the site makes no third-party "
                    "requests; put the image in docs/ and link it by its relative path")
        if scheme and scheme.group(1) not in {"http", "https", "mailto"}:
            return f"the link {shown(value)} is not a web address (http://, https:// or mailto:)"
    if name == "id" and (not _TOKEN.fullmatch(value) or " " in value or value.startswith("_")):
        return f"the id {shown(value)} must be letters, digits and '-', not starting with '_'"
    if name == "class" and not _TOKEN.fullmatch(value):
        return f"the class {shown(value)} must be words of letters, digits, '-' and '_'"
    if name == "start" and not _NUMBER.fullmatch(value):
        return f"the list start {shown(value)} must be a number"
    if name == "lang" and not _LANG.fullmatch(value):
        return f"the language {shown(value)} must be a language code such as en, ko or ja"
    return None


def _where(name: str, value: str) -> str:
    """A pattern for the Markdown that made the attribute: `name=` ({ name=... } of attr_list),
    or the value's longest plain piece (Markdown writes a link's address as (address), and an
    entity or a control character in it is not what the parser hands back)."""
    if name == "style":  # from a table's divider row (|:---:|), or written { style=... }
        return r"\bstyle\s*=|\|\s*:?-+:|\|\s*:-"
    pieces = sorted(re.findall(r"[\w:/.()#?=&%-]{4,}", value), key=len, reverse=True)
    return rf"\b{re.escape(name)}\s*=" + (f"|{re.escape(pieces[0])}" if pieces else "")


class _Sanitizer(HTMLParser):
    """Re-writes HTML from what it parsed, keeping only the allowed elements and attributes;
    what it leaves out is listed in `refused` as (what to look for in the source, message)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.refused: list[tuple[re.Pattern[str], str]] = []
        self.skipping: list[str] = []  # inside a refused element whose text is code (script)

    def _refuse(self, pattern: str, message: str) -> None:
        self.refused.append((re.compile(pattern, re.IGNORECASE), message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ELEMENTS:
            self._refuse(rf"<\s*{re.escape(tag)}\b",
                         f"<{tag[:40]}>: raw HTML is not allowed in a hand-written page; write "
                         "Markdown (the site's own parts come from markers)")
            if tag in {"script", "style", "textarea", "title", "noscript", "template", "iframe",
                       "xmp", "noembed", "noframes", "plaintext", "svg", "math", "object"}:
                self.skipping.append(tag)
            return
        kept = []
        for name, value in attrs:
            problem = attribute_problem(tag, name, value or "")
            if problem:
                self._refuse(_where(name, value or ""), problem)
            else:
                kept.append(f' {name}="{html.escape(value or "")}"')
        if not self.skipping:
            self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag not in _ELEMENTS:
            self._refuse(rf"<\s*/\s*{re.escape(tag)}\b",
                         f"</{tag[:40]}>: raw HTML is not allowed in a hand-written page")
        if tag in _ELEMENTS and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        if "<" in data or ">" in data:  # parsers disagree on such comments (<!-->): not ours
            self._refuse(r"<!--", "an HTML comment may not hold markup ('<' or '>'); delete it")
            return
        marker = MARKER.fullmatch(f"<!--{data}-->")
        if marker and not self.skipping:  # filled in by the hook; any other comment is dropped
            self.out.append(f"<!-- chronology:{marker.group(1)} -->")

    def handle_decl(self, decl: str) -> None:
        self._refuse(r"<!\s*[a-z]", f"<!{decl[:40]}>: declarations are not allowed")

    def handle_pi(self, data: str) -> None:
        self._refuse(r"<\?", f"<?{data[:40]}>: processing instructions are not allowed")

    def unknown_decl(self, data: str) -> None:
        self._refuse(r"<!\[", f"<![{data[:40]}>: CDATA sections are not allowed")


def sanitize_body(page: HandWritten, body_html: str) -> tuple[str, list[Problem]]:
    """The body's HTML (as Markdown made it from page.body) with only what Markdown makes, and
    a problem, at its line in the file, for everything else it held."""
    parser = _Sanitizer()
    parser.feed(body_html)
    parser.close()
    problems = sorted({Problem(page.source, page.line_of(pattern), message)
                       for pattern, message in parser.refused})
    return "".join(parser.out), problems
