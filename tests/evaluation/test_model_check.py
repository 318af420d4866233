"""The shipped line models still read the columns they learned from (`model_check`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import newsloom.clean.linemodel as linemodel
from newsloom.clean.linemodel import LineModel, default_model, markup_model
from newsloom.evaluation.model_check import CHECK_PAGES, check_failures, with_check


def _pages_root(shared: Path) -> Path:
    root = shared / "data" / "boilerplate_pages"
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    return root


@pytest.mark.parametrize("load", [default_model, markup_model], ids=["text", "markup"])
def test_shipped_models_score_their_check_pages_as_when_trained(
    shared: Path, load: object
) -> None:
    model = load()  # type: ignore[operator]
    assert model.check is not None, "retrain with training/train_boilerplate_lines.py"
    names, prob = model.check
    assert len(names) == CHECK_PAGES and len(prob) > 100
    assert check_failures(model, _pages_root(shared)) == []


def test_a_change_of_the_feature_code_is_caught(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today's code computing one column otherwise (here: every line's length doubled) is
    what a stale model file looks like."""
    root = _pages_root(shared)
    model = with_check(default_model(), root)
    assert check_failures(model, root) == []
    real = linemodel.page_features

    def drifted(*args: object, **kwargs: object) -> np.ndarray:
        columns = real(*args, **kwargs)  # type: ignore[arg-type]
        columns[:, 0] *= 2.0
        return columns

    monkeypatch.setattr(linemodel, "page_features", drifted)
    failures = check_failures(model, root)
    assert len(failures) == 1 and "feature code changed" in failures[0]


def test_the_check_is_saved_and_loaded_with_the_model(shared: Path, tmp_path: Path) -> None:
    root = _pages_root(shared)
    model = with_check(default_model(), root)
    assert model.check is not None
    path = tmp_path / "m.npz"
    model.save(path)
    again = LineModel.load(path)
    assert again.check is not None
    assert again.check[0] == model.check[0]
    assert np.array_equal(again.check[1], model.check[1])
    assert check_failures(again, root) == []
    # a file without a check says so instead of passing
    failures = check_failures(replace(again, check=None), root)
    assert len(failures) == 1 and "holds no check" in failures[0]
