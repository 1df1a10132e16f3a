"""MkDocs-facing part of the Content-Security-Policy (the policy itself: chronology/csp.py).

The hook (chronology_pages.py: on_post_page, on_post_template) puts the policy first in every
page MkDocs renders. Its inline scripts are the theme's own, read from the theme's templates as
rendered for the page's folder (Material's scope script holds the page's base_url); a page's
output is never the source of a hash. An inline script in a page that is not one of those is
blocked in the browser, and named here as a warning (a strict build fails): if Material adds
or changes an inline script, the build says so instead of publishing a page that breaks.
Under `mkdocs serve` the policy lets inline scripts run, for its live-reload script.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from chronology.csp import disallowed_scripts, inline_scripts, with_policy
from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, is_error_template

log = logging.getLogger("mkdocs.hooks.chronology")

# Material 9's inline scripts, each in a partial of its own that base.html includes on every
# page (partials/javascripts/: the storage scope, the palette, the tab from the URL's #hash).
THEME_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                 "partials/javascripts/content.html")


class ThemeScripts:
    """The theme's inline scripts as rendered for a base_url, made once per folder depth."""

    def __init__(self) -> None:
        self._config: MkDocsConfig | None = None
        self._templates: list[Template] = []
        self._by_base: dict[str, tuple[str, ...]] = {}

    def __call__(self, config: MkDocsConfig, base_url: str) -> tuple[str, ...]:
        if config is not self._config:  # each build (under serve, each rebuild) reads them anew
            env = config.theme.get_env()
            self._config, self._by_base = config, {}
            self._templates = [env.get_template(name) for name in THEME_SCRIPTS]
        if base_url not in self._by_base:
            context = {"config": config, "base_url": base_url,
                       "features": config.theme.get("features") or []}
            self._by_base[base_url] = tuple(script for template in self._templates
                                            for script in inline_scripts(template.render(context)))
        return self._by_base[base_url]


_theme_scripts = ThemeScripts()


def page_with_policy(output: str, page: Page, config: MkDocsConfig, serving: bool) -> str:
    """A page MkDocs rendered, with its policy first; under `serve`, one that lets MkDocs'
    live-reload script run (csp.policy)."""
    where = page.file.src_uri if page.file.generated_by else f"docs/{page.file.src_uri}"
    return _with_policy(output, config, get_relative_url(".", page.url), where, serving)


def template_with_policy(output: str, config: MkDocsConfig, name: str, serving: bool) -> str:
    """A theme template MkDocs rendered (404.html; not sitemap.xml) with its policy first."""
    if not name.endswith(".html"):
        return output
    # As MkDocs renders them: an error page is served at any address, so its links are absolute.
    base_url = urlsplit(config.site_url or "/").path if is_error_template(name) \
        else get_relative_url(".", name)
    return _with_policy(output, config, base_url, name, serving)


def _with_policy(output: str, config: MkDocsConfig, base_url: str, where: str, serving: bool
                 ) -> str:
    scripts = _theme_scripts(config, base_url)
    for script in disallowed_scripts(output, scripts):
        log.warning(f"chronology: {where} has an inline script that the site's "
                    f"Content-Security-Policy blocks (only the site's own files run: put scripts "
                    f"in docs/assets/): {script[:80]!r}")
    return with_policy(output, scripts, any_inline=serving)
