"""Rebuild src/newsloom/resources/boilerplate_lines.npz and boilerplate_markup.npz, the
boilerplate line models (for text, and for an HTML page's own lines).

    PYTHONPATH=src python training/train_boilerplate_lines.py [--shared ../shared] [--with-dev]
        [--dump lines.jsonl] [--text-only | --markup-only]

Learns from ../shared/data/boilerplate_pages (Dragnet, CleanEval, CleanPortalEval, Readability
test pages; each page flattened into scraper lines and labelled by its gold) and from the demo
corpus gold. Only the sites of the *train* split are learned from; the threshold is chosen on
the *choose* split (the lowest that keeps KEPT_TARGET of all its article lines); reader comments
that a train or choose page's gold holds as article text are labelled furniture first
(`comments_as_furniture`: lines inside comment containers after the article); the *report* split
is left for `newsloom eval`. The dev set (newsloom-dev) is left out unless `--with-dev`, so that
its figures in `newsloom eval ../shared/data/newsloom-dev` are on text the model never saw.

The markup model (boilerplate_markup.npz) learns from the same train pages with each line's
markup (`clean/linehtml.py`) and trafilatura's verdict on it, as the extract stage runs
trafilatura (`clean/lineverdicts.py`), and without the hand rules' verdicts
(`MARKUP_READS_RULES`: they cost time and did not help it on the choose sites); its
thresholds are chosen the same way on the choose pages, one threshold for all lines
(`linetrain.calibrate`). Skip it with `--text-only`.

The text model learns with the meaning columns (`clean/linemeaning.py`, issue 9): a logistic
regression on each line under `linemeaning.MAX_WORDS` (12) words, on the mean of MiniLM's
word-piece vectors, out of fold over the same site folds as the word model; its logit, its
neighbours' and its window means are 8 more columns of the trees. On the choose sites, at 0.95
/ 0.97 / 0.98 of article lines kept, the text model removed 0.732 / 0.668 / 0.615 of furniture
with them and 0.706 / 0.609 / 0.517 without, in the same run (training/line_embedding_ab.py,
2026-12-07; the experiment's own torch-based version measured 0.731 / 0.666 / 0.620). On the
report sites (`newsloom eval`) 0.537 removed / 0.960 kept, 0.475 / 0.958 without. The markup
model learns without them (not tried with them).

The markup model learns a second stage of trees (`clean/linestack.py`, stacked sequential
learning, `MARKUP_STACK`): first trees cross-fitted over the site folds give each train page
out-of-fold furniture probabilities, and the second trees read them around each line
(neighbours, window means, lowest and highest, distance to the nearest sure article line,
after the last one) beside the first stage's columns. On the choose sites, at 0.95 / 0.97 /
0.98 of article lines kept, it removed 0.926 / 0.908 / 0.893 with it and 0.924 / 0.904 / 0.886
without, from one fit (training/line_stack_ab.py --markup, 2026-12-07); the text model gained
nothing clear (0.722 / 0.660 / 0.622 with, 0.732 / 0.668 / 0.615 without) and stays one stage.
The markup model with the meaning columns too (`--meaning-words 12`) removed 0.929 / 0.910 /
0.889 with the second stage and 0.924 / 0.907 / 0.886 without: less at 0.98 (the kept target
of its threshold) than without them, so it learns without them.

Tried and left out (2026-12-07, one run each, by a script kept outside the project): the text
model learned also from excerpts of the train pages, each cropped to its article lines and one
to eight lines around them (a seeded hash of the site chooses how many), as a scraper that
found the article's region hands text over: 1,096 crops beside the 1,304 pages, at weight 1.
On the choose sites, at 0.95 / 0.97 / 0.98 of article lines kept, whole pages: 0.727 / 0.656 /
0.607 removed with the crops, 0.721 / 0.666 / 0.622 without; the choose pages cropped the same
way (571): 0.559 / 0.482 / 0.421 with, 0.549 / 0.482 / 0.419 without. An excerpt's furniture
(captions, credits, teasers between paragraphs) is as hard for the line's own words and
neighbours with the crops as without them.

Deterministic: fixed seeds, sorted inputs, site folds by a seeded hash.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsloom.clean.linemodel import MARKUP_FILE, MODEL_FILE
from newsloom.clean.linetrain import TrainingPage, calibrate, calibrate_extracted, fit
from newsloom.evaluation.boilerplate_pages import (
    KEPT_TARGET,
    NEWS_WEIGHT,
    PRECISION,
    fit_on_train,
)
from newsloom.evaluation.model_check import with_check
from newsloom.evaluation.pages import (
    LabelledPage,
    comments_as_furniture,
    extracted_lines,
    gold_set_pages,
    read_pages,
    site_split,
    with_peers,
)

#: Share of the article lines trafilatura kept that the model must keep too (choose sites):
#: after an extractor, the model only takes out what it is sure of.
EXTRACTED_KEPT_TARGET = 0.995
EXTRACTED_PRECISION = 0.97

ROOT = Path(__file__).resolve().parents[1]
DEMO_GOLD = ROOT / "src" / "newsloom" / "demo" / "corpus" / "gold"


def _training(pages: list[LabelledPage], weight: float = 1.0) -> list[TrainingPage]:
    """Pages to learn from or choose on, reader comments labelled as furniture (the markup
    shows them; see `comments_as_furniture`), the markup itself then dropped."""
    pages = [comments_as_furniture(p) for p in pages]
    return [TrainingPage(p.site, p.lines, p.labels, weight) for p in pages]


def _markup_model(root: Path, out: Path) -> None:
    """The model of a page's own lines, learned with their markup and trafilatura's verdicts:
    the eval's own fit (`fit_on_train`), so the shipped file is the model it scores."""
    pages = [
        with_peers(p)
        for p in read_pages(root, splits=("train", "choose"), with_html=True, with_blocks=True)
    ]
    model = with_check(fit_on_train(pages, markup=True), root)
    model.save(out / MARKUP_FILE)
    train = sum(1 for p in pages if site_split(p.site) == "train")
    print(
        f"markup model: {train} training pages; threshold {model.threshold:.4f} "
        f"on {len(pages) - train} choose pages"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--with-dev", action="store_true", help="also learn from newsloom-dev")
    parser.add_argument("--dump", type=Path, help="write the labelled lines as JSON Lines")
    parser.add_argument("--text-only", action="store_true", help="skip the markup model")
    parser.add_argument("--markup-only", action="store_true", help="only the markup model")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "newsloom" / "resources")
    args = parser.parse_args()
    root = args.shared / "data" / "boilerplate_pages"
    if args.markup_only:
        _markup_model(root, args.out)
        return

    pages = list(read_pages(args.shared / "data" / "boilerplate_pages", with_blocks=True))
    train = [p for p in pages if site_split(p.site) == "train"]
    choose = [p for p in pages if site_split(p.site) == "choose"]
    extra = list(gold_set_pages(DEMO_GOLD))
    if args.with_dev:
        extra += list(gold_set_pages(args.shared / "data" / "newsloom-dev"))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for p in [*pages, *extra]:
                row = {"page": p.name, "site": p.site, "split": site_split(p.site)}
                fh.write(json.dumps({**row, "lines": p.lines, "article": p.labels}) + "\n")

    model = fit(_training(train) + _training(extra, NEWS_WEIGHT))
    model = calibrate(model, _training(choose), KEPT_TARGET, PRECISION)
    # HTML input: the lines trafilatura keeps of the choose pages
    extracted = [extracted_lines(p) for p in read_pages(root, splits=("choose",), with_html=True)]
    model = calibrate_extracted(
        model, _training(extracted), EXTRACTED_KEPT_TARGET, EXTRACTED_PRECISION
    )
    model = with_check(model, root)
    model.save(args.out / MODEL_FILE)
    print(
        f"{len(train)} + {len(extra)} training pages; thresholds {model.threshold:.4f} "
        f"(rule fired: {model.rule_threshold:.4f}) on {len(choose)} choose pages; "
        f"on extracted text {model.extracted[0]:.4f} ({model.extracted[1]:.4f})"
    )
    if not args.text_only:
        _markup_model(root, args.out)


if __name__ == "__main__":
    main()
