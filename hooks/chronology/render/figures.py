"""Render the figures: each figure as a line (its value, what it measures, its period) that opens
to the public record's words that state it; the events' "In figures" sections; and the figures
page, with a chart per series (inline SVG drawn here, at build time: no script, no style
attribute) and a table that gives the charts' numbers as text. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from .. import markup as m
from ..model import CHANGES, FIGURE_AREAS, Event, Figure
from ..numbers import amount, signed
from ..urls import FIGURES, event_url, figure_url
from .fragments import NO_INDEX, render_record_citation
from .site import Site

CURRENCIES = ("JPY", "USD", "KRW")  # written with "million" and "billion" in English
# Each unit's and area's words, by message id (model.FIGURE_UNITS, model.FIGURE_AREAS; a test
# holds them together).
UNITS = {"tonnes": "figure.unit.tonnes", "JPY": "figure.unit.JPY", "USD": "figure.unit.USD",
         "KRW": "figure.unit.KRW", "people": "figure.unit.people",
         "vehicles": "figure.unit.vehicles", "stores": "figure.unit.stores",
         "percent": "figure.unit.percent", "points": "figure.unit.points"}
AREAS = {"chemicals": "figures.area.chemicals", "sourcing": "figures.area.sourcing",
         "beer": "figures.area.beer", "cars": "figures.area.cars",
         "clothing": "figures.area.clothing", "travel": "figures.area.travel"}


def value_text(site: Site, figure: Figure) -> str:
    """The figure's value in its unit, as the edition writes numbers ("US$39.7 million",
    "3,970만 달러", "−82.4%"), as plain text."""
    if figure.unit in CHANGES and figure.against is not None:
        number = signed(figure.value, site.lang)
    else:
        number = amount(figure.value, site.lang, scaled=figure.unit in CURRENCIES)
    return site.t.text(UNITS[figure.unit], n=number)


def period_text(site: Site, figure: Figure) -> str:
    """Its period, and for a change the period it is measured against, as plain text."""
    period = figure.period.human_in(site.lang)
    if figure.against is None:
        return period
    return site.t.text("figure.against", period=period,
                       against=figure.against.human_in(site.lang))


def outlet(site: Site, figure: Figure) -> str:
    """Who published the report a figure comes from."""
    return site.records[figure.record.source].outlet


def figure_line(site: Site, figure: Figure) -> str:
    """"−82.4%: Change in … (Ministry of Finance), July 2019, against July 2018", as HTML."""
    return site.t("figure.line", value=f'<strong class="chrono-figure__value">'
                  f"{m.text(value_text(site, figure))}</strong>",
                  measures=m.text(figure.measures), period=m.text(period_text(site, figure)))


def render_figure_detail(site: Site, here: str, figure: Figure, *, events: bool) -> str:
    """What a figure rests on: the record's words, its note, the figures it differs from and
    (on the figures page) the events it follows."""
    t = site.t
    cited = marked(render_record_citation(site, here, figure.record), figure.stated)
    parts = [f'<p class="chrono-figure__record">{cited}</p>']
    if figure.note:
        parts.append(f'<p class="chrono-figure__note">{site.prose(figure.note)}</p>')
    others = site.differing.get(figure.id, ())
    if others:
        links = ", ".join(m.link(here, figure_url(other.id),
                                 f"{value_text(site, other)} ({outlet(site, other)})")
                          for other in others)
        parts.append(f'<p class="chrono-figure__differs">{t("figure.differs", figures=links)}</p>')
    if events:
        links = ", ".join(m.link(here, event_url(e.id), e.title)
                          for e in (site.event(id_) for id_ in figure.events))
        parts.append(f'<p class="chrono-figure__events">{t("figure.follows", events=links)}</p>')
    return "".join(parts)


def marked(cited: str, stated: str) -> str:
    """The record's words with the words that state the figure marked, in the quote only (the
    same words may be in its title). Both are escaped the same way (markup.text), so the
    stated words are found as the page shows them; where they are not, nothing is marked."""
    start = cited.find("<q")
    start = cited.find(">", start) + 1 if start >= 0 else -1
    end = cited.find("</q>", start)
    words = m.text(stated)
    at = cited.find(words, start, end) if start > 0 and end > 0 else -1
    if at < 0:
        return cited
    return (f'{cited[:at]}<mark class="chrono-figure__stated">{words}</mark>'
            f"{cited[at + len(words):]}")


def _by_area(figures: Iterable[Figure]) -> list[tuple[str, list[Figure]]]:
    found: dict[str, list[Figure]] = {area: [] for area in FIGURE_AREAS}
    for figure in figures:
        found[figure.area].append(figure)
    return [(area, items) for area, items in found.items() if items]


def render_event_figures(site: Site, here: str, event: Event) -> str:
    """An event's section "In figures": the figures that follow it, by area, each a line that
    opens to the record's words. Not indexed here: the figures page is."""
    figures = site.figures_for.get(event.id, [])
    if not figures:
        return ""
    t = site.t
    heading = t("event.figures.heading")
    groups = []
    for area, items in _by_area(figures):
        lines = "".join(
            f'<li><details class="chrono-figure"><summary>{figure_line(site, f)}</summary>'
            f"{render_figure_detail(site, here, f, events=False)}"
            f'<p class="chrono-figure__more">{m.link(here, figure_url(f.id), t.text("event.figures.entry"))}'
            "</p></details></li>" for f in items)
        groups.append(f'<h3>{t(AREAS[area])}</h3><ul class="chrono-figures">{lines}</ul>')
    intro = t("event.figures.intro", count=t.count(len(figures), "count.figure"),
              page=m.link(here, FIGURES, t.text("event.figures.page")))
    # A region, not a section: an element kept out of search may not hold one of its own tag.
    return (f'<div id="figures" class="chrono-event-figures" role="region" '
            f'aria-label="{m.attr(t.text("event.figures.heading"))}" {NO_INDEX}>'
            f"<h2>{heading}</h2><p>{intro}</p>{''.join(groups)}</div>")


