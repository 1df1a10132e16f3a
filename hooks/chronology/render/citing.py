"""Render what lets a reader cite, share and trust a page: an event's "Cite this event" box (its
permanent link, when it last changed, what changed, where to report an error, and the citation
in five formats), the whole chronology's citation and the report link for the About page, and a
permanent link on every heading of a generated page (as Material gives hand-written pages).

chronology.js completes them: it shows the copy buttons, fills in the page's full address and
the day the reader accessed it (cite.py's slots), and copies. Without it, everything here reads
as text, less the day accessed. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping

from .. import markup as m
from ..cite import DATASET, ENTRY, FORMATS, Part, Work, citation
from ..dates import PartialDate
from ..history import Changed
from ..messages import message
from ..model import Event
from ..urls import CHANGES, HOME, event_url
from .fragments import NO_INDEX
from .site import Site

NAMES = {"apa": "APA", "chicago": "Chicago", "bibtex": "BibTeX", "ris": "RIS", "csl": "CSL-JSON"}
PLAIN = ("apa", "chicago")  # shown as text; the others, folded, as code
KEY = "jk-trade-dispute"  # the citation keys' prefix: ASCII, as BibTeX keys must be
ABOUT = "about/"


# The templates cite.py reads, by id (message id -> what it is for in messages.py).
CITE_WORDS = ("cite.no-date", "cite.apa.entry", "cite.apa.dataset", "cite.apa.version",
              "cite.apa.accessed", "cite.chicago.entry", "cite.chicago.dataset",
              "cite.chicago.version", "cite.chicago.modified", "cite.chicago.accessed")


class Words(Mapping[str, str]):
    """The edition's message templates by id (English where it has none), as cite.py reads them."""

    def __init__(self, site: Site) -> None:
        self.table = site.t.table

    def __getitem__(self, key: str) -> str:
        if key not in CITE_WORDS:
            raise KeyError(f"cite.py asks for '{key}': add it to CITE_WORDS")
        return message(self.table, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


def changed_paths(event: Event, lang: str) -> list[str]:
    """The files an event's page in edition `lang` is made from: its own, and its translation."""
    files = [f"data/events/{event.id}.yaml"]
    return files + ([f"data/i18n/{lang}/events/{event.id}.yaml"] if lang != "en" else [])


def event_changed(site: Site, event: Event) -> Changed:
    return site.publication.history.of(changed_paths(event, site.lang))


def event_work(site: Site, event: Event) -> Work:
    return Work(key=f"{KEY}-{event.id}", kind=ENTRY, title=event.title, path=event_url(event.id),
                base=site.publication.base, site=site.name, changed=event_changed(site, event),
                version=site.publication.version, lang=site.lang, abstract=event.summary)


def chronology_work(site: Site) -> Work:
    version = site.publication.version
    return Work(key=KEY, kind=DATASET, title=site.name, path=HOME, base=site.publication.base,
                site=site.name, changed=Changed(version, exact=version is not None),
                version=version, lang=site.lang)


# --- the formats as HTML ---------------------------------------------------------------------

def _escaped(value: str) -> str:
    """Text as it stands in the page, line breaks kept (in <pre>, and in attributes)."""
    return html.escape(value, quote=True).replace("\n", "&#10;")


def parts_html(parts: list[Part], here: str) -> str:
    """A citation as HTML on the page at `here`: its text escaped; its address, which
    chronology.js makes whole (from the link to it); the day accessed, left out (`hidden`) until
    chronology.js fills it in."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(_escaped(part))
        elif part.kind == "url":
            out.append(f'{_escaped(part.before)}<span class="chrono-cite__url" '
                       f'data-href="{m.attr(m.href(here, part.path))}">{m.attr(part.path) or "/"}'
                       f"</span>{_escaped(part.after)}")
        else:
            out.append(f'<span class="chrono-accessed" data-style="{part.style}" '
                       f'data-before="{_escaped(part.before)}" data-after="{_escaped(part.after)}" '
                       "hidden></span>")
    return "".join(out)


def render_formats(site: Site, work: Work, prefix: str, here: str) -> str:
    """The citation in every format, each with a button that copies it (shown by the script)."""
    t = site.t
    words = Words(site)
    blocks = []
    for style in FORMATS:
        target = f"{prefix}-{style}"
        label = t("cite.copy") if style == "apa" else t("cite.copy.format", format=NAMES[style])
        button = (f'<button type="button" class="md-button chrono-copy" data-copy="{target}" '
                  f"hidden>{label}</button>")
        body = parts_html(citation(work, style, words), here)
        if style in PLAIN:
            blocks.append(f"<h3>{NAMES[style]}</h3>"
                          f'<p class="chrono-cite__text" id="{target}">{body}</p>{button}')
        else:
            # The id on <code>: Material renames the ids of <pre> elements (__code_…).
            blocks.append(f'<details class="chrono-cite__code"><summary>{NAMES[style]}</summary>'
                          f'<pre translate="no"><code id="{target}">{body}</code></pre>'
                          f"{button}</details>")
    return '<div class="chrono-cite__formats">' + "".join(blocks) + "</div>"


def render_notes(site: Site, here: str) -> str:
    t = site.t
    whole = m.link(here, f"{ABOUT}#cite", t.text("cite.whole"))
    return (f'<p class="chrono-cite__note">{t("cite.accessed-note")} '
            f'{t("cite.import-note", whole=whole)}</p>')


# --- an event's box ----------------------------------------------------------------------------

def changed_line(site: Site, changed: Changed) -> str:
    t = site.t
    if changed.day is None:
        return t("cite.changed.unknown")
    when = m.time(PartialDate.of(changed.day), lang=site.lang)
    return t("cite.changed.exact" if changed.exact else "cite.changed.before", date=when)


def render_event_cite(site: Site, event: Event) -> str:
    """The foot of an event's page: its permanent link, when it last changed and what changed,
    where to report an error, and the citation in every format."""
    t = site.t
    here = event_url(event.id)
    work = event_work(site, event)
    permalink = f'<a class="chrono-permalink" href="./">{m.attr(work.base + here) or here}</a>'
    trust = [changed_line(site, work.changed)]
    if site.publication.version:
        trust.append(t("cite.version", date=m.time(PartialDate.of(site.publication.version),
                                                    lang=site.lang)))
    changes = [c for c in site.chronology.changes if event.id in c.events]
    lines = [f"<p>{t('cite.permalink', link=permalink)}</p>",
             f'<p class="chrono-cite__changed">{site.space.join(trust)}</p>']
    if changes:
        listed = "; ".join(
            m.link(here, f"{CHANGES}#{c.id}", c.title) + f" ({m.time(c.date, lang=site.lang)})"
            for c in changes)
        lines.append(f"<p>{t('cite.changes', changes=listed)}</p>")
    report = report_link(site, ("report.event", "report.event.link", "report.event.title",
                                "report.event.body"),
                         title=event.title, id=event.id, url=work.base + here if work.base else here)
    if report:
        lines.append(f'<p class="chrono-report">{report}</p>')
    return (f'<section class="chrono-cite" id="cite" aria-label="{t("cite.heading")}" '
            f"{NO_INDEX}><h2>{t('cite.heading')}</h2>" + "".join(lines)
            + render_formats(site, work, "citation", here) + render_notes(site, here)
            + "</section>")


def report_link(site: Site, ids: tuple[str, str, str, str], **values: str) -> str:
    """A link that opens a report in the repository, prefilled; "" without a repository. `ids`:
    the messages of the sentence, the link, the report's title and its text."""
    t = site.t
    sentence, label, title, body = ids
    address = site.publication.report_url(
        t.text(title, **{name: " ".join(value.split()) for name, value in values.items()}),
        t.text(body, **values))
    if not address:
        return ""
    link = (f'<a class="chrono-report__link" href="{m.attr(address)}" rel="external noopener">'
            f"{t(label)}</a>")
    return t(sentence, link=link)


# --- the About page's parts ---------------------------------------------------------------------

def render_chronology_cite(site: Site, here: str) -> str:
    """The whole chronology's citation, for the About page (<!-- chronology:cite -->)."""
    t = site.t
    work = chronology_work(site)
    intro = (t("cite.chronology.intro", date=m.time(PartialDate.of(work.version), lang=site.lang))
             if work.version else t("cite.chronology.unversioned"))
    return (f'<div class="chrono-cite chrono-cite--whole" {NO_INDEX}><p>{intro}</p>'
            + render_formats(site, work, "chronology", here) + "</div>")


def render_report(site: Site, here: str) -> str:
    """How to report an error, for the About page (<!-- chronology:report -->)."""
    link = report_link(site, ("report.about", "report.about.link", "report.about.title",
                              "report.about.body"),
                       url=site.publication.base + here if site.publication.base else here)
    return f'<p class="chrono-report">{link or site.t("report.none")}</p>'


# --- a permanent link on each heading ------------------------------------------------------------

# A section or region with an id, and the heading that opens it; or a heading with an id of its
# own. Only the page's own markup matches: text from data is escaped, so never holds a tag.
_HEADED = re.compile(r'(<(?:section|div)\b[^>]*\bid="([^"]+)"[^>]*>\s*<(h[23])\b[^>]*>)'
                     r'(.*?)(</\3>)|(<(h[23])\b[^>]*\bid="([^"]+)"[^>]*>)(.*?)(</\7>)', re.S)


def with_permalinks(body: str, label: str) -> str:
    """Every h2 and h3 that opens a part with an id, or has one, ends in a link to that part
    (Material's `headerlink`, as hand-written pages have; chronology.js copies the link)."""
    def add(match: re.Match[str]) -> str:
        groups = (1, 2, 4, 5) if match.group(1) else (6, 8, 9, 10)
        opening, anchor, inner, closing = (match.group(n) for n in groups)
        if 'class="headerlink"' in inner:
            return match.group(0)
        return (f'{opening}{inner}<a class="headerlink" href="#{anchor}" title="{label}" '
                f'{NO_INDEX}>¶</a>{closing}')
    return _HEADED.sub(add, body)
