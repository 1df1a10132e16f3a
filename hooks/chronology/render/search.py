"""What the search index needs that the pages do not show: Pagefind's attributes.

The build indexes the finished HTML with Pagefind (chronology/search.py). Only what lies inside
`data-pagefind-body` is indexed; events rank above the pages that list them; each event page
carries, hidden and unindexed as text, the fields search matches on and shows:

- `title`, `day` (as pages write the date), `date` (ISO, also the sort), `kind` — shown;
  `in_force` and `in_force_day`, the day the event's measure took effect if it has one — shown;
- `headline` (the title again, weighted), `when` (the date, and the day it took effect, as ISO
  and as Korean and Japanese write them: a search for that day finds the event), `alias` (the
  event's own other names), `aka` (the topics' other names, the actors' names in every script),
  `cjk` (every
  suffix of each Korean or Japanese run of text: Pagefind matches a query as the start of an
  indexed word and splits only at spaces and ASCII punctuation, so 輸出管理 inside a sentence
  is found only as the start of a suffix) — matched, not shown;
- filters by phase, topic, actor and year.

Values are element text, escaped like all page text (an attribute value would be split at its
commas). Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import html
import json
import re

from .. import markup as m
from ..dates import PartialDate
from ..languages import language, language_of
from ..model import Actor, Chronology, Event
from ..scripts import KANA_KANJI
from ..translations.localize import localize
from ..urls import ACTORS, EVENTS, PHASES, RECORD, SOURCES, TOPICS

# The weight of pages that list or describe (everything but events): a name's own page must not
# outrank the events it acted in. Measured on the query benchmark (tests/perf/search/).
INDEX_PAGE_WEIGHT = 0.2
# The account of how a date is known holds the record's own Korean and Japanese words.
DATING_WEIGHT = 0.5
CJK_SUFFIX = 12  # characters: any term of up to 12 characters inside a run is a word's start
_JAPANESE = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_JAPANESE_RUN = re.compile(f"[{_JAPANESE}A-Za-z0-9]*[{_JAPANESE}][{_JAPANESE}A-Za-z0-9]*")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_TAG = re.compile(r"<[^>]+>")
# Words worth correcting a typo towards: four letters or more, or two Hangul or CJK characters.
_WORD = re.compile(r"[^\W\d_]{4,}|[\uac00-\ud7a3]{2,}|[\u3040-\u30ff\u4e00-\u9fff]{2,}")

KINDS = ((EVENTS, "event"), (ACTORS, "actor"), (TOPICS, "topic"), (PHASES, "phase"),
         (SOURCES, "source"), (RECORD, "record"))


def page_kind(url: str) -> str:
    """What a page is, for the search results' label: event, actor, topic, phase, source,
    record or page."""
    for prefix, kind in KINDS:
        if url.startswith(prefix) and url != EVENTS:
            return kind
    return "page"


def searchable(url: str, body: str) -> str:
    """A page's HTML body, marked as what search indexes, at its weight."""
    kind = page_kind(url)
    weight = "" if kind == "event" else f' data-pagefind-weight="{INDEX_PAGE_WEIGHT}"'
    label = "" if kind == "event" else (
        f'<span hidden data-pagefind-ignore data-pagefind-meta="kind:{kind}"></span>')
    return f"<div data-pagefind-body{weight}>{label}\n{body}\n</div>\n"


def cjk_suffixes(text: str) -> list[str]:
    """Every suffix (of at most CJK_SUFFIX characters, at least two) of each Japanese or Chinese
    run and of each Korean word, in order of appearance, once each."""
    found: dict[str, None] = {}
    for pattern in (_JAPANESE_RUN, _HANGUL_WORD):
        for run in pattern.findall(text):
            for start in range(len(run) - 1):
                found[run[start:start + CJK_SUFFIX]] = None
    return list(found)


_KANJI = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KATAKANA = "\u30a0-\u30ff"
# A Japanese run of content: kanji, katakana and Latin, between kana particles and punctuation.
_CONTENT_RUN = re.compile(f"[{_KANJI}{_KATAKANA}A-Za-z0-9]+")


