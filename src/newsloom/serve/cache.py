"""Rendered pages kept until the store changes.

A story page is a function of the store, and the serve process is the store's only writer, so
it knows when a page goes stale: every ingest bumps `Database.generation`, and a page rendered
at an older generation is never served again. Pages are kept gzip-compressed (a story page of
65 kB is about 9 kB), within a byte budget, least recently used out first, and sent compressed
to clients that accept it.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.requests import Request
from starlette.responses import Response

#: compressed bytes kept: every story page of a 10,000-article store fits several times
BUDGET = 64 * 1024 * 1024


class PageCache:
    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self._pages: OrderedDict[Hashable, bytes] = OrderedDict()
        self._generation = 0
        self._size = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """Compressed bytes kept."""
        return self._size

    def _advance(self, generation: int) -> None:
        """Forget every page once a newer generation is seen (the lock is held)."""
        if generation > self._generation:
            self._pages.clear()
            self._size = 0
            self._generation = generation

    def get(self, key: Hashable, generation: int) -> bytes | None:
        with self._lock:
            self._advance(generation)
            if generation != self._generation:
                return None
            body = self._pages.get(key)
            if body is not None:
                self._pages.move_to_end(key)
            return body

    def put(self, key: Hashable, generation: int, body: bytes) -> bytes:
        packed = gzip.compress(body, compresslevel=6, mtime=0)
        with self._lock:
            self._advance(generation)
            if generation != self._generation or len(packed) > self.budget:
                return packed  # rendered before the last write, or too big to keep
            old = self._pages.pop(key, None)
            self._size += len(packed) - (len(old) if old else 0)
            self._pages[key] = packed
            while self._size > self.budget:
                _, dropped = self._pages.popitem(last=False)
                self._size -= len(dropped)
        return packed


def cached_page(
    request: Request, key: Hashable, render: Callable[[], Response]
) -> Response:
    """The page under `key` from the cache, or rendered (and kept when it is a 200)."""
    cache: PageCache = request.app.state.pages
    generation: int = request.app.state.db.generation
    packed = cache.get(key, generation)
    if packed is None:
        response = render()
        if response.status_code != 200:
            return response
        packed = cache.put(key, generation, bytes(response.body))
    if "gzip" in request.headers.get("accept-encoding", "").lower():
        return Response(
            packed,
            media_type="text/html; charset=utf-8",
            headers={"content-encoding": "gzip", "vary": "accept-encoding"},
        )
    return Response(
        gzip.decompress(packed),
        media_type="text/html; charset=utf-8",
        headers={"vary": "accept-encoding"},
    )
