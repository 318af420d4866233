"""Does a shipped line model still read the columns it learned from?

A line model's trees split on columns that code computes: word n-grams, shapes, the hand rules'
verdicts, markup, meaning. When that code changes and nobody retrains, the shipped file still
loads and scores, only worse, and nothing says so (it happened once: the markup model of
c33c3c7 had been learned from inputs the code no longer made). So the training run stores, in
the model file, the furniture probabilities it gave the lines of a few choose pages
(`with_check`), and the test suite rescores those pages with today's code (`check_failures`).
A failure means: retrain with training/train_boilerplate_lines.py.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from newsloom.clean.linemodel import LineModel
from newsloom.clean.linetrain import line_scores
from newsloom.evaluation.boilerplate_pages import _training
from newsloom.evaluation.pages import LabelledPage, read_pages, with_peers
from newsloom.hashing import stable_hash

__all__ = ["CHECK_PAGES", "TOLERANCE", "check_failures", "check_pages", "with_check"]

#: choose pages whose lines the check rescores (6,299 lines of 30 sites)
CHECK_PAGES = 40
#: one choose page in about this many is a check page (by a seeded hash of its name), so the
#: check pages come from several sites and collections, not one site's run of pages
CHECK_SPREAD = 12
#: the largest difference of a line's probability taken as equal (the file keeps float32)
TOLERANCE = 1e-5


def check_pages(
    root: Path, markup: bool, names: tuple[str, ...] | None = None
) -> list[LabelledPage]:
    """The pages `names` of boilerplate_pages at `root` (or `CHECK_PAGES` choose pages with
    lines, one in `CHECK_SPREAD`), read as the model reads them: with their markup and
    trafilatura's verdicts for a markup model."""
    pages = []
    found = read_pages(
        root, splits=("choose",), with_html=markup, with_blocks=markup, names=names
    )
    for page in found:
        if not page.lines:
            continue
        if names is None and int(stable_hash(page.name, size=4), 16) % CHECK_SPREAD:
            continue
        pages.append(with_peers(page) if markup else replace(page, blocks=None))
        if names is None and len(pages) == CHECK_PAGES:
            break
    return pages


def _probabilities(model: LineModel, pages: list[LabelledPage]) -> np.ndarray:
    return line_scores(model, _training(pages))[0].astype(np.float32)


def with_check(model: LineModel, root: Path) -> LineModel:
    """`model` as its file will load it (the file rounds some weights), carrying its
    probabilities on the check pages, to be saved."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.npz"
        model.save(path)
        model = LineModel.load(path)
    pages = check_pages(root, model.markup)
    return replace(model, check=(tuple(p.name for p in pages), _probabilities(model, pages)))


def check_failures(model: LineModel, root: Path) -> list[str]:
    """Why today's code does not give the model's stored probabilities ([] when it does)."""
    if model.check is None:
        return ["the model file holds no check (saved before checks, or not by the script)"]
    names, stored = model.check
    pages = check_pages(root, model.markup, names)
    if tuple(p.name for p in pages) != names:
        missing = sorted(set(names) - {p.name for p in pages})
        return [f"check pages absent from {root}: {', '.join(missing)}"]
    now = _probabilities(model, pages)
    if now.shape != stored.shape:
        return [f"{len(now)} lines on the check pages today, {len(stored)} when trained"]
    off = np.abs(now - stored) > TOLERANCE
    if not off.any():
        return []
    worst = float(np.abs(now - stored).max())
    return [
        f"{int(off.sum())} of {len(now)} check lines score differently today "
        f"(at most by {worst:.4f}): the feature code changed since the model was trained"
    ]
