"""The sitemap of one edition (sitemap.xml, and sitemap.xml.gz beside it), with each page's
editions (hreflang, as search engines read it from sitemaps: xhtml:link).

Written by the build as files rather than by a theme template: a template would read the
generator's own list of pages (MkDocs' `pages`, its `file.page.canonical_url`), which another
generator does not have. The theme's sitemap.xml is empty, so MkDocs writes none of its own
("Template skipped"). The text is what MkDocs' sitemap template wrote, with the pages in the
order of their addresses; like MkDocs', it lists pages only where the published address is known
(SITE_URL), and its date is the build's (SOURCE_DATE_EPOCH). Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable
from datetime import UTC, datetime

from .languages import LANGUAGES

SITEMAP = "sitemap.xml"
SITEMAP_GZ = "sitemap.xml.gz"
_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
         'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')


def build_date(environ: dict[str, str] | None = None) -> str:
    """The build's date as MkDocs gives it to each page (update_date): SOURCE_DATE_EPOCH's, in
    UTC, or today's."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d")


def _escaped(text: str) -> str:  # as Jinja's `e` escapes
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def render_sitemap(urls: Iterable[str], site_url: str, site_root: str, date: str) -> str:
    """The edition's sitemap: `urls` are its pages' addresses from its root ("", "events/x/"),
    `site_url` its published address ("" when unknown: no page is listed), `site_root` the
    English edition's, from which each edition's folder is found."""
    parts = [_HEAD]
    if site_url:
        base = site_url if site_url.endswith("/") else site_url + "/"
        for url in sorted(set(urls)):
            parts.append(f"\n    <url>\n         <loc>{_escaped(base + url)}</loc>")
            for language in LANGUAGES if site_root else ():
                href = _escaped(site_root + language.folder + url)
                parts.append(f'\n         <xhtml:link rel="alternate" hreflang="{language.code}" '
                             f'href="{href}"/>')
            parts.append(f"\n         <lastmod>{date}</lastmod>\n    </url>")
    parts.append("\n</urlset>")
    return "".join(parts)


def sitemap_gz(xml: str, date: str) -> bytes:
    """sitemap.xml gzipped as MkDocs gzips it: dated the build's day (midnight, UTC)."""
    mtime = int(datetime.fromisoformat(date).replace(tzinfo=UTC).timestamp())
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=SITEMAP_GZ, mode="wb", mtime=mtime) as packed:
        packed.write(xml.encode("utf-8"))
    return buffer.getvalue()


def sitemap_files(urls: Iterable[str], site_url: str, site_root: str, date: str
                  ) -> dict[str, bytes]:
    """Both files of an edition's sitemap, by their path in the site."""
    xml = render_sitemap(urls, site_url, site_root, date)
    return {SITEMAP: xml.encode("utf-8"), SITEMAP_GZ: sitemap_gz(xml, date)}
