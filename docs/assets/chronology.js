// Progressive enhancement only: every page works without this script.

// Material's "ellipsis" patch gives every truncated title in the header, navigation and table of
// contents a tooltip made from the title's *rendered* text, which its tooltip then inserts as
// HTML: a title from the data such as "<img src=x onerror=...>", shown as text on the page, would
// run. Material mounts it once the document has loaded; this runs before, while the page is
// parsed, and gives those elements a class of our own with the same look (chronology.css), so
// the patch finds none. (Truncated titles lose their hover tooltip.)
for (const element of document.querySelectorAll(".md-ellipsis")) {
  element.classList.replace("md-ellipsis", "chrono-ellipsis");
}
// The site's words in the page's language: main.html gives the scripts the edition's messages
// (hooks/chronology/messages.py). say("search.count.other", {n: 3}) -> "3 results".
// Values are put in as text, and the result is only ever set as text.
const chronoMessages = JSON.parse(document.getElementById("chrono-messages")?.textContent || "{}");
const say = (id, values = {}) =>
  (chronoMessages[id] ?? id).replace(/\{([a-z_]+)\}/g, (_, name) => String(values[name] ?? ""));

// Sharing and citing (hooks/chronology/render/citing.py): the page's full address where the
// build did not know the site's, the day the reader accessed it (a published page cannot know
// it), buttons that copy a link or a citation, and a permanent link on each heading that also
// copies itself. What is copied is said in a status region that screen readers announce; where
// the browser does not let a page copy (no clipboard outside https, or refused), the text is
// selected for the reader to copy, and the status says so.
const toast = document.createElement("div");
toast.className = "chrono-toast";
toast.setAttribute("role", "status");
document.body.append(toast);
let toastTimer;
const announce = (message, field = null) => {
  clearTimeout(toastTimer);
  toast.replaceChildren(...[message, field].filter(Boolean));
  if (!field) toastTimer = setTimeout(() => toast.replaceChildren(), 4000);
};
const copyText = async (text) => {
  if (!navigator.clipboard || !window.isSecureContext) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;  // refused: the reader copies it
  }
};
// A link the page could not copy: in a field of the status, selected, for the reader to copy.
const offerLink = (url) => {
  const field = document.createElement("input");
  field.type = "text";
  field.readOnly = true;
  field.value = url;
  field.setAttribute("aria-label", say("script.link-field"));
  field.addEventListener("keydown", (event) => { if (event.key === "Escape") announce(""); });
  announce(say("script.copy.manual"), field);
  field.focus();
  field.select();
};
const copyLink = async (url, button = null) => {
  if (!(await copyText(url))) return offerLink(url);
  announce(say("script.copied.link"));
  if (button) button.textContent = say("script.copied");
};
const pageAddress = () => location.origin + location.pathname;

document$.subscribe(() => {
  const pad = (n) => String(n).padStart(2, "0");
  const today = new Date();
  const [y, m, d] = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  const lang = document.documentElement.lang || "en";
  const accessed = {
    iso: `${y}-${pad(m)}-${pad(d)}`, ris: `${y}/${pad(m)}/${pad(d)}`, csl: `[[${y}, ${m}, ${d}]]`,
    // As the page's language writes a date: December 9, 2026; 2026년 12월 9일; 2026年12月9日.
    text: new Intl.DateTimeFormat(lang === "en" ? "en-US" : lang,
      { year: "numeric", month: "long", day: "numeric" }).format(today),
  };
  for (const slot of document.querySelectorAll(".chrono-accessed[data-style]")) {
    slot.textContent = slot.dataset.before + (accessed[slot.dataset.style] ?? "") + slot.dataset.after;
    slot.hidden = false;
  }
  for (const span of document.querySelectorAll(".chrono-cite__url[data-href]")) {
    span.textContent = new URL(span.dataset.href, location.href).href;
  }
  for (const link of document.querySelectorAll("a.chrono-permalink")) {
    link.textContent = new URL(link.getAttribute("href"), location.href).href;
  }
  for (const button of document.querySelectorAll("button[data-copy-link]")) {
    button.hidden = false;
    button.addEventListener("click", () => copyLink(pageAddress(), button));
  }
  for (const button of document.querySelectorAll("button.chrono-copy[data-copy]")) {
    const target = document.getElementById(button.dataset.copy);
    if (!target) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      // A code block (BibTeX, RIS, CSL-JSON) is copied as it is, to its last line break (RIS's
      // last line is "ER  - ", its space included); a citation in words, without the spaces
      // around it.
      const text = target.tagName === "CODE" ? target.textContent : target.textContent.trim();
      if (await copyText(text)) {
        button.textContent = say("script.copied");
        announce(say("script.copied"));
        return;
      }
      const range = document.createRange();
      range.selectNodeContents(target);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      announce(say("script.copy.manual"));
    });
  }
  // A heading's permanent link still leads to its part of the page, and copies its address.
  for (const link of document.querySelectorAll(".md-typeset a.headerlink")) {
    link.addEventListener("click", () => copyLink(new URL(link.getAttribute("href"), pageAddress()).href));
  }
});

