// newsloom's only script, served from the package (the pages work without it).
// A tap on a citation opens its excerpt the first time and follows the link the second time
// (touch screens have no hover); Escape closes open excerpts; the cited sentence of an article
// is scrolled into view.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const cited = document.getElementById("cited");
  if (cited) cited.scrollIntoView({ block: "center" });
  for (const link of document.querySelectorAll(".cite-link")) {
    link.addEventListener("click", (event) => {
      const box = link.parentElement;
      if (window.matchMedia("(hover: none)").matches && !box.classList.contains("open")) {
        event.preventDefault();
        for (const other of document.querySelectorAll(".cite.open")) other.classList.remove("open");
        box.classList.add("open");
      }
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const box of document.querySelectorAll(".cite.open")) box.classList.remove("open");
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
});
