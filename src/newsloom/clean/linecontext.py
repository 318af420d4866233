"""Dense features of every line of a page: its shape, its place, and its neighbourhood.

What the boosted trees of the line model (`linemodel`) split on. A line alone says little
("Travel" is a menu item on one page and a subhead on another); the lines around it say more:
furniture comes in runs of short unpunctuated lines, an article is a run of long lines full of
function words. So besides the line's own shape, every line sees its neighbours' shapes and
word scores (the hashed word model's verdicts), window averages of them, and where it sits
against the densest run of prose lines of the page (before it, inside it, after it, how far).

When the page's HTML is known, the columns of the lines' markup follow (`linehtml.html_columns`:
link share, tag groups, the prose its containers hold) with the neighbours' link share.

All columns are numbers (no categories), computed with numpy for the whole page at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from newsloom.clean.linefeatures import LineCounts, PageWords, page_words
from newsloom.clean.linehtml import HTML_COLUMNS, Block, html_columns
from newsloom.clean.lineverdicts import peer_column_names, peer_columns

__all__ = ["REASONS", "feature_names", "nearest", "page_features", "shift", "window_mean"]

#: The hand rules' reasons, one indicator column each (their verdict is a cue, not the decision).
REASONS = (
    "ad",
    "archive_notice",
    "author_bio",
    "caption",
    "comment_form",
    "copyright",
    "credits",
    "keyword_list",
    "navigation",
    "page_title",
    "photo_credit",
    "placeholder",
    "promo",
    "related",
    "share_bar",
    "stray",
    "teaser",
    "version_tracking",
    "widget",
)
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’“‘)]»"
_SEPARATORS = "|·•»›/>–—-"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")
# a prose line: enough words and function words (jusText's "good" paragraph)
_PROSE_WORDS = 10
_PROSE_STOP = 0.25
# the line's own columns that neighbours show too
_SHOWN = ("words", "stop", "terminal", "score")
_OFFSETS = (-3, -2, -1, 1, 2, 3)
_WINDOWS = (2, 5, 12)
# neighbours whose link share a line sees (with markup)
_LINK_OFFSETS = (-2, -1, 1, 2)

_OWN = (
    "words",
    "chars",
    "word_len",
    "stop",
    "stop_count",
    "terminal",
    "comma_end",
    "colon_end",
    "separator_end",
    "starts_upper",
    "starts_lower",
    "starts_digit",
    "caps",
    "upper",
    "digits",
    "punct",
    "separators",
    "sentences",
    "year",
    "clock",
    "repeat",
    "same_shape_run",
    "prose",
    "score",
)
_PLACE = (
    "index",
    "from_end",
    "relative",
    "page_lines",
    "page_prose",
    "text_before",
    "run_in",
    "run_before",
    "run_after",
    "run_distance",
    "run_length",
    "prose_before",
    "prose_after",
    "rule",
)
# the line against the rest of its page: a page's own scale (lengths, function words, word
# scores) differs from site to site, and a line's rank within the page does not
_RELATIVE = (
    "rank_chars",
    "words_vs_max",
    "stop_z",
    "score_rank",
    "score_vs_median",
    "run_relative",
    "run_density",
)


def feature_names(markup: bool = False, peers: bool = False) -> list[str]:
    """Column names, in order (for reports and for the `reason` of a removed line); with
    `markup`, the columns of the lines' HTML follow (`linehtml.HTML_COLUMNS`, then the
    neighbours' link share and its window means)."""
    names = [*_OWN, *_PLACE, *_RELATIVE, *(f"rule:{r}" for r in REASONS)]
    for off in _OFFSETS:
        names += [f"{off:+d}:{c}" for c in _SHOWN]
        names.append(f"{off:+d}:rule")
    for width in _WINDOWS:
        names += [f"w{width}:{c}" for c in ("prose", "score", "words", "terminal", "rule")]
    if markup:
        names += list(HTML_COLUMNS)
        names += [f"{off:+d}:link" for off in _LINK_OFFSETS]
        names += [f"w{width}:link" for width in _WINDOWS]
    if peers:
        names += peer_column_names()
    return names


