"""Lists of at most `size` items from a stream: the unit of analysis, of a store transaction,
of a Parquet row group and of a batch partition (Python 3.11 has no `itertools.batched`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    if size < 1:
        raise ValueError(f"size must be >= 1, got {size}")
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
