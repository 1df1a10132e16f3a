"""Render: turn a Chronology into Markdown pages keyed by their docs-relative path.

Pure functions: no I/O, no MkDocs. Each page is front matter plus raw HTML built
from escaped data (see markup.py). Every list is sorted explicitly so two
builds of the same data are byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import markup as m
from .dates import PartialDate
from .model import Chronology, Citation, Correction, DateBasis, Event, Phase, Source

HOME = ""


def event_url(event_id: str) -> str:
    return f"events/{event_id}/"


def phase_url(phase_id: str) -> str:
    return f"phases/{phase_id}/"


def source_url(source_id: str) -> str:
    return f"sources/{source_id}/"


def page_path(url: str) -> str:
    """'events/x/' -> 'events/x.md' (MkDocs' directory URLs); '' -> 'index.md'."""
    return url.rstrip("/") + ".md" if url else "index.md"


class Site:
    """Lookups shared by the page renderers, built once per render."""

    def __init__(self, chronology: Chronology) -> None:
        self.chronology = chronology
        self.sources = {s.id: s for s in chronology.sources}
        self.phases = {p.id: p for p in chronology.phases}
        self.events = chronology.events
        self.position = {e.id: i for i, e in enumerate(chronology.events)}
        self.corrections_for: dict[str, list[Correction]] = {}
        for correction in chronology.corrections:
            for event_id in correction.events:
                self.corrections_for.setdefault(event_id, []).append(correction)
        self.citing: dict[str, list[Event]] = {s.id: [] for s in chronology.sources}
        for event in chronology.events:
            for source_id in dict.fromkeys(c.source for c in event.citations):
                self.citing[source_id].append(event)

    def source_label(self, here: str, source_id: str) -> str:
        source = self.sources[source_id]
        return m.link(here, source_url(source.id), source.outlet)

    def basis(self, here: str, basis: DateBasis) -> str:
        note = f" {m.text(basis.note)}" if basis.note else ""
        if basis.kind == "record" or basis.source is None:
            return f'<span class="chrono-basis__kind">From the public record.</span>{note}'
        source = self.sources[basis.source]
        where = self.source_label(here, basis.source)
        published = f"{source.published.weekday or ''} {m.time(source.published)}".strip()
        if basis.kind == "stated":
            return (f'<span class="chrono-basis__kind">Stated</span> in {where}: '
                    f"<q>{m.text(basis.phrase or '')}</q>.{note}")
        return (f'<span class="chrono-basis__kind">Worked out</span> from <q>'
                f"{m.text(basis.phrase or '')}</q> in {where}, published {published}.{note}")


# --- shared pieces ----------------------------------------------------------------------


def render_timeline(site: Site, here: str, events: Iterable[Event], *, phase: bool) -> str:
    """An ordered list of events, each linking to its page; readable without JavaScript."""
    items = []
    for event in events:
        where = ""
        if phase:
            where = f' <span class="chrono-timeline__phase">{m.text(site.phases[event.phase].title)}</span>'
        items.append(
            f'<li class="chrono-timeline__item chrono-timeline__item--{event.date.precision}">'
            f'{m.time(event.date)} {m.link(here, event_url(event.id), event.title)}{where}</li>'
        )
    if not items:
        return '<p class="chrono-empty">No events yet.</p>'
    return '<ol class="chrono-timeline">\n' + "\n".join(items) + "\n</ol>"


def render_citation(site: Site, here: str, citation: Citation) -> str:
    source = site.sources[citation.source]
    cite = f' cite="{m.attr(source.url)}"' if source.url else ""
    note = f'<p class="chrono-citation__note">{m.text(citation.note)}</p>' if citation.note else ""
    return (
        f'<figure class="chrono-citation"><blockquote{cite}><p>{m.text(citation.quote)}</p>'
        f"</blockquote><figcaption>{m.link(here, source_url(source.id), source.outlet)}, "
        f"<cite>{m.text(source.title)}</cite>, {m.time(source.published)}</figcaption>"
        f"{note}</figure>"
    )


def render_correction(site: Site, here: str, correction: Correction) -> str:
    quotes = "".join(render_citation(site, here, quote) for quote in correction.quotes)
    return (
        f'<section class="chrono-correction" id="{correction.id}" aria-label="Correction">'
        f'<p class="chrono-correction__kind">{m.text(correction.kind.replace("-", " "))}</p>'
        f"{quotes}<p><strong>Correct:</strong> {m.text(correction.correction)}</p>"
        f"<p><strong>How we know:</strong> {m.text(correction.evidence)}</p></section>"
    )


# --- pages ------------------------------------------------------------------------------


def render_event_page(site: Site, event: Event) -> str:
    here = event_url(event.id)
    phase = site.phases[event.phase]
    weekday = f" ({event.date.weekday})" if event.date.weekday else ""
    parts = [
        m.front_matter(event.title, event.summary),
        f'<h1 id="event-title">{m.text(event.title)}</h1>',
        f'<p class="chrono-event__meta">{m.time(event.date)}{weekday} · Phase: '
        f"{m.link(here, phase_url(phase.id), phase.title)}</p>",
        f'<p class="chrono-basis">Date: {site.basis(here, event.date_basis)}</p>',
    ]
    if event.in_force:
        parts.append(f'<p class="chrono-basis chrono-basis--in-force">In force from '
                     f"{m.time(event.in_force.date)}: {site.basis(here, event.in_force.basis)}</p>")
    parts += [
        f'<p class="chrono-event__summary">{m.text(event.summary)}</p>',
        '<h2 id="sources">What the sources say</h2>',
        '<div class="chrono-citations">'
        + "".join(render_citation(site, here, c) for c in event.citations) + "</div>",
    ]
    corrections = site.corrections_for.get(event.id, [])
    if corrections:
        parts.append('<h2 id="corrections">Errors in the sources</h2>')
        parts += [render_correction(site, here, c) for c in corrections]
    parts.append(render_neighbours(site, here, event))
    return "\n\n".join(parts) + "\n"


def render_neighbours(site: Site, here: str, event: Event) -> str:
    index = site.position[event.id]
    links = []
    if index > 0:
        before = site.events[index - 1]
        links.append(f'<a rel="prev" class="chrono-neighbours__prev" href="'
                     f'{m.href(here, event_url(before.id))}">Previous: {m.text(before.title)} '
                     f"({before.date.human})</a>")
    if index + 1 < len(site.events):
        after = site.events[index + 1]
        links.append(f'<a rel="next" class="chrono-neighbours__next" href="'
                     f'{m.href(here, event_url(after.id))}">Next: {m.text(after.title)} '
                     f"({after.date.human})</a>")
    return ('<nav class="chrono-neighbours" aria-label="Previous and next event">'
            + "".join(links) + "</nav>")


def render_phase_page(site: Site, phase: Phase) -> str:
    here = phase_url(phase.id)
    events = site.chronology.events_in(phase.id)
    summaries = "\n".join(
        f'<section class="chrono-phase-event" aria-labelledby="{e.id}"><h3 id="{e.id}">'
        f"{m.link(here, event_url(e.id), e.title)}</h3><p>{m.time(e.date)}</p>"
        f"<p>{m.text(e.summary)}</p></section>"
        for e in events
    )
    return "\n\n".join([
        m.front_matter(phase.title, phase.summary),
        f'<h1 id="phase-title">{m.text(phase.title)}</h1>',
        f'<p class="chrono-phase__dates">{m.time(PartialDate.of(phase.start))} to {m.time(PartialDate.of(phase.end))}'
        f" · {len(events)} events</p>",
        f'<p class="chrono-phase__summary">{m.text(phase.summary)}</p>',
        '<h2 id="timeline">Timeline</h2>',
        render_timeline(site, here, events, phase=False),
        '<h2 id="events">The events</h2>',
        summaries,
    ]) + "\n"


def render_source_page(site: Site, source: Source) -> str:
    here = source_url(source.id)
    rows = [("Outlet", m.text(source.outlet)), ("Title", f"<cite>{m.text(source.title)}</cite>"),
            ("Published", m.time(source.published)
             + (f" — {m.text(source.published_basis)}" if source.published_basis else ""))]
    for label, value in (("Wire agency", source.agency), ("Author", source.author)):
        if value:
            rows.append((label, m.text(value)))
    if source.url:
        rows.append(("Address", m.external(source.url, source.url)))
    table = "".join(f"<tr><th scope=\"row\">{label}</th><td>{value}</td></tr>"
                    for label, value in rows)
    events = site.citing[source.id]
    cited = "\n".join(
        f"<li>{m.time(e.date)} {m.link(here, event_url(e.id), e.title)}<ul>"
        + "".join(f"<li><q>{m.text(c.quote)}</q></li>" for c in e.citations if c.source == source.id)
        + "</ul></li>"
        for e in events
    )
    notes = f'<p class="chrono-source__notes">{m.text(source.notes)}</p>' if source.notes else ""
    return "\n\n".join([
        m.front_matter(f"{source.outlet}: {source.title}",
                       f"Source: {source.outlet}, {source.title}, {source.published.human}."),
        f'<h1 id="source-title">{m.text(source.outlet)}: {m.text(source.title)}</h1>',
        f'<table class="chrono-source__details">{table}</table>',
        notes,
        f'<h2 id="cited-by">Events citing this source ({len(events)})</h2>',
        f'<ul class="chrono-cited-by">{cited}</ul>' if events else "<p>No event cites it yet.</p>",
    ]) + "\n"


def render_sources_index(site: Site) -> str:
    here = "sources/"
    items = "\n".join(
        f"<li>{m.link(here, source_url(s.id), s.outlet)}, <cite>{m.text(s.title)}</cite>, "
        f"{m.time(s.published)} — cited by {len(site.citing[s.id])} events</li>"
        for s in site.chronology.sources
    )
    return "\n\n".join([
        m.front_matter("Sources", "The news articles this chronology is built from."),
        '<h1 id="sources">Sources</h1>',
        "<p>Every event on this site quotes at least one of these articles verbatim.</p>",
        f'<ul class="chrono-sources">{items}</ul>',
    ]) + "\n"


def render_phase_list(site: Site, here: str) -> str:
    items = "\n".join(
        f'<li>{m.link(here, phase_url(p.id), p.title)} <span class="chrono-phase-list__dates">'
        f"{m.time(PartialDate.of(p.start))} – {m.time(PartialDate.of(p.end))}</span><br>{m.text(p.summary)}</li>"
        for p in site.chronology.phases
    )
    return f'<ol class="chrono-phase-list">\n{items}\n</ol>'


def render_home_timeline(site: Site, here: str = HOME) -> str:
    sections = []
    for phase in site.chronology.phases:
        events = site.chronology.events_in(phase.id)
        sections.append(
            f'<section class="chrono-timeline-phase" aria-labelledby="timeline-{phase.id}">'
            f'<h3 id="timeline-{phase.id}">{m.link(here, phase_url(phase.id), phase.title)}</h3>'
            f"{render_timeline(site, here, events, phase=False)}</section>"
        )
    return "\n".join(sections)


def render_pages(chronology: Chronology) -> dict[str, str]:
    """Every generated page, keyed by docs-relative path, in a stable order."""
    site = Site(chronology)
    pages = {page_path(phase_url(p.id)): render_phase_page(site, p) for p in chronology.phases}
    pages.update({page_path(event_url(e.id)): render_event_page(site, e) for e in chronology.events})
    pages.update({page_path(source_url(s.id)): render_source_page(site, s)
                  for s in chronology.sources})
    pages["sources/index.md"] = render_sources_index(site)
    return pages


def render_fragments(chronology: Chronology, here: str = HOME) -> dict[str, str]:
    """Pieces that hand-written pages embed with a marker such as <!-- chronology:timeline -->."""
    site = Site(chronology)
    return {"phases": render_phase_list(site, here), "timeline": render_home_timeline(site, here)}
