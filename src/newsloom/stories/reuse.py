"""Evidence that two texts share their reporters' own words, and the model that weighs it.

Independent reports of one event share what was quoted (a statement, a press release, a
speech) and set phrases ("Prime Minister Theresa May said on Wednesday"); a wire copy, another
version of one wire story or a partial rewrite shares the narrative itself: sentences in the
reporter's own voice, word for word or nearly. The words inside direct quotations are left out
before shingling (`copies.normalised_words`), so everything measured here is narrative:

* containment: the share of the shorter text's shingles found in the other (a copy cut short,
  or framed by another site, still has most of its shingles in the original);
* resemblance: shared shingles over all shingles (Jaccard);
* passage: the longest stretch of the shorter text whose consecutive shingles all occur in the
  other, in words. A partial rewrite keeps a sentence or two of its source inside its own
  wording: its containment is low, but one reused sentence is a passage of twenty words or
  more, while two independent reports rarely share more than a name and a verb.

A logistic regression over these (`CopyModel`, trained by `training/copy_model.py` on generated
wire variants against independent reports, its threshold chosen on a split it was not fitted
to) decides whether a candidate pair is a copy. The evidence is computed only for the pairs
MinHash LSH proposes, so the copy step stays near-linear.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsloom.deadline import untimed

#: the features of a pair, in the order the model's weights are read
FEATURES = ("containment", "resemblance", "passage")


@dataclass(frozen=True, slots=True)
class Shingled:
    """A text's shingles: the distinct hashes (sorted, for set operations) and, for each
    position of the text, the index of its hash there (so passages can be followed in order).
    The positions cost two bytes each (four past 65,535 distinct shingles)."""

    unique: np.ndarray
    order: np.ndarray

    @classmethod
    def of(cls, hashes: Sequence[int]) -> Shingled:
        arr = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
        unique, order = np.unique(arr, return_inverse=True)
        dtype = np.uint16 if len(unique) < 2**16 else np.uint32
        return cls(unique, order.astype(dtype).ravel())

    def __len__(self) -> int:
        return len(self.unique)


@dataclass(frozen=True, slots=True)
class Evidence:
    containment: float
    resemblance: float
    #: words in the longest passage the two texts share (0 when they share no shingle)
    passage: int

    def features(self) -> list[float]:
        """The model's inputs: the passage on a log scale (its first words count the most)."""
        return [self.containment, self.resemblance, math.log1p(self.passage)]


def longest_run(flags: np.ndarray) -> int:
    """Length of the longest run of True in a boolean array."""
    if not flags.any():
        return 0
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.view(np.int8), [0]))))
    return int((edges[1::2] - edges[::2]).max())


def evidence(a: Shingled, b: Shingled, shingle: int) -> Evidence:
    """The evidence of reuse between two texts (`shingle`: words per shingle)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not len(small):
        return Evidence(0.0, 0.0, 0)
    present = np.isin(small.unique, large.unique, assume_unique=True)
    shared = int(present.sum())
    if not shared:
        return Evidence(0.0, 0.0, 0)
    run = longest_run(present[small.order])
    return Evidence(shared / len(small), shared / (len(a) + len(b) - shared), run + shingle - 1)


@dataclass
class CopyModel:
    """Logistic weights over `FEATURES` and the probability above which a pair is a copy."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, ev: Evidence) -> float:
        z = self.bias + sum(self.weights[k] * x for k, x in zip(FEATURES, ev.features(),
                                                                 strict=True))  # fmt: skip
        return 1.0 / (1.0 + math.exp(-z))

    def is_copy(self, ev: Evidence) -> bool:
        return self.probability(ev) >= self.threshold

    def to_json(self) -> str:
        return json.dumps({"weights": self.weights, "bias": self.bias,
                           "threshold": self.threshold, "meta": self.meta}, indent=2)  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> CopyModel:
        data = json.loads(text)
        missing = set(FEATURES) - set(data["weights"])
        if missing:
            raise ValueError(f"copy model lacks weights for {sorted(missing)}")
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5), data.get("meta", {}))


@lru_cache(maxsize=1)
@untimed
def default_copy_model() -> CopyModel:
    """The shipped model, read once per process."""
    text = resources.files("newsloom.resources").joinpath("copy_model.json").read_text("utf-8")
    return CopyModel.from_json(text)
