"""Shards: written whole or not at all, and loaded with ingest's rules on repeats."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from newsloom.article import Article
from newsloom.errors import Reason, Rejection, StoreError
from newsloom.store import Store
from newsloom.store.shards import (
    complete_shards,
    is_complete,
    load_shards,
    read_manifest,
    remove_leftovers,
    shard_root,
    write_shard,
)


def test_a_shard_is_written_once_and_whole(tmp_path: Path, make_article: Callable) -> None:
    arts = [make_article(1), make_article(2)]
    assert write_shard(tmp_path, "000000-a", arts, [], {"n": 1})
    assert is_complete(tmp_path, "000000-a")
    # a second attempt of the same partition keeps the first copy
    assert not write_shard(tmp_path, "000000-a", arts[:1], [], {"n": 2})
    assert read_manifest(shard_root(tmp_path) / "000000-a") == {"n": 1}
    assert [p.name for p in shard_root(tmp_path).iterdir()] == ["000000-a"]


def test_leftover_temporary_directories_are_not_shards(tmp_path: Path) -> None:
    (shard_root(tmp_path) / ".tmp-000001-b-1234").mkdir(parents=True)
    assert complete_shards(tmp_path) == []
    assert remove_leftovers(tmp_path) == 1
    assert list(shard_root(tmp_path).iterdir()) == []


def test_load_skips_stored_content_and_rejects_a_reused_id(
    tmp_path: Path, make_article: Callable[..., Article]
) -> None:
    first, second = make_article(1), make_article(2)
    stolen = replace(make_article(3), id=first.id)  # other content under a stored id
    bad = Rejection("feed.jsonl:4", Reason.BAD_JSON, "Expecting value at column 1")
    write_shard(tmp_path, "000000-a", [first], [bad], {})
    write_shard(tmp_path, "000001-b", [first, second, stolen], [], {})
    with Store(tmp_path / "s.duckdb") as store:
        report = load_shards(store, tmp_path)
        assert (report.shards, report.ingested, report.already_present) == (2, 2, 1)
        assert report.rejected == {"bad_json": 1, "id_conflict": 1}
        assert store.get(first.id) == replace(first, parse=None, people=None)
        assert store.get(second.id).quotes == second.quotes
        assert {r["reason"] for r in store.rejections()} == {"bad_json", "id_conflict"}
        assert not store.names_current()
        again = load_shards(store, tmp_path)
        assert (again.ingested, again.already_present) == (0, 3)
        assert store.count() == 2


def test_no_shard_is_an_error_naming_the_folder(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(StoreError, match="no complete"):
        load_shards(store, tmp_path / "nothing")


def test_only_the_shards_of_the_run_manifest_are_loaded(
    tmp_path: Path, make_article: Callable[..., Article]
) -> None:
    write_shard(tmp_path, "000000-old", [make_article(1)], [], {})
    write_shard(tmp_path, "000000-new", [make_article(2)], [], {})
    plan = {"partitions": [{"name": "000000-new"}, {"name": "000001-new"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(plan))
    with Store(tmp_path / "s.duckdb") as store:
        report = load_shards(store, tmp_path)
        assert (report.shards, report.ingested, report.missing) == (1, 1, 1)
        assert store.known_ids([make_article(1).id, make_article(2).id]) == {make_article(2).id}
    assert "1 planned shards missing" in report.summary()


def test_content_rejected_by_an_earlier_shard_is_already_present_in_a_later_one(
    tmp_path: Path,
) -> None:
    first = Rejection("odd/a.txt", Reason.EMPTY)
    again = Rejection("odd/b.txt", Reason.EMPTY)
    unread = Rejection("odd/c.bin", Reason.BINARY, "PNG image")
    write_shard(tmp_path, "000000-a", [], [first, unread], {}, ["h1", None])
    write_shard(tmp_path, "000001-b", [], [again, unread], {}, ["h1", None])
    with Store(tmp_path / "s.duckdb") as store:
        report = load_shards(store, tmp_path)
        assert report.already_present == 1
        assert report.rejected == {"empty": 1, "binary": 2}
        assert sorted(r["source"] for r in store.rejections()) == [
            "odd/a.txt", "odd/c.bin", "odd/c.bin"]  # fmt: skip
