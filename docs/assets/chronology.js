// Progressive enhancement only: every page works without this script.
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
