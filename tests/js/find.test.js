// Asking the index (docs/assets/find.js): corrections, phrases, partial matches, split words,
// re-ranking, and the cancelling of superseded searches, against a small made-up index.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  PAGE, datesFirst, eventsFirst, find, latest, nearestEvents, segment, titlesFirst, wholeWords,
} from "../../docs/assets/find.js";
import { normalise, termsOf } from "../../docs/assets/query.js";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A page as the index holds it: its text, and the fields (meta) the site gives Pagefind.
const event = (id, date, title, content = title, filters = {}) => ({
  id, url: `/events/${id}/`, content, filters,
  meta: { kind: "event", title, date, day: date },
});
const other = (id, kind, title, content = title) => ({
  id, url: `/${kind}s/${id}/`, content, filters: {}, meta: { kind, title },
});

// Answers as Pagefind does, as far as find needs: a page is found when each word of the query
// starts one of its words, and a word that starts none on any page is left out (or, `inverse`,
// searched as the longest word of a page that it starts with, as Pagefind 1.5 does: "r" for
// "radar"); a quoted query
// finds the pages that hold it as written; no query (with a sort by date) finds every page,
// oldest first. Filters keep the pages that have the value. Best first: the most occurrences.
// `asked` lists every query, in order; `before(query)` runs first, and may wait.
const makeIndex = (pages, before = async () => {}, { inverse = false } = {}) => {
  const asked = [];
  const text = (p) => normalise([p.content, ...Object.values(p.meta)].join(" "));
  const words = (p) => text(p).split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const result = (p, score) => ({
    id: p.id, score,
    data: async () => ({ url: p.url, content: p.content, meta: p.meta, excerpt: p.content }),
  });
  return {
    asked,
    async search(query, { filters = {}, sort } = {}) {
      asked.push(query);
      await before(query);
      const kept = pages.filter((p) => Object.entries(filters)
        .every(([name, value]) => (p.filters[name] || []).includes(value)));
      if (query === null) {
        assert.deepEqual(sort, { date: "asc" });
        return { results: [...kept].sort((a, b) => (a.meta.date || "").localeCompare(b.meta.date || ""))
          .map((p) => result(p, 1)) };
      }
      if (/^".*"$/.test(query)) {
        const phrase = normalise(query.slice(1, -1));
        return { results: kept.filter((p) => text(p).includes(phrase)).map((p) => result(p, 1)) };
      }
      const all = pages.flatMap(words);
      const terms = termsOf(query).map((t) => (all.some((w) => w.startsWith(t)) ? t
        : inverse && all.filter((w) => t.startsWith(w)).sort((a, b) => b.length - a.length)[0]))
        .filter(Boolean);
      if (!terms.length) return { results: [] };
      const score = (p) => terms.reduce((n, t) => n + words(p).filter((w) => w.startsWith(t)).length, 0);
      return { results: kept.filter((p) => terms.every((t) => words(p).some((w) => w.startsWith(t))))
        .map((p) => result(p, score(p))).sort((a, b) => b.score - a.score) };
    },
  };
};

const PAGES = [
  event("pompeo-meets-both-ministers", "2019-08-02", "Pompeo meets both foreign ministers",
        "Pompeo meets both foreign ministers in Bangkok", { actor: ["Mike Pompeo"] }),
  event("moon-and-abe-meet-in-chengdu", "2019-12-24", "Moon and Abe meet in Chengdu"),
  event("consumers-boycott-japanese-goods", "2019-07", "Consumers boycott Japanese goods",
        "Consumers boycott Japanese goods under the slogan No Japan"),
  event("japan-says-no", "2019-07-10", "Japan says no to talks"),
  event("talks-by-teleconference", "2020-03-11", "Talks by teleconference",
        "The ministers held a teleconference", { actor: ["Mike Pompeo"] }),
  other("mike-pompeo", "actor", "Mike Pompeo", "Mike Pompeo, US Secretary of State"),
];
const VOCABULARY = {
  words: ["abe", "bangkok", "chengdu", "japan", "kishida", "moon", "pompeo", "sugawara"],
  phrases: new Set(["no japan", "moon jae-in"]),
};

