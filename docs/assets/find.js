// Asking Pagefind's index for a query: `find` and the re-rankings it applies. The index (what
// Pagefind's `search` is called on) and the typo vocabulary are arguments, so node (tests/js/)
// runs all of this against a small made-up index. No DOM. A search made obsolete by a newer
// one is cancelled: `latest` aborts its signal, and `find` then asks the index nothing more.
import {
  CJK, HANGUL, checkable, dateName, dateOnly, formIn, mayBePhrase, nearest, normalise, prepare,
  seenIn, termsOf, textOf, verifiable,
} from "./query.js";

export const PAGE = 10;  // results shown at a time

// Pagefind's options, as the box and the query benchmark (tests/perf/) set them. Tuned on the
// benchmark: an event's title counts, an index page's title does not (it would put a person's
// page above the events they acted in). The CJK suffixes (`cjk`, render/search.py) weigh a
// quarter: Pagefind 1.5 boosts a hidden field by the share of the query's words it holds, squared,
// and counts each longer word that starts with a query word as one more word held (its issue
// 1127). For 한일 정상회담, the suffixes of the event of Yoon's GSOMIA statement hold 한일정상회담서
// and 정상회담에서 besides 한일 and 정상회담: twice the query, boosted 8 times as much as the
// Tokyo summit's, which came after it. Measured on the query benchmark (321 queries in the three
// editions): 4 more first at 0.25 than at 1, none fewer; 2 more at 0.5.
export const OPTIONS = {
  ranking: { metaWeights: { title: 0, headline: 5, when: 5, alias: 4, aka: 2, cjk: 0.25 } },
  excerptLength: 24,
};

// The typo vocabulary (search/vocabulary.json, render/search.py) as `find` reads it.
export const vocabularyOf = (data) => ({ words: data?.words || [], phrases: new Set(data?.phrases || []) });

// Japanese and Chinese are written without spaces, so a query may join words the pages hold
// apart (ユン大統領). Split a query that finds nothing into the longest pieces that each find
// something, from the start; a character that starts no such piece is dropped.
export const segment = async (term, ask) => {
  const chars = [...term], pieces = [];
  let start = 0;
  while (start < chars.length - 1) {
    let end = chars.length;
    while (end - start >= 2 && !(await ask(chars.slice(start, end).join(""))).length) end -= 1;
    if (end - start >= 2) {
      pieces.push(chars.slice(start, end).join(""));
      start = end;
    } else start += 1;
  }
  return pieces.length ? pieces : [term];
};

// The results with those of the first `data.length` (whose data is loaded) that hold first,
// each group in its order, the rest after them as they were; and the first PAGE of the loaded
// data in that order.
const holdersFirst = (results, data, holds) => {
  const order = [...data.keys()].sort((a, b) => holds[b] - holds[a] || a - b);
  return [[...order.map((i) => results[i]), ...results.slice(data.length)],
          order.slice(0, PAGE).map((i) => data[i])];
};

// Korean words are found inside a word by its suffixes (render/search.py), so the weight of an
// event's title (`headline`) counts only for a query that starts one of the title's words:
// 레지스트 in 포토레지스트 does not. Among the results shown, the events whose title holds every
// word of a Korean query come first, in their order. (Measured on the query benchmark: in
// Japanese it put first the titles that hold the words in another sense, GSOMIA終了の停止.)
export const titlesFirst = (query, results, top) => {
  const terms = termsOf(query);
  const holds = top.map((d) => d.meta.kind === "event"
    && terms.every((t) => normalise(d.meta.title || "").includes(t)));
  if (!holds.some(Boolean) || holds.every(Boolean)) return [results, top];
  return holdersFirst(results, top, holds);
};

// Is the edition's index split as Pagefind splits its queries (Japanese): see wholeWords.
export const splitsWords = (lang) => /^(ja|zh|th)\b/i.test(lang || "")
  && typeof Intl.Segmenter !== "undefined";

// Pagefind splits a Japanese query into dictionary words (Intl.Segmenter) and wants each to
// start a word of the index, whose Japanese words are runs of kanji and katakana from their
// starts and from each kanji (render/search.py, cjk_word_starts): 最高裁 becomes 最高 裁, and
// a page that holds 最高裁 but no word starting with 裁 is not found. So in an edition whose
// index is split so (Japanese), a query with a one-character word is also asked without those
// words, and of what that finds, the pages whose text holds every word as typed come first.
const HOLD = 40;  // of the shorter query's results, how many are read to see if they hold it
export const wholeWords = async (index, q, filters, results, lang) => {
  if (!splitsWords(lang) || q.includes('"') || !CJK.test(q)) return results;
  const words = [...new Intl.Segmenter(lang, { granularity: "word" }).segment(normalise(q))]
    .filter((w) => w.isWordLike).map((w) => w.segment);
  const kept = words.filter((w) => !CJK.test(w) || [...w].length >= 2);
  if (kept.length === words.length || !kept.length) return results;
  const wider = (await index.search(kept.join(" "), { filters })).results.slice(0, HOLD);
  const terms = termsOf(q);
  const texts = await Promise.all(wider.map(async (r) => textOf(await r.data())));
  const holding = wider.filter((r, i) => terms.every((t) => texts[i].includes(t)));
  const seen = new Set(holding.map((r) => r.id));
  return [...holding, ...results.filter((r) => !seen.has(r.id))];
};

