"""Render the reference pages: sources, topics, the background, the glossary and the record
(people: people.py; corrections: corrections.py).

Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from .. import markup as m
from ..model import Source, Topic
from ..urls import (
    CONTEXT,
    CORRECTIONS,
    RECORD,
    SOURCES,
    TOPICS,
    event_url,
    source_url,
    topic_url,
)
from .fragments import (
    LANGUAGES,
    NO_INDEX,
    render_basis,
    render_citation,
    render_flag,
    render_list,
    render_timeline,
)
from .site import Site


def render_source_page(site: Site, source: Source) -> str:
    here = source_url(source.id)
    published = m.time(source.published)
    if source.published_basis:
        published += f" — {m.text(source.published_basis)}"
    rows = [("Outlet", m.text(source.outlet)), ("Title", f"<cite>{m.text(source.title)}</cite>"),
            ("Published", published)]
    rows += [(label, m.text(value)) for label, value in
             (("Wire agency", source.agency), ("Author", source.author)) if value]
    if source.url:
        rows.append(("Address", m.external(source.url, source.url)))
    events = site.citing[source.id]
    cited = "\n".join(
        f"<li>{m.time(e.date)} {m.link(here, event_url(e.id), e.title)}<ul>"
        + "".join(f"<li>{m.quote(c.quote)}{''.join(render_flag(here, x) for x in site.errors_in(c))}"
                  "</li>" for c in e.citations if c.source == source.id)
        + "</ul></li>"
        for e in events
    )
    # Its own errors only: a correction may quote this source as evidence against another.
    corrections = [c for c in site.chronology.corrections
                   if any(q.source == source.id for q in c.quotes)]
    errors = render_list(here, ((f"{CORRECTIONS}#{c.id}", c.title, "")
                                for c in corrections))
    witness = [c for c in site.chronology.corrections
               if any(q.source == source.id for q in c.evidence_quotes)]
    evidence = render_list(here, ((f"{CORRECTIONS}#{c.id}", c.title, "")
                                  for c in witness))
    return "\n\n".join(part for part in [
        m.front_matter(f"{source.outlet}: {source.title}",
                       f"Source: {source.outlet}, {source.title}, {source.published.human}."),
        f'<h1 id="source-title" data-chrono-nav="{m.href(here, SOURCES)}">'
        f"{m.text(source.outlet)}: {m.text(source.title)}</h1>",
        m.pairs(rows),
        f'<p class="chrono-source__notes">{m.text(source.notes)}</p>' if source.notes else "",
        f'<h2 id="errors">Errors we found in it ({len(corrections)})</h2>',
        errors if corrections else "<p>None recorded.</p>",
        f'<h2 id="evidence">Quoted as evidence against other sources ({len(witness)})</h2>'
        if witness else "",
        evidence if witness else "",
        f'<h2 id="cited-by">Events citing this source ({len(events)})</h2>',
        f'<div {NO_INDEX}><ul class="chrono-cited-by">{cited}</ul></div>' if events else "<p>None yet.</p>",
    ] if part) + "\n"


def render_sources_index(site: Site) -> str:
    here = SOURCES
    items = render_list(here, (
        (source_url(s.id), f"{s.outlet}, {s.title}",
         f"{s.published.human}; cited by {m.count(len(site.citing[s.id]), 'event')}")
        for s in site.chronology.sources))
    return "\n\n".join([
        m.front_matter("Sources", "The news articles this chronology is built from."),
        '<h1 id="sources">Sources</h1>',
        "<p>The five news articles the chronology began with, quoted word for word. They are not "
        "a balanced set: RT is funded by the Russian state; Xinhua is China’s state news agency "
        "(here as republished by IOL); Al Mayadeen is a Beirut-based channel; The Caspian Times "
        "republishes an Associated Press report and another site a Bloomberg story. Each page "
        "below says what is known of the copy we quote, and the errors of each are on "
        f"{m.link(here, CORRECTIONS, 'the corrections page')}. Dates and facts these articles do "
        f"not establish rest on {m.link(here, RECORD, 'the public record')}, cited page by "
        "page.</p>",
        items,
    ]) + "\n"


def render_topic_page(site: Site, topic: Topic) -> str:
    here = topic_url(topic.id)
    events = site.on_topic[topic.id]
    return "\n\n".join([
        m.front_matter(topic.title, topic.summary),
        f'<h1 id="topic-title" data-chrono-nav="{m.href(here, TOPICS)}">{m.text(topic.title)}</h1>',
        f"<p>{site.prose(topic.summary)}</p>",
        f'<h2 id="events">Events ({len(events)})</h2>',
        render_timeline(here, events),
    ]) + "\n"


def render_topics_index(site: Site) -> str:
    here = TOPICS
    items = render_list(here, ((topic_url(t.id), t.title, t.summary)
                               for t in site.chronology.topics))
    return "\n\n".join([m.front_matter("Topics", "The dispute's threads, each with its events."),
                        '<h1 id="topics">Topics</h1>', items]) + "\n"


def render_context_page(site: Site) -> str:
    here = CONTEXT
    sections = [
        f'<section class="chrono-background"><h2 id="{b.id}">{m.text(b.title)}</h2>'
        f'<p class="chrono-event__meta">{m.time(b.date)}</p>'
        f'<p class="chrono-basis">Date: {render_basis(site, here, b.date_basis)}</p>'
        f"<p>{site.prose(b.summary)}</p>"
        f'<div class="chrono-citations">{"".join(render_citation(site, here, c) for c in b.citations)}'
        "</div></section>"
        for b in site.chronology.background
    ]
    return "\n\n".join([
        m.front_matter("Background", "The history behind the dispute (colonial rule, the 1965 "
                       "treaty, earlier meetings) and related events outside its four phases."),
        '<h1 id="background">Background</h1>',
        "<p>What happened before the dispute and is referred to in it, and related events that "
        "fall between or after the four phases. These entries are not part of the timeline.</p>",
        *sections,
    ]) + "\n"


def render_glossary_page(site: Site) -> str:
    entries = "\n".join(
        f'<dt id="{t.id}">{m.text(t.term)}</dt><dd>{m.text(t.definition)}'
        + (f'<br><span class="chrono-glossary__aliases">Also: {m.text(", ".join(t.aliases))}</span>'
           if t.aliases else "") + "</dd>"
        for t in site.chronology.glossary)
    return "\n\n".join([
        m.front_matter("Glossary", "Terms used in the chronology of the Japan–South Korea trade "
                       "dispute: white list, GSOMIA, photoresist and more."),
        '<h1 id="glossary">Glossary</h1>',
        # How to use a screen, which a printed page need not say (chrono-screen-only).
        '<p class="chrono-screen-only">Where one of these terms first appears on a page of the '
        "chronology, pointing at it, "
        "tapping it or reaching it with the Tab key shows its definition; every definition is "
        "also here.</p>",
        f'<dl class="chrono-glossary">\n{entries}\n</dl>',
    ]) + "\n"


def render_record_page(site: Site) -> str:
    """Every page of the public record the chronology cites, with the address where it can be
    read and what cites it: official documents first, then press and wire reports."""
    here = RECORD
    groups = []
    for kind, heading_id, heading in (("official", "official-documents", "Official documents"),
                                      ("press", "press-reports", "Press and wire reports")):
        entries = []
        for r in (r for r in site.chronology.records if r.kind == kind):
            language = LANGUAGES.get(r.language.split("-")[0], r.language)
            author = f"{m.text(r.author)}, " if r.author else ""
            archive = (f' · {m.external(r.archive_url, "archived copy")}' if r.archive_url else "")
            notes = f"<p>{m.text(r.notes)}</p>" if r.notes else ""
            cited = site.citing_record[r.id]
            cites = (render_list(here, ((url, label, "") for url, label in cited)) if cited
                     else "<p>Not cited yet.</p>")
            entries.append(
                f'<section class="chrono-record-source" id="{r.id}" aria-label="{m.attr(r.outlet)}:'
                f' {m.attr(r.title)}"><h3 lang="{m.attr(r.language)}">'
                f"{m.external(r.url, r.title)}</h3><p>{author}{m.text(r.outlet)}, "
                f"{m.time(r.published)} · in {m.text(language)}{archive}</p>{notes}"
                f"<p>Cited on:</p>{cites}</section>")
        if entries:
            groups.append(f'<h2 id="{heading_id}">{heading}</h2>\n' + "\n".join(entries))
    count = len(site.chronology.records)
    return "\n\n".join([
        m.front_matter("The public record", "The official documents and press reports that "
                       "establish the chronology's dates and facts, each with its address."),
        '<h1 id="record-title">The public record</h1>',
        f"<p>{m.count(count, 'page')} of the public record — official documents (ministries, "
        "presidential offices, courts, the WTO) and wire and press reports — establish the dates "
        "and facts that the five news articles do not. Each is listed with the address where it "
        "was read, in its own language; quotes from it are copied as read, and translations are "
        "marked as ours.</p>",
        *groups,
    ]) + "\n"
