// Search: Pagefind's index behind Material's own search box (hooks/theme/partials/search.html).
// This is the wiring: the box, its results, filters and keyboard, and the words marked on the
// page a result opens. What a query means and how the index is asked are find.js and query.js,
// which node tests (tests/js/). Pagefind's script, its index and the typo vocabulary load only
// when a reader opens the box, so a page costs nothing more until then. What comes from the
// index (titles, dates, filter names) is set as text; only Pagefind's excerpt is inserted as
// HTML: Pagefind escapes the page's text and adds only <mark> (the hostile-text browser test
// plants markup in every field to hold it to that).
import { OPTIONS, PAGE, eventsFirst, find, latest, vocabularyOf } from "./find.js";
import { highlightPattern, highlightTerms, messages, statusOf } from "./query.js";

// The edition's words (main.html: chronology/messages.py), read here rather than from
// chronology.js, so that search works whichever script loads first.
const say = messages(JSON.parse(document.getElementById("chrono-messages")?.textContent || "{}"));
const lang = document.documentElement.lang;

const startSearch = (dialog) => {
  const input = dialog.querySelector("[data-chrono-search-query]");
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
    .then((response) => (response.ok ? response.json() : {}))
    .then(vocabularyOf)
    .catch(() => vocabularyOf({}));

  const chosenFilters = () => {
    const chosen = {};
    for (const select of selects) if (select.value) chosen[select.dataset.chronoFilter] = select.value;
    return chosen;
  };

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
    // An event's date, and the day its measure took effect if it has one (a search for that
    // day finds it: render/search.py).
    when.textContent = data.meta.kind !== "event" ? KINDS[data.meta.kind] || KINDS.page
      : data.meta.in_force_day
        ? say("search.in-force", { date: data.meta.day, day: data.meta.in_force_day })
        : data.meta.day || "";
    const excerpt = document.createElement("p");
    excerpt.className = "chrono-search-excerpt";
    excerpt.innerHTML = data.excerpt;  // Pagefind's: the page's text escaped, <mark> added
    article.append(title, when, excerpt);
    link.append(article);
    li.append(link);
    return li;
  };

  // What the list shows, for "More results": {results, terms, signal}. The signal is its
  // search's, aborted once a newer search starts: then the more results it loads are dropped.
  let shown = null;
  const showMore = async () => {
    const { results, terms, signal } = shown;
    const start = list.children.length;
    let data;
    try {
      data = eventsFirst(await Promise.all(results.slice(start, start + PAGE).map((r) => r.data())));
    } catch (error) {
      if (signal.aborted) return;  // find.js stops the loads of a superseded search
      throw error;
    }
    if (signal.aborted) return;
    list.append(...data.map((d) => item(d, terms)));
    more.hidden = list.children.length >= results.length;
  };

  const clear = () => {
    list.replaceChildren();
    more.hidden = true;
    suggest.hidden = true;
    shown = null;
  };

  // Each search cancels the one before: a slower, older query never shows its results over a
  // newer one's, and stops asking the index (find.js: latest).
  const searches = latest();
  let literal = null;  // a query the reader asked to search as typed, uncorrected
  const run = async () => {
    const raw = input.value.trim();
    const filters = chosenFilters();
    const filtered = Object.keys(filters).length > 0;
    let outcome;
    try {
      outcome = await searches(async (signal) => (raw || filtered ? find(raw, {
        index: await load(), vocabulary, lang, filters, literal: raw === literal, signal,
      }) : null));
    } catch {
      status.textContent = say("search.failed");
      return;
    }
    if (outcome.superseded) return;
    const found = outcome.value;
    clear();
    if (!found) {
      status.textContent = IDLE;
      delete dialog.dataset.shown;
      return;
    }
    const terms = highlightTerms(found.query);
    shown = { results: found.results, terms, signal: outcome.signal };
    list.append(...eventsFirst(found.top).map((d) => item(d, terms)));
    more.hidden = found.results.length <= PAGE;
    if (found.corrected) {
      suggest.hidden = false;
      suggest.lastElementChild.textContent = raw;
    }
    status.textContent = statusOf(found, filtered, say);
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
      const names = Object.keys(values).sort((a, b) => a.localeCompare(b, lang || "en"));
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
  more.querySelector("button").addEventListener("click", showMore);

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
};

// A page opened from a result (?h=words): mark the words in its text (query.js says which and
// how). Not inside SVG (the charts): an HTML <mark> there is not drawn, and takes its words
// with it; the chart's labels stay whole and unmarked. (Pagefind's own pagefind-highlight.js
// is not used: mark.js, inside it, marks a Latin word inside another, ?h=abe in "labelled".)
const markWords = (article, pattern) => {
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
};

const dialog = document.querySelector("[data-chrono-search]");
if (dialog) startSearch(dialog);
const marked = new URLSearchParams(location.search).get("h");
const article = document.querySelector("article.md-content__inner");
const pattern = marked && article && highlightPattern(marked);
if (pattern) markWords(article, pattern);
