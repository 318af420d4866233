"""Experiment: does the text line model gain on scraped news excerpts never seen when it also
learns from the dev set's (newsloom-dev) excerpts of other outlets?

The dev set's articles are the kind of input newsloom meets most (a scraper's lines with a
metadata prefix, as in ../shared/samples/seeds), while boilerplate_pages are whole web pages.
The dev sites are cut into `FOLDS` groups by a seeded hash of the site (an outlet's template is
never on both sides). For each group the model learns from the train sites of boilerplate_pages,
the demo gold and the dev pages of the other groups (weighed as the demo gold,
`NEWS_WEIGHT`), takes its thresholds on the choose sites as the shipped model does, and scores
the held-out group; the groups' verdicts are pooled. The baseline is the same fit without any
dev page (the eval's `fit_on_train`), scored on every dev page. jusText on the same lines is
the peer, in the same run. The report sites are never read.

    PYTHONPATH=src python training/line_dev_cv.py [--shared ../shared]

Finding (2026-12-07, main at 172bb2e; 70 dev pages of 67 sites, 74 furniture and 546 article
lines): no gain. Without the dev set 0.824 removed (61/74) / 1.000 kept (546/546); learning
from the other groups' dev pages, pooled over the four held-out groups, the same 0.824 (61/74) /
1.000 (groups: 20/23, 11/14, 20/27, 10/10 removed, nothing of the article lost); jusText on the
same lines 0.527 (39/74) / 0.795 (434/546). So the shipped model keeps leaving the dev set out
(`train_boilerplate_lines.py` without `--with-dev`), and its dev figures stay on text it never
saw. Each fit took 8 to 10 minutes of CPU on a loaded machine.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from newsloom.clean.linetrain import TrainingPage, calibrate, fit, line_scores
from newsloom.evaluation.boilerplate_pages import (
    DEMO_GOLD,
    KEPT_TARGET,
    NEWS_WEIGHT,
    PRECISION,
    _training,
    justext_verdicts,
    line_figures,
)
from newsloom.evaluation.pages import (
    comments_as_furniture,
    gold_set_pages,
    read_pages,
    site_split,
)
from newsloom.hashing import stable_hash

FOLDS = 4
ROOT = Path(__file__).resolve().parents[1]


def _figures(name: str, removed: np.ndarray, article: np.ndarray) -> str:
    """One line of the eval's removed and kept figures (`line_figures`)."""
    cells = [
        f"{f.name.split()[-1]} {f.value:.3f} ({f.numerator}/{f.denominator})"
        for f in line_figures("dev", name, removed, article)
    ]
    return f"{name:<34} " + "  ".join(cells)


def _verdicts(model, pages: list[TrainingPage]) -> tuple[np.ndarray, np.ndarray]:
    probs, article, fired = line_scores(model, pages)
    return model.decide(probs, fired), article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    pages = list(read_pages(args.shared / "data" / "boilerplate_pages", splits=("train", "choose")))
    pages = [comments_as_furniture(p) for p in pages]
    train = _training([p for p in pages if site_split(p.site) == "train"])
    choose = _training([p for p in pages if site_split(p.site) == "choose"])
    demo = _training(list(gold_set_pages(DEMO_GOLD)), NEWS_WEIGHT)
    dev = list(gold_set_pages(args.shared / "data" / "newsloom-dev"))
    fold = {p.name: int(stable_hash(f"dev-fold:{p.site}", size=8), 16) % FOLDS for p in dev}
    print(f"{len(dev)} dev pages of {len({p.site for p in dev})} sites in {FOLDS} site groups")

    base = calibrate(fit(train + demo), choose, KEPT_TARGET, PRECISION)
    removed, article = _verdicts(base, _training(dev))
    print(_figures("without the dev set", removed, article))
    jt = np.array([v for p in dev for v in justext_verdicts(p.lines)])
    print(_figures("jusText", jt, article))

    pooled_removed, pooled_article = [], []
    for k in range(FOLDS):
        held = [p for p in dev if fold[p.name] == k]
        if not held:
            continue
        rest = _training([p for p in dev if fold[p.name] != k], NEWS_WEIGHT)
        model = calibrate(fit(train + demo + rest), choose, KEPT_TARGET, PRECISION)
        r, a = _verdicts(model, _training(held))
        print(_figures(f"  group {k} ({len(held)} pages), with the others", r, a))
        pooled_removed.append(r)
        pooled_article.append(a)
    print(
        _figures(
            "with the other groups' dev pages",
            np.concatenate(pooled_removed),
            np.concatenate(pooled_article),
        )
    )


if __name__ == "__main__":
    main()
