"""Splitting a container (JSONL, WARC, ARC) once into span files, so no partition re-reads it.

gzip and WARC files cannot be entered in the middle, so a partition that starts at the
20,000th record of a file would otherwise read the 19,999 before it. Instead one Dask task per
container reads it once, as `newsloom ingest` reads it, and writes every `partition_size` items
(documents and rejections, in order) to a gzipped JSON Lines file under ``OUT/spans/KEY/``;
each partition then reads its own span file. ``done.json`` is written last, so a split that
exists is complete and a rerun reuses it. The key covers the source (name, size, stamp), the
settings, the overrides and the partition size. The span files hold the raw documents: delete
``OUT/spans`` once the run is complete and loaded (a rerun would split again).
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from newsloom.article import Document
from newsloom.batch.plan import Source
from newsloom.batching import batched
from newsloom.errors import Reason, Rejection
from newsloom.hashing import stable_hash
from newsloom.ingest import Overrides
from newsloom.settings import Settings

SPANS = "spans"
DONE = "done.json"
_DOC_FIELDS = tuple(f.name for f in fields(Document))


def split_key(source: Source, settings: Settings, overrides: Overrides, size: int) -> str:
    return stable_hash(json.dumps([asdict(source), repr(settings), repr(overrides), size]))


def split_dir(out: str | Path, key: str) -> Path:
    return Path(out) / SPANS / key


def read_split(out: str | Path, key: str) -> tuple[int, list[str]] | None:
    """(items, span files) of a complete split, or None."""
    done = split_dir(out, key) / DONE
    if not done.is_file():
        return None
    data = json.loads(done.read_text(encoding="utf-8"))
    return data["items"], [str(split_dir(out, key) / name) for name in data["files"]]


def remove_leftovers(out: str | Path) -> int:
    """Delete the temporary folders of splits a killed run left; return how many."""
    root = Path(out) / SPANS
    stale = [p for p in root.glob(".tmp-*")] if root.is_dir() else []
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return len(stale)


def write_split(
    items: Iterator[Document | Rejection], out: str | Path, key: str, size: int
) -> tuple[int, list[str]]:
    """Write `items` in files of `size`, atomically as a whole; return (items, span files)."""
    final = split_dir(out, key)
    found = read_split(out, key)
    if found is not None:
        return found
    tmp = final.parent / f".tmp-{key}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    try:
        names: list[str] = []
        count = 0
        for chunk in batched(items, size):
            names.append(f"{len(names):05d}.jsonl.gz")
            with gzip.open(tmp / names[-1], "wt", encoding="utf-8", compresslevel=1) as fh:
                # ASCII escapes keep the lone surrogates a page may decode to
                fh.writelines(json.dumps(_encode(item)) + "\n" for item in chunk)
            count += len(chunk)
        (tmp / DONE).write_text(json.dumps({"items": count, "files": names}), encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:
            if read_split(out, key) is None:
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    found = read_split(out, key)
    assert found is not None
    return found


def load_span(path: str) -> list[Document | Rejection]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [_decode(json.loads(line)) for line in fh]


def _encode(item: Document | Rejection) -> dict[str, Any]:
    if isinstance(item, Rejection):
        return {"rejection": [item.source, str(item.reason), item.detail]}
    values = {name: getattr(item, name) for name in _DOC_FIELDS}
    values["declared"] = dict(item.declared)
    return {"document": values}


def _decode(row: dict[str, Any]) -> Document | Rejection:
    if "rejection" in row:
        source, reason, detail = row["rejection"]
        return Rejection(source, Reason(reason), detail)
    return Document(**row["document"])
