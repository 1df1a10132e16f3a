"""Every page's address and file, in one place: render, export, the standalone writer and the
hook all take them from here. Addresses are relative to the site's root and end in '/' (the
home page is ''); they are permanent (README: "URLs are a promise"). No MkDocs, no I/O.
"""

from __future__ import annotations

from .languages import LANGUAGES

HOME = ""
SOURCES = "sources/"
ACTORS = "actors/"
TOPICS = "topics/"
CORRECTIONS = "corrections/"
CONTEXT = "context/"
RECORD = "record/"
GLOSSARY = "glossary/"
TRACKS = "tracks/"
PHASES = "phases/"
EVENTS = "events/"
TRANSLATIONS = "translations/"  # what each edition has translated
FIGURES = "figures/"  # the economic impact, in figures
NAMING = "naming/"  # docs/naming.md, hand-written: how each edition names what is disputed
CHANGES = "changes/"  # what the chronology itself corrected or added

# Lists of every record of a kind, and other pages with one address each: index.md files.
INDEXES = (SOURCES, ACTORS, TOPICS, CORRECTIONS, CONTEXT, RECORD, GLOSSARY, TRACKS, TRANSLATIONS,
           FIGURES, EVENTS, CHANGES)
# What the navigation lists (mkdocs.yml): the phases and the index pages. Events, sources,
# actors and topics are reached through links (a navigation of every event made a 1,000-event
# build 6x slower and 18x larger).
IN_NAV = (PHASES, *(index + "index.md" for index in INDEXES if index != EVENTS))

# The downloadable exports, at the site's root.
JSON_EXPORT, CSV_EXPORT = "events.json", "events.csv"
ICS_EXPORT, ATOM_EXPORT = "events.ics", "events.atom"
CHANGES_FEED = "changes.atom"  # in each edition's language
SCHEMA_EXPORT = "events.schema.json"
# The words the search box corrects mistyped queries towards (render/search.py).
SEARCH_VOCABULARY = "search/vocabulary.json"


# The editions: each language's folder in the published site (the English at its root), and
# its name as it writes it, for links between the editions of a page (languages.py).
EDITIONS = {language.code: (language.folder, language.native) for language in LANGUAGES}


def edition_href(here: str, lang: str, to_lang: str) -> str:
    """The relative link from the page at `here` in edition `lang` to the same page in `to_lang`."""
    depth = here.count("/") + (1 if lang != "en" else 0)
    return "../" * depth + EDITIONS[to_lang][0] + here or "./"


def event_url(event_id: str) -> str:
    return f"{EVENTS}{event_id}/"


def phase_url(phase_id: str) -> str:
    return f"{PHASES}{phase_id}/"


def source_url(source_id: str) -> str:
    return f"{SOURCES}{source_id}/"


def actor_url(actor_id: str) -> str:
    return f"{ACTORS}{actor_id}/"


def topic_url(topic_id: str) -> str:
    return f"{TOPICS}{topic_id}/"


def figure_url(figure_id: str) -> str:
    """A figure's entry on the figures page."""
    return f"{FIGURES}#{figure_id}"


def record_url(record_id: str) -> str:
    """A record source's entry in the list of the public record."""
    return f"{RECORD}#{record_id}"


def page_path(url: str) -> str:
    """The docs-relative file for a directory URL: 'events/x/' -> 'events/x.md'."""
    if url == HOME:
        return "index.md"
    if url in INDEXES:
        return url + "index.md"
    return url.rstrip("/") + ".md"


def path_url(path: str) -> str:
    """The URL of a docs-relative file: 'events/x.md' -> 'events/x/' (page_path reversed)."""
    if path == "index.md":
        return HOME
    return path.removesuffix("index.md") if path.endswith("/index.md") else path[:-3] + "/"


def redirect_path(url: str) -> str:
    """The file of the page that sends a reader on from a former address."""
    return url + "index.html"
