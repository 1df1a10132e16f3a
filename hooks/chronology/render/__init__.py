"""Render: turn a Chronology into Markdown pages keyed by their docs-relative path.

Pure functions: no I/O, no MkDocs. Each page is front matter plus raw HTML built
from escaped data (see markup.py). Every list is sorted explicitly, so two
builds of the same data are byte-identical.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from functools import partial

from .. import markup as m
from ..csp import REDIRECT_SCRIPT, policy_meta
from ..localized import Localized, shown
from ..markup import href
from ..messages import EN
from ..model import Chronology
from ..publication import Publication
from ..translations.coverage import coverage
from ..translations.localize import localize, messages
from ..urls import (
    ACTORS,
    CHANGES,
    CONTEXT,
    CORRECTIONS,
    EVENTS,
    FIGURES,
    GLOSSARY,
    HOME,
    RECORD,
    SOURCES,
    TOPICS,
    TRACKS,
    TRANSLATIONS,
    actor_url,
    event_url,
    page_path,
    path_url,
    phase_url,
    redirect_path,
    source_url,
    topic_url,
)
from .changes import render_changes_page
from .chart import render_chart
from .citing import render_chronology_cite, render_report, with_permalinks
from .corrections import render_corrections_page
from .events import (
    render_event_page,
    render_events_index,
    render_home_timeline,
    render_phase_list,
    render_phase_page,
)
from .figures import render_figures_page
from .fragments import NO_INDEX, edition_credit, edition_made, edition_note
from .measures import render_tracks_page
from .people import render_actor_page, render_actors_index
from .reference import (
    render_context_page,
    render_glossary_page,
    render_record_page,
    render_source_page,
    render_sources_index,
    render_topic_page,
    render_topics_index,
)
from .site import Site
from .translated import render_translations_page

__all__ = ["fill_markers", "has_markers", "iter_pages", "iter_redirects", "nav_with_phases",
           "redirects", "render_fragments", "render_pages",
           "render_problem_banner", "split_front_matter", "translated_nav"]

MARKER = re.compile(r"<!--\s*chronology:([a-z-]+)\s*-->")
# What a hand-written page may embed (render_fragments).
MARKERS = ("chart", "cite", "phases", "report", "timeline")


def iter_pages(chronology: Chronology, site_name: str = "", lang: str = "en",
               publication: Publication | None = None) -> Iterator[tuple[str, str]]:
    """Every generated page as (docs-relative path, Markdown), one at a time (10,000 event
    pages need not all be held in memory at once), in the edition `lang` ("en", "ko", "ja"):
    the same pages at the same paths in every edition. `publication`: the site's address, its
    version and the history of its data, which the pages cite (by default, none known)."""
    site = edition_site(chronology, site_name, lang, publication)
    local = site.chronology
    pages: list[tuple[str, Callable[[], str]]] = []
    pages += [(page_path(phase_url(p.id)), partial(render_phase_page, site, p))
              for p in local.phases]
    pages += [(page_path(event_url(e.id)), partial(render_event_page, site, e))
              for e in local.events]
    pages.append((page_path(EVENTS), partial(render_events_index, site)))
    pages += [(page_path(source_url(s.id)), partial(render_source_page, site, s))
              for s in local.sources]
    pages.append((page_path(SOURCES), partial(render_sources_index, site)))
    # Index pages exist even when empty: mkdocs.yml's navigation names them.
    pages += [(page_path(actor_url(a.id)), partial(render_actor_page, site, a))
              for a in local.actors]
    pages.append((page_path(ACTORS), partial(render_actors_index, site)))
    pages += [(page_path(topic_url(t.id)), partial(render_topic_page, site, t))
              for t in local.topics]
    pages += [(page_path(TOPICS), partial(render_topics_index, site)),
              (page_path(CORRECTIONS), partial(render_corrections_page, site)),
              (page_path(CONTEXT), partial(render_context_page, site)),
              (page_path(GLOSSARY), partial(render_glossary_page, site)),
              (page_path(RECORD), partial(render_record_page, site)),
              (page_path(TRACKS), partial(render_tracks_page, site)),
              (page_path(FIGURES), partial(render_figures_page, site)),
              (page_path(CHANGES), partial(render_changes_page, site)),
              (page_path(TRANSLATIONS),
               partial(render_translations_page, site, coverage(chronology)))]
    # Every page also shows the site's own words (data/i18n/<lang>/ui.yaml): who translated them.
    edition = chronology.translations.get(lang)
    words = [Localized("", lang, by=text.by, how=text.how, reviewed=text.reviewed)
             for (kind, _, _), text in (edition.texts.items() if edition else ())
             if kind == "ui"][:1]
    label = site.t("heading.permalink")
    for path, render in pages:
        with shown() as found:
            page = with_permalinks(render(), label)
        yield path, with_translation_notes(site, path, page, found + words)


def edition_site(chronology: Chronology, site_name: str = "", lang: str = "en",
                 publication: Publication | None = None) -> Site:
    """The lookups for rendering the edition `lang`: its texts, its words."""
    return Site(localize(chronology, lang), site_name, messages(chronology, lang), publication)


def with_translation_notes(site: Site, path: str, page: str, found: list[Localized]) -> str:
    """An edition's page with what it must say about its translation: under the heading, what
    kind of translation it is, and that parts are still in English or were translated from an
    earlier English; at the end, the same kind of work and a link to the Translations page.
    English pages are returned as they are."""
    if site.lang == "en":
        return page
    notes = [message for message, shown in (("edition.note.untranslated", "missing"),
                                            ("edition.note.stale", "stale"))
             if any(getattr(text, shown) for text in found)]
    front, body = split_front_matter(page)
    end = body.find("</h1>")
    cut = end + len("</h1>") if end >= 0 else 0
    # Under the heading, where the reader looks first: what kind of translation this is.
    head = edition_made(site.t, found) + ("\n\n" + edition_note(site.t, notes) if notes else "")
    page = front + body[:cut] + "\n\n" + head + body[cut:]
    return page.rstrip("\n") + "\n\n" + edition_credit(site.t, path_url(path), found) + "\n"


def redirects(chronology: Chronology) -> list[tuple[str, str, str]]:
    """Every former URL with the URL it now leads to, and the title there: (from, to, title)."""
    moved: list[tuple[Callable[[str], str], str, tuple[str, ...], str]]
    moved = [(phase_url, p.id, p.former_ids, p.title) for p in chronology.phases]
    moved += [(event_url, e.id, e.former_ids, e.title) for e in chronology.events]
    moved += [(source_url, s.id, s.former_ids, f"{s.outlet}, {s.title}") for s in chronology.sources]
    moved += [(actor_url, a.id, a.former_ids, a.name) for a in chronology.actors]
    moved += [(topic_url, t.id, t.former_ids, t.title) for t in chronology.topics]
    return sorted((url(old), url(new), title) for url, new, olds, title in moved for old in olds)


def iter_redirects(chronology: Chronology, lang: str = "en") -> Iterator[tuple[str, str]]:
    """A page at every former URL that sends the reader on to the record's page (a plain HTML
    file: static hosts serve it as it is, and it stays out of search and the sitemap), in the
    edition `lang`."""
    site = edition_site(chronology, lang=lang)
    t = site.t
    for old, new, title in redirects(site.chronology):
        target = html.escape(href(old, new))
        yield redirect_path(old), (
            # The policy first: it covers only what follows it (csp.py).
            f'<!doctype html>\n<html lang="{lang}">\n<head>\n{policy_meta([REDIRECT_SCRIPT])}\n'
            '<meta charset="utf-8">\n'
            f"<title>{t('redirect.title', title=m.attr(title))}</title>\n"
            '<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{target}">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n'
            # The same script on every redirect page (one hash in the policy): it reads the
            # canonical link, and keeps the #fragment the refresh would drop.
            f"<script>{REDIRECT_SCRIPT}</script>\n"
            "</head>\n<body>\n<p>"
            + t("redirect.body", link=f'<a href="{target}">{m.text(title)}</a>')
            + "</p>\n</body>\n</html>\n")


def render_pages(chronology: Chronology, site_name: str = "") -> dict[str, str]:
    """Every generated page, keyed by docs-relative path."""
    return dict(iter_pages(chronology, site_name))


def render_fragments(chronology: Chronology, here: str = HOME, lang: str = "en",
                     publication: Publication | None = None) -> dict[str, str]:
    """Pieces that hand-written pages embed with a marker such as <!-- chronology:timeline -->."""
    site = edition_site(chronology, publication.name if publication else "", lang, publication)
    fragments = {"phases": render_phase_list(site, here), "timeline": render_home_timeline(site, here),
                 "chart": render_chart(site, here), "cite": render_chronology_cite(site, here),
                 "report": render_report(site, here)}
    assert tuple(sorted(fragments)) == MARKERS
    return fragments


def has_markers(text: str) -> bool:
    """Whether a hand-written page embeds a generated part (<!-- chronology:NAME -->)."""
    return MARKER.search(text) is not None


def fill_markers(text: str, chronology: Chronology, here: str, lang: str = "en",
                 publication: Publication | None = None) -> str:
    """A hand-written page at `here` with each <!-- chronology:NAME --> replaced by its fragment
    (in the edition `lang`); ValueError names a marker that does not exist."""
    fragments = render_fragments(chronology, here, lang, publication)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ValueError(f"unknown marker 'chronology:{name}'; known: {', '.join(MARKERS)}")
        return fragments[name]

    return MARKER.sub(fill, text)


def split_front_matter(page: str) -> tuple[str, str]:
    """A generated page's front matter (`---` ... `---`) and its body."""
    end = page.index("\n---\n", 4) + len("\n---\n")
    # No text may precede the first heading, or Material's search makes an empty entry for it.
    return page[:end], page[end:].lstrip()


