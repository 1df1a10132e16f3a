"""Markup helpers for render: escaping, relative links and small HTML pieces.

Pure functions, no I/O. Every string that came from data passes through
`text()` (or `attr()`) before it is placed in a page; generated pages are raw
HTML blocks inside Markdown, so Markdown syntax in data is never interpreted.
"""

from __future__ import annotations

import html
import json
import re

from .dates import PartialDate
from .html_toc import TocToken as TocToken  # where it was first: the tests' markup.outline
from .html_toc import outline as outline
from .localized import Localized, note_shown


def _escape(value: str) -> str:
    return html.escape(" ".join(value.split()), quote=True)


def text(value: str) -> str:
    """Data text as HTML text: escaped, whitespace folded (no blank line can end an HTML block).
    A Localized text in another language than its page's carries its `lang` (English standing in
    for a missing translation is also marked, and a stale translation too)."""
    escaped = _escape(value)
    if not isinstance(value, Localized):
        return escaped
    note_shown(value)
    if value.missing:
        return f'<span lang="{value.lang}" class="chrono-untranslated">{escaped}</span>'
    if value.stale:
        return f'<span class="chrono-stale">{escaped}</span>'
    if value.lang == "en":  # a name the edition's language has no form of
        return f'<span lang="en">{escaped}</span>'
    return escaped


def attr(value: str) -> str:
    return _escape(value)


def for_theme_html(value: str) -> str:
    """Data text for a place the theme's JavaScript later inserts as HTML: Material's search
    shows a page's `tags` as HTML, and its tooltips insert an element's decoded `title` as HTML.
    Escaped here, so what the theme inserts is text; quotes are left as they are (in the search
    index an escaped quote would split words, and an attribute escapes them anyway)."""
    return html.escape(" ".join(value.split()), quote=False)


# What a published address may hold: a scheme, a host, a port and a path of URL-safe characters.
# It is written into pages unescaped by the theme (canonical link, og:url), and into exports.
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$()*+,;=:@%/-]*)?")


def site_url_problem(value: str) -> str | None:
    """Why `value` cannot be the site's published address (SITE_URL), or None."""
    if not value or _SITE_URL.fullmatch(value):
        return None
    return (f"{value!r} is not a plain web address; write it as https://host/path/, with no "
            "quotes, spaces, angle brackets, query or fragment")


def href(from_url: str, to_url: str) -> str:
    """A relative link between two directory URLs such as 'events/a/' and 'sources/b/'.

    Both are site-root-relative and end in '/' (or are '' for the home page), so the link is
    '../' once per folder of the page we link from, then the target; no filesystem maths.
    """
    to_url, hash_, fragment = to_url.partition("#")
    shared = 0
    here, there = from_url.split("/")[:-1], to_url.split("/")[:-1]
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    relative = "../" * (len(here) - shared) + "/".join(there[shared:])
    if there[shared:]:
        relative += "/"
    return (relative or "./") + hash_ + fragment


def count(number: int, noun: str) -> str:
    """ "1 event", "2 events" (nouns whose plural takes an s). """
    return f"{number} {noun}" + ("" if number == 1 else "s")


def time(date: PartialDate, *, short: bool = False, lang: str = "en") -> str:
    """A date in <time>, as `lang` writes it; `short`: the month abbreviated (English)."""
    label = date.human_in(lang)
    if short and date.day and lang == "en":
        label = f"{date.day} {date.human.split()[1][:3]} {date.year}"
    return f'<time datetime="{date.iso}">{label}</time>'


def front_matter(title: str, description: str, **extra: object) -> str:
    """YAML front matter. Material puts meta values into HTML unescaped, so escape them here."""
    lines = ["---", f"title: {json.dumps(attr(title), ensure_ascii=False)}",
             f"description: {json.dumps(attr(description), ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    lines += ["---", ""]
    return "\n".join(lines)


def link(from_url: str, to_url: str, label: str, **attributes: str) -> str:
    extra = "".join(f' {name}="{attr(value)}"' for name, value in attributes.items())
    return f'<a href="{href(from_url, to_url)}"{extra}>{text(label)}</a>'


def external(url: str, label: str) -> str:
    return f'<a href="{attr(url)}" rel="external noopener">{text(label)}</a>'


def quote(value: str, lang: str | None = None) -> str:
    """Words quoted from a source, in <q>, whose quotation marks are ours. When the words hold
    double quotation marks of their own (a quote that opens with one would otherwise show “““),
    ours are single, as in nested quotation; the source's characters are never changed."""
    nested = any(mark in value for mark in '"“”')
    classes = ' class="chrono-q--nested"' if nested else ""
    language = f' lang="{attr(lang)}"' if lang else ""
    return f"<q{classes}{language}>{text(value)}</q>"


def pairs(rows: list[tuple[str, str]], css_class: str = "chrono-details") -> str:
    """Labels and values (HTML) as a description list. A line break between each label and its
    value keeps them apart wherever the page's text is read without its layout (search
    previews, reader views, copied text): "Published 2 August 2019", not "Published2 August"."""
    body = "\n".join(f"<dt>{label}</dt>\n<dd>{value}</dd>" for label, value in rows)
    return f'<dl class="{css_class}">\n{body}\n</dl>'


def json_for_script(value: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text_ = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text_.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
