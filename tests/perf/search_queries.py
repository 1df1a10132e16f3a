"""The search query benchmark: each query searched as the site's search box searches it, in Chromium.

Usage: python tests/perf/search_queries.py [SITE_DIR] [--lang ko]   (default: site/, after
`make build`; site/ko --lang ko: the Korean edition, with the Korean queries, as the test does)

For every query of tests/perf/search/search-queries*.json (each with the event it should find,
and where several are right, all of them in `accept`), asks the built site's index through the
box's own `find` (find.js) in a page of the site, reads the list the box would show, best
first, and finds the rank of the first right event (index pages ahead of it count against it:
events should come first). A sample of the queries (the first of each kind, and one in 16) is
also typed into the real box, which must list the same. Prints hit@1, hit@5 and hit@10 per
file, per language and per kind, and for date queries whether that day's or month's events all
come first, as Markdown tables for the README. The browser test
tests/browser/test_search_benchmark.py runs the same and holds the scores to thresholds.
(Typing every query into the box instead: the 321 queries of the three editions took 78-85 s
against 40-62 s, the two ways interleaved on a 2-core machine under a load of 15 to 20; the
English site's 187 alone, under a load of about 10, 40 s typed against 9 s of find().)
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import math
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
QUERY_FILES = ["search-queries.json", "search-queries-heldout.json", "search-queries-native.json"]
QUERY_DIR = ROOT / "tests" / "perf" / "search"
START_PAGE = "about/"  # any page: the box is in every page's header
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]


@dataclass(frozen=True)
class Outcome:
    """One query as the reader saw it."""

    query: str
    lang: str
    kind: str
    rank: int | None  # of the first right event among the results shown (None: not in them)
    all_first: bool  # every right event (up to 10) before anything else
    first: str  # what came first
    ms: float  # find()'s time
    shown: tuple[str, ...] = ()  # what the box lists, best first (page_key of each)
    box_ms: float | None = None  # if typed into the box: from the last key to the list shown
    box_agrees: bool | None = None  # if typed into the box: did it list `shown`?

    def hit(self, k: int) -> bool:
        return self.rank is not None and self.rank <= k


def load_queries(name: str) -> list[dict[str, Any]]:
    queries: list[dict[str, Any]] = json.loads((QUERY_DIR / name).read_text("utf-8"))
    return queries


def page_key(href: str) -> str:
    """An event's id from its address; other pages by their path."""
    path = unquote(urlsplit(href).path).strip("/")
    parts = path.split("/")
    return parts[-1] if len(parts) >= 2 and parts[-2] == "events" else (path or "(home)")


# Every query asked of `find` (find.js), the function the box calls, in one page: what the box
# lists is eventsFirst(found.top). Pagefind's options and the typo vocabulary are set up as
# search.js sets them up for the box (OPTIONS and vocabularyOf are find.js's).
FIND_ALL = """async ([queries, scored]) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\\/?$/, "/"), location.href);
  const { OPTIONS, eventsFirst, find, vocabularyOf } = await import(new URL("assets/find.js", root).href);
  const index = await import(new URL("pagefind/pagefind.js", root).href);
  await index.options(OPTIONS);
  await index.init();
  let words = null;
  const vocabulary = () => words ??= fetch(new URL("search/vocabulary.json", root))
    .then((response) => response.json()).then(vocabularyOf);
  const lang = document.documentElement.lang;
  const shown = [];
  for (const query of queries) {
    const start = performance.now();
    const found = await find(query, { index, vocabulary, lang });
    const ms = performance.now() - start;
    const href = (url) => new URL(url, location.href).href;
    const hrefs = eventsFirst(found.top).map((d) => href(d.url));
    // With `scored`, the score of each of the first 30 results (those find() reads for dates).
    const scores = scored ? Object.fromEntries(await Promise.all(found.results.slice(0, 30)
      .map(async (r) => [href((await r.data()).url), r.score]))) : null;
    shown.push({ ms, hrefs, scores });
  }
  return shown;
}"""

# Types the whole query at once, as a paste or an input method would, and waits for the list.
TYPE_AND_READ = """async (query) => {
  const input = document.querySelector("[data-chrono-search-query]");
  const dialog = document.querySelector("[data-chrono-search]");
  input.focus();
  input.value = query;
  const start = performance.now();
  input.dispatchEvent(new Event("input", {bubbles: true}));
  while (dialog.dataset.shown !== query.trim()) {
    if (performance.now() - start > 15000) throw new Error("no results shown for " + query);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const ms = performance.now() - start;
  const links = [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")];
  return {ms, hrefs: links.map((a) => a.href)};
}"""

TYPED_EVERY = 16  # besides the first query of each kind, one in 16 is also typed into the box


def typed_sample(queries: list[dict[str, Any]]) -> list[int]:
    """The queries also typed into the real box: the first of each kind and one in TYPED_EVERY."""
    first: dict[str, int] = {}
    for i, q in enumerate(queries):
        first.setdefault(q.get("kind", ""), i)
    return sorted(set(first.values()) | set(range(0, len(queries), TYPED_EVERY)))


