"""The page on how each edition names things (issue 24): written in the three languages, each
translation made from the English as it now stands, in every edition's navigation, and linked
from the about page of each edition."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import yaml
from chronology.handwritten import read_page, split_front_matter
from chronology.render import MARKERS
from chronology.translations.specs import fingerprint
from support import ROOT

DOCS = ROOT / "docs"
EDITIONS = {"en": "mkdocs.yml", "ko": "mkdocs.ko.yml", "ja": "mkdocs.ja.yml"}


def page(lang: str) -> str:
    return "naming.md" if lang == "en" else f"naming.{lang}.md"


def nav_pages(config: str) -> list[str]:
    # The configs use no YAML tags in their navigation; read only the nav, as plain data.
    text = (ROOT / config).read_text("utf-8")
    nav = yaml.safe_load(text[text.index("\nnav:"):])["nav"]

    def walk(items: list[object]) -> list[str]:
        found: list[str] = []
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    found += walk(value) if isinstance(value, list) else [str(value)]
        return found

    return walk(nav)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_naming_page_reads_clean_in_each_language(lang: str) -> None:
    name = page(lang)
    found, problems = read_page(f"docs/{name}", (DOCS / name).read_text("utf-8"),
                                translated=lang != "en", known_markers=MARKERS)
    assert problems == [] and found is not None
    for section in ("naming", "workers", "white-list", "gsomia", "countries"):
        assert f"{{ #{section} }}" in found.body, (name, section)


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_each_translation_is_of_the_english_as_it_stands(lang: str) -> None:
    english = fingerprint((DOCS / "naming.md").read_text("utf-8"))
    front, _, _ = split_front_matter((DOCS / page(lang)).read_text("utf-8"))
    translation = yaml.safe_load(front or "")["translation"]
    assert translation["of"] == english
    # A machine translation names no reviewer until a person has reviewed it.
    assert translation["how"] in {"machine", "machine-checked"} and translation["reviewed"] is False


@pytest.mark.parametrize(("lang", "config"), EDITIONS.items())
def test_every_edition_lists_it_and_its_about_page_links_to_it(lang: str, config: str) -> None:
    # The editions inherit mkdocs.yml's navigation and give its titles in their own words.
    assert "naming.md" in nav_pages("mkdocs.yml")
    if lang != "en":
        text = (ROOT / config).read_text("utf-8")
        titles = yaml.safe_load(text[text.index("\nextra:"):])["extra"]["nav_titles"]
        assert titles.get("Naming") and not titles["Naming"].isascii(), (config, titles)
    about = (DOCS / ("about.md" if lang == "en" else f"about.{lang}.md")).read_text("utf-8")
    assert re.search(r"\]\(naming\.md\)", about), lang


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_glossary_links_to_it_in_every_edition(real_pages: Callable[[str], dict[str, str]],
                                                   lang: str) -> None:
    glossary = real_pages(lang)["glossary/index.md"]
    assert glossary.count('href="../naming/"') == 1, lang
