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

// The "Add articles" form: POST the text or file to the API, then follow the job's progress.
const TYPES = { txt: "text/plain", html: "text/html", htm: "text/html", jsonl: "application/x-ndjson" };

function say(text) {
  document.getElementById("progress-text").textContent = text;
}

async function follow(jobUrl) {
  const bar = document.getElementById("progress");
  for (;;) {
    const job = await (await fetch(jobUrl)).json();
    bar.max = Math.max(job.total, 1);
    bar.value = job.read;
    if (job.state === "done") {
      const r = job.report;
      const rejected = Object.values(r.rejected).reduce((a, b) => a + b, 0);
      say(`${r.ingested} ingested, ${r.already_present} already present, ${rejected} rejected`
          + (r.rejections.length ? `: ${r.rejections.map((x) => x.message).join("; ")}` : ""));
      const list = document.getElementById("progress-stories");
      for (const id of job.stories) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `/stories/${encodeURIComponent(id)}`;
        link.textContent = `story ${id}`;
        item.append(link);
        list.append(item);
      }
      bar.value = bar.max;
      return;
    }
    if (job.state === "failed") {
      say(`failed: ${job.error.message}`);
      return;
    }
    say(`${job.state}: ${job.read} of ${job.total} documents read`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("add-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    const body = file || form.elements.text.value;
    const kind = file
      ? TYPES[file.name.split(".").pop().toLowerCase()] || "text/plain"
      : (/^\s*</.test(body) ? "text/html" : "text/plain");
    const params = new URLSearchParams();
    for (const name of ["published", "outlet"]) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    }
    const headers = { "content-type": kind };
    if (form.elements.token && form.elements.token.value) {
      headers.authorization = `Bearer ${form.elements.token.value}`;
    }
    document.getElementById("progress-box").hidden = false;
    say("sending…");
    const answer = await fetch(`/api/articles?${params}`, { method: "POST", headers, body });
    const data = await answer.json();
    if (!answer.ok) {
      say(`refused: ${data.error.message}`);
      return;
    }
    await follow(`/api/jobs/${encodeURIComponent(data.id)}`);
  });
});
