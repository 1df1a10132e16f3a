"""Pagefind's output is checked, not trusted (a full disk leaves empty files and Pagefind still
exits 0), and its filters are written in one order (chronology/search_bundle.py)."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from chronology.search import SearchIndexError, index_site
from chronology.search_bundle import (
    ENTRY,
    BundleError,
    canonical_filters,
    check_files,
    check_references,
    decode,
    encode,
    read_packed,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from support import DERANDOMISE, examples

TOPICS = [f"topic {n:02d}" for n in range(30)]  # enough values for hash order to show


def small_site(root: Path) -> Path:
    """Twelve pages with filters, in three words each."""
    for n in range(12):
        page = root / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True)
        filters = "".join(f'<span data-pagefind-filter="topic">{TOPICS[(n * 7 + k) % 30]}</span>'
                          for k in range(5))
        page.write_text(f'<!doctype html><html lang="en"><head><title>p{n}</title></head><body>'
                        f"<div data-pagefind-body><h1>Page {n} words</h1>{filters}"
                        f'<span data-pagefind-filter="year">{2018 + n % 6}</span></div>'
                        "</body></html>", "utf-8")
    return root


@pytest.fixture(scope="module")
def raw_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What Pagefind itself writes for the small site, untouched."""
    site = small_site(tmp_path_factory.mktemp("raw") / "site")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir",
                    "bundle"], check=True, capture_output=True)
    return site / "bundle"


