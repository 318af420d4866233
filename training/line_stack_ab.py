"""Experiment (issue 9): the line models with and without the second stage of trees
(stacked sequential learning, `clean/linestack.py`), on the choose sites.

    PYTHONPATH=src python training/line_stack_ab.py [--markup] [--meaning-words 12]
        [--shared ../shared]

The first trees see their neighbours' word-model and meaning logits but not their own verdict
on the neighbours; the second stage reads the first trees' out-of-fold probabilities around
each line. One `linetrain.fit` on the train sites gives both models: the first stage of the
fitted model is the same with or without the second, so the model without it is the fitted
one with `stack=None` (a paired comparison, the same word model and first trees). Both are
scored on the *choose* sites (never the report sites): furniture removed at 0.95 / 0.97 / 0.98
of article lines kept, one threshold for all lines. `--markup`: the model of a page's own lines
(its markup and trafilatura's verdicts, without the hand rules' verdicts, as `newsloom eval`
fits it); `--meaning-words N` gives that model the meaning columns too, and also scores it
fitted without them in the same run. Nothing here ships: it prints figures.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from newsloom.clean.linemeaning import MAX_WORDS
from newsloom.clean.linemodel import LineModel
from newsloom.clean.linetrain import TrainingPage, fit, line_scores, removed_at_kept
from newsloom.evaluation.boilerplate_pages import MARKUP_READS_RULES, learning_pages

ROOT = Path(__file__).resolve().parents[1]
KEPT = (0.95, 0.97, 0.98)


def _row(name: str, model: LineModel, choose: list[TrainingPage]) -> None:
    prob, body, _ = line_scores(model, choose)
    cells = [f"removed {removed_at_kept(prob, body, kept):.3f} at kept {kept}" for kept in KEPT]
    print(f"  {name}: " + ", ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--markup", action="store_true", help="the markup model")
    parser.add_argument("--meaning-words", type=int, help="markup model: with meaning columns")
    parser.add_argument(
        "--skip-plain", action="store_true", help="with --meaning-words: only that fit"
    )
    args = parser.parse_args()
    train, choose = learning_pages(args.shared / "data" / "boilerplate_pages", markup=args.markup)
    kind = "markup" if args.markup else "text"
    print(f"{kind} model; {len(train)} train pages, {len(choose)} choose pages", flush=True)
    variants = [None] if args.markup else [MAX_WORDS]
    if args.markup and args.meaning_words:
        # the fit is deterministic: the plain fit's figures are those of an earlier run
        variants = [args.meaning_words] if args.skip_plain else [None, args.meaning_words]
    for words in variants:
        start = time.process_time()
        model = fit(
            train,
            markup=args.markup,
            reads_rules=MARKUP_READS_RULES or not args.markup,
            meaning_words=words,
            stack=True,
        )
        took = time.process_time() - start
        print(f" meaning columns: {words or 'none'} (fit {took:.0f} s CPU, loaded)", flush=True)
        _row("one stage", replace(model, stack=None), choose)
        _row("+ second stage", model, choose)


if __name__ == "__main__":
    main()