# --- the chart: one panel of bars per series -----------------------------------------------

WIDTH = 360  # SVG units: CSS pixels on a phone; the stylesheet caps the width on a desktop
FONT = 14
LABEL_ROW = FONT + 4  # the period's label above its bar
BAR = 14
ROW = LABEL_ROW + BAR + 10


def series(site: Site) -> list[tuple[str, list[Figure]]]:
    """Each series (figures of one measure over time) with its figures by period, in the order
    of the areas, then of the data."""
    found: dict[str, list[Figure]] = {}
    for _, items in _by_area(site.chronology.figures):
        for figure in items:
            if figure.series:
                found.setdefault(figure.series, []).append(figure)
    return [(name, sorted(items, key=lambda f: (f.period.first_day, f.id)))
            for name, items in found.items()]


def _fits(label: str, room: float) -> bool:
    return len(label) * 0.6 * FONT + 6 <= room


def render_series_svg(site: Site, name: str, figures: Sequence[Figure]) -> str:
    """One series as horizontal bars, each under its period's label, its value at its end.
    role="img": the title names it, the description says where the same numbers are as text."""
    largest = max((f.value for f in figures), default=Decimal(0)) or Decimal(1)
    rows = []
    for index, figure in enumerate(figures):
        y = index * ROW
        value, period = value_text(site, figure), figure.period.human_in(site.lang)
        length = round(float(figure.value / largest) * WIDTH, 1)
        bar_y = y + LABEL_ROW
        # The value after the bar's end where it fits, else inside it, at its end.
        if _fits(value, WIDTH - length):
            label = (f'<text class="chrono-figchart__value" x="{length + 4}" '
                     f'y="{bar_y + BAR - 2}">{m.text(value)}</text>')
        else:
            label = (f'<text class="chrono-figchart__value chrono-figchart__value--inside" '
                     f'x="{length - 4}" y="{bar_y + BAR - 2}" text-anchor="end">'
                     f"{m.text(value)}</text>")
        tip = site.t.text("figures.chart.bar", period=period, value=value)
        rows.append(
            f'<text class="chrono-figchart__period" x="0" y="{y + FONT}">{m.text(period)}</text>'
            f'<rect class="chrono-figchart__bar" x="0" y="{bar_y}" width="{max(length, 1)}" '
            f'height="{BAR}"><title>{m.text(tip)}</title></rect>{label}')
    height = len(figures) * ROW
    first, last = figures[0].period, figures[-1].period
    description = site.t("figures.chart.description", count=len(figures),
                         start=m.text(first.human_in(site.lang)),
                         end=m.text(last.human_in(site.lang)))
    ids = f"figchart-{name}-title figchart-{name}-desc"
    return (f'<svg class="chrono-figchart__svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'role="img" aria-labelledby="{ids}" xmlns="http://www.w3.org/2000/svg" '
            f'font-size="{FONT}"><title id="figchart-{name}-title">'
            f"{m.text(figures[0].measures)}</title><desc id=\"figchart-{name}-desc\">"
            f"{description}</desc>{''.join(rows)}</svg>")


