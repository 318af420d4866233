"""Train the story clustering model: `python training/story_model.py [--shared ../shared]`.

Data and splits (by topic, never by article):

* train: ECB+ topics whose number is 0 mod 3 (each topic: two different events of one kind,
  so the hard negatives are plentiful) and the bundled demo corpus (the only training set with
  publication dates, so the only one that teaches the day-gap features);
* choose: ECB+ topics 1 mod 3: the join threshold is the one with the best B-cubed F1 there;
* report: ECB+ topics 2 mod 3, the newsloom dev set and NewsWCL50 are never read here
  (`newsloom eval` reports on them).

`--read-chars N` reads N characters of each text for words and entities instead of
`signals.READ_CHARS`: that constant is the value whose printed choose F1 was best among 1500,
2000, 3000, 5000 and the whole text (use `--out` to keep the shipped model).

For every article of a training corpus and each of the stories nearest to it by embedding (as
at run time), the features of the article against the story's other members are one row,
labelled by whether the gold puts the article in that story. A logistic regression over those
rows is the model; it is written to `src/newsloom/resources/story_model.json` with its splits.

A second regression, over the same rows but only what is language-neutral (`NEUTRAL_FEATURES`:
name stems and day gaps), scores a pair of texts in two languages at run time. The training sets
are English, so it learns how far names and days alone tell stories apart; across languages
some names are written differently ("Cataluña", "Catalonia"), which can only lower the overlap,
so the weights err towards keeping such articles apart. Its own threshold is chosen on the choose
split clustered by these weights alone (every article as if in a language of its own), and its
bias is shifted so that this threshold lines up with the main one (one threshold at run time).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsloom.evaluation.gold import GoldSet, load_gold
from newsloom.evaluation.runner import gold_document
from newsloom.evaluation.stories import bcubed
from newsloom.evaluation.story_gold import load_ecbplus
from newsloom.pipeline import DEFAULT_STAGES, Pipeline
from newsloom.settings import DEFAULT_SETTINGS
from newsloom.stories.cluster import (
    CANDIDATES,
    FEATURES,
    NEUTRAL_FEATURES,
    Clusterer,
    StoryModel,
    _Story,
    compatible,
)
from newsloom.stories.corpus import corpus_signals

OUT = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "resources" / "story_model.json"


def analysed(gold: GoldSet, keep: set[str] | None = None):
    pipeline = Pipeline(DEFAULT_STAGES, DEFAULT_SETTINGS)
    docs = [gold_document(a) for a in gold.articles if keep is None or a.id in keep]
    arts = [r for r in pipeline.map(iter(docs)) if hasattr(r, "text")]
    labels = {a.id: a.row["story"] for a in gold.articles}
    return [replace(a, parse=None, people=None) for a in arts], labels


def ecb_split(gold: GoldSet, remainder: int) -> set[str]:
    return {a.id for a in gold.articles if int(a.row["topic"]) % 3 == remainder}


def feature_rows(articles, labels) -> tuple[list[list[float]], list[list[float]], list[int]]:
    """Rows of `FEATURES` and of `NEUTRAL_FEATURES` (one pair each), and their labels."""
    sigs, idf = corpus_signals(articles, names=True)
    by_story = defaultdict(list)
    for s in sigs:
        by_story[labels[s.id]].append(s)
    x, neutral, y = [], [], []
    for sig in sigs:
        clusterer = Clusterer(StoryModel(dict.fromkeys(FEATURES, 0.0), 0.0), idf)
        for story, members in by_story.items():
            others = [m for m in members if m.id != sig.id]
            if others:
                clusterer.restore(story, others)
        centres = np.stack([s.centre / np.linalg.norm(s.centre) for s in clusterer.stories])
        near = [clusterer.stories[int(i)] for i in np.argsort(-(centres @ sig.embedding))]
        for story in [s for s in near if compatible(sig, s)][:CANDIDATES]:
            f = clusterer.features(sig, story)
            f["names"] = clusterer.name_overlap(_Story.of(sig), story)
            x.append([f[k] for k in FEATURES])
            neutral.append([f[k] for k in NEUTRAL_FEATURES])
            y.append(int(story.id == labels[sig.id]))
    return x, neutral, y


def fit_model(x: list[list[float]], neutral: list[list[float]], y: list[int]) -> StoryModel:
    """The two logistic regressions over the rows."""
    fit = LogisticRegression(C=1.0, max_iter=1000).fit(np.array(x), np.array(y))
    weights = {k: round(float(w), 4) for k, w in zip(FEATURES, fit.coef_[0], strict=True)}
    fit_n = LogisticRegression(C=1.0, max_iter=1000).fit(np.array(neutral), np.array(y))
    weights_n = {k: round(float(w), 4) for k, w in zip(NEUTRAL_FEATURES, fit_n.coef_[0],
                                                         strict=True)}  # fmt: skip
    model = StoryModel(weights, round(float(fit.intercept_[0]), 4), neutral=weights_n,
                       neutral_bias=round(float(fit_n.intercept_[0]), 4))  # fmt: skip
    print(f"train rows {len(y)} ({sum(y)} positive); weights {weights} bias {model.bias}; "
          f"neutral {weights_n} bias {model.neutral_bias}")  # fmt: skip
    return model


def cluster(signals, model: StoryModel) -> dict[str, str]:
    """Story of each article, from signals computed once (`corpus_signals`)."""
    sigs, idf = signals
    clusterer = Clusterer(model, idf)
    clusterer.add(sigs)
    return clusterer.by_article


def choose_threshold(signals, model: StoryModel, labels, name: str) -> dict[float, float]:
    """B-cubed F1 on the choose split at each candidate threshold."""
    scores = {}
    for threshold in np.round(np.arange(0.02, 0.51, 0.02), 2):
        model.threshold = float(threshold)
        found = cluster(signals, model)
        scores[float(threshold)] = bcubed(found, {s.id: labels[s.id] for s in signals[0]})[2]
        print(f"{name}: threshold {threshold:.2f} B-cubed F1 {scores[float(threshold)]:.3f}")
    return scores


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--read-chars", type=int, default=None)
    args = parser.parse_args(argv)
    if args.read_chars:
        import newsloom.stories.signals

        newsloom.stories.signals.READ_CHARS = args.read_chars
    import newsloom.demo

    ecb = load_ecbplus(args.shared / "data" / "ecbplus")
    train_sets = [analysed(ecb, ecb_split(ecb, 0)), analysed(load_gold(newsloom.demo.gold_path()))]
    x, xn, y = [], [], []
    for articles, labels in train_sets:
        fx, fn, fy = feature_rows(articles, labels)
        x += fx
        xn += fn
        y += fy
    model = fit_model(x, xn, y)

    choose_articles, choose_labels = analysed(ecb, ecb_split(ecb, 1))
    sigs, idf = corpus_signals(choose_articles, names=True)
    scores = choose_threshold((sigs, idf), model, choose_labels, "choose")
    model.threshold = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
    # the neutral weights alone: every article as if in a language of its own
    alone = [replace(s, lang=s.id) for s in sigs]
    neutral_scores = choose_threshold((alone, idf), model, choose_labels, "choose neutral")
    neutral_threshold = max(neutral_scores, key=lambda t: (neutral_scores[t], -abs(t - 0.5)))
    model.threshold = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
    model.neutral_bias = round(model.neutral_bias + _logit(model.threshold)
                               - _logit(neutral_threshold), 4)  # fmt: skip
    model.meta = {
        "trained_by": "training/story_model.py",
        "train": "ECB+ topics 0 mod 3; newsloom demo corpus",
        "choose": "ECB+ topics 1 mod 3 (threshold by B-cubed F1)",
        "neutral": ("the same rows over names, dated, gap_weeks, for pairs mostly in two "
                    "languages; its threshold chosen on the choose split, its bias shifted onto "
                    "the main threshold"),
        "report": "ECB+ topics 2 mod 3; newsloom-dev; NewsWCL50 (never read in training)",
        "train_rows": len(y),
        "choose_bcubed_f1": round(scores[model.threshold], 4),
        "neutral_threshold": neutral_threshold,
        "neutral_choose_bcubed_f1": round(neutral_scores[neutral_threshold], 4),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"threshold {model.threshold} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
