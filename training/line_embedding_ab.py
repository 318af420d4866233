"""Experiment (issue 9): the text line model with and without the meaning columns, on the
choose sites.

    PYTHONPATH=src python training/line_embedding_ab.py [--max-words 12] [--shared ../shared]

Furniture wording differs by site but means the same ("Leave a reply", "Post a comment"), which
hashed n-grams cannot carry to a new site; a vector of the line's meaning might
(`clean/linemeaning.py`: the mean of MiniLM's input vectors of a short line's word pieces, a
logistic regression on it out of fold over the train sites, its logit, neighbours' logits and
window means as more columns of the trees). Both models are fitted by the shipped
`linetrain.fit` in the same run, with and without those columns, and scored on the *choose*
sites (never the report sites): furniture removed at 0.95 / 0.97 / 0.98 of article lines kept,
one threshold for all lines. Nothing here ships: it prints figures. (The first version of this
script, in the history, also tried MiniLM's sentence embedding, 48 tokens, in place of the
word pieces' mean.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsloom.clean.linetrain import fit, line_scores, removed_at_kept
from newsloom.evaluation.boilerplate_pages import learning_pages

ROOT = Path(__file__).resolve().parents[1]
KEPT = (0.95, 0.97, 0.98)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--max-words", type=int, default=12)
    args = parser.parse_args()
    train, choose = learning_pages(args.shared / "data" / "boilerplate_pages")
    print(f"choose sites: {len(choose)} pages; meaning of lines under {args.max_words} words")
    for name, words in (("current text model", None), ("+ meaning columns", args.max_words)):
        prob, body, _ = line_scores(fit(train, meaning_words=words), choose)
        cells = [f"removed {removed_at_kept(prob, body, kept):.3f} at kept {kept}" for kept in KEPT]
        print(f"  {name}: " + ", ".join(cells))


if __name__ == "__main__":
    main()
