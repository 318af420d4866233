"""Building stories from analysed articles: copies, clustering, synthesis.

`build_stories` is the cross-article step of the data flow (DESIGN.md): copies of one text are
grouped (`copies`), articles are clustered into stories incrementally (`cluster`), and each story
gets its synthesis: a timeline of its events with source counts (`timeline`), the independent
origins behind each claim (`sources`), the points where independent sources disagree
(`conflicts`), an extractive summary whose every sentence cites its articles (`summary`), and
its key quotes. It runs over the store (`Store.build_stories` keeps the result in tables).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from threadpoolctl import threadpool_limits

from newsloom.article import Article
from newsloom.stories.cluster import Clusterer, StoryModel, default_model
from newsloom.stories.copies import CopyPair, CopySettings, find_copy_pairs, group_copies
from newsloom.stories.corpus import corpus_signals
from newsloom.stories.model import CopyGroup, Membership, Story
from newsloom.stories.synthesis import synthesise


def cluster_articles(
    articles: Sequence[Article],
    *,
    model: StoryModel | None = None,
    existing: Mapping[str, Sequence[str]] | None = None,
    embeddings: np.ndarray | None = None,
    copies: Sequence[CopyPair] = (),
) -> Clusterer:
    """Assign every article to a story; `existing` (story id -> article ids, as stored) is kept
    as it is and new articles join those stories or found new ones."""
    sigs, idf = corpus_signals(articles, embeddings)
    links: dict[str, set[str]] = {}
    for pair in copies:
        links.setdefault(pair.a, set()).add(pair.b)
        links.setdefault(pair.b, set()).add(pair.a)
    clusterer = Clusterer(model or default_model(), idf, links)
    by_id = {s.id: s for s in sigs}
    placed: set[str] = set()
    for story, members in (existing or {}).items():
        known = [by_id[m] for m in members if m in by_id]
        if known:
            clusterer.restore(story, known)
            placed.update(m.id for m in known)
    # Clustering multiplies many small matrices: BLAS threads cost more to wake than they save
    # (benchmarks/stories_scale.py runs faster single-threaded on this 2-core machine).
    with threadpool_limits(limits=1, user_api="blas"):
        clusterer.add([s for s in sigs if s.id not in placed])
    return clusterer


def build_stories(
    articles: Sequence[Article],
    *,
    model: StoryModel | None = None,
    existing: Mapping[str, Sequence[str]] | None = None,
    copy_settings: CopySettings | None = None,
    embeddings: np.ndarray | None = None,
) -> list[Story]:
    """Stories over `articles`, newest first, each with its copies and synthesis
    (`embeddings`: their lead vectors, when already computed)."""
    from newsloom.stories.signals import embed, lead

    pairs = find_copy_pairs(articles, copy_settings or CopySettings())
    vectors = embed([lead(a) for a in articles]) if embeddings is None else embeddings
    clusterer = cluster_articles(
        articles, model=model, existing=existing, copies=pairs, embeddings=vectors
    )
    stories = synthesise_clusters(
        clusterer.clusters(),
        {a.id: a for a in articles},
        pairs,
        clusterer.why,
        {a.id: vectors[i] for i, a in enumerate(articles)},
    )
    return sorted(stories, key=lambda s: (s.date or "", s.id), reverse=True)


def synthesise_clusters(
    clusters: Mapping[str, Sequence[str]],
    by_id: Mapping[str, Article],
    pairs: Sequence[CopyPair],
    why: Mapping[str, Membership],
    vectors: Mapping[str, np.ndarray],
) -> list[Story]:
    """The synthesis of each cluster (story id -> member ids), with its copy groups, the
    reasons its members joined and their lead vectors."""
    groups = story_copy_groups(clusters, by_id, pairs)
    stories = []
    for sid, members in clusters.items():
        stories.append(
            synthesise(
                sid,
                [by_id[m] for m in members],
                groups.get(sid, []),
                [why[m] for m in members if m in why],
                np.stack([vectors[m] for m in members]),
            )
        )
    return stories


def story_copy_groups(
    clusters: Mapping[str, Sequence[str]],
    by_id: Mapping[str, Article],
    pairs: Sequence[CopyPair],
) -> dict[str, list[CopyGroup]]:
    """Each story's copy groups, made of the copy pairs inside it only. A text re-used by
    other news (a background paragraph, a template) links articles of different stories; a
    group is the copies of one text within one story's news, never a chain across stories."""
    story_of = {m: sid for sid, members in clusters.items() for m in members}
    inside: dict[str, list[CopyPair]] = {}
    for p in pairs:
        sid = story_of.get(p.a)
        if sid is not None and sid == story_of.get(p.b):
            inside.setdefault(sid, []).append(p)
    return {
        sid: group_copies([by_id[m] for m in clusters[sid]], story_pairs)
        for sid, story_pairs in inside.items()
    }
