"""The second look at a page: each line judged again from its neighbours' first verdicts.

The line model (`linemodel`) scores each line from its own words and shape and a few
neighbours' shapes. Furniture and paragraphs come in runs, and a page's template groups them
in containers: a caption between two paragraphs is one odd line in a run of article text, and
the one paragraph-like line in a comment thread is still in the thread. So a second set of
boosted trees reads, for every line, the first model's logit of the line and of its
neighbours (one by one up to `OFFSETS`, then window means, minima and maxima), the runs those
logits make (how long the run of lines on the same side of even odds is, its mean), where the
line sits against the page's densest run of article-like verdicts, and, with markup, the
verdicts of the lines that share its containers a few levels up (a container that is mostly
furniture holds furniture). The stacked trees learn from first-stage logits of pages the first
stage was not fitted to (site folds, `linetrain.fit_stacked`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from newsloom.clean.linecontext import _shift, _window_mean
from newsloom.clean.linefeatures import PageWords
from newsloom.clean.linehtml import Block

__all__ = ["OFFSETS", "logit", "page_lengths", "stack_features", "stack_names"]

OFFSETS = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)
_WINDOWS = (2, 5, 12, 30)
_LEVELS = (1, 2, 3, 4, 6)
#: The logit clipped to this, so a near-certain line does not dominate a window's mean.
_CLIP = 8.0


def logit(prob: np.ndarray) -> np.ndarray:
    """The log-odds of probabilities (kept finite)."""
    p = np.clip(np.asarray(prob, dtype=float), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def page_lengths(words: PageWords) -> np.ndarray:
    """Words per line of a page read by `linefeatures.page_words`."""
    return np.array([len(toks) for toks in words[0]], dtype=float)


def stack_names(markup: bool) -> list[str]:
    """Column names of `stack_features`, in order."""
    names = ["logit", "log_words", "page_mean", "page_share", "run_len", "run_mean", "run_pos"]
    names += ["body_in", "body_dist", "body_len", "body_share"]
    names += [f"{off:+d}" for off in OFFSETS]
    for w in _WINDOWS:
        names += [f"w{w}:{k}" for k in ("mean", "min", "max", "share")]
    if markup:
        names += ["link"]
        for level in _LEVELS:
            names += [f"up{level}:{k}" for k in ("mean", "share", "lines", "words_share")]
    return names


def _runs(side: np.ndarray, logit: np.ndarray) -> np.ndarray:
    """For each line, the run of lines on its side of even odds: length, mean logit, and the
    line's place in it (0 first, 1 last)."""
    n = len(side)
    out = np.zeros((n, 3))
    i = 0
    while i < n:
        j = i
        while j < n and side[j] == side[i]:
            j += 1
        out[i:j, 0] = np.log1p(j - i)
        out[i:j, 1] = logit[i:j].mean()
        out[i:j, 2] = np.arange(j - i) / max(j - i - 1, 1)
        i = j
    return out


def _body(logit: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The page's densest run of article-like verdicts (max-sum span of word-weighted
    confidence that a line is article text): in it or not, distance to it, its length and the
    share of the page's words it holds."""
    n = len(logit)
    gain = -np.tanh(logit / 2) * np.log1p(words)
    best, span, score, start = -np.inf, (0, 0), 0.0, 0
    for i in range(n):
        if score <= 0:
            score, start = 0.0, i
        score += gain[i]
        if score > best:
            best, span = score, (start, i + 1)
    lo, hi = span
    at = np.arange(n)
    dist = np.where(at < lo, lo - at, np.where(at >= hi, at - hi + 1, 0))
    total = max(float(words.sum()), 1.0)
    return np.column_stack(
        [
            (at >= lo) & (at < hi),
            np.log1p(dist),
            np.full(n, np.log1p(hi - lo)),
            np.full(n, words[lo:hi].sum() / total),
        ]
    )


def _containers(blocks: Sequence[Block], logit: np.ndarray, words: np.ndarray) -> np.ndarray:
    """For each level of enclosing element, the verdicts of the lines it holds: their mean
    logit, the share judged furniture, how many lines, and the share of the page's words."""
    n = len(blocks)
    total = max(float(words.sum()), 1.0)
    cols = []
    for level in _LEVELS:
        keys = [
            b.parents[level - 1] if len(b.parents) >= level else -i - 1
            for i, b in enumerate(blocks)
        ]
        _, group = np.unique(np.array(keys), return_inverse=True)
        count = np.bincount(group).astype(float)
        mean = np.bincount(group, weights=logit) / count
        share = np.bincount(group, weights=(logit > 0).astype(float)) / count
        mass = np.bincount(group, weights=words) / total
        cols.append(
            np.column_stack([mean[group], share[group], np.log1p(count[group]), mass[group]])
        )
    return np.hstack(cols) if cols else np.zeros((n, 0))


def _window_extremes(col: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The least and greatest value within `width` lines of each line (the line included)."""
    low = np.pad(col, width, constant_values=np.inf)
    high = np.pad(col, width, constant_values=-np.inf)
    size = 2 * width + 1
    return (
        sliding_window_view(low, size).min(axis=1),
        sliding_window_view(high, size).max(axis=1),
    )


def stack_features(
    logit: np.ndarray, words: np.ndarray, blocks: Sequence[Block] | None = None
) -> np.ndarray:
    """The stacked trees' columns for one page (`logit`: the first model's furniture logit
    per line; `words`: words per line; `blocks`: the markup, when the page's HTML is known)."""
    n = len(logit)
    if n == 0:
        return np.zeros((0, len(stack_names(blocks is not None))))
    logit = np.clip(np.asarray(logit, dtype=float), -_CLIP, _CLIP)
    words = np.asarray(words, dtype=float)
    side = logit > 0
    cols = [
        logit[:, None],
        np.log1p(words)[:, None],
        np.full((n, 1), logit.mean()),
        np.full((n, 1), side.mean()),
        _runs(side, logit),
        _body(logit, words),
    ]
    cols += [_shift(logit, off, _CLIP)[:, None] for off in OFFSETS]
    for w in _WINDOWS:
        mean = _window_mean(logit[:, None], w)[:, 0]
        lo, hi = _window_extremes(logit, w)
        share = _window_mean(side[:, None].astype(float), w)[:, 0]
        cols.append(np.column_stack([mean, lo, hi, share]))
    if blocks is not None:
        if len(blocks) != n:
            raise ValueError(f"{len(blocks)} blocks of markup for {n} lines")
        cols.append(np.array([[b.link] for b in blocks], dtype=float))
        cols.append(_containers(blocks, logit, words))
    return np.hstack(cols)
