"""The theme's work done once (hooks/chronology_templates.py) gives what rendering every page
gives: the navigation block is taken from an earlier page only where it must be the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chronology_templates import COMPILED, spare_the_theme
from jinja2 import DictLoader, Environment

BASE = """<body>{% block site_nav %}<nav>{% for item in nav.pages %}<a href="{{ item.url | rel(page) }}">\
{{ item.title }}</a>{% endfor %}</nav><ul>{% set first = page.toc | first %}\
{% for entry in (first.children if first and first.level == 1 else page.toc) %}\
<li>{{ entry.title }}</li>{% endfor %}</ul>{{ extra(page) }}{% endblock %}\
<main>{{ page.title }}</main></body>"""


@dataclass
class Entry:
    title: str
    url: str
    level: int
    children: list[Entry] = field(default_factory=list)


@dataclass(eq=False)
class Page:
    url: str
    title: str
    toc: list[Entry]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Nav:
    pages: list[Page]


def event(name: str, *sections: str) -> Page:
    return Page(f"events/{name}/", name, [Entry(name, "#title", 1,
                                                [Entry(s, f"#{s}", 2) for s in sections])])


def environment(base: str = BASE) -> tuple[Environment, list[str]]:
    """A theme environment and the log of the pages whose navigation block was rendered."""
    rendered: list[str] = []
    env = Environment(loader=DictLoader({"base.html": base, "main.html": '{% extends "base.html" %}'}))
    env.filters["rel"] = lambda url, page: "../" * page.url.count("/") + url
    env.globals["extra"] = lambda page: rendered.append(page.url) or ""
    return env, rendered


def pages_as_rendered(env: Environment, nav: Nav, pages: list[Page]) -> list[str]:
    template = env.get_template("main.html")
    return [template.render(page=page, nav=nav) for page in pages]


def test_event_pages_share_the_block_and_each_is_as_it_would_be() -> None:
    home = Page("", "Home", [])
    nav = Nav([home])
    pages = [home, event("a", "sources"), event("b", "sources"), event("c", "sources"),
             event("d", "sources", "record"), event("e", "sources"),
             Page("topics/x/", "X", event("x", "sources").toc)]
    plain, _ = environment()
    spared, rendered = environment()
    spare_the_theme(spared)
    assert pages_as_rendered(spared, nav, pages) == pages_as_rendered(plain, nav, pages)
    # The page in the navigation always; the first two of each folder and table of contents
    # (the second to check the first); a page with other sections; a page in another folder.
    assert rendered == ["", "events/a/", "events/b/", "events/d/", "topics/x/"]
    assert COMPILED.code  # the templates' code is kept for the next build


def test_a_block_that_shows_the_page_differs_and_is_rendered_for_every_page() -> None:
    shows_title = BASE.replace("{{ extra(page) }}", "{{ extra(page) }}{{ page.toc[0].title }}")
    nav = Nav([])
    pages = [event(name, "sources") for name in "abcd"]
    plain, _ = environment(shows_title)
    spared, rendered = environment(shows_title)
    spare_the_theme(spared)
    assert pages_as_rendered(spared, nav, pages) == pages_as_rendered(plain, nav, pages)
    assert rendered == ["events/a/", "events/b/", "events/c/", "events/d/"]


def test_without_the_block_every_page_is_rendered(caplog: Any) -> None:
    env, _ = environment("<body>{{ page.title }}</body>")
    spare_the_theme(env)
    assert "every page's navigation is rendered" in caplog.text
