// Search: Pagefind's index behind Material's own search box (hooks/theme/partials/search.html).
// Pagefind's script, its index and the typo vocabulary load only when a reader opens the box, so
// a page costs nothing more until then. What comes from the index (titles, dates, filter names) is
// set as text; only Pagefind's excerpt is inserted as HTML: Pagefind escapes the page's text and
// adds only <mark> (the hostile-text browser test plants markup in every field to hold it to that).
(() => {
  const dialog = document.querySelector("[data-chrono-search]");
  const input = dialog && dialog.querySelector("[data-chrono-search-query]");
  const toggle = document.getElementById("__search");
  if (!input || !toggle) return;
  const form = input.form;
  const list = dialog.querySelector(".md-search-result__list");
  const status = dialog.querySelector(".chrono-search-status");
  const suggest = dialog.querySelector(".chrono-search-suggest");
  const more = dialog.querySelector(".chrono-search-more");
  const filterBox = dialog.querySelector(".chrono-search-filters");
  const selects = [...dialog.querySelectorAll("select[data-chrono-filter]")];

  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  // Tuned on the query benchmark (tests/perf/search/): an event's title counts, an index
  // page's title does not (it would put a person's page above the events they acted in).
  const OPTIONS = {
    ranking: { metaWeights: { title: 0, headline: 5, when: 5, alias: 4, aka: 2, cjk: 1 } },
    excerptLength: 24,
  };
  const PAGE = 10;  // results shown at a time
  const KINDS = { actor: say("search.kind.actor"), topic: say("search.kind.topic"),
                  phase: say("search.kind.phase"), source: say("search.kind.source"),
                  record: say("search.kind.record"), page: say("search.kind.page") };
  const IDLE = say("search.idle");

  let engine = null;
  const load = () => engine ??= import(new URL("pagefind/pagefind.js", root).href)
    .then(async (pagefind) => {
      await pagefind.options(OPTIONS);
      await pagefind.init();
      return pagefind;
    })
    .catch((error) => {
      engine = null;  // try again on the next search
      throw error;
    });

  let words = null;  // the typo vocabulary, fetched the first time a query needs it
  const vocabulary = () => words ??= fetch(new URL("search/vocabulary.json", root))
    .then((response) => (response.ok ? response.json() : { words: [], phrases: [] }))
    .then((data) => ({ words: data.words || [], phrases: new Set(data.phrases || []) }))
    .catch(() => ({ words: [], phrases: new Set() }));

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
  const eraYear = (query) => query.replace(/(令和|平成)\s*(元|\d{1,2})\s*年/g,
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
  const rewriteDates = (query) =>
    DATES.reduce((q, [pattern, to]) => q.replace(pattern, to), eraYear(query));

  // Optimal string alignment distance: a swap of two neighbouring letters counts as one edit.
  const distance = (a, b) => {
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
  const checkable = (word) => [...word].length >= 3 && /\p{L}/u.test(word) && !/\d/.test(word);
  // The nearest known word, if the word is no known word's start: one edit away (two for words
  // of eight letters or more); the more frequent spelling is not known, so ties go to the first.
  const nearest = (word, known) => {
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

  const normalise = (text) => text.normalize("NFKC").toLowerCase();
  const termsOf = (query) => normalise(query).replace(/["“”]/g, " ").split(/\s+/).filter(Boolean);
  // Is the word on the pages found? Then it is no typo, whatever the vocabulary says. (A word
  // Pagefind matched only through a stem or a shorter indexed word is not in their text.)
  const seenIn = (word, texts) => {
    const stem = word.replace(/(?:'s|’s|ies|es|s|ed|ing|ly)$/u, "");
    const forms = [word, ...([...stem].length >= 4 ? [stem] : [])];
    return texts.some((text) => forms.some((form) => text.includes(form)));
  };
  const textOf = (data) => normalise([data.content || "", ...Object.values(data.meta || {})].join(" "));

  // What to ask the index for a query as typed: dates in ISO.
  const prepare = (raw) => rewriteDates(raw.normalize("NFKC").replace(/\s+/g, " ").trim());
  // A query that is a known name or term of several words ("No Japan", "Moon Jae-in") finds
  // only the pages that hold it as a phrase, in the order the words alone rank them (a phrase
  // search alone loses the ranking by title, date and other names).
  // In the Korean and Japanese editions a name in Latin letters ("Lee Nak-yon") stands only in
  // the hidden fields, which a phrase search does not read: there it is searched as words.
  const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\s]+$/u;
  const isPhrase = async (query) => /\s|-/.test(query) && !query.includes('"')
    && !(document.documentElement.lang !== "en" && LATIN_ONLY.test(query))
    && (await vocabulary()).phrases.has(query.toLowerCase());

  // Japanese and Chinese are written without spaces, so a query may join words the pages hold
  // apart (ユン大統領). Split a query that finds nothing into the longest pieces that each find
  // something, from the start; a character that starts no such piece is dropped.
  const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7a3]/u;
  const HANGUL = /[\uac00-\ud7a3]/u;
  const segment = async (term, ask) => {
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

  // Korean words are found inside a word by its suffixes (render/search.py), so the weight of an
  // event's title (`headline`) counts only for a query that starts one of the title's words:
  // 레지스트 in 포토레지스트 does not. Among the results shown, the events whose title holds every
  // word of a Korean query come first, in their order. (Measured on the query benchmark: in
  // Japanese it put first the titles that hold the words in another sense, GSOMIA終了の停止.)
  const titlesFirst = (query, results, top) => {
    const terms = termsOf(query);
    const holds = top.map((d) => d.meta.kind === "event"
      && terms.every((t) => normalise(d.meta.title || "").includes(t)));
    if (!holds.some(Boolean) || holds.every(Boolean)) return [results, top];
    const order = [...top.keys()].sort((a, b) => holds[b] - holds[a] || a - b);
    return [[...order.map((i) => results[i]), ...results.slice(top.length)],
            order.map((i) => top[i])];
  };

  // Pagefind splits a Japanese query into dictionary words (Intl.Segmenter) and wants each to
  // start a word of the index, whose Japanese words are runs of kanji and katakana from their
  // starts and from each kanji (render/search.py, cjk_word_starts): 最高裁 becomes 最高 裁, and
  // a page that holds 最高裁 but no word starting with 裁 is not found. So in an edition whose
  // index is split so (Japanese), a query with a one-character word is also asked without those
  // words, and of what that finds, the pages whose text holds every word as typed come first.
  const SPLIT = /^(ja|zh|th)\b/i.test(document.documentElement.lang || "")
    && typeof Intl.Segmenter !== "undefined";
  const HOLD = 40;  // of the shorter query's results, how many are read to see if they hold it
  const wholeWords = async (pagefind, q, filters, results) => {
    if (!SPLIT || q.includes('"') || !CJK.test(q)) return results;
    const words = [...new Intl.Segmenter(document.documentElement.lang, { granularity: "word" })
      .segment(normalise(q))].filter((w) => w.isWordLike).map((w) => w.segment);
    const kept = words.filter((w) => !CJK.test(w) || [...w].length >= 2);
    if (kept.length === words.length || !kept.length) return results;
    const wider = (await pagefind.search(kept.join(" "), { filters })).results.slice(0, HOLD);
    const terms = termsOf(q);
    const texts = await Promise.all(wider.map(async (r) => textOf(await r.data())));
    const holding = wider.filter((r, i) => terms.every((t) => texts[i].includes(t)));
    const seen = new Set(holding.map((r) => r.id));
    return [...holding, ...results.filter((r) => !seen.has(r.id))];
  };

  // A date puts that day's (month's) events first. Pagefind splits a Japanese edition's query
  // 2019-08 into 2019 and 08, which 2019-01-08 holds too: the events of the date come first,
  // among the first results (DATED of them, read for their dates), in their order.
  const DATED = 30;
  const datesFirst = async (query, results, top) => {
    const isos = query.match(/\b\d{4}-\d{2}(?:-\d{2})?\b/g);
    if (!isos) return [results, top];
    const data = [...top, ...await Promise.all(
      results.slice(top.length, DATED).map((r) => r.data()))];
    const holds = data.map((d) => d.meta.kind === "event"
      && isos.some((iso) => (d.meta.date || "").startsWith(iso)));
    if (!holds.some(Boolean)) return [results, top];
    const order = [...data.keys()].sort((a, b) => holds[b] - holds[a] || a - b);
    return [[...order.map((i) => results[i]), ...results.slice(data.length)],
            order.slice(0, PAGE).map((i) => data[i])];
  };

  const chosenFilters = () => {
    const chosen = {};
    for (const select of selects) if (select.value) chosen[select.dataset.chronoFilter] = select.value;
    return chosen;
  };

  // Runs a query; returns the loaded results (events first) and what was searched.
  let seq = 0;
  const find = async (raw, filters, literal) => {
    const pagefind = await load();
    let query = prepare(raw);
    const ask = async (q, whole = true) => {
      const response = await pagefind.search(q || null, { filters, ...(q ? {} : { sort: { date: "asc" } }) });
      let results = response ? response.results : [];
      if (q && whole) results = await wholeWords(pagefind, q, filters, results);
      if (!q || !(await isPhrase(q))) return results;
      const exact = (await pagefind.search(`"${q}"`, { filters })).results;
      const holding = new Set(exact.map((r) => r.id));
      const ranked = results.filter((r) => holding.has(r.id));
      const seen = new Set(ranked.map((r) => r.id));
      return ranked.length ? [...ranked, ...exact.filter((r) => !seen.has(r.id))] : results;
    };
    let results = await ask(query);
    let top = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
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
          top = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
          unseen = unseen.filter((w) => !fixes.has(w));
        }
      }
    }
    let partial = false;
    let terms = termsOf(query);
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
      top = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
      partial = results.length > 0;
    }
    if (HANGUL.test(query)) [results, top] = titlesFirst(query, results, top);
    if (SPLIT) [results, top] = await datesFirst(query, results, top);
    return { query, results, top, corrected, partial, missing: results.length && !partial ? unseen : [] };
  };

  const eventsFirst = (data) => [...data.filter((d) => d.meta.kind === "event"),
                                 ...data.filter((d) => d.meta.kind !== "event")];

  // The words to mark on the page a result opens: the query's, not dates or quote marks.
  const highlightTerms = (query) => termsOf(query).filter((w) => !/^[\d-]+$/.test(w)).join(" ");

  const item = (data, terms) => {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    const url = new URL(data.url, location.href);
    if (terms) url.searchParams.set("h", terms);
    link.href = url.href;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    const when = document.createElement("p");
    when.className = "chrono-search-when";
    when.textContent = data.meta.kind === "event" ? data.meta.day || ""
      : KINDS[data.meta.kind] || KINDS.page;
    const excerpt = document.createElement("p");
    excerpt.className = "chrono-search-excerpt";
    excerpt.innerHTML = data.excerpt;  // Pagefind's: the page's text escaped, <mark> added
    article.append(title, when, excerpt);
    link.append(article);
    li.append(link);
    return li;
  };

  let shown = null;  // {results, count, terms}: what the list shows, for "More results"
  const showMore = async (mine) => {
    const start = list.children.length;
    const data = eventsFirst(await Promise.all(
      shown.results.slice(start, start + PAGE).map((r) => r.data())));
    if (mine !== seq) return;
    list.append(...data.map((d) => item(d, shown.terms)));
    more.hidden = list.children.length >= shown.results.length;
  };

  const count = (n) => say(n === 0 ? "search.count.none" : n === 1 ? "search.count.one"
    : "search.count.other", { n });
  const clear = () => {
    list.replaceChildren();
    more.hidden = true;
    suggest.hidden = true;
    shown = null;
  };

  let literal = null;  // a query the reader asked to search as typed, uncorrected
  const run = async () => {
    const mine = ++seq;
    const raw = input.value.trim();
    const filters = chosenFilters();
    const filtered = Object.keys(filters).length > 0;
    if (!raw && !filtered) {
      clear();
      status.textContent = IDLE;
      delete dialog.dataset.shown;
      return;
    }
    let found;
    try {
      found = await find(raw, filters, raw === literal);
    } catch {
      if (mine === seq) status.textContent = say("search.failed");
      return;
    }
    if (mine !== seq) return;
    clear();
    const terms = highlightTerms(found.query);
    shown = { results: found.results, terms };
    list.append(...eventsFirst(found.top).map((d) => item(d, terms)));
    more.hidden = found.results.length <= PAGE;
    let message = count(found.results.length);
    if (found.partial) message += say("search.partial");
    if (found.missing.length) {
      const words = found.missing.map((word) => say("search.word", { word }));
      message += say("search.missing", { words: words.join(say("search.words")) });
    }
    if (filtered) message += say("search.filtered");
    if (found.corrected) {
      message += say("search.corrected", { word: found.corrected });
      suggest.hidden = false;
      suggest.lastElementChild.textContent = raw;
    }
    status.textContent = message;
    dialog.dataset.shown = raw;  // what the list shows (the browser tests wait for it)
  };

  // Typing, pasting and input methods all fire "input"; a short pause lets fast typing finish.
  // Text that arrives whole (pasted, dictated, a word an input method commits) is searched at
  // once: no more keys are coming.
  let timer = 0;
  let length = 0;
  const schedule = () => {
    clearTimeout(timer);
    const whole = input.value.length - length > 1;
    length = input.value.length;
    timer = setTimeout(run, whole ? 0 : 80);
  };

  // Filters: their values (and Pagefind's filter files) load only when the reader opens them.
  let filtersLoaded = false;
  const fillFilters = async () => {
    if (filtersLoaded) return;
    filtersLoaded = true;
    let all;
    try {
      all = await (await load()).filters();
    } catch {
      filtersLoaded = false;
      return;
    }
    for (const select of selects) {
      const values = all[select.dataset.chronoFilter] || {};
      const names = Object.keys(values).sort((a, b) => a.localeCompare(b, document.documentElement.lang || "en"));
      select.append(...names.map((name) => {
        const option = document.createElement("option");
        option.value = name;
        option.textContent = `${name} (${values[name]})`;
        return option;
      }));
    }
  };
  filterBox.addEventListener("toggle", () => {
    if (filterBox.open) fillFilters();
  });
  for (const select of selects) select.addEventListener("change", run);

  const open = () => {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
  };
  let opener = null;
  const close = () => {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
    if (opener && opener.isConnected && opener !== input) opener.focus();
    opener = null;
  };

  input.addEventListener("input", schedule);
  input.addEventListener("focus", () => {
    if (!toggle.checked) toggle.checked = true;
    load().catch(() => {});
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      load().catch(() => {});
      if (document.activeElement !== input) setTimeout(() => input.focus(), 0);
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      run();
      input.focus();
    });
  });
  suggest.querySelector("button").addEventListener("click", (event) => {
    literal = input.value = event.currentTarget.textContent;
    run();
    input.focus();
  });
  more.querySelector("button").addEventListener("click", () => showMore(seq));

  // The keyboard: "/" or "s" opens the box, Escape closes it, the arrow keys move between the
  // field and the results (Enter then follows the result's link).
  const editable = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "S")
          && !editable(document.activeElement)) {
        event.preventDefault();
        opener = document.activeElement;
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (!dialog.contains(document.activeElement) || document.activeElement.tagName === "SELECT") return;
    const stops = [input, ...list.querySelectorAll("a.md-search-result__link")];
    const at = stops.indexOf(document.activeElement);
    const next = event.key === "ArrowDown" ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    event.preventDefault();
    stops[next].focus();
  }, true);
  // Typing while a result has the focus goes on in the field.
  list.addEventListener("keydown", (event) => {
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) input.focus();
  });

  // The 404 page's form asks the home page for ?q=: open the box with those words.
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    open();
    run();
  }

  // A page opened from a result (?h=words): mark the words in its text.
  const marked = new URLSearchParams(location.search).get("h");
  const article = document.querySelector("article.md-content__inner");
  if (marked && article) {
    const terms = [...new Set(marked.normalize("NFKC").toLowerCase().split(/\s+/))]
      .filter((t) => [...t].length >= 2).slice(0, 10);
    const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .sort((a, b) => b.length - a.length);
    if (escaped.length) {
      // A Latin word matches at a word's start; Korean and Japanese anywhere in a run.
      const pattern = new RegExp(escaped.map((t) => (/^[\p{Script=Latin}\d]/u.test(t)
        ? `(?<![\\p{L}\\p{N}])${t}` : t)).join("|"), "giu");
      // Not inside SVG (the charts): an HTML <mark> there is not drawn, and takes its words with
      // it; the chart's labels stay whole and unmarked.
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement.closest("script, style, mark, [hidden], .headerlink, svg")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      for (const node of nodes) {
        const text = node.nodeValue;
        const parts = [];
        let last = 0;
        for (const match of text.matchAll(pattern)) {
          if (match[0] === "") continue;
          parts.push(text.slice(last, match.index));
          const mark = document.createElement("mark");
          mark.className = "chrono-highlight";
          mark.textContent = match[0];
          parts.push(mark);
          last = match.index + match[0].length;
        }
        if (parts.length) {
          parts.push(text.slice(last));
          node.replaceWith(...parts);
        }
      }
    }
  }
})();