def _script(char: str) -> str:
    if re.match(f"[{_KANJI}]", char):
        return "kanji"
    return "katakana" if re.match(f"[{_KATAKANA}]", char) else "latin"


def cjk_word_starts(text: str, korean: str | None = None) -> list[str]:
    """The pieces of Japanese and Korean text a query may start with, for an edition whose
    every sentence is such text: in Japanese, each run of kanji, katakana and Latin (what lies
    between the particles and the punctuation) from its start, from each kanji in it (a compound's
    parts: 輸出管理令 -> 管理令) and from each change of script (ホワイト国 -> 国); in Korean (of
    `korean` if given, else of `text`), each word's suffixes, as cjk_suffixes: Korean separates
    its words with spaces, so Pagefind finds a word's start without them, and a suffix finds a
    compound's second part (수출규제 -> 규제). At most CJK_SUFFIX characters, two at least, once
    each.
    A fraction of cjk_suffixes' pieces (which start at every character): measured with
    tests/perf/editions.py, what keeps an edition's index within the English one's memory."""
    found: dict[str, None] = {}
    for run in _CONTENT_RUN.findall(text):
        if not KANA_KANJI.search(run):
            continue
        scripts = [_script(char) for char in run]
        for start in range(len(run) - 1):
            if start == 0 or scripts[start] == "kanji" or scripts[start] != scripts[start - 1]:
                found[run[start:start + CJK_SUFFIX]] = None
    for word in _HANGUL_WORD.findall(korean if korean is not None else text):
        for start in range(len(word) - 1):
            found[word[start:start + CJK_SUFFIX]] = None
    return list(found)


def date_forms(date: PartialDate) -> str:
    """A date as ISO and as Korean and Japanese write it: "2019-08-02 2019年8月2日 2019년 8월 2일"."""
    first = date.first_day
    if date.precision == "day":
        return f"{date.iso} {first.year}年{first.month}月{first.day}日 " \
               f"{first.year}년 {first.month}월 {first.day}일"
    if date.precision == "month":
        return f"{date.iso} {first.year}年{first.month}月 {first.year}년 {first.month}월"
    return f"{date.iso} {first.year}年 {first.year}년"


def actor_names(actor: Actor) -> list[str]:
    """Every way the data writes an actor's name."""
    names = [actor.name, actor.english, actor.native, actor.romanised,
             *(n for _, n in actor.names), *actor.aliases]  # english: in an edition
    return [name for name in names if name]


