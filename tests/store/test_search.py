"""Full-text search, readers over cursors, listing orders and date ranges, the lock message."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from tests.store.conftest import full_article

from newsloom.errors import ConfigError, StoreError
from newsloom.hashing import content_hash
from newsloom.store import Store
from newsloom.stories.model import Membership, Story


def _story(sid: str, articles: tuple[str, ...], day: str) -> Story:
    members = tuple(Membership(a, "joined", 1.0) for a in articles)
    return Story(sid, sid[2:].title(), articles, day, len(articles), members=members)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    texts = {
        0: ("Ports reopen after storm", "The harbour reopened on Monday after the storm passed."),
        1: ("Minister resigns", "The finance minister resigned on Friday over a budget leak."),
        2: ("Storm damage counted", "Insurers counted storm damage along the coast on Tuesday."),
    }
    arts = []
    for n, (title, text) in texts.items():
        base = full_article(n, outlet=f"outlet{n}.example")
        published = replace(base.published, value=f"2018-05-0{n + 1}")
        arts.append(replace(base, title=title, text=text, content_hash=content_hash(text),
                            published=published, entities=(), quotes=(), dates=(),
                            events=()))  # fmt: skip
    with Store(tmp_path / "s.duckdb") as s:
        s.write(arts)
        s.write_stories([
            _story("s-storm", ("art-0000", "art-0002"), "2018-05-03"),
            _story("s-minister", ("art-0001",), "2018-05-02"),
        ])  # fmt: skip
        yield s


def test_search_ranks_matching_articles_with_their_story(store: Store) -> None:
    assert store.search("storm") == []  # no index yet: nothing, not a scan
    store.refresh_search_index()
    assert store.search_index_current()
    hits = store.search("storms")  # stemmed
    assert {h["id"] for h in hits} == {"art-0000", "art-0002"}
    assert {h["story_id"] for h in hits} == {"s-storm"}
    assert store.search("resigned minister")[0]["id"] == "art-0001"
    assert store.search("'; DROP TABLE articles; --") == []
    assert store.count() == 3


def test_readers_see_commits_and_cannot_write(store: Store) -> None:
    store.refresh_search_index()
    reader = store.reader()
    try:
        assert reader.count() == 3
        assert reader.search("harbour")[0]["id"] == "art-0000"
        with pytest.raises(StoreError):
            reader.write([])
        store.write([replace(full_article(9), id="late", content_hash="h-late")])
        assert reader.count() == 4
    finally:
        reader.close()
    assert store.count() == 4  # closing a reader leaves the store open


def test_story_list_orders_filters_and_ids(store: Store) -> None:
    assert [s["id"] for s in store.story_list()] == ["s-storm", "s-minister"]
    assert [s["id"] for s in store.story_list(order="oldest")] == ["s-minister", "s-storm"]
    assert [s["id"] for s in store.story_list(order="title")] == ["s-minister", "s-storm"]
    assert [s["id"] for s in store.story_list(since="2018-05-03")] == ["s-storm"]
    assert [s["id"] for s in store.story_list(outlet="outlet1.example")] == ["s-minister"]
    assert [s["id"] for s in store.story_list(ids=["s-minister"])] == ["s-minister"]
    with pytest.raises(ConfigError):
        store.story_list(order="date; DROP TABLE stories")
    assert store.story_of("art-0002") == "s-storm" and store.story_of("nope") is None


def test_summaries_by_date_range_and_order(store: Store) -> None:
    rows = store.summaries(since="2018-05-02", until="2018-05-02")
    assert [r["id"] for r in rows] == ["art-0001"]
    assert next(r["id"] for r in store.summaries(order="oldest")) == "art-0000"
    assert set(store.texts(["art-0001", "missing"])) == {"art-0001"}


def test_a_store_held_by_another_process_says_so(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
         "time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        started = time.monotonic()
        with pytest.raises(StoreError, match="open in another process"):
            Store(path)
        assert time.monotonic() - started < 30
    finally:
        holder.kill()
        holder.wait()
