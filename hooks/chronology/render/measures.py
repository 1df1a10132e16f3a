"""Render the At a glance page: the chart, then its facts as a table of measures, with a picker
for the measures in force on a chosen day (run by chronology.js; the table needs none).
Pure: no I/O.
"""

from __future__ import annotations

from .. import markup as m
from ..dates import month_name
from ..model import Measure
from ..urls import TRACKS, event_url
from .chart import Scale, measure_span, render_chart
from .fragments import day as as_day
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
    t = site.t
    scale = Scale(site)
    day, month, year = DEFAULT_DAY
    years = list(range(scale.start.year, scale.end.year + 1))
    year = min(max(year, years[0]), years[-1])
    months = [(number, month_name(number, site.lang)) for number in range(1, 13)]
    return (
        f'<form class="chrono-asof" hidden data-min="{scale.start.isoformat()}" '
        f'data-max="{scale.end.isoformat()}"><fieldset><legend>{t("picker.legend")}'
        "</legend>"
        + _select("day", t("picker.day"), [(d, str(d)) for d in range(1, 32)], day)
        + _select("month", t("picker.month"), months, month)
        + _select("year", t("picker.year"), [(y, str(y)) for y in years], year)
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
            span = _span(site, here, measure, scale)
            _, until, begin, end = measure_span(site, measure, scale)
            rows.append(
                f'<tr data-from="{begin.isoformat()}" data-until="'
                f'{end.isoformat() if until else ""}"><td>{m.text(measure.title)}</td>'
                f"<td>{span}</td></tr>")
        if rows:
            groups.append(f'<tbody><tr><th colspan="2" scope="rowgroup">{m.text(track.title)}'
                          f"</th></tr>{''.join(rows)}</tbody>")
    t = site.t
    return (
        # The table carries no class, so that Material styles it as it styles Markdown tables.
        f'{render_picker(site)}<div class="md-typeset__scrollwrap"><div class="md-typeset__table '
        f'chrono-measures"><table><caption>{t("measures.caption")}</caption><thead><tr>'
        f'<th scope="col">{t("measures.measure")}</th>'
        f'<th scope="col">{t("measures.in-force")}</th></tr></thead>'
        + "".join(groups) + "</table></div></div>"
    )


def _span(site: Site, here: str, measure: Measure, scale: Scale) -> str:
    """When a measure was in force: "from 4 July 2019 until … (1,332 days)", with links."""
    t = site.t
    start, until, begin, end = measure_span(site, measure, scale)
    since = m.link(here, event_url(start.id), as_day(begin).human_in(site.lang))
    if until is None:
        return t("measures.open", start=since)
    length = (f'<span class="chrono-measures__length">'
              f'{t("measures.length", days=f"{(end - begin).days:,}")}</span>')
    return t("measures.ended", start=since, length=length,
             end=m.link(here, event_url(until.id), as_day(end).human_in(site.lang)))


def render_tracks_page(site: Site) -> str:
    here = TRACKS
    t = site.t
    return "\n\n".join([
        m.front_matter(t.text("tracks.title"), t.text("tracks.description")),
        f'<h1 id="tracks">{t("tracks.title")}</h1>',
        f"<p>{t('tracks.intro')}</p>",
        render_chart(site, here),
        f'<h2 id="measures">{t("tracks.measures")}</h2>',
        render_measures_table(site, here),
    ]) + "\n"
