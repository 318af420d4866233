"""The line model's second pass: each line with its neighbours' first-pass probabilities."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsloom.clean.boilerplate import rule_reasons
from newsloom.clean.linecontext import page_features
from newsloom.clean.linemodel import LineModel
from newsloom.clean.linestack import stack_column_names, stack_columns
from newsloom.clean.linetrain import TrainingPage, fit

PROSE = [
    "The water board said on Friday that the reservoir would be drained over the summer so "
    "that engineers could repair the dam, which has leaked since a small earthquake in March.",
    "Farmers who draw water from the lake were told they would be paid for the crops they "
    "lose, and the town will truck drinking water to the villages along the valley road.",
    "The repairs are expected to cost about twelve million euros, most of it from a fund that "
    "the region set up after the floods, and to last until the rains come back in October.",
]
MENU = ["Home", "Politics", "Business", "Sport", "Weather", "About us"]


def test_columns_show_the_neighbours_and_the_runs_around_a_line() -> None:
    prob = np.array([0.9, 0.8, 0.1, 0.2, 0.3])
    cols = stack_columns(prob)
    names = stack_column_names()
    assert cols.shape == (5, len(names))
    assert np.allclose(cols[:, names.index("first")], prob)
    assert np.allclose(cols[:, names.index("-1:first")], [-1.0, 0.9, 0.8, 0.1, 0.2])
    assert np.allclose(cols[:, names.index("+2:first")], [0.1, 0.2, 0.3, -1.0, -1.0])
    # the line itself is left out of its window
    assert np.isclose(cols[2, names.index("w1:first")], (0.8 + 0.2) / 2)
    assert np.allclose(cols[:, names.index("first_rank")], [1.0, 0.75, 0.0, 0.25, 0.5])
    assert stack_columns(np.zeros(0)).shape == (0, len(names))
    assert np.allclose(stack_columns(np.array([0.4]))[0, names.index("w2:first")], -1.0)


def test_a_model_with_a_second_pass_saves_and_loads_it(tmp_path: Path) -> None:
    lines = (*MENU, *PROSE)
    labels = (False,) * len(MENU) + (True,) * len(PROSE)
    pages = [TrainingPage(f"site{i}", lines, labels) for i in range(9)]
    model = fit(pages, stack=True)
    assert model.second is not None and fit(pages).second is None
    scored = model.score(lines, rule_reasons(lines))
    # the second pass decides: its trees read the first pass's probabilities
    features = page_features(lines, rule_reasons(lines), scored.stage1)
    first = model.forest.prob(features)
    expected = model.second.prob(np.hstack([features, stack_columns(first)]))
    assert np.allclose(scored.prob, expected)
    path = tmp_path / "m.npz"
    model.save(path)
    again = LineModel.load(path)
    assert again.second is not None
    assert np.allclose(again.score(lines, rule_reasons(lines)).prob, scored.prob, atol=2e-2)
