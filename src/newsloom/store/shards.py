"""Parquet shards: one directory of tables per batch partition, and loading them into the store.

A shard is what one partition of `newsloom batch` produced, in the store's own row layout
(`newsloom.store.rows`): ``articles.parquet``, one file per annotation table (``removed``,
``entities``, ``quotes``, ``dates``, ``events``), ``rejections.parquet`` and ``manifest.json``
(what the partition read, and its counts). A shard is written under a temporary name inside
the output directory and renamed into place whole, so a shard directory that exists is
complete: a worker killed while writing leaves only a temporary directory, which the next run
removes, and a partition that ran twice (a worker thought lost that finished anyway) keeps the
first copy.

Loading (`load_shards`) appends each shard to the store in one transaction, DuckDB reading the
Parquet files itself (no Python loop over rows). It keeps the rules of `Loom.ingest`: content
already stored (by hash) is "already present" and skipped, an id stored with other content is
an ``id_conflict`` rejection, and the first shard in plan order wins.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsloom.article import Article
from newsloom.errors import Msg, Reason, Rejection, StoreError
from newsloom.store import names as corpus_names
from newsloom.store.rows import ANNOTATIONS, ARTICLE_COLUMNS, batch_tables

#: The directory under `--out` that holds one directory per shard.
SHARDS = "shards"
MANIFEST = "manifest.json"
_TMP_PREFIX = ".tmp-"
#: `content_hash` is the rejected document's, when it was read (None for a reader's rejection):
#: loading counts the same content rejected again in a later shard as already present, as one
#: `ingest` run does
REJECTION_SCHEMA = pa.schema(
    [("source", pa.string()), ("reason", pa.string()), ("detail", pa.string()),
     ("message", pa.string()), ("content_hash", pa.string()), ("count", pa.int64())]
)  # fmt: skip
#: Every table of a shard, in load order (articles first: annotations reference them).
TABLES = ("articles", *ANNOTATIONS, "rejections")


def shard_root(out: str | Path) -> Path:
    return Path(out) / SHARDS


def shard_dir(out: str | Path, name: str) -> Path:
    return shard_root(out) / name


def is_complete(out: str | Path, name: str) -> bool:
    """A shard directory exists only once it is whole (it is renamed into place)."""
    return (shard_dir(out, name) / MANIFEST).is_file()


def write_shard(
    out: str | Path,
    name: str,
    articles: Sequence[Article],
    rejections: Sequence[Rejection],
    manifest: dict[str, Any],
    rejected_hashes: Sequence[str | None] | None = None,
) -> bool:
    """Write one shard atomically; return False when a complete copy was already there.
    `rejected_hashes` gives the content hash of each rejected document that was read."""
    root = shard_root(out)
    root.mkdir(parents=True, exist_ok=True)
    final = root / name
    if is_complete(out, name):
        return False
    tmp = root / f"{_TMP_PREFIX}{name}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        now = datetime.now(UTC).replace(tzinfo=None)
        for table, data in batch_tables(articles, now).items():
            pq.write_table(data, tmp / f"{table}.parquet", compression="zstd")
        hashes = rejected_hashes if rejected_hashes is not None else [None] * len(rejections)
        pq.write_table(_rejection_table(rejections, hashes), tmp / "rejections.parquet",
                       compression="zstd")  # fmt: skip
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:
            if is_complete(out, name):
                return False  # another attempt of the same partition got there first
            raise
        return True
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _rejection_table(rejections: Sequence[Rejection], hashes: Sequence[str | None]) -> pa.Table:
    return pa.table(
        {
            "content_hash": list(hashes),
            "source": [r.source for r in rejections],
            "reason": [str(r.reason) for r in rejections],
            "detail": [r.detail for r in rejections],
            "message": [r.message for r in rejections],
            "count": [r.count for r in rejections],
        },
        schema=REJECTION_SCHEMA,
    )


def remove_leftovers(out: str | Path) -> int:
    """Delete temporary shard directories a killed run left behind; return how many."""
    root = shard_root(out)
    if not root.is_dir():
        return 0
    stale = [p for p in root.iterdir() if p.name.startswith(_TMP_PREFIX)]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return len(stale)


def read_manifest(path: Path) -> dict[str, Any]:
    return json.loads((path / MANIFEST).read_text(encoding="utf-8"))


def complete_shards(out: str | Path) -> list[Path]:
    """Every complete shard under `out`, in plan order (their names start with the index)."""
    root = shard_root(out)
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.iterdir() if not p.name.startswith(".") and (p / MANIFEST).is_file()
    )


def planned_shards(out: str | Path) -> list[str] | None:
    """The shard names the run's manifest plans, or None without a manifest."""
    path = Path(out) / MANIFEST
    if not path.is_file():
        return None
    return [p["name"] for p in json.loads(path.read_text(encoding="utf-8"))["partitions"]]


# -- loading into the store ------------------------------------------------------------------


@dataclass
class ShardLoad:
    """What loading shards did, in the terms of `IngestReport`."""

    shards: int = 0
    #: partitions the run's manifest plans whose shard is not complete (the run is unfinished)
    missing: int = 0
    ingested: int = 0
    already_present: int = 0
    rejected: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        total = sum(self.rejected.values())
        reasons = ", ".join(f"{n} {reason}" for reason, n in self.rejected.most_common())
        rejected = f"{total} rejected ({reasons})" if total else "0 rejected"
        missing = f" ({self.missing} planned shards missing: rerun batch)" if self.missing else ""
        return (
            f"{self.shards} shards{missing}: {self.ingested} ingested, "
            f"{self.already_present} already present, {rejected}"
        )


