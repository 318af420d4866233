"""The last word on which candidate attributions are reported speech: boosted trees over what
the two learned readers say of each.

Two readers weigh a candidate: `claim_model`'s logistic regression over the construction the
rules found (cue, shape, source, size) and `content_tagger`'s CRF, which reads the cue's
sentence token by token. The regression knows constructions; the tagger knows where
annotators end a content. This ranker puts them together: for each candidate, the
regression's probability, the tagger's probability that the cue has content at all, how much
of the candidate it marks as content and whether it marks the tokens just outside, how far
the candidate agrees with the tagger's own span, the shape and size. The tagger's own span
is a candidate too (shape ``tagged``) when no rule made it, so cues that no rule reads ("attacks
on ...") and contents cut a phrase too long or too short get a right span to weigh.

Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, trained by
`training/reported_model.py` on PolNeAR train/ from out-of-fold outputs of both readers) ship
as arrays in `resources/reported_ranker.npz` and are walked with numpy (`clean.trees`), one
call per article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from newsloom.analyse.claim_context import CONTEXT_FEATURES, Context, context_columns
from newsloom.analyse.claims import Claim, subject_of, tagged_claim
from newsloom.analyse.content_tagger import TaggedSpan
from newsloom.analyse.parse import Parse
from newsloom.clean.trees import Forest
from newsloom.deadline import untimed

__all__ = [
    "FEATURES",
    "RANKER_RESOURCE",
    "READER_FEATURES",
    "ClaimRanker",
    "load_claim_ranker",
    "ranker_rows",
]

RANKER_RESOURCE = "reported_ranker.npz"
SHAPES = (
    "clause", "aside", "infinitive", "object", "preposition", "according", "noun", "colon",
    "adjective", "tagged",
)  # fmt: skip
_SHAPE = {s: float(i) for i, s in enumerate(SHAPES)}
#: the columns of what the two readers say of a candidate, in order
READER_FEATURES = (
    "claim_probability",  # the regression's, or its best for the cue (-1: none)
    "cue_probability",  # the tagger's probability that the cue has content (-1: not asked)
    "mean_inside",  # mean of the tagger's content probabilities over the candidate's tokens
    "min_inside",
    "share_inside",  # share of the candidate's tokens the tagger marks as content
    "before_inside",  # the tagger's content probability of the token just before (-0.5: none)
    "after_inside",  # and just after
    "agreement",  # tokens shared with the tagger's span over the tokens of either
    "shape",
    "size",
    "siblings",  # candidates the rules made for the same cue
)
#: the columns of a candidate's row: the readers', then its surroundings' (`claim_context`)
FEATURES = READER_FEATURES + CONTEXT_FEATURES
_NONE = (-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0)


def _tagger_columns(first: int, last: int, tagged: TaggedSpan | None) -> tuple[float, ...]:
    if tagged is None:
        return _NONE
    inside, a = tagged.inside, tagged.start
    n = len(inside)
    own = [inside[j - a] for j in range(max(first, a), min(last, a + n - 1) + 1)] or [0.0]
    before = inside[first - 1 - a] if 0 <= first - 1 - a < n else -0.5
    after = inside[last + 1 - a] if 0 <= last + 1 - a < n else -0.5
    if tagged.first < 0:
        agreement = 0.0
    else:
        shared = min(tagged.last, last) - max(tagged.first, first) + 1
        agreement = max(shared, 0) / (max(tagged.last, last) - min(tagged.first, first) + 1)
    return (
        tagged.probability,
        sum(own) / len(own),
        min(own),
        sum(v >= 0.5 for v in own) / len(own),
        before,
        after,
        agreement,
    )


def ranker_rows(
    parse: Parse,
    scored: list[tuple[Claim, float]],
    tagged: list[TaggedSpan],
    context: Context,
    admissible: Callable[[Claim], bool] | None = None,
) -> tuple[list[Claim], np.ndarray]:
    """The candidates to rank, with their rows (`FEATURES`): the rules' candidates with the
    regression's probability, then each span the tagger marks that no rule made, with the
    source of its cue's other candidates or the cue's subject; each row ends with what
    `claim_context` reads around the candidate. `admissible(claim)` says whether a tagged
    candidate may stand (the rules that refuse some, `claim_model`)."""
    by_tag = {t.cue: t for t in tagged}
    by_cue: dict[int, list[tuple[Claim, float]]] = {}
    for claim, p in scored:
        by_cue.setdefault(claim.cue, []).append((claim, p))
    out: list[Claim] = []
    rows: list[tuple[float, ...]] = []
    for claim, p in scored:
        siblings = len(by_cue[claim.cue])
        rows.append((
            p, *_tagger_columns(claim.first, claim.last, by_tag.get(claim.cue)),
            _SHAPE[claim.shape], claim.last - claim.first + 1, siblings,
        ))  # fmt: skip
        out.append(claim)
    for t in tagged:
        if t.first < 0:
            continue
        own = by_cue.get(t.cue, [])
        if any(c.first == t.first and c.last == t.last for c, _ in own):
            continue
        if t.first <= t.cue <= t.last:
            continue
        source = own[0][0].source if own else subject_of(parse, t.cue)
        if source < 0:
            continue
        claim = tagged_claim(parse, t.cue, source, t.first, t.last)
        if claim is None or any(c.first == claim.first and c.last == claim.last for c, _ in own):
            continue
        if admissible is not None and not admissible(claim):
            continue
        best = max((p for _, p in own), default=-1.0)
        rows.append((
            best, *_tagger_columns(claim.first, claim.last, t), _SHAPE["tagged"],
            claim.last - claim.first + 1, len(own),
        ))  # fmt: skip
        out.append(claim)
    x = np.array(rows, dtype=np.float64).reshape(len(rows), len(READER_FEATURES))
    return out, np.hstack([x, context_columns(parse, out, x[:, 0].tolist(), context)])


@dataclass(frozen=True)
class ClaimRanker:
    """The trees and the decision threshold chosen on held-out outlets."""

    forest: Forest
    threshold: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return self.forest.prob(x) if len(x) else np.zeros(0)


@lru_cache(maxsize=1)
@untimed
def load_claim_ranker() -> ClaimRanker:
    """The shipped ranker, read once per process."""
    with resources.files("newsloom.resources").joinpath(RANKER_RESOURCE).open("rb") as f:
        data = np.load(f)
        forest = Forest.from_arrays(data, "trees")
        threshold = float(data["threshold"][0])
    return ClaimRanker(forest, threshold)