def event_index(event: Event, *, phase: str, topics: dict[str, tuple[str, tuple[str, ...]]],
                actors: dict[str, Actor], page_text: str, lang: str = "en") -> str:
    """The hidden block of an event page that gives search its fields and filters.
    `topics` maps each topic id to its title and aliases; `page_text` is the page's HTML."""
    aka = [alias for t in event.topics for alias in topics[t][1]]
    aka += [name for a in event.actors for name in actor_names(actors[a])]
    aliases = list(event.aliases)
    if lang != "en":  # an edition's reader searches in its language (or in Latin letters)
        aka = [name for name in aka if language_of(name) in (None, lang)]
        aliases = [name for name in aliases if language_of(name) in (None, lang)]
    text = html.unescape(_TAG.sub(" ", page_text))
    when = date_forms(event.date)
    fields = [("meta", "title", event.title), ("meta", "kind", "event"),
              ("meta", "date", event.date.iso), ("meta", "day", event.date.human_in(lang))]
    if event.in_force:
        in_force = event.in_force.date
        when += " " + date_forms(in_force)
        fields += [("meta", "in_force", in_force.iso), ("meta", "in_force_day", in_force.human_in(lang))]
    fields += [("meta", "headline", event.title), ("meta", "when", when),
               ("sort", "date", event.date.iso), ("filter", "year", str(event.date.first_day.year)),
               ("filter", "phase", phase)]
    if aliases:
        fields.append(("meta", "alias", " ; ".join(aliases)))
    if aka:
        fields.append(("meta", "aka", " ; ".join(dict.fromkeys(aka))))
    # Suffixes of the page's own text and the event's own names only: the topics' and actors'
    # names are the same on every event, and their suffixes cost a third of Pagefind's memory
    # (measured: 242 against 160 MB at 1,000 events).
    # In the Korean and Japanese editions every sentence is such a run: the suffixes of the
    # whole page would cost Pagefind twice the English index's memory (measured:
    # tests/perf/editions.py), so there the word starts of the title, summary and names only.
    if lang == "en":
        suffixes = cjk_suffixes(" ".join([text, *event.aliases]))
    else:
        # Korean: the compounds of the title and the names only (the summary's suffixes cost
        # a sixth of the Korean index's memory).
        # Korean: the record's own words in the edition's language too. Not in Japanese: there
        # the officials' own words, quoted on many events, name the dispute's terms (韓国大法院,
        # WTO提訴), and their word starts put those events before the one each term names
        # (measured: the query benchmark's Japanese hits fell from 39 to 37 of 42). They stay
        # in the page's text, indexed at the record's weight.
        bases = [event.date_basis, *([event.in_force.basis] if event.in_force else [])]
        quotes = [c.quote for c in (*event.record, *(c for b in bases for c in b.record))
                  if c.quote and language_of(c.quote) == lang]
        suffixes = cjk_word_starts(" ".join([event.title, event.summary, *aliases]),
                                   korean=" ".join([event.title, *aliases, *quotes]))
    if suffixes:
        fields.append(("meta", "cjk", " ".join(suffixes)))
    fields += [("filter", "topic", topics[t][0]) for t in event.topics]
    fields += [("filter", "actor", actors[a].name) for a in event.actors]
    spans = "".join(f'<span data-pagefind-{what}="{key}">{m.text(value)}</span>'
                    for what, key, value in fields)
    return f"<div hidden data-pagefind-ignore>{spans}</div>"


def vocabulary(chronology: Chronology, lang: str = "en") -> str:
    """The words and phrases the search box corrects a mistyped query towards, as JSON:
    {"words": [...], "phrases": [...]}, lower-case and sorted. Names, titles, terms, outlets and
    the words of summaries; phrases are the names and other names of more than one word.
    In an edition (`lang` "ko" or "ja") the edition's own texts too (its titles, summaries,
    terms, names as its language writes them), beside the English ones its pages still hold
    (other names, names in Latin letters); Japanese words are its runs of kanji, katakana and
    Latin letters between the particles (a whole sentence of kana and kanji is no word)."""
    texts: list[str] = []
    phrases: list[str] = []
    split = language(lang).split  # its words are runs within sentences
    edition = localize(chronology, lang)
    for book in [chronology] + ([edition] if edition is not chronology else []):
        for actor in book.actors:
            names = actor_names(actor)
            texts += names
            phrases += names
        for topic in book.topics:
            texts += [topic.title, *topic.aliases]
            phrases += [topic.title, *topic.aliases]
        for term in book.glossary:
            texts += [term.term, *term.aliases]
            phrases += [term.term, *term.aliases]
        texts += [p.title for p in book.phases]
        texts += [s.outlet for s in book.sources] + [r.outlet for r in book.records]
        for event in book.events:
            texts += [event.title, event.summary, *event.aliases]
            phrases += event.aliases
    words = {word.casefold() for text in texts for word in _WORD.findall(text)
             if not (split and KANA_KANJI.search(word))}
    if split:
        words |= {run.casefold() for text in texts for run in _CONTENT_RUN.findall(str(text))
                  if len(run) >= 2 and KANA_KANJI.search(run)}
    multi = sorted({" ".join(p.casefold().split()) for p in phrases if len(p.split()) > 1})
    return json.dumps({"words": sorted(words), "phrases": multi}, ensure_ascii=False,
                      separators=(",", ":")) + "\n"
