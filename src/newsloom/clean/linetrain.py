"""Fitting the boilerplate line model (used by training/ and by `newsloom eval`).

The trees learn from word-model logits the word model did not see the labels of: the word
model is fitted on folds of sites and scores the other fold (out-of-fold), so the trees learn
how much to trust it on unseen templates. Long pages (a forum thread of a thousand lines) are
weighed down so that a few templates do not teach the whole model. The threshold is chosen on
a separate set of sites. The meaning regression on each short line's vector (`linemeaning`)
is learned the same way: out of fold for the trees' columns, on all pages for the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression, SGDClassifier

from newsloom.clean.linecontext import page_features
from newsloom.clean.linehtml import Block
from newsloom.clean.linemeaning import MAX_WORDS, meaning_columns, short_lines, unit_vectors
from newsloom.clean.linemodel import LineModel, rules_read, stage1_matrix
from newsloom.clean.linestack import stack_columns
from newsloom.clean.trees import Forest
from newsloom.hashing import stable_hash

__all__ = [
    "TrainingPage",
    "calibrate",
    "calibrate_extracted",
    "choose_threshold",
    "fit",
    "line_scores",
    "line_weights",
    "removed_at_kept",
    "site_folds",
]

FOLDS = 3
SEED = 9
ALPHA = 1e-5
#: Pages longer than this many lines weigh as if they had sqrt(PAGE_LINES * n) lines.
PAGE_LINES = 100
#: Small trees with large leaves: they carry across sites better (on the choose sites, 15 leaves
#: of at least 100 lines removed 0.619 of furniture at 0.97 of article lines kept, 31 leaves of
#: 40 lines 0.605).
TREES = {
    "max_iter": 200,
    "learning_rate": 0.1,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 100,
    "l2_regularization": 1.0,
    "random_state": SEED,
}


@dataclass(frozen=True, slots=True)
class TrainingPage:
    """A page's lines with labels (True: article text) and the site it comes from."""

    site: str
    lines: tuple[str, ...]
    labels: tuple[bool, ...]
    weight: float = 1.0
    #: the markup around each line, for a model learned with markup (`linehtml.Block`)
    blocks: tuple[Block, ...] | None = None


def _matrices(
    pages: Sequence[TrainingPage], markup: bool, reads_rules: bool = True
) -> tuple[list[sparse.csr_matrix], list[list[str | None]]]:
    rules = [rules_read(p.lines, reads_rules) for p in pages]
    xs = [stage1_matrix(p.lines, r, _blocks(p, markup)) for p, r in zip(pages, rules, strict=True)]
    return xs, rules


def _blocks(page: TrainingPage, markup: bool) -> tuple[Block, ...] | None:
    """The page's markup when the model learns with it (every page must have it then)."""
    if not markup:
        return None
    if page.blocks is None:
        raise ValueError(f"a page of {page.site} has no markup to learn from")
    return page.blocks


def _fit_stage1(
    xs: list[sparse.csr_matrix], ys: list[np.ndarray], ws: list[np.ndarray]
) -> SGDClassifier:
    # logistic loss by SGD: as good as liblinear here, ten times faster (eval trains in its run)
    model = SGDClassifier(loss="log_loss", alpha=ALPHA, random_state=SEED)
    model.fit(sparse.vstack(xs, format="csr"), np.concatenate(ys), sample_weight=np.concatenate(ws))
    return model


def line_weights(pages: Sequence[TrainingPage]) -> list[np.ndarray]:
    """Each line's training weight: its page's, shared out so that a page longer than
    `PAGE_LINES` weighs as if it had sqrt(PAGE_LINES * n) lines."""
    return [
        np.full(len(p.lines), p.weight * min(1.0, np.sqrt(PAGE_LINES / len(p.lines))))
        for p in pages
    ]


def site_folds(pages: Sequence[TrainingPage]) -> list[int]:
    """The fold of each page, by a seeded hash of its site (a site's template in one fold)."""
    return [int(stable_hash(p.site, size=8), 16) % FOLDS for p in pages]


