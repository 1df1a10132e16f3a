"""Pieces several pages share: timelines, citations of the articles and of the public record,
how a date is known, corrections, plain lists. Pure: no I/O, no MkDocs; all data text goes
through markup.text()/attr().
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from .. import markup as m
from ..dates import PartialDate
from ..languages import language, language_of
from ..localized import Localized
from ..marks import is_report
from ..messages import EN, Messages
from ..model import HOW, Actor, Citation, Correction, DateBasis, Event, RecordCitation
from ..urls import CORRECTIONS, RECORD, TRANSLATIONS, event_url, source_url
from .site import Site
from .words import ours, render_said

# Search (Pagefind) skips the text of elements carrying this attribute: lists that repeat other
# pages' text (timelines, quotes on source pages, captions, the cite box) stay out of the index,
# so that a search lands on the event.
NO_INDEX = "data-pagefind-ignore"
# The kinds of error a correction names (data/corrections.yaml `kind`), by message id.
CORRECTION_KINDS = {"misattribution": "correction.kind.misattribution",
                    "company": "correction.kind.company", "measure": "correction.kind.measure",
                    "relative-date": "correction.kind.relative-date",
                    "duration": "correction.kind.duration",
                    "contradiction": "correction.kind.contradiction",
                    "fact": "correction.kind.fact", "wording": "correction.kind.wording"}


def correction_kind(site: Site, kind: str) -> str:
    return site.t(CORRECTION_KINDS[kind]) if kind in CORRECTION_KINDS else m.text(kind)


def edition_note(t: Messages, message_ids: Iterable[str]) -> str:
    """An edition's note under a page's heading: what of the page is not (or no longer) its
    translation."""
    return (f'<div class="chrono-edition-note" role="note" {NO_INDEX}><p>'
            + " ".join(t(i) for i in message_ids) + "</p></div>")


# What kind of work a translated text is (model.HOW), and whether a person has reviewed it: the
# sentence that says so, by message id.
MADE = {("machine", False): "edition.made.machine",
        ("machine", True): "edition.made.machine.reviewed",
        ("machine-checked", False): "edition.made.machine-checked",
        ("machine-checked", True): "edition.made.machine-checked.reviewed",
        ("person", False): "edition.made.person",
        ("person", True): "edition.made.person.reviewed"}


# Where a page has both kinds of unreviewed machine translation, one sentence says so, rather
# than two that each seem to speak of the whole page.
MADE_MIXED = "edition.made.machine-partly-checked"


def made(t: Messages, texts: Iterable[Localized]) -> list[str]:
    """What kind of work the page's translated texts are, each kind once, in the order shown:
    "Machine translation of the English, checked by a second machine pass, not yet reviewed by
    a person." A person who translated or reviewed a text is named; a machine never is."""
    kinds: list[str] = []
    found: dict[str, tuple[str, bool]] = {}
    for text in texts:
        if text.how is None or text.missing:
            continue
        how = text.how if text.how in HOW else "person"
        said = t(MADE[how, bool(text.reviewed)], by=m.text(text.by or ""),
                 reviewed=m.text(str(text.reviewed)))
        if said not in kinds:
            kinds.append(said)
            found[said] = (how, bool(text.reviewed))
    machine = [said for said in kinds if found[said] in {("machine", False),
                                                          ("machine-checked", False)}]
    if len(machine) == 2:
        kinds[kinds.index(machine[0])] = t(MADE_MIXED)
        kinds.remove(machine[1])
    return kinds or [t("edition.made.none")]


def edition_made(t: Messages, texts: Iterable[Localized]) -> str:
    """The line under an edition page's heading: what kind of translation the reader has."""
    said = language(t.lang).joiner.join(made(t, texts))
    return f'<p class="chrono-edition-made" {NO_INDEX}>{said}</p>'


def edition_credit(t: Messages, here: str, texts: Iterable[Localized]) -> str:
    """The end of an edition's page: what kind of translation its texts are, each once, and a
    link to what each edition has translated."""
    coverage = m.link(here, TRANSLATIONS, t.text("edition.coverage-link"))
    credit = t("edition.credit", made=language(t.lang).joiner.join(made(t, texts)),
               coverage=coverage)
    return f'<p class="chrono-edition-credit" {NO_INDEX}>{credit}</p>'


