"""CPU cost of the text line model's meaning columns (issue 9), paired and interleaved.

    PYTHONPATH=src python benchmarks/line_meaning_cost.py --before OLD.npz [--after NEW.npz]
        [--n 200] [--shared ../shared]

Two inputs: lines of boilerplate_pages (train and choose sites, each page's lines joined as
text) and ECB+ news texts (what `newsloom.analyze` cleans). Each document is cleaned by the
clean stage (`clean_text(..., learned=True)`) with the model without the columns (`--before`,
e.g. main's boilerplate_lines.npz) and with them (`--after`, by default the shipped file),
in turn, the order alternating, so that drift on a shared machine falls on both alike; the
CPU time (`time.process_time`) of each call is summed. Both models are loaded, and the
word-piece table and tokenizer too, before timing; their one-time load is timed apart in a
fresh process (`--load`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from newsloom.clean import clean_text
from newsloom.clean.linemodel import MODEL_FILE, LineModel
from newsloom.evaluation.pages import read_pages, site_split

HERE = Path(__file__).resolve().parent


def pages_as_text(shared: Path, n: int) -> list[str]:
    pages = read_pages(shared / "data" / "boilerplate_pages", splits=("train", "choose"))
    texts = ["\n".join(p.lines) for p in pages if site_split(p.site) != "report" and p.lines]
    return texts[:: max(1, len(texts) // n)][:n]


def news_texts(shared: Path, n: int) -> list[str]:
    texts = []
    for path in sorted((shared / "data" / "ecbplus" / "docs").glob("*/*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text")
        if text:
            texts.append(text)
    return texts[:: max(1, len(texts) // n)][:n]


def paired(texts: list[str], before: LineModel, after: LineModel) -> tuple[float, float]:
    """Summed CPU seconds of the clean stage with each model, calls alternating in order."""
    spent = {0: 0.0, 1: 0.0}
    models = (before, after)
    for i, text in enumerate(texts):
        for k in (i % 2, 1 - i % 2):
            start = time.process_time()
            clean_text(text, learned=True, model=models[k])
            spent[k] += time.process_time() - start
    return spent[0], spent[1]


def load_cost() -> None:
    """Print the CPU time of loading the word-piece table and tokenizer (fresh process)."""
    import newsloom.clean.linemeaning as meaning

    start = time.process_time()
    meaning._table()
    print(f"word-piece table + tokenizer load: {1000 * (time.process_time() - start):.0f} ms CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--before", type=Path)
    shipped = HERE.parent / "src" / "newsloom" / "resources" / MODEL_FILE
    parser.add_argument("--after", type=Path, default=shipped)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--load", action="store_true", help="only time the one-time load")
    args = parser.parse_args()
    if args.load:
        load_cost()
        return
    if args.before is None:
        parser.error("--before is needed")
    subprocess.run([sys.executable, __file__, "--load"], check=True)
    before, after = LineModel.load(args.before), LineModel.load(args.after)
    for name, texts in (
        ("boilerplate pages", pages_as_text(args.shared, args.n)),
        ("ECB+ news texts", news_texts(args.shared, args.n)),
    ):
        paired(texts[:5], before, after)  # warm-up: the table, the spaCy-free caches
        for r in range(args.rounds):
            a, b = paired(texts, before, after)
            n = len(texts)
            print(
                f"{name} ({n}), round {r + 1}: without {1000 * a / n:.2f} ms/doc, "
                f"with {1000 * b / n:.2f} ms/doc, added {1000 * (b - a) / n:+.2f} ms/doc (CPU)"
            )


if __name__ == "__main__":
    main()
