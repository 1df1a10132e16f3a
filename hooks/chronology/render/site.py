"""URLs, lookups and the pieces several pages share (timeline, citation, correction, date basis).

Pure: no I/O, no MkDocs. All data text goes through markup.text()/attr().
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import markup as m
from ..dates import PartialDate
from ..model import (
    Actor,
    Chronology,
    Citation,
    Correction,
    DateBasis,
    Event,
    RecordCitation,
    Term,
)
from ..urls import CONTEXT, CORRECTIONS, RECORD, event_url, source_url

# Material's search skips elements carrying this attribute: lists that repeat other pages'
# text (timelines, quotes on source pages) stay out of the index, so a search lands on the event.
# Material matches elements by tag name only, so an excluded element must not contain an
# element with the same tag (a nested <ul> in an excluded <ul> breaks its indexer): wrap such
# content in a <div> that holds no other <div>.
NO_INDEX = "data-search-exclude"
LANGUAGES = {"en": "English", "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "fr": "French",
             "de": "German"}


class Site:
    """Lookups shared by the page renderers, built once per render."""

    def __init__(self, chronology: Chronology, name: str = "") -> None:
        self.chronology = chronology
        self.name = name  # the site's name, for citations
        self.events = chronology.events
        self.sources = {s.id: s for s in chronology.sources}
        self.phases = {p.id: p for p in chronology.phases}
        self.actors = {a.id: a for a in chronology.actors}
        self.topics = {t.id: t for t in chronology.topics}
        self.position = {e.id: i for i, e in enumerate(chronology.events)}
        self.in_phase: dict[str, list[Event]] = {p.id: [] for p in chronology.phases}
        # Decisions whose measure took effect within each phase (by the day it took effect).
        self.in_force_in_phase: dict[str, list[Event]] = {p.id: [] for p in chronology.phases}
        self.citing: dict[str, list[Event]] = {s.id: [] for s in chronology.sources}
        self.with_actor: dict[str, list[Event]] = {a.id: [] for a in chronology.actors}
        self.on_topic: dict[str, list[Event]] = {t.id: [] for t in chronology.topics}
        for event in chronology.events:
            self.in_phase[event.phase].append(event)
            if event.in_force:
                when = event.in_force.date.first_day
                phase = next((p for p in chronology.phases if p.start <= when <= p.end), None)
                self.in_force_in_phase[(phase or self.phases[event.phase]).id].append(event)
            for source_id in dict.fromkeys(c.source for c in event.citations):
                self.citing[source_id].append(event)
            for actor_id in event.actors:
                self.with_actor[actor_id].append(event)
            for topic_id in event.topics:
                self.on_topic[topic_id].append(event)
        self.glossary = Glossary(chronology.glossary)
        self.corrections_for: dict[str, list[Correction]] = {}
        for correction in chronology.corrections:
            for event_id in correction.events:
                self.corrections_for.setdefault(event_id, []).append(correction)
        self.records = {r.id: r for r in chronology.records}
        # What cites each record source: (URL, label), in the order pages list them.
        self.citing_record: dict[str, dict[tuple[str, str], None]] = {r: {} for r in self.records}
        for event in chronology.events:
            bases = [event.date_basis] + ([event.in_force.basis] if event.in_force else [])
            for citation in [c for b in bases for c in b.record] + list(event.record):
                self.citing_record[citation.source][(event_url(event.id), event.title)] = None
        for entry in chronology.background:
            for citation in entry.date_basis.record:
                self.citing_record[citation.source][(f"{CONTEXT}#{entry.id}", entry.title)] = None
        for correction in chronology.corrections:
            for citation in correction.record:
                self.citing_record[citation.source][
                    (f"{CORRECTIONS}#{correction.id}", correction.title)] = None

    def prose(self, value: str) -> str:
        """Data text as HTML, with glossary terms marked for tooltips."""
        return self.glossary.mark(m.text(value))

    def record_citation(self, here: str, citation: RecordCitation) -> str:
        """A citation of the public record: a link to the page itself, its words in their own
        language and our translation, and a link to its entry in the list of the record."""
        source = self.records[citation.source]
        lang = source.language
        words = ""
        if citation.quote:
            words = f' <q lang="{m.attr(lang)}">{m.text(citation.quote)}</q>'
            if citation.translation:
                words += (f' <span class="chrono-translation">(our translation: '
                          f"“{m.text(citation.translation)}”)</span>")
        note = f" {m.text(citation.note)}" if citation.note else ""
        entry = m.href(here, f"{RECORD}#{source.id}")
        return (f'<span class="chrono-record">{m.external(source.url, source.outlet)}, '
                f"<cite>{m.text(source.title)}</cite>, {m.time(source.published)}{words}{note} "
                f'<a class="chrono-record__entry" href="{entry}" aria-label="{m.attr(source.outlet)}'
                f' in the list of the public record">[record]</a></span>')

    def record(self, here: str, citations: Iterable[RecordCitation]) -> str:
        return "; ".join(self.record_citation(here, c) for c in citations)

    def basis(self, here: str, basis: DateBasis) -> str:
        """How a date is known, in words a reader can check."""
        note = f" {m.text(basis.note)}" if basis.note else ""
        if basis.record:
            note += f" Record: {self.record(here, basis.record)}."
        if basis.not_found:
            note += (' <span class="chrono-basis__not-found">The record for this date was not '
                     f"found: {m.text(basis.not_found)}</span>")
        if basis.source is None:
            return f'<span class="chrono-basis__kind">From the public record.</span>{note}'
        source = self.sources[basis.source]
        where = m.link(here, source_url(source.id), source.outlet)
        if basis.kind == "record":  # on record, and the article's relative words agree
            return (f'<span class="chrono-basis__kind">From the public record</span>; {where} '
                    f"says <q>{m.text(basis.phrase or '')}</q>.{note}")
        if basis.kind == "stated":
            return (f'<span class="chrono-basis__kind">Stated</span> in {where}: '
                    f"<q>{m.text(basis.phrase or '')}</q>.{note}")
        published = f"{source.published.weekday or ''} {m.time(source.published)}".strip()
        return (f'<span class="chrono-basis__kind">Worked out</span> from <q>'
                f"{m.text(basis.phrase or '')}</q> in {where}, published {published}.{note}")


class Glossary:
    """Marks the first use of each glossary term in a piece of text with <abbr title>.

    Material's content.tooltips feature shows the title as a tooltip. Lower-case terms match
    in any case ("White list"); terms with capitals (GSOMIA, WTO) only as written.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        # Longest names first, so that "white list" wins over "list". Each alternative is a
        # group of its own, and the group that matched names the term: looking the matched text
        # up again would need case folding, which changes some words' length or letters.
        names = sorted(((name, term) for term in terms for name in (term.term, *term.aliases)),
                       key=lambda pair: len(pair[0]), reverse=True)
        self.terms = [term for _, term in names]
        alternatives = [f"(?P<t{index}>{self._pattern(name)})" for index, (name, _) in enumerate(names)]
        # Not after & or #, so never inside an escaped character such as &amp; or &#x27;.
        self.pattern = (re.compile(r"(?<![\w&#-])(?:" + "|".join(alternatives) + r")(?![\w-])")
                        if alternatives else None)

    @staticmethod
    def _pattern(written: str) -> str:
        escaped = re.escape(m.text(written))
        return escaped if written != written.lower() else f"(?i:{escaped})"

    def mark(self, html_text: str) -> str:
        if self.pattern is None:
            return html_text
        seen: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            term = self.terms[int((match.lastgroup or "t0")[1:])]
            if term.id in seen:
                return match.group(0)
            seen.add(term.id)
            # Focusable, so that the definition shows to keyboard users too (Material's tooltips
            # open on focus as on hover). Material inserts the decoded title as HTML: escape it
            # once more (m.for_theme_html).
            return (f'<abbr title="{m.attr(m.for_theme_html(term.definition))}" tabindex="0">'
                    f"{match.group(0)}</abbr>")

        return self.pattern.sub(replace, html_text)


