"""Bounded summaries of a story's members, so that comparing with a story costs the same however
many articles it has.

A story that runs for months gathers thousands of articles (a war, a trial, a campaign). Keeping
every member's vector, every name and every word would make each comparison, and the memory of
the build, grow with the story. A story keeps instead:

* `Terms`: its summed TF-IDF weights, the heaviest `MAX_TERMS` once it has twice as many (the
  words of its long tail each weigh little in a cosine over thousands of articles);
* up to `REPRESENTATIVES` member vectors, the most distinct ones: when there are more, of the
  two closest the newer is dropped, so what is dropped is what another member already stands
  for (the closest-member similarity of an article to the story changes little);
* its names, the heaviest `MAX_NAMES` once it has twice as many.

Stories below these sizes (every story of the evaluation sets) are summarised exactly.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

import numpy as np

#: member vectors a story keeps for its closest-member similarity
REPRESENTATIVES = 64
#: words a story keeps once it has twice as many
MAX_TERMS = 2048
#: names a story keeps once it has twice as many
MAX_NAMES = 512


class Terms:
    """A sparse row of word weights (sorted indices, float32 weights) with its norm."""

    __slots__ = ("data", "indices", "norm")

    def __init__(self, indices: np.ndarray, data: np.ndarray) -> None:
        self.indices = indices
        self.data = data
        self.norm = math.sqrt(float(data @ data)) if len(data) else 0.0

    @property
    def nnz(self) -> int:
        return len(self.indices)

    @classmethod
    def of(cls, row: object) -> Terms | None:
        """From a one-row scipy sparse matrix, a `Terms` or None (kept as they are)."""
        if row is None or isinstance(row, Terms):
            return row
        if not row.has_sorted_indices:  # type: ignore[attr-defined]
            row = row.sorted_indices()  # type: ignore[attr-defined]
        return cls(row.indices, row.data)  # type: ignore[attr-defined]

    def __add__(self, other: Terms) -> Terms:
        indices = np.concatenate((self.indices, other.indices))
        data = np.concatenate((self.data, other.data))
        keys, where = np.unique(indices, return_inverse=True)
        summed = np.zeros(len(keys), dtype=data.dtype)
        np.add.at(summed, where, data)
        if len(keys) > 2 * MAX_TERMS:
            # the heaviest, ties to the lower index; kept in index order
            keep = np.sort(np.lexsort((keys, -summed))[:MAX_TERMS])
            keys, summed = keys[keep], summed[keep]
        return Terms(keys, summed)

    def cosine(self, other: Terms | None) -> float:
        if other is None or not self.nnz or not other.nnz or not self.norm or not other.norm:
            return 0.0
        small, large = (self, other) if self.nnz <= other.nnz else (other, self)
        # the shorter row's words looked up in the longer one: its length times a logarithm
        at = np.minimum(np.searchsorted(large.indices, small.indices), large.nnz - 1)
        shared = large.indices[at] == small.indices
        dot = float(self.data[shared] @ other.data[at[shared]]) if small is self else float(
            self.data[at[shared]] @ other.data[shared])
        return dot / (self.norm * other.norm)


def distinct_rows(
    matrix: np.ndarray, ids: list[str], limit: int | None = None
) -> tuple[np.ndarray, list[str]]:
    """At most `limit` (default `REPRESENTATIVES`) rows of unit vectors: while there are more,
    of the two most similar rows the later one is dropped (rows are in the order members
    joined)."""
    limit = REPRESENTATIVES if limit is None else limit
    if len(ids) <= limit:
        return matrix, ids
    sims = matrix @ matrix.T
    np.fill_diagonal(sims, -np.inf)
    alive = np.ones(len(ids), dtype=bool)
    nearest = sims.max(axis=1)
    for _ in range(len(ids) - limit):
        top = nearest.max()
        # the later of the closest pair: the last row whose nearest is that close
        drop = int(np.flatnonzero(nearest == top)[-1])
        alive[drop] = False
        # rows whose nearest was the dropped one look for their next nearest
        stale = alive & (sims[:, drop] >= nearest)
        sims[drop, :] = -np.inf
        sims[:, drop] = -np.inf
        nearest[drop] = -np.inf
        if stale.any():
            nearest[stale] = sims[stale].max(axis=1)
    keep = np.flatnonzero(alive)
    return matrix[keep], [ids[i] for i in keep]


def prune_names(names: Counter[str], idf: Mapping[str, float], rarest: float) -> Counter[str]:
    """The heaviest `MAX_NAMES` names (by their weight in the entity cosine) once there are
    twice as many; the names as they are otherwise."""
    if len(names) <= 2 * MAX_NAMES:
        return names
    ranked = sorted(names.items(), key=lambda kv: (-min(kv[1], 3) * idf.get(kv[0], rarest), kv[0]))
    return Counter(dict(ranked[:MAX_NAMES]))


def name_norm(names: Counter[str], idf: Mapping[str, float], rarest: float) -> float:
    return math.sqrt(sum((min(v, 3) * idf.get(k, rarest)) ** 2 for k, v in names.items()))
