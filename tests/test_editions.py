"""The Korean and Japanese editions (#16): every page in all three, in its edition's language
and script; quotes verbatim with our translation beside them; English standing in, marked, where
a translation is missing or stale; who translated each page; links between the editions.

The first tests read the real site as `make build` makes it (the session's `built_site`); the
others render small chronologies with the pure render code.
"""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import pytest
from chronology import languages
from chronology.localized import Localized
from chronology.model import Chronology
from chronology.render import iter_pages
from chronology.scripts import HANGUL, KANA_KANJI
from chronology.translations.specs import fingerprint
from chronology.validate import load_chronology
from support import EVENT, ROOT, write_data

# The editions translated from the English, as the table of languages has them.
EDITIONS = tuple(language.code for language in languages.EDITIONS)
EVENT_PAGE = re.compile(r"events/[^/]+/index\.html$")
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


def pages(site: Path) -> set[str]:
    """The edition's pages: every index.html but those of the other editions under it."""
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")
            if p.relative_to(site).parts[0] not in EDITIONS}


def heading(page: Path) -> str:
    found = H1.search(page.read_text(encoding="utf-8"))
    assert found, page
    return html.unescape(TAG.sub("", found.group(1)))


def test_every_page_exists_in_all_three_editions(built_site: Path) -> None:
    english = pages(built_site)
    assert len(english) > 140
    assert pages(built_site / "ko") == english
    assert pages(built_site / "ja") == english
    for lang in EDITIONS:  # and each edition has its own search index and sitemap
        assert (built_site / lang / "pagefind" / "pagefind.js").is_file()
        assert (built_site / lang / "sitemap.xml").is_file()


def test_each_edition_says_its_language(built_site: Path) -> None:
    for lang, site in (("en", built_site), ("ko", built_site / "ko"), ("ja", built_site / "ja")):
        for page in sorted(site.glob("events/*/index.html"))[:5] + [site / "index.html"]:
            assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page


def event_pages(folder: Path) -> list[Path]:
    """The event pages in folder/events/, not the redirects from a renamed event's old id."""
    return [page for page in sorted(folder.glob("events/*/index.html"))
            if 'http-equiv="refresh"' not in page.read_text("utf-8")]


def test_every_event_heading_is_in_its_editions_script(built_site: Path) -> None:
    events = event_pages(built_site / "ko")
    assert len(events) == len(list((ROOT / "data" / "events").glob("*.yaml")))
    for page in events:
        assert HANGUL.search(heading(page)), page
        japanese = built_site / "ja" / page.relative_to(built_site / "ko")
        title = heading(japanese)
        assert KANA_KANJI.search(title) and not HANGUL.search(title), japanese


def test_every_quote_is_verbatim_in_every_edition(built_site: Path,
                                                  real_chronology: Chronology) -> None:
    chronology = real_chronology
    for event in chronology.events:
        for site in (built_site, built_site / "ko", built_site / "ja"):
            text = html.unescape(TAG.sub("", (site / "events" / event.id / "index.html")
                                         .read_text(encoding="utf-8")))
            text = " ".join(text.split())
            for citation in event.citations:
                assert " ".join(citation.quote.split()) in text, (site, event.id, citation.quote)


def test_quotes_in_an_edition_are_marked_english_with_our_translation_beside_them(
        built_site: Path, real_chronology: Chronology) -> None:
    chronology = real_chronology
    event = next(e for e in chronology.events if e.citations)
    for lang in EDITIONS:
        page = (built_site / lang / "events" / event.id / "index.html").read_text(encoding="utf-8")
        assert page.count("<blockquote") == page.count('lang="en"><p>') > 0
        translation = chronology.translations[lang].quotes[(event.id, event.citations[0].quote)]
        assert html.escape(" ".join(translation.split())) in page
        assert 'class="chrono-citation__translation"' in page


def test_each_event_page_links_its_other_editions(built_site: Path) -> None:
    for page in event_pages(built_site):
        text = page.read_text(encoding="utf-8")
        for lang in EDITIONS:
            link = re.search(rf'<a href="([^"]+)" hreflang="{lang}" lang="{lang}">', text)
            assert link, (page, lang)
            target = (page.parent / link.group(1) / "index.html").resolve()
            assert target == (built_site / lang / page.relative_to(built_site)).resolve()
            assert target.is_file()
    for page in event_pages(built_site / "ko")[:3]:
        link = re.search(r'<a href="([^"]+)" hreflang="en" lang="en">', page.read_text("utf-8"))
        assert link and (page.parent / link.group(1) / "index.html").resolve() == (
            built_site / page.relative_to(built_site / "ko")).resolve()


def test_the_language_selector_keeps_the_page(built_site: Path) -> None:
    for site, page in ((built_site, "glossary/index.html"), (built_site / "ko", "actors/index.html"),
                       (built_site / "ja", "events/index.html")):
        text = (site / page).read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" class="md-select__link"',
                           text)
        assert [lang for _, lang in links] == ["en", *EDITIONS]
        for href, lang in links:
            edition = built_site if lang == "en" else built_site / lang
            assert ((site / page).parent / href / "index.html").resolve() == (
                edition / page).resolve(), (page, lang)


