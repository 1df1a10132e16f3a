"""Cite: an event (a page of the chronology) and the whole chronology, in the forms researchers
paste into a paper or a reference manager: APA and Chicago as plain text, BibTeX (biblatex),
RIS and CSL-JSON.

What a reference manager makes of each: an event is a web page (RIS `TY  - ELEC`, CSL
`webpage`, biblatex `@online`: Zotero's webpage); the whole chronology is a data set, a compiled
and versioned collection of dated, sourced records, published with its data (RIS `TY  - DATA`,
CSL `dataset`: Zotero's dataset). BibTeX has no data set that Zotero reads (it drops `@dataset`),
so the chronology is `@misc` there (Zotero: a document).

Every value comes from data or configuration and is escaped for its format: BibTeX's special
characters become commands, so that no brace, `@` or backslash in a title can end a field or
start an entry; RIS and the plain styles fold every line break, so that no value can start a
tag of its own; CSL-JSON is written by `json`. Two parts are filled in the reader's browser
(`Slot`): the page's address, where the build does not know the site's (SITE_URL), and the day
the reader accessed it, which a static page cannot know; without the script the day is left out.

Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .dates import MONTHS, PartialDate
from .history import Changed
from .messages import PLACE

ENTRY, DATASET = "entry", "dataset"  # what is cited: an event's page, the whole chronology
FORMATS = ("apa", "chicago", "bibtex", "ris", "csl")


@dataclass(frozen=True)
class Slot:
    """A part of a citation filled in the reader's browser: the page's address (`url`, from
    `path`), or the day they accessed it (`accessed`, written in `style`: "text", as the page's
    language writes a date; "iso", 2026-12-09; "ris", 2026/12/09; "csl", [[2026, 12, 9]]),
    between `before` and `after`. An accessed slot stays out until the script fills it."""

    kind: str
    style: str = ""
    before: str = ""
    after: str = ""
    path: str = ""


Part = str | Slot


@dataclass(frozen=True)
class Work:
    """What a citation names."""

    key: str  # its citation key: ASCII letters, digits and hyphens
    kind: str  # ENTRY or DATASET
    title: str
    path: str  # its address from the edition's root ("events/<id>/"; "" for the home page)
    base: str  # the edition's published address, or "" where the build does not know it
    site: str  # the site's name: the website an entry is on, the data set's own title
    changed: Changed  # when it last changed
    version: datetime.date | None  # the version's day (SOURCE_DATE_EPOCH)
    lang: str
    abstract: str = ""


def url(work: Work) -> Part:
    return work.base + work.path if work.base else Slot("url", path=work.path)


# --- text as each format needs it ----------------------------------------------------------

_SPACE = re.compile(r"\s+")  # \s takes every line break Unicode knows (\u2028, \x85, \v...)


def folded(value: str) -> str:
    """One line: every run of white space, line breaks included, as one space."""
    return _SPACE.sub(" ", value).strip()


_BIBTEX = {"\\": "{\\textbackslash}", "{": "{\\textbraceleft}", "}": "{\\textbraceright}",
           "~": "{\\textasciitilde}", "^": "{\\textasciicircum}", "#": "\\#", "$": "\\$",
           "%": "\\%", "&": "\\&", "_": "\\_"}
_BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(_BIBTEX)) + "]")


def bibtex_text(value: str) -> str:
    """A value inside a BibTeX field's braces: one line, every character BibTeX or LaTeX treats
    specially written as a command, so that braces stay balanced and no `}` ends the field."""
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX[match.group()], folded(value))


def bibtex_url(value: str) -> str:
    """An address in a verbatim field (biblatex's url): only braces and white space could break
    it, and an address never needs them as they are."""
    return (value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")
            .replace(" ", "%20"))


def ris_text(value: str) -> str:
    """A RIS value: one line, so that nothing in it starts a tag (`ER  - `) of its own."""
    return folded(value)


# --- the dates ------------------------------------------------------------------------------

def issued_date(changed: Changed) -> datetime.date | None:
    """The day a citation gives as its date: when the work last changed, where that is known
    to the day (an "on or before" is not a date of publication)."""
    return changed.day if changed.exact else None


def text_date(day: datetime.date, lang: str, style: str) -> str:
    """A date as each style writes it: APA's "2026, December 7", Chicago's "December 7, 2026";
    in Korean and Japanese, as the edition writes dates (2026년 12월 7일, 2026年12月7日)."""
    if lang != "en":
        return PartialDate.of(day).human_in(lang)
    month = MONTHS[day.month - 1]
    return f"{day.year}, {month} {day.day}" if style == "apa" else f"{month} {day.day}, {day.year}"


# --- the five formats -----------------------------------------------------------------------

def fill(template: str, values: Mapping[str, Part | Sequence[Part]]) -> list[Part]:
    """A message's template (messages.py: {name} places) with parts put in its places."""
    parts: list[Part] = []
    at = 0
    for place in PLACE.finditer(template):
        parts.append(template[at:place.start()])
        value = values[place.group(1)]
        parts.extend([value] if isinstance(value, str | Slot) else value)
        at = place.end()
    parts.append(template[at:])
    return [part for part in parts if part != ""]


def plain(work: Work, style: str, words: Mapping[str, str]) -> list[Part]:
    """APA or Chicago as plain text, from the edition's words (`words`: message id -> template:
    cite.apa.entry, cite.chicago.dataset...). No person is named: the forms for a work with no
    author, which start with its title."""
    issued = issued_date(work.changed)
    # The parts that may be left out bring the space that follows or precedes them (a
    # translation's words are read without the spaces at their ends).
    before, _, after = words[f"cite.{style}.accessed"].partition("{date}")
    accessed = Slot("accessed", "text", before, after + " ")
    values: dict[str, Part | Sequence[Part]] = {
        "title": folded(work.title), "site": folded(work.site), "url": url(work),
        "accessed": accessed,
        "date": text_date(issued, work.lang, style) if issued else words["cite.no-date"],
        "year": str(work.version.year) if work.version else words["cite.no-date"],
        "version": ([" ", *fill(words[f"cite.{style}.version"],
                                {"version": work.version.isoformat()})] if work.version else "")}
    if style == "chicago":
        # Chicago gives the day a page was last modified, or else the day it was accessed.
        values["when"] = ([*fill(words["cite.chicago.modified"], {"date": values["date"]}), " "]
                          if issued and work.kind == ENTRY else [accessed])
    return fill(words[f"cite.{style}.{work.kind}"], values)


def bibtex(work: Work) -> list[Part]:
    """biblatex: `@online` for an event; `@misc` for the chronology (see the module's note)."""
    kind = "online" if work.kind == ENTRY else "misc"
    issued = issued_date(work.changed) if work.kind == ENTRY else work.version
    fields: list[tuple[str, Part]] = [("title", bibtex_text(work.title))]
    if work.kind == ENTRY:
        fields.append(("organization", bibtex_text(work.site)))
    if issued:
        fields.append(("date", issued.isoformat()))
    if work.version:
        fields.append(("version", work.version.isoformat()))
    fields.append(("langid", work.lang))
    link = url(work)
    parts: list[Part] = [f"@{kind}{{{work.key},\n"]
    for name, value in fields:
        parts.append(f"  {name} = {{{value}}},\n")
    parts += ["  url = {", bibtex_url(link) if isinstance(link, str) else link, "},\n",
              Slot("accessed", "iso", "  urldate = {", "},\n"), "}\n"]
    return parts


def ris(work: Work) -> list[Part]:
    """RIS: `ELEC` (a web page) for an event, `DATA` (a data set) for the chronology."""
    lines: list[tuple[str, Part]] = [("TY", "ELEC" if work.kind == ENTRY else "DATA"),
                                     ("TI", ris_text(work.title))]
    issued = issued_date(work.changed) if work.kind == ENTRY else work.version
    if work.kind == ENTRY:
        lines.append(("T2", ris_text(work.site)))  # the website's title
    if issued:
        lines += [("PY", str(issued.year)), ("DA", issued.strftime("%Y/%m/%d"))]
    if work.kind == DATASET and work.version:
        lines.append(("ET", work.version.isoformat()))  # a data set's version
    lines.append(("LA", work.lang))
    if work.abstract:
        lines.append(("AB", ris_text(work.abstract)))
    lines.append(("UR", url(work)))
    parts: list[Part] = []
    for tag, value in lines:
        parts += [f"{tag}  - ", value, "\n"]
    parts += [Slot("accessed", "ris", "Y2  - ", "\n"), "ER  - \n"]
    return parts


def csl_json(work: Work) -> list[Part]:
    """CSL-JSON: one item in a list, as the schema has it (`webpage`, or `dataset`)."""
    issued = issued_date(work.changed) if work.kind == ENTRY else work.version
    members: list[tuple[str, object]] = [("id", work.key),
                                         ("type", "webpage" if work.kind == ENTRY else "dataset"),
                                         ("title", folded(work.title))]
    if work.kind == ENTRY:
        members.append(("container-title", folded(work.site)))
    if issued:
        members.append(("issued", {"date-parts": [[issued.year, issued.month, issued.day]]}))
    if work.version:
        members.append(("version", work.version.isoformat()))
    members.append(("language", work.lang))
    if work.abstract:
        members.append(("abstract", folded(work.abstract)))
    parts: list[Part] = ["[\n  {\n"]
    parts += [f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)},\n"
              for name, value in members]
    link = url(work)
    # The day accessed comes before the last member, so that the list stays JSON without it.
    parts += [Slot("accessed", "csl", '    "accessed": {"date-parts": ', "},\n"),
              '    "URL": ',
              json.dumps(link) if isinstance(link, str) else Slot("url", path=link.path,
                                                                   before='"', after='"'),
              "\n  }\n]\n"]
    return parts