def render_figures_chart(site: Site) -> str:
    panels = "".join(
        f'<figure class="chrono-figchart" id="chart-{name}">'
        # The caption first: it is the chart's title, read before the bars.
        f'<figcaption>{m.text(items[0].measures)}</figcaption>'
        f"{render_series_svg(site, name, items)}</figure>"
        for name, items in series(site))
    return f'<div class="chrono-figcharts" {NO_INDEX}>{panels}</div>'


def render_figures_table(site: Site, here: str) -> str:
    """The charts' numbers as a table: a group of rows per chart, each figure's period, value
    and source (linking to its entry below, with the record's words)."""
    t = site.t
    groups = []
    for _name, items in series(site):
        rows = "".join(
            f'<tr><th scope="row">{m.text(f.period.human_in(site.lang))}</th>'
            f"<td>{m.text(value_text(site, f))}</td>"
            f"<td>{m.link(here, figure_url(f.id), outlet(site, f))}</td></tr>"
            for f in items)
        groups.append(f'<tbody><tr><th colspan="3" scope="rowgroup">{m.text(items[0].measures)}'
                      f"</th></tr>{rows}</tbody>")
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table chrono-figtable">'
        f'<table><caption>{t("figures.table.caption")}</caption><thead><tr>'
        f'<th scope="col">{t("figures.table.period")}</th>'
        f'<th scope="col">{t("figures.table.value")}</th>'
        f'<th scope="col">{t("figures.table.source")}</th></tr></thead>'
        + "".join(groups) + "</table></div></div>")


def render_figures_page(site: Site) -> str:
    here = FIGURES
    t = site.t
    figures = site.chronology.figures
    if not figures:
        return "\n\n".join([
            m.front_matter(t.text("figures.title"), t.text("figures.description")),
            f'<h1 id="figures-title">{t("figures.title")}</h1>',
            f'<p class="chrono-empty">{t("figures.empty")}</p>']) + "\n"
    pages = len({f.record.source for f in figures})
    intro = t("figures.intro", figures=t.count(len(figures), "count.figure"),
              pages=t.count(pages, "count.page"))
    sections = []
    for area, items in _by_area(figures):
        entries = "".join(
            f'<li class="chrono-figure" id="{f.id}"><p class="chrono-figure__line">'
            f"{figure_line(site, f)}</p>{render_figure_detail(site, here, f, events=True)}</li>"
            for f in items)
        sections.append(f'<h3 id="figures-{area}">{t(AREAS[area])}</h3>'
                        f'<ul class="chrono-figures chrono-figures--all">{entries}</ul>')
    return "\n\n".join([
        m.front_matter(t.text("figures.title"), t.text("figures.description")),
        f'<h1 id="figures-title">{t("figures.title")}</h1>',
        f"<p>{intro}</p>",
        f'<h2 id="figures-chart">{t("figures.chart.heading")}</h2>',
        f"<p>{t('figures.chart.intro')}</p>",
        render_figures_chart(site),
        render_figures_table(site, here),
        f'<h2 id="figures-all">{t("figures.all.heading")}</h2>',
        f"<p>{t('figures.all.intro')}</p>",
        "\n".join(sections),
    ]) + "\n"

