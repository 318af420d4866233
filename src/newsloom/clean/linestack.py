"""The second pass of the line model: every line seen with its neighbours' first verdicts.

Furniture comes in runs and so do paragraphs. The first trees see the neighbours' shapes and
word scores, but not what the trees themselves make of the neighbours; a second set of trees
reads the first pass's probability of each line and of the lines around it (one by one close
by, window means further out), so that a doubtful line inside a run of sure furniture goes
with the run, and a short subhead between sure paragraphs stays. The second trees learn from
first-pass probabilities of pages the first trees were not fitted to (out of fold), as the word
model's scores are handed to the first trees (`linetrain`).
"""

from __future__ import annotations

import numpy as np

__all__ = ["stack_column_names", "stack_columns"]

_OFFSETS = (-3, -2, -1, 1, 2, 3)
_WINDOWS = (1, 2, 5, 12)


def stack_column_names() -> list[str]:
    """Names of `stack_columns`, in order."""
    return [
        "first",
        *(f"{off:+d}:first" for off in _OFFSETS),
        *(f"w{width}:first" for width in _WINDOWS),
        "first_vs_median",
        "first_rank",
    ]


def _shifted(prob: np.ndarray, off: int) -> np.ndarray:
    """The probability of the line `off` lines away; -1 past the page's edges."""
    out = np.full(len(prob), -1.0)
    if abs(off) < len(prob):
        if off > 0:
            out[:-off] = prob[off:]
        else:
            out[-off:] = prob[:off]
    return out


def _window(prob: np.ndarray, width: int) -> np.ndarray:
    """The mean probability of the `width` lines on each side (the line left out); -1 alone."""
    n = len(prob)
    csum = np.concatenate([[0.0], np.cumsum(prob)])
    at = np.arange(n)
    lo, hi = np.maximum(at - width, 0), np.minimum(at + width + 1, n)
    count = hi - lo - 1
    total = csum[hi] - csum[lo] - prob
    return np.divide(total, count, out=np.full(n, -1.0), where=count > 0)


def stack_columns(prob: np.ndarray) -> np.ndarray:
    """The second pass's columns of a page from its first-pass probabilities: the line's own,
    its neighbours', window means, its logit against the page's median and its rank."""
    n = len(prob)
    if n == 0:
        return np.zeros((0, len(stack_column_names())))
    clipped = np.clip(prob, 1e-6, 1 - 1e-6)
    logit = np.log(clipped / (1 - clipped))
    rank = np.empty(n)
    rank[np.argsort(prob, kind="stable")] = np.arange(n)
    return np.column_stack(
        [
            prob,
            *(_shifted(prob, off) for off in _OFFSETS),
            *(_window(prob, width) for width in _WINDOWS),
            logit - np.median(logit),
            rank / max(n - 1, 1),
        ]
    )