def citation(work: Work, style: str, words: Mapping[str, str]) -> list[Part]:
    """The work cited in one of FORMATS."""
    if style in ("apa", "chicago"):
        return plain(work, style, words)
    return {"bibtex": bibtex, "ris": ris, "csl": csl_json}[style](work)


# --- as text, where the page's address and the day accessed are known -----------------------

def as_text(parts: Sequence[Part], base: str = "", accessed: datetime.date | None = None,
            lang: str = "en") -> str:
    """The citation as the reader's browser completes it: the address from `base`, the day
    accessed, or without it (as without the script)."""
    return "".join(_text(part, base, accessed, lang) for part in parts)


def _text(part: Part, base: str, accessed: datetime.date | None, lang: str) -> str:
    if isinstance(part, str):
        return part
    if part.kind == "url":
        return part.before + base + part.path + part.after
    if accessed is None:
        return ""
    return part.before + accessed_as(accessed, part.style, lang) + part.after


def accessed_as(day: datetime.date, style: str, lang: str) -> str:
    """The day accessed as each slot writes it (chronology.js writes the same)."""
    if style == "iso":
        return day.isoformat()
    if style == "ris":
        return day.strftime("%Y/%m/%d")
    if style == "csl":
        return f"[[{day.year}, {day.month}, {day.day}]]"
    return text_date(day, lang, "chicago")


def slots(parts: Sequence[Part]) -> Iterator[Slot]:
    return (part for part in parts if isinstance(part, Slot))