// find() over PAGES; `opened` counts the times the vocabulary was asked for.
const search = async (raw, options = {}) => {
  const index = options.index || makeIndex(PAGES);
  const opened = { count: 0 };
  const vocabulary = async () => {
    opened.count += 1;
    return VOCABULARY;
  };
  const found = await find(raw, { index, vocabulary, ...options });
  return { ...found, ids: found.results.map((r) => r.id), asked: index.asked, opened: opened.count };
};

describe("find", () => {
  test("finds the pages that hold the words, and needs no vocabulary for a known word", async () => {
    const found = await search("Pompeo");
    assert.deepEqual(new Set(found.ids), new Set(["pompeo-meets-both-ministers", "mike-pompeo"]));
    assert.deepEqual(found.top.map((d) => d.url).length, 2);
    assert.equal(found.opened, 0);
    assert.deepEqual([found.corrected, found.partial, found.missing], [null, false, []]);
  });

  test("asks the index for a date as written in its ISO form", async () => {
    for (const written of ["2 August 2019", "August 2, 2019", "2019年8月2日", "2019년 8월 2일"]) {
      const found = await search(written);
      assert.deepEqual(found.asked, ["2019-08-02"]);
      assert.deepEqual(found.ids, ["pompeo-meets-both-ministers"]);
      assert.equal(found.query, "2019-08-02");
    }
    assert.deepEqual((await search("令和元年7月")).asked, ["2019-07"]);
  });

  test("corrects a typo towards the vocabulary and searches the corrected words", async () => {
    const found = await search("Pompep");
    assert.deepEqual(found.asked, ["Pompep", "pompeo"]);
    assert.equal(found.corrected, "pompeo");
    assert.equal(found.query, "pompeo");
    assert.deepEqual(found.ids, (await search("pompeo")).ids);
    assert.deepEqual(found.missing, []);
  });

  test("keeps the words that are right when it corrects one", async () => {
    const found = await search("Pompep ministers");
    assert.equal(found.corrected, "pompeo ministers");
    assert.deepEqual(found.ids, ["pompeo-meets-both-ministers"]);
  });

  test("searches as typed when the reader asks for it", async () => {
    const found = await search("Pompep", { literal: true });
    assert.deepEqual(found.asked, ["Pompep"]);
    assert.deepEqual([found.corrected, found.ids, found.opened], [null, [], 0]);
  });

  test("takes no word on the pages found for a typo", async () => {
    const found = await search("teleconference");
    assert.deepEqual(found.ids, ["talks-by-teleconference"]);
    assert.deepEqual([found.corrected, found.missing, found.opened], [null, [], 0]);
  });

  test("names a word no page holds", async () => {
    const found = await search("Pompeo xylophone");
    assert.equal(found.ids[0], "pompeo-meets-both-ministers");
    assert.deepEqual([found.missing, found.partial, found.corrected], [["xylophone"], false, null]);
  });

  test("shows nothing for a word no page holds, not what the index matched in its stead", async () => {
    const pages = [...PAGES, event("biden-invites", "2023-05-21", "Joseph R. Biden invites Yoon")];
    const found = await search("radar", { index: makeIndex(pages, undefined, { inverse: true }) });
    assert.deepEqual(found.asked, ["radar"]);  // the index found Biden for its "r"
    assert.deepEqual([found.ids, found.top, found.missing, found.without], [[], [], ["radar"], ["radar"]]);
  });

  test("searches the other words without a word no page holds, and says so", async () => {
    const pages = [...PAGES, event("biden-invites", "2023-05-21", "Joseph R. Biden invites Yoon")];
    const found = await search("radar Pompeo", { index: makeIndex(pages, undefined, { inverse: true }) });
    assert.deepEqual(found.asked.slice(-1), ["pompeo"]);
    assert.deepEqual(new Set(found.ids), new Set(["pompeo-meets-both-ministers", "mike-pompeo"]));
    assert.deepEqual([found.missing, found.without, found.partial], [["radar"], ["radar"], false]);
    // Nothing for all the words: each is asked alone, and the one no page holds is left out.
    const none = await search("radar Pompeo Chengdu", { index: makeIndex(pages, undefined, { inverse: true }) });
    assert.deepEqual(none.without, ["radar"]);
    assert.equal(none.partial, true);
    assert.ok(!none.ids.includes("biden-invites"), none.ids);
  });

  test("keeps what a form of the word finds, and a word of Japanese it cannot read", async () => {
    // Pagefind searches "exporters" as "exporter", the longest word it starts with: the same word.
    const pages = [event("exports", "2019-07-01", "Japanese exporter of resist")];
    const found = await search("exporters", { index: makeIndex(pages, undefined, { inverse: true }) });
    assert.deepEqual([found.ids, found.without], [["exports"], []]);
    const japanese = [event("k", "2019-07-01", "韓国 向け")];
    assert.deepEqual((await search("韓国向け", { index: makeIndex(japanese, undefined, { inverse: true }), lang: "ja" })).without, []);
  });

  test("finds the pages with most of the words when none holds them all", async () => {
    const found = await search("Pompeo Chengdu");
    assert.equal(found.partial, true);
    assert.deepEqual(found.missing, []);
    assert.deepEqual(new Set(found.ids), new Set(["pompeo-meets-both-ministers", "mike-pompeo",
                                                  "moon-and-abe-meet-in-chengdu"]));
    const both = await search("Pompeo Chengdu ministers");
    assert.equal(both.ids[0], "pompeo-meets-both-ministers");  // two of the three words
  });

  test("finds a known phrase only where it stands as a phrase", async () => {
    const found = await search("No Japan");
    assert.deepEqual(found.ids, ["consumers-boycott-japanese-goods"]);
    assert.deepEqual(found.asked, ["No Japan", '"No Japan"']);
    assert.deepEqual((await search("japan no")).ids.length, 2);  // no phrase: the words
    assert.deepEqual((await search('"no" japan')).asked, ['"no" japan']);
  });

  test("searches a name in Latin letters as words in the other editions", async () => {
    assert.deepEqual((await search("No Japan", { lang: "ko" })).ids.length, 2);
  });

  test("with no words but a filter: the filtered pages, oldest first", async () => {
    const found = await search("", { filters: { actor: "Mike Pompeo" } });
    assert.deepEqual(found.asked, [null]);
    assert.deepEqual(found.ids, ["pompeo-meets-both-ministers", "talks-by-teleconference"]);
  });

  test("filters what the words find", async () => {
    assert.deepEqual((await search("talks")).ids.length, 2);
    const found = await search("talks", { filters: { actor: "Mike Pompeo" } });
    assert.deepEqual(found.ids, ["talks-by-teleconference"]);
  });

  test("loads the first page of results, not more", async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      event(`e${i}`, `2019-08-${String(i + 1).padStart(2, "0")}`, `Talks ${i}`));
    const found = await search("talks", { index: makeIndex(many) });
    assert.equal(found.results.length, 25);
    assert.equal(found.top.length, PAGE);
  });
});