def nav_with_phases(nav: list[object], chronology: Chronology) -> list[object]:
    """The site navigation (mkdocs.yml's `nav`, as lists of entries) with its list of phase
    pages replaced by the data's phases, in order: a phase added, renamed or removed in
    data/phases.yaml needs no edit to mkdocs.yml. ValueError if there is no such list."""
    pages = [page_path(phase_url(phase.id)) for phase in chronology.phases]
    found = False

    def is_phase_page(entry: object) -> bool:
        paths = list(entry.values()) if isinstance(entry, dict) else [entry]
        return len(paths) == 1 and isinstance(paths[0], str) and paths[0].startswith("phases/")

    def walk(entries: list[object]) -> list[object]:
        nonlocal found
        if entries and all(is_phase_page(entry) for entry in entries):
            found = True
            return list(pages)
        return [{title: walk(value) if isinstance(value, list) else value
                 for title, value in entry.items()} if isinstance(entry, dict) else entry
                for entry in entries]

    filled = walk(nav)
    if not found:
        raise ValueError("the navigation ('nav' in mkdocs.yml) has no list of phase pages; add "
                         "one, for example '- Phases: [phases/<id>.md]': the build fills it with "
                         "the phases in data/phases.yaml")
    return filled


def translated_nav(nav: list[object], titles: Mapping[str, str]) -> list[object]:
    """The navigation with its section and page titles in an edition's words (`titles`, by the
    English title, from its mkdocs.<lang>.yml); a title with no translation stays English.
    ValueError names a translated title the navigation does not have (renamed in mkdocs.yml?)."""
    seen: set[str] = set()

    def walk(entries: list[object]) -> list[object]:
        found: list[object] = []
        for entry in entries:
            if isinstance(entry, dict):
                seen.update(entry)
                entry = {titles.get(title, title): walk(value) if isinstance(value, list) else value
                         for title, value in entry.items()}
            found.append(entry)
        return found

    translated = walk(nav)
    if unknown := sorted(set(titles) - seen):
        raise ValueError(f"extra.nav_titles translates {', '.join(unknown)}, which the "
                         "navigation ('nav' in mkdocs.yml) does not have; translate its titles as "
                         "mkdocs.yml writes them")
    return translated


def render_problem_banner(report: str) -> str:
    """The data's problems at the top of a page, under `make serve`: the maintainer sees them
    where they look, over the last data that checked. Excluded from search."""
    lines = "\n".join(html.escape(line) for line in report.splitlines())
    return (f'<div class="chrono-problems" role="alert" {NO_INDEX}><p><strong>'
            f'{EN("problems.lead")}</strong> {EN("problems.fix")}</p><pre>{lines}</pre></div>\n')
