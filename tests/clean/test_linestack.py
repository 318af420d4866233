"""The second stage of the line model: its columns, its fit, and files with and without it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from tests.clean.conftest import MENU, PROSE

import newsloom.clean.linetrain as linetrain
from newsloom.clean.boilerplate import rule_reasons
from newsloom.clean.linemodel import LineModel
from newsloom.clean.linestack import CONFIDENT, STACK_COLUMNS, stack_columns
from newsloom.clean.linetrain import FOLDS, TrainingPage, fit

COMMENTS = [
    "I live near the river and nobody told us anything until the water was at the door.",
    "Great reporting, thanks for following this story when the big papers did not.",
]


def _columns(prob: list[float]) -> dict[str, np.ndarray]:
    cols = stack_columns(np.array(prob))
    assert cols.shape == (len(prob), len(STACK_COLUMNS))
    return {name: cols[:, i] for i, name in enumerate(STACK_COLUMNS)}


def test_neighbours_and_windows_of_the_first_verdicts() -> None:
    prob = [0.9, 0.8, 0.1, 0.05, 0.6, 0.95]
    col = _columns(prob)
    assert list(col["stack"]) == prob
    # the line before, seen from each line; nothing past the page's first line
    assert np.isnan(col["stack_-1"][0]) and list(col["stack_-1"][1:]) == prob[:-1]
    assert list(col["stack_+3"][:3]) == prob[3:] and np.isnan(col["stack_+3"][3:]).all()
    # the window leaves the line itself out: line 1's neighbours are 0.9 and 0.1
    assert col["stack_mean1"][1] == pytest.approx(0.5)
    assert col["stack_before3"][3] == pytest.approx((0.9 + 0.8 + 0.1) / 3)
    assert col["stack_after3"][0] == pytest.approx((0.8 + 0.1 + 0.05) / 3)
    assert np.isnan(col["stack_before3"][0]) and np.isnan(col["stack_after10"][-1])
    # lowest and highest two lines either side, the line left out
    assert col["stack_min2"][0] == 0.1 and col["stack_min2"][1] == 0.05
    assert col["stack_max2"][3] == 0.95 and col["stack_max2"][5] == 0.6


def test_distances_to_the_lines_the_first_trees_are_sure_of() -> None:
    # article lines (under CONFIDENT) at 2 and 3; a run of plain prose after them
    prob = [0.9, 0.9, 0.05, 0.1, 0.5, 0.4, 0.6]
    assert all(p >= CONFIDENT for i, p in enumerate(prob) if i not in (2, 3))
    col = _columns(prob)
    assert list(col["stack_article_before"][4:]) == [1.0, 2.0, 3.0]
    assert list(col["stack_article_after"][:2]) == [2.0, 1.0]
    assert col["stack_article_after"][-1] == 100.0  # none after: as far as it counts
    assert list(col["stack_after_article"]) == [0, 0, 0, 0, 1, 1, 1]
    assert list(col["stack_before_article"]) == [1, 1, 0, 0, 0, 0, 0]
    assert list(col["stack_article_share_after"]) == [1, 1, 0.5, 0, 0, 0, 0]


def test_a_page_without_a_sure_article_line_and_an_empty_page() -> None:
    col = _columns([0.5, 0.7])
    assert (col["stack_article_before"] == 100.0).all()
    assert (col["stack_after_article"] == 1.0).all() and (col["stack_before_article"] == 1).all()
    one = _columns([0.3])
    assert np.isnan(one["stack_-1"][0]) and np.isnan(one["stack_min2"][0])
    assert stack_columns(np.zeros(0)).shape == (0, len(STACK_COLUMNS))


def _pages(n: int = 9) -> list[TrainingPage]:
    lines = (*MENU, *PROSE, *COMMENTS)
    labels = (False,) * len(MENU) + (True,) * len(PROSE) + (False,) * len(COMMENTS)
    return [TrainingPage(f"site{i}", lines, labels) for i in range(n)]


def test_the_second_stage_learns_from_out_of_fold_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first trees that give the second stage its columns never saw the page's site: one
    fit per fold of sites, each on fewer lines than all, then the first and second stages on
    all of them."""
    rows: list[int] = []
    real = linetrain._fit_trees

    def spy(features: list[np.ndarray], ys: list[np.ndarray], ws: list[np.ndarray]) -> object:
        rows.append(sum(len(x) for x in features))
        return real(features, ys, ws)

    monkeypatch.setattr(linetrain, "_fit_trees", spy)
    pages = _pages()
    total = sum(len(p.lines) for p in pages)
    folds = linetrain.site_folds(pages)
    model = fit(pages, meaning_words=None, stack=True)
    assert model.stack is not None
    assert len(rows) == FOLDS + 2 and rows[0] == rows[-1] == total
    for k, seen in enumerate(rows[1:-1]):
        assert seen == sum(len(p.lines) for p, f in zip(pages, folds, strict=True) if f != k)
    rows.clear()
    assert fit(pages, meaning_words=None).stack is None  # one stage unless asked
    assert rows == [total]


def test_the_second_stage_scores_and_is_saved(tmp_path: Path) -> None:
    model = fit(_pages(), meaning_words=None, stack=True)
    lines = [*MENU, *PROSE, *COMMENTS]
    rules = rule_reasons(lines)
    first = replace(model, stack=None).score(lines, rules).prob
    stacked = model.score(lines, rules).prob
    assert model.stack is not None
    # the score is the second forest's, on the first stage's columns and its windowed verdicts
    base = replace(model, stack=None)
    from newsloom.clean.linecontext import page_features

    feats = page_features(lines, rules, base.word_scores(lines, rules))
    expect = model.stack.prob(np.hstack([feats, stack_columns(first)]))
    assert np.allclose(stacked, expect)
    path = tmp_path / "m.npz"
    model.save(path)
    again = LineModel.load(path)
    assert again.stack is not None
    assert np.array_equal(again.stack.threshold, model.stack.threshold)
    assert np.allclose(again.score(lines, rules).prob, stacked, atol=2e-2)


def test_a_file_saved_before_the_second_stage_loads_and_scores_as_one_stage(
    tmp_path: Path,
) -> None:
    model = fit(_pages(), meaning_words=None, stack=True)
    path = tmp_path / "m.npz"
    model.save(path)
    # the same file as an older version wrote it: no `stack_` arrays
    with np.load(path) as data:
        old = {k: data[k] for k in data.files if not k.startswith("stack_")}
    assert len(old) < len(np.load(path).files)
    np.savez_compressed(path, **old)
    again = LineModel.load(path)
    assert again.stack is None
    lines = [*MENU, *PROSE, *COMMENTS]
    rules = rule_reasons(lines)
    one = replace(model, stack=None).score(lines, rules).prob
    assert np.allclose(again.score(lines, rules).prob, one, atol=2e-2)