describe("words written without spaces", () => {
  const known = new Set(["岸田", "首相", "訪韓", "シャトル", "外交"]);
  const ask = async (q) => (known.has(q) ? [q] : []);

  test("a query is split into the longest pieces that each find something", async () => {
    assert.deepEqual(await segment("岸田首相訪韓", ask), ["岸田", "首相", "訪韓"]);
    assert.deepEqual(await segment("シャトル外交", ask), ["シャトル", "外交"]);
    assert.deepEqual(await segment("の岸田は首相", ask), ["岸田", "首相"]);  // others dropped
    assert.deepEqual(await segment("何もない", ask), ["何もない"]);
  });

  const JAPANESE = [
    event("kishida-visits-seoul", "2023-05-07", "岸田首相 訪韓", "岸田首相 ソウル 訪問"),
    event("shuttle-diplomacy", "2023-03-16", "シャトル 再開", "シャトル 外交の 再開"),
    event("diplomacy", "2019-12-24", "外交 日程"),
    event("visit", "2023-05-08", "訪韓 の 報道"),
  ];

  test("a query no page holds whole finds the pages with most of its pieces", async () => {
    const found = await search("岸田首相訪韓", { index: makeIndex(JAPANESE), lang: "ja" });
    assert.equal(found.partial, true);
    assert.deepEqual(found.ids, ["kishida-visits-seoul", "visit"]);
  });

  test("longer pieces count for more", async () => {
    const found = await search("シャトル外交", { index: makeIndex(JAPANESE.slice(1, 3)), lang: "ja" });
    assert.deepEqual(found.ids, ["shuttle-diplomacy", "diplomacy"]);
  });

  const r = (id, text) => ({ id, score: 1, data: async () => ({ content: text, meta: {} }) });

  test("in Japanese, a query with a one-character word is also asked without it", async () => {
    const asked = [];
    const index = { search: async (q) => (asked.push(q), { results: [r("wider", "最高裁の判決 の 要旨"),
                                                                      r("apart", "最高 判決")] }) };
    const results = [r("found", "最高 裁 判決")];
    // Split as Pagefind splits it: 最高 裁 の 判決; asked without 裁 and の.
    const kept = await wholeWords(index, "最高裁の判決", {}, results, "ja");
    assert.deepEqual(asked, ["最高 判決"]);
    assert.deepEqual(kept.map((x) => x.id), ["wider", "found"]);  // it holds the words as typed
    for (const [q, lang] of [["最高裁の判決", "en"], ["最高裁の判決", "ko"], ['"最高裁の判決"', "ja"],
                             ["判決", "ja"], ["supreme court", "ja"]]) {
      assert.equal(await wholeWords(index, q, {}, results, lang), results, q);
    }
    assert.deepEqual(asked, ["最高 判決"]);
  });
});

