"""Render the tracks chart: inline SVG drawn at build time, no JavaScript needed.

One lane per track; each measure is a bar for as long as it was in force, events are marks;
every bar and mark links to its event page. The same facts follow as a table. Pure: no I/O.
"""

from __future__ import annotations

import datetime

from .. import markup as m
from ..dates import PartialDate
from ..model import Event, Measure, Track
from ..urls import TRACKS, event_url
from .site import Site

WIDTH, LANE, TOP, BAR = 960, 62, 40, 14


class Scale:
    """Maps days to x positions across whole years around the phases."""

    def __init__(self, site: Site) -> None:
        phases = site.chronology.phases
        self.start = datetime.date(min(p.start for p in phases).year, 1, 1)
        self.end = datetime.date(max(p.end for p in phases).year, 12, 31)

    def x(self, day: datetime.date) -> float:
        span = (self.end - self.start).days
        return round(WIDTH * (day - self.start).days / span, 1)

    def of(self, date: PartialDate) -> float:
        first, last = date.first_day, date.last_day
        return self.x(first + (last - first) / 2)


def _measure_span(site: Site, measure: Measure, scale: Scale) -> tuple[Event, Event | None,
                                                                     datetime.date, datetime.date]:
    start = site.events[site.position[measure.start]]
    until = site.events[site.position[measure.until]] if measure.until else None
    begin = start.takes_effect.first_day
    end = until.takes_effect.first_day if until else scale.end
    return start, until, begin, end


def _lane(site: Site, here: str, track: Track, index: int, scale: Scale) -> str:
    y = TOP + index * LANE
    parts = [f'<text class="chrono-chart__lane" x="0" y="{y + 14}">{m.text(track.title)}</text>']
    marks: dict[str, Event] = {}
    for measure in track.measures:
        start, until, begin, end = _measure_span(site, measure, scale)
        x0, x1 = scale.x(begin), scale.x(end)
        label = (f"{measure.title}: in force from {begin:%-d %B %Y}"
                 + (f" until {end:%-d %B %Y} ({(end - begin).days} days)" if until else ""))
        parts.append(
            f'<a href="{m.href(here, event_url(start.id))}" aria-label="{m.attr(label)}">'
            f'<rect class="chrono-chart__bar" x="{x0}" y="{y + 20}" width="{max(x1 - x0, 2)}" '
            f'height="{BAR}" rx="3"><title>{m.text(label)}</title></rect></a>')
        marks[start.id] = start
        if until:
            marks[until.id] = until
    for event_id in track.events:
        marks[event_id] = site.events[site.position[event_id]]
    for event in sorted(marks.values(), key=Event.sort_key):
        label = f"{event.date.human}: {event.title}"
        parts.append(
            f'<a href="{m.href(here, event_url(event.id))}" aria-label="{m.attr(label)}">'
            # An unseen disc around the dot: a target of at least 24 px at the chart's least width.
            f'<circle class="chrono-chart__target" cx="{scale.of(event.date)}" cy="{y + 27}" '
            f'r="18"/><circle class="chrono-chart__mark" cx="{scale.of(event.date)}" '
            f'cy="{y + 27}" r="6"><title>{m.text(label)}</title></circle></a>')
    return "".join(parts)


def render_chart(site: Site, here: str) -> str:
    tracks = site.chronology.tracks
    if not tracks:
        return '<p class="chrono-empty">No tracks yet: see data/tracks.yaml.</p>'
    scale = Scale(site)
    height = TOP + LANE * len(tracks)
    bands, ticks = [], []
    for phase in site.chronology.phases:
        x0, x1 = scale.x(phase.start), scale.x(phase.end)
        bands.append(f'<rect class="chrono-chart__phase" x="{x0}" y="{TOP - 6}" '
                     f'width="{max(x1 - x0, 2)}" height="{height - TOP + 6}">'
                     f"<title>{m.text(phase.title)}</title></rect>")
    for year in range(scale.start.year, scale.end.year + 1):
        x = scale.x(datetime.date(year, 1, 1))
        ticks.append(f'<line class="chrono-chart__tick" x1="{x}" x2="{x}" y1="18" y2="{height}"/>'
                     f'<text class="chrono-chart__year" x="{x + 4}" y="17">{year}</text>')
    lanes = "".join(_lane(site, here, t, i, scale) for i, t in enumerate(tracks))
    return (
        f'<figure class="chrono-chart"><svg viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-title">The dispute at a glance</title>'
        '<desc id="chart-desc">One lane per track of the dispute, from '
        f"{scale.start.year} to {scale.end.year}. Bars show how long each measure was in force; "
        "dots mark events. Shaded bands are the four phases. The table below gives the same facts."
        f"</desc>{''.join(bands)}{''.join(ticks)}{lanes}</svg>"
        '<figcaption>Bars: measures in force. Dots: events; select one to open it. Shaded bands: '
        'the four phases.<span class="chrono-chart__more"> Scroll sideways for later years.</span>'
        "</figcaption>"
        "</figure>"
    )


def render_measures_table(site: Site, here: str) -> str:
    """The chart's facts as a table, with data attributes for the 'in force on' picker."""
    scale = Scale(site)
    rows = []
    for track in site.chronology.tracks:
        for measure in track.measures:
            start, until, begin, end = _measure_span(site, measure, scale)
            until_cell = (m.link(here, event_url(until.id), f"{end:%-d %B %Y}") if until
                          else "still in force")
            length = f"{(end - begin).days} days" if until else ""
            rows.append(
                f'<tr data-from="{begin.isoformat()}" data-until="'
                f'{end.isoformat() if until else ""}"><td>{m.text(track.title)}</td>'
                f"<td>{m.text(measure.title)}</td>"
                f"<td>{m.link(here, event_url(start.id), f'{begin:%-d %B %Y}')}</td>"
                f"<td>{until_cell}</td><td>{length}</td></tr>")
    picker = (
        '<form class="chrono-asof" hidden><label for="asof">Which measures were in force on '
        f'</label> <input type="date" id="asof" min="{scale.start.isoformat()}" '
        f'max="{scale.end.isoformat()}" value="2020-01-01"> '
        '<output for="asof" id="asof-result" aria-live="polite"></output></form>'
    )
    return (
        # The table carries no class, so that Material styles it as it styles Markdown tables.
        f'{picker}<div class="md-typeset__scrollwrap"><div class="md-typeset__table chrono-measures">'
        f"<table><caption>Measures and how long they were in "
        "force (the day each took effect, to the day it was lifted)</caption><thead><tr>"
        '<th scope="col">Track</th><th scope="col">Measure</th><th scope="col">In force from</th>'
        '<th scope="col">Until</th><th scope="col">Length</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table></div></div>"
    )


def render_tracks_page(site: Site) -> str:
    here = TRACKS
    return "\n\n".join([
        m.front_matter("The dispute at a glance", "Each measure of the Japan–South Korea trade "
                       "dispute as a bar for as long as it was in force, with its events."),
        '<h1 id="tracks">The dispute at a glance</h1>',
        "<p>Each lane follows one thread of the dispute. A bar runs from the day a measure took "
        "effect to the day it was lifted; a dot marks an event, often the decision that came "
        "before. Select a bar or a dot to read the event.</p>",
        render_chart(site, here),
        '<h2 id="measures">Measures in force</h2>',
        render_measures_table(site, here),
    ]) + "\n"
