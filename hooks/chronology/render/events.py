"""Render the chronology's own pages: events, phases and the home page's generated parts.

Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from .. import markup as m
from ..model import Actor, Event, Phase
from ..urls import (
    CORRECTIONS,
    EDITIONS,
    EVENTS,
    HOME,
    actor_url,
    edition_href,
    event_url,
    phase_url,
    topic_url,
)
from .citing import render_event_cite
from .figures import render_event_figures
from .filters import Facets, render_filters
from .fragments import (
    NO_INDEX,
    actor_lang,
    basis_headline,
    day,
    other_names,
    render_basis,
    render_citation,
    render_correction,
    render_record_citation,
    render_timeline,
)
from .search import DATING_WEIGHT, event_index
from .site import Site


def render_event_page(site: Site, event: Event) -> str:
    t = site.t
    here = event_url(event.id)
    phase = site.phases[event.phase]
    weekday = event.date.weekday_in(site.lang)
    meta = t("event.meta", date=m.time(event.date, lang=site.lang),
             weekday=t("event.weekday", weekday=weekday) if weekday else "",
             phase=m.link(here, phase_url(phase.id), phase.title))
    corrections = site.corrections_for.get(event.id, [])
    shown = {c.id for c in corrections}
    parts = [
        # Not og:type "article": Zotero's connector reads that as a journal article; an
        # event's page is a web page (the default, "website").
        m.front_matter(event.title, event.summary,
                       json_ld=m.json_for_script(event_json_ld(site, event))),
        f'<h1 id="event-title">{m.text(event.title)}</h1>',
        # data-chrono-nav: the navigation entry this page belongs under (events are not in the
        # navigation), which chronology.js marks, so the reader sees where they are.
        f'<p class="chrono-event__meta" data-chrono-nav="{m.href(here, phase_url(phase.id))}" '
        f"{NO_INDEX}>{meta}"
        # The page's link, copied (chronology.js shows the button; without it, the permanent
        # link at the foot of the page is there).
        f' <button type="button" class="chrono-copy-link" data-copy-link="" hidden>'
        f'{t("event.copy-link")}</button></p>',
        # What happened comes before how its date is known, so that on a phone the summary is
        # on the first screen; the account of the date is one line until opened.
        f'<p class="chrono-event__summary">{site.prose(event.summary)}</p>',
        render_editions(site, here),
        render_dating(site, here, event),
    ]
    if event.record:
        items = "".join(f"<li>{render_record_citation(site, here, c)}</li>" for c in event.record)
        heading = t("event.record.heading")
        # Indexed below the page's own words, as the account of the date: the officials' own
        # words name the dispute's terms (韓国大法院, WTO提訴) on many events, each its own.
        parts.append(f'<section id="record" aria-label="{heading}" '
                     f'data-pagefind-weight="{DATING_WEIGHT}">'
                     f'<h2>{heading}</h2><ul class="chrono-record-list">{items}</ul>'
                     "</section>")
    parts.append(render_tags(site, here, event))
    parts.append(render_sources(site, here, event, shown))
    if corrections:
        # Indexed on the corrections page; here only shown. A region, not a section: an element
        # excluded from search may not hold one of its own tag, and the corrections are sections.
        parts.append(
            f'<div id="corrections" role="region" aria-label="{t("event.corrections.heading")}" '
            f'{NO_INDEX}><h2>{t("event.corrections.heading")}</h2><p>'
            + t("event.corrections.see-also",
                corrections=m.link(here, CORRECTIONS, t.text("event.corrections.all")))
            + "</p>"
            + "".join(render_correction(site, here, c, heading="h3", anchor=False, shown=shown)
                      for c in corrections)
            + "</div>")
    # After what the sources say of the event: what the record counts of its effects. Kept out
    # of the event's search fields: the figures page is where they are found.
    figures = render_event_figures(site, here, event)
    parts.append(figures)
    parts.append(render_event_cite(site, event))
    parts.append(render_neighbours(site, here, event))
    parts.append(event_index(
        event, phase=phase.title, actors=site.actors, lang=site.lang,
        page_text="".join(part for part in parts[1:] if part is not figures),
        topics={t: (site.topics[t].title, site.topics[t].aliases) for t in event.topics}))
    return "\n\n".join(part for part in parts if part) + "\n"


def render_sources(site: Site, here: str, event: Event, shown: set[str]) -> str:
    """What the articles say of the event; then, apart, what they say of its outcome or
    background (citations marked `context`), which is not their report of it. The sections
    carry the ids that links use; their headings carry none."""
    t = site.t
    reports = [c for c in event.citations if not c.context]
    context = [c for c in event.citations if c.context]
    cards = ('<div class="chrono-citations">'
             + "".join(render_citation(site, here, c, shown=shown) for c in reports)
             + "</div>" if reports else f"<p>{t('event.sources.none')}</p>")
    if context:
        label = t("event.context.heading")
        cards += (f'<section id="context" class="chrono-context" aria-label="{label}" '
                  f'data-toc-level="3"><h3>{label}</h3><p>{t("event.context.intro")}</p>'
                  '<div class="chrono-citations">'
                  + "".join(render_citation(site, here, c, shown=shown) for c in context)
                  + "</div></section>")
    heading = t("event.sources.heading")
    return (f'<section id="sources" aria-label="{heading}">'
            f"<h2>{heading}</h2>{cards}</section>")


def render_editions(site: Site, here: str) -> str:
    """Links to this page in the other editions, each named in its own language."""
    links = " · ".join(
        f'<a href="{edition_href(here, site.lang, lang)}" hreflang="{lang}" lang="{lang}">'
        f"{name}</a>" for lang, (_, name) in EDITIONS.items() if lang != site.lang)
    return (f'<p class="chrono-editions" {NO_INDEX}>'
            f"{site.t('event.editions', links=links)}</p>")


def render_dating(site: Site, here: str, event: Event) -> str:
    """How the date is known (and the day the measure took effect), each a line that opens to
    the whole account. The in-force line keeps the id that "Takes effect" entries link to."""
    t = site.t
    lines = [
        '<details class="chrono-basis"><summary>'
        f"{t('event.basis.summary', headline=basis_headline(site, event.date_basis))}</summary>"
        f"<p>{render_basis(site, here, event.date_basis)}</p></details>"]
    if event.in_force:
        lines.append(
            '<details class="chrono-basis chrono-basis--in-force" id="in-force"><summary>'
            + t("event.in-force.summary", date=m.time(event.in_force.date, lang=site.lang),
                headline=basis_headline(site, event.in_force.basis))
            + "</summary>"
            f"<p>{render_basis(site, here, event.in_force.basis)}</p></details>")
    # Indexed, below the page's own words: it holds the record's Korean and Japanese quotes.
    return (f'<div class="chrono-dating" data-pagefind-weight="{DATING_WEIGHT}">'
            + "".join(lines) + "</div>")


def render_tags(site: Site, here: str, event: Event) -> str:
    t = site.t
    rows = []
    if event.actors:
        links = ", ".join(render_actor_name(here, site.actors[a]) for a in event.actors)
        rows.append(f"<dt>{t('event.tags.who')}</dt>\n<dd>{links}</dd>")
    if event.topics:
        links = ", ".join(m.link(here, topic_url(topic), site.topics[topic].title)
                          for topic in event.topics)
        rows.append(f"<dt>{t('event.tags.topics')}</dt>\n<dd>{links}</dd>")
    if event.aliases:
        rows.append(f"<dt>{t('event.tags.aliases')}</dt>\n<dd>{other_names(event.aliases)}</dd>")
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
    t = site.t
    index = site.position[event.id]
    links = []
    for offset, rel, label in ((-1, "prev", t("event.neighbours.previous")),
                               (1, "next", t("event.neighbours.next"))):
        if 0 <= index + offset < len(site.events):
            other = site.events[index + offset]
            links.append(f'<a rel="{rel}" class="chrono-neighbours__{rel}" href="'
                         f'{m.href(here, event_url(other.id))}">'
                         + t("event.neighbours.link", which=label, title=m.text(other.title),
                             date=other.date.human_in(site.lang))
                         + "</a>")
    return (f'<nav class="chrono-neighbours" aria-label="{t("event.neighbours.label")}" '
            f"{NO_INDEX}>" + "".join(links) + "</nav>")


def render_phase_page(site: Site, phase: Phase) -> str:
    here = phase_url(phase.id)
    events = site.in_phase[phase.id]
    summaries = "\n".join(
        f'<section class="chrono-phase-event" id="{e.id}" aria-label="{m.attr(e.title)}" '
        f'data-toc-level="3"><h3>'
        f"{m.link(here, event_url(e.id), e.title)}</h3><p>{m.time(e.date, lang=site.lang)}</p>"
        f"<p>{site.prose(e.summary)}</p></section>"
        for e in events
    )
    t = site.t
    dates = t("phase.dates", start=m.time(day(phase.start), lang=site.lang),
              end=m.time(day(phase.end), lang=site.lang),
              events=t.count(len(events), "count.event"))
    return "\n\n".join([
        m.front_matter(phase.title, phase.summary),
        f'<h1 id="phase-title">{m.text(phase.title)}</h1>',
        f'<p class="chrono-phase__dates">{dates}</p>',
        f'<p class="chrono-phase__summary">{site.prose(phase.summary)}</p>',
        f'<h2 id="timeline">{t("phase.timeline")}</h2>',
        render_timeline(here, events, site.in_force_in_phase[phase.id], t=t),
        f'<h2 id="events">{t("phase.events")}</h2>',
        f"<div {NO_INDEX}>\n{summaries}\n</div>",
    ]) + "\n"


def render_phase_list(site: Site, here: str) -> str:
    items = "\n".join(
        f'<li>{m.link(here, phase_url(p.id), p.title)} <span class="chrono-phase-list__dates">'
        f"{m.time(day(p.start), lang=site.lang)} – {m.time(day(p.end), lang=site.lang)}</span>"
        f"<br>{m.text(p.summary)}</li>"
        for p in site.chronology.phases
    )
    return f'<ol class="chrono-phase-list" {NO_INDEX}>\n{items}\n</ol>'


def render_home_timeline(site: Site, here: str) -> str:
    """Every event by phase, with the filters (shown and run by chronology.js)."""
    facets = Facets(site)
    sections = [
        f'<section class="chrono-timeline-phase" aria-labelledby="timeline-{phase.id}">'
        f'<h3 id="timeline-{phase.id}">{m.link(here, phase_url(phase.id), phase.title)}</h3>'
        + render_timeline(here, site.in_phase[phase.id], site.in_force_in_phase[phase.id],
                          facets.tokens, t=site.t) +
        "</section>"
        for phase in site.chronology.phases
    ]
    return render_filters(site, facets) + "\n".join(sections)


def render_events_index(site: Site) -> str:
    """events/: every event, so that the folder above each event's address is a page too."""
    here = EVENTS
    t = site.t
    intro = t("events.intro", events=t.count(len(site.events), "count.event"),
              phases=t.count(len(site.chronology.phases), "count.phase"),
              home=m.link(here, HOME, t.text("events.home-link")))
    return "\n\n".join([
        # Out of search: it repeats the home page's timeline, which is indexed there.
        m.front_matter(t.text("events.title"), t.text("events.description"),
                       search={"exclude": True}),
        f'<h1 id="all-events">{t("events.title")}</h1>',
        f"<p>{intro}</p>",
        # The phases' headings below are h3, as at home.
        f'<h2 id="timeline">{t("events.by-phase")}</h2>',
        render_home_timeline(site, here),
    ]) + "\n"


def event_json_ld(site: Site, event: Event) -> dict[str, object]:
    """schema.org Event, with the articles that report it as citations (not those quoted only
    for its background)."""
    citations = []
    for source_id in dict.fromkeys(c.source for c in event.citations if not c.context):
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