// Tracks page: which measures were in force on a chosen day (the table works without this).
// The day is chosen as the site writes dates (1 January 2020), and marked on the chart.
document$.subscribe(() => {
  const form = document.querySelector("form.chrono-asof");
  if (!form) return;
  const [day, month, year] = ["day", "month", "year"].map((name) => form.elements[name]);
  const output = form.querySelector("output");
  const rows = [...document.querySelectorAll(".chrono-measures tbody tr[data-from]")];
  const pad = (n) => String(n).padStart(2, "0");
  const update = () => {
    // A day the month does not have (31 April) becomes the month's last.
    const last = new Date(Date.UTC(+year.value, +month.value, 0)).getUTCDate();
    if (+day.value > last) day.value = String(last);
    const iso = `${year.value}-${pad(month.value)}-${pad(day.value)}`;
    const active = rows.filter((row) =>
      row.dataset.from <= iso && (!row.dataset.until || iso < row.dataset.until));
    for (const row of rows) row.classList.toggle("chrono-measures--in-force", active.includes(row));
    const when = say("script.asof.when", {
      day: +day.value, month: month.selectedOptions[0].textContent, year: year.value });
    const measures = active.map((row) => row.cells[0].textContent).join(say("script.list"));
    output.textContent = say(active.length === 0 ? "script.asof.none"
      : active.length === 1 ? "script.asof.one" : "script.asof.other",
    { when, n: active.length, measures });
    for (const svg of document.querySelectorAll("svg.chrono-chart__svg")) {
      const start = Date.parse(svg.dataset.start), end = Date.parse(svg.dataset.end);
      const x = (svg.viewBox.baseVal.width * (Date.parse(iso) - start)) / (end - start);
      const line = svg.querySelector(".chrono-chart__asof");
      line.setAttribute("x1", x.toFixed(1));
      line.setAttribute("x2", x.toFixed(1));
      line.classList.add("chrono-chart__asof--shown");
    }
  };
  form.hidden = false;
  form.addEventListener("change", update);
  update();
});

// Home page and events/: filters for the timeline. Each entry carries tokens (data-f, written
// at build time) and each option the token it matches; an entry shows if it has every chosen
// token. The choice is kept in the address (?topic=…&kind=…), so a filtered view can be shared
// and comes back on load. Without this script the form stays hidden and every event shows.
document$.subscribe(() => {
  const form = document.querySelector("form.chrono-filters");
  if (!form) return;
  const selects = [...form.querySelectorAll("select")];
  const entries = [...document.querySelectorAll(".chrono-timeline [data-f]")].map((li) => ({
    li, tokens: new Set(li.dataset.f.split(" ")),
    event: li.querySelector("a").getAttribute("href").split("#")[0],
  }));
  const sections = [...document.querySelectorAll(".chrono-timeline-phase")];
  const status = form.querySelector("[role=status]");
  const total = new Set(entries.map((entry) => entry.event)).size;
  const apply = () => {
    const wanted = selects.map((select) => select.selectedOptions[0].dataset.f).filter(Boolean);
    const shown = new Set();
    for (const entry of entries) {
      const match = wanted.every((token) => entry.tokens.has(token));
      entry.li.hidden = !match;
      if (match) shown.add(entry.event);
    }
    for (const section of sections) section.hidden = !section.querySelector("li:not([hidden])");
    status.textContent = say("filters.count", { shown: shown.size, total });
    const url = new URL(location.href);
    for (const select of selects) {
      if (select.value) url.searchParams.set(select.name, select.value);
      else url.searchParams.delete(select.name);
    }
    if (url.href !== location.href) history.replaceState(history.state, "", url);
  };
  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const value = params.get(select.name);
    if (value && [...select.options].some((option) => option.value === value)) select.value = value;
  }
  // The topics of talks are one kind, "Talks and summits" (render/filters.py): an address from
  // before (?topic=talks) opens it.
  const topic = params.get("topic");
  const kind = [...form.querySelectorAll("option[data-topics]")]
    .find((option) => option.dataset.topics.split(" ").includes(topic));
  if (kind && !selects.some((select) => select.name === "topic" && select.value === topic)) {
    kind.parentElement.value = kind.value;
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));  // after the form has been reset
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
});

// Event, source, person and topic pages are not in the navigation: mark the entry they belong
// under (an event's phase; Sources; Who's who; Topics), named by the page in data-chrono-nav,
// so that the reader sees where they are.
document$.subscribe(() => {
  const marker = document.querySelector("[data-chrono-nav]");
  if (!marker) return;
  const target = new URL(marker.dataset.chronoNav, location.href).href;
  for (const link of document.querySelectorAll(".md-nav--primary a.md-nav__link")) {
    if (link.href !== target) continue;
    link.classList.add("md-nav__link--active", "chrono-nav--here");
    link.setAttribute("aria-current", "location");
  }
});

// Event pages: a link to a part inside a closed <details> ("#in-force") opens it.
const openTarget = () => {
  let target = null;
  try {
    target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return;  // a malformed address: nothing to open
  }
  const details = target && target.closest("details");
  if (details) details.open = true;
};
document$.subscribe(openTarget);
window.addEventListener("hashchange", openTarget);

// Printing: what is folded away is printed too (the print stylesheet hides the controls).
const folded = [];
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details:not([open])")) {
    details.open = true;
    folded.push(details);
  }
});
window.addEventListener("afterprint", () => {
  for (const details of folded.splice(0)) details.open = false;
});

// The 404 page: offer a search for the words of the address that was not found.
const missing = document.getElementById("chrono-404-query");
if (missing && !missing.value) {
  let path = location.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed address: its words as they are
  }
  const last = path.split("/").filter(Boolean).pop() || "";
  // An event's address starts with its date and joins words with hyphens.
  missing.value = last.replace(/\.html?$/, "").replace(/^\d{4}(-\d{2}){0,2}-?/, "")
    .replace(/[-_]+/g, " ").trim();
}
