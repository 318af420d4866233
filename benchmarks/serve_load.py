"""Latency of `newsloom serve` under 50 concurrent clients on a 10,000-article store.

    .venv/bin/python benchmarks/serve_load.py [--articles 10000] [--clients 50] [--rounds 10]
                                              [--store PATH] [--rebuild]

The store: analysing 10,000 articles takes an hour on a laptop and is not what this measures,
so the demo corpus (30 articles in 6 stories, analysed by the real pipeline) is *replicated*:
every row of every table is copied with a suffix on each article, story and copy-group id
(inside JSON lists of citations too), until the store holds `--articles` articles in as many
stories as the copies make (2,000 for 10,000). Queries, indexes and page sizes are those of a
real store of that size; only the texts repeat. The store is cached (`--store`, default under
~/.cache/newsloom) and rebuilt with `--rebuild`.

The load: the server runs as `newsloom serve` in its own process on 127.0.0.1 (never another
interface). Each of `--clients` clients opens its own connection and, `--rounds` times, asks
for the story list and then a story page (a story drawn at random from all of them), back to
back with no pause. Printed per page: requests, median, 95th percentile, and errors (any
status but 200, or a failed connection). The reference measured in the same run and under the
same load: a static file (`/static/style.css`), the floor the HTTP stack itself sets, and the
same pages asked by one client alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_STORE = Path.home() / ".cache" / "newsloom" / "serve-load-{n}.duckdb"

#: columns holding an id, per table (the suffix is appended to each)
ID_COLUMNS = {
    "articles": ("id", "content_hash"),
    "removed": ("article_id",),
    "entities": ("article_id",),
    "quotes": ("article_id",),
    "dates": ("article_id",),
    "events": ("article_id",),
    "stories": ("id",),
    "story_articles": ("story_id", "article_id", "nearest"),
    "copy_groups": ("group_id", "story_id", "article_id"),
    "timeline": ("story_id",),
    "summary": ("story_id",),
    "conflicts": ("story_id",),
    "story_quotes": ("story_id", "article_id"),
    "article_vectors": ("article_id",),
}
#: JSON columns that cite article ids
JSON_COLUMNS = {
    "stories": ("spun",),
    "timeline": ("sources", "evidence"),
    "summary": ("citations", "evidence"),
    "conflicts": ("claims",),
}


# -- the store -------------------------------------------------------------------------------


def seed_store(path: Path) -> None:
    """The demo corpus, analysed by the real pipeline, with its stories."""
    from newsloom.demo import input_files
    from newsloom.loom import Loom

    Loom(path).ingest(input_files())


def replicate(path: Path, articles: int) -> int:
    """Copy every row of the store at `path` with suffixed ids until it holds `articles`
    articles; return the number of copies made."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from newsloom.store import Store

    with Store(path) as store:
        conn = store.connection
        seed = {t: conn.execute(f"SELECT * FROM {t}").to_arrow_table() for t in ID_COLUMNS}
        ids = seed["articles"].column("id").to_pylist()
        pattern = re.compile('"(' + "|".join(re.escape(i) for i in ids) + ')"')
        copies = -(-articles // len(ids)) - 1
        for k in range(1, copies + 1):
            suffix = f"~{k}"
            conn.execute("BEGIN TRANSACTION")
            for table, data in seed.items():
                columns = {}
                for name in data.column_names:
                    col = data.column(name)
                    if name in ID_COLUMNS[table]:
                        col = pc.binary_join_element_wise(col, pa.scalar(suffix), "")
                    elif name in JSON_COLUMNS.get(table, ()):
                        def rename(m: re.Match[str], s: str = suffix) -> str:
                            return f'"{m.group(1)}{s}"'

                        values = [pattern.sub(rename, v) for v in col.to_pylist()]
                        col = pa.array(values, type=col.type)
                    columns[name] = col
                batch = pa.table(columns)
                conn.register("batch", batch)
                names = ", ".join(f'"{n}"' for n in batch.column_names)
                conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM batch")
                conn.unregister("batch")
            conn.execute("COMMIT")
        store.refresh_search_index()
        total = store.count()
    return total


def build_store(path: Path, articles: int) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "store.duckdb"
        seed_store(work)
        total = replicate(work, articles)
        shutil.copy(work, path)
    return total


# -- the load --------------------------------------------------------------------------------


async def _client(client: Any, paths: list[str], record: dict[str, list[float]],
                  errors: dict[str, int]) -> None:  # fmt: skip
    import httpx

    for path in paths:
        kind = "story list" if path == "/" else ("static file" if "static" in path
                                                 else "story page")  # fmt: skip
        start = time.perf_counter()
        try:
            r = await client.get(path)
            ok = r.status_code == 200
        except httpx.HTTPError:
            ok = False
        record.setdefault(kind, []).append(time.perf_counter() - start)
        if not ok:
            errors[kind] = errors.get(kind, 0) + 1


async def _load(url: str, plans: list[list[str]]) -> tuple[dict[str, list[float]], dict]:
    import httpx

    record: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    # the clients are made before the clock starts: each builds an SSL context (some 20 ms
    # of the benchmark's own CPU), which is not the server's time; connecting is counted
    clients = [httpx.AsyncClient(base_url=url, timeout=60) for _ in plans]
    try:
        await asyncio.gather(*(_client(c, plan, record, errors)
                               for c, plan in zip(clients, plans, strict=True)))  # fmt: skip
    finally:
        for c in clients:
            await c.aclose()
    return record, errors


def run_load(url: str, stories: list[str], clients: int, rounds: int, *,
             static: bool = False) -> tuple[dict, dict]:  # fmt: skip
    """`clients` concurrent clients, each asking `rounds` times for the list then a story page
    (the stories dealt out in order, one each), or for the static file with `static`;
    latencies in seconds per page kind, and error counts."""
    plans = []
    deal = iter(stories)
    for _ in range(clients):
        plan: list[str] = []
        for _ in range(rounds):
            plan += ["/static/style.css"] if static else ["/", f"/stories/{next(deal)}"]
        plans.append(plan)
    return asyncio.run(_load(url, plans))


def summary(record: dict[str, list[float]], errors: dict[str, int]) -> list[dict[str, Any]]:
    rows = []
    for kind, times in sorted(record.items()):
        ordered = sorted(times)
        rows.append({
            "page": kind, "requests": len(times),
            "median_ms": round(1000 * statistics.median(ordered), 1),
            "p95_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
            "errors": errors.get(kind, 0),
        })  # fmt: skip
    return rows


class Server:
    """`newsloom serve` in a child process on a free port of 127.0.0.1."""

    def __init__(self, store: Path, *, prerender: bool) -> None:
        self.prerender = prerender
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.store = store

    def __enter__(self) -> Server:
        import httpx

        src = HERE.parent / "src"
        env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
        env.pop("NEWSLOOM_TOKEN", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsloom.cli", "serve", "--db", str(self.store),
             "--host", "127.0.0.1", "--port", str(self.port),
             *([] if self.prerender else ["--no-prerender"])],
            env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"newsloom serve exited with {self.proc.returncode}")
            try:
                if httpx.get(f"{self.url}/api/stories?limit=1", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("newsloom serve did not answer within 120 s")

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)


