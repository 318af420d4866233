"""A second look at a page: each line among the first trees' verdicts on its neighbours.

The first boosted trees (`linecontext`) judge a line from its own shape and its neighbours'
*shapes*. What they conclude about the neighbours is a stronger cue still: furniture comes in
runs and article text in one or a few dense blocks, so a doubtful line between two lines the
trees are sure are article text is article text, and a prose-like line inside a run of sure
furniture (a comment, a teaser) is furniture. These columns give the second trees (stacking)
the first trees' logits up and down the page, their window means and extremes, the line's
place against the page's densest block of article verdicts, and the page's own spread of
verdicts (a page with no sure article line is judged differently from a clear one).

All columns are numbers; past the page's edges a neighbour is NaN (the trees learn where
missing values go).
"""

from __future__ import annotations

import numpy as np

__all__ = ["stack_feature_names", "stack_features"]

_OFFSETS = (-4, -3, -2, -1, 1, 2, 3, 4)
_WINDOWS = (1, 3, 6, 12)
_SIDES = (3, 10)
# a verdict the first trees are sure of (logit): article below -_SURE, furniture above _SURE
_SURE = 2.0
_FAR = 999.0


def stack_feature_names() -> list[str]:
    """Column names, in order."""
    names = ["logit", "page_rank", "page_median", "page_article", "page_sure_article"]
    names += [f"{off:+d}:logit" for off in _OFFSETS]
    for width in _WINDOWS:
        names += [f"w{width}:mean", f"w{width}:min", f"w{width}:max"]
    for width in _SIDES:
        names += [f"up{width}:mean", f"down{width}:mean"]
    names += ["sure_article_up", "sure_article_down", "sure_furniture_up", "sure_furniture_down"]
    names += ["block_in", "block_distance", "block_length", "block_relative", "blocks"]
    names += ["same_side_run"]
    return names


def _shift(col: np.ndarray, off: int) -> np.ndarray:
    """`col` seen from `off` lines away; NaN past the page's edges."""
    out = np.full(len(col), np.nan)
    if abs(off) >= len(col):
        return out
    if off > 0:
        out[:-off] = col[off:]
    else:
        out[-off:] = col[:off]
    return out


def _windows(col: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, min and max of `col` over the `width` lines on each side (the line left out)."""
    n = len(col)
    stacked = np.vstack([_shift(col, off) for off in range(-width, width + 1) if off])
    seen = ~np.isnan(stacked)
    count = seen.sum(axis=0)
    total = np.where(seen, stacked, 0.0).sum(axis=0)
    mean = np.divide(total, count, out=np.full(n, np.nan), where=count > 0)
    lo = np.where(seen, stacked, np.inf).min(axis=0)
    hi = np.where(seen, stacked, -np.inf).max(axis=0)
    return mean, np.where(count > 0, lo, np.nan), np.where(count > 0, hi, np.nan)


def _side_mean(col: np.ndarray, width: int, up: bool) -> np.ndarray:
    """The mean of `col` over the `width` lines above (or below) each line."""
    n = len(col)
    csum = np.concatenate([[0.0], np.cumsum(col)])
    at = np.arange(n)
    lo, hi = (np.maximum(at - width, 0), at) if up else (at + 1, np.minimum(at + width + 1, n))
    count = hi - lo
    return np.divide(csum[hi] - csum[lo], count, out=np.full(n, np.nan), where=count > 0)


def _distance(flags: np.ndarray, up: bool) -> np.ndarray:
    """Lines to the nearest flagged line above (or below) each line; _FAR when none."""
    n = len(flags)
    idx = np.arange(n)
    if up:
        last = np.maximum.accumulate(np.where(flags, idx, -1))
        before = np.concatenate([[-1], last[:-1]])
        return np.where(before >= 0, idx - before, _FAR)
    nxt = np.minimum.accumulate(np.where(flags, idx, n)[::-1])[::-1]
    after = np.concatenate([nxt[1:], [n]])
    return np.where(after < n, after - idx, _FAR)


def _blocks(article: np.ndarray) -> tuple[tuple[int, int], int]:
    """The densest block of article verdicts (a max-sum run: article +1, furniture -1) and the
    number of separate runs of article verdicts on the page."""
    best, span, score, start = 0.0, (0, 0), 0.0, 0
    for i, good in enumerate(article):
        if score <= 0:
            score, start = 0.0, i
        score += 1.0 if good else -1.0
        if score > best:
            best, span = score, (start, i + 1)
    runs = int(article[0]) + int(np.sum(article[1:] & ~article[:-1])) if len(article) else 0
    return span, runs


def _same_side_run(article: np.ndarray) -> np.ndarray:
    """The length of the run of same-side verdicts each line belongs to."""
    n = len(article)
    change = np.flatnonzero(np.diff(article.astype(np.int8))) + 1
    bounds = np.concatenate([[0], change, [n]])
    return np.repeat(np.diff(bounds), np.diff(bounds)).astype(float)


def stack_features(logits: np.ndarray) -> np.ndarray:
    """The stacking columns of a page's lines (`logits`: the first trees' raw furniture score
    per line), one row per line, columns as `stack_feature_names()`."""
    n = len(logits)
    if n == 0:
        return np.zeros((0, len(stack_feature_names())))
    article = logits < 0
    ranks = np.empty(n)
    ranks[np.argsort(logits, kind="stable")] = np.arange(n)
    cols = [
        logits,
        ranks / max(n - 1, 1),
        np.full(n, np.median(logits)),
        np.full(n, article.mean()),
        np.full(n, float((logits < -_SURE).sum())),
    ]
    cols += [_shift(logits, off) for off in _OFFSETS]
    for width in _WINDOWS:
        cols += list(_windows(logits, width))
    for width in _SIDES:
        cols += [_side_mean(logits, width, up=True), _side_mean(logits, width, up=False)]
    sure_article, sure_furniture = logits < -_SURE, logits > _SURE
    cols += [
        _distance(sure_article, up=True),
        _distance(sure_article, up=False),
        _distance(sure_furniture, up=True),
        _distance(sure_furniture, up=False),
    ]
    (lo, hi), runs = _blocks(article)
    at = np.arange(n, dtype=float)
    length = max(hi - lo, 1)
    cols += [
        ((at >= lo) & (at < hi)).astype(float),
        np.where(at < lo, lo - at, np.where(at >= hi, at - hi + 1, 0.0)),
        np.full(n, float(hi - lo)),
        (at - lo) / length,
        np.full(n, float(runs)),
    ]
    cols.append(_same_side_run(article))
    return np.column_stack(cols)
