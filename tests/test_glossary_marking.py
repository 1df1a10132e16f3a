"""The glossary's marking (render/glossary.py) gives what one look-behind per term gave — the
form it had before its pattern was made faster (perf review, December 2026) — on the real data's
texts in every edition and on random text made of the terms' own pieces."""

from __future__ import annotations

import html
import re

import pytest
from chronology import markup as m
from chronology.model import Chronology, Term
from chronology.render.glossary import _LATIN, Glossary
from chronology.translations.localize import localize
from hypothesis import given, settings
from hypothesis import strategies as st
from support import DERANDOMISE, examples


def per_term_pattern(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    """The pattern as it was: each term with its own look-behind, longest first."""
    names = sorted(((name, term) for term in terms
                    for name in dict.fromkeys((term.term, *term.aliases, *term.english))),
                   key=lambda pair: len(pair[0]), reverse=True)
    alternatives = []
    for index, (name, _) in enumerate(names):
        escaped = re.escape(m.attr(name))
        pattern = escaped if name != name.lower() else f"(?i:{escaped})"
        before = r"(?<![\w&#-])" if _LATIN.match(name) else ""
        after = r"(?![\w-])" if _LATIN.match(name[-1:]) else ""
        alternatives.append(f"(?P<t{index}>{before}{pattern}{after})")
    return (re.compile(r"(?P<tag><[^>]*>)|(?<![&#])(?:" + "|".join(alternatives) + ")")
            if alternatives else None)


def both(terms: tuple[Term, ...], text: str) -> tuple[str, str]:
    now = Glossary(terms)
    before = Glossary(terms)
    before.pattern = per_term_pattern(terms)
    return now.mark(text), before.mark(text)


def texts_of(chronology: Chronology) -> list[str]:
    found = []
    for event in chronology.events:
        found += [html.escape(event.title), html.escape(event.summary)]
        found += [html.escape(citation.quote) for citation in event.citations]
    return found


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_the_real_texts_are_marked_as_before(real_chronology: Chronology, lang: str) -> None:
    local = localize(real_chronology, lang)
    marked = [both(local.glossary, text) for text in texts_of(local)]
    assert marked and all(now == before for now, before in marked)
    assert any("<abbr" in now for now, _ in marked)


TERMS = (Term(id="white-list", term="white list", aliases=("whitelist", "Group A"),
              definition="A list."),
         Term(id="wto", term="WTO", aliases=("World Trade Organization",), definition="W."),
         Term(id="catch-all", term="catch-all control", definition="C."),
         Term(id="hwaiteu", term="화이트리스트", aliases=("백색국가",), definition="화."),
         Term(id="kuni", term="ホワイト国", aliases=("輸出管理",), definition="ホ."),
         Term(id="it", term="l'Italie", aliases=("R&D",), definition="I."))
PIECES = ["white list", "White List", "whitelist", "WTO", "wto", "Group A", "group a",
          "catch-all control", "catch-all controls", "화이트리스트", "백색국가", "ホワイト国",
          "輸出管理", "l&#x27;Italie", "R&amp;D", "-", "&", "#", " ", "x", "<b>", "<span lang=\"ko\">",
          "</span>", "에서", "から", "é", "_", "1"]


@settings(max_examples=examples(300), deadline=None, derandomize=DERANDOMISE)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_any_text_is_marked_as_before(pieces: list[str]) -> None:
    now, before = both(TERMS, "".join(pieces))
    assert now == before


def test_no_terms_no_marks() -> None:
    assert Glossary(()).mark("white list") == "white list"
