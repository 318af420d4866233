"""Candidate copy pairs by a shared passage, for the partial rewrites MinHash LSH cannot see.

MinHash LSH proposes pairs whose shingle sets resemble each other. A partial rewrite that
keeps one or two sentences of a wire inside a long text of its own resembles the wire little
(a Jaccard of a few hundredths), so LSH rarely proposes it, although its reused sentences are
a copy's mark (`reuse`). Such pairs are found instead by fingerprints of their passages:

* each 8-word stretch of a text's narrative gets a hash (two shingles five words apart);
* winnowing (Schleimer, Wilkerson and Aiken, 2003) keeps the smallest hash of every window of
  `window` consecutive stretches, so two texts sharing any passage of `window` + 7 words are
  certain to share a fingerprint, while only about 2 / (window + 1) of the positions are kept;
* texts sharing a fingerprint are candidates, except for fingerprints more than `most` texts
  share: a set phrase or a template, not evidence of one text (a wire printed by many sites is
  found by LSH, whose buckets are not capped).

All fingerprints are sorted at once, so the cost is n log n in the corpus size plus the pairs of
the small groups; each candidate then goes through the same evidence as LSH's.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from newsloom.stories.reuse import Shingled

#: the second shingle of a stretch starts this many words after the first (3-word shingles:
#: an 8-word stretch)
_GAP = 5
_MIX = np.uint64(0x9E3779B97F4A7C15)


def fingerprints(text: Shingled, window: int) -> np.ndarray:
    """The winnowed hashes of the text's 8-word stretches (sorted, distinct)."""
    h = text.unique[text.order]
    if len(h) <= _GAP:
        return np.empty(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        stretches = h[:-_GAP] * _MIX + h[_GAP:]
    if len(stretches) <= window:
        return np.array([stretches.min()], dtype=np.uint64)
    return np.unique(np.lib.stride_tricks.sliding_window_view(stretches, window).min(axis=1))


def passage_candidates(texts: Sequence[Shingled], window: int, most: int) -> dict[int, set[int]]:
    """For each text (by index), the earlier texts it shares a fingerprint with."""
    prints = [fingerprints(t, window) for t in texts]
    out: dict[int, set[int]] = defaultdict(set)
    if not prints:
        return out
    values = np.concatenate(prints)
    owners = np.repeat(np.arange(len(prints)), [len(p) for p in prints])
    order = np.argsort(values, kind="stable")
    values, owners = values[order], owners[order]
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    sizes = np.diff(np.concatenate((starts, [len(values)])))
    keep = (sizes >= 2) & (sizes <= most)
    for start, size in zip(starts[keep].tolist(), sizes[keep].tolist(), strict=True):
        for i, j in itertools.combinations(sorted(set(owners[start : start + size].tolist())), 2):
            out[j].add(i)
    return out
