"""MkDocs hook: the only code that speaks MkDocs.

It runs load -> validate before MkDocs cleans site/ (so bad data never costs
the last good build), adds the rendered pages as in-memory files
(File.generated: nothing is written into docs/), and fills the markers
<!-- chronology:NAME --> that hand-written pages use to embed generated parts.
Data problems become one PluginError listing all of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from chronology.errors import DataError
from chronology.export import render_exports
from chronology.model import Chronology
from chronology.render import render_fragments, render_pages
from chronology.validate import load_chronology
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

MARKER = re.compile(r"<!--\s*chronology:([a-z-]+)\s*-->")
# Pages listed in mkdocs.yml's nav; events, sources, actors and topics are reached through links
# (a navigation listing every event made a 1,000-event site build 6x slower and 18x larger).
IN_NAV = ("phases/", "sources/index.md", "actors/index.md", "topics/index.md",
          "corrections/index.md", "context/index.md", "tracks/index.md", "glossary/index.md")
_built: dict[str, Chronology] = {}


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "data"


def on_pre_build(config: MkDocsConfig) -> None:
    if not config.use_directory_urls:
        raise PluginError("chronology: set 'use_directory_urls: true'; event URLs are permanent")
    try:
        _built["chronology"] = load_chronology(data_dir(config))
    except DataError as error:
        raise PluginError(f"the data in data/ has problems:\n{error.report()}") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    chronology = _built["chronology"]
    base = config.site_url or ""
    for path, text in render_exports(chronology, base, config.site_name).items():
        files.append(File.generated(config, path, content=text.encode("utf-8")))
    for path, content in render_pages(chronology, config.site_name).items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"chronology: docs/{path} would hide a generated page; remove it")
        inclusion = (InclusionLevel.INCLUDED if path.startswith(IN_NAV)
                     else InclusionLevel.NOT_IN_NAV)
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    if "chronology:" not in markdown:
        return markdown
    fragments = render_fragments(_built["chronology"], page.url)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise PluginError(f"{page.file.src_uri}: unknown marker 'chronology:{name}'; "
                              f"known: {', '.join(sorted(fragments))}")
        return fragments[name]

    return MARKER.sub(fill, markdown)