describe("dates", () => {
  const dated = (id, date, extra = {}) => ({ ...event(id, date, `Event ${id}`), meta: {
    kind: "event", title: `Event ${id}`, date, day: `day ${date}`, ...extra } });
  const EVENTS = [dated("jul-1a", "2019-07-01", { in_force: "2019-07-04", in_force_day: "day 2019-07-04" }),
                  dated("jul-1b", "2019-07-01"), dated("july", "2019-07"), dated("jul-7", "2019-07-07"),
                  dated("aug-2", "2019-08-02"), dated("2023", "2023-07-21"), other("abe", "actor", "Abe")];
  const top = (found) => found.top.map((d) => d.url.split("/")[2]);

  test("a day finds the events whose measure took effect that day, after those dated then", async () => {
    const found = await search("4 July 2019", { index: makeIndex(EVENTS) });
    assert.deepEqual([top(found)[0], found.dateless], ["jul-1a", null]);
    const both = [...EVENTS, dated("jul-4", "2019-07-04")];  // the index finds jul-1a first
    assert.deepEqual(top(await search("2019-07-04", { index: makeIndex(both) })).slice(0, 2), ["jul-4", "jul-1a"]);
  });

  test("a day no event is dated on: says so, and shows the nearest before and after it", async () => {
    const found = await search("2019-07-05", { index: makeIndex(EVENTS) });
    assert.deepEqual(found.results, []);
    // July 2019 (dated by its month only) holds the day: it is neither before nor after it.
    assert.deepEqual(top(found), ["jul-1a", "jul-1b", "jul-7"]);
    assert.deepEqual(found.dateless, { date: "5 July 2019", before: "day 2019-07-01", after: "day 2019-07-07" });
    const korean = await search("2019년 7월 5일", { index: makeIndex(EVENTS), lang: "ko" });
    assert.equal(korean.dateless.date, "2019년 7월 5일");
  });

  test("a month no event is dated in, after the last or before the first", async () => {
    const after = await search("December 2023", { index: makeIndex(EVENTS), lang: "ja" });
    assert.deepEqual([top(after), after.dateless], [["2023"], { date: "2023年12月", before: "day 2023-07-21", after: null }]);
    const before = await search("2017-01", { index: makeIndex(EVENTS) });
    // The first event after January 2017 is July 2019's, dated by its month.
    assert.deepEqual([top(before), before.dateless.before, before.dateless.after], [["july"], null, "day 2019-07"]);
  });

  test("the nearest events are those the filters keep", async () => {
    const kept = EVENTS.map((p) => (p.id === "jul-7" ? p : { ...p, filters: { actor: ["Abe"] } }));
    const found = await search("2019-07-05", { index: makeIndex(kept), filters: { actor: "Abe" } });
    assert.equal(found.dateless.after, "day 2019-08-02");
  });

  test("the nearest events are found by halving: few of a thousand are read", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => dated(`e${i}`, `20${String(10 + Math.floor(i / 12)).padStart(2, "0")}-${String(i % 12 + 1).padStart(2, "0")}-15`));
    let reads = 0;
    const index = makeIndex(many);
    const counted = { search: async (...args) => {
      const response = await index.search(...args);
      return { results: response.results.map((r) => ({ ...r, data: () => { reads += 1; return r.data(); } })) };
    } };
    const { before, after } = await nearestEvents(counted, "2015-06-20");
    assert.deepEqual([before.map((d) => d.meta.date), after.map((d) => d.meta.date)], [["2015-06-15"], ["2015-07-15"]]);
    assert.ok(reads <= 15, reads);
  });
});

