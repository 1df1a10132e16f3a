"""Render the tracks chart: inline SVG drawn at build time, no JavaScript needed.

One lane per track, its title above it; each measure is a bar for as long as it was in force,
events are dots, moved onto a row of their own where they would cover one another; the phases
are numbered bands, named in a key below. Every bar and dot links to its event page. The chart
is drawn twice, for wide and for narrow screens (the stylesheet shows one): a single drawing
scaled to a phone would leave its labels a few pixels high, or make it scroll sideways.
Pure: no I/O.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .. import markup as m
from ..dates import PartialDate
from ..messages import EN, Messages
from ..model import Event, Measure, Track
from ..urls import event_url, phase_url
from .fragments import day
from .site import Site


@dataclass(frozen=True)
class Layout:
    """A drawing's size in SVG units, which are CSS pixels where the drawing is shown at its
    intended width (wide: a desktop's content column; narrow: a phone's)."""

    name: str
    width: int
    font: int  # labels
    dot: int  # a dot's radius
    bar: int  # a bar's height
    tips: bool  # tooltips (<title>) on bars and dots: for a pointer that hovers, not a finger

    @property
    def row(self) -> int:  # from one row of dots to the next
        return 2 * self.dot + 3

    def fits(self, label: str, room: float, size: float | None = None) -> bool:
        """Whether a label is likely to fit in `room` units (an average glyph is ~0.58 em)."""
        return len(label) * 0.58 * (size or self.font) + 4 <= room


WIDE = Layout("wide", 720, 13, 6, 13, tips=True)
NARROW = Layout("narrow", 360, 12, 5, 11, tips=False)


class Scale:
    """Maps days to x positions, from the start of the quarter before the one in which the first
    phase starts (room for its year's label) to the end of the quarter in which the last ends."""

    def __init__(self, site: Site, width: int = WIDE.width) -> None:
        phases = site.chronology.phases
        first, last = min(p.start for p in phases), max(p.end for p in phases)
        before = (first.year * 12 + first.month - 1) // 3 * 3 - 3  # months since year 0
        after = (last.year * 12 + last.month - 1) // 3 * 3 + 3
        self.start = datetime.date(before // 12, before % 12 + 1, 1)
        self.end = datetime.date(after // 12, after % 12 + 1, 1) - datetime.timedelta(days=1)
        self.width = width

    def x(self, day: datetime.date) -> float:
        span = (self.end - self.start).days
        return round(self.width * (day - self.start).days / span, 1)

    def of(self, date: PartialDate) -> float:
        first, last = date.first_day, date.last_day
        return self.x(first + (last - first) / 2)


def measure_span(site: Site, measure: Measure, scale: Scale) -> tuple[Event, Event | None,
                                                                    datetime.date, datetime.date]:
    start = site.event(measure.start)
    until = site.event(measure.until) if measure.until else None
    begin = start.takes_effect.first_day
    end = until.takes_effect.first_day if until else scale.end
    return start, until, begin, end


def measure_label(measure: Measure, begin: datetime.date, end: datetime.date,
                  ended: bool, t: Messages = EN) -> str:
    """The measure and when it was in force, as plain text (a tooltip's and a link's label)."""
    start = day(begin).human_in(t.lang)
    if not ended:
        return t.text("chart.measure", title=measure.title, start=start)
    return t.text("chart.measure.ended", title=measure.title, start=start,
                  end=day(end).human_in(t.lang), days=f"{(end - begin).days:,}")


def dodge(xs: list[float], gap: float) -> list[int]:
    """A row for each dot (xs in order), the lowest where it keeps `gap` from the dot before."""
    rows: list[float] = []
    placed = []
    for x in xs:
        row = next((i for i, last in enumerate(rows) if x - last >= gap), len(rows))
        rows[row:row + 1] = [x]
        placed.append(row)
    return placed


def tip(lay: Layout, label: str) -> str:
    return f"<title>{m.text(label)}</title>" if lay.tips else ""


def _lane(site: Site, here: str, track: Track, y: float, scale: Scale, lay: Layout) -> tuple[str, float]:
    """A lane at height y: its drawing, and its height."""
    bar_y = y + lay.font + 6
    middle = bar_y + lay.bar / 2
    parts = [f'<text class="chrono-chart__lane" x="0" y="{y + lay.font}">{m.text(track.title)}</text>']
    marks: dict[str, Event] = {}
    for index, measure in enumerate(track.measures):
        start, until, begin, end = measure_span(site, measure, scale)
        x0, x1 = scale.x(begin), scale.x(end)
        label = measure_label(measure, begin, end, until is not None, site.t)
        # Measures that follow one another on a lane alternate in shade, so each can be told apart.
        shade = " chrono-chart__bar--alt" if index % 2 else ""
        parts.append(
            f'<a href="{m.href(here, event_url(start.id))}" aria-label="{m.attr(label)}">'
            f'<rect class="chrono-chart__bar{shade}" x="{x0}" y="{bar_y}" '
            f'width="{max(x1 - x0, 2)}" height="{lay.bar}" rx="3">{tip(lay, label)}</rect></a>')
        marks[start.id] = start
        if until:
            marks[until.id] = until
    for event_id in track.events:
        marks[event_id] = site.event(event_id)
    ordered = sorted(marks.values(), key=lambda e: (scale.of(e.date), e.sort_key()))
    rows = dodge([scale.of(e.date) for e in ordered], lay.row)
    for event, row in zip(ordered, rows, strict=True):
        label = site.t.text("chart.event", date=event.date.human_in(site.lang), title=event.title)
        cx, cy = scale.of(event.date), middle + row * lay.row
        parts.append(
            f'<a href="{m.href(here, event_url(event.id))}" aria-label="{m.attr(label)}">'
            # An unseen disc around the dot: a larger target for a finger or a pointer.
            f'<circle class="chrono-chart__target" cx="{cx}" cy="{cy}" r="{lay.row}"/>'
            f'<circle class="chrono-chart__mark" cx="{cx}" cy="{cy}" r="{lay.dot}">'
            f"{tip(lay, label)}</circle></a>")
    depth = max(lay.bar / 2, max(rows, default=0) * lay.row + lay.dot)
    return "".join(parts), (middle + depth + lay.font) - y


def _svg(site: Site, here: str, lay: Layout) -> str:
    tracks = site.chronology.tracks
    scale = Scale(site, lay.width)
    years, band_top = lay.font + 2, lay.font + 8
    top = band_top + lay.font + 10
    lanes, y = [], float(top)
    for track in tracks:
        drawn, height = _lane(site, here, track, y, scale, lay)
        lanes.append(drawn)
        y += height
    bottom = round(y)
    bands, ticks = [], []
    small = round(lay.font * 0.9)
    for number, phase in enumerate(site.chronology.phases, start=1):
        x0, x1 = scale.x(phase.start), scale.x(phase.end)
        # Each band carries its number, and its name where there is room; the key names them all.
        name = f"{number} · {phase.title}"
        label = name if lay.fits(name, x1 - x0, small) else str(number)
        alt = " chrono-chart__phase--alt" if number % 2 == 0 else ""
        bands.append(f'<rect class="chrono-chart__phase{alt}" x="{x0}" y="{band_top}" '
                     f'width="{max(x1 - x0, 2)}" height="{bottom - band_top}">'
                     f"<title>{m.text(phase.title)}</title></rect>"
                     f'<text class="chrono-chart__phase-label" x="{x0 + 3}" '
                     f'y="{band_top + small + 2}">{m.text(label)}</text>')
    for year in range(scale.start.year, scale.end.year + 1):
        x = scale.x(max(datetime.date(year, 1, 1), scale.start))
        following = scale.x(min(datetime.date(year + 1, 1, 1), scale.end))
        ticks.append(f'<line class="chrono-chart__tick" x1="{x}" x2="{x}" y1="0" y2="{bottom}"/>')
        if lay.fits(str(year), following - x):
            ticks.append(f'<text class="chrono-chart__year" x="{x + 3}" y="{years}">{year}</text>')
    ids = f"chart-title-{lay.name} chart-desc-{lay.name}"
    description = site.t(
        "chart.description",
        start=PartialDate(scale.start.year, scale.start.month).human_in(site.lang),
        end=PartialDate(scale.end.year, scale.end.month).human_in(site.lang))
    return (
        f'<svg class="chrono-chart__svg chrono-chart__svg--{lay.name}" viewBox="0 0 {lay.width} '
        f'{bottom}" width="100%" aria-labelledby="{ids}" xmlns="http://www.w3.org/2000/svg" '
        f'data-start="{scale.start.isoformat()}" data-end="{scale.end.isoformat()}" '
        f'font-size="{lay.font}">'
        f'<title id="chart-title-{lay.name}">{site.t("tracks.title")}</title>'
        f'<desc id="chart-desc-{lay.name}">{description}'
        f"</desc>{''.join(bands)}{''.join(ticks)}{''.join(lanes)}"
        # The day chosen in the "in force on" picker (tracks page), placed by chronology.js.
        f'<line class="chrono-chart__asof" x1="0" x2="0" y1="{band_top}" y2="{bottom}"/></svg>')


def render_chart(site: Site, here: str) -> str:
    t = site.t
    if not site.chronology.tracks:
        return f'<p class="chrono-empty">{t("chart.empty")}</p>'
    phases = "".join(
        f'<li value="{number}">{m.link(here, phase_url(p.id), p.title)} '
        f'<span class="chrono-chart__dates">{m.time(day(p.start), short=True, lang=site.lang)} – '
        f"{m.time(day(p.end), short=True, lang=site.lang)}</span></li>"
        for number, p in enumerate(site.chronology.phases, start=1))
    return (
        f'<figure class="chrono-chart">{_svg(site, here, WIDE)}{_svg(site, here, NARROW)}'
        # The key is not indexed for search: the phases' names are indexed on their pages.
        '<figcaption data-pagefind-ignore><ul class="chrono-chart__key">'
        f'<li><span class="chrono-key chrono-key--bar"></span> {t("chart.key.bar")}</li>'
        f'<li><span class="chrono-key chrono-key--mark"></span> {t("chart.key.mark")}</li>'
        f'<li><span class="chrono-key chrono-key--phase"></span> {t("chart.key.phases")}</li></ul>'
        f'<ol class="chrono-chart__phases">{phases}</ol>'
        f'<p class="chrono-screen-only">{t("chart.select")}</p>'
        "</figcaption></figure>"
    )