// A date puts that day's (month's) events first: those dated then, and after them those whose
// measure took effect then (`in_force`). Pagefind splits a Japanese edition's query 2019-08 into
// 2019 and 08, which 2019-01-08 holds too: the events of the date come first, among the first
// results (DATED of them, read for their dates), in their order. Also says how many there are.
const DATED = 30;
export const datesFirst = async (query, results, top) => {
  const isos = query.match(/\b\d{4}-\d{2}(?:-\d{2})?\b/g);
  if (!isos) return [results, top, 0];
  const data = [...top, ...await Promise.all(
    results.slice(top.length, DATED).map((r) => r.data()))];
  const on = (date) => isos.some((iso) => (date || "").startsWith(iso));
  const holds = data.map((d) => (d.meta.kind !== "event" ? 0 : on(d.meta.date) ? 2
    : on(d.meta.in_force) ? 1 : 0));
  const held = holds.filter(Boolean).length;
  if (!held) return [results, top, 0];
  return [...holdersFirst(results, data, holds), held];
};

// The events nearest a day or month that no event is dated on: all those of the last date
// before it, and all those of the first date after it (an event dated only by a month or a
// year that holds the day is neither). The events, sorted by date, are halved until the place
// is found: log2(n) of them are read.
export const nearestEvents = async (index, iso, filters = {}) => {
  const events = (await index.search(null, { filters, sort: { date: "asc" } }))?.results || [];
  const read = new Map();
  const dateAt = async (i) => {
    if (!read.has(i)) read.set(i, await events[i].data());
    return read.get(i).meta.date || "";
  };
  let low = 0, high = events.length;  // the first event dated after the date
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((await dateAt(middle)) > iso) high = middle;
    else low = middle + 1;
  }
  const group = async (from, step) => {
    let i = from;
    while (i >= 0 && i < events.length && iso.startsWith(await dateAt(i))) i += step;
    if (i < 0 || i >= events.length) return [];
    const date = await dateAt(i), found = [];
    for (; i >= 0 && i < events.length && (await dateAt(i)) === date && found.length < PAGE / 2;
      i += step) found.push(read.get(i));
    return step < 0 ? found.reverse() : found;
  };
  return { before: await group(low - 1, -1), after: await group(low, 1) };
};

// Events before the other kinds of page, each kind in its order.
export const eventsFirst = (data) => [...data.filter((d) => d.meta.kind === "event"),
                                      ...data.filter((d) => d.meta.kind !== "event")];

// The index as `find` asks it: once `signal` is aborted, every further search or data load
// throws the signal's reason instead of asking (Pagefind cannot stop one already under way).
const guarded = (index, signal) => {
  if (!signal) return index;
  const check = async (promise) => {
    signal.throwIfAborted();
    const value = await promise();
    signal.throwIfAborted();
    return value;
  };
  return {
    search: (query, options) => check(() => index.search(query, options)).then((response) =>
      response && { ...response, results: response.results.map((result) =>
        ({ ...result, data: () => check(() => result.data()) })) }),
  };
};

