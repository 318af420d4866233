"""Exports: JSON Lines and Parquet rows are `Article.to_dict()`, read back equal."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from newsloom.article import Article, Published
from newsloom.errors import ConfigError
from newsloom.store import Store
from newsloom.store.export import article_schema, prototype

MakeArticle = Callable[..., Article]


def _stored(tmp_path: Path, make_article: MakeArticle) -> tuple[Store, list[Article]]:
    bare = replace(
        make_article(5),
        quotes=(),
        entities=(),
        events=(),
        dates=(),
        removed=(),
        skipped=(),
        author=None,
        published=Published(),
    )
    arts = [make_article(1), make_article(2, outlet="bbc.co.uk"), bare]
    store = Store(tmp_path / "s.duckdb")
    store.write(arts)
    return store, sorted(arts, key=lambda a: a.id)


def test_export_jsonl(tmp_path: Path, make_article: MakeArticle) -> None:
    store, arts = _stored(tmp_path, make_article)
    with store:
        n = store.export(tmp_path / "out.jsonl", "jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == len(arts)
    assert [json.loads(line) for line in lines] == [a.to_dict() for a in arts]


def test_export_parquet_reads_back_with_pyarrow_and_duckdb(
    tmp_path: Path, make_article: MakeArticle
) -> None:
    store, arts = _stored(tmp_path, make_article)
    path = tmp_path / "out.parquet"
    with store:
        n = store.export(path, "parquet")
    assert n == len(arts)
    assert pq.read_table(path).to_pylist() == [a.to_dict() for a in arts]
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT id, published.value, len(quotes), quotes[1].speaker FROM '{path}' ORDER BY id"
    ).fetchall()
    assert rows == [
        (a.id, a.published.value, len(a.quotes), a.quotes[0].speaker if a.quotes else None)
        for a in arts
    ]


def test_export_of_an_empty_store(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.export(tmp_path / "e.parquet", "parquet") == 0
        assert store.export(tmp_path / "e.jsonl", "jsonl") == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    assert (tmp_path / "e.jsonl").read_text() == ""


def test_unknown_export_format(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(ConfigError):
        store.export(tmp_path / "x.csv", "csv")  # type: ignore[arg-type]
    assert not (tmp_path / "x.csv").exists()


def test_parquet_schema_follows_to_dict() -> None:
    assert article_schema().names == list(prototype(Article).to_dict())