describe("re-ranking", () => {
  const loaded = (data) => data.map((d) => ({ id: d.id, score: 1, data: async () => d }));
  const meta = (id, kind, date, title = "") => ({ id, meta: { kind, date, title } });

  test("a Korean query puts first the events whose title holds every word", () => {
    const top = [meta("a", "event", "2019-07-01", "일본 수출 규제"), meta("b", "actor", "", "포토레지스트"),
                 meta("c", "event", "2019-12-20", "일본, 포토레지스트 규제 완화"),
                 meta("d", "event", "2019-07-04", "포토레지스트 수출 규제")];
    const results = [...loaded(top), ...loaded([meta("e", "event", "2020-01-01", "포토레지스트")])];
    const [ranked, shown] = titlesFirst("포토레지스트 규제", results, top);
    assert.deepEqual(ranked.map((x) => x.id), ["c", "d", "a", "b", "e"]);
    assert.deepEqual(shown.map((x) => x.id), ["c", "d", "a", "b"]);
    // None, or all of them: the order stays.
    assert.deepEqual(titlesFirst("독도", results, top), [results, top]);
    assert.deepEqual(titlesFirst("일본", results, [top[0]]), [results, [top[0]]]);
  });

  test("a date puts that day's or month's events first, among the first thirty", async () => {
    const data = [meta("jan-8", "event", "2019-01-08"), meta("actor", "actor"),
                  ...Array.from({ length: 12 }, (_, i) => meta(`x${i}`, "event", "2020-01-01")),
                  meta("aug-2", "event", "2019-08-02"), meta("aug", "event", "2019-08"),
                  ...Array.from({ length: 20 }, (_, i) => meta(`y${i}`, "event", "2019-08-03"))];
    const results = loaded(data);
    const [ranked, shown] = await datesFirst("2019-08", results, data.slice(0, PAGE));
    assert.deepEqual(ranked.slice(0, 3).map((x) => x.id), ["aug-2", "aug", "y0"]);
    assert.equal(ranked.length, results.length);
    assert.deepEqual(shown.map((x) => x.id).slice(0, 3), ["aug-2", "aug", "y0"]);
    assert.equal(shown.length, PAGE);
    // The thirty-first result and those after it are not read: they keep their place.
    assert.deepEqual(ranked.slice(30).map((x) => x.id), data.slice(30).map((x) => x.id));
    const [, day] = await datesFirst("2019-08-02", results, data.slice(0, PAGE));
    assert.equal(day[0].id, "aug-2");
    assert.equal(day[1].id, "jan-8");
    const none = await datesFirst("2018-10", results, data.slice(0, PAGE));
    assert.deepEqual(none, [results, data.slice(0, PAGE), 0]);
    assert.deepEqual(await datesFirst("talks", results, []), [results, [], 0]);
  });

  test("dates come first in a Japanese edition's search", async () => {
    const pages = [event("jan-8", "2019-01-08", "2019-08 with other words", "2019 08"),
                   event("aug-2", "2019-08-02", "August")];
    assert.deepEqual((await search("2019年8月", { index: makeIndex(pages), lang: "ja" })).ids,
                     ["aug-2", "jan-8"]);
  });

  test("events come before the other kinds of page, each in its order", () => {
    const data = [meta("a", "actor"), meta("e1", "event"), meta("t", "topic"), meta("e2", "event")];
    assert.deepEqual(eventsFirst(data).map((d) => d.id), ["e1", "e2", "a", "t"]);
  });
});

