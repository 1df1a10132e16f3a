"""Pieces several pages share: timelines, citations of the articles and of the public record,
how a date is known, corrections, plain lists. Pure: no I/O, no MkDocs; all data text goes
through markup.text()/attr().
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from .. import markup as m
from ..dates import PartialDate
from ..model import Actor, Citation, Correction, DateBasis, Event, RecordCitation
from ..urls import CORRECTIONS, RECORD, event_url, source_url
from .site import Site

# Search (Pagefind) skips the text of elements carrying this attribute: lists that repeat other
# pages' text (timelines, quotes on source pages, captions, the cite box) stay out of the index,
# so that a search lands on the event.
NO_INDEX = "data-pagefind-ignore"
LANGUAGES = {"en": "English", "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "fr": "French",
             "de": "German"}


def render_record_citation(site: Site, here: str, citation: RecordCitation) -> str:
    """A citation of the public record: a link to the page itself, its words in their own
    language and our translation, and a link to its entry in the list of the record."""
    source = site.records[citation.source]
    lang = source.language
    words = ""
    if citation.quote:
        words = f" {m.quote(citation.quote, lang)}"
        if citation.translation:
            words += (f' <span class="chrono-translation">(our translation: '
                      f"“{m.text(citation.translation)}”)</span>")
    note = f" {m.text(citation.note)}" if citation.note else ""
    entry = m.href(here, f"{RECORD}#{source.id}")
    return (f'<span class="chrono-record">{m.external(source.url, source.outlet)}, '
            f"<cite>{m.text(source.title)}</cite>, {m.time(source.published)}{words}{note} "
            f'<a class="chrono-record__entry" href="{entry}" aria-label="{m.attr(source.outlet)}'
            f' in the list of the public record">[record]</a></span>')


def render_record(site: Site, here: str, citations: Iterable[RecordCitation]) -> str:
    return "; ".join(render_record_citation(site, here, c) for c in citations)


def render_basis(site: Site, here: str, basis: DateBasis) -> str:
    """How a date is known, in words a reader can check."""
    note = f" {m.text(basis.note)}" if basis.note else ""
    if basis.record:
        note += f" Record: {render_record(site, here, basis.record)}."
    if basis.not_found:
        note += (' <span class="chrono-basis__not-found">The record for this date was not '
                 f"found: {m.text(basis.not_found)}</span>")
    if basis.source is None:
        return f'<span class="chrono-basis__kind">From the public record.</span>{note}'
    source = site.sources[basis.source]
    where = m.link(here, source_url(source.id), source.outlet)
    if basis.kind == "record":  # on record, and the article's relative words agree
        return (f'<span class="chrono-basis__kind">From the public record</span>; {where} '
                f"says {m.quote(basis.phrase or '')}.{note}")
    if basis.kind == "stated":
        return (f'<span class="chrono-basis__kind">Stated</span> in {where}: '
                f"{m.quote(basis.phrase or '')}.{note}")
    published = f"{source.published.weekday or ''} {m.time(source.published)}".strip()
    return (f'<span class="chrono-basis__kind">Worked out</span> from '
            f"{m.quote(basis.phrase or '')} in {where}, published {published}.{note}")


def basis_headline(site: Site, basis: DateBasis) -> str:
    """How a date is known, in a few words ("stated in RT"): the line a reader sees before
    opening the whole account (render_basis)."""
    source = site.sources[basis.source].outlet if basis.source else None
    if basis.kind == "stated" and source:
        return f'<span class="chrono-basis__kind">stated</span> in {m.text(source)}'
    if basis.kind == "derived" and source:
        return f'<span class="chrono-basis__kind">worked out</span> from {m.text(source)}'
    if basis.not_found:
        return '<span class="chrono-basis__kind">from the public record</span> (not found)'
    return '<span class="chrono-basis__kind">from the public record</span>'


def render_timeline(here: str, events: Iterable[Event], taking_effect: Iterable[Event] = (),
                    facets: Callable[[Event, bool], str] | None = None) -> str:
    """An ordered list of events, each linking to its page, and of the days decided measures
    took effect (`taking_effect`: the decisions), each linking to that part of its decision's
    page; readable without JavaScript. `facets(event, taking_effect)` gives each entry the
    tokens the timeline's filters match (data-f), where the page offers filters."""
    def data(event: Event, in_force: bool) -> str:
        return f' data-f="{m.attr(facets(event, in_force))}"' if facets else ""

    entries = [(event.sort_key(), 0,
                f'<li class="chrono-timeline__item chrono-timeline__item--{event.date.precision}"'
                f"{data(event, False)}>"
                f"{m.time(event.date)} {m.link(here, event_url(event.id), event.title)}</li>")
               for event in events]
    entries += [((event.in_force.date.sort_key(), 999, event.id), 1,
                 f'<li class="chrono-timeline__item chrono-timeline__item--in-force"'
                 f"{data(event, True)}>"
                 f'{m.time(event.in_force.date)} <span class="chrono-timeline__badge">Takes '
                 f"effect</span> {m.link(here, event_url(event.id) + '#in-force', event.title)} "
                 f'<span class="chrono-timeline__decided">(decided {event.date.human})</span></li>')
                for event in taking_effect if event.in_force]
    items = [html_ for _, _, html_ in sorted(entries, key=lambda entry: (entry[0], entry[1]))]
    if not items:
        return '<p class="chrono-empty">No events yet.</p>'
    return f'<ol class="chrono-timeline" {NO_INDEX}>\n' + "\n".join(items) + "\n</ol>"


