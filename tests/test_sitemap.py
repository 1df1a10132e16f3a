"""Each edition's sitemap (chronology/sitemap.py): written by the build as files, as MkDocs'
sitemap template wrote it, with each page's editions; the theme writes none."""

from __future__ import annotations

import gzip

from chronology.sitemap import build_date, render_sitemap, sitemap_files


def test_without_the_published_address_no_page_is_listed() -> None:
    assert render_sitemap(["", "about/"], "", "", "2026-12-07") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n</urlset>')


def test_each_page_is_listed_once_in_address_order_with_its_editions() -> None:
    xml = render_sitemap(["events/b/", "", "events/b/"], "https://example.org/c/ko/",
                         "https://example.org/c/", "2026-12-07")
    assert xml.count("<url>") == 2 and xml.index("<loc>https://example.org/c/ko/</loc>") < xml.index(
        "<loc>https://example.org/c/ko/events/b/</loc>")
    assert ('\n    <url>\n         <loc>https://example.org/c/ko/events/b/</loc>\n'
            '         <xhtml:link rel="alternate" hreflang="en" href="https://example.org/c/events/b/"/>\n'
            '         <xhtml:link rel="alternate" hreflang="ko" href="https://example.org/c/ko/events/b/"/>\n'
            '         <xhtml:link rel="alternate" hreflang="ja" href="https://example.org/c/ja/events/b/"/>\n'
            '         <lastmod>2026-12-07</lastmod>\n    </url>') in xml


def test_the_gzipped_sitemap_is_dated_the_builds_day() -> None:
    files = sitemap_files(["about/"], "https://example.org/", "https://example.org/", "2026-12-07")
    assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    assert int.from_bytes(files["sitemap.xml.gz"][4:8], "little") == 1796601600  # 2026-12-07 UTC
    assert files["sitemap.xml.gz"][10:22] == b"sitemap.xml\x00"  # the name MkDocs gives it
    assert build_date({"SOURCE_DATE_EPOCH": "1796650000"}) == "2026-12-07"