describe("superseded searches are cancelled", () => {
  test("a newer search's results are never overwritten by an older, slower one's", async () => {
    const searches = latest();
    const slow = makeIndex(PAGES, () => sleep(40));
    const shown = [];
    const type = (raw, index) => searches((signal) => find(raw, {
      index, vocabulary: async () => VOCABULARY, signal,
    })).then((outcome) => outcome.superseded || shown.push(outcome.value.query));
    const older = type("Pompep", slow);  // needs a second search to correct it: slower still
    await sleep(5);
    const newer = type("Chengdu", makeIndex(PAGES));
    await Promise.all([older, newer]);
    assert.deepEqual(shown, ["Chengdu"]);
    // The older stopped asking the index: it never searched its correction.
    assert.deepEqual(slow.asked, ["Pompep"]);
  });

  test("an aborted search asks nothing more, and loads no more results", async () => {
    const controller = new AbortController();
    const index = makeIndex(PAGES, async () => controller.abort());
    await assert.rejects(find("Pompep", { index, vocabulary: async () => VOCABULARY,
                                          signal: controller.signal }), { name: "AbortError" });
    assert.deepEqual(index.asked, ["Pompep"]);
    // "More results" of a search since superseded: its results load nothing either.
    const superseded = new AbortController();
    const found = await find("Pompeo", { index: makeIndex(PAGES), vocabulary: async () => VOCABULARY,
                                         signal: superseded.signal });
    assert.ok(await found.results[0].data());
    superseded.abort();
    await assert.rejects(found.results[0].data(), { name: "AbortError" });
  });

  test("each search aborts the one before; the newest resolves with its value", async () => {
    const searches = latest();
    const signals = [];
    const older = searches(async (signal) => (signals.push(signal), await sleep(20), "old"));
    const newer = searches(async (signal) => (signals.push(signal), "new"));
    const outcome = await newer;
    assert.equal(outcome.value, "new");
    assert.equal(outcome.signal, signals[1]);
    assert.deepEqual(await older, { superseded: true });
    assert.deepEqual(signals.map((s) => s.aborted), [true, false]);
  });

  test("an emptied box supersedes the search still under way", async () => {
    const searches = latest();
    const older = searches(async () => (await sleep(20), "results"));
    assert.equal((await searches(async () => null)).value, null);
    assert.deepEqual(await older, { superseded: true });
  });

  test("only the newest search's failure is reported", async () => {
    const searches = latest();
    const older = searches(async () => {
      await sleep(10);
      throw new Error("the older failed");
    });
    const newer = searches(async () => "fine");
    assert.deepEqual(await older, { superseded: true });
    assert.equal((await newer).value, "fine");
    await assert.rejects(latest()(async () => {
      throw new Error("the index could not load");
    }), /could not load/);
  });
});