def render_citation(site: Site, here: str, citation: Citation, *, shown: Collection[str] = (),
                    within: str | None = None) -> str:
    """A quote card. A quote that a correction shows to be wrong is flagged where it stands,
    with a link to the correction: on this page if it is shown here (`shown`: the ids of the
    corrections on this page), else on the corrections page. `within`: the correction this card
    belongs to, which needs no flag pointing at itself."""
    source = site.sources[citation.source]
    cite = f' cite="{m.attr(source.url)}"' if source.url else ""
    note = f'<p class="chrono-citation__note">{m.text(citation.note)}</p>' if citation.note else ""
    errors = [c for c in site.errors_in(citation) if c.id != within]
    flags = "".join(render_flag(here, c, shown) for c in errors)
    css = "chrono-citation chrono-citation--wrong" if errors else "chrono-citation"
    return (
        f'<figure class="{css}">{flags}<blockquote{cite}><p>{site.prose(citation.quote)}</p>'
        f"</blockquote><figcaption {NO_INDEX}>{m.link(here, source_url(source.id), source.outlet)}, "
        f"<cite>{m.text(source.title)}</cite>, {m.time(source.published)}</figcaption>"
        f"{note}</figure>"
    )


def correction_anchor(correction_id: str) -> str:
    """The id of a correction's section on an event page (the corrections page uses the
    correction's own id, on its heading)."""
    return f"correction-{correction_id}"


def render_flag(here: str, correction: Correction, shown: Collection[str] = ()) -> str:
    """"Error: see correction", linking to the correction, on this page if it is shown here."""
    target = (f"#{correction_anchor(correction.id)}" if correction.id in shown
              else m.href(here, f"{CORRECTIONS}#{correction.id}"))
    return (f'<p class="chrono-flag" {NO_INDEX}><strong class="chrono-flag__label">Error:</strong> '
            f'<a href="{target}">see correction<span class="chrono-sr-only">, '
            f"{m.text(correction.title)}</span></a></p>")


def render_correction(site: Site, here: str, correction: Correction, *, heading: str,
                      anchor: bool = True, more: str = "", shown: Collection[str] = ()) -> str:
    """A correction. With `anchor`, its heading carries the correction's id, which links point
    to (the corrections page only: Material's search starts an entry at every heading with an
    id, even in excluded parts); without, the section carries an id of its own and a label, so
    that the page's table of contents lists it under "Errors in the sources"."""
    quotes = "".join(render_citation(site, here, quote, shown=shown, within=correction.id)
                     for quote in correction.quotes)
    kind = correction.kind.replace("-", " ")
    heading_id = f' id="{correction.id}"' if anchor else ""
    section_id = ("" if anchor else
                  f' id="{correction_anchor(correction.id)}" data-toc-level="3"')
    return (
        f'<section class="chrono-correction"{section_id} aria-label="{m.attr(correction.title)}">'
        f"<{heading}{heading_id}>{m.text(correction.title)}</{heading}>"
        f'<p class="chrono-correction__kind">Error: {m.text(kind)}</p>{quotes}'
        f"<p><strong>What is correct:</strong> {site.prose(correction.correction)}</p>"
        f"<p><strong>How we know:</strong> {site.prose(correction.evidence)}</p>"
        + "".join(render_citation(site, here, quote, shown=shown)
                  for quote in correction.evidence_quotes)
        + more + "</section>"
    )


def render_list(here: str, items: Iterable[tuple[str, str, str]]) -> str:
    """A plain list of links with a short description: (url, label, description)."""
    lines = [f"<li>{m.link(here, url, label)}{' — ' + m.text(text) if text else ''}</li>"
             for url, label, text in items]
    return '<ul class="chrono-list">\n' + "\n".join(lines) + "\n</ul>"


def day(value: object) -> PartialDate:
    """A datetime.date as a day-precise PartialDate."""
    return PartialDate.of(value)  # type: ignore[arg-type]


def actor_lang(actor: Actor) -> str:
    """The BCP 47 language of an actor's native name, for screen readers and fonts."""
    return {"South Korea": "ko", "Japan": "ja"}.get(actor.country or "", "und")
