"""What the web pages show, built from the store's objects (the templates only lay it out).

A citation on a page is an article id with the offsets of the cited characters; `Cite` adds
what a reader needs to check it without leaving the page (the outlet, the title, the cited
words with a little of what surrounds them) and the link to those characters in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from newsloom.errors import Msg, NotFound
from newsloom.serve import charts
from newsloom.serve.highlight import article_spans, pieces
from newsloom.store import Store

#: characters of context shown on each side of a cited span
CONTEXT = 90


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) with a host, else None: a scraped `javascript:` or `data:`
    link is shown as text, never as a link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def id_path(value: str) -> str:
    """An id as one URL path segment (ids from a feed may hold '/', '?' or '#')."""
    return quote(value, safe="")


@dataclass(frozen=True)
class Cite:
    n: int
    article: str
    start: int
    end: int
    outlet: str
    title: str
    before: str
    cited: str
    after: str

    @property
    def href(self) -> str:
        return f"/articles/{id_path(self.article)}?start={self.start}&end={self.end}#cited"


class Citer:
    """Numbers cited articles in order of first citation ([1], [2], ...) and cuts excerpts."""

    def __init__(self, cards: dict[str, dict[str, Any]]) -> None:
        self.cards = cards
        self.numbers: dict[str, int] = {}

    def __call__(self, article: str, start: int, end: int) -> Cite:
        n = self.numbers.setdefault(article, len(self.numbers) + 1)
        card = self.cards.get(article) or {}
        text = card.get("text") or ""
        lo, hi = max(0, start), min(len(text), end)
        before = text[max(0, lo - CONTEXT) : lo]
        after = text[hi : hi + CONTEXT]
        return Cite(
            n, article, start, end, card.get("outlet") or "unknown outlet",
            card.get("title") or article,
            ("…" + before.lstrip()) if lo > CONTEXT else before,
            text[lo:hi], (after.rstrip() + "…") if hi + CONTEXT < len(text) else after,
        )  # fmt: skip


def story_page(store: Store, story_id: str) -> dict[str, Any]:
    """Everything the story page shows."""
    found = store.stories([story_id])
    if not found:
        raise NotFound(Msg.NO_STORY.format(id=story_id, path=store.path))
    story = found[0]
    cards = store.texts(story.articles)
    cite = Citer(cards)
    summary = [
        {"sentence": s.sentence, "disputed": s.disputed,
         "independent_sources": s.independent_sources,
         "cites": _unique(cite(c.article, c.start, c.end) for c in s.evidence)}
        for s in story.summary
    ]  # fmt: skip
    timeline = [
        {"n": i + 1, "date": t.date, "event": t.event, "cameo": t.cameo,
         "sources": len(t.sources), "independent_sources": t.independent_sources,
         "background": t.background,
         "cites": _unique(cite(c.article, c.start, c.end) for c in t.evidence)}
        for i, t in enumerate(story.timeline)
    ]  # fmt: skip
    speakers: dict[str, list[dict[str, Any]]] = {}
    for q in story.quotes:
        speakers.setdefault(q.speaker, []).append(
            {"text": q.text, "via": q.via, "sources": q.sources,
             "cite": cite(q.article, q.start, q.end)}
        )  # fmt: skip
    conflicts = [
        {"about": c.about, "kind": c.kind,
         "claims": [{"text": x.text, "value": x.value, "cite": cite(x.article, x.start, x.end)}
                    for x in c.claims]}
        for c in story.conflicts
    ]  # fmt: skip
    return {
        "story": story,
        "summary": summary,
        "timeline": timeline,
        "timeline_chart": charts.timeline(timeline),
        "network": charts.network(_links(story)),
        "speakers": sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0])),
        "conflicts": conflicts,
        "sources": _sources(story, cards),
        "origins": _origins(story, cards),
    }


def _unique(cites: Iterable[Cite]) -> list[Cite]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in cites:
        if (c.article, c.start, c.end) not in seen:
            seen.add((c.article, c.start, c.end))
            out.append(c)
    return out


def _links(story: Any) -> list[tuple[str, str, str, str]]:
    """Who acted on whom (timeline events) and who spoke about whom (a quote that names
    another actor of the story)."""
    links = [(t.actor, t.target, "acts", f"{t.event} [{t.cameo}]") for t in story.timeline
             if t.actor and t.target]  # fmt: skip
    actors = {name for a, b, _, _ in links for name in (a, b)} | {q.speaker for q in story.quotes}
    words = {name: re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE) for name in actors}
    for q in story.quotes:
        for name, pattern in words.items():
            if name != q.speaker and pattern.search(q.text):
                links.append((q.speaker, name, "speaks", f"“{q.text[:80]}”"))
    return links


def _sources(story: Any, cards: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per article: outlet, title, date, its copy group and whether it is spun."""
    groups = {a: (i + 1, g) for i, g in enumerate(story.duplicates) for a in g.articles}
    how = {m.article: m for m in story.members}
    rows = []
    for art in story.articles:
        card = cards.get(art, {})
        group = groups.get(art)
        rows.append({
            "id": art, "outlet": card.get("outlet"), "title": card.get("title") or art,
            "published": card.get("published"), "url": safe_url(card.get("url")),
            "group": group[0] if group else None,
            "origin": group[1].origin if group else None,
            "origin_basis": group[1].origin_basis if group else None,
            "spun": art in story.spun,
            "how": how[art].how if art in how else None,
        })  # fmt: skip
    return sorted(rows, key=lambda r: (r["published"] or "9999", r["id"]))


def _origins(story: Any, cards: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The distinct origins: a copy group counts once (its origin), any other article once."""
    grouped = {a for g in story.duplicates for a in g.articles}
    out = [{"origin": g.origin, "basis": g.origin_basis, "copies": len(g.articles)}
           for g in story.duplicates]  # fmt: skip
    for art in story.articles:
        if art not in grouped:
            card = cards.get(art, {})
            name = card.get("outlet") or f"unknown outlet: {card.get('title') or art}"
            out.append({"origin": name, "basis": "own text", "copies": 1})
    return out


def article_page(
    store: Store, article_id: str, cited: tuple[int, int] | None
) -> dict[str, Any]:
    """Everything the article page shows: the text cut into highlighted pieces, the lists."""
    article = store.get(article_id)
    if article is None:
        raise NotFound(Msg.NO_ARTICLE.format(id=article_id, path=store.path))
    story_id = store.story_of(article_id)
    story = store.story_list(ids=[story_id])[0] if story_id else None
    return {
        "article": article,
        "url": safe_url(article.url),
        "pieces": pieces(article.text, article_spans(article), cited),
        "story": story,
        "cited": cited,
    }
