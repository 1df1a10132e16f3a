"""The lookups page renderers share (records by id, what cites what, what is in each phase),
built once per render, and the glossary marking of running text. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import markup as m
from ..languages import language
from ..localized import Localized
from ..messages import Messages
from ..model import Chronology, Citation, Correction, Event, Figure
from ..publication import Publication
from ..urls import CONTEXT, CORRECTIONS, event_url, figure_url
from .glossary import Glossary


class Site:
    """Lookups shared by the page renderers, built once per render."""

    def __init__(self, chronology: Chronology, name: str = "",
                 messages: Mapping[str, str] | None = None,
                 publication: Publication | None = None) -> None:
        """`chronology` in the edition's language (translations.localize), `messages` the
        edition's words by id (English where it lacks one), `publication` what the pages say of
        the site itself (its address, its version, when each record last changed)."""
        self.chronology = chronology
        self.name = name  # the site's name, for citations
        self.publication = publication or Publication(name=name)
        self.lang = chronology.lang  # the edition's language: its words (t) and its dates
        self.t = Messages(self.lang, messages)
        # Between two sentences: Japanese writes none after its full stop (。).
        self.space = language(self.lang).joiner
        self.events = chronology.events
        self.sources = {s.id: s for s in chronology.sources}
        self.phases = {p.id: p for p in chronology.phases}
        self.actors = {a.id: a for a in chronology.actors}
        self.topics = {t.id: t for t in chronology.topics}
        self.position = {e.id: i for i, e in enumerate(chronology.events)}
        self.by_id = {e.id: e for e in chronology.events}
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
        # The words each correction says are wrong, by the source that wrote them.
        self.wrong_words: dict[str, list[tuple[str, Correction]]] = {}
        for correction in chronology.corrections:
            for quote in correction.quotes:
                self.wrong_words.setdefault(quote.source, []).append(
                    (" ".join(quote.quote.split()), correction))
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

        # The figures each event is followed by, and the figures each figure differs from (both
        # ways: a figure names those it differs from, and is named by them).
        self.figures_for: dict[str, list[Figure]] = {}
        self.differing: dict[str, list[Figure]] = {}
        by_id = {f.id: f for f in chronology.figures}
        for figure in chronology.figures:
            for event_id in figure.events:
                self.figures_for.setdefault(event_id, []).append(figure)
            for other in figure.differs_from:
                for one, two in ((figure.id, other), (other, figure.id)):
                    found = self.differing.setdefault(one, [])
                    if by_id[two] not in found:
                        found.append(by_id[two])
            self.citing_record[figure.record.source][
                (figure_url(figure.id), record_label(figure, self.lang))] = None

    def event(self, event_id: str) -> Event:
        """The event of this id (checked: every reference names one)."""
        return self.by_id[event_id]

    def errors_in(self, citation: Citation) -> list[Correction]:
        """The corrections that show a citation's words to be wrong: those quoting the same
        source with words that stand within the citation's (equal, or part of a longer quote;
        whitespace aside, as pages show it). A correction names the very words that err, which
        an event may quote with more around them."""
        words = " ".join(citation.quote.split())
        found = [c for wrong, c in self.wrong_words.get(citation.source, ()) if wrong in words]
        return list(dict.fromkeys(found))

    def prose(self, value: str) -> str:
        """Data text as HTML, with glossary terms marked for tooltips."""
        return self.glossary.mark(m.text(value))


def record_label(figure: Figure, lang: str) -> str:
    """How the public record page names a figure that cites it: what it measures and its
    period, keeping what the measure's text carries (its language, in an edition)."""
    label = f"{figure.measures} ({figure.period.human_in(lang)})"
    measures = figure.measures
    if isinstance(measures, Localized):
        return Localized(label, measures.lang, missing=measures.missing, stale=measures.stale,
                         by=measures.by, how=measures.how, reviewed=measures.reviewed)
    return label
