"""Render the chronology's own pages: events, phases and the home page's generated parts.

Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from .. import markup as m
from ..model import Actor, Event, Phase
from ..urls import CORRECTIONS, actor_url, event_url, phase_url, topic_url
from .fragments import (
    NO_INDEX,
    actor_lang,
    day,
    render_basis,
    render_citation,
    render_correction,
    render_record_citation,
    render_timeline,
)
from .site import Site

# Event pages are what a search should land on; the pages that list events rank below them.
EVENT_BOOST = 4


def render_event_page(site: Site, event: Event) -> str:
    here = event_url(event.id)
    phase = site.phases[event.phase]
    weekday = f" ({event.date.weekday})" if event.date.weekday else ""
    parts = [
        m.front_matter(event.title, event.summary, search={"boost": EVENT_BOOST},
                       tags=search_terms(site, event), og_type="article",
                       json_ld=m.json_for_script(event_json_ld(site, event))),
        # The date, unseen (the line below shows it), makes each search result carry its date and
        # lets a reader search by date: Material ranks words in titles far above the rest.
        f'<h1 id="event-title">{m.text(event.title)}'
        f'<span class="chrono-sr-only"> ({event.date.human})</span></h1>',
        f'<p class="chrono-event__meta" {NO_INDEX}>{m.time(event.date)}{weekday} · Phase: '
        f"{m.link(here, phase_url(phase.id), phase.title)}</p>",
        f'<p class="chrono-basis" {NO_INDEX}>Date: {render_basis(site, here, event.date_basis)}</p>',
    ]
    if event.in_force:
        parts.append(f'<p class="chrono-basis chrono-basis--in-force" id="in-force" {NO_INDEX}>'
                     f"In force from {m.time(event.in_force.date)}: "
                     f"{render_basis(site, here, event.in_force.basis)}</p>")
    parts.append(f'<p class="chrono-event__summary">{site.prose(event.summary)}</p>')
    if event.record:
        items = "".join(f"<li>{render_record_citation(site, here, c)}</li>" for c in event.record)
        parts.append('<section id="record" aria-label="From the public record">'
                     f'<h2>From the public record</h2><ul class="chrono-record-list">{items}</ul>'
                     "</section>")
    parts.append(render_tags(site, here, event))
    # One search entry per event: the sections below carry the ids that links use, and their
    # headings carry none, since Material's search starts a new entry at every heading with an id.
    parts.append(
        '<section id="sources" aria-label="What the sources say"><h2>What the sources say</h2>'
        '<div class="chrono-citations">'
        + "".join(render_citation(site, here, c) for c in event.citations) + "</div></section>")
    corrections = site.corrections_for.get(event.id, [])
    if corrections:
        # Indexed on the corrections page; here only shown.
        parts.append(
            f'<div id="corrections" {NO_INDEX}>'
            f"<h2>Errors in the sources</h2><p>See also "
            f"{m.link(here, CORRECTIONS, 'all corrections')}.</p>"
            + "".join(render_correction(site, here, c, heading="h3", anchor=False)
                      for c in corrections)
            + "</div>")
    parts.append(render_cite(site, event))
    parts.append(render_neighbours(site, here, event))
    return "\n\n".join(part for part in parts if part) + "\n"


def search_terms(site: Site, event: Event) -> list[str]:
    """Other spellings of the event's topics, which Material's search indexes as tags (and shows
    as HTML in its results, so they are escaped)."""
    terms = (alias for topic in event.topics for alias in site.topics[topic].aliases)
    return sorted({m.for_theme_html(term) for term in terms})


def render_tags(site: Site, here: str, event: Event) -> str:
    rows = []
    if event.actors:
        links = ", ".join(render_actor_name(here, site.actors[a]) for a in event.actors)
        rows.append(f"<dt>Who</dt>\n<dd>{links}</dd>")
    if event.topics:
        links = ", ".join(m.link(here, topic_url(t), site.topics[t].title) for t in event.topics)
        rows.append(f"<dt>Topics</dt>\n<dd>{links}</dd>")
    # Indexed for search, so that an event is found by a name in Korean or Japanese script. The
    # line breaks keep words apart in search previews ("Who Mike Pompeo", not "WhoMike Pompeo").
    body = "\n".join(rows)
    return f'<dl class="chrono-tags">\n{body}\n</dl>' if rows else ""


def render_actor_name(here: str, actor: Actor) -> str:
    native = ""
    if actor.native:
        native = f' (<span lang="{actor_lang(actor)}">{m.text(actor.native)}</span>)'
    return m.link(here, actor_url(actor.id), actor.name) + native


def render_neighbours(site: Site, here: str, event: Event) -> str:
    index = site.position[event.id]
    links = []
    for offset, rel, label in ((-1, "prev", "Previous"), (1, "next", "Next")):
        if 0 <= index + offset < len(site.events):
            other = site.events[index + offset]
            links.append(f'<a rel="{rel}" class="chrono-neighbours__{rel}" href="'
                         f'{m.href(here, event_url(other.id))}">{label}: {m.text(other.title)} '
                         f"({other.date.human})</a>")
    return (f'<nav class="chrono-neighbours" aria-label="Previous and next event" {NO_INDEX}>'
            + "".join(links) + "</nav>")


def render_phase_page(site: Site, phase: Phase) -> str:
    here = phase_url(phase.id)
    events = site.in_phase[phase.id]
    summaries = "\n".join(
        f'<section class="chrono-phase-event" id="{e.id}" aria-label="{m.attr(e.title)}"><h3>'
        f"{m.link(here, event_url(e.id), e.title)}</h3><p>{m.time(e.date)}</p>"
        f"<p>{site.prose(e.summary)}</p></section>"
        for e in events
    )
    return "\n\n".join([
        m.front_matter(phase.title, phase.summary),
        f'<h1 id="phase-title">{m.text(phase.title)}</h1>',
        f'<p class="chrono-phase__dates">{m.time(day(phase.start))} to {m.time(day(phase.end))}'
        f" · {m.count(len(events), 'event')}</p>",
        f'<p class="chrono-phase__summary">{site.prose(phase.summary)}</p>',
        '<h2 id="timeline">Timeline</h2>',
        render_timeline(here, events, site.in_force_in_phase[phase.id]),
        '<h2 id="events">The events</h2>',
        f"<div {NO_INDEX}>\n{summaries}\n</div>",
    ]) + "\n"


def render_phase_list(site: Site, here: str) -> str:
    items = "\n".join(
        f'<li>{m.link(here, phase_url(p.id), p.title)} <span class="chrono-phase-list__dates">'
        f"{m.time(day(p.start))} – {m.time(day(p.end))}</span><br>{m.text(p.summary)}</li>"
        for p in site.chronology.phases
    )
    return f'<ol class="chrono-phase-list" {NO_INDEX}>\n{items}\n</ol>'


def render_home_timeline(site: Site, here: str) -> str:
    sections = [
        f'<section class="chrono-timeline-phase" aria-labelledby="timeline-{phase.id}">'
        f'<h3 id="timeline-{phase.id}">{m.link(here, phase_url(phase.id), phase.title)}</h3>'
        f"{render_timeline(here, site.in_phase[phase.id], site.in_force_in_phase[phase.id])}"
        "</section>"
        for phase in site.chronology.phases
    ]
    return "\n".join(sections)


def render_cite(site: Site, event: Event) -> str:
    """The event's permanent link and a citation to copy (our script adds the copy button)."""
    title = m.text(event.title)
    name = f" In: <cite>{m.text(site.name)}</cite>." if site.name else ""
    return (
        f'<section class="chrono-cite" id="cite" aria-label="Cite this event" {NO_INDEX}>'
        "<h2>Cite this event</h2>"
        f'<p>Permanent link: <a class="chrono-permalink" href="./">{event_url(event.id)}</a></p>'
        f'<p class="chrono-cite__text" id="citation-text">“{title}”.{name} Event of '
        f'{event.date.human}. <span class="chrono-cite__url">{event_url(event.id)}</span></p>'
        '<button type="button" class="md-button chrono-copy" data-copy="citation-text" hidden>'
        "Copy citation</button></section>"
    )


def event_json_ld(site: Site, event: Event) -> dict[str, object]:
    """schema.org Event, with the articles that report it as citations."""
    citations = []
    for source_id in dict.fromkeys(c.source for c in event.citations):
        source = site.sources[source_id]
        article: dict[str, object] = {
            "@type": "NewsArticle", "headline": source.title, "datePublished": source.published.iso,
            "publisher": {"@type": "Organization", "name": source.outlet}}
        if source.url:
            article["url"] = source.url
        citations.append(article)
    data: dict[str, object] = {
        "@context": "https://schema.org", "@type": "Event", "name": event.title,
        "description": event.summary, "startDate": event.date.iso,
        "eventStatus": "https://schema.org/EventScheduled", "citation": citations,
    }
    if event.topics:
        data["about"] = [{"@type": "Thing", "name": site.topics[t].title} for t in event.topics]
    return data
