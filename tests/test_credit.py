"""The editions' credit is honest (#24): under every page's title and at its foot, in the
edition's language, the kind of translation the page is — machine translation, checked by a
second machine pass or not, reviewed by a person or not yet — never the tools or the process
that made it; "reviewed" only with the name of the person who reviewed it.

The unit tests render the real data; the build test reads the editions `make build` makes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from chronology import languages
from chronology.messages import ENGLISH
from chronology.model import HOW, NOT_A_PERSON, Chronology
from chronology.render import iter_pages
from chronology.render.fragments import MADE, MADE_MIXED
from support import ROOT, load_yaml

EDITIONS = tuple(language.code for language in languages.EDITIONS)
MADE_LINE = re.compile(r'<p class="chrono-edition-made"[^>]*>(.*?)</p>', re.S)
CREDIT = re.compile(r'<p class="chrono-edition-credit"[^>]*>(.*?)</p>', re.S)
TAG = re.compile(r"<[^>]+>")
# Words that name the tools or the process, never the kind of work (and "reviewed" in each
# language: only with a person's name, which the message's {reviewed} place holds).
TOOLS = re.compile(r"\bAI\b|helper|session|draft|GPT|Claude|Gemini|DeepL|LLM|Google|Papago",
                   re.IGNORECASE)
REVIEW = re.compile(r"review|검토|校閲|確認")


@cache  # read once per edition, not once per page (40 s a run, before)
def messages(lang: str) -> dict[str, str]:
    ui = load_yaml((ROOT / "data" / "i18n" / lang / "ui.yaml").read_text("utf-8"))
    return {id_: value["text"] for id_, value in ui.items() if id_ != "translator"}


@cache
def sentences(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Each kind of work's sentence in the edition, as a pattern: its places ({by},
    {reviewed}) are names."""
    table = messages(lang)
    found = []
    for id_ in [*MADE.values(), MADE_MIXED, "edition.made.none"]:
        words = re.escape(html.escape(table.get(id_, ENGLISH[id_]), quote=True))
        found.append((id_, re.compile(re.sub(r"\\\{(by|reviewed)\\\}", r"(?P<\1>.+?)", words))))
    return found


def kinds_of_work(lang: str, said: str) -> Iterator[tuple[str, dict[str, str]]]:
    """The sentences a credit is made of, each as (message id, its names); AssertionError for
    anything else."""
    rest = said.strip()
    known = sentences(lang)
    while rest:
        for id_, pattern in known:
            if found := pattern.match(rest):
                yield id_, found.groupdict()
                rest = rest[found.end():].lstrip()
                break
        else:
            raise AssertionError(f"not a kind of work this edition's messages say: {rest!r}")


def check_credit(lang: str, made_line: str, credit: str) -> None:
    """The line under the title and the foot credit say the same kinds of work, in the
    edition's words, naming no tool; a review only with a person's name."""
    for text in (made_line, credit):
        assert not TOOLS.search(TAG.sub("", text)), text
    said = list(kinds_of_work(lang, made_line))
    assert said
    for id_, names in said:
        assert id_.endswith(".reviewed") == ("reviewed" in names)
        for name in names.values():
            assert name.strip() and not NOT_A_PERSON.search(name), (id_, name)
    # The credit opens with the same sentences; what follows them says nothing of a review.
    assert credit.startswith(made_line), (made_line, credit)
    assert not REVIEW.search(TAG.sub("", credit[len(made_line):])), credit


@pytest.fixture
def chronology(real_chronology: Chronology) -> Chronology:
    return real_chronology


@pytest.mark.build  # every page of the real data, rendered in both editions
@pytest.mark.parametrize("lang", EDITIONS)
def test_every_generated_page_says_what_kind_of_translation_it_is(chronology: Chronology,
                                                                  lang: str) -> None:
    count = 0
    for path, page in iter_pages(chronology, "Site", lang):
        made_line, credit = MADE_LINE.findall(page), CREDIT.findall(page)
        assert len(made_line) == 1 and len(credit) == 1, path
        # Under the title, where the reader looks first.
        assert page.index("</h1>") < page.index('class="chrono-edition-made"'), path
        check_credit(lang, made_line[0], credit[0])
        count += 1
    assert count > 100


def test_the_kinds_of_work_are_said_in_each_edition() -> None:
    assert set(MADE) == {(how, reviewed) for how in HOW for reviewed in (False, True)}
    for lang in EDITIONS:
        table = messages(lang)
        for id_ in [*MADE.values(), "edition.made.none", "edition.credit"]:
            assert id_ in table, (lang, id_)
        # Machine translation is called that; a review that has not happened is a person's.
        assert "기계 번역" in table["edition.made.machine-checked"] if lang == "ko" else \
            "機械翻訳" in table["edition.made.machine-checked"]
        for id_ in ("edition.made.machine", "edition.made.machine-checked", MADE_MIXED):
            assert ("사람" if lang == "ko" else "人") in table[id_], (lang, id_)


def edition_pages(site: Path) -> Iterator[Path]:
    for page in site.rglob("index.html"):
        text = page.read_text("utf-8")
        if 'http-equiv="refresh"' not in text:  # a redirect page says nothing of its own
            yield page


@pytest.mark.build
@pytest.mark.parametrize("lang", EDITIONS)
def test_no_built_edition_page_names_a_tool_or_an_unnamed_review(built_site: Path,
                                                                  lang: str) -> None:
    """The built pages of each edition: every one says, under its title, what kind of
    translation it is, and its credit names no tool, no helper, no session; "reviewed" only
    with a person's name."""
    count = 0
    for page in edition_pages(built_site / lang):
        text = page.read_text("utf-8")
        credits = CREDIT.findall(text)
        made_line = MADE_LINE.findall(text)
        assert len(made_line) == 1, page
        assert text.index("</h1>") < text.index('class="chrono-edition-made"'), page
        assert len(credits) == 1, page
        check_credit(lang, made_line[0], credits[0])
        count += 1
    assert count > 100
