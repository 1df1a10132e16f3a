"""Render what the chronology itself has corrected or added (data/changes.yaml): the Changes page,
newest first, and its Atom feed (changes.atom, in each edition's language), our own corrections
beside those of the press on the corrections page.

The list is shown, not indexed for search: a change's words name events, and a search for an
event must find the event. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from .. import markup as m
from ..model import Change
from ..urls import CHANGES, CHANGES_FEED, CORRECTIONS, HOME, event_url
from .fragments import NO_INDEX
from .site import Site

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:japan-korea-trade-dispute-chronology,2024:"  # every feed's (export.py's too)
KINDS = {"correction": "changes.kind.correction", "addition": "changes.kind.addition",
         "wording": "changes.kind.wording", "sources": "changes.kind.sources"}


def change_kind(site: Site, kind: str) -> str:
    return site.t(KINDS[kind]) if kind in KINDS else m.text(kind)


def render_change(site: Site, here: str, change: Change) -> str:
    t = site.t
    events = ""
    if change.events:
        links = ", ".join(m.link(here, event_url(e), site.event(e).title) for e in change.events)
        events = f'<p class="chrono-change__events">{t("changes.events")} {links}</p>'
    return (f'<section class="chrono-change" id="{m.attr(change.id)}" '
            f'aria-label="{m.attr(change.title)}" data-toc-level="3"><h3>{m.text(change.title)}</h3>'
            f'<p class="chrono-change__meta">{m.time(change.date, lang=site.lang)} · '
            f"{change_kind(site, change.kind)}</p><p>{m.text(change.reason)}</p>{events}</section>")


def render_changes_page(site: Site) -> str:
    here = CHANGES
    t = site.t
    feed = (f'<a href="{m.href(here, HOME)}{CHANGES_FEED}" type="application/atom+xml">'
            f'{t("changes.feed-link")}</a>')
    intro = t("changes.intro", feed=feed,
              corrections=m.link(here, CORRECTIONS, t.text("changes.corrections-link")))
    days = []
    for day, changes in groupby(site.chronology.changes, key=lambda change: change.date):
        days.append(f'<h2 id="on-{day.iso}">{m.time(day, lang=site.lang)}</h2>\n'
                    + "\n".join(render_change(site, here, change) for change in changes))
    body = "\n".join(days) if days else f"<p>{t('changes.empty')}</p>"
    return "\n\n".join([
        m.front_matter(t.text("changes.title"), t.text("changes.description")),
        f'<h1 id="changes">{t("changes.title")}</h1>',
        f"<p>{intro}</p>",
        f"<div {NO_INDEX}>\n{body}\n</div>",
    ]) + "\n"


def render_changes_feed(site: Site, base: str = "") -> str:
    """The Changes page as an Atom feed (RFC 4287): an entry per change, newest first, each
    dated the day it was published (so a feed reader shows a change when it is made, whatever
    the date of the events it is about)."""
    ET.register_namespace("", ATOM)
    lang = site.lang
    edition = "" if lang == "en" else f"{lang}/"

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    def address(path: str) -> str:
        return base.rstrip("/") + "/" + path if base else path

    changes = site.chronology.changes
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    sub(feed, "id", f"{FEED_ID}{edition}changes")
    sub(feed, "title", site.t.text("changes.feed.title", site=site.name or "Chronology"))
    stamp = changes[0].date.iso + "T00:00:00Z" if changes else "1970-01-01T00:00:00Z"
    sub(feed, "updated", stamp)
    sub(feed, "link", href=address(CHANGES_FEED), rel="self", type="application/atom+xml")
    sub(feed, "link", href=address(CHANGES), rel="alternate", type="text/html")
    sub(sub(feed, "author"), "name", site.name or "Chronology")
    for change in changes:
        entry = sub(feed, "entry")
        sub(entry, "id", f"{FEED_ID}{edition}changes/{change.id}")
        sub(entry, "title", " ".join(change.title.split()))
        sub(entry, "updated", change.date.iso + "T00:00:00Z")
        sub(entry, "link", href=address(f"{CHANGES}#{change.id}"), rel="alternate",
            type="text/html")
        if change.kind in KINDS:
            sub(entry, "category", term=change.kind, label=site.t.text(KINDS[change.kind]))
        sub(entry, "summary", " ".join(change.reason.split()))
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
