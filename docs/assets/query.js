// What a query means: dates as readers write them, the words a typo is corrected towards, the
// known phrases, the words to mark on the page a result opens, and what the status line says.
// Pure: no DOM, no fetch, no Pagefind. The browser (search.js, find.js) and node (tests/js/)
// load this one file alike.

export const normalise = (text) => text.normalize("NFKC").toLowerCase();

// The words of a query, lower-case, without quote marks.
export const termsOf = (query) =>
  normalise(query).replace(/["“”]/g, " ").split(/\s+/).filter(Boolean);

// Korean and Japanese (kana, kanji, Hangul syllables), and Hangul alone.
export const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7a3]/u;
export const HANGUL = /[\uac00-\ud7a3]/u;

// Dates as readers write them become the ISO forms the index holds for each event.
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"];
const month = (word) => {
  const w = word.toLowerCase().replace(/\.$/, "");
  const index = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
  return index < 0 ? null : String(index + 1).padStart(2, "0");
};
const two = (n) => String(n).padStart(2, "0");
const M = "([A-Za-z]{3,9}\\.?)";
// Japanese era years (令和元年 is 2019, 平成31年 is also 2019) become Western years first.
const ERAS = { 令和: 2018, 平成: 1988 };
const eraYears = (query) => query.replace(/(令和|平成)\s*(元|\d{1,2})\s*年/g,
  (_, era, n) => `${ERAS[era] + (n === "元" ? 1 : Number(n))}年`);
const DATES = [
  [/(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/g, (_, y, m, d) => `${y}-${two(m)}-${two(d)}`],
  [/(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]/g, (_, y, m) => `${y}-${two(m)}`],
  [new RegExp(`\\b(\\d{1,2})\\s+${M},?\\s+(\\d{4})\\b`, "g"),
    (s, d, m, y) => (month(m) ? `${y}-${month(m)}-${two(d)}` : s)],
  [new RegExp(`\\b${M}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "g"),
    (s, m, d, y) => (month(m) ? `${y}-${month(m)}-${two(d)}` : s)],
  [new RegExp(`\\b${M},?\\s+(\\d{4})\\b`, "g"), (s, m, y) => (month(m) ? `${y}-${month(m)}` : s)],
  [/\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/g, (_, y, m, d) => `${y}-${two(m)}-${two(d)}`],
];
export const rewriteDates = (query) =>
  DATES.reduce((q, [pattern, to]) => q.replace(pattern, to), eraYears(query));

// What to ask the index for a query as typed: dates in ISO.
export const prepare = (raw) => rewriteDates(raw.normalize("NFKC").replace(/\s+/g, " ").trim());

// The date a query is, if it is nothing but a day or a month (as prepared): "2019-07-04".
export const dateOnly = (query) => (/^\d{4}-\d{2}(?:-\d{2})?$/.test(query) ? query : null);

// A day or a month as the edition writes dates: "4 July 2019", "2019년 7월 4일", "2019年7月4日"
// (as the pages do: chronology/dates.py, PartialDate.human_in); "July 2019" for a month.
const DATE_LOCALES = { en: "en-GB", ko: "ko-KR", ja: "ja-JP" };
export const dateName = (iso, lang = "en") => {
  const [year, month, day] = iso.split("-").map(Number);
  const locale = DATE_LOCALES[(lang || "en").split("-")[0]] || DATE_LOCALES.en;
  return new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "long", ...(day ? { day: "numeric" } : {}), timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, day || 1)));
};

// Optimal string alignment distance: a swap of two neighbouring letters counts as one edit.
export const distance = (a, b) => {
  const A = [...a], B = [...b];
  const d = Array.from({ length: A.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= B.length; j++) d[0][j] = j;
  for (let i = 1; i <= A.length; i++) {
    for (let j = 1; j <= B.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1,
                         d[i - 1][j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[A.length][B.length];
};

// A word worth checking for a typo: three letters or more, not a number or a date.
export const checkable = (word) => [...word].length >= 3 && /\p{L}/u.test(word) && !/\d/.test(word);

// The nearest known word, if the word is no known word's start: one edit away (two for words
// of eight letters or more); the more frequent spelling is not known, so ties go to the first.
export const nearest = (word, known) => {
  if (known.some((k) => k.startsWith(word))) return null;
  const length = [...word].length, most = length >= 8 ? 2 : 1;
  let best = null, bestDistance = most + 1;
  for (const k of known) {
    if (Math.abs([...k].length - length) > most) continue;
    const d = distance(word, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
};

// Is the word on the pages found? Then it is no typo, whatever the vocabulary says. (A word
// Pagefind matched only through a stem or a shorter indexed word is not in their text.)
export const seenIn = (word, texts) => {
  const stem = word.replace(/(?:'s|’s|ies|es|s|ed|ing|ly)$/u, "");
  const forms = [word, ...([...stem].length >= 4 ? [stem] : [])];
  return texts.some((text) => forms.some((form) => text.includes(form)));
};

// Is a form of the word on the pages found: its start (four letters, and two thirds of it, at
// least), as in "econom" of "economic" for "economy"? Pagefind 1.5 searches a word that starts
// no indexed word as the longest indexed word it starts with: a form of it, or, as "r" (of
// Joseph R. Biden) for "radar" and "to" for "Toyota", something else.
export const formIn = (word, texts) => {
  const letters = [...word];
  const start = letters.slice(0, Math.max(4, Math.ceil((letters.length * 2) / 3))).join("");
  return texts.some((text) => text.includes(start));
};

// A word whose absence from the pages can be read from their text: letters, no digits, and no
// kana or kanji (Japanese is written without spaces: Pagefind finds a word of it in pieces).
export const verifiable = (word) => /\p{L}/u.test(word) && !/\d/.test(word)
  && !/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u.test(word);

// A result's text as the checks above read it: its excerpt's content and its fields.
export const textOf = (data) =>
  normalise([data.content || "", ...Object.values(data.meta || {})].join(" "));

// Could the query be a known name or term of several words ("No Japan", "Moon Jae-in")? Then
// the vocabulary's phrases say whether it is. In the Korean and Japanese editions a name in
// Latin letters ("Lee Nak-yon") stands only in the hidden fields, which a phrase search does
// not read: there it is searched as words.
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\s]+$/u;
export const mayBePhrase = (query, lang) => /\s|-/.test(query) && !query.includes('"')
  && !(lang !== "en" && LATIN_ONLY.test(query));

// The words to mark on the page a result opens (its ?h=): the query's, not dates or quote marks.
export const highlightTerms = (query) => termsOf(query).filter((w) => !/^[\d-]+$/.test(w)).join(" ");

// What ?h= marks on a page, as one pattern (null: nothing): its words of two letters or more,
// ten at most, the longest first. A Latin word matches at a word's start (?h=abe is not in
// "label"); Korean and Japanese anywhere in a run of text, as they are written without spaces.
export const highlightPattern = (param) => {
  const terms = [...new Set(normalise(param).split(/\s+/))]
    .filter((t) => [...t].length >= 2).slice(0, 10);
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((a, b) => b.length - a.length);
  if (!escaped.length) return null;
  return new RegExp(escaped.map((t) => (/^[\p{Script=Latin}\d]/u.test(t)
    ? `(?<![\\p{L}\\p{N}])${t}` : t)).join("|"), "giu");
};

// The site's words in the page's language, from the edition's catalogue (main.html puts it in
// the page as JSON: chronology/messages.py). say("search.count.other", {n: 3}) -> "3 results".
// Values are put in as text, and the result is only ever set as text.
export const messages = (catalogue) => (id, values = {}) =>
  (catalogue[id] ?? id).replace(/\{([a-z_]+)\}/g, (_, name) => String(values[name] ?? ""));

// The status line for what `find` found: how many, whether only some of the words, which
// words no page holds (and whether the others were searched without them), whether filtered,
// and the correction of a typo; for a date no event is dated on, that, and which the nearest
// events shown are. Each is a message of its own, whole in every language, and the line lists
// them (search.separator): none is a piece of a sentence another finishes.
// The edition's separator between the parts: a full-width one (Japanese ／) as it is, any
// other with a space each side (the catalogues keep no space at the ends of a message).
const separator = (say) => {
  const mark = say("search.separator").trim();
  return /^[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]$/u.test(mark) ? mark : ` ${mark} `;
};

export const statusOf = (found, filtered, say) => {
  const parts = [];
  if (found.dateless) {
    const { date, before, after } = found.dateless;
    parts.push(say("search.date.none", { date }));
    if (filtered) parts.push(say("search.filtered"));
    if (before && after) parts.push(say("search.date.both", { before, after }));
    else if (before) parts.push(say("search.date.last", { before }));
    else if (after) parts.push(say("search.date.first", { after }));
    return parts.join(separator(say));
  }
  const n = found.results.length;
  parts.push(say(n === 0 ? "search.count.none" : n === 1 ? "search.count.one"
    : "search.count.other", { n }));
  if (n && found.without?.length) parts.push(say("search.others"));
  if (found.partial) parts.push(say("search.partial"));
  if (found.missing.length) {
    const words = found.missing.map((word) => say("search.word", { word }));
    parts.push(say("search.missing", { words: words.join(say("search.words")) }));
  }
  if (filtered) parts.push(say("search.filtered"));
  if (found.corrected) parts.push(say("search.corrected", { word: found.corrected }));
  return parts.join(separator(say));
};