#: Lines embedded per call while learning (the gathered piece vectors of a call stay small).
_EMBED_CHUNK = 4096


class _Meanings:
    """The unit vector of every distinct short line of the pages, computed once, and the row
    of each page's lines among them (-1: a long line, or one without word pieces)."""

    def __init__(self, pages: Sequence[TrainingPage], max_words: int) -> None:
        short = sorted(
            {
                x
                for p in pages
                for x, s in zip(p.lines, short_lines(p.lines, max_words), strict=True)
                if s
            }
        )
        parts = [
            unit_vectors(short[i : i + _EMBED_CHUNK]) for i in range(0, len(short), _EMBED_CHUNK)
        ]
        self.vecs = np.vstack(parts) if parts else unit_vectors([])
        ok = ~np.isnan(self.vecs[:, 0])
        row = {x: i for i, x in enumerate(short) if ok[i]}
        self.rows = [np.array([row.get(x, -1) for x in p.lines], dtype=np.intp) for p in pages]

    def fit(self, at: Sequence[int], ys: list[np.ndarray], ws: list[np.ndarray]) -> np.ndarray:
        """The regression (furniture logit) on the short lines of pages `at`: its weights and
        bias; zero weights when those lines are all of one class (nothing to tell apart)."""
        rows = np.concatenate([self.rows[i] for i in at])
        y, w = np.concatenate([ys[i] for i in at]), np.concatenate([ws[i] for i in at])
        keep = rows >= 0
        if len(np.unique(y[keep])) < 2:
            return np.zeros(self.vecs.shape[1] + 1)
        lr = LogisticRegression(max_iter=500).fit(self.vecs[rows[keep]], y[keep], w[keep])
        return np.append(lr.coef_[0], lr.intercept_[0]).astype(np.float64)

    def logit(self, meaning: np.ndarray, page: int) -> np.ndarray:
        """The logit of each line of page `page` by `meaning` (NaN where it has no vector)."""
        rows = self.rows[page]
        out = np.full(len(rows), np.nan)
        keep = rows >= 0
        if keep.any():
            out[keep] = self.vecs[rows[keep]] @ meaning[:-1] + meaning[-1]
        return out


def fit(
    pages: Sequence[TrainingPage],
    threshold: float = 0.5,
    *,
    markup: bool = False,
    reads_rules: bool = True,
    meaning_words: int | None = MAX_WORDS,
    stack: bool = False,
    doubt: float | None = None,
) -> LineModel:
    """Both stages on `pages` (labels: True is article; the model scores furniture);
    `markup`: learn from the markup around the lines too (every page must have it);
    `reads_rules`: learn with the hand rules' verdicts among the features;
    `meaning_words`: learn the meaning regression on the lines under this many words and give
    the trees its columns (`linemeaning`); None: without them;
    `stack`: learn a second stage of trees on the first trees' out-of-fold verdicts around
    each line (`linestack`);
    `doubt`: leave out of the trees' learning the lines whose own label the trees, fitted on
    the other folds of sites, give a probability under this (confident learning: gold that
    holds a table of place names or a copyright line as article text teaches the trees that
    menus may be article)."""
    pages = [p for p in pages if p.lines]
    peers = markup and _with_peers(pages)
    xs, rules = _matrices(pages, markup, reads_rules)
    ys = [1 - np.asarray(p.labels, dtype=int) for p in pages]
    ws = line_weights(pages)
    fold = site_folds(pages)
    meanings = None if meaning_words is None else _Meanings(pages, meaning_words)
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    extra = [np.zeros((len(p.lines), 0)) for p in pages]
    for k in range(FOLDS):
        inside = [i for i, f in enumerate(fold) if f != k]
        model = _fit_stage1(
            [xs[i] for i in inside], [ys[i] for i in inside], [ws[i] for i in inside]
        )
        part = None if meanings is None else meanings.fit(inside, ys, ws)
        for i, f in enumerate(fold):
            if f == k:
                oof[i] = model.decision_function(xs[i])
                if meanings is not None and part is not None:
                    extra[i] = meaning_columns(meanings.logit(part, i))
    final = _fit_stage1(xs, ys, ws)
    meaning = None if meanings is None else meanings.fit(range(len(pages)), ys, ws)
    features = [
        np.hstack([page_features(p.lines, r, s, blocks=_blocks(p, markup)), e])
        for p, r, s, e in zip(pages, rules, oof, extra, strict=True)
    ]
    if doubt is not None:
        prob = _cross_fitted(features, ys, ws, fold)
        ws = [
            w * (np.where(y == 1, p, 1.0 - p) >= doubt)
            for w, y, p in zip(ws, ys, prob, strict=True)
        ]
    trees = _fit_trees(features, ys, ws)
    second = _fit_stack(features, ys, ws, fold) if stack else None
    return LineModel(
        w1=final.coef_[0].astype(np.float64),
        b1=float(final.intercept_[0]),
        forest=Forest.from_sklearn(trees),
        stack=None if second is None else Forest.from_sklearn(second),
        threshold=threshold,
        rule_threshold=threshold,
        markup=markup,
        peers=peers,
        reads_rules=reads_rules,
        meaning=meaning,
        meaning_words=MAX_WORDS if meaning_words is None else meaning_words,
    )