def test_every_edition_page_says_who_translated_it(built_site: Path) -> None:
    for lang in EDITIONS:
        for page in sorted((built_site / lang).rglob("index.html")):
            text = page.read_text(encoding="utf-8")
            if 'http-equiv="refresh"' in text:  # a former address, leading on
                assert f'<html lang="{lang}">' in text
                continue
            assert 'class="chrono-edition-credit"' in text, page


def test_the_translations_page_counts_each_edition(built_site: Path) -> None:
    text = (built_site / "translations" / "index.html").read_text(encoding="utf-8")
    assert '<section id="ko"' in text and '<section id="ja"' in text
    assert "Korean edition" in text and "Japanese edition" in text


# Small chronologies, rendered with the pure code.

def _edition(tmp_path: Path, lang: str, files: dict[str, str]) -> dict[str, str]:
    data = write_data(tmp_path, events={"something-happened.yaml": EVENT})
    for name, text in files.items():
        path = data / "i18n" / lang / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return dict(iter_pages(load_chronology(data), "Site", lang))


def _event_title_of() -> str:
    return fingerprint("Something happened")


def test_an_untranslated_text_is_english_marked_and_noted(tmp_path: Path) -> None:
    page = _edition(tmp_path, "ko", {})["events/something-happened.md"]
    assert '<h1 id="event-title"><span lang="en" class="chrono-untranslated">Something happened' in page
    assert 'class="chrono-edition-note"' in page
    assert "not translated yet" in page  # the note, in English as ui.yaml has no Korean here


def test_a_translated_event_carries_who_made_it(tmp_path: Path) -> None:
    page = _edition(tmp_path, "ja", {"events/something-happened.yaml": f"""
        translator: {{by: "Hanako", how: person, reviewed: "Taro"}}
        title: {{text: "ある出来事", of: {_event_title_of()}}}
        """})["events/something-happened.md"]
    assert '<h1 id="event-title">ある出来事</h1>' in page
    # Under the title and in the credit, by name (ui.yaml has no Japanese here: English words).
    made = "Translated from the English by Hanako, reviewed by Taro."
    assert page.index("</h1>") < page.index(made) < page.index("chrono-edition-credit")
    assert page.count(made) == 2


def test_a_machine_translation_says_so_under_its_title(tmp_path: Path) -> None:
    page = _edition(tmp_path, "ko", {"events/something-happened.yaml": f"""
        translator: {{how: machine-checked, reviewed: false}}
        title: {{text: "어떤 일", of: {_event_title_of()}}}
        """})["events/something-happened.md"]
    made = ("Machine translation of the English, checked by a second machine pass, not yet "
            "reviewed by a person.")
    head = page.index('<p class="chrono-edition-made"')
    assert page.index("</h1>") < head < page.index(made) < page.index("chrono-edition-credit")
    assert page.count(made) == 2
    assert "reviewed by" not in page.replace("not yet reviewed by a person", "")


def test_a_stale_translation_is_shown_marked(tmp_path: Path) -> None:
    page = _edition(tmp_path, "ja", {"events/something-happened.yaml": """
        translator: {how: machine, reviewed: false}
        title: {text: "古い訳", of: 0badc0de}
        """})["events/something-happened.md"]
    assert '<span class="chrono-stale">古い訳</span>' in page
    assert "earlier version of the English" in page


@pytest.mark.parametrize("lang", EDITIONS)
def test_hostile_translations_stay_text(tmp_path: Path, lang: str) -> None:
    hostile = '<img src=x onerror=alert(1)>{title}'
    pages_ = _edition(tmp_path, lang, {
        "events/something-happened.yaml": f"""
        translator: {{by: "<script>alert(2)</script>", how: person, reviewed: "<b>x</b>"}}
        title: {{text: "{hostile}", of: {_event_title_of()}}}
        citations:
          - quote: "Something happened on Monday"
            translation: "<svg onload=alert(3)>"
        """,
        "ui.yaml": f"""
        translator: {{how: machine, reviewed: false}}
        event.sources.heading: {{text: "<iframe src=x>", of: {fingerprint("What the sources say")}}}
        """})
    page = pages_["events/something-happened.md"]
    for planted in ("<img", "<script", "<svg", "<iframe", "<b>"):
        assert planted not in page
    assert "&lt;img src=x onerror=alert(1)&gt;{title}" in page
    assert "&lt;svg onload=alert(3)&gt;" in page and "&lt;iframe src=x&gt;" in page


def test_english_pages_carry_no_edition_marks(tmp_path: Path) -> None:
    page = _edition(tmp_path, "en", {})["events/something-happened.md"]
    assert "chrono-untranslated" not in page and "chrono-edition-" not in page


def test_a_localized_text_is_a_plain_string_elsewhere() -> None:
    text = Localized("Something", "en", missing=True)
    assert text == "Something" and text.upper() == "SOMETHING" and f"{text}!" == "Something!"
