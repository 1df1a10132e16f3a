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
// Event pages: show the full permanent link and offer a button that copies the citation.
document$.subscribe(() => {
  for (const link of document.querySelectorAll("a.chrono-permalink")) {
    const url = new URL(link.getAttribute("href"), document.baseURI).href;
    link.textContent = url;
    for (const span of document.querySelectorAll(".chrono-cite__url")) span.textContent = url;
  }
  for (const button of document.querySelectorAll("button.chrono-copy")) {
    const target = document.getElementById(button.dataset.copy);
    if (!target || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(target.textContent.trim());
      button.textContent = "Copied";
    });
  }
});

// Tracks page: which measures were in force on a chosen date (the table works without this).
document$.subscribe(() => {
  const form = document.querySelector("form.chrono-asof");
  if (!form) return;
  const input = form.querySelector("input");
  const output = form.querySelector("output");
  const rows = [...document.querySelectorAll(".chrono-measures tbody tr")];
  const update = () => {
    const day = input.value;
    const active = rows.filter((row) =>
      row.dataset.from <= day && (!row.dataset.until || day < row.dataset.until));
    for (const row of rows) row.classList.toggle("chrono-measures--in-force", active.includes(row));
    output.textContent = active.length
      ? active.map((row) => row.cells[1].textContent).join("; ")
      : "none of these measures";
  };
  form.hidden = false;
  input.addEventListener("input", update);
  update();
});

// Search: Material reads the query on keyup, so text that arrives without a key release (pasted
// from a menu, dictated, or committed by some input methods, as Hangul and kana often are) would
// not be searched. Re-announce every change to the field as a keyup; repeats are ignored upstream.
const searchField = document.querySelector("[data-md-component=search-query]");
if (searchField) {
  searchField.addEventListener("input", () => {
    searchField.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
}