def render_timeline(here: str, events: Iterable[Event], taking_effect: Iterable[Event] = ()) -> str:
    """An ordered list of events, each linking to its page, and of the days decided measures
    took effect (`taking_effect`: the decisions), each linking to that part of its decision's
    page; readable without JavaScript."""
    entries = [(event.sort_key(), 0,
                f'<li class="chrono-timeline__item chrono-timeline__item--{event.date.precision}">'
                f"{m.time(event.date)} {m.link(here, event_url(event.id), event.title)}</li>")
               for event in events]
    entries += [((event.in_force.date.sort_key(), 999, event.id), 1,
                 f'<li class="chrono-timeline__item chrono-timeline__item--in-force">'
                 f'{m.time(event.in_force.date)} <span class="chrono-timeline__badge">Takes '
                 f"effect</span> {m.link(here, event_url(event.id) + '#in-force', event.title)} "
                 f'<span class="chrono-timeline__decided">(decided {event.date.human})</span></li>')
                for event in taking_effect if event.in_force]
    items = [html_ for _, _, html_ in sorted(entries, key=lambda entry: (entry[0], entry[1]))]
    if not items:
        return '<p class="chrono-empty">No events yet.</p>'
    return f'<ol class="chrono-timeline" {NO_INDEX}>\n' + "\n".join(items) + "\n</ol>"


def render_citation(site: Site, here: str, citation: Citation) -> str:
    source = site.sources[citation.source]
    cite = f' cite="{m.attr(source.url)}"' if source.url else ""
    note = f'<p class="chrono-citation__note">{m.text(citation.note)}</p>' if citation.note else ""
    return (
        f'<figure class="chrono-citation"><blockquote{cite}><p>{site.prose(citation.quote)}</p>'
        f"</blockquote><figcaption {NO_INDEX}>{m.link(here, source_url(source.id), source.outlet)}, "
        f"<cite>{m.text(source.title)}</cite>, {m.time(source.published)}</figcaption>"
        f"{note}</figure>"
    )


def render_correction(site: Site, here: str, correction: Correction, *, heading: str,
                      anchor: bool = True, more: str = "") -> str:
    """A correction; `anchor` gives its heading the id that links point to (one page only:
    Material's search starts an entry at every heading with an id, even in excluded parts)."""
    quotes = "".join(render_citation(site, here, quote) for quote in correction.quotes)
    kind = correction.kind.replace("-", " ")
    heading_id = f' id="{correction.id}"' if anchor else ""
    return (
        f'<section class="chrono-correction" aria-label="{m.attr(correction.title)}">'
        f"<{heading}{heading_id}>{m.text(correction.title)}</{heading}>"
        f'<p class="chrono-correction__kind">Error: {m.text(kind)}</p>{quotes}'
        f"<p><strong>What is correct:</strong> {site.prose(correction.correction)}</p>"
        f"<p><strong>How we know:</strong> {site.prose(correction.evidence)}</p>"
        + "".join(render_citation(site, here, quote) for quote in correction.evidence_quotes)
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