def total_articles(store: Path) -> int:
    import duckdb

    with duckdb.connect(str(store), read_only=True) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--json", action="store_true", help="print JSON rows")
    args = parser.parse_args(argv)
    store = args.store or Path(str(DEFAULT_STORE).format(n=args.articles))
    if args.rebuild or not store.exists():
        start = time.perf_counter()
        total = build_store(store, args.articles)
        print(f"built {store}: {total} articles in {time.perf_counter() - start:.0f} s",
              file=sys.stderr)  # fmt: skip
    import httpx

    rows = []
    with Server(store, prerender=False) as server:
        ids: list[str] = []
        offset: int | None = 0
        while offset is not None:
            got = httpx.get(f"{server.url}/api/stories?limit=500&offset={offset}").json()
            ids += [s["id"] for s in got["items"]]
            offset = got["next_offset"]
        need = args.clients * args.rounds + args.rounds + 1
        if len(ids) < need:
            raise SystemExit(f"{len(ids)} stories; the load needs {need} distinct ones")
        random.Random(13).shuffle(ids)
        first, alone, spare = (ids[: args.clients * args.rounds],
                               ids[-args.rounds - 1 : -1], ids[-1])  # fmt: skip
        run_load(server.url, [spare], 1, 1)  # warm-up: templates compiled, the list cached
        runs = (
            ("50 clients, first visits", first, args.clients, False),
            ("50 clients, repeat visits", first, args.clients, False),
            ("50 clients", [], args.clients, True),
            ("1 client, first visits", alone, 1, False),
        )
        for label, stories, clients, static in runs:
            record, errors = run_load(server.url, stories, clients, args.rounds, static=static)
            for row in summary(record, errors):
                rows.append({"load": label.replace("50", str(args.clients)), **row})
    with Server(store, prerender=True) as server:
        start = time.perf_counter()
        while not httpx.get(f"{server.url}/api/status").json()["prerender"]["done"]:
            time.sleep(0.5)
        ready = time.perf_counter() - start
        rendered = httpx.get(f"{server.url}/api/status").json()["prerender"]["rendered"]
        record, errors = run_load(server.url, first, args.clients, args.rounds)
        for row in summary(record, errors):
            rows.append({"load": f"{args.clients} clients, pre-rendered", **row})
    header = (f"newsloom serve on {store.name}: {total_articles(store)} articles, {len(ids)} "
              f"stories; {args.rounds} rounds per client")  # fmt: skip
    note = f"pre-rendering: {rendered} story pages in {ready:.0f} s after start-up"
    if args.json:
        print(json.dumps({"stories": len(ids), "rows": rows, "prerender_seconds": ready}))
    else:
        print(header)
        print(note)
        print(f"{'load':28} {'page':12} {'requests':>8} {'median ms':>10} {'p95 ms':>8} "
              f"{'errors':>7}")  # fmt: skip
        for r in rows:
            print(f"{r['load']:28} {r['page']:12} {r['requests']:>8} {r['median_ms']:>10} "
                  f"{r['p95_ms']:>8} {r['errors']:>7}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
