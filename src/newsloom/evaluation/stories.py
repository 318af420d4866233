"""Story and copy figures: B-cubed clustering scores and copy-pair scores, beside the tools a
user would assemble today, measured in the same run.

The comparisons get their best case: MiniLM embeddings (the same lead text newsloom embeds) with
average-link agglomerative clustering at the distance threshold that scores best on the very
set being scored, and MinHash (word 3-shingles, Jaccard) at its best threshold there too.
newsloom's own thresholds were chosen elsewhere (see `training/story_model.py` and
`training/copy_model.py`).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping

import numpy as np

from newsloom.article import Article
from newsloom.evaluation.figures import Figure, f1
from newsloom.evaluation.gold import GoldSet

SECTION = "stories"
#: Floors on held-out sets (the model never trained or chose on them), a little under what
#: was measured when they were set, and above the trivial clusterings of each set.
DEV_F1_FLOOR = 0.96
COPY_F1_FLOOR = 0.85
ECB_F1_FLOOR = 0.82
WCL_F1_FLOOR = 0.80


def bcubed(found: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against the gold."""
    items = [i for i in gold if i in found]
    if not items:
        return 0.0, 0.0, 0.0
    by_found: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_found[found[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        both = len(by_found[found[i]] & by_gold[gold[i]])
        p += both / len(by_found[found[i]])
        r += both / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    return p, r, f1(p, r) or 0.0


def pair_scores(found: set[tuple[str, str]], gold: set[tuple[str, str]]) -> tuple[float, ...]:
    tp = len(found & gold)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, f1(p, r) or 0.0, tp


def group_pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {
        tuple(sorted(pair))  # type: ignore[misc]
        for g in groups
        for pair in itertools.combinations(sorted(set(g)), 2)
    }


def gold_copy_pairs(gold: GoldSet) -> set[tuple[str, str]]:
    pairs = {tuple(sorted((r["a"], r["b"]))) for r in gold.rows.get("duplicates", [])}
    if not pairs:  # a set that labels copy groups on its articles instead
        groups: dict[str, list[str]] = defaultdict(list)
        for a in gold.articles:
            if a.row.get("dup_group"):
                groups[a.row["dup_group"]].append(a.id)
        pairs = group_pairs(groups.values())
    return pairs  # type: ignore[return-value]


def score_stories(gold: GoldSet, articles: dict[str, Article]) -> list[Figure]:
    """Story B-cubed and copy pairs on a gold set whose articles carry a `story` label."""
    labels = {a.id: a.row["story"] for a in gold.articles if a.row.get("story")}
    arts = [articles[i] for i in labels if i in articles]
    if len(arts) < 2:
        return []
    from newsloom.stories import build_stories
    from newsloom.stories.copies import CopySettings, normalised_words, shingles
    from newsloom.stories.signals import embed, lead

    embeddings = embed([lead(a) for a in arts])
    built = build_stories(arts, embeddings=embeddings)
    found = {a: s.id for s in built for a in s.articles}
    figures = _bcubed_figures(found, labels, "newsloom")
    figures += _best_agglomerative(embeddings, [a.id for a in arts], labels)
    gold_pairs = gold_copy_pairs(gold)
    if gold_pairs or gold.has("duplicates"):
        ours = group_pairs(g.articles for s in built for g in s.duplicates)
        figures += _pair_figures(ours, gold_pairs, "newsloom")
        sets = {a.id: shingles(normalised_words(a)) for a in arts}
        figures += _best_minhash(sets, gold_pairs, CopySettings().min_shingles)
    spun = [a.id for a in arts if a.quality.spun_markers]
    flagged = {a for s in built for a in s.spun}
    figures.append(Figure(SECTION, "spun copies flagged", len(flagged & set(spun)),
                          unit="count"))  # fmt: skip
    return figures


def _bcubed_figures(found: Mapping[str, str], labels: Mapping[str, str], system: str,
                    note: str = "") -> list[Figure]:  # fmt: skip
    p, r, f = bcubed(found, labels)
    return [
        Figure(SECTION, f"story B-cubed precision{note}", p, system=system),
        Figure(SECTION, f"story B-cubed recall{note}", r, system=system),
        Figure(SECTION, f"story B-cubed F1{note}", f, system=system),
    ]


def _pair_figures(found: set, gold: set, system: str) -> list[Figure]:
    p, r, f, tp = pair_scores(found, gold)
    return [
        Figure(SECTION, "copy-pair precision", p, tp, len(found), system=system),
        Figure(SECTION, "copy-pair recall", r, tp, len(gold), system=system),
        Figure(SECTION, "copy-pair F1", f, system=system),
    ]


def _best_agglomerative(
    embeddings: np.ndarray, ids: list[str], labels: Mapping[str, str]
) -> list[Figure]:
    from sklearn.cluster import AgglomerativeClustering

    best: tuple[float, float, dict[str, str]] = (-1.0, 0.0, {})
    for t in np.arange(0.1, 1.01, 0.05):
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=float(t)
        )
        assigned = model.fit_predict(embeddings)
        found = {i: str(c) for i, c in zip(ids, assigned, strict=True)}
        f = bcubed(found, labels)[2]
        if f > best[0]:
            best = (f, float(t), found)
    return _bcubed_figures(best[2], labels, f"MiniLM+agglomerative, best t={best[1]:.2f}")


def _best_minhash(sets: dict[str, set[int]], gold: set, min_shingles: int) -> list[Figure]:
    """Copy pairs by Jaccard resemblance at the threshold best for this very set."""
    ids = sorted(i for i, s in sets.items() if len(s) >= min_shingles)
    jaccard = {
        (a, b): len(sets[a] & sets[b]) / len(sets[a] | sets[b])
        for a, b in itertools.combinations(ids, 2)
    }
    best: tuple[float, float, set] = (-1.0, 0.0, set())
    for t in np.arange(0.05, 0.96, 0.05):
        found = {pair for pair, j in jaccard.items() if j >= t}
        f = pair_scores(found, gold)[2]
        if f > best[0]:
            best = (f, float(t), found)
    return _pair_figures(best[2], gold, f"MinHash Jaccard, best t={best[1]:.2f}")


def score_story_set(gold: GoldSet, articles: dict[str, Article], note: str) -> list[Figure]:
    """B-cubed on a clustering-only gold set (ECB+, NewsWCL50), beside the comparison."""
    from newsloom.stories import build_stories
    from newsloom.stories.signals import embed, lead

    labels = {a.id: a.row["story"] for a in gold.articles if a.id in articles}
    arts = [articles[i] for i in labels]
    embeddings = embed([lead(a) for a in arts])
    built = build_stories(arts, embeddings=embeddings)
    found = {a: s.id for s in built for a in s.articles}
    figures = [Figure(SECTION, f"articles{note}", len(arts), unit="count")]
    figures += _bcubed_figures(found, labels, "newsloom", note)
    return figures + [
        Figure(f.section, f.name + note, f.value, system=f.system)
        for f in _best_agglomerative(embeddings, [a.id for a in arts], labels)
    ]