def _fit_trees(
    features: Sequence[np.ndarray], ys: Sequence[np.ndarray], ws: Sequence[np.ndarray]
) -> HistGradientBoostingClassifier:
    trees = HistGradientBoostingClassifier(**TREES)
    trees.fit(np.vstack(features), np.concatenate(ys), sample_weight=np.concatenate(ws))
    return trees


def _fit_stack(
    features: Sequence[np.ndarray],
    ys: Sequence[np.ndarray],
    ws: Sequence[np.ndarray],
    fold: Sequence[int],
) -> HistGradientBoostingClassifier:
    """The second stage (`linestack`): first trees fitted on the other folds of sites give
    each page its probabilities (cross-fitted, as the word model's logits are), and the
    second trees learn from the first stage's columns and the windowed probabilities."""
    prob = _cross_fitted(features, ys, ws, fold)
    stacked = [np.hstack([x, stack_columns(p)]) for x, p in zip(features, prob, strict=True)]
    return _fit_trees(stacked, ys, ws)


def _cross_fitted(
    features: Sequence[np.ndarray],
    ys: Sequence[np.ndarray],
    ws: Sequence[np.ndarray],
    fold: Sequence[int],
) -> list[np.ndarray]:
    """Each page's furniture probabilities by trees fitted on the other folds of sites."""
    prob: list[np.ndarray] = [np.zeros(0)] * len(features)
    for k in range(FOLDS):
        inside = [i for i, f in enumerate(fold) if f != k]
        part = _fit_trees(
            [features[i] for i in inside], [ys[i] for i in inside], [ws[i] for i in inside]
        )
        for i, f in enumerate(fold):
            if f == k:
                prob[i] = part.predict_proba(features[i])[:, 1]
    return prob


def _with_peers(pages: Sequence[TrainingPage]) -> bool:
    """Do the pages' lines carry the extractors' verdicts (all of them or none)?"""
    carry = {bool(p.blocks and p.blocks[0].peers) for p in pages}
    if len(carry) > 1:
        raise ValueError("some pages carry the extractors' verdicts and some do not")
    return carry == {True}


