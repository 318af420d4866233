"""The serve process owns the store: one writable connection, read through per-thread cursors.

DuckDB lets one process write a file. `newsloom serve` opens the store writable at start-up
and keeps it for its lifetime, so a second writer (another `newsloom ingest`, another server)
gets `Msg.STORE_BUSY` instead of a corrupted file. Request threads read through cursors of
that connection (`Store.reader`); writes (POSTed articles) run one at a time in the ingest
worker (`jobs.py`), and readers keep answering meanwhile from the last committed state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsloom.errors import Msg, NotFound
from newsloom.store import Store


class Database:
    """The one writable Store of the process, and a read-only Store per request thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise NotFound(Msg.NO_STORE.format(path=self.path))
        self._store = Store(self.path, read_only=False)
        self._local = threading.local()
        self._readers: list[Store] = []
        self._lock = threading.Lock()
        #: serialises writers inside the process (one ingest at a time)
        self.write_lock = threading.Lock()
        #: bumped by every write, so that pages rendered before it are not served again
        self.generation = 0
        #: called after every write (the pre-renderer starts again)
        self.listeners: list[Callable[[], None]] = []
        self.ensure_search_index()

    def ensure_search_index(self) -> None:
        """Build the full-text index if it is missing or behind the articles (a store written
        by `newsloom ingest` before the server started)."""
        self._store.load_fts()
        if not self._store.search_index_current():
            self._store.refresh_search_index()

    def refresh_search_index(self) -> None:
        self._store.refresh_search_index()

    def changed(self) -> None:
        """The store was written: pages rendered before now are stale."""
        self.generation += 1
        for listener in self.listeners:
            listener()

    @contextmanager
    def read(self) -> Iterator[Store]:
        """This thread's read-only Store (a cursor of the writable connection, reused)."""
        reader = getattr(self._local, "store", None)
        if reader is None:
            reader = self._store.reader()
            self._local.store = reader
            with self._lock:
                self._readers.append(reader)
        yield reader

    def close(self) -> None:
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
        self._store.close()
