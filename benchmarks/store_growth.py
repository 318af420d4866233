"""Does a write to the store cost more as the store grows? Chunk after chunk, timed.

    .venv/bin/python benchmarks/store_growth.py --source STORE [--chunks 10] [--chunk 2000]
        [--path shards|write|both]

Articles: the analysed articles of an existing store (`--source`, read only), replicated
with new ids and content hashes until there are ``chunks * chunk`` of them (the copies carry
the same annotations, so each write does the work of a real one; no analysis is run). They
are written into a new store in successive chunks, by one of two paths:

* ``shards``: each chunk as Parquet shards of `--shard` articles (the layout `newsloom batch`
  writes), loaded by `load_shards` (what `newsloom ingest --shards` does);
* ``write``: each chunk as `Store.write` batches of `--batch` Articles (what `Loom.ingest`
  does after analysis).

Printed per chunk: articles/s of that chunk and the store's article count and file size after
it. A store whose per-article write cost does not grow shows late chunks as fast as early
ones: the last line gives the ratio of the last chunk's rate to the first's (1.0 is flat).
Names and stories are not rebuilt (they run once per load, not per chunk).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path


def read_source(path: Path, limit: int) -> list:
    # a copy, opened for writing: an older store is migrated, the source is left as it is
    with tempfile.TemporaryDirectory(prefix="store-growth-src-") as tmp:
        copy = Path(tmp) / "source.duckdb"
        shutil.copyfile(path, copy)
        return _first_articles(copy, limit, path)


def _first_articles(copy: Path, limit: int, path: Path) -> list:
    from newsloom.store import Store

    with Store(copy) as store:
        out = []
        for art in store.iter_articles():
            out.append(art)
            if len(out) >= limit:
                break
    if not out:
        sys.exit(f"{path}: no articles to replicate")
    return out


def _copy_id(k: int) -> str:
    return f"g{k:08d}"


def _copy_hash(base: str, k: int) -> str:
    return f"{base[:40]}-{k:08d}"


def replicated_articles(base: list, first: int, n: int) -> list:
    """Articles `first .. first+n` of the replicated corpus, as Article objects."""
    out = []
    for k in range(first, first + n):
        art = base[k % len(base)]
        out.append(replace(art, id=_copy_id(k), content_hash=_copy_hash(art.content_hash, k)))
    return out


def write_chunk_shards(base: list, first: int, n: int, shard: int, out: Path) -> None:
    """Shards for articles `first .. first+n`, written as `newsloom batch` writes them."""
    from newsloom.store.shards import write_shard

    for start in range(first, first + n, shard):
        count = min(shard, first + n - start)
        write_shard(out, f"{start:09d}", replicated_articles(base, start, count), [],
                    {"articles": count})  # fmt: skip


def run(args: argparse.Namespace, path: str) -> list[tuple[int, float, int, int]]:
    from newsloom.store import Store
    from newsloom.store.shards import load_shards

    base = read_source(args.source, args.base)
    work = Path(tempfile.mkdtemp(prefix="store-growth-"))
    db = work / "growth.duckdb"
    lines = []
    try:
        with Store(db) as store:
            for c in range(args.chunks):
                first = c * args.chunk
                if path == "shards":
                    out = work / f"chunk-{c}"
                    write_chunk_shards(base, first, args.chunk, args.shard, out)
                    t0 = time.perf_counter()
                    report = load_shards(store, out)
                    seconds = time.perf_counter() - t0
                    assert report.ingested == args.chunk, report.summary()
                    shutil.rmtree(out)
                else:
                    seconds = 0.0
                    for b in range(first, first + args.chunk, args.batch):
                        arts = replicated_articles(base, b, min(args.batch, first + args.chunk - b))
                        t0 = time.perf_counter()
                        refused = store.write(arts)
                        seconds += time.perf_counter() - t0
                        assert not refused, refused[:3]
                count = store.count()
                size = db.stat().st_size + (
                    db.with_suffix(".duckdb.wal").stat().st_size
                    if db.with_suffix(".duckdb.wal").exists() else 0
                )  # fmt: skip
                rate = args.chunk / seconds
                lines.append((c, rate, count, size))
                print(f"{path:6s} chunk {c:2d}: {rate:8.1f} articles/s  "
                      f"store {count:7d} articles, {size / 1e6:7.1f} MB", flush=True)  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{path:6s} last/first chunk rate: {lines[-1][1] / lines[0][1]:.2f}", flush=True)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, required=True, help="a store of analysed articles")
    ap.add_argument("--base", type=int, default=500, help="source articles to replicate")
    ap.add_argument("--chunks", type=int, default=10)
    ap.add_argument("--chunk", type=int, default=2000, help="articles per chunk")
    ap.add_argument("--shard", type=int, default=500, help="articles per shard (shards path)")
    ap.add_argument("--batch", type=int, default=64, help="articles per Store.write (write)")
    ap.add_argument("--path", choices=("shards", "write", "both"), default="both")
    args = ap.parse_args()
    for path in ("shards", "write") if args.path == "both" else (args.path,):
        run(args, path)


if __name__ == "__main__":
    main()
