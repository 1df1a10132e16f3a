"""Render the chronology's own pages: events, phases and the home page's generated parts.

Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from .. import markup as m
from ..model import Actor, Event, Phase
from ..urls import CORRECTIONS, EVENTS, HOME, actor_url, event_url, phase_url, topic_url
from .filters import Facets, render_filters
from .fragments import (
    NO_INDEX,
    actor_lang,
    basis_headline,
    day,
    render_basis,
    render_citation,
    render_correction,
    render_record_citation,
    render_timeline,
)
from .search import DATING_WEIGHT, event_index
from .site import Site


def render_event_page(site: Site, event: Event) -> str:
    here = event_url(event.id)
    phase = site.phases[event.phase]
    weekday = f" ({event.date.weekday})" if event.date.weekday else ""
    corrections = site.corrections_for.get(event.id, [])
    shown = {c.id for c in corrections}
    parts = [
        m.front_matter(event.title, event.summary, og_type="article",
                       json_ld=m.json_for_script(event_json_ld(site, event))),
        f'<h1 id="event-title">{m.text(event.title)}</h1>',
        # data-chrono-nav: the navigation entry this page belongs under (events are not in the
        # navigation), which chronology.js marks, so the reader sees where they are.
        f'<p class="chrono-event__meta" data-chrono-nav="{m.href(here, phase_url(phase.id))}" '
        f"{NO_INDEX}>{m.time(event.date)}{weekday} · Phase: "
        f"{m.link(here, phase_url(phase.id), phase.title)}</p>",
        # What happened comes before how its date is known, so that on a phone the summary is
        # on the first screen; the account of the date is one line until opened.
        f'<p class="chrono-event__summary">{site.prose(event.summary)}</p>',
        render_dating(site, here, event),
    ]
    if event.record:
        items = "".join(f"<li>{render_record_citation(site, here, c)}</li>" for c in event.record)
        parts.append('<section id="record" aria-label="From the public record">'
                     f'<h2>From the public record</h2><ul class="chrono-record-list">{items}</ul>'
                     "</section>")
    parts.append(render_tags(site, here, event))
    # The sections carry the ids that links use; their headings carry none.
    cards = ('<div class="chrono-citations">'
             + "".join(render_citation(site, here, c, shown=shown) for c in event.citations)
             + "</div>" if event.citations else
             "<p>None of the news articles this chronology quotes reports this event: it rests "
             "on the public record.</p>")
    parts.append('<section id="sources" aria-label="What the sources say">'
                 f"<h2>What the sources say</h2>{cards}</section>")
    if corrections:
        # Indexed on the corrections page; here only shown. A region, not a section: an element
        # excluded from search may not hold one of its own tag, and the corrections are sections.
        parts.append(
            f'<div id="corrections" role="region" aria-label="Errors in the sources" {NO_INDEX}>'
            f"<h2>Errors in the sources</h2><p>See also "
            f"{m.link(here, CORRECTIONS, 'all corrections')}.</p>"
            + "".join(render_correction(site, here, c, heading="h3", anchor=False, shown=shown)
                      for c in corrections)
            + "</div>")
    parts.append(render_cite(site, event))
    parts.append(render_neighbours(site, here, event))
    parts.append(event_index(
        event, phase=phase.title, actors=site.actors, page_text="".join(parts[1:]),
        topics={t: (site.topics[t].title, site.topics[t].aliases) for t in event.topics}))
    return "\n\n".join(part for part in parts if part) + "\n"


def render_dating(site: Site, here: str, event: Event) -> str:
    """How the date is known (and the day the measure took effect), each a line that opens to
    the whole account. The in-force line keeps the id that "Takes effect" entries link to."""
    lines = [
        '<details class="chrono-basis"><summary>How the date is known: '
        f"{basis_headline(site, event.date_basis)}</summary>"
        f"<p>{render_basis(site, here, event.date_basis)}</p></details>"]
    if event.in_force:
        lines.append(
            '<details class="chrono-basis chrono-basis--in-force" id="in-force"><summary>'
            f"In force from {m.time(event.in_force.date)}: "
            f"{basis_headline(site, event.in_force.basis)}</summary>"
            f"<p>{render_basis(site, here, event.in_force.basis)}</p></details>")
    # Indexed, below the page's own words: it holds the record's Korean and Japanese quotes.
    return (f'<div class="chrono-dating" data-pagefind-weight="{DATING_WEIGHT}">'
            + "".join(lines) + "</div>")


def render_tags(site: Site, here: str, event: Event) -> str:
    rows = []
    if event.actors:
        links = ", ".join(render_actor_name(here, site.actors[a]) for a in event.actors)
        rows.append(f"<dt>Who</dt>\n<dd>{links}</dd>")
    if event.topics:
        links = ", ".join(m.link(here, topic_url(t), site.topics[t].title) for t in event.topics)
        rows.append(f"<dt>Topics</dt>\n<dd>{links}</dd>")
    if event.aliases:
        names = ", ".join(m.text(alias) for alias in event.aliases)
        rows.append(f"<dt>Also called</dt>\n<dd>{names}</dd>")
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
        f'<section class="chrono-phase-event" id="{e.id}" aria-label="{m.attr(e.title)}" '
        f'data-toc-level="3"><h3>'
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
    """Every event by phase, with the filters (shown and run by chronology.js)."""
    facets = Facets(site)
    sections = [
        f'<section class="chrono-timeline-phase" aria-labelledby="timeline-{phase.id}">'
        f'<h3 id="timeline-{phase.id}">{m.link(here, phase_url(phase.id), phase.title)}</h3>'
        f"{render_timeline(here, site.in_phase[phase.id], site.in_force_in_phase[phase.id], facets.tokens)}"
        "</section>"
        for phase in site.chronology.phases
    ]
    return render_filters(site, facets) + "\n".join(sections)


def render_events_index(site: Site) -> str:
    """events/: every event, so that the folder above each event's address is a page too."""
    here = EVENTS
    return "\n\n".join([
        # Out of search: it repeats the home page's timeline, which is indexed there.
        m.front_matter("All events", "Every event of the Japan–South Korea trade dispute, "
                       "2018–2023, by phase, with its date.", search={"exclude": True}),
        '<h1 id="all-events">All events</h1>',
        f"<p>{m.count(len(site.events), 'event')} in "
        f"{m.count(len(site.chronology.phases), 'phase')}, each with the news articles it "
        f"rests on. The {m.link(here, HOME, 'home page')} shows them with a chart of the "
        "measures in force.</p>",
        '<h2 id="timeline">By phase</h2>',  # the phases' headings below are h3, as at home
        render_home_timeline(site, here),
    ]) + "\n"


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