def render_record_citation(site: Site, here: str, citation: RecordCitation) -> str:
    """A citation of the public record: a link to the page itself, its words in their own
    language, whose words they are, and our translation (or, beside a report of words said in
    another language, our rendering as reported speech), and a link to its entry in the list of
    the record."""
    t = site.t
    source = site.records[citation.source]
    lang = source.language
    words = ""
    if citation.quote:
        words = f" {m.quote(citation.quote, lang)}"
        report = is_report(citation.said, lang)
        said = render_said(site, citation.said, lang, source.outlet, citation.not_found)
        if said:
            words += (f' <span class="chrono-said">'
                      f"{site.space.join(said)}</span>")
        shown = ours(citation.translation, citation.said, lang) if citation.translation else ""
        if shown and report:
            words += (f' <span class="chrono-translation chrono-rendering">'
                      f"{t('record.rendering', rendering=shown)}</span>")
        elif shown:
            words += (f' <span class="chrono-translation">'
                      f"{t('record.translation', translation=shown)}</span>")
    if source.machine_translation:
        words += (f' <span class="chrono-machine">'
                  f"{t('quote.machine', by=m.text(source.machine_translation))}</span>")
    note = f" {m.text(citation.note)}" if citation.note else ""
    entry = m.href(here, f"{RECORD}#{source.id}")
    # The title is in the record's language: say so where the page is in another.
    cite = f'<cite lang="{m.attr(lang)}">' if lang != site.lang else "<cite>"
    line = t("source.line", outlet=m.external(source.url, source.outlet),
             title=f"{cite}{m.text(source.title)}</cite>",
             date=m.time(source.published, lang=site.lang))
    return (f'<span class="chrono-record">{line}{words}{note} '
            f'<a class="chrono-record__entry" href="{entry}" aria-label="'
            f'{m.attr(t.text("record.entry.label", outlet=source.outlet))}">'
            f'{t("record.entry")}</a></span>')


def render_record(site: Site, here: str, citations: Iterable[RecordCitation]) -> str:
    return "; ".join(render_record_citation(site, here, c) for c in citations)


def render_basis(site: Site, here: str, basis: DateBasis) -> str:
    """How a date is known, in words a reader can check."""
    t = site.t
    space = site.space
    note = f"{space}{m.text(basis.note)}" if basis.note else ""
    if basis.record:
        note += f"{space}{t('basis.record', record=render_record(site, here, basis.record))}"
    if basis.not_found:
        note += (f'{space}<span class="chrono-basis__not-found">'
                 f"{t('basis.not-found', reason=m.text(basis.not_found))}</span>")
    if basis.source is None:
        return f"{_kind(t('basis.kind.record-sentence'))}{note}"
    source = site.sources[basis.source]
    where = m.link(here, source_url(source.id), source.outlet)
    phrase = m.quote(basis.phrase or "", None if site.lang == "en" else "en")  # the article's
    if basis.kind == "record":  # on record, and the article's relative words agree
        return t("basis.record-and-source", kind=_kind(t("basis.kind.record")), source=where,
                 phrase=phrase) + note
    if basis.kind == "stated":
        return t("basis.stated", kind=_kind(t("basis.kind.stated")), source=where,
                 phrase=phrase) + note
    published = (f"{source.published.weekday_in(site.lang) or ''} "
                 f"{m.time(source.published, lang=site.lang)}").strip()
    return t("basis.derived", kind=_kind(t("basis.kind.derived")), phrase=phrase, source=where,
             published=published) + note


def _kind(words: str) -> str:
    return f'<span class="chrono-basis__kind">{words}</span>'


def basis_headline(site: Site, basis: DateBasis) -> str:
    """How a date is known, in a few words ("stated in RT"): the line a reader sees before
    opening the whole account (render_basis)."""
    t = site.t
    source = site.sources[basis.source].outlet if basis.source else None
    if basis.kind == "stated" and source:
        return t("basis.headline.stated", kind=_kind(t("basis.headline.kind.stated")),
                 source=m.text(source))
    if basis.kind == "derived" and source:
        return t("basis.headline.derived", kind=_kind(t("basis.headline.kind.derived")),
                 source=m.text(source))
    record = _kind(t("basis.headline.kind.record"))
    if basis.not_found:
        return t("basis.headline.not-found", kind=record)
    return record


