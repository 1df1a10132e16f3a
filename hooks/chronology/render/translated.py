"""The translations page: what each edition has translated, how, and by whom (the same
coverage `make translations` prints), and which events are not yet translated. Every edition
has it, at the same address. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import markup as m
from ..model import MACHINE, Edition
from ..translations import LANGUAGES
from ..translations.coverage import Coverage
from ..translations.editions import english_texts, quotes_of
from ..urls import TRANSLATIONS, event_url
from .fragments import NO_INDEX
from .site import Site

# What the table calls each kind of text (the file it is translated in), by message id.
KINDS = {"events": "translations.kind.events", "events: citations": "translations.kind.quotes",
         "events: record quotes": "translations.kind.record-quotes",
         "notes": "translations.kind.notes",
         "phases": "translations.kind.phases", "topics": "translations.kind.topics",
         "actors": "translations.kind.actors", "glossary": "translations.kind.glossary",
         "context": "translations.kind.context", "corrections": "translations.kind.corrections",
         "changes": "translations.kind.changes",
         "tracks": "translations.kind.tracks", "measures": "translations.kind.measures",
         "figures": "translations.kind.figures",
         "sources": "translations.kind.sources", "records": "translations.kind.records",
         "ui": "translations.kind.ui"}


def _kind(label: str) -> str:
    """"events: title" -> "events"; an event's quotes keep their own rows, and the notes
    under every quote have one."""
    if label in KINDS:
        return label
    if ": citations." in label:
        return "notes"
    return label.split(":")[0]


def _made(site: Site, edition: Edition) -> dict[str, int]:
    """How the translated texts the table counts were made: by a person, by machine, by machine
    and checked by a second machine pass; and how many a person has reviewed. The same texts as
    the table (coverage.py): every translated text of an English one, and the translations of
    the quotes of the articles cited; a quote's is its event file's, made as the file says."""
    texts = [edition.texts[key] for key, _ in english_texts(site.chronology)
             if key in edition.texts]
    made: list[tuple[str | None, str | bool]] = [(text.how, text.reviewed) for text in texts]
    # A quote's translation is made as it says, or else as its file says (an event file's
    # translator; in a list file, as its record's title or term).
    for quote in quotes_of(site.chronology):
        key = quote.owner(edition)
        if key is None:
            continue
        record = [text for name in ("title", "term")
                  if (text := edition.texts.get((quote.file, quote.id, name)))][:1]
        how = edition.quotes_how.get(key) or (record[0].how if record else None)
        made.append((how, record[0].reviewed if record and how == record[0].how else False))
    return {"people": sum(how == "person" for how, _ in made),
            "machine": sum(how in MACHINE for how, _ in made),
            "checked": sum(how == "machine-checked" for how, _ in made),
            "reviewed": sum(bool(reviewed) for _, reviewed in made)}


def render_translations_page(site: Site, coverages: Mapping[str, Coverage]) -> str:
    t = site.t
    here = TRANSLATIONS
    parts = [m.front_matter(t.text("translations.title"), t.text("translations.description")),
             f'<h1 id="translations">{t("translations.title")}</h1>',
             f"<p>{t('translations.intro')}</p>"]
    editions = site.chronology.translations
    for lang in LANGUAGES:
        found = coverages.get(lang)
        if found is None:
            continue
        language = t(f"language.{lang}")
        rows: dict[str, list[int]] = {}
        for kind in found.kinds:
            row = rows.setdefault(_kind(kind.kind), [0, 0, 0])
            row[0] += kind.total
            row[1] += kind.translated
            row[2] += len(kind.stale)
        done = sum(row[1] for row in rows.values())
        total = sum(row[0] for row in rows.values())
        edition = editions.get(lang) or Edition(lang=lang)
        made = _made(site, edition)
        body = "".join(
            f"<tr><th scope=\"row\">{t(KINDS[kind])}</th><td>{translated:,}</td><td>{all_:,}</td>"
            f"<td>{stale:,}</td></tr>"
            for kind, (all_, translated, stale) in rows.items() if kind in KINDS)
        table = (f'<table><caption>'
                 f'{t("translations.caption", language=language)}</caption><thead><tr>'
                 f'<th scope="col">{t("translations.column.kind")}</th>'
                 f'<th scope="col">{t("translations.column.translated")}</th>'
                 f'<th scope="col">{t("translations.column.total")}</th>'
                 f'<th scope="col">{t("translations.column.stale")}</th></tr></thead>'
                 f"<tbody>{body}</tbody></table>")
        summary = t("translations.summary", done=f"{done:,}", total=f"{total:,}",
                    percent=f"{100 * done // total if total else 100}",
                    **{k: f"{v:,}" for k, v in made.items()})
        missing = [e for e in site.events
                   if not all(("events", e.id, name) in edition.texts for name in ("title", "summary"))]
        listed = (t("translations.events.all") if not missing else
                  t("translations.events.missing", count=t.count(len(missing), "count.event"))
                  + "</p><ul>" + "".join(
                      f"<li>{m.link(here, event_url(e.id), e.title)}</li>" for e in missing)
                  + "</ul><p>")
        parts.append(f'<section id="{lang}" aria-labelledby="{lang}-heading" {NO_INDEX}>'
                     f'<h2 id="{lang}-heading">{t("translations.edition", language=language)}</h2>'
                     f"<p>{summary}</p>{table}<p>{listed}</p></section>")
    return "\n\n".join(parts).replace("<p></p>", "") + "\n"
