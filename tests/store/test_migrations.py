"""Migrations: applied once at start-up, recorded, never by a reader; tables match the model."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import duckdb
import pytest

from newsloom.article import Article
from newsloom.errors import StoreError
from newsloom.store import Store
from newsloom.store import migrations as mig
from newsloom.store.rows import (
    ANNOTATIONS,
    ARTICLE_COLUMNS,
    JSON_FIELDS,
    NOT_STORED,
    SCALAR_FIELDS,
    annotation_columns,
)
from newsloom.store.stories import STORY_TABLES

TABLES = {
    "articles",
    "removed",
    "entities",
    "quotes",
    "dates",
    "events",
    "rejections",
    "corpus_names",
    "corpus_state",
    "schema_version",
    "stories",
    "story_articles",
    "copy_groups",
    "timeline",
    "summary",
    "conflicts",
    "story_quotes",
    "article_vectors",
}


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    rows = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() "
        "WHERE database_name = current_database() ORDER BY table_name, column_index"
    ).fetchall()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def test_a_new_store_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db), read_only=True)
    assert set(_tables(con)) == TABLES
    applied = con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert applied == [(m.version,) for m in mig.MIGRATIONS]
    assert applied[-1] == (mig.LATEST,)
    con.close()


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    with Store(db) as store:
        assert mig.migrate(store.connection, str(db)) == mig.LATEST
        before = _tables(store.connection)
    with Store(db) as store:
        con = store.connection
        assert _tables(con) == before
        assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (
            len(mig.MIGRATIONS),
        )


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in mig.MIGRATIONS] == list(range(1, len(mig.MIGRATIONS) + 1))


def test_a_store_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute(
        "INSERT INTO schema_version VALUES (?, 'from the future', now()::TIMESTAMP)",
        [mig.LATEST + 1],
    )
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError) as info:
            Store(db, read_only=read_only)
        assert "newer" in str(info.value) and str(db) in str(info.value)


def test_a_failed_migration_leaves_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    broken = mig.Migration(
        mig.LATEST + 1,
        "broken step",
        (
            "CREATE TABLE half_done (x INTEGER)",
            "THIS IS NOT SQL",
        ),
    )
    monkeypatch.setattr(mig, "MIGRATIONS", (*mig.MIGRATIONS, broken))
    monkeypatch.setattr(mig, "LATEST", broken.version)
    with pytest.raises(StoreError) as info:
        Store(db)
    assert "broken step" in str(info.value)
    monkeypatch.undo()
    with Store(db) as store:  # still usable at the version it had
        assert mig.current_version(store.connection) == mig.LATEST
        assert "half_done" not in _tables(store.connection)


def test_a_reader_does_not_migrate_an_older_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    step = mig.Migration(
        mig.LATEST + 1, "add a column", ("ALTER TABLE articles ADD COLUMN extra VARCHAR",)
    )
    monkeypatch.setattr(mig, "MIGRATIONS", (*mig.MIGRATIONS, step))
    monkeypatch.setattr("newsloom.store.LATEST", step.version)
    monkeypatch.setattr(mig, "LATEST", step.version)
    with pytest.raises(StoreError) as info:
        Store(db, read_only=True)
    assert "older" in str(info.value)
    with Store(db) as store:  # the writer migrates it
        assert mig.current_version(store.connection) == step.version
        assert "extra" in _tables(store.connection)["articles"]


def test_annotation_tables_mirror_the_annotation_dataclasses(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        tables = _tables(store.connection)
    for table, (_, cls) in ANNOTATIONS.items():
        assert tables[table] == ["article_id", "seq", *annotation_columns(cls)], table


def test_articles_table_holds_every_stored_article_field(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        columns = _tables(store.connection)["articles"]
    assert sorted(columns) == sorted(ARTICLE_COLUMNS)
    handled = set(SCALAR_FIELDS) | set(JSON_FIELDS) | {"published"} | set(ANNOTATIONS)
    stored = {f.name for f in fields(Article)} - NOT_STORED
    assert stored == handled


def test_entity_mentions_are_stored_and_older_rows_are_names(tmp_path: Path) -> None:
    from newsloom.article import Entity
    from newsloom.hashing import content_hash

    text = "Vladimir Putin spoke. The Russian president left."
    people = (
        Entity("Vladimir Putin", 0, 14, "PERSON", "Vladimir Putin", "RUSGOV"),
        Entity("The Russian president", 22, 43, "PERSON", "Vladimir Putin", "RUSGOV",
               "description"),
    )  # fmt: skip
    art = Article(id="m1", source="m1", format="text", content_hash=content_hash(text),
                  raw=text, text=text, entities=people)  # fmt: skip
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write([art])
        stored = store.get("m1")
    assert stored is not None
    assert [e.mention for e in stored.entities] == ["name", "description"]
    # a store from before migration 4: its rows become names
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE entities DROP COLUMN mention")
    for table in (*STORY_TABLES, "article_vectors"):  # migration 5
        con.execute(f"DROP TABLE {table}")
    con.execute('ALTER TABLE rejections DROP COLUMN "count"')  # migration 6
    con.execute("DELETE FROM schema_version WHERE version >= 4")
    con.close()
    with Store(db) as store:
        assert mig.current_version(store.connection) == mig.LATEST
        upgraded = store.get("m1")
    assert upgraded is not None
    assert [e.mention for e in upgraded.entities] == ["name", "name"]


def test_rejections_of_an_older_store_count_one_each(tmp_path: Path) -> None:
    from newsloom.errors import Reason, Rejection

    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.write([], [Rejection("a.jsonl:3", Reason.BAD_JSON, "x")])
    con = duckdb.connect(str(db))
    con.execute('ALTER TABLE rejections DROP COLUMN "count"')
    con.execute("DELETE FROM schema_version WHERE version >= 6")
    con.close()
    with Store(db) as store:
        store.write([], [Rejection("b.jsonl:9-90", Reason.NO_TEXT_FIELD, count=82)])
        rows = store.rejections()
    assert [(r["source"], r["count"]) for r in rows] == [("a.jsonl:3", 1), ("b.jsonl:9-90", 82)]
    assert rows[1]["message"].endswith("(82 inputs)")


def test_version_7_drops_the_annotation_foreign_keys_keeps_rows_and_unique_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.article import DateExpression, Entity
    from newsloom.hashing import content_hash

    text = "Ada Lovelace wrote on Monday."
    art = Article(id="k1", source="k1", format="text", content_hash=content_hash(text), raw=text,
                  text=text, entities=(Entity("Ada Lovelace", 0, 12, "PERSON", "Ada Lovelace"),),
                  dates=(DateExpression("Monday", 22, 28, None, "day"),))  # fmt: skip
    db = tmp_path / "k.duckdb"
    with monkeypatch.context() as patch:  # a store as version 6 left it
        patch.setattr(mig, "MIGRATIONS", mig.MIGRATIONS[:6])
        patch.setattr(mig, "LATEST", 6)
        patch.setattr("newsloom.store.LATEST", 6)
        with Store(db) as store:
            store.write([art])
            keys = "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
            assert store.connection.execute(keys).fetchone() == (5,)
    with Store(db) as store:
        assert mig.current_version(store.connection) == 7
        assert store.connection.execute(keys).fetchone() == (0,)
        stored = store.get("k1")
        # the keys of articles still refuse a second id and a second content hash
        for change in ("'other' AS content_hash", "'k2' AS id"):
            with pytest.raises(duckdb.ConstraintException):
                store.connection.execute(
                    f"INSERT INTO articles SELECT * REPLACE ({change}) FROM articles"
                )
    assert stored is not None
    assert stored.entities == art.entities and stored.dates == art.dates
