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
    GLOSSARY,
    NAMING,
    RECORD,
    SOURCES,
    TOPICS,
    event_url,
    source_url,
    topic_url,
)
from .fragments import (
    NO_INDEX,
    render_basis,
    render_citation,
    render_flag,
    render_list,
    render_timeline,
)
from .site import Site
from .words import LANGUAGES


def render_source_page(site: Site, source: Source) -> str:
    t = site.t
    here = source_url(source.id)
    published = m.time(source.published, lang=site.lang)
    if source.published_basis:
        published += f" — {m.text(source.published_basis)}"
    rows = [(t("source.outlet"), m.text(source.outlet)),
            (t("source.title"), f"<cite>{m.text(source.title)}</cite>"),
            (t("source.published"), published)]
    rows += [(t(label), m.text(value)) for label, value in
             (("source.agency", source.agency), ("source.author", source.author)) if value]
    if source.url:
        rows.append((t("source.address"), m.external(source.url, source.url)))
    events = site.citing[source.id]
    cited = "\n".join(
        f"<li>{m.time(e.date, lang=site.lang)} {m.link(here, event_url(e.id), e.title)}<ul>"
        + "".join(f"<li>{m.quote(c.quote)}"
                  f"{''.join(render_flag(here, x, t=t) for x in site.errors_in(c))}"
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
                       t.text("source.description", outlet=source.outlet, title=source.title,
                              date=source.published.human_in(site.lang))),
        f'<h1 id="source-title" data-chrono-nav="{m.href(here, SOURCES)}">'
        f"{m.text(source.outlet)}: {m.text(source.title)}</h1>",
        m.pairs(rows),
        f'<p class="chrono-source__notes">{m.text(source.notes)}</p>' if source.notes else "",
        f'<h2 id="errors">{t("source.errors", count=len(corrections))}</h2>',
        errors if corrections else f"<p>{t('source.errors.none')}</p>",
        f'<h2 id="evidence">{t("source.evidence", count=len(witness))}</h2>'
        if witness else "",
        evidence if witness else "",
        f'<h2 id="cited-by">{t("source.cited-by", count=len(events))}</h2>',
        f'<div {NO_INDEX}><ul class="chrono-cited-by">{cited}</ul></div>' if events
        else f"<p>{t('source.cited-by.none')}</p>",
    ] if part) + "\n"


def render_sources_index(site: Site) -> str:
    here = SOURCES
    t = site.t
    # render_list escapes the descriptions: plain text here.
    items = render_list(here, (
        (source_url(s.id), f"{s.outlet}, {s.title}",
         t.text("sources.item", date=s.published.human_in(site.lang),
                events=t.count_text(len(site.citing[s.id]), "count.event")))
        for s in site.chronology.sources))
    intro = t("sources.intro",
              corrections=m.link(here, CORRECTIONS, t.text("sources.corrections-link")),
              record=m.link(here, RECORD, t.text("sources.record-link")))
    return "\n\n".join([
        m.front_matter(t.text("sources.title"), t.text("sources.description")),
        f'<h1 id="sources">{t("sources.title")}</h1>',
        f"<p>{intro}</p>",
        items,
    ]) + "\n"


def render_topic_page(site: Site, topic: Topic) -> str:
    here = topic_url(topic.id)
    events = site.on_topic[topic.id]
    return "\n\n".join([
        m.front_matter(topic.title, topic.summary),
        f'<h1 id="topic-title" data-chrono-nav="{m.href(here, TOPICS)}">{m.text(topic.title)}</h1>',
        f"<p>{site.prose(topic.summary)}</p>",
        f'<h2 id="events">{site.t("events.count-heading", count=len(events))}</h2>',
        render_timeline(here, events, t=site.t),
    ]) + "\n"


def render_topics_index(site: Site) -> str:
    here = TOPICS
    items = render_list(here, ((topic_url(t.id), t.title, t.summary)
                               for t in site.chronology.topics))
    t = site.t
    return "\n\n".join([m.front_matter(t.text("topics.title"), t.text("topics.description")),
                        f'<h1 id="topics">{t("topics.title")}</h1>', items]) + "\n"


