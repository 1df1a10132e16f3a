// Typos typed into the English site's box are corrected towards the words meant, in the
// vocabulary its build wrote (search/vocabulary.json), and no page of its index holds them (a
// word on the pages found is never taken for a typo). tests/test_search_js.py runs this with
// CHRONO_SITE set to the site it built. The browser tests search the corrected words
// (tests/browser/test_search.py: Pompeo, photoresist, 문재인; Kishdia and Sugwara as typed).
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";

import { checkable, nearest, normalise, prepare, termsOf } from "../../../docs/assets/query.js";

const TYPOS = {
  Pompep: "pompeo", Kishdia: "kishida", Sugwara: "sugawara", photoresit: "photoresist",
  문제인: "문재인",
};

const site = process.env.CHRONO_SITE;
const skip = !site && "needs a built site: tests/test_search_js.py sets CHRONO_SITE";

test("each typo is corrected towards the word meant", { skip }, () => {
  const { words } = JSON.parse(readFileSync(join(site, "search", "vocabulary.json"), "utf8"));
  assert.ok(words.length > 100, "the vocabulary holds the site's words");
  const corrected = Object.fromEntries(Object.keys(TYPOS).map((typo) => {
    const [word] = termsOf(prepare(typo));
    return [typo, checkable(word) ? nearest(word, words) : null];
  }));
  assert.deepEqual(corrected, TYPOS);
});

// Each page Pagefind indexed: gzipped JSON behind a 12-byte signature (Pagefind 1.x).
const pages = () => {
  const folder = join(site, "pagefind", "fragment");
  return readdirSync(folder).filter((name) => name.endsWith(".pf_fragment")).map((name) => {
    const data = gunzipSync(readFileSync(join(folder, name)));
    assert.equal(data.subarray(0, 12).toString(), "pagefind_dcd", name);
    return JSON.parse(data.subarray(12).toString("utf8"));
  });
};

test("no page holds a typo", { skip }, () => {
  const texts = pages().map((p) => normalise([p.content, ...Object.values(p.meta)].join(" ")));
  assert.ok(texts.length > 100, "the index holds the site's pages");
  const held = Object.keys(TYPOS).map(normalise).filter((typo) => texts.some((t) => t.includes(typo)));
  assert.deepEqual(held, []);
});
