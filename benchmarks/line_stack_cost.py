"""CPU cost of the line models' second stage of trees (issue 9), paired and interleaved.

    PYTHONPATH=src python benchmarks/line_stack_cost.py [--model FILE.npz] [--markup]
        [--n 200] [--rounds 2] [--shared ../shared]

The same loaded model scores each page with its second stage (`linestack`) and without it
(`stack=None`: the first stage alone, the same word model and first trees), in turn, the order
alternating, so that drift on a shared machine falls on both alike; the CPU time
(`time.process_time`) of each call is summed. Text model (default: the shipped
boilerplate_lines.npz): the clean stage on boilerplate_pages lines joined as text
(`clean_text(..., learned=True)`). `--markup` (default: the shipped boilerplate_markup.npz):
`LineModel.score` on each page's own lines with their markup and trafilatura's verdicts (the
verdicts computed once, before timing).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from newsloom.clean import clean_text
from newsloom.clean.linemodel import MARKUP_FILE, MODEL_FILE, LineModel
from newsloom.evaluation.pages import read_pages, site_split, with_peers

HERE = Path(__file__).resolve().parent
RESOURCES = HERE.parent / "src" / "newsloom" / "resources"


def paired(
    jobs: list[Callable[[LineModel], object]], models: tuple[LineModel, LineModel]
) -> tuple[float, float]:
    """Summed CPU seconds of each job with each model, calls alternating in order."""
    spent = [0.0, 0.0]
    for i, job in enumerate(jobs):
        for k in (i % 2, 1 - i % 2):
            start = time.process_time()
            job(models[k])
            spent[k] += time.process_time() - start
    return spent[0], spent[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--model", type=Path)
    parser.add_argument("--markup", action="store_true")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    path = args.model or RESOURCES / (MARKUP_FILE if args.markup else MODEL_FILE)
    model = LineModel.load(path)
    if model.stack is None:
        parser.error(f"{path} has no second stage")
    pages = [
        p
        for p in read_pages(
            args.shared / "data" / "boilerplate_pages",
            splits=("train", "choose"),
            with_html=args.markup,
            with_blocks=args.markup,
        )
        if site_split(p.site) != "report" and p.lines
    ]
    pages = pages[:: max(1, len(pages) // args.n)][: args.n]
    jobs: list[Callable[[LineModel], object]] = []
    for page in pages:
        if args.markup:
            peered = with_peers(page)
            lines, blocks = list(peered.lines), peered.blocks
            jobs.append(lambda m, x=lines, b=blocks: m.score(x, [None] * len(x), blocks=b))
        else:
            text = "\n".join(page.lines)
            jobs.append(lambda m, t=text: clean_text(t, learned=True, model=m))
    models = (replace(model, stack=None), model)
    paired(jobs[:5], models)  # warm-up
    for r in range(args.rounds):
        a, b = paired(jobs, models)
        n = len(jobs)
        print(
            f"{path.name} ({n} pages), round {r + 1}: one stage {1000 * a / n:.2f} ms/page, "
            f"two stages {1000 * b / n:.2f} ms/page, added {1000 * (b - a) / n:+.2f} ms/page "
            "(CPU, loaded)",
            flush=True,
        )


if __name__ == "__main__":
    main()