def shift(col: np.ndarray, off: int, fill: float) -> np.ndarray:
    """`col` seen from `off` lines away (the line `i + off`), `fill` past the page's edges."""
    out = np.full(len(col), fill)
    if abs(off) >= len(col):
        return out
    if off > 0:
        out[:-off] = col[off:]
    else:
        out[-off:] = col[:off]
    return out


def window_mean(cols: np.ndarray, width: int) -> np.ndarray:
    """The mean of each column of `cols` over the `width` lines on each side of a line (the
    line left out); -1 for a line with no neighbour."""
    n = len(cols)
    csum = np.vstack([np.zeros((1, cols.shape[1])), np.cumsum(cols, axis=0)])
    at = np.arange(n)
    lo, hi = np.maximum(at - width, 0), np.minimum(at + width + 1, n)
    count = (hi - lo - 1)[:, None]
    total = csum[hi] - csum[lo] - cols
    return np.divide(total, count, out=np.full(cols.shape, -1.0), where=count > 0)


def _densest_run(prose: np.ndarray) -> tuple[int, int]:
    """The span of lines with the most prose lines net of the others (a max-sum subarray)."""
    best, span, score, start = -1.0, (0, 0), 0.0, 0
    for i, is_prose in enumerate(prose):
        if score <= 0:
            score, start = 0.0, i
        score += 1.0 if is_prose else -0.5
        if score > best:
            best, span = score, (start, i + 1)
    return span


def _same_shape_run(short: np.ndarray) -> np.ndarray:
    """For a short unpunctuated line, the length of the run of such lines it belongs to."""
    n = len(short)
    out = np.zeros(n)
    i = 0
    while i < n:
        if not short[i]:
            i += 1
            continue
        j = i
        while j < n and short[j]:
            j += 1
        out[i:j] = j - i
        i = j
    return out


def nearest(flags: np.ndarray, forward: bool) -> np.ndarray:
    """Lines to the nearest flagged line before (or after) each line; 999 when none."""
    n = len(flags)
    out = np.full(n, 999.0)
    last = None
    order = range(n - 1, -1, -1) if forward else range(n)
    for i in order:
        if last is not None:
            out[i] = abs(last - i)
        if flags[i]:
            last = i
    return out


def _rank(col: np.ndarray) -> np.ndarray:
    """Each value's rank in the page, 0 (smallest) to 1 (largest)."""
    ranks = np.empty(len(col))
    ranks[np.argsort(col, kind="stable")] = np.arange(len(col))
    return ranks / max(len(col) - 1, 1)


def _relative(
    chars: np.ndarray,
    words: np.ndarray,
    stop: np.ndarray,
    scores: np.ndarray,
    prose: np.ndarray,
    run: tuple[int, int],
) -> np.ndarray:
    """The `_RELATIVE` columns: each line measured against its page."""
    n = len(words)
    lo, hi = run
    at = np.arange(n, dtype=float)
    spread = stop.std()
    return np.column_stack(
        [
            _rank(chars),
            words / max(words.max(), 1.0),
            (stop - stop.mean()) / spread if spread > 0 else np.zeros(n),
            _rank(scores),
            scores - np.median(scores),
            (at - lo) / max(hi - lo, 1),
            np.full(n, prose[lo:hi].mean() if hi > lo else 0.0),
        ]
    )