def render_context_page(site: Site) -> str:
    here = CONTEXT
    t = site.t
    sections = [
        f'<section class="chrono-background"><h2 id="{b.id}">{m.text(b.title)}</h2>'
        f'<p class="chrono-event__meta">{m.time(b.date, lang=site.lang)}</p>'
        f'<p class="chrono-basis">{t("context.date", basis=render_basis(site, here, b.date_basis))}'
        "</p>"
        f"<p>{site.prose(b.summary)}</p>"
        f'<div class="chrono-citations">{"".join(render_citation(site, here, c) for c in b.citations)}'
        "</div></section>"
        for b in site.chronology.background
    ]
    return "\n\n".join([
        m.front_matter(t.text("context.title"), t.text("context.description")),
        f'<h1 id="background">{t("context.title")}</h1>',
        f"<p>{t('context.intro')}</p>",
        *sections,
    ]) + "\n"


def render_glossary_page(site: Site) -> str:
    t = site.t
    entries = "\n".join(
        f'<dt id="{term.id}">{m.text(term.term)}</dt><dd>{m.text(term.definition)}'
        + ('<br><span class="chrono-glossary__aliases">'
           f'{t("glossary.also", aliases=t("glossary.also.between").join(map(m.text, term.aliases)))}'
           '</span>'
           if term.aliases else "") + "</dd>"
        for term in site.chronology.glossary)
    return "\n\n".join([
        m.front_matter(t.text("glossary.title"), t.text("glossary.description")),
        f'<h1 id="glossary">{t("glossary.title")}</h1>',
        # How to use a screen, which a printed page need not say (chrono-screen-only).
        f'<p class="chrono-screen-only">{t("glossary.intro")}</p>',
        f'<dl class="chrono-glossary">\n{entries}\n</dl>',
        # The names the two sides dispute, and the edition's choice among them, explained.
        "<p>" + t("glossary.naming", page=m.link(
            GLOSSARY, NAMING, t.text("glossary.naming-page"))) + "</p>",
    ]) + "\n"


def render_record_page(site: Site) -> str:
    """Every page of the public record the chronology cites, with the address where it can be
    read and what cites it: official documents first, then press and wire reports."""
    here = RECORD
    t = site.t
    groups = []
    for kind, heading_id, heading in (("official", "official-documents", "record.official"),
                                      ("press", "press-reports", "record.press")):
        entries = []
        for r in (r for r in site.chronology.records if r.kind == kind):
            code = r.language.split("-")[0]
            language = t(LANGUAGES[code]) if code in LANGUAGES else m.text(r.language)
            author = t("record.author", author=m.text(r.author)) if r.author else ""
            archive = (f' · {m.external(r.archive_url, t.text("record.archived"))}'
                       if r.archive_url else "")
            notes = f"<p>{m.text(r.notes)}</p>" if r.notes else ""
            cited = site.citing_record[r.id]
            cites = (render_list(here, ((url, label, "") for url, label in cited)) if cited
                     else f"<p>{t('record.not-cited')}</p>")
            line = t("record.line", author=author, outlet=m.text(r.outlet),
                     date=m.time(r.published, lang=site.lang), language=language,
                     archive=archive)
            entries.append(
                f'<section class="chrono-record-source" id="{r.id}" aria-label="{m.attr(r.outlet)}:'
                f' {m.attr(r.title)}"><h3 lang="{m.attr(r.language)}">'
                f"{m.external(r.url, r.title)}</h3><p>{line}</p>{notes}"
                # The events' titles are theirs to be found by, not this list's (a query of
                # two events' words would find this page alone).
                f"<div {NO_INDEX}><p>{t('record.cited-on')}</p>{cites}</div></section>")
        if entries:
            groups.append(f'<h2 id="{heading_id}">{t(heading)}</h2>\n' + "\n".join(entries))
    count = len(site.chronology.records)
    return "\n\n".join([
        m.front_matter(t.text("record.title"), t.text("record.description")),
        f'<h1 id="record-title">{t("record.title")}</h1>',
        f"<p>{t('record.intro', pages=t.count(count, 'count.page'))}</p>",
        *groups,
    ]) + "\n"
