"""Jinja-facing part of the hook (chronology_pages.py: on_env): theme work done once that
MkDocs would do again, each saving giving the same bytes. The templates are not changed, so
another engine (chronology.standalone, Zensical) renders them as it always did.

- Compiled templates are kept for the life of the process (a Jinja2 bytecode cache in memory):
  MkDocs makes a new Jinja environment for every build, so every edition built in one process,
  and every rebuild under `mkdocs serve`, compiled Material's templates again.
- Material's `site_nav` block (the navigation and the page's table of contents) is rendered once
  for the pages outside the navigation in one folder that have the same table of contents:
  every event page, but for a few tables of contents. What the block shows depends on nothing
  else (the links are relative to the folder; none of these pages is the navigation's active
  one), so each is the same, byte for byte (the site is compared, before and after).

The second touches an internal of Jinja2 (3.1): a template's `blocks`, the render function of
each block, which the template's parent calls. Without it the build warns and renders every
page as before.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.runtime import Context

log = logging.getLogger("mkdocs.hooks.chronology")

CACHED_BLOCK = ("base.html", "site_nav")


class CompiledTemplates(BytecodeCache):
    """Compiled templates by name and source (Jinja checks each source's checksum: a template
    edited under `serve` is compiled again). One theme configuration per process (the editions
    share mkdocs.yml's), so the code of one environment serves the next."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def spare_the_theme(env: Environment) -> None:
    """Set `env` (a build's theme environment) to reuse compiled templates and to render the
    navigation block once per folder and table of contents for pages outside the navigation."""
    env.bytecode_cache = COMPILED
    template, block = CACHED_BLOCK
    blocks = getattr(env.get_template(template), "blocks", None)
    if not isinstance(blocks, dict) or not callable(blocks.get(block)):
        log.warning(f"chronology: Jinja2's templates are not as expected ({template} has no "
                    f"block {block} in Template.blocks); every page's navigation is rendered")
        return
    blocks[block] = once_per_folder(blocks[block])


Render = Callable[[Context], Iterator[str]]


def once_per_folder(render: Render) -> Render:
    """`render` (a block's render function), remembered for pages outside the navigation by
    their folder, what they hide (`hide:` in their front matter) and their table of contents but
    for its top entry's title (Material shows the entries under the page's title). That the
    block shows nothing else of a page is checked on the first two pages of each key: where
    they differ, the block is rendered for every page with that key."""
    done: dict[tuple[Any, ...], tuple[str, bool] | None] = {}  # output, checked; or None
    listed: dict[int, set[int]] = {}  # the pages in the navigation, by the navigation's id

    def cached(context: Context) -> Iterator[str]:
        page, nav = context.get("page"), context.get("nav")
        if nav is not None and id(nav) not in listed:
            listed.clear()
            listed[id(nav)] = {id(listed_page) for listed_page in getattr(nav, "pages", ())}
        if (page is None or nav is None or id(page) in listed[id(nav)]
                or not isinstance(getattr(page, "url", None), str)):
            yield from render(context)
            return
        key = (posixpath.dirname(page.url.rstrip("/")), contents(page.toc),
               repr((page.meta or {}).get("hide")))
        known = done.get(key, ("", False))
        if known is not None and known[1]:
            yield known[0]
            return
        output = "".join(render(context))
        if key not in done:
            done[key] = (output, False)
        elif known is not None:
            done[key] = (output, True) if output == known[0] else None
        yield output

    return cached


def contents(toc: Any) -> tuple[Any, ...]:
    """What of a table of contents Material's templates may show: each entry's link, level and
    entries, in order, and its title but for a page title's (level 1)."""
    return tuple((None if item.level == 1 else item.title, item.url, item.level,
                  getattr(item, "typeset", None), contents(item.children)) for item in toc or ())
