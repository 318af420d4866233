"""Full-text search over articles with DuckDB's FTS extension (BM25 on title and clean text).

The index is a derived table set (schema ``fts_main_articles``) that DuckDB does not keep up to
date by itself: the writer rebuilds it after each ingest (`refresh_index`), and a reader whose
index is missing or behind falls back to nothing rather than to a table scan of every text.
The extension is loaded offline from its PyPI package (`Store.load_fts`).
"""

from __future__ import annotations

from typing import Any

import duckdb

INDEX_SCHEMA = "fts_main_articles"
#: words are lower-cased, accents stripped and English-stemmed, the extension's defaults
_CREATE = (
    "PRAGMA create_fts_index('articles', 'id', 'title', 'text', "
    "stemmer = 'english', stopwords = 'english', overwrite = 1)"
)


def indexed_count(conn: duckdb.DuckDBPyConnection) -> int | None:
    """Documents in the index, or None when there is no index."""
    exists = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = 'docs' "
        "AND database_name = current_database()",
        [INDEX_SCHEMA],
    ).fetchone()
    if not exists or not exists[0]:
        return None
    row = conn.execute(f"SELECT count(*) FROM {INDEX_SCHEMA}.docs").fetchone()
    return int(row[0]) if row else 0


def is_current(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the index covers every stored article (ingest only adds, so counts suffice)."""
    total = conn.execute("SELECT count(*) FROM articles").fetchone()
    return indexed_count(conn) == (int(total[0]) if total else 0)


def refresh_index(conn: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the index over every article (the writer's job, after an ingest; some 5 s for
    10,000 articles). DuckDB's progress bar would print into the server's output: off."""
    conn.execute("SET enable_progress_bar = false")
    conn.execute(_CREATE)


def search_articles(
    conn: duckdb.DuckDBPyConnection, query: str, *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Articles matching `query` (bound as a parameter), best BM25 score first, with the
    story each is in."""
    if indexed_count(conn) is None:
        return []
    return (
        conn.execute(
            "WITH hits AS (SELECT id, score FROM (SELECT id, "
            f"{INDEX_SCHEMA}.match_bm25(id, ?) AS score FROM articles) WHERE score IS NOT NULL) "
            "SELECT a.id, a.title, a.outlet, a.published_value AS published, a.url, "
            "h.score, sa.story_id FROM hits h JOIN articles a ON a.id = h.id "
            "LEFT JOIN story_articles sa ON sa.article_id = a.id "
            "ORDER BY h.score DESC, a.id LIMIT ? OFFSET ?",
            [query, limit, offset],
        )
        .to_arrow_table()
        .to_pylist()
    )
