"""Stacked sequential learning for the line model (auto-context; Cohen & Carvalho 2005).

Furniture and article text come in runs. The first trees see their neighbours' word-model and
meaning logits, but not their own verdict on the neighbours: a menu line between two lines
they are sure are menu, or a paragraph of plain prose after the last line they are sure is
article (a reader comment), look like any other line to them. A second stage of trees reads
the first trees' probabilities around each line (`stack_columns`) beside the first stage's
columns. It learns from probabilities the first trees gave pages they were not fitted to
(`linetrain.fit`, cross-fitted over the site folds), so it learns how far the first stage's
verdicts hold on a site it never saw.
"""

from __future__ import annotations

import numpy as np

from newsloom.clean.linecontext import nearest, shift, window_mean

__all__ = ["CONFIDENT", "STACK_COLUMNS", "stack_columns"]

_OFFSETS = (-3, -2, -1, 1, 2, 3)
#: windows (lines on each side) of the means around a line, and of the one-sided means
_MEANS = (1, 2, 5, 12, 30)
_SIDES = (3, 10)
#: windows of the lowest and highest probability around a line (the line left out)
_EXTREMES = (2, 5)
#: a line the first trees give a furniture probability under this is a confident article line
CONFIDENT = 0.2
#: distances past this many lines (or with no such line) are this many lines
_FAR = 100.0
#: names of the columns `stack_columns` gives, in order
STACK_COLUMNS = (
    "stack",
    *(f"stack_{off:+d}" for off in _OFFSETS),
    *(f"stack_mean{w}" for w in _MEANS),
    *(f"stack_{side}{w}" for w in _SIDES for side in ("before", "after")),
    *(f"stack_{kind}{w}" for w in _EXTREMES for kind in ("min", "max")),
    "stack_article_before",
    "stack_article_after",
    "stack_after_article",
    "stack_before_article",
    "stack_article_share_after",
)


def _side_mean(prob: np.ndarray, width: int, after: bool) -> np.ndarray:
    """The mean of `prob` over the `width` lines before (or after) each line; NaN for none."""
    n = len(prob)
    csum = np.concatenate([[0.0], np.cumsum(prob)])
    at = np.arange(n)
    lo, hi = (at + 1, np.minimum(at + 1 + width, n)) if after else (np.maximum(at - width, 0), at)
    count = hi - lo
    total = csum[hi] - csum[lo]
    return np.divide(total, count, out=np.full(n, np.nan), where=count > 0)


def _extremes(prob: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest `prob` among the `width` lines on each side (the line left out;
    NaN for a page of one line)."""
    n = len(prob)
    padded = np.concatenate([np.full(width, np.nan), prob, np.full(width, np.nan)])
    view = np.lib.stride_tricks.sliding_window_view(padded, 2 * width + 1).copy()
    view[:, width] = np.nan
    empty = np.isnan(view).all(axis=1)
    view[empty] = 0.0  # nanmin of an all-NaN row warns; its result is replaced below
    low, high = np.nanmin(view, axis=1), np.nanmax(view, axis=1)
    low[empty], high[empty] = np.nan, np.nan
    return low[:n], high[:n]


def stack_columns(prob: np.ndarray) -> np.ndarray:
    """The `STACK_COLUMNS` of a page from the first trees' furniture probability of each line:
    the line's own, its neighbours' (+-1..3; NaN past the page's edges), means over windows
    on both sides and on each side, the lowest and highest around it, the lines to the
    nearest confident article line before and after it, whether it lies after the last one
    (or before the first), and the share of the confident article lines that lie after it."""
    n = len(prob)
    if n == 0:
        return np.zeros((0, len(STACK_COLUMNS)))
    prob = np.asarray(prob, dtype=float)
    cols = [prob]
    cols += [shift(prob, off, np.nan) for off in _OFFSETS]
    cols += [window_mean(prob[:, None], w)[:, 0] for w in _MEANS]
    cols += [_side_mean(prob, w, after) for w in _SIDES for after in (False, True)]
    for w in _EXTREMES:
        cols += list(_extremes(prob, w))
    article = prob < CONFIDENT
    at = np.arange(n)
    where = np.flatnonzero(article)
    last, first = (where[-1], where[0]) if len(where) else (-1, n)
    after_count = article[::-1].cumsum()[::-1] - article
    cols += [
        np.minimum(nearest(article, forward=False), _FAR),
        np.minimum(nearest(article, forward=True), _FAR),
        (at > last).astype(float),
        (at < first).astype(float),
        after_count / max(int(article.sum()), 1),
    ]
    return np.column_stack(cols)
