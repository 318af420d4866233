"""The DuckDB store: whole articles back, batches as transactions, read-only readers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

import duckdb
import pytest

from newsloom.article import Article, Published
from newsloom.errors import Reason, Rejection, StoreError
from newsloom.store import Store

MakeArticle = Callable[..., Article]


def test_round_trip_returns_an_equal_article(tmp_path: Path, make_article: MakeArticle) -> None:
    article = make_article(1)
    with Store(tmp_path / "s.duckdb") as store:
        store.write([article])
        back = store.get(article.id)
    assert back == article
    # equality covers every stored field; check the nested ones really are rebuilt as such
    assert back is not None and back.quality.credits[0].name == "Steve Holland"
    assert back.declared["rank"] == 1 and back.segments == ((0, 0, len(article.text)),)
    assert back.to_dict() == article.to_dict()


def test_every_compared_article_field_is_stored(tmp_path: Path, make_article: MakeArticle) -> None:
    # a field added to Article must be stored too: change each one and see it come back
    base = make_article(2)
    other = make_article(3, outlet="apnews.com")
    with Store(tmp_path / "s.duckdb") as store:
        store.write([base])
        for f in fields(Article):
            if not f.compare or f.name in ("id", "content_hash"):
                continue
            changed = replace(base, **{f.name: getattr(other, f.name)})
            if changed == base:
                continue
            store.write([changed])
            assert store.get(base.id) == changed, f.name


def test_get_of_an_unknown_id_is_none(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.get("nope") is None
        with pytest.raises(TypeError):
            store.get(42)  # type: ignore[arg-type]


def test_known_hashes_and_ids(tmp_path: Path, make_article: MakeArticle) -> None:
    a, b = make_article(1), make_article(2)
    with Store(tmp_path / "s.duckdb") as store:
        store.write([a])
        assert store.known_hashes([a.content_hash, b.content_hash, "zzz"]) == {a.content_hash}
        assert store.known_ids([a.id, b.id, "it's"]) == {a.id}
        assert store.known_ids([]) == set()
        assert store.count() == 1


def test_a_batch_is_one_transaction(tmp_path: Path, make_article: MakeArticle) -> None:
    good = make_article(1)
    # the database refuses the second article's entity (label is NOT NULL) after the first
    # article and its annotations were already inserted in the transaction
    bad_entity = replace(make_article(2).entities[0], label=None)  # type: ignore[arg-type]
    bad = replace(make_article(2), entities=(bad_entity,))
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(StoreError) as info:
            store.write([good, bad], [Rejection("x.png", Reason.BINARY, "PNG image")])
        assert str(tmp_path / "s.duckdb") in str(info.value)
        # nothing of the failed batch is there: not the good article, not its annotations
        assert store.count() == 0 and store.rejections() == []
        assert store.connection.execute("SELECT count(*) FROM quotes").fetchone() == (0,)
        store.write([good])
        assert store.get(good.id) == good


def test_rewriting_an_article_replaces_its_annotations(
    tmp_path: Path, make_article: MakeArticle
) -> None:
    article = make_article(1)
    fewer = replace(article, quotes=(), entities=article.entities[:1], text="Shorter.")
    with Store(tmp_path / "s.duckdb") as store:
        store.write([article])
        store.write([fewer])
        assert store.get(article.id) == fewer
        assert store.count() == 1
        n_quotes = store.connection.execute("SELECT count(*) FROM quotes").fetchone()
        assert n_quotes == (0,)


def test_duplicates_and_id_conflicts_are_refused_not_written(
    tmp_path: Path, make_article: MakeArticle
) -> None:
    a = make_article(1)
    same_text_other_id = replace(a, id="copy", source="copy.txt")
    same_id_other_text = replace(make_article(2), id=a.id, source="other.jsonl:9")
    with Store(tmp_path / "s.duckdb") as store:
        store.write([a])
        refused = store.write([same_text_other_id, same_id_other_text, make_article(3)])
        assert [(r.source, r.reason) for r in refused] == [
            ("copy.txt", Reason.DUPLICATE),
            ("other.jsonl:9", Reason.ID_CONFLICT),
        ]
        assert store.count() == 2 and store.get(a.id) == a
        assert [r["reason"] for r in store.rejections()] == ["duplicate", "id_conflict"]
        # within one batch too
        b = make_article(4)
        refused = store.write([b, replace(b, id="twin")])
        assert [r.reason for r in refused] == [Reason.DUPLICATE]


def test_rejections_are_recorded_with_their_message(tmp_path: Path) -> None:
    rej = [Rejection("a.png", Reason.BINARY, "PNG image"), Rejection("b.txt", Reason.EMPTY)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write([], rej)
        rows = store.rejections()
    assert [(r["source"], r["reason"], r["message"]) for r in rows] == [
        (r.source, str(r.reason), r.message) for r in rej
    ]
    assert all(r["at"][:2] == "20" for r in rows)


def test_read_only_store_refuses_writes_and_never_migrates(
    tmp_path: Path, make_article: MakeArticle
) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write([make_article(1)])
    with Store(db, read_only=True) as reader:
        assert reader.count() == 1
        with pytest.raises(StoreError) as info:
            reader.write([make_article(2)])
        assert "read-only" in str(info.value) and str(db) in str(info.value)
    # a file that was never migrated is not migrated by a reader
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(StoreError):
        Store(empty, read_only=True)
    con = duckdb.connect(str(empty), read_only=True)
    assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchone() == (0,)
    con.close()


def test_opening_a_missing_store_read_only_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert "missing.duckdb" in str(info.value)


def test_iter_articles_pages_filters_and_limits(
    tmp_path: Path, make_article: MakeArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsloom.store as store_module

    monkeypatch.setattr(store_module, "PAGE", 3)  # several pages with a handful of articles
    arts = [make_article(i, outlet="bbc.co.uk" if i % 2 else "reuters.com") for i in range(8)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(arts)
        assert [a.id for a in store.iter_articles()] == sorted(a.id for a in arts)
        assert list(store.iter_articles()) == sorted(arts, key=lambda a: a.id)
        assert [a.id for a in store.iter_articles(outlet="bbc.co.uk")] == [
            a.id for a in arts if a.outlet == "bbc.co.uk"
        ]
        assert len(list(store.iter_articles(limit=5))) == 5
        assert [a.id for a in store.iter_articles(ids=["art-0006", "art-0001", "x"])] == [
            "art-0001",
            "art-0006",
        ]
        assert list(store.iter_articles(ids=[])) == []
        with pytest.raises(TypeError):
            list(store.iter_articles(ids="art-0001"))


def test_summaries(tmp_path: Path, make_article: MakeArticle) -> None:
    early = replace(make_article(1), published=Published("2017-03-29", "url", 0.8))
    late = make_article(2)
    undated = replace(make_article(3), published=Published())
    with Store(tmp_path / "s.duckdb") as store:
        store.write([early, late, undated])
        rows = store.summaries()
        assert [r["id"] for r in rows] == [late.id, early.id, undated.id]
        top = rows[0]
        assert top["n_quotes"] == len(late.quotes) and top["n_entities"] == len(late.entities)
        assert top["n_chars"] == len(late.text) and top["published"] == "2018-05-08"
        assert {"outlet", "title", "lang", "url"} <= set(top)
        assert [r["id"] for r in store.summaries(limit=1, offset=1)] == [early.id]
        assert store.summaries(outlet="nowhere.com") == []
        with pytest.raises(ValueError):
            store.summaries(limit=-1)


def test_write_type_errors(tmp_path: Path, make_article: MakeArticle) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(TypeError):
            store.write([make_article(1).to_dict()])  # type: ignore[list-item]
        with pytest.raises(TypeError):
            store.write([], ["a rejection as text"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Store(42)  # type: ignore[arg-type]


def test_load_fts_works_offline_from_the_package(tmp_path: Path, make_article: MakeArticle) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([make_article(1), replace(make_article(2), text="Nothing relevant here.")])
        store.load_fts()
        con = store.connection
        con.execute("PRAGMA create_fts_index('articles', 'id', 'text')")
        hits = con.execute(
            "SELECT id FROM (SELECT id, fts_main_articles.match_bm25(id, 'nuclear') AS score "
            "FROM articles) WHERE score IS NOT NULL"
        ).fetchall()
    assert hits == [("art-0001",)]


def test_no_sql_is_built_from_data() -> None:
    # every value goes to DuckDB as a bound parameter: no quoting helper, no literal pasting
    src = Path(__file__).resolve().parents[2] / "src" / "newsloom"
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sql_strings" not in text and "replace(\"'\", \"''\")" not in text, path


@pytest.mark.parametrize(
    "odd", ["it's'; DROP TABLE articles; --", "nul\x00inside", "tab\tand\nline"]
)
def test_keys_with_any_characters_round_trip(
    tmp_path: Path, make_article: MakeArticle, odd: str
) -> None:
    article = replace(make_article(1), id=odd, outlet=odd, title=odd)
    with Store(tmp_path / "s.duckdb") as store:
        store.write([article])
        assert store.known_ids([article.id]) == {article.id}
        assert store.get(article.id) == article


def test_keys_with_quotes_are_looked_up_safely(tmp_path: Path, make_article: MakeArticle) -> None:
    article = replace(make_article(1), id="it's'; DROP TABLE articles; --")
    with Store(tmp_path / "s.duckdb") as store:
        store.write([article])
        assert store.known_ids([article.id]) == {article.id}
        assert store.get(article.id) == article
        assert [a.id for a in store.iter_articles(ids=[article.id])] == [article.id]


@pytest.mark.parametrize("read_only", [True, False], ids=["reader", "second writer"])
def test_a_process_locked_out_by_a_writing_process_is_told_why_and_what_to_do(
    tmp_path: Path, read_only: bool
) -> None:
    # issue 15, item 15: DuckDB lets no other process open a file that one process writes
    import subprocess
    import sys

    db = tmp_path / "busy.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError) as info:
            Store(db, read_only=read_only)
        message = str(info.value)
        assert f"(PID {holder.pid})" in message
        assert "when that process ends" in message and "newsloom serve" in message
    finally:
        holder.kill()
        holder.wait()
    with Store(db, read_only=True) as store:  # free again once the writer is gone
        assert store.count() == 0
