"""Story figures: the scorers' arithmetic, and the floors on sets the model never saw.

Held-out sets only: the story model was trained on ECB+ topics 0 mod 3 and the demo corpus and
its threshold chosen on ECB+ topics 1 mod 3 (training/story_model.py); the floors sit on the dev
set, ECB+ topics 2 mod 3 and NewsWCL50, each above the trivial clusterings (every article alone,
all in one story) and, on the dev set, above MiniLM with agglomerative clustering at the
threshold best for the dev set itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import load_gold
from newsloom.evaluation.runner import evaluate_story_set, run_pipeline
from newsloom.evaluation.stories import (
    COPY_F1_FLOOR,
    DEV_F1_FLOOR,
    ECB_F1_FLOOR,
    WCL_F1_FLOOR,
    bcubed,
    group_pairs,
    pair_scores,
    score_stories,
)
from newsloom.evaluation.story_gold import load_ecbplus, load_newswcl50


def test_bcubed_by_hand() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3) and r == 1.0
    p, r, _ = bcubed({"a": "1", "b": "2", "c": "3"}, gold)
    assert p == 1.0 and r == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)


def test_pairs_of_groups_and_their_scores() -> None:
    assert group_pairs([["b", "a", "c"]]) == {("a", "b"), ("a", "c"), ("b", "c")}
    p, r, f, tp = pair_scores({("a", "b"), ("a", "c")}, {("a", "b")})
    assert (p, r, tp) == (0.5, 1.0, 1) and f == pytest.approx(2 / 3)


def _trivial(labels: dict[str, str]) -> float:
    alone = bcubed({i: i for i in labels}, labels)[2]
    together = bcubed(dict.fromkeys(labels, "all"), labels)[2]
    return max(alone, together)


def _ours(figures: list[Figure], name: str) -> float:
    (fig,) = [f for f in figures if f.system == "newsloom" and f.name.startswith(name)]
    assert fig.value is not None
    return fig.value


@pytest.fixture(scope="module")
def dev_figures(dev_set: Path) -> tuple[list[Figure], dict[str, str]]:
    gold = load_gold(dev_set)
    articles, _ = run_pipeline(gold)
    labels = {a.id: a.row["story"] for a in gold.articles}
    return score_stories(gold, articles), labels


def test_dev_story_floor_and_comparison(dev_figures) -> None:
    figures, labels = dev_figures
    f1 = _ours(figures, "story B-cubed F1")
    assert f1 >= DEV_F1_FLOOR > _trivial(labels)
    (minilm,) = [f for f in figures if f.name == "story B-cubed F1" and "MiniLM" in f.system]
    assert f1 > (minilm.value or 0)


def test_dev_copy_floor(dev_figures) -> None:
    figures, _ = dev_figures
    assert _ours(figures, "copy-pair F1") >= COPY_F1_FLOOR


@pytest.mark.slow
@pytest.mark.parametrize(("folder", "floor"), [("ecbplus", ECB_F1_FLOOR),
                                               ("newswcl50", WCL_F1_FLOOR)])  # fmt: skip
def test_held_out_story_floors(shared: Path, folder: str, floor: float) -> None:
    path = shared / "data" / folder
    figures = evaluate_story_set(path)
    assert _ours(figures, "story B-cubed F1") >= floor
    gold = load_ecbplus(path) if folder == "ecbplus" else load_newswcl50(path)
    labels = {a.id: a.row["story"] for a in gold.articles}
    assert floor > _trivial(labels)
