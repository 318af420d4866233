"""The page cache: a page rendered before a write is never served after it; a byte budget."""

from __future__ import annotations

import gzip

from newsloom.serve.cache import PageCache


def test_a_new_generation_forgets_every_page() -> None:
    cache = PageCache()
    cache.put("a", 0, b"<p>old</p>")
    assert gzip.decompress(cache.get("a", 0)) == b"<p>old</p>"
    assert cache.get("a", 1) is None
    cache.put("b", 0, b"late write from an old render")  # rendered before the write
    assert cache.get("b", 1) is None
    assert cache.size == 0


def test_the_budget_drops_the_least_recently_used() -> None:
    pages = {k: bytes(range(256)) * 40 + k.encode() for k in "abc"}  # does not compress much
    one = len(gzip.compress(pages["a"], compresslevel=6, mtime=0))
    cache = PageCache(budget=2 * one + 10)
    cache.get("x", 0)
    cache.put("a", 0, pages["a"])
    cache.put("b", 0, pages["b"])
    assert cache.get("a", 0) is not None  # a is now the most recent
    cache.put("c", 0, pages["c"])
    assert cache.get("b", 0) is None
    assert cache.get("a", 0) is not None and cache.get("c", 0) is not None
    assert cache.size <= cache.budget
