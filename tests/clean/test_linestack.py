"""The stacking columns: each line among the first trees' verdicts on its neighbours."""

from __future__ import annotations

import numpy as np

from newsloom.clean.linestack import stack_feature_names, stack_features


def _columns(logits: list[float]) -> dict[str, np.ndarray]:
    cols = stack_features(np.array(logits, dtype=float))
    names = stack_feature_names()
    assert cols.shape == (len(logits), len(names))
    return {name: cols[:, i] for i, name in enumerate(names)}


def test_neighbours_are_seen_and_missing_past_the_edges() -> None:
    col = _columns([5.0, -3.0, -4.0, 6.0])
    assert list(col["+1:logit"][:3]) == [-3.0, -4.0, 6.0] and np.isnan(col["+1:logit"][3])
    assert np.isnan(col["-1:logit"][0]) and col["-1:logit"][1] == 5.0
    # the window leaves the line out: line 1 sees 5 and -4 one line away
    assert col["w1:mean"][1] == 0.5 and col["w1:min"][1] == -4.0 and col["w1:max"][1] == 5.0


def test_sure_verdicts_and_the_article_block() -> None:
    logits = [4.0, 4.0, -3.0, -3.0, 1.0, -3.0, -3.0, 4.0, 4.0]
    col = _columns(logits)
    # lines 2 to 6 are the densest block of article verdicts (one doubtful line inside)
    assert list(col["block_in"]) == [0, 0, 1, 1, 1, 1, 1, 0, 0]
    assert col["block_length"][0] == 5 and col["block_distance"][8] == 2
    assert col["blocks"][0] == 2
    # the doubtful line 4 has a sure article line one above and one below
    assert col["sure_article_up"][4] == 1 and col["sure_article_down"][4] == 1
    assert col["sure_article_up"][0] == 999 and col["sure_furniture_down"][6] == 1
    assert col["same_side_run"][0] == 2 and col["same_side_run"][4] == 1


def test_page_spread_and_rank() -> None:
    col = _columns([3.0, -1.0, 2.0])
    assert list(col["page_rank"]) == [1.0, 0.0, 0.5]
    assert col["page_median"][0] == 2.0 and np.isclose(col["page_article"][0], 1 / 3)


def test_an_empty_page_has_no_rows() -> None:
    assert stack_features(np.zeros(0)).shape == (0, len(stack_feature_names()))
