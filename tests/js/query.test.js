// What a query means (docs/assets/query.js): dates, typos, phrases, the words marked on a page
// opened from a result, the status line. Run: node --test tests/js/*.test.js (or make unit).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  checkable, dateName, dateOnly, distance, formIn, highlightPattern, highlightTerms, mayBePhrase,
  messages, nearest, prepare, rewriteDates, seenIn, statusOf, termsOf, textOf, verifiable,
} from "../../docs/assets/query.js";

describe("dates as readers write them become the index's ISO dates", () => {
  // Each form the search box takes; the browser tests search one form of each date
  // (tests/browser/test_search.py), and the query benchmark the others as typed.
  const cases = [
    ["2 August 2019", "2019-08-02"], ["August 2, 2019", "2019-08-02"], ["August 2 2019", "2019-08-02"],
    ["2 Aug 2019", "2019-08-02"], ["Aug. 2, 2019", "2019-08-02"], ["2 august 2019", "2019-08-02"],
    ["2019-08-02", "2019-08-02"], ["2019/8/2", "2019-08-02"], ["2019.08.02", "2019-08-02"],
    ["2019年8月2日", "2019-08-02"], ["2019 年 8 月 2 日", "2019-08-02"], ["2019년 8월 2일", "2019-08-02"],
    ["2019-08", "2019-08"], ["August 2019", "2019-08"], ["Aug 2019", "2019-08"], ["August, 2019", "2019-08"],
    ["2019年8月", "2019-08"], ["2019년 8월", "2019-08"], ["March 2023", "2023-03"],
    ["2023年3月", "2023-03"], ["2023년 3월 16일", "2023-03-16"], ["20 December 2019", "2019-12-20"],
    ["Sept 2019", "2019-09"], ["June 2023", "2023-06"], ["May 2019", "2019-05"],
    // Japanese era years: 令和 1 (元年) is 2019, and so is 平成 31.
    ["令和元年8月", "2019-08"], ["令和元年8月2日", "2019-08-02"], ["令和5年3月16日", "2023-03-16"],
    ["平成31年4月", "2019-04"], ["平成30年10月30日", "2018-10-30"], ["令和 2 年 7 月", "2020-07"],
  ];
  for (const [query, iso] of cases) {
    test(`${query} → ${iso}`, () => assert.equal(prepare(query), iso));
  }

  test("a date among other words is rewritten in place", () => {
    assert.equal(prepare("white list  2 August 2019"), "white list 2019-08-02");
    assert.equal(rewriteDates("Abe in March 2023 and 2019年7月"), "Abe in 2023-03 and 2019-07");
  });

  test("words that are no month stay as they are", () => {
    for (const query of ["Mayor 2019", "Moon 2019", "Ma 2019", "12 Octopus 2019", "2 Jul. 2019 x"]) {
      const kept = query === "2 Jul. 2019 x" ? "2019-07-02 x" : query;
      assert.equal(prepare(query), kept);
    }
  });

  test("full-width digits and spaces are read as ordinary ones", () => {
    assert.equal(prepare("２０１９年８月２日"), "2019-08-02");
    assert.equal(prepare("\u3000August\u00a02019 "), "2019-08");
  });
});

describe("a query that is a date", () => {
  test("is a day or a month, and nothing else", () => {
    assert.equal(dateOnly(prepare("4 July 2019")), "2019-07-04");
    assert.equal(dateOnly(prepare("2023年12月")), "2023-12");
    for (const query of ["2019", "2019-07-04 Abe", "July 2019 boycott", "2019-7-4"]) {
      assert.equal(dateOnly(prepare(query)), null, query);
    }
  });

  test("is named as each edition's pages write dates", () => {
    assert.deepEqual(["en", "ko", "ja"].map((lang) => dateName("2019-07-04", lang)),
                     ["4 July 2019", "2019년 7월 4일", "2019年7月4日"]);
    assert.deepEqual(["en", "ko", "ja"].map((lang) => dateName("2023-12", lang)),
                     ["December 2023", "2023년 12월", "2023年12月"]);
    assert.equal(dateName("2019-08-02", "fr"), "2 August 2019");  // another language: English
  });
});

describe("a word no page holds", () => {
  test("is told from a word whose form is on the pages", () => {
    const texts = ["the economic measures", "joseph r. biden invites yoon", "to the talks"];
    assert.equal(formIn("economy", texts), true);  // econo…: Pagefind's "econom"
    for (const word of ["radar", "toyota", "samsung", "sobujang"]) assert.equal(formIn(word, texts), false, word);
    assert.equal(formIn("삼성", ["삼국 시대"]), false);  // a short word must be there whole
  });

  test("is read from the pages' text only where words are written apart", () => {
    for (const word of ["radar", "삼성", "nachi-fujikoshi"]) assert.equal(verifiable(word), true, word);
    for (const word of ["サムスン", "岸田首相訪韓", "2019-07", "g7"]) assert.equal(verifiable(word), false, word);
  });
});