def line_scores(
    model: LineModel, pages: Sequence[TrainingPage], *, extracted: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Furniture probabilities of every line of `pages`, whether each is article text, and
    whether a hand rule fired on it (never, for a model that does not read the rules)."""
    probs, labels, fired = [], [], []
    for p in pages:
        if not p.lines:
            continue
        rules = rules_read(p.lines, model.reads_rules)
        blocks = _blocks(p, model.markup)
        probs.append(model.score(p.lines, rules, extracted=extracted, blocks=blocks).prob)
        labels.append(np.asarray(p.labels, dtype=bool))
        fired.append(np.array([r is not None for r in rules]))
    return np.concatenate(probs), np.concatenate(labels), np.concatenate(fired)


def choose_threshold(probs: np.ndarray, article: np.ndarray, kept_floor: float) -> float:
    """The lowest threshold that still keeps `kept_floor` of the article lines: it removes the
    most furniture at that level of kept text."""
    body = np.sort(probs[article])
    if not len(body):
        return 0.5
    at = int(np.ceil(kept_floor * len(body))) - 1
    return float(np.nextafter(body[min(at, len(body) - 1)], 1.0))


def removed_at_kept(probs: np.ndarray, article: np.ndarray, kept_floor: float) -> float:
    """The share of furniture lines removed at the threshold that keeps `kept_floor` of the
    article lines (`choose_threshold`): how a model's curve is compared at one level."""
    gone = probs >= choose_threshold(probs, article, kept_floor)
    furniture = ~article
    return float((gone & furniture).sum() / max(int(furniture.sum()), 1))


def choose_precise(probs: np.ndarray, article: np.ndarray, precision: float) -> float:
    """The lowest threshold above which at least `precision` of the lines are furniture."""
    order = np.argsort(-probs)
    furniture = np.cumsum(~article[order]) / np.arange(1, len(order) + 1)
    good = np.nonzero(furniture >= precision)[0]
    return float(probs[order][good[-1]]) if len(good) else 1.0


def calibrate(
    model: LineModel,
    pages: Sequence[TrainingPage],
    kept_floor: float,
    precision: float | None,
) -> LineModel:
    """Thresholds chosen on `pages` (sites the model was not fitted to): lines a hand rule
    fired on go when, at their probability, `precision` of such lines are furniture; the
    other lines go above the probability that still keeps `kept_floor` of all article lines.
    With `precision` None, one threshold for all lines keeps `kept_floor` of them (the markup
    model: the rules' verdicts are among its cues, and a threshold of their own for the lines
    they fire on costs it more article lines than it takes furniture)."""
    scores = line_scores(model, pages)
    if precision is None:
        probs, article, _ = scores
        one = choose_threshold(probs, article, kept_floor)
        return replace(model, threshold=one, rule_threshold=one)
    plain, ruled = _thresholds(scores, kept_floor, precision)
    return replace(model, threshold=plain, rule_threshold=ruled)


def calibrate_extracted(
    model: LineModel, pages: Sequence[TrainingPage], kept_floor: float, precision: float
) -> LineModel:
    """The thresholds for text an extractor already cleaned, chosen the same way on its
    output for held-out sites (`pages`: the extractor's lines, labelled by the gold)."""
    return replace(model, extracted=_thresholds(line_scores(model, pages), kept_floor, precision))


def _thresholds(
    scores: tuple[np.ndarray, np.ndarray, np.ndarray], kept_floor: float, precision: float
) -> tuple[float, float]:
    """The (plain, ruled) pair: ruled lines go at `precision`, and the plain threshold keeps
    what is left to keep of `kept_floor` of *all* article lines (the article lines a rule
    fired on and the threshold removes count against it)."""
    probs, article, fired = scores
    ruled = choose_precise(probs[fired], article[fired], precision)
    plain = 1.0
    body = int(article.sum())
    plain_body = int((article & ~fired).sum())
    ruled_body = body - plain_body
    for _ in range(3):  # ruled never above plain: settle the pair
        lost = int((article & fired & (probs >= ruled)).sum())
        share = (kept_floor * body - (ruled_body - lost)) / max(plain_body, 1)
        plain = choose_threshold(probs[~fired], article[~fired], min(max(share, 1e-9), 1.0))
        if ruled <= plain:
            break
        ruled = plain
    return plain, min(ruled, plain)