def same_list(box: list[str], found: list[str], scores: dict[str, float]) -> bool:
    """Does the box list what find() found, but for the order of results of equal score (and,
    where more tie than are shown, which of them)? Pagefind orders those by what it has loaded
    so far, which the searches before change, and sums a score in an order that may change its
    last digits (170.86804 against 170.86803)."""
    box = [h.split("?")[0] for h in box]  # the box's links carry the words to mark (?h=)
    return (len(box) == len(found) and all(h in scores for h in box + found)
            and all(math.isclose(scores[a], scores[b], rel_tol=1e-5)
                    for a, b in zip(box, found, strict=True)))


def run_queries(page: Any, site_url: str, queries: Iterable[dict[str, Any]]) -> list[Outcome]:
    """Each query asked of find() in a page of the site (a Playwright page), then a sample of
    them typed into its box; an outcome says whether the box showed what find() found."""
    queries = list(queries)
    page.goto(site_url + START_PAGE)
    found = page.evaluate(FIND_ALL, [[q["query"] for q in queries], False])
    typed = {}
    for i in typed_sample(queries):
        box = page.evaluate(TYPE_AND_READ, queries[i]["query"])
        agrees = [page_key(h) for h in box["hrefs"]] == [page_key(h) for h in found[i]["hrefs"]]
        if not agrees:  # the same but for ties? find() again, as the box has loaded the index
            again = page.evaluate(FIND_ALL, [[queries[i]["query"]], True])[0]
            agrees = same_list(box["hrefs"], again["hrefs"], again["scores"])
        typed[i] = {**box, "agrees": agrees}
    outcomes = []
    for i, (q, shown) in enumerate(zip(queries, found, strict=True)):
        keys = [page_key(h) for h in shown["hrefs"]]
        accept = set(q.get("accept") or [q["expect"]])
        rank = next((n + 1 for n, key in enumerate(keys) if key in accept), None)
        wanted = min(len(accept), 10)
        all_first = len(keys) >= wanted and all(key in accept for key in keys[:wanted])
        box = typed.get(i)
        outcomes.append(Outcome(
            query=q["query"], lang=q["lang"], kind=q.get("kind", ""), rank=rank,
            all_first=all_first, first=keys[0] if keys else "(none)", ms=shown["ms"],
            shown=tuple(keys), box_ms=box["ms"] if box else None,
            box_agrees=None if box is None else box["agrees"]))
    return outcomes


def _share(hits: int, n: int) -> str:
    return f"{hits} ({100 * hits / n:.0f} %)" if n else "–"


def tables(name: str, outcomes: list[Outcome]) -> str:
    """Markdown: per language, per kind, the date queries, and the misses."""
    lines = [f"**{name}** ({len(outcomes)} queries)", "",
             "| language | n | hit@1 | hit@5 | hit@10 | median ms (find) |", "|---|---:|---:|---:|---:|---:|"]
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(o.lang, []).append(o)
    for label, group in [*sorted(groups.items()), ("all", outcomes)]:
        ms = sorted(o.ms for o in group)[len(group) // 2]
        lines.append(f"| {label} | {len(group)} | " + " | ".join(
            _share(sum(o.hit(k) for o in group), len(group)) for k in (1, 5, 10)) + f" | {ms:.0f} |")
    kinds: dict[str, list[Outcome]] = {}
    for o in outcomes:
        kinds.setdefault(o.kind, []).append(o)
    lines += ["", "| kind | n | hit@1 | hit@10 |", "|---|---:|---:|---:|"]
    for kind, group in sorted(kinds.items()):
        lines.append(f"| {kind} | {len(group)} | {sum(o.hit(1) for o in group)} | "
                     f"{sum(o.hit(10) for o in group)} |")
    dates = [o for o in outcomes if o.kind.startswith("date")]
    if dates:
        lines += ["", f"Dates: that day's or month's events all first in "
                  f"{sum(o.all_first for o in dates)} of {len(dates)} queries."]
    typed = [o for o in outcomes if o.box_ms is not None]
    if typed:
        box_ms = sorted(o.box_ms or 0.0 for o in typed)[len(typed) // 2]
        lines += ["", f"Typed into the box: {len(typed)} queries, the same list as find() in "
                  f"{sum(bool(o.box_agrees) for o in typed)}; median {box_ms:.0f} ms from the "
                  "last key to the list shown."]
    misses = [o for o in outcomes if not o.hit(1)]
    if misses:
        lines += ["", "Not first: " + "; ".join(
            f"{o.query} ({o.lang}, rank {o.rank or '—'}, first {o.first})" for o in misses) + "."]
    return "\n".join(lines) + "\n"


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--lang", help="only the queries in this language (en, ko or ja)")
    args = parser.parse_args()
    site = Path(args.site)
    chrome = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not chrome or not (site / "pagefind" / "pagefind.js").exists():
        print("needs Debian's chromium and a built site with its search index (make build)",
              file=sys.stderr)
        return 2
    server, base = _serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chrome, args=FLAGS)
            page = browser.new_page()
            started = time.perf_counter()
            for name in QUERY_FILES:
                if (QUERY_DIR / name).exists():
                    queries = [q for q in load_queries(name) if args.lang in (None, q["lang"])]
                    print(tables(name, run_queries(page, base, queries)))
            print(f"({time.perf_counter() - started:.0f} s in all)")
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
