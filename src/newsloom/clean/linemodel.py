"""The boilerplate line model: is a line of a page article text or page furniture?

Two learned stages (training/train_boilerplate_lines.py):

1. a linear *word model* over each line's hashed word n-grams and hashed cues
   (`linefeatures.page_cues`: shape, place, the hand rules' verdict, the neighbours' shape); its
   logit says what the line's own words suggest;
2. boosted trees over dense features of the line among its neighbours
   (`linecontext.page_features`: shape, distance to the page's densest run of prose, the
   neighbours' shapes and word-model logits, window averages): furniture comes in runs, and a
   short line between two paragraphs is a subhead where between two menu items it is a link.

Weights ship as `resources/boilerplate_lines.npz` (hashing needs no vocabulary file; the trees
are stored as arrays, `trees.Forest`) and are loaded once per process (`default_model`). The
decision thresholds are chosen on held-out sites and stored with the weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from newsloom.clean.linecontext import page_features
from newsloom.clean.linefeatures import FEATURE_BITS, WORD_BITS, page_cues
from newsloom.clean.trees import Forest

__all__ = ["LineModel", "Scored", "default_model", "stage1_matrix"]

MODEL_FILE = "boilerplate_lines.npz"
_WORDS = HashingVectorizer(
    n_features=2**WORD_BITS,
    ngram_range=(1, 2),
    alternate_sign=False,
    token_pattern=r"(?u)\b\w+\b",
)
_CUES = FeatureHasher(n_features=2**FEATURE_BITS, input_type="string", alternate_sign=False)
_GRAMS = FeatureHasher(n_features=2**WORD_BITS, input_type="string", alternate_sign=False)


def stage1_matrix(lines: Sequence[str], rules: Sequence[str | None]) -> sparse.csr_matrix:
    """Word and cue columns of every line of one page."""
    words = _WORDS.transform(lines)
    cues = _CUES.transform(page_cues(lines, rules))
    return sparse.hstack([words, cues], format="csr")


@dataclass(frozen=True)
class Scored:
    """A page's lines judged: the probability each is furniture, and the verdict."""

    prob: np.ndarray
    boilerplate: np.ndarray
    stage1: np.ndarray


@dataclass(frozen=True)
class LineModel:
    """The word model's weights, the trees, and the thresholds on the trees' probability: one
    for lines a hand rule fired on, one for the others (both chosen on held-out sites); and the
    same pair for text an extractor (trafilatura) already cleaned, chosen on its output for
    those sites.
    """

    w1: np.ndarray
    b1: float
    forest: Forest
    threshold: float
    rule_threshold: float
    extracted: tuple[float, float] = (1.0, 1.0)

    def word_scores(self, lines: Sequence[str], rules: Sequence[str | None]) -> np.ndarray:
        """The word model's logit (furniture) for every line of one page."""
        return np.asarray(stage1_matrix(lines, rules) @ self.w1 + self.b1, dtype=float)

    def score(
        self, lines: Sequence[str], rules: Sequence[str | None], *, extracted: bool = False
    ) -> Scored:
        """Judge every line of one page (`rules`: the hand rules' reasons, used as cues;
        `extracted`: the lines are an extractor's output, not a whole page's)."""
        if not lines:
            empty = np.zeros(0)
            return Scored(empty, empty.astype(bool), empty)
        s1 = self.word_scores(lines, rules)
        prob = self.forest.prob(page_features(lines, rules, s1))
        fired = np.array([r is not None for r in rules])
        plain, ruled = self.extracted if extracted else (self.threshold, self.rule_threshold)
        return Scored(prob, prob >= np.where(fired, ruled, plain), s1)

    def top_cue(self, line: str, cues: Sequence[str]) -> str:
        """The word or cue that pushed this line most towards furniture (its `reason`)."""
        grams = _WORDS.build_analyzer()(line)
        best, best_w = "", 0.0
        if grams:
            norm = np.sqrt(len(grams))
            idx = _GRAMS.transform([[g] for g in grams]).indices
            for gram, i in zip(grams, idx, strict=True):
                w = self.w1[i] / norm
                if w > best_w:
                    best, best_w = f"'{gram}'", w
        if cues:
            idx = _CUES.transform([[c] for c in cues]).indices + 2**WORD_BITS
            for cue, i in zip(cues, idx, strict=True):
                if self.w1[i] > best_w:
                    best, best_w = cue, self.w1[i]
        return best or "neighbours"

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            w1=self.w1.astype(np.float16),
            b1=self.b1,
            threshold=self.threshold,
            rule_threshold=self.rule_threshold,
            extracted=np.array(self.extracted),
            **self.forest.arrays("trees"),
        )

    @classmethod
    def load(cls, path: Path) -> LineModel:
        with np.load(path) as data:
            return cls(
                w1=data["w1"].astype(np.float64),
                b1=float(data["b1"]),
                forest=Forest.from_arrays(data, "trees"),
                threshold=float(data["threshold"]),
                rule_threshold=float(data["rule_threshold"]),
                extracted=(float(data["extracted"][0]), float(data["extracted"][1])),
            )


@lru_cache(maxsize=1)
def default_model() -> LineModel:
    """The shipped model, loaded once per process."""
    with resources.as_file(resources.files("newsloom.resources") / MODEL_FILE) as path:
        return LineModel.load(path)
