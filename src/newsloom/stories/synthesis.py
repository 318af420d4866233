"""One story's synthesis from its articles: title, day, sources, timeline, conflicts, summary,
key quotes. Everything here reads the articles only; nothing is invented or rewritten."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import numpy as np

from newsloom.article import Article, Quote
from newsloom.stories.conflicts import find_conflicts
from newsloom.stories.model import CopyGroup, KeyQuote, Membership, Story
from newsloom.stories.signals import embed, lead, news_day
from newsloom.stories.sources import article_origins, independent
from newsloom.stories.summary import summarise
from newsloom.stories.timeline import build_timeline

#: speakers listed with a key quote
KEY_SPEAKERS = 6


def synthesise(
    story_id: str,
    articles: Sequence[Article],
    groups: Sequence[CopyGroup],
    members: Sequence[Membership] = (),
    vectors: np.ndarray | None = None,
) -> Story:
    """The story of `articles`; `vectors` are their lead embeddings when already computed."""
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    articles = [articles[i] for i in order]
    origins = article_origins(articles, groups)
    vectors = embed([lead(a) for a in articles]) if vectors is None else vectors[order]
    centre = vectors.sum(axis=0)
    closeness = vectors @ (centre / (np.linalg.norm(centre) or 1.0))
    by_closeness = [articles[i] for i in np.argsort(-closeness, kind="stable")]
    days = sorted(d for d in (news_day(a) for a in articles) if d is not None)
    story_day = days[len(days) // 2] if days else None
    copies_of = {a: g.articles[0] for g in groups for a in g.articles}
    conflicts = find_conflicts(articles, origins)
    return Story(
        id=story_id,
        title=_title(by_closeness),
        articles=tuple(a.id for a in articles),
        date=date.fromordinal(story_day).isoformat() if story_day else None,
        independent_sources=independent((a.id for a in articles), origins),
        duplicates=tuple(groups),
        timeline=build_timeline(articles, origins, story_day),
        summary=summarise(by_closeness, origins, conflicts, copies_of),
        conflicts=conflicts,
        quotes=_key_quotes(articles),
        members=tuple(members),
        spun=tuple(a.id for a in articles if a.quality.spun_markers),
    )


def _title(by_closeness: Sequence[Article]) -> str:
    for art in by_closeness:
        if art.title and art.lang in (None, "en"):
            return art.title
    for art in by_closeness:
        if art.title:
            return art.title
    first = by_closeness[0].text.strip().split("\n", 1)[0] if by_closeness else ""
    return first[:120]


def _key_quotes(articles: Sequence[Article]) -> tuple[KeyQuote, ...]:
    """Per speaker, the longest direct quote, with how many articles quote that speaker."""
    by_speaker: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
    for art in articles:
        for q in art.quotes:
            if q.speaker and q.kind == "direct":
                by_speaker[q.speaker.lower()].append((art, q))
    chosen = []
    for quoted in by_speaker.values():
        art, q = max(quoted, key=lambda m: (len(m[1].text), m[0].id))
        chosen.append(
            KeyQuote(
                speaker=q.speaker or "",
                text=q.text,
                article=art.id,
                start=q.start,
                end=q.end,
                via=q.via,
                sources=len({a.id for a, _ in quoted}),
            )
        )
    chosen.sort(key=lambda k: (-k.sources, k.speaker))
    return tuple(chosen[:KEY_SPEAKERS])