@pytest.fixture
def bundle(raw_bundle: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "bundle"
    shutil.copytree(raw_bundle, copy)
    return copy


def filters(bundle: Path) -> dict[str, list[object]]:
    """{filter: its values and pages, in the order the file holds them}."""
    found: dict[str, list[object]] = {}
    for path in (bundle / "filter").glob("*.pf_filter"):
        name, values = read_packed(path)  # type: ignore[misc]
        found[name] = values
    return found


@settings(max_examples=examples(100), derandomize=DERANDOMISE)
@given(st.recursive(st.one_of(st.integers(0, 2**64 - 1), st.text(), st.binary()),
                    lambda inner: st.lists(inner, max_size=4), max_leaves=12))
def test_cbor_reads_back_what_it_writes(value: object) -> None:
    data = encode(value)  # type: ignore[arg-type]
    assert decode(data) == (value, len(data))


@pytest.mark.parametrize(("value", "cbor"), [(23, "17"), (24, "1818"), (256, "190100"),
                                             (2**32, "1b0000000100000000"), ("a", "6161"),
                                             ([1, [2]], "82018102")])
def test_cbor_uses_the_shortest_heads_as_minicbor_does(value: object, cbor: str) -> None:
    assert encode(value).hex() == cbor  # type: ignore[arg-type]


def test_pagefind_files_read_back_byte_for_byte(raw_bundle: Path) -> None:
    """The reader and writer understand every meta and filter file Pagefind 1.5 writes."""
    packed = [*raw_bundle.glob("*.pf_meta"), *(raw_bundle / "filter").glob("*.pf_filter")]
    assert len(packed) == 3
    for path in packed:
        data = gzip.decompress(path.read_bytes())
        assert encode(read_packed(path)) == data[len(b"pagefind_dcd"):]


def test_a_whole_bundle_passes(bundle: Path) -> None:
    check_files(bundle)
    check_references(bundle, 12)


def test_filters_are_written_sorted_with_the_same_values_and_pages(bundle: Path) -> None:
    before = filters(bundle)
    canonical_filters(bundle)
    after = filters(bundle)
    assert {name: sorted(values) for name, values in before.items()} == after  # type: ignore[type-var]
    assert [value for value, _ in after["topic"]] == TOPICS  # type: ignore[misc]
    check_files(bundle)
    check_references(bundle, 12)  # the meta and entry files name the new files


def test_two_indexes_of_the_same_pages_are_byte_identical(tmp_path: Path) -> None:
    sites = [small_site(tmp_path / "one"), small_site(tmp_path / "two")]
    for site in sites:
        index_site(site)
    one, two = ({p.relative_to(site).as_posix(): p.read_bytes()
                 for p in sorted(site.rglob("*")) if p.is_file()} for site in sites)
    assert one == two


def _empty(bundle: Path, name: str) -> None:
    (bundle / name).write_bytes(b"")


def _first(bundle: Path, folder: str) -> Path:
    return sorted((bundle / folder).iterdir())[0]


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _not_a_filter(bundle: Path) -> None:
    path = _first(bundle, "filter")
    name, _ = read_packed(path)  # type: ignore[misc]
    path.write_bytes(gzip.compress(b"pagefind_dcd" + encode([name, "no values"])))


NOT_JSON = r"pagefind-entry.json is not the JSON Pagefind writes \(languages and their files\)"
DAMAGE = {  # what a full disk or a stray hand leaves, and the sentence that names it
    "entry empty": (lambda b: _empty(b, ENTRY), "pagefind-entry.json is empty"),
    "entry missing": (lambda b: (b / ENTRY).unlink(), "pagefind-entry.json is missing"),
    "entry not JSON": (lambda b: (b / ENTRY).write_text('{"languages": {', "utf-8"),
                       NOT_JSON),
    "entry without languages": (lambda b: (b / ENTRY).write_text('{"languages": {}}', "utf-8"),
                                NOT_JSON),
    "a fragment empty": (lambda b: _first(b, "fragment").write_bytes(b""),
                         r"fragment/en_\w+\.pf_fragment is empty"),
    "many files empty": (lambda b: [p.write_bytes(b"") for p in (b / "fragment").iterdir()],
                         r"fragment/en_\w+\.pf_fragment is empty, and 11 more files"),
    "an index chunk cut short": (lambda b: _cut(_first(b, "index")),
                                 r"index/en_\w+\.pf_index is cut short or damaged"),
    "a filter cut short": (lambda b: _cut(_first(b, "filter")),
                           r"filter/en_\w+\.pf_filter is cut short or damaged"),
    "a script empty": (lambda b: _empty(b, "pagefind.js"), "pagefind.js is empty"),
    "a filter not Pagefind's": (_not_a_filter, r"filter/en_\w+\.pf_filter is not the filter "
                                r"'[a-z]+' in the form Pagefind 1\.5 writes"),
    "a fragment missing": (lambda b: _first(b, "fragment").unlink(),
                           r"fragment/en_\w+\.pf_fragment, named in the en meta file, is missing"),
    "a filter missing": (lambda b: _first(b, "filter").unlink(),
                         r"filter/en_\w+\.pf_filter, named in the en meta file, is missing"),
    "the meta file missing": (lambda b: next(b.glob("*.pf_meta")).unlink(),
                              r"pagefind\.en_\w+\.pf_meta, named in pagefind-entry\.json, is "
                              "missing"),
    "the wasm missing": (lambda b: (b / "wasm.en.pagefind").unlink(),
                         "wasm.en.pagefind, named in pagefind-entry.json, is missing"),
    "the meta file not Pagefind's": (
        lambda b: next(b.glob("*.pf_meta")).write_bytes(gzip.compress(b"pagefind_dcd\x82\x01")),
        r"pagefind\.en_\w+\.pf_meta is not in the form Pagefind 1\.5 writes"),
}


@pytest.mark.parametrize("case", DAMAGE)
def test_a_damaged_bundle_is_named_in_one_sentence(bundle: Path, case: str) -> None:
    damage, message = DAMAGE[case]
    damage(bundle)
    with pytest.raises(BundleError, match=f"^{message}$"):
        check_files(bundle)
        check_references(bundle, 12)
        canonical_filters(bundle)


def test_a_count_that_disagrees_with_pagefinds_is_refused(bundle: Path) -> None:
    with pytest.raises(BundleError, match="^Pagefind indexed 13 pages, but its files hold 12$"):
        check_references(bundle, 13)


def test_pagefind_exiting_0_with_an_empty_entry_file_keeps_the_last_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a full disk: Pagefind exits 0 and leaves pagefind-entry.json empty. The build
    fails with a sentence; the index already there stays as it was."""
    site = small_site(tmp_path / "site")
    index_site(site)
    before = {p: p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}
    wrapper = tmp_path / "bin" / "python"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\n"{sys.executable}" "$@" || exit $?\n'
                       # the arguments end with: --site <site> --output-subdir <folder>
                       'for last; do :; done\n: > "$4/$last/pagefind-entry.json"\n')
    wrapper.chmod(0o755)
    monkeypatch.setattr("sys.executable", str(wrapper))
    with pytest.raises(SearchIndexError) as error:
        index_site(site)
    assert str(error.value) == (
        "Pagefind's output in pagefind/ is not whole (pagefind-entry.json is empty): was the "
        "disk full? Free some disk space and build again")
    assert {p: p.read_bytes() for p in sorted((site / "pagefind").rglob("*"))
            if p.is_file()} == before
    assert not (site / ".pagefind-new").exists()


def test_a_full_disk_while_rewriting_the_filters_is_a_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = small_site(tmp_path / "site")

    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device", "filter/en_1234567.pf_filter")

    monkeypatch.setattr("chronology.search.canonical_filters", full)
    with pytest.raises(SearchIndexError, match=r"^could not write the search index: No space "
                       r"left on device \(filter/en_1234567\.pf_filter\); free some disk space"):
        index_site(site)
    assert not (site / "pagefind").exists() and not (site / ".pagefind-new").exists()


def test_the_entry_file_keeps_pagefinds_form(bundle: Path) -> None:
    """Compact JSON, languages sorted; the scripts read it as Pagefind wrote it."""
    canonical_filters(bundle)
    text = (bundle / ENTRY).read_text("utf-8")
    entry = json.loads(text)
    assert text == json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    assert set(entry) == {"version", "languages", "include_characters"}
    assert (bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta").is_file()
