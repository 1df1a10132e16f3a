"""The search index's parts that are ours: what the pages give Pagefind, and running it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from chronology.dates import PartialDate
from chronology.model import Chronology
from chronology.render.search import (
    cjk_suffixes,
    date_forms,
    event_index,
    page_kind,
    searchable,
    vocabulary,
)
from chronology.search import SearchIndexError, index_site
from support import search_index


def test_every_word_inside_a_japanese_sentence_starts_a_suffix() -> None:
    sentence = "韓国を輸出管理の優遇対象国である「ホワイト国」から除外する政令"
    suffixes = cjk_suffixes(sentence)
    for word in ("輸出管理", "優遇対象国", "ホワイト国", "除外", "政令"):
        assert any(s.startswith(word) for s in suffixes), word
    assert all(2 <= len(s) <= 12 for s in suffixes)
    assert len(suffixes) == len(set(suffixes))


def test_korean_is_split_into_words_and_each_word_into_suffixes() -> None:
    suffixes = cjk_suffixes("일본의 수출규제를 철회하라")
    assert "수출규제를" in suffixes and "규제를" in suffixes and "철회하라" in suffixes
    assert not any(" " in s for s in suffixes)
    assert cjk_suffixes("Only English words here.") == []


@pytest.mark.parametrize(("date", "forms"), [
    ("2019-08-02", "2019-08-02 2019年8月2日 2019년 8월 2일"),
    ("2019-07", "2019-07 2019年7月 2019년 7월"),
    ("2018", "2018 2018年 2018년"),
])
def test_dates_are_written_as_each_language_writes_them(date: str, forms: str) -> None:
    assert date_forms(PartialDate.parse(date)) == forms


@pytest.mark.parametrize(("lang", "day"), [("en", "4 July 2019"), ("ko", "2019년 7월 4일"),
                                          ("ja", "2019年7月4日")])
def test_an_event_is_found_on_the_day_its_measure_took_effect(real_chronology: Chronology,
                                                              lang: str, day: str) -> None:
    """Japan's controls of 1 July 2019 took effect on 4 July: a search for that day finds them,
    and the result says so."""
    [event] = [e for e in real_chronology.events
               if e.id == "2019-07-01-japan-tightens-export-controls-on-three-chemicals"]
    topics = {t.id: (t.title, t.aliases) for t in real_chronology.topics}
    block = event_index(event, phase="p", topics=topics, page_text="", lang=lang,
                        actors={a.id: a for a in real_chronology.actors})
    meta = dict(re.findall(r'data-pagefind-meta="([a-z_]+)">([^<]*)<', block))
    assert (meta["date"], meta["in_force"], meta["in_force_day"]) == ("2019-07-01", "2019-07-04", day)
    assert {"2019-07-01", "2019-07-04", "2019年7月4日", "2019년"} <= set(meta["when"].split())
    assert re.search(r'data-pagefind-sort="date">2019-07-01<', block)  # listed by its own date


@pytest.mark.parametrize(("url", "kind"), [
    ("events/2019-08-02-x/", "event"), ("events/", "page"), ("actors/moon-jae-in/", "actor"),
    ("actors/", "actor"), ("topics/gsomia/", "topic"), ("phases/p/", "phase"),
    ("sources/ap/", "source"), ("record/", "record"), ("", "page"), ("about/", "page"),
])
def test_each_page_is_labelled_with_what_it_is(url: str, kind: str) -> None:
    assert page_kind(url) == kind


def test_events_are_indexed_at_full_weight_and_other_pages_below() -> None:
    assert searchable("events/x/", "<p>x</p>").startswith("<div data-pagefind-body>")
    page = searchable("actors/x/", "<p>x</p>")
    assert 'data-pagefind-weight="0.2"' in page and 'data-pagefind-meta="kind:actor"' in page


def test_the_typo_vocabulary_holds_names_in_every_script_and_phrases(
        real_chronology: Chronology) -> None:
    words = json.loads(vocabulary(real_chronology))
    assert {"kishida", "pompeo", "photoresist", "문재인", "岸田文雄"} <= set(words["words"])
    assert words["words"] == sorted(set(words["words"]))
    assert "moon jae-in" in words["phrases"] and "no japan" in words["phrases"]
    assert all(" " in phrase for phrase in words["phrases"])


def _site(root: Path, body: str) -> Path:
    page = root / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'<!doctype html><html lang="en"><head><title>a</title></head><body>{body}'
                    "</body></html>", "utf-8")
    return root


def test_index_site_indexes_only_marked_text_and_replaces_the_old_index(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "<nav>navigation words</nav>"
                 + searchable("events/a/", "<h1>Kishida meets Yoon</h1>"))
    (site / "pagefind" / "fragment").mkdir(parents=True)
    (site / "pagefind" / "fragment" / "stale.pf_fragment").write_bytes(b"left over")
    pages, seconds = index_site(site)
    assert pages == 1 and seconds >= 0
    assert not (site / "pagefind" / "fragment" / "stale.pf_fragment").exists()
    [fragment] = search_index(site).values()
    assert "Kishida meets Yoon" in str(fragment["content"])
    assert "navigation" not in str(fragment["content"])
    assert not (site / ".pagefind-new").exists()


def test_a_site_whose_pages_say_nothing_to_index_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "<p>a page from another generator</p>")
    with pytest.raises(SearchIndexError, match="data-pagefind-body"):
        index_site(site)


def test_pagefind_missing_is_a_sentence_with_the_fix(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site", searchable("events/a/", "<h1>x</h1>"))
    bare = tmp_path / "bin" / "python"
    bare.parent.mkdir()
    bare.write_text("#!/bin/sh\necho 'No module named pagefind' >&2\nexit 1\n")
    bare.chmod(0o755)
    monkeypatch.setattr("sys.executable", str(bare))
    with pytest.raises(SearchIndexError, match=r"not installed.*pip install 'pagefind\[bin\]'"):
        index_site(site)
    assert not (site / "pagefind").exists()


def test_background_indexing_runs_once_more_for_rebuilds_during_a_run(tmp_path: Path) -> None:
    from chronology.search import BackgroundIndex

    site = _site(tmp_path / "site", searchable("events/a/", "<h1>First words</h1>"))
    said: list[str] = []
    background = BackgroundIndex()
    background.request(site, said.append)
    # A rebuild while the first run goes on: its pages must be in the index in the end.
    (site / "a" / "index.html").write_text((site / "a" / "index.html").read_text("utf-8")
                                           .replace("First words", "Second words"), "utf-8")
    background.request(site, said.append)
    background.wait()
    [fragment] = search_index(site).values()
    assert "Second words" in str(fragment["content"])
    assert 1 <= len(said) <= 2 and all("search index of 1 pages" in line for line in said)
