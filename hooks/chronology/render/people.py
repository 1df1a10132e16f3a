"""Render the people and institutions: a page each, and Who's who, by country, people sorted by
family name. Pure: no I/O, no MkDocs.

Which word of a name is the family name follows from the data, with no rule per person:
- a `romanised` name is written as in Korean and Japanese, family name first ("Kishida Fumio");
- a name whose `native` form is in Hangul is written in that order too ("Moon Jae-in",
  "Yoon Suk Yeol"), as Korean names are in English;
- any other name is written given name first ("Mike Pompeo"), and so is a Japanese name given
  without `romanised` (as the English-language press writes them): its last word is the family
  name.
"""

from __future__ import annotations

import re
import unicodedata

from .. import markup as m
from ..model import Actor
from ..scripts import HANGUL
from ..urls import ACTORS, actor_url
from .fragments import actor_lang, other_names, render_timeline
from .site import Site

# Countries listed first on Who's who; the rest follow alphabetically, then those with none.
FIRST = ("South Korea", "Japan")
NO_COUNTRY = "actors.no-country"  # the message naming the part for actors of no country
# The words for the data's countries and kinds of actor, by message id; a country not here is
# shown as the data writes it (in English, and marked so in the other editions).
COUNTRIES = {"South Korea": "country.south-korea", "Japan": "country.japan",
             "United States": "country.united-states"}
KINDS = {"person": "actor.kind.person", "government": "actor.kind.government",
         "ministry": "actor.kind.ministry", "office": "actor.kind.office",
         "court": "actor.kind.court", "company": "actor.kind.company",
         "organisation": "actor.kind.organisation", "country": "actor.kind.country",
         "media": "actor.kind.media"}


def country_name(site: Site, country: str) -> str:
    """A country as HTML, in the edition's words where the site has them."""
    if country in COUNTRIES:
        return site.t(COUNTRIES[country])
    if country == site.t.text(NO_COUNTRY):  # the part for actors of no country: our words
        return m.text(country)
    return m.text(country) if site.lang == "en" else f'<span lang="en">{m.text(country)}</span>'


def kind_name(site: Site, kind: str) -> str:
    return site.t(KINDS[kind]) if kind in KINDS else m.text(kind)


def family_name(actor: Actor) -> str | None:
    """The family name of a person, as written in `name` where it can be found there."""
    if actor.kind != "person":
        return None
    if actor.romanised:
        return actor.romanised.split()[0]
    words = actor.name.split()
    if actor.native and HANGUL.search(actor.native[:1]):
        return words[0]
    if actor.english and actor.country in FIRST:  # a Korean or Japanese name as an edition
        return words[0]  # writes it: family name first (아베 신조)
    return words[-1]


