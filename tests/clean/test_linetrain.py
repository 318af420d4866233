"""Learning the line model: lines whose gold label the cross-fitted trees doubt (`doubt`)."""

from __future__ import annotations

import numpy as np
import pytest
from tests.clean.conftest import MENU, PROSE

import newsloom.clean.linetrain as linetrain
from newsloom.clean.linetrain import FOLDS, TrainingPage, fit


def _pages(noisy_sites: int) -> list[TrainingPage]:
    """Sixty sites of a menu run and prose (the trees need a hundred lines a leaf); on the first
    `noisy_sites` the gold holds the menu as article text too (as a page's gold sometimes
    holds a table of place names)."""
    lines = (*MENU, *PROSE)
    right = (False,) * len(MENU) + (True,) * len(PROSE)
    wrong = (True,) * len(lines)
    return [
        TrainingPage(f"site{i}.example", lines, wrong if i < noisy_sites else right)
        for i in range(60)
    ]


def _final_weights(monkeypatch: pytest.MonkeyPatch, pages: list[TrainingPage], doubt: float | None
                   ) -> tuple[int, list[np.ndarray]]:  # fmt: skip
    """How many times the trees were fitted, and the weights of the last (the final) fit."""
    calls: list[list[np.ndarray]] = []
    real = linetrain._fit_trees

    def spy(features: list[np.ndarray], ys: list[np.ndarray], ws: list[np.ndarray]) -> object:
        calls.append([np.asarray(w, dtype=float) for w in ws])
        return real(features, ys, ws)

    monkeypatch.setattr(linetrain, "_fit_trees", spy)
    fit(pages, meaning_words=None, doubt=doubt)
    return len(calls), calls[-1]


def test_doubted_gold_is_left_out_of_the_final_trees(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages(noisy_sites=1)
    n, weights = _final_weights(monkeypatch, pages, doubt=0.2)
    assert n == FOLDS + 1  # trees on the other folds of sites for every page, then the final
    menu = len(MENU)
    # the menu the noisy gold calls article text: the other sites' trees doubt it
    assert (weights[0][:menu] == 0).all()
    assert (weights[0][menu:] > 0).all()  # its prose is article text, as the gold says
    # what every other site's gold says is learned as before
    for w in weights[1:]:
        assert (w > 0).all()


def test_without_doubt_every_line_is_learned(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages(noisy_sites=1)
    n, weights = _final_weights(monkeypatch, pages, doubt=None)
    assert n == 1
    assert all((w > 0).all() for w in weights)
