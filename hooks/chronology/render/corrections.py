"""Render the corrections page: an overview of every error by the source that makes it, then
each correction in full. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from .. import markup as m
from ..model import Correction, Source
from ..urls import CHANGES, CORRECTIONS, event_url, source_url
from .fragments import NO_INDEX, correction_kind, render_correction, render_list
from .site import Site


def errors_by_source(site: Site) -> list[tuple[Source, list[Correction]]]:
    """Each source with the corrections that quote its words, in the order of the sources;
    a correction of words in two sources stands under both."""
    groups = []
    for source in sorted(site.chronology.sources, key=lambda s: (s.published.sort_key(), s.id)):
        found = [c for c in site.chronology.corrections if any(q.source == source.id
                                                                for q in c.quotes)]
        if found:
            groups.append((source, found))
    return groups


def render_overview(site: Site, here: str) -> str:
    """A table of the errors (error, kind, events), one group of rows per source. Out of search:
    every title in it is indexed with its correction below."""
    t = site.t
    bodies = []
    for source, corrections in errors_by_source(site):
        rows = "".join(
            f'<tr><td><a href="#{c.id}">{m.text(c.title)}</a></td>'
            f'<td class="chrono-overview__kind">{correction_kind(site, c.kind)}</td><td>'
            + ("; ".join(m.link(here, event_url(e), site.event(e).title)
                         for e in c.events) or "—")
            + "</td></tr>" for c in corrections)
        bodies.append(
            '<tbody><tr><th colspan="3" scope="rowgroup">'
            + t("corrections.overview.source",
                source=t("source.line", outlet=m.link(here, source_url(source.id), source.outlet),
                         title=f"<cite>{m.text(source.title)}</cite>",
                         date=m.time(source.published, lang=site.lang)),
                errors=t.count(len(corrections), "count.error"))
            + f"</th></tr>{rows}</tbody>")
    heading = t("corrections.overview.heading")
    return (
        # No id: a correction's id may be any word, and each is an anchor on this page.
        f'<section aria-label="{heading}" {NO_INDEX}><h2>{heading}</h2>'
        '<table class="chrono-overview"><thead><tr>'
        f'<th scope="col">{t("corrections.overview.error")}</th>'
        f'<th scope="col">{t("corrections.overview.kind")}</th>'
        f'<th scope="col">{t("corrections.overview.event")}</th></tr></thead>'
        + "".join(bodies) + "</table></section>")


def render_corrections_page(site: Site) -> str:
    here = CORRECTIONS
    t = site.t
    sections = []
    for correction in site.chronology.corrections:
        affected = render_list(here, ((event_url(e), site.event(e).title, "")
                                      for e in correction.events))
        more = f"\n<p>{t('corrections.affected')}</p>\n{affected}" if correction.events else ""
        sections.append(render_correction(site, here, correction, heading="h2", more=more))
    return "\n\n".join(part for part in [
        m.front_matter(t.text("corrections.title"), t.text("corrections.description")),
        f'<h1 id="corrections">{t("corrections.title")}</h1>',
        f"<p>{t('corrections.intro', count=len(sections))}</p>",
        # Beside the press's errors, the chronology's own corrections.
        "<p>" + t("corrections.changes", changes=m.link(here, CHANGES,
                                                        t.text("corrections.changes-link")))
        + "</p>",
        render_overview(site, here) if sections else "",
        *sections,
    ] if part) + "\n"
