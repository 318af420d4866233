"""Experiment (issue 9): does a MiniLM vector of each line help the text line model?

    PYTHONPATH=src python training/line_embedding_ab.py [--vectors minilm|wordpieces]
        [--max-words 12] [--shared ../shared]

Furniture wording differs by site but means the same ("Leave a reply", "Post a comment"), which
hashed n-grams cannot carry to a new site; a vector of the line's meaning might. A logistic
regression on the vectors of the lines under `--max-words` words (train sites, out-of-fold by
the same site folds as the word model) gives a logit; the logit, its neighbours' (+-1, +-2) and
its window means become more columns of the trees. Both models, with and without those columns,
are fitted in the same run and scored on the *choose* sites (never the report sites): furniture
removed at 0.95 / 0.97 / 0.98 of article lines kept, one threshold for all lines.

`minilm`: the sentence embedding (`stories.signals`' encoder, 48 tokens); `wordpieces`: the mean
of MiniLM's input vectors of the line's word pieces (no transformer: a look-up per piece).
Nothing here ships: it prints figures.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from newsloom.clean.linecontext import _window_mean, page_features
from newsloom.clean.linemodel import LineModel, rules_read, stage1_matrix
from newsloom.clean.linetrain import (
    FOLDS,
    TREES,
    TrainingPage,
    _fit_stage1,
    choose_threshold,
    line_weights,
    site_folds,
)
from newsloom.evaluation.boilerplate_pages import DEMO_GOLD, NEWS_WEIGHT, _training
from newsloom.evaluation.pages import (
    comments_as_furniture,
    gold_set_pages,
    read_pages,
    site_split,
)
from newsloom.stories.signals import _encoder

_WORD = re.compile(r"\w+")
ROOT = Path(__file__).resolve().parents[1]
KEPT = (0.95, 0.97, 0.98)


def vectors(lines: Sequence[str], kind: str) -> np.ndarray:
    """Unit vectors of `lines`: MiniLM's sentence embedding or its word pieces' mean."""
    enc: Any = _encoder()
    if kind == "minilm":
        enc.max_seq_length = 48
        out = enc.encode(list(lines), batch_size=128, normalize_embeddings=True)
        return np.asarray(out, dtype=np.float32)
    table = enc[0].auto_model.embeddings.word_embeddings.weight.detach().numpy()
    pieces = enc.tokenizer(list(lines), add_special_tokens=False)["input_ids"]
    out = np.zeros((len(lines), table.shape[1]), dtype=np.float32)
    for i, ids in enumerate(pieces):
        if ids:
            v = table[ids].mean(axis=0)
            out[i] = v / (np.linalg.norm(v) or 1.0)
    return out


def embedding_columns(logit: np.ndarray) -> np.ndarray:
    """The line's logit (NaN when not embedded), its neighbours' and its window means."""
    n = len(logit)
    has = (~np.isnan(logit)).astype(float)[:, None]
    filled = np.nan_to_num(logit, nan=0.0)[:, None]
    cols = [logit[:, None]]
    for off in (-2, -1, 1, 2):
        shifted = np.full(n, np.nan)
        if abs(off) < n:
            if off > 0:
                shifted[:-off] = logit[off:]
            else:
                shifted[-off:] = logit[:off]
        cols.append(shifted[:, None])
    for width in (2, 5, 12):
        total, count = _window_mean(filled, width), _window_mean(has, width)
        cols.append(np.where(count > 0, total / np.where(count > 0, count, 1.0), np.nan))
    return np.hstack(cols)


class Embedded:
    """The vector of every short line of the pages, computed once."""

    def __init__(self, pages: Sequence[TrainingPage], kind: str, max_words: int) -> None:
        self.max_words = max_words
        short = sorted(
            {x for p in pages for x in p.lines if len(_WORD.findall(x)) < max_words}, key=len
        )
        self.row = {x: i for i, x in enumerate(short)}
        self.vecs = vectors(short, kind)

    def rows(self, lines: Sequence[str]) -> np.ndarray:
        return np.array([self.row.get(x, -1) for x in lines])

    def fit(self, rows: list[np.ndarray], ys: list[np.ndarray], ws: list[np.ndarray]) -> Any:
        at, y, w = np.concatenate(rows), np.concatenate(ys), np.concatenate(ws)
        keep = at >= 0
        return LogisticRegression(max_iter=500).fit(self.vecs[at[keep]], y[keep], w[keep])

    def logit(self, model: Any, rows: np.ndarray) -> np.ndarray:
        out = np.full(len(rows), np.nan)
        keep = rows >= 0
        if keep.any():
            out[keep] = model.decision_function(self.vecs[rows[keep]])
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--vectors", choices=("minilm", "wordpieces"), default="wordpieces")
    parser.add_argument("--max-words", type=int, default=12)
    args = parser.parse_args()
    pages = list(
        read_pages(
            args.shared / "data" / "boilerplate_pages", splits=("train", "choose"), with_blocks=True
        )
    )
    train = _training([comments_as_furniture(p) for p in pages if site_split(p.site) == "train"])
    train += _training(list(gold_set_pages(DEMO_GOLD)), NEWS_WEIGHT)
    choose = _training([comments_as_furniture(p) for p in pages if site_split(p.site) == "choose"])
    emb = Embedded([*train, *choose], args.vectors, args.max_words)

    rules = [rules_read(p.lines, True) for p in train]
    xs = [stage1_matrix(p.lines, r) for p, r in zip(train, rules, strict=True)]
    ys = [1 - np.asarray(p.labels, dtype=int) for p in train]
    ws = line_weights(train)
    at = [emb.rows(p.lines) for p in train]
    fold = site_folds(train)
    oof: list[np.ndarray] = [np.zeros(0)] * len(train)
    eoof: list[np.ndarray] = [np.zeros(0)] * len(train)
    for k in range(FOLDS):
        inside = [i for i, f in enumerate(fold) if f != k]
        words = _fit_stage1(
            [xs[i] for i in inside], [ys[i] for i in inside], [ws[i] for i in inside]
        )
        lr = emb.fit([at[i] for i in inside], [ys[i] for i in inside], [ws[i] for i in inside])
        for i in (i for i, f in enumerate(fold) if f == k):
            oof[i], eoof[i] = words.decision_function(xs[i]), emb.logit(lr, at[i])
    final, lr = _fit_stage1(xs, ys, ws), emb.fit(at, ys, ws)
    base = [page_features(p.lines, r, s) for p, r, s in zip(train, rules, oof, strict=True)]
    more = [np.hstack([b, embedding_columns(e)]) for b, e in zip(base, eoof, strict=True)]
    y, w = np.concatenate(ys), np.concatenate(ws)
    plain = HistGradientBoostingClassifier(**TREES).fit(np.vstack(base), y, sample_weight=w)
    embedded = HistGradientBoostingClassifier(**TREES).fit(np.vstack(more), y, sample_weight=w)

    scorer = LineModel(final.coef_[0], float(final.intercept_[0]), None, 0.5, 0.5)  # type: ignore[arg-type]
    probs: dict[str, list[np.ndarray]] = {"current text model": [], "+ embedding columns": []}
    article = []
    for p in choose:
        r = rules_read(p.lines, True)
        x = page_features(p.lines, r, scorer.word_scores(p.lines, r))
        probs["current text model"].append(plain.predict_proba(x)[:, 1])
        extra = embedding_columns(emb.logit(lr, emb.rows(p.lines)))
        probs["+ embedding columns"].append(embedded.predict_proba(np.hstack([x, extra]))[:, 1])
        article.append(np.asarray(p.labels, dtype=bool))
    body = np.concatenate(article)
    print(f"choose sites: {len(choose)} pages; {args.vectors}, lines under {args.max_words} words")
    for name, parts in probs.items():
        prob = np.concatenate(parts)
        cells = []
        for kept in KEPT:
            gone = prob >= choose_threshold(prob, body, kept)
            cells.append(f"removed {(gone & ~body).sum() / (~body).sum():.3f} at kept {kept}")
        print(f"  {name}: " + ", ".join(cells))


if __name__ == "__main__":
    main()