def _own(line: str, toks: list[str], counts: LineCounts) -> list[float]:
    n = len(toks)
    stripped = line.rstrip().rstrip(_CLOSERS)
    last = stripped[-1:]
    letters = counts.letters
    nonspace = len(line) - counts.space
    alnum = counts.alnum
    stop_count = counts.stops
    first = line[:1]
    return [
        n,
        math.log1p(len(line)),
        sum(map(len, toks)) / n if n else 0.0,
        stop_count / n if n else 0.0,
        stop_count,
        float(bool(last) and last in _TERMINAL),
        float(last == ","),
        float(last == ":"),
        float(bool(last) and last in _SEPARATORS),
        float(first.isupper()),
        float(first.islower()),
        float(first.isdigit()),
        counts.caps / n if n else 0.0,
        counts.upper / letters if letters else 0.0,
        counts.digits / len(line) if line else 0.0,
        (nonspace - alnum) / nonspace if nonspace else 0.0,
        sum(line.count(c) for c in _SEPARATORS),
        counts.sentences,
        float(bool(_YEAR.search(line))),
        float(bool(_CLOCK.search(line))),
    ]


def page_features(
    lines: Sequence[str],
    rules: Sequence[str | None],
    scores: np.ndarray,
    parsed: PageWords | None = None,
    blocks: Sequence[Block] | None = None,
) -> np.ndarray:
    """The feature matrix of a page's lines (`rules`: the hand rules' reasons; `scores`: the
    word model's logit per line; `parsed`: `page_words(lines)`, when the caller has it;
    `blocks`: the markup around each line, when the page's HTML is known), one row per line,
    columns as `feature_names(markup=blocks is not None)`."""
    n = len(lines)
    if n == 0:
        peers = bool(blocks and blocks[0].peers)
        return np.zeros((0, len(feature_names(blocks is not None, peers))))
    tokens, _, counts = parsed if parsed is not None else page_words(lines)
    own = np.array([_own(*row) for row in zip(lines, tokens, counts, strict=True)], dtype=float)
    words, stop, terminal = own[:, 0], own[:, 3], own[:, 5]
    prose = ((words >= _PROSE_WORDS) & (stop >= _PROSE_STOP)).astype(float)
    seen: dict[str, int] = {}
    for line in lines:
        seen[line] = seen.get(line, 0) + 1
    repeat = np.array([seen[x] for x in lines], dtype=float)
    short = (words <= 6) & (terminal == 0)
    fired = np.array([r is not None for r in rules], dtype=float)
    own = np.column_stack([own, repeat, _same_shape_run(short), prose, scores])

    at = np.arange(n, dtype=float)
    lo, hi = _densest_run(prose)
    mass = np.cumsum(words) - words
    place = np.column_stack(
        [
            at,
            n - 1 - at,
            at / max(n - 1, 1),
            np.full(n, math.log1p(n)),
            np.full(n, prose.mean()),
            mass / max(words.sum(), 1.0),
            (at >= lo) & (at < hi),
            at < lo,
            at >= hi,
            np.where(at < lo, lo - at, np.where(at >= hi, at - hi + 1, 0.0)),
            np.full(n, hi - lo),
            nearest(prose > 0, forward=False),
            nearest(prose > 0, forward=True),
            fired,
        ]
    )
    relative = _relative(own[:, 1], words, stop, scores, prose, (lo, hi))
    reason = np.array([[r == name for name in REASONS] for r in rules], dtype=float)
    cols = [own, place, relative, reason]
    shown = {"words": words, "stop": stop, "terminal": terminal, "score": scores}
    for off in _OFFSETS:
        for name in _SHOWN:
            cols.append(shift(shown[name], off, -1.0 if name != "score" else -20.0)[:, None])
        cols.append(shift(fired, off, -1.0)[:, None])
    windowed = np.column_stack([prose, scores, np.log1p(words), terminal, fired])
    for width in _WINDOWS:
        cols.append(window_mean(windowed, width))
    if blocks is not None:
        if len(blocks) != n:
            raise ValueError(f"{len(blocks)} blocks of markup for {n} lines")
        markup = html_columns(blocks, prose, words)
        cols.append(markup)
        link = markup[:, 0]
        cols += [shift(link, off, -1.0)[:, None] for off in _LINK_OFFSETS]
        cols += [window_mean(link[:, None], width) for width in _WINDOWS]
        if blocks and blocks[0].peers:
            cols.append(peer_columns(blocks))
    return np.hstack(cols)