def plain(word: str) -> str:
    """A word without its accents, in one case: "Kōno" and "Kono" sort together."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sort_key(actor: Actor) -> tuple[str, str]:
    family = family_name(actor)
    return (plain(family) if family else plain(actor.name), plain(actor.name))


def name_html(actor: Actor) -> str:
    """The name as written, its family name marked (small capitals), so that the order of the
    list explains itself."""
    family = family_name(actor)
    words = actor.name.split()
    if family is None or plain(family) not in [plain(w) for w in words]:
        return m.text(actor.name)
    index = [plain(w) for w in words].index(plain(family))
    return " ".join(f'<span class="chrono-family">{m.text(w)}</span>' if i == index
                    else m.text(w) for i, w in enumerate(words))


def country_anchor(country: str) -> str:
    """An id for a country's part of Who's who, from its name ("south-korea")."""
    slug = re.sub(r"[^a-z0-9]+", "-", plain(country)).strip("-")
    return f"from-{slug or 'elsewhere'}"


def render_actor_page(site: Site, actor: Actor) -> str:
    t = site.t
    here = actor_url(actor.id)
    rows = [(t("actor.name"), m.text(actor.name))]
    if actor.english:  # an edition names the actor in its language: the English name too
        rows.append((t("language.en"), f'<span lang="en">{m.text(actor.english)}</span>'))
    if actor.native:
        rows.append((t("actor.native"),
                     f'<span lang="{actor_lang(actor)}">{m.text(actor.native)}</span>'))
    if actor.romanised:
        rows.append((t("actor.romanised"), m.text(actor.romanised)))
    # Which word is the family name is read from the English (or romanised) name.
    if (family := family_name(actor)) and not actor.english:
        rows.append((t("actor.family-name"), m.text(family)))
    rows += [(t("actor.written-in", language=t(f"language.{lang}")),
              f'<span lang="{lang}">{m.text(name)}</span>') for lang, name in actor.names]
    if actor.aliases:
        rows.append((t("actor.aliases"), other_names(actor.aliases)))
    rows += [(t("actor.role"), m.text(actor.role))] if actor.role else []
    rows += [(t("actor.country"), country_name(site, actor.country))] if actor.country else []
    rows.append((t("actor.kind"), kind_name(site, actor.kind)))
    native = f" ({actor.native})" if actor.native else ""
    events = site.with_actor[actor.id]
    return "\n\n".join(part for part in [
        m.front_matter(actor.name + native, t.text(
            "actor.description", name=actor.name + native,
            role=actor.role or (t.text(KINDS[actor.kind]) if actor.kind in KINDS else actor.kind))),
        f'<h1 id="actor-name" data-chrono-nav="{m.href(here, ACTORS)}">{m.text(actor.name)}'
        + (f' <span lang="{actor_lang(actor)}">{m.text(actor.native)}</span>' if actor.native else "")
        + "</h1>",
        m.pairs(rows),
        f"<p>{m.text(actor.notes)}</p>" if actor.notes else "",
        f'<h2 id="events">{t("events.count-heading", count=len(events))}</h2>',
        render_timeline(here, events, t=t),
    ] if part) + "\n"


def _entry(site: Site, here: str, actor: Actor) -> str:
    native = (f' (<span lang="{actor_lang(actor)}">{m.text(actor.native)}</span>)'
              if actor.native else "")
    role = f" — {m.text(actor.role) if actor.role else kind_name(site, actor.kind)}"
    return (f'<li><a href="{m.href(here, actor_url(actor.id))}">{name_html(actor)}</a>'
            f"{native}{role}</li>")


def render_actors_index(site: Site) -> str:
    here = ACTORS
    t = site.t
    no_country = t.text(NO_COUNTRY)
    by_country: dict[str, list[Actor]] = {}
    for actor in site.chronology.actors:
        by_country.setdefault(actor.country or no_country, []).append(actor)
    order = sorted(by_country, key=lambda c: (c not in FIRST, FIRST.index(c) if c in FIRST else 0,
                                              c == no_country, c))
    sections = []
    for country in order:
        people = sorted((a for a in by_country[country] if a.kind == "person"), key=sort_key)
        bodies = sorted((a for a in by_country[country] if a.kind != "person"),
                        key=lambda a: plain(a.name))
        lists = [(title, "".join(_entry(site, here, a) for a in group))
                 for title, group in ((t("actors.people"), people),
                                      (t("actors.institutions"), bodies)) if group]
        sections.append(
            f'<section class="chrono-people" id="{country_anchor(country)}" '
            f'aria-labelledby="{country_anchor(country)}-heading"><h2 id="'
            f'{country_anchor(country)}-heading">{country_name(site, country)}</h2>'
            + "".join(f'<h3>{title}</h3><ul class="chrono-list">{items}</ul>'
                      for title, items in lists)
            + "</section>")
    return "\n\n".join([
        m.front_matter(t.text("actors.title"), t.text("actors.description")),
        f'<h1 id="actors">{t("actors.title")}</h1>',
        "<p>" + t("actors.intro", small_capitals='<span class="chrono-family">'
                  f'{t("actors.intro.small-capitals")}</span>') + "</p>",
        *sections,
    ]) + "\n"
