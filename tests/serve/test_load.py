"""Fifty clients at once against a live server on 127.0.0.1: every answer a 200 with the right
page. A bounded run on a store replicated to 1,000 articles; the latency figures on 10,000
articles come from `benchmarks/serve_load.py` (timing is never asserted in the suite)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from benchmarks.serve_load import replicate, run_load
from tests.serve.conftest import LiveServer

from newsloom.serve.views import id_path

CLIENTS = 50


@pytest.fixture(scope="module")
def big_store(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("load") / "load.duckdb"
    shutil.copy(store_path, path)
    assert replicate(path, 1000) >= 1000
    return path


def test_fifty_concurrent_clients_get_no_errors(big_store: Path) -> None:
    import httpx

    with LiveServer(big_store, prerender=False) as server:
        ids: list[str] = []
        offset: int | None = 0
        while offset is not None:
            got = httpx.get(f"{server.url}/api/stories", params={"limit": 500, "offset": offset})
            ids += [s["id"] for s in got.json()["items"]]
            offset = got.json()["next_offset"]
        assert len(ids) >= 2 * CLIENTS
        record, errors = run_load(server.url, ids[: 2 * CLIENTS], CLIENTS, 2)
        assert errors == {}
        assert len(record["story list"]) == len(record["story page"]) == 2 * CLIENTS
        # replicated stories are whole: a copy's page shows its own articles
        page = httpx.get(f"{server.url}/stories/{ids[-1]}").text
        story = httpx.get(f"{server.url}/api/stories/{ids[-1]}").json()
        assert all(f'href="/articles/{id_path(a)}"' in page for a in story["articles"])
