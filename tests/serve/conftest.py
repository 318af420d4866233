"""One analysed store for the serve tests: the demo corpus and a hostile article, built once.

Tests that write (POST) work on their own copy of the file, so the shared store stays as built.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsloom.settings import ServeSettings

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE = {
    "id": "hostile-1",
    "url": "javascript:alert(2)",
    "outlet": "evil.example",
    "title": HOSTILE_TITLE,
    "published": "2026-03-02",
    "text": (
        "Port officials in Rotterdam said on Monday that a file named <script>alert(3)</script> "
        "had been found on a terminal computer.\n\n"
        '"We found </script><script>alert(4)</script> in the logs," harbour master '
        "Ilse Vermeer said. The police opened an investigation on Tuesday."
    ),
}
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsloom.demo import input_files
    from newsloom.loom import Loom

    folder = tmp_path_factory.mktemp("serve")
    feed = folder / "hostile.jsonl"
    feed.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = folder / "serve.duckdb"
    Loom(path).ingest([*input_files(), feed])
    return path


@pytest.fixture
def store_copy(store_path: Path, tmp_path: Path) -> Path:
    """A private copy of the built store, for tests that write."""
    target = tmp_path / "copy.duckdb"
    shutil.copy(store_path, target)
    return target


@contextmanager
def make_client(path: Path, **settings: Any) -> Iterator[TestClient]:
    """A test client of the app over `path`; the app is shut down (store closed) after."""
    from newsloom.serve.app import create_app, shutdown

    app = create_app(path, ServeSettings(**settings))
    try:
        with TestClient(app, base_url=BASE) as c:
            yield c
    finally:
        shutdown(app)


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with make_client(store_path) as c:
        yield c


class LiveServer:
    """The app under uvicorn in a thread, on a free port of 127.0.0.1 (never another
    interface)."""

    def __init__(self, path: Path, **settings: Any) -> None:
        import uvicorn

        from newsloom.serve.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.app = create_app(path, ServeSettings(port=self.port, **settings))
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        from newsloom.serve.app import shutdown

        self.server.should_exit = True
        self.thread.join(timeout=30)
        shutdown(self.app)


@pytest.fixture(scope="module")
def live(store_path: Path) -> Iterator[LiveServer]:
    with LiveServer(store_path) as server:
        yield server
