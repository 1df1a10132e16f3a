"""The query benchmark (tests/perf/search/), searched as the search box searches, held to thresholds.

Each file's queries come with the events that are right for them; the scores and the table
(per language and kind) are those `python tests/perf/search_queries.py` prints for the README
(`python tests/perf/search_queries.py site/ko --lang ko` for an edition). On the English site,
every query; in the Korean and Japanese editions, the queries in the edition's language. Every
query is asked of the box's own `find` in a page of the site; a sample of them (the first of
each kind, one in 16) is then typed into its real box, which must list the same.
The table of each run is kept in tests/artifacts/ and printed with -s.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from perf.search_queries import QUERY_DIR, Outcome, load_queries, run_queries, tables
from playwright.sync_api import Browser, Page
from support import ARTIFACTS, DESKTOP

# 321 queries (63 of them typed into the box): make review (CI runs it); test_search.py searches
# as a reader in make test. The nine tests took 47 s, the build aside, against 104 s when every
# query was typed into the box in a page of its own (this machine, both under a load of about
# 10); the two ways, interleaved in one harness under a load of 15 to 20: 40-62 s against 78-85 s.
pytestmark = pytest.mark.review

# hit@1 per file, and per language within it. Measured: 98 % on the tuning and the held-out
# sets (the prototype: 98 % and 92 %); on the native set, Korean and Japanese readers' own words,
# 77 % before the data held events' and people's other names (event `aliases`, "name + office"
# forms), 96 % after. With the twelve milestones of December 2026 among the right answers where
# they are right, and the CJK suffixes at a quarter of their weight: 100, 100 and 99 %.
THRESHOLDS = {
    "search-queries.json": 0.90,
    "search-queries-heldout.json": 0.90,
    "search-queries-native.json": 0.90,
}
PER_LANGUAGE = 0.85  # no language left behind
# hit@1 in each edition, of the queries in its language (ko 16, 8 and 42 queries; ja 16, 10, 42).
# Measured: Korean 100, 88 and 93 %, Japanese 75, 80 and 93 % (before the edition's own typo
# vocabulary, Korean titles first and Japanese queries asked as Pagefind splits them: Korean
# 100, 88 and 88 %, Japanese 69, 80 and 90 %); in December 2026, as above, Korean 100, 100 and
# 98 %, Japanese 88, 90 and 95 %. A query fewer is allowed; the sets are small.
EDITIONS = {
    ("ko", "search-queries.json"): 0.93,
    ("ko", "search-queries-heldout.json"): 0.85,
    ("ko", "search-queries-native.json"): 0.90,
    ("ja", "search-queries.json"): 0.68,
    ("ja", "search-queries-heldout.json"): 0.70,
    ("ja", "search-queries-native.json"): 0.90,
}


@pytest.fixture(scope="module")
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    """One page for the module: the index and Pagefind's code load once, not once a file.
    It fails, as every page of the browser tests does, on a request that leaves the site."""
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    outside: list[str] = []
    host = urlsplit(site_url).netloc
    opened.on("request", lambda r: outside.append(r.url)
              if urlsplit(r.url).scheme in {"http", "https", "ws", "wss"}
              and urlsplit(r.url).netloc != host else None)
    yield opened
    context.close()
    assert outside == [], f"requests left the site: {outside}"


def _box_agrees(outcomes: list[Outcome]) -> None:
    """The queries typed into the real box listed what find() found for them."""
    typed = [o for o in outcomes if o.box_agrees is not None]
    assert typed, "no query was typed into the box"
    assert all(o.box_agrees for o in typed), [o.query for o in typed if not o.box_agrees]


@pytest.mark.parametrize("name", [n for n in THRESHOLDS if (QUERY_DIR / n).exists()])
def test_query_benchmark(page: Page, site_url: str, name: str) -> None:
    queries = load_queries(name)
    outcomes = run_queries(page, site_url, queries)
    table = tables(name, outcomes)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"search-benchmark-{name.removesuffix('.json')}.md").write_text(table, "utf-8")
    print(table)
    assert len(outcomes) == len(queries) > 0
    _box_agrees(outcomes)
    share = sum(o.hit(1) for o in outcomes) / len(outcomes)
    assert share >= THRESHOLDS[name], table
    if THRESHOLDS[name] >= 0.9:
        for lang in {o.lang for o in outcomes}:
            mine = [o for o in outcomes if o.lang == lang]
            assert sum(o.hit(1) for o in mine) / len(mine) >= PER_LANGUAGE, (lang, table)
    # A date as a reader writes it puts that day's (month's) events before anything else.
    dates = [o for o in outcomes if o.kind.startswith("date")]
    assert all(o.all_first for o in dates), [o.query for o in dates if not o.all_first]


@pytest.mark.parametrize(("lang", "name"), [k for k in EDITIONS if (QUERY_DIR / k[1]).exists()])
def test_query_benchmark_in_the_edition(page: Page, site_url: str, lang: str, name: str) -> None:
    """A Korean or Japanese reader's queries, typed into the box of their own edition."""
    queries = [q for q in load_queries(name) if q["lang"] == lang]
    outcomes = run_queries(page, f"{site_url}{lang}/", queries)
    table = tables(f"{name} in {lang}/", outcomes)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"search-benchmark-{lang}-{name.removesuffix('.json')}.md").write_text(table, "utf-8")
    print(table)
    assert len(outcomes) == len(queries) > 0
    _box_agrees(outcomes)
    assert sum(o.hit(1) for o in outcomes) / len(outcomes) >= EDITIONS[lang, name], table
    dates = [o for o in outcomes if o.kind.startswith("date")]
    assert all(o.all_first for o in dates), [o.query for o in dates if not o.all_first]