def load_shards(
    store: Any, out: str | Path, *, progress: Callable[[int], None] | None = None
) -> ShardLoad:
    """Append the complete shards under `out` to `store`, one transaction per shard.

    With the run's manifest (`OUT/manifest.json`, written by `newsloom batch` once it has
    planned), only the shards of its plan are loaded: a folder reused with other inputs or
    another partition size may hold shards of an older plan."""
    report = ShardLoad()
    shards = complete_shards(out)
    planned = planned_shards(out)
    if planned is not None:
        report.missing = sum(1 for name in planned if not is_complete(out, name))
        shards = [p for p in shards if p.name in set(planned)]
    if not shards:
        raise StoreError(
            Msg.STORE_FAILED.format(path=store.path, detail=Msg.NO_SHARDS.format(path=out))
        )
    # content rejected by an earlier shard of this load: the same again is already present
    store.connection.execute("CREATE OR REPLACE TEMP TABLE load_rejected (content_hash VARCHAR)")
    try:
        for path in shards:
            _load_one(store, path, report)
            report.shards += 1
            if progress is not None:
                progress(1)
    finally:
        store.connection.execute("DROP TABLE IF EXISTS load_rejected")
    return report


def _load_one(store: Any, path: Path, report: ShardLoad) -> None:
    conn = store.connection
    files = {table: str(path / f"{table}.parquet") for table in TABLES}
    now = datetime.now(UTC).replace(tzinfo=None)
    with store._transaction(f"loading shard {path.name}"):
        # new: neither the id nor the content is stored; conflict: the id is stored with
        # other content (checked first, as `Loom._drop_known` does); the rest is present.
        # Each test is one equality, so DuckDB hash-joins it (an OR of two would make a
        # nested loop over every stored article, per shard)
        conn.execute(
            "CREATE OR REPLACE TEMP TABLE shard_sort AS SELECT s.id, s.source, CASE "
            "WHEN EXISTS (SELECT 1 FROM articles a WHERE a.id = s.id "
            "AND a.content_hash <> s.content_hash) THEN 'conflict' "
            "WHEN EXISTS (SELECT 1 FROM articles a WHERE a.content_hash = s.content_hash) "
            "OR EXISTS (SELECT 1 FROM articles a WHERE a.id = s.id) THEN 'present' "
            "ELSE 'new' END AS fate FROM read_parquet(?) s",
            [files["articles"]],
        )
        fates = conn.execute("SELECT fate, count(*) FROM shard_sort GROUP BY fate").fetchall()
        counts = dict(fates)
        selected = ", ".join("?::TIMESTAMP" if c == "ingested_at" else c for c in ARTICLE_COLUMNS)
        conn.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) SELECT {selected} "
            "FROM read_parquet(?) WHERE id IN (SELECT id FROM shard_sort WHERE fate = 'new')",
            [now, files["articles"]],
        )
        for table in ANNOTATIONS:
            columns = ", ".join(f'"{c}"' for c in _column_names(files[table]))
            conn.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} FROM read_parquet(?) "
                "WHERE article_id IN (SELECT id FROM shard_sort WHERE fate = 'new')",
                [files[table]],
            )
        conflicts = [
            Rejection(source, Reason.ID_CONFLICT, repr(art_id))
            for art_id, source in conn.execute(
                "SELECT id, source FROM shard_sort WHERE fate = 'conflict' ORDER BY id"
            ).fetchall()
        ]
        conn.execute(
            "CREATE OR REPLACE TEMP TABLE shard_rejected AS SELECT *, coalesce(content_hash IN "
            "(SELECT content_hash FROM load_rejected), FALSE) AS seen FROM read_parquet(?)",
            [files["rejections"]],
        )
        conn.execute(
            'INSERT INTO rejections (source, reason, message, "at", "count") '
            'SELECT source, reason, message, ?::TIMESTAMP, "count" FROM shard_rejected '
            "WHERE NOT seen",
            [now],
        )
        conn.execute(
            "INSERT INTO load_rejected SELECT content_hash FROM shard_rejected "
            "WHERE content_hash IS NOT NULL AND NOT seen"
        )
        if conflicts:
            conn.executemany(
                'INSERT INTO rejections (source, reason, message, "at") VALUES (?, ?, ?, ?)',
                [[r.source, str(r.reason), r.message, now] for r in conflicts],
            )
        if counts.get("new"):
            corpus_names.mark_stale(conn)
        for reason, seen, n in conn.execute(
            "SELECT reason, seen, sum(\"count\") FROM shard_rejected GROUP BY ALL"
        ).fetchall():
            if seen:
                report.already_present += n
            else:
                report.rejected[reason] += n
        conn.execute("DROP TABLE shard_sort")
        conn.execute("DROP TABLE shard_rejected")
    report.ingested += counts.get("new", 0)
    report.already_present += counts.get("present", 0)
    if conflicts:
        report.rejected[str(Reason.ID_CONFLICT)] += len(conflicts)


_COLUMN = re.compile(r"[a-z_][a-z0-9_]*")


def _column_names(path: str) -> list[str]:
    """A shard file's column names, refused unless each is a plain identifier: they are
    written into SQL as names (a name cannot be a bound parameter)."""
    names = pq.read_schema(path).names
    odd = [n for n in names if not _COLUMN.fullmatch(n)]
    if odd:
        raise StoreError(Msg.STORE_FAILED.format(path=path, detail=f"odd column names {odd}"))
    return names