describe("typos", () => {
  test("distance counts edits; a swap of neighbours is one", () => {
    assert.equal(distance("pompeo", "pompeo"), 0);
    assert.equal(distance("pompep", "pompeo"), 1);  // one letter wrong
    assert.equal(distance("sugwara", "sugawara"), 1);  // one missing
    assert.equal(distance("kishdia", "kishida"), 1);  // two swapped
    assert.equal(distance("photoresit", "photoresist"), 1);
    assert.equal(distance("문제인", "문재인"), 1);  // by letters (code points), in any script
    assert.equal(distance("abc", ""), 3);
    assert.equal(distance("kitten", "sitting"), 3);
  });

  test("a word is checked if it has three letters or more and no digit", () => {
    assert.deepEqual(["ab", "abc", "2019", "2019-08", "g7", "문재인", "岸田", "—"].filter(checkable),
                     ["abc", "문재인"]);
  });

  test("the nearest known word, one edit away, two from eight letters", () => {
    const known = ["pompeo", "kishida", "sugawara", "photoresist", "문재인", "hydrogen", "fluoride"];
    assert.equal(nearest("pompep", known), "pompeo");
    assert.equal(nearest("kishdia", known), "kishida");
    assert.equal(nearest("sugwara", known), "sugawara");
    assert.equal(nearest("photoresit", known), "photoresist");
    assert.equal(nearest("문제인", known), "문재인");
    assert.equal(nearest("fluorde", known), "fluoride");
    assert.equal(nearest("pmpep", known), null);  // two edits, and a short word
    assert.equal(nearest("photorsit", known), "photoresist");  // two edits, a long word
    assert.equal(nearest("xylophone", known), null);
  });

  test("a word that starts a known word is no typo", () => {
    assert.equal(nearest("pomp", ["pompeo", "pump"]), null);
    assert.equal(nearest("kishi", ["kishida"]), null);
  });

  test("of words as near, the first known wins", () => {
    assert.equal(nearest("mot", ["moon", "met", "mat"]), "met");
    assert.equal(nearest("mot", ["mat", "met"]), "mat");
  });

  test("a nearer word wins over an earlier one", () => {
    assert.equal(nearest("sugawarra", ["sugawarita", "sugawara"]), "sugawara");
  });

  test("a word on the pages found is no typo, nor its plural or stem", () => {
    const texts = ["the teleconference ended", "japan’s measures were eased"];
    assert.equal(seenIn("teleconference", texts), true);
    assert.equal(seenIn("teleconferences", texts), true);  // its stem is there
    assert.equal(seenIn("measured", texts), true);
    assert.equal(seenIn("japan's", texts), true);
    assert.equal(seenIn("xylophone", texts), false);
    assert.equal(seenIn("eas", texts), true);  // the word itself, inside another
    assert.equal(seenIn("bits", ["a bit of it"]), false);  // a stem under four letters is not tried
  });

  test("a result's text is its content and its fields, NFKC, lower-case", () => {
    assert.equal(textOf({ content: "Ｍoon met", meta: { title: "Ｔalks", day: "2 August 2019" } }),
                 "moon met talks 2 august 2019");
    assert.equal(textOf({}), "");
  });
});

