"""Corpus names in the store: rebuilt from the entity rows, used by the queries, never stale."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsloom.article import Article, Entity, Event, Quote
from newsloom.errors import Reason, Rejection, StoreError
from newsloom.hashing import content_hash
from newsloom.store import Store
from newsloom.store import migrations as mig
from newsloom.store.names import TABLE
from newsloom.store.stories import STORY_TABLES


def article(aid: str, speaker: str, *entities: tuple[str, str, str | None]) -> Article:
    """An article quoting `speaker`, who also acts in its one event; `entities` are
    (text and canonical name, label, actor code)."""
    text = f"Article {aid}: {speaker} said the talks would go on."
    return Article(
        id=aid, source=aid, format="text", content_hash=content_hash(text), raw=text, text=text,
        source_text=text,
        entities=tuple(Entity(n, 0, len(n), label, n, code) for n, label, code in entities),
        quotes=(Quote("the talks would go on", 0, 21, "indirect", speaker, speaker, "said"),),
        events=(Event(text, 0, speaker, None, "010", "Iran", "IRN"),),
    )  # fmt: skip


FIRST = article("a1", "Trump", ("Trump", "PERSON", None), ("Trump", "PERSON", None),
                ("EU", "ORG", None))  # fmt: skip
SECOND = article("a2", "Donald Trump", ("Donald Trump", "PERSON", "USAGOV"),
                 ("European Union", "ORG", "IGOEUREEC"), ("Iran", "GPE", "IRN"))  # fmt: skip


def stored_names(store: Store) -> list[tuple[str, str, str, str | None]]:
    return store.connection.execute(
        f"SELECT name, label, corpus_name, actor_code FROM {TABLE} ORDER BY ALL"
    ).fetchall()


def people(store: Store, **filters: str) -> list[dict]:
    return store.entities(label="PERSON", **filters)


def test_a_second_ingest_that_brings_the_full_name_names_both(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([FIRST])
        store.refresh_names()
        (trump,) = people(store)
        assert (trump["name"], trump["forms"], trump["actor_code"]) == ("Trump", ["Trump"], None)

        store.write([SECOND])
        store.refresh_names()
        assert store.names_current()
        assert ("Trump", "PERSON", "Donald Trump", "USAGOV") in stored_names(store)
        (trump,) = people(store, name="trump")
        assert (trump["name"], trump["actor_code"], trump["mentions"]) == (
            "Donald Trump", "USAGOV", 3
        )  # fmt: skip
        assert (trump["forms"], trump["articles"]) == (["Donald Trump", "Trump"], ["a1", "a2"])

        # the short name and the full one both find both articles' quotes and events
        for name in ("Trump", "donald trump"):
            quotes = store.quotes(speaker=name)
            assert [(q["article_id"], q["speaker"]) for q in quotes] == [
                ("a1", "Trump"), ("a2", "Donald Trump")
            ]  # fmt: skip
            assert {q["corpus_speaker"] for q in quotes} == {"Donald Trump"}
            events = store.events(actor=name)
            assert [(e["actor"], e["corpus_actor"]) for e in events] == [
                ("Trump", "Donald Trump"), ("Donald Trump", "Donald Trump")
            ]  # fmt: skip
        # the articles keep the names they gave
        first = store.get("a1")
        assert first is not None and {e.canonical for e in first.entities} == {"Trump", "EU"}


def test_organisations_and_other_labels(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([FIRST, SECOND])
        store.refresh_names()
        (eu,) = store.entities(label="ORG")
        assert (eu["name"], eu["forms"], eu["actor_code"], eu["mentions"]) == (
            "European Union", ["EU", "European Union"], "IGOEUREEC", 2
        )  # fmt: skip
        # a form finds its group, with all its mentions; so does the group's code
        assert store.entities(name="EU") == store.entities(actor_code="igoeur") == [eu]
        (iran,) = store.entities(label="GPE")
        assert (iran["name"], iran["actor_code"]) == ("Iran", "IRN")
        assert store.events(actor="Iran") == []  # Iran is a target, not an actor
        assert {e["corpus_target"] for e in store.events()} == {"Iran"}
        assert ("Iran", "GPE") not in {(n, label) for n, label, _, _ in stored_names(store)}
        # "GM" is in no corpus name: found as a form, its group counts every mention
        store.write([article("a3", "Mary Barra", ("General Motors", "ORG", "USABUS"),
                             ("GM", "ORG", None), ("GM", "ORG", None))])  # fmt: skip
        (gm,) = store.entities(name="gm")
        assert (gm["name"], gm["forms"], gm["mentions"]) == (
            "General Motors", ["GM", "General Motors"], 3
        )  # fmt: skip


def test_queries_name_the_corpus_before_the_names_are_rebuilt(tmp_path: Path) -> None:
    """A writer killed between its last write and the rebuild leaves the table stale: the
    queries then name the corpus from the entity rows, exactly as a rebuild would."""
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.names_current()  # a new store: no entities, nothing to name
        store.write([FIRST])
        store.refresh_names()
        store.write([SECOND])
        assert not store.names_current()
        assert stored_names(store) == [  # still what the first write left
            ("EU", "ORG", "EU", None), ("Trump", "PERSON", "Trump", None)
        ]  # fmt: skip
    with Store(db, read_only=True) as reader:
        assert not reader.names_current()
        stale = (reader.entities(), reader.quotes(speaker="donald"), reader.events())
        with pytest.raises(StoreError, match="read-only"):
            reader.refresh_names()
    assert stale[0][0]["name"] == "Donald Trump" and len(stale[1]) == 2
    with Store(db) as store:
        assert store.refresh_names() == 4
        assert (store.entities(), store.quotes(speaker="donald"), store.events()) == stale
        before = stored_names(store)
        store.refresh_names()  # idempotent
        assert stored_names(store) == before


def test_a_write_that_fails_leaves_the_names_current(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([FIRST])
        store.refresh_names()
        store.connection.execute("DROP TABLE rejections")  # the write fails at its last step
        with pytest.raises(StoreError):
            store.write([SECOND], [Rejection("x", Reason.NO_CONTENT, "empty")])
        assert store.names_current() and store.count() == 1


def test_an_upgraded_store_names_the_entities_it_already_has(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write([FIRST, SECOND])
    # back to version 2, as a store written before the corpus names were
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE corpus_names")
    con.execute("DROP TABLE corpus_state")
    con.execute("ALTER TABLE entities DROP COLUMN mention")
    for table in (*STORY_TABLES, "article_vectors"):  # migration 5
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM schema_version WHERE version >= 3")
    con.close()
    with Store(db) as store:
        assert mig.current_version(store.connection) == mig.LATEST
        assert not store.names_current() and stored_names(store) == []
        assert people(store)[0]["forms"] == ["Donald Trump", "Trump"]
        store.refresh_names()
        assert store.names_current() and len(stored_names(store)) == 4
