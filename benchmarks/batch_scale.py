"""`newsloom batch` against `newsloom ingest` on one machine, and a projection to 1-100M articles.

    .venv/bin/python benchmarks/batch_scale.py [--articles 20000] [--partition-size 500]

Corpus: real texts from ../shared/data, the ECB+ news reports (plain text) and the htmldate_eval
pages (HTML), alternating, written as gzipped JSON Lines files of 1,000 rows. Past the ~2,000
distinct documents the texts cycle, each pass adding one line ("Update N.") so every row is its
own document (content hashes differ) at the same analysis cost.

Variants, each in its own subprocess, in one run:

* ``ingest --workers 1``: `Loom.ingest` without story building (the per-article path plus the
  store writes); the reference;
* ``batch --workers 1`` and ``batch --workers 2``: `run_batch` on a LocalCluster of one or two
  single-threaded worker processes, into Parquet shards; then ``ingest --shards`` loading
  those shards into a new store (DuckDB reading the Parquet files).

Printed: articles/s over the whole command (model loading included, as a user sees it), the
per-worker rate (articles / seconds the worker spent in partitions), the speed-up over ingest,
CPU milliseconds per article (the ingest process; the analysing threads of the workers: equal
figures mean a second worker adds no work of its own, so with a free core per worker the
speed-up approaches the worker count; a loaded machine lowers the rates, not this figure), and
the peak resident memory of each process that analysed (the ingest process, each Dask worker).
The projection takes the measured CPU time per article on a worker and the measured shard
bytes and load rate per article, and projects 1, 10 and 100 million articles on N workers, each
with a core to itself; its assumptions are printed with it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared"
ROWS_PER_FILE = 1000


def real_documents(shared: Path) -> list[dict]:
    """ECB+ texts and htmldate_eval pages, alternating (rows for a JSONL input)."""
    from newsloom.evaluation.published import htmldate_eval_pages

    texts = []
    for path in sorted((shared / "data" / "ecbplus" / "docs").glob("*/*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text")
        if text:
            texts.append({"text": text})
    pages = [
        {"html": page.path.read_bytes().decode("utf-8", "replace"), "url": page.url}
        for page in sorted(
            htmldate_eval_pages(shared / "data" / "htmldate_eval"), key=lambda p: str(p.path)
        )
    ]
    mixed = []
    for i in range(max(len(texts), len(pages))):
        mixed.extend(group[i] for group in (texts, pages) if i < len(group))
    return mixed


def write_corpus(shared: Path, n: int, folder: Path) -> list[Path]:
    docs = real_documents(shared)
    files: list[Path] = []
    for first in range(0, n, ROWS_PER_FILE):
        files.append(folder / f"part-{len(files):04d}.jsonl.gz")
        with gzip.open(files[-1], "wt", encoding="utf-8") as fh:
            for k in range(first, min(first + ROWS_PER_FILE, n)):
                fh.write(json.dumps(_row(docs, k), ensure_ascii=False) + "\n")
    return files


def _row(docs: list[dict], k: int) -> dict:
    row = dict(docs[k % len(docs)])
    passes = k // len(docs)
    if passes:
        field = "text" if "text" in row else "html"
        addition = f"\n\nUpdate {passes}." if field == "text" else f"<p>Update {passes}.</p>"
        row[field] = row[field] + addition
    row["id"] = f"b{k:07d}"
    return row


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- variants: each runs in its own process and prints one JSON line -------------------------


def run_ingest(files: list[Path], work: Path) -> dict:
    from newsloom.loom import Loom

    started, cpu = time.perf_counter(), time.process_time()
    report = Loom(work / "ingest.duckdb", workers=1).ingest(files, stories=False)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "articles": report.ingested,
        "documents": report.ingested + report.already_present + len(report.rejections),
        "seconds": seconds,
        "peaks_mb": [_peak_mb()],
        "worker_rates": [report.ingested / seconds],
        "cpu_seconds": cpu,
    }


def run_batch_variant(files: list[Path], work: Path, workers: int, partition_size: int) -> dict:
    import logging

    from distributed import Client, LocalCluster

    from newsloom.batch import run_batch
    from newsloom.batch.load import ingest_shards

    out = work / f"shards-{workers}"
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        report = run_batch(
            [str(f) for f in files], out, scheduler=cluster.scheduler_address,
            partition_size=partition_size,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        peaks = client.run(
            lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ).values()
    shard_bytes = sum(p.stat().st_size for p in out.rglob("*.parquet"))
    t0 = time.perf_counter()
    loaded, _ = ingest_shards(work / f"shards-{workers}.duckdb", out, stories=False)
    load_seconds = time.perf_counter() - t0
    return {
        "articles": report.articles,
        "documents": report.documents,
        "seconds": seconds,
        "peaks_mb": sorted(peaks),
        "worker_rates": [a / s for a, s, _ in report.workers.values() if s],
        "cpu_seconds": sum(c for _, _, c in report.workers.values()),
        "busy_seconds": sum(s for _, s, _ in report.workers.values()),
        "shard_bytes": shard_bytes,
        "load_seconds": load_seconds,
        "loaded": loaded.ingested,
    }


def measure(name: str, args: argparse.Namespace, files: list[Path], work: Path) -> dict:
    cmd = [sys.executable, __file__, "--variant", name, "--work", str(work),
           "--partition-size", str(args.partition_size), *map(str, files)]  # fmt: skip
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["variant"] = name
    return result


VARIANTS = ("ingest --workers 1", "batch --workers 1", "batch --workers 2")
SCALES = (1_000_000, 10_000_000, 100_000_000)
WORKER_COUNTS = (2, 16, 64, 256)


def project(results: dict[str, dict]) -> list[str]:
    """1, 10 and 100 million articles on N workers, from the measured per-article cost."""
    one, two = results["batch --workers 1"], results["batch --workers 2"]
    cpu = two["cpu_seconds"] / max(two["articles"], 1)
    contention = two["busy_seconds"] / two["cpu_seconds"] if two["cpu_seconds"] else 0.0
    efficiency = (two["articles"] / two["seconds"]) / (2 * one["articles"] / one["seconds"])
    bytes_per = two["shard_bytes"] / max(two["articles"], 1)
    load_rate = two["loaded"] / two["load_seconds"] if two["load_seconds"] else 0.0
    lines = [
        f"measured: {1000 * cpu:.0f} ms of CPU per article on a worker (batch --workers 2); "
        f"busy/CPU time {contention:.2f} (1.00 when each worker has a core to itself); "
        f"wall-clock efficiency of 2 workers over 1: {efficiency:.2f}; shards "
        f"{bytes_per / 1024:.1f} KiB per article; loading into one DuckDB file "
        f"{load_rate:.0f} articles/s",
        "assumptions: each worker has a core of this speed to itself (wall = CPU time); "
        "partitions are independent, so time falls as 1/N (the scheduler's per-task overhead, "
        "milliseconds, is nothing beside a partition's minutes); every worker reads its "
        "inputs as fast as it analyses them; the same article mix",
        f"  {'articles':>12} {'shards GiB':>11} " + " ".join(
            f"{f'{n} workers':>12}" for n in WORKER_COUNTS) + f" {'load (1 file)':>14}",
    ]  # fmt: skip
    for size in SCALES:
        cells = []
        for n in WORKER_COUNTS:
            hours = size * cpu / n / 3600
            cells.append(f"{hours:>10.1f} h" if hours < 48 else f"{hours / 24:>10.1f} d")
        load_h = size / load_rate / 3600 if load_rate else float("nan")
        lines.append(
            f"  {size:>12,} {size * bytes_per / 2**30:>11.1f} " + " ".join(cells)
            + f" {load_h:>12.1f} h"
        )  # fmt: skip
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(DEFAULT_SHARED))
    parser.add_argument("--articles", type=int, default=20_000, help="corpus size (rows)")
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--json", help="also write the raw measurements to this file")
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        files, work = [Path(f) for f in args.files], Path(args.work)
        if args.variant.startswith("ingest"):
            result = run_ingest(files, work)
        else:
            workers = int(args.variant.rsplit(" ", 1)[1])
            result = run_batch_variant(files, work, workers, args.partition_size)
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = write_corpus(Path(args.shared), args.articles, work)
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores; {args.articles} rows "
            f"(ECB+ texts and htmldate_eval pages) in {len(files)} .jsonl.gz files; partitions "
            f"of {args.partition_size}; one process per variant, in turn"
        )
        results = {name: measure(name, args, files, work) for name in VARIANTS}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    base = results[VARIANTS[0]]
    base_rate = base["articles"] / base["seconds"]
    print(f"\n  {'variant':<20} {'articles':>8} {'seconds':>8} {'articles/s':>10} "
          f"{'speed-up':>8} {'per worker/s':>12} {'cpu ms/article':>14} "
          f"{'peak MB per worker':>20}")  # fmt: skip
    for name, r in results.items():
        rate = r["articles"] / r["seconds"]
        per_worker = ", ".join(f"{x:.1f}" for x in r["worker_rates"])
        peaks = ", ".join(f"{p:.0f}" for p in r["peaks_mb"])
        cpu_ms = 1000 * r["cpu_seconds"] / max(r["articles"], 1)
        print(f"  {name:<20} {r['articles']:>8} {r['seconds']:>8.1f} {rate:>10.2f} "
              f"{rate / base_rate:>8.2f} {per_worker:>12} {cpu_ms:>14.0f} "
              f"{peaks:>20}")  # fmt: skip
    for name in VARIANTS[1:]:
        r = results[name]
        print(
            f"  {name}: shards {r['shard_bytes'] / 2**20:.1f} MiB; ingest --shards loaded "
            f"{r['loaded']} articles in {r['load_seconds']:.1f} s"
        )
    print("\nprojection")
    for line in project(results):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
