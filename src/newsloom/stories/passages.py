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
  share: a set phrase, a template or a background paragraph printed under every report on a
  topic, not evidence of one text (stop-fingerprints, as plagiarism detectors ignore passages
  common to many documents; a wire printed by many sites is found by LSH, whose buckets are not
  capped);
* a text is proposed with at most `per_text` earlier texts, those sharing the most
  fingerprints with it first (the longest or the most passages): where many texts re-use one
  another's sentences, the pairs of a text would otherwise grow with the corpus.

All fingerprints are sorted at once and the pairs of each fingerprint's few texts are counted
in arrays, so the cost is n log n in the corpus size plus those pairs (at most `most` squared
over two per fingerprint); each candidate then goes through the same evidence as LSH's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsloom.stories.reuse import Shingled

#: the second shingle of a stretch starts this many words after the first (3-word shingles:
#: an 8-word stretch)
_GAP = 5
_MIX = np.uint64(0x9E3779B97F4A7C15)


def stretches(text: Shingled) -> np.ndarray:
    """The hashes of the text's 8-word stretches, in text order."""
    h = text.unique[text.order]
    if len(h) <= _GAP:
        return np.empty(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return h[:-_GAP] * _MIX + h[_GAP:]


def fingerprints(text: Shingled, window: int) -> np.ndarray:
    """The winnowed hashes of the text's 8-word stretches (sorted, distinct)."""
    return _winnow(stretches(text), window)


def _winnow(hashes: np.ndarray, window: int) -> np.ndarray:
    if len(hashes) <= window:
        return hashes[:1] if len(hashes) <= 1 else np.array([hashes.min()], dtype=np.uint64)
    return np.unique(np.lib.stride_tricks.sliding_window_view(hashes, window).min(axis=1))


def common_stretches(all_stretches: Sequence[np.ndarray], most: int) -> np.ndarray:
    """The stretches more than `most` texts contain (sorted). Counted over every stretch, not
    only the winnowed ones: where a common passage meets a text's own words, winnowing keeps
    one of its stretches in some texts only, which would make it look rare."""
    if not all_stretches:
        return np.empty(0, dtype=np.uint64)
    values, counts = np.unique(np.concatenate([np.unique(s) for s in all_stretches]),
                               return_counts=True)  # fmt: skip
    return values[counts > most]


def passage_candidates(
    texts: Sequence[Shingled], window: int, most: int, per_text: int = 0
) -> dict[int, list[int]]:
    """For each text (by index), the earlier texts it shares a fingerprint with, those sharing
    the most fingerprints (the longest or most passages) first, then the earlier text first;
    at most `per_text` of them when it is above 0. Fingerprints of stretches more than `most`
    texts contain propose nothing."""
    if not texts:
        return {}
    every = [stretches(t) for t in texts]
    prints = [_winnow(s, window) for s in every]
    values = np.concatenate(prints)
    owners = np.repeat(np.arange(len(prints), dtype=np.int32), [len(p) for p in prints])
    rare = ~np.isin(values, common_stretches(every, most))  # once for the corpus
    values, owners = values[rare], owners[rare]
    # a stable sort keeps each fingerprint's texts in index order, each at most once
    order = np.argsort(values, kind="stable")
    values, owners = values[order], owners[order]
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    sizes = np.diff(np.concatenate((starts, [len(values)])))
    keep = (sizes >= 2) & (sizes <= most)
    earlier, later = [], []
    for size in np.unique(sizes[keep]).tolist():
        members = owners[starts[keep & (sizes == size)][:, None] + np.arange(size)]
        first, second = np.triu_indices(size, 1)
        earlier.append(members[:, first].ravel())
        later.append(members[:, second].ravel())
    if not earlier:
        return {}
    n = len(texts)
    codes = np.concatenate(later).astype(np.int64) * n + np.concatenate(earlier)
    codes, shared = np.unique(codes, return_counts=True)
    later_of, earlier_of = codes // n, codes % n
    ranked = np.lexsort((earlier_of, -shared, later_of))
    later_of, earlier_of = later_of[ranked], earlier_of[ranked]
    bounds = np.flatnonzero(np.concatenate(([True], later_of[1:] != later_of[:-1], [True])))
    out: dict[int, list[int]] = {}
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        b = min(b, a + per_text) if per_text > 0 else b
        out[int(later_of[a])] = earlier_of[a:b].tolist()
    return out
