"""The timeline's filters: what each entry is (its topics, people, country and kind), written as
tokens the filter form matches, and the form itself. The filtering is done by chronology.js;
without it the form stays hidden and every event shows. Pure: no I/O, no MkDocs.

An event's kind and country are not fields of the data: they follow from it, by these rules.
- decision: the event has an `in_force` date, or starts or ends a measure on the chart
  (data/tracks.yaml);
- taking effect: the days measures took effect (the timeline's "Takes effect" entries), and
  decisions whose measure changed on the day itself (they have no `in_force` date);
- talks: the event has a topic in TALKS_TOPICS, or is a mark on a lane in TALKS_TRACKS. It is
  the one filter of talks: the Topic list leaves out the topics in TALKS_TOPICS (it had "Talks
  between officials" beside "Talks and summits"), and an address that names one of them
  (?topic=talks, from before) opens this kind (chronology.js);
- court ruling: one of its actors is of a kind in RULING_ACTORS;
- country: that of the event's first actor (events name the one who acted first).
"""

from __future__ import annotations

from collections import Counter

from .. import markup as m
from ..model import Event
from .site import Site

TALKS_TOPICS = frozenset({"summits", "talks"})
TALKS_TRACKS = frozenset({"talks-and-summits"})
RULING_ACTORS = frozenset({"court"})
# (URL value, token, label's message id): the values a shared link carries in its query string.
KINDS = (("decision", "kd", "filters.kind.decision"), ("in-force", "ke", "filters.kind.in-force"),
         ("talks", "kt", "filters.kind.talks"), ("ruling", "kr", "filters.kind.ruling"))
# (URL value, token, the data's name of the country, label's message id)
COUNTRIES = (("japan", "cj", "Japan", "filters.country.japan"),
             ("south-korea", "ck", "South Korea", "filters.country.south-korea"),
             ("others", "co", None, "filters.country.others"))


class Facets:
    """Each timeline entry's tokens, short so that a timeline of 10,000 events stays small:
    t<n> a topic, a<n> an actor (their places in the data), c* a country, k* a kind."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.topic = {t.id: f"t{i}" for i, t in enumerate(site.chronology.topics)}
        self.actor = {a.id: f"a{i}" for i, a in enumerate(site.chronology.actors)}
        measures = [m_ for track in site.chronology.tracks for m_ in track.measures]
        self.decisions = {m_.start for m_ in measures} | {m_.until for m_ in measures if m_.until}
        self.talks = {e for track in site.chronology.tracks if track.id in TALKS_TRACKS
                      for e in track.events}

    def kinds(self, event: Event, taking_effect: bool = False) -> list[str]:
        if taking_effect:
            return ["ke"]
        kinds = []
        decision = event.in_force is not None or event.id in self.decisions
        if decision:
            kinds.append("kd")
        if decision and event.in_force is None:
            kinds.append("ke")
        if event.id in self.talks or TALKS_TOPICS.intersection(event.topics):
            kinds.append("kt")
        if any(self.site.actors[a].kind in RULING_ACTORS for a in event.actors):
            kinds.append("kr")
        return kinds

    def country(self, event: Event) -> str | None:
        if not event.actors:
            return None
        country = self.site.actors[event.actors[0]].country
        return next((token for _, token, name, _ in COUNTRIES if name == country), "co")

    def tokens(self, event: Event, taking_effect: bool = False) -> str:
        tokens = [self.topic[t] for t in event.topics] + [self.actor[a] for a in event.actors]
        country = self.country(event)
        return " ".join(tokens + ([country] if country else []) + self.kinds(event, taking_effect))


def _select(name: str, label: str, everything: str, options: str) -> str:
    return (f'<label for="filter-{name}">{label}</label>'
            f'<select id="filter-{name}" name="{name}"><option value="">{everything}</option>'
            f"{options}</select>")


def _option(value: str, token: str, label: str, count: int, topics: str = "") -> str:
    also = f' data-topics="{m.attr(topics)}"' if topics else ""
    return (f'<option value="{m.attr(value)}" data-f="{token}"{also}>{m.text(label)} ({count})'
            "</option>")


def render_filters(site: Site, facets: Facets) -> str:
    """The filter form: hidden until chronology.js shows it (it does the filtering, and keeps
    the choice in the address, so that a filtered view can be shared)."""
    t = site.t
    events = site.chronology.events
    topics = Counter(t for e in events for t in e.topics)
    actors = Counter(a for e in events for a in e.actors)
    countries = Counter(facets.country(e) for e in events)
    kinds = Counter(k for e in events for k in facets.kinds(e))
    kinds["ke"] += sum(1 for e in events if e.in_force)
    topic_options = "".join(_option(t.id, facets.topic[t.id], t.title, topics[t.id])
                            for t in site.chronology.topics
                            if topics[t.id] and t.id not in TALKS_TOPICS)
    elsewhere = t.text("filters.actor.elsewhere")
    groups: dict[str, list[str]] = {}
    for actor in sorted(site.chronology.actors, key=lambda a: a.name.casefold()):
        if actors[actor.id]:
            groups.setdefault(actor.country or elsewhere, []).append(
                _option(actor.id, facets.actor[actor.id], actor.name, actors[actor.id]))
    first = [name for _, _, name, _ in COUNTRIES if name]
    order = sorted(groups, key=lambda c: (c not in first, first.index(c) if c in first else 0,
                                          c == elsewhere, c))
    actor_options = "".join(f'<optgroup label="{m.attr(country)}">{"".join(groups[country])}'
                            "</optgroup>" for country in order)
    country_options = "".join(_option(value, token, t.text(label), countries[token])
                              for value, token, _, label in COUNTRIES if countries[token])
    kind_options = "".join(_option(value, token, t.text(label), kinds[token],
                                   " ".join(sorted(TALKS_TOPICS)) if token == "kt" else "")
                           for value, token, label in KINDS if kinds[token])
    total = len(events)
    return (
        '<form class="chrono-filters" id="filters" aria-labelledby="filters-title" hidden '
        'data-pagefind-ignore><p class="chrono-filters__title" id="filters-title">'
        f'{t("filters.title")}</p><p class="chrono-filters__fields">'
        + _select("topic", t("filters.topic"), t("filters.topic.all"), topic_options)
        + _select("actor", t("filters.actor"), t("filters.actor.all"), actor_options)
        + _select("country", t("filters.country"), t("filters.country.all"), country_options)
        + _select("kind", t("filters.kind"), t("filters.kind.all"), kind_options)
        + '</p><p class="chrono-filters__status"><span role="status" aria-live="polite" '
        f'class="chrono-filters__count">{t("filters.count", shown=total, total=total)}</span> '
        '<button type="reset" class="md-button chrono-filters__reset">'
        f'{t("filters.reset")}</button></p></form>'
    )
