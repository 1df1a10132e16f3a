"""Render the At a glance page: the chart, then its facts as a table of measures, with a picker
for the measures in force on a chosen day (run by chronology.js; the table needs none).
Pure: no I/O.
"""

from __future__ import annotations

from .. import markup as m
from ..dates import MONTHS
from ..urls import TRACKS, event_url
from .chart import Scale, measure_span, render_chart
from .site import Site

DEFAULT_DAY = (1, 1, 2020)  # day, month, year the picker opens on


def _select(name: str, label: str, options: list[tuple[int, str]], chosen: int) -> str:
    items = "".join(f'<option value="{value}"{" selected" if value == chosen else ""}>{text}'
                    "</option>" for value, text in options)
    return (f'<label for="asof-{name}" class="chrono-sr-only">{label}</label>'
            f'<select id="asof-{name}" name="{name}">{items}</select>')


def render_picker(site: Site) -> str:
    """Day, month and year as the site writes dates ("1 January 2020"): a browser's own date
    field would speak its locale's format (01/01/2020) beside them."""
    scale = Scale(site)
    day, month, year = DEFAULT_DAY
    years = list(range(scale.start.year, scale.end.year + 1))
    year = min(max(year, years[0]), years[-1])
    return (
        f'<form class="chrono-asof" hidden data-min="{scale.start.isoformat()}" '
        f'data-max="{scale.end.isoformat()}"><fieldset><legend>Which measures were in force on'
        "</legend>"
        + _select("day", "Day", [(d, str(d)) for d in range(1, 32)], day)
        + _select("month", "Month", list(enumerate(MONTHS, start=1)), month)
        + _select("year", "Year", [(y, str(y)) for y in years], year)
        + '</fieldset><p class="chrono-asof__result"><output id="asof-result" '
        'for="asof-day asof-month asof-year" aria-live="polite"></output></p></form>'
    )


def render_measures_table(site: Site, here: str) -> str:
    """The chart's facts as a table, a group of rows per lane, with the days each measure was in
    force as data attributes for the picker."""
    scale = Scale(site)
    groups = []
    for track in site.chronology.tracks:
        rows = []
        for measure in track.measures:
            start, until, begin, end = measure_span(site, measure, scale)
            since = m.link(here, event_url(start.id), f"{begin:%-d %B %Y}")
            span = (f"from {since} until {m.link(here, event_url(until.id), f'{end:%-d %B %Y}')}"
                    f' <span class="chrono-measures__length">({(end - begin).days:,} days)</span>'
                    if until else f"from {since}, still in force")
            rows.append(
                f'<tr data-from="{begin.isoformat()}" data-until="'
                f'{end.isoformat() if until else ""}"><td>{m.text(measure.title)}</td>'
                f"<td>{span}</td></tr>")
        if rows:
            groups.append(f'<tbody><tr><th colspan="2" scope="rowgroup">{m.text(track.title)}'
                          f"</th></tr>{''.join(rows)}</tbody>")
    return (
        # The table carries no class, so that Material styles it as it styles Markdown tables.
        f'{render_picker(site)}<div class="md-typeset__scrollwrap"><div class="md-typeset__table '
        'chrono-measures"><table><caption>Measures and how long they were in force, from the day '
        "each took effect to the day it was lifted, by lane of the chart</caption><thead><tr>"
        '<th scope="col">Measure</th><th scope="col">In force</th></tr></thead>'
        + "".join(groups) + "</table></div></div>"
    )


def render_tracks_page(site: Site) -> str:
    here = TRACKS
    return "\n\n".join([
        m.front_matter("The dispute at a glance", "Each measure of the Japan–South Korea trade "
                       "dispute as a bar for as long as it was in force, with its events."),
        '<h1 id="tracks">The dispute at a glance</h1>',
        "<p>Each lane follows one thread of the dispute. A bar runs from the day a measure took "
        "effect to the day it was lifted; a dot marks an event, often the decision that came "
        "before.</p>",
        render_chart(site, here),
        '<h2 id="measures">Measures in force</h2>',
        render_measures_table(site, here),
    ]) + "\n"
