"""Exports of stored articles: JSON Lines and Parquet rows are both `Article.to_dict()`.

Parquet needs one schema for the whole file, and inferring it from real rows fails on a batch
where every quote list is empty or every author is null. The schema is instead inferred from a
*prototype* article whose every field and annotation list is filled, built from the dataclass
definitions; it follows `Article.to_dict` automatically when fields are added.
"""

from __future__ import annotations

import json
import os
import sys
import typing
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from newsloom.article import Article
from newsloom.batching import batched

#: Rows per Parquet row group (and per Arrow conversion).
ROW_GROUP = 1000


class HasDict(typing.Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def write_text(path: Path, text: str) -> None:
    """`text` to `path` through a temporary file and a rename: never a half-written file."""
    tmp = _tmp(path)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_jsonl(articles: Iterable[HasDict], path: Path) -> int:
    """One `to_dict()` per line; written to a temporary file, then renamed into place."""
    tmp = _tmp(path)
    n = 0
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for article in articles:
                fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
                n += 1
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def write_parquet(articles: Iterable[Article], path: Path) -> int:
    """The same rows as `write_jsonl`, as a Parquet file with a fixed schema."""
    schema = article_schema()
    tmp = _tmp(path)
    n = 0
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for chunk in batched(articles, ROW_GROUP):
                rows = [article.to_dict() for article in chunk]
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def write_story_parquet(stories: Iterable[HasDict], path: Path) -> int:
    """Stories as Parquet rows of `Story.to_dict()` (few enough to infer one schema from all)."""
    rows = [story.to_dict() for story in stories]
    tmp = _tmp(path)
    try:
        pq.write_table(pa.Table.from_pylist(rows), tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


@lru_cache(maxsize=1)
def article_schema() -> pa.Schema:
    """The Arrow schema of `Article.to_dict()`, inferred from a fully filled prototype."""
    return pa.Table.from_pylist([prototype(Article).to_dict()]).schema


def prototype(cls: type) -> Any:
    """An instance of dataclass `cls` with every field set to a non-empty sample value."""
    namespace = vars(sys.modules[cls.__module__])
    values = {}
    for f in fields(cls):
        if not f.compare:
            continue  # working data (like a parse) that to_dict leaves out
        # Annotations are postponed (strings); resolve each one where it was written. Not
        # get_type_hints: it also resolves fields that exist only for type checkers.
        hint = eval(f.type, namespace) if isinstance(f.type, str) else f.type
        values[f.name] = _sample(hint)
    return cls(**values)


def _sample(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, UnionType):
        return _sample(next(a for a in args if a is not NoneType))
    if origin is Literal:
        return args[0]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return (_sample(args[0]),)
        return tuple(_sample(a) for a in args)
    if origin in (Mapping, dict) or hint in (Mapping, dict):
        return {}
    if is_dataclass(hint):
        return prototype(hint)  # type: ignore[arg-type]
    samples: dict[Any, Any] = {str: "x", int: 1, float: 0.5, bool: True}
    if hint in samples:
        return samples[hint]
    raise TypeError(f"no sample value for the type {hint!r}")


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")
