"""Boosted trees copied out of scikit-learn into arrays: same predictions, no pickle."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from newsloom.clean.trees import Forest


def _fitted() -> tuple[HistGradientBoostingClassifier, np.ndarray]:
    rng = np.random.default_rng(9)
    x = rng.normal(size=(400, 5))
    y = (x[:, 0] + 0.5 * x[:, 1] ** 2 - x[:, 2] > 0.3).astype(int)
    x[rng.random(400) < 0.1, 3] = np.nan  # missing values take the side learned for them
    model = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(x, y)
    return model, x


def test_forest_predicts_as_sklearn() -> None:
    model, x = _fitted()
    forest = Forest.from_sklearn(model)
    assert np.allclose(forest.prob(x), model.predict_proba(x)[:, 1])
    assert forest.raw(np.zeros((0, 5))).shape == (0,)


def test_forest_round_trip(tmp_path: Path) -> None:
    model, x = _fitted()
    path = tmp_path / "f.npz"
    np.savez_compressed(path, **Forest.from_sklearn(model).arrays("t"))
    with np.load(path) as data:
        again = Forest.from_arrays(data, "t")
    assert np.allclose(again.prob(x), model.predict_proba(x)[:, 1], atol=1e-5)


def test_walkers_that_reach_a_shallow_leaf_stop_and_deep_trees_still_agree() -> None:
    """Trees of very uneven depth (a leaf after one split beside a chain of splits): walkers
    that reach their leaf early are dropped from the walk, and every row still ends where
    scikit-learn's own trees put it."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(600, 4))
    # one side of x0 is one class; the other needs many splits on x1
    y = np.where(x[:, 0] < 0, 0, (np.sin(4 * x[:, 1]) > 0).astype(int))
    x[rng.random(600) < 0.05, 2] = np.nan
    model = HistGradientBoostingClassifier(
        max_iter=20, max_leaf_nodes=40, min_samples_leaf=3, random_state=0
    ).fit(x, y)
    forest = Forest.from_sklearn(model)
    assert forest.depth >= 8
    assert np.allclose(forest.raw(x), model.decision_function(x))
    assert np.allclose(forest.prob(x[:1]), model.predict_proba(x[:1])[:, 1])