def render_timeline(here: str, events: Iterable[Event], taking_effect: Iterable[Event] = (),
                    facets: Callable[[Event, bool], str] | None = None, *,
                    t: Messages = EN) -> str:
    """An ordered list of events, each linking to its page, and of the days decided measures
    took effect (`taking_effect`: the decisions), each linking to that part of its decision's
    page; readable without JavaScript. `facets(event, taking_effect)` gives each entry the
    tokens the timeline's filters match (data-f), where the page offers filters."""
    def data(event: Event, in_force: bool) -> str:
        return f' data-f="{m.attr(facets(event, in_force))}"' if facets else ""

    entries = [(event.sort_key(), 0,
                f'<li class="chrono-timeline__item chrono-timeline__item--{event.date.precision}"'
                f"{data(event, False)}>"
                f"{m.time(event.date, lang=t.lang)} "
                f"{m.link(here, event_url(event.id), event.title)}</li>")
               for event in events]
    entries += [((event.in_force.date.sort_key(), 999, event.id), 1,
                 f'<li class="chrono-timeline__item chrono-timeline__item--in-force"'
                 f"{data(event, True)}>"
                 f'{m.time(event.in_force.date, lang=t.lang)} <span class="chrono-timeline__badge">'
                 f"{t('timeline.takes-effect')}</span> "
                 f"{m.link(here, event_url(event.id) + '#in-force', event.title)} "
                 f'<span class="chrono-timeline__decided">'
                 f"{t('timeline.decided', date=event.date.human_in(t.lang))}</span></li>")
                for event in taking_effect if event.in_force]
    items = [html_ for _, _, html_ in sorted(entries, key=lambda entry: (entry[0], entry[1]))]
    if not items:
        return f'<p class="chrono-empty">{t("timeline.empty")}</p>'
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
    flags = "".join(render_flag(here, c, shown, t=site.t) for c in errors)
    css = "chrono-citation chrono-citation--wrong" if errors else "chrono-citation"
    if citation.context:
        css += " chrono-citation--context"
    # The articles are in English: in another edition the quote says so, and our translation
    # follows it, marked as ours (a quote is evidence, never replaced); beside a report of
    # words said in another language, our rendering, as reported speech.
    english = ' lang="en"' if site.lang != "en" else ""
    # The wire whose words an outlet carries is the one that reported them (Xinhua, on IOL).
    reporter = source.agency or source.outlet
    said = "".join(f'<p class="chrono-citation__said">{line}</p>' for line in render_said(
        site, citation.said, "en", reporter, citation.not_found))
    translation = ""
    shown = ours(citation.translation, citation.said, "en") if citation.translation else ""
    if shown and is_report(citation.said, "en"):
        translation = (f'<p class="chrono-citation__translation chrono-rendering">'
                       f'{site.t("quote.rendering", rendering=shown)}</p>')
    elif shown:
        translation = (f'<p class="chrono-citation__translation">'
                       f'{site.t("quote.translation", translation=shown)}</p>')
    return (
        f'<figure class="{css}">{flags}<blockquote{cite}{english}>'
        f"<p>{site.prose(citation.quote)}</p></blockquote>{said}{translation}"
        f"<figcaption {NO_INDEX}>"
        + site.t("source.line", outlet=m.link(here, source_url(source.id), source.outlet),
                 title=f"<cite{english}>{m.text(source.title)}</cite>",
                 date=m.time(source.published, lang=site.lang))
        + "</figcaption>"
        f"{note}</figure>"
    )


def correction_anchor(correction_id: str) -> str:
    """The id of a correction's section on an event page (the corrections page uses the
    correction's own id, on its heading)."""
    return f"correction-{correction_id}"


def render_flag(here: str, correction: Correction, shown: Collection[str] = (), *,
                t: Messages = EN) -> str:
    """"Error: see correction", linking to the correction, on this page if it is shown here."""
    target = (f"#{correction_anchor(correction.id)}" if correction.id in shown
              else m.href(here, f"{CORRECTIONS}#{correction.id}"))
    label = m.attr(t.text("flag.link.label", title=correction.title))
    return (f'<p class="chrono-flag" {NO_INDEX}><strong class="chrono-flag__label">'
            f'{t("flag.label")}</strong> <a href="{target}" aria-label="{label}">'
            f'{t("flag.link")}</a></p>')


def render_correction(site: Site, here: str, correction: Correction, *, heading: str,
                      anchor: bool = True, more: str = "", shown: Collection[str] = ()) -> str:
    """A correction. With `anchor`, its heading carries the correction's id, which links point
    to (the corrections page only: Material's search starts an entry at every heading with an
    id, even in excluded parts); without, the section carries an id of its own and a label, so
    that the page's table of contents lists it under "Errors in the sources"."""
    quotes = "".join(render_citation(site, here, quote, shown=shown, within=correction.id)
                     for quote in correction.quotes)
    kind = correction_kind(site, correction.kind)
    heading_id = f' id="{correction.id}"' if anchor else ""
    section_id = ("" if anchor else
                  f' id="{correction_anchor(correction.id)}" data-toc-level="3"')
    return (
        f'<section class="chrono-correction"{section_id} aria-label="{m.attr(correction.title)}">'
        f"<{heading}{heading_id}>{m.text(correction.title)}</{heading}>"
        f'<p class="chrono-correction__kind">{site.t("correction.kind", kind=kind)}</p>'
        f"{quotes}<p><strong>{site.t('correction.correct')}</strong> "
        f"{site.prose(correction.correction)}</p>"
        f"<p><strong>{site.t('correction.evidence')}</strong> {site.prose(correction.evidence)}</p>"
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


def other_names(names: Iterable[str]) -> str:
    """Other names and spellings, comma-separated, each in Korean or Japanese script marked with
    its language (fonts, screen readers)."""
    return ", ".join(f'<span lang="{lang}">{m.text(name)}</span>' if (lang := language_of(name))
                     else m.text(name) for name in names)


def actor_lang(actor: Actor) -> str:
    """The BCP 47 language of an actor's native name, for screen readers and fonts."""
    return {"South Korea": "ko", "Japan": "ja"}.get(actor.country or "", "und")