describe("words, phrases and the words marked on the page a result opens", () => {
  test("the words of a query, lower-case, without quote marks", () => {
    assert.deepEqual(termsOf(' "No  Japan” Ｍoon '), ["no", "japan", "moon"]);
    assert.deepEqual(termsOf("   "), []);
  });

  test("a query of several words or with a hyphen may be a known phrase", () => {
    assert.equal(mayBePhrase("No Japan", "en"), true);
    assert.equal(mayBePhrase("Moon Jae-in", "en"), true);
    assert.equal(mayBePhrase("Jae-in", "en"), true);
    assert.equal(mayBePhrase("Pompeo", "en"), false);
    assert.equal(mayBePhrase('"No Japan"', "en"), false);  // the reader's own phrase
  });

  test("in the Korean and Japanese editions a name in Latin letters is searched as words", () => {
    assert.equal(mayBePhrase("Lee Nak-yon", "ko"), false);
    assert.equal(mayBePhrase("Lee Nak-yon", "ja"), false);
    assert.equal(mayBePhrase("Lee Nak-yon", ""), false);
    assert.equal(mayBePhrase("노 재팬", "ko"), true);
    assert.equal(mayBePhrase("ホワイト 国", "ja"), true);
  });

  test("the page a result opens marks the query's words, not its dates", () => {
    assert.equal(highlightTerms("Emergency cabinet meeting"), "emergency cabinet meeting");
    assert.equal(highlightTerms('"tit-for-tat" 2019-08-02 2019 trade'), "tit-for-tat trade");
    assert.equal(highlightTerms("2019-08"), "");
  });

  const marked = (param, text) => {
    const pattern = highlightPattern(param);
    return pattern ? [...text.matchAll(pattern)].map((m) => m[0]) : null;
  };

  test("a Latin word is marked at a word's start only", () => {
    assert.deepEqual(marked("abe", "Abe labelled the alphabet; Abe's"), ["Abe", "Abe"]);
    assert.deepEqual(marked("japan", "Japanese and Japan, not xjapan"), ["Japan", "Japan"]);
    assert.deepEqual(marked("2019", "in 2019, not 12019"), ["2019"]);
    assert.deepEqual(marked("talks japan", "Talks: Japan (talks)"), ["Talks", "Japan", "talks"]);
  });

  test("Korean and Japanese words are marked anywhere in a run of text", () => {
    assert.deepEqual(marked("화이트리스트", "한국을화이트리스트에서"), ["화이트리스트"]);
    assert.deepEqual(marked("ホワイト国", "韓国のホワイト国除外"), ["ホワイト国"]);
  });

  test("the longest word first, each once; words of one letter are not marked", () => {
    assert.deepEqual(marked("japan japanese", "Japanese"), ["Japanese"]);
    assert.deepEqual(marked("a x 国 moon moon", "a moon x 国"), ["moon"]);
    assert.equal(highlightPattern("a x 国"), null);
    assert.equal(highlightPattern(""), null);
    assert.equal(highlightPattern("   "), null);
  });

  test("at most ten words, as typed (NFKC, lower-case)", () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${String.fromCharCode(97 + i)}`);
    assert.deepEqual(marked(words.join(" "), words.join(" ")), words.slice(0, 10));
    assert.deepEqual(marked("ＭＯＯＮ", "Moon"), ["Moon"]);
  });

  test("what the address holds is a word, never a pattern", () => {
    assert.deepEqual(marked("a.b (x|y)", "a.b axb (x|y) x"), ["a.b", "(x|y)"]);
    assert.deepEqual(marked(".*", "anything .*"), [".*"]);
    assert.deepEqual(marked("[^]", "[^] x"), ["[^]"]);
  });
});

describe("the status line", () => {
  const catalogue = {
    "search.count.none": "No results", "search.count.one": "1 result",
    "search.count.other": "{n} results", "search.partial": "none has all the words",
    "search.missing": "no page has {words}", "search.word": "“{word}”", "search.words": ", ",
    "search.filtered": "filtered", "search.corrected": "results for “{word}”",
    "search.separator": " · ", "search.others": "results for the other words",
    "search.date.none": "No event is dated {date}",
    "search.date.both": "the nearest are of {before} and {after}",
    "search.date.last": "the chronology ends earlier; its last events are of {before}",
    "search.date.first": "the chronology begins later; its first events are of {after}",
  };
  const say = messages(catalogue);
  const found = (n, more = {}) => ({ results: Array(n).fill({}), partial: false, missing: [],
                                     corrected: null, ...more });

  test("says how many were found", () => {
    assert.equal(statusOf(found(0), false, say), "No results");
    assert.equal(statusOf(found(1), false, say), "1 result");
    assert.equal(statusOf(found(12), false, say), "12 results");
  });

  test("says what was not found, filtered or corrected, in that order, each a whole part", () => {
    assert.equal(statusOf(found(3, { partial: true }), false, say),
                 "3 results · none has all the words");
    assert.equal(statusOf(found(2, { missing: ["xylophone", "zither"] }), true, say),
                 "2 results · no page has “xylophone”, “zither” · filtered");
    assert.equal(statusOf(found(4, { corrected: "sugawara" }), true, say),
                 "4 results · filtered · results for “sugawara”");
  });

  test("says a word no page holds was left out, when the other words found something", () => {
    assert.equal(statusOf(found(5, { missing: ["samsung"], without: ["samsung"] }), false, say),
                 "5 results · results for the other words · no page has “samsung”");
    assert.equal(statusOf(found(0, { missing: ["radar"], without: ["radar"] }), false, say),
                 "No results · no page has “radar”");
  });

  test("says a date no event is dated on, and which the nearest shown are", () => {
    const dateless = (before, after) => found(0, { dateless: { date: "5 July 2019", before, after } });
    assert.equal(statusOf(dateless("1 July 2019", "7 July 2019"), false, say),
                 "No event is dated 5 July 2019 · the nearest are of 1 July 2019 and 7 July 2019");
    assert.equal(statusOf(dateless("21 July 2023", null), true, say),
                 "No event is dated 5 July 2019 · filtered · the chronology ends earlier; its last events are of 21 July 2023");
    assert.equal(statusOf(dateless(null, "30 October 2018"), false, say),
                 "No event is dated 5 July 2019 · the chronology begins later; its first events are of 30 October 2018");
    assert.equal(statusOf(dateless(null, null), true, say), "No event is dated 5 July 2019 · filtered");
  });

  test("messages put values in as text, and an unknown id is shown as itself", () => {
    assert.equal(say("search.word", { word: "<b>{n}</b>" }), "“<b>{n}</b>”");
    assert.equal(say("search.count.other", {}), " results");
    assert.equal(say("no.such.id"), "no.such.id");
    assert.equal(messages({})("search.idle"), "search.idle");
  });
});
