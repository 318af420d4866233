"""Stories over the store: place new articles, re-synthesise the stories that changed.

Stored memberships are kept: an article never moves once placed, so story ids (derived from each
story's founding article) stay stable as the corpus grows. New articles join stored stories or
found new ones; only stories whose members changed are synthesised again and rewritten, in one
transaction. Embeddings are stored per article, so each article is embedded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from newsloom.stories.build import cluster_articles, synthesise_clusters
from newsloom.stories.copies import CopySettings, find_copy_pairs
from newsloom.stories.signals import embed, lead


@dataclass(frozen=True, slots=True)
class StoriesReport:
    stories: int
    changed: int
    placed: int

    def summary(self) -> str:
        return (
            f"{self.stories} stories ({self.changed} new or updated, "
            f"{self.placed} articles placed)"
        )


def refresh_stories(store: Any, copy_settings: CopySettings | None = None) -> StoriesReport:
    """Bring the store's stories up to date with its articles (a writable `Store`)."""
    articles = list(store.iter_articles())
    ids = [a.id for a in articles]
    present = set(ids)
    memberships = store.story_memberships()
    stored = {
        sid: [m for m in members if m in present] for sid, members in memberships.items()
    }
    stored = {sid: m for sid, m in stored.items() if m}
    cached = store.article_vectors(ids)
    missing = [a for a in articles if a.id not in cached]
    if missing:
        fresh = embed([lead(a) for a in missing])
        store.write_vectors([a.id for a in missing], fresh)
        cached.update({a.id: fresh[i] for i, a in enumerate(missing)})
    matrix = np.stack([cached[i] for i in ids]) if ids else None
    pairs = find_copy_pairs(articles, copy_settings or CopySettings())
    clusterer = cluster_articles(articles, existing=stored, embeddings=matrix, copies=pairs)
    clusters = {
        sid: members
        for sid, members in clusterer.clusters().items()
        if sorted(members) != sorted(stored.get(sid, []))
    }
    old_why = {m.article: m for s in store.stories([i for i in clusters if i in stored])
               for m in s.members}  # fmt: skip
    changed = synthesise_clusters(
        clusters,
        {a.id: a for a in articles},
        pairs,
        {**old_why, **clusterer.why},
        cached,
    )
    dropped = set(memberships) - set(clusterer.clusters())
    store.write_stories(changed, drop=dropped)
    placed = sum(1 for a in ids if a in clusterer.why)
    return StoriesReport(len(clusterer.clusters()), len(changed), placed)