// Runs a query against `index` (Pagefind's module, or anything with its `search`); returns
// the results (all of them, for "more results"), the first PAGE loaded (`top`), the query as
// searched, its correction if a typo was corrected, whether only some of the words were found
// (`partial`), and the words no page holds (`missing`). `vocabulary()` resolves to the typo
// vocabulary, {words: [...], phrases: Set}, and is called only when a query needs it.
// `literal`: search as typed, uncorrected. `lang`: the edition's (the page's lang attribute).
export const find = async (raw, {
  index, vocabulary, lang = "en", filters = {}, literal = false, signal = null,
}) => {
  index = guarded(index, signal);
  const split = splitsWords(lang);
  let query = prepare(raw);
  // A query that is a known name or term of several words ("No Japan", "Moon Jae-in") finds
  // only the pages that hold it as a phrase, in the order the words alone rank them (a phrase
  // search alone loses the ranking by title, date and other names).
  const ask = async (q, whole = true) => {
    const response = await index.search(q || null, { filters, ...(q ? {} : { sort: { date: "asc" } }) });
    let results = response ? response.results : [];
    if (q && whole) results = await wholeWords(index, q, filters, results, lang);
    if (!q || !mayBePhrase(q, lang) || !(await vocabulary()).phrases.has(q.toLowerCase())) {
      return results;
    }
    const exact = (await index.search(`"${q}"`, { filters })).results;
    const holding = new Set(exact.map((r) => r.id));
    const ranked = results.filter((r) => holding.has(r.id));
    const seen = new Set(ranked.map((r) => r.id));
    return ranked.length ? [...ranked, ...exact.filter((r) => !seen.has(r.id))] : results;
  };
  const load = (results) => Promise.all(results.slice(0, PAGE).map((r) => r.data()));
  let results = await ask(query);
  let top = await load(results);
  let corrected = null;
  // Pagefind leaves out a word that matches nothing; say so, and correct it if it is a typo.
  let unseen = termsOf(query).filter(checkable)
    .filter((w) => !seenIn(w, top.map(textOf)));
  if (unseen.length && !literal) {
    const { words: known } = await vocabulary();
    const fixes = new Map(unseen.map((w) => [w, nearest(w, known)]).filter(([, k]) => k));
    if (fixes.size) {
      const fixed = termsOf(query).map((w) => fixes.get(w) || w).join(" ");
      const fixedResults = await ask(fixed);
      if (fixedResults.length) {
        corrected = fixed;
        query = fixed;
        results = fixedResults;
        top = await load(results);
        unseen = unseen.filter((w) => !fixes.has(w));
      }
    }
  }
  // A word that no page holds in any form and that is no typo of a known one: Pagefind 1.5
  // then searches the longest indexed word it starts with ("r", of Joseph R. Biden, for
  // "radar"), so what it finds is not about the word. Search without such words; with no other
  // word, nothing is found. (With nothing found for the whole query, each of several words is
  // asked alone: what the others find is then searched without it.)
  const words = termsOf(query);
  const heldAlone = async (word) => formIn(word, (await load(await ask(word, false))).map(textOf));
  const without = [];
  for (const word of unseen.filter(verifiable)) {
    if (results.length ? formIn(word, top.map(textOf)) : words.length < 2) continue;
    if (results.length || !await heldAlone(word)) without.push(word);
    else unseen = unseen.filter((w) => w !== word);  // on pages, only not with all the others
  }
  const rest = words.filter((w) => !without.includes(w));
  if (without.length) {
    results = rest.length ? await ask(rest.join(" ")) : [];
    top = await load(results);
  }
  let partial = false;
  let terms = rest;
  const segmented = !results.length && terms.length === 1 && CJK.test(terms[0])
    && [...terms[0]].length >= 3;
  // 岸田首相訪韓: 岸田 首相 訪韓 (each piece tried as Pagefind splits it, no more)
  if (segmented) terms = await segment(terms[0], (q) => ask(q, false));
  if (!results.length && terms.length > 1) {
    // No page holds every word: the pages that hold most of them, the best first. The pieces
    // of a split Japanese or Korean word count by their length (シャトル外交: a page with
    // シャトル before one with 外交 alone).
    const found = new Map();
    for (const term of terms) {
      for (const result of await ask(term)) {
        const seen = found.get(result.id) || { result, words: 0, score: 0 };
        seen.words += segmented ? [...term].length : 1;
        seen.score += result.score;
        found.set(result.id, seen);
      }
    }
    results = [...found.values()].sort((a, b) => b.words - a.words || b.score - a.score)
      .map((seen) => seen.result);
    top = await load(results);
    partial = results.length > 0;
  }
  if (HANGUL.test(query)) [results, top] = titlesFirst(query, results, top);
  // A query that is a date: the events of that day or month first; if there are none, say so
  // and show the nearest before and after it, not what else the index matched.
  const iso = dateOnly(query);
  let dateless = null;
  if (split || iso) {
    let held;
    [results, top, held] = await datesFirst(query, results, top);
    if (iso && !held) {
      const { before, after } = await nearestEvents(index, iso, filters);
      [results, top] = [[], [...before, ...after]];
      dateless = { date: dateName(iso, lang), before: before[0]?.meta.day || null,
                   after: after[0]?.meta.day || null };
    }
  }
  return { query, results, top, corrected, partial, dateless, without,
           missing: partial ? [] : unseen };
};

// A runner of searches in which only the newest counts: each call aborts the signal of the
// one before, and resolves to {value} (what its task returned) and its signal, or, if a newer
// call was made meanwhile, to {superseded: true}, even when it finishes after the newer one.
// A task's error is thrown only while it is the newest.
export const latest = () => {
  let current = null;
  return async (task) => {
    current?.abort();
    const mine = current = new AbortController();
    try {
      const value = await task(mine.signal);
      return mine.signal.aborted ? { superseded: true } : { value, signal: mine.signal };
    } catch (error) {
      if (mine.signal.aborted) return { superseded: true };
      throw error;
    }
  };
};
