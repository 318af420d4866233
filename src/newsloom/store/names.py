"""Corpus names in the store: the `corpus_names` table, kept in step with the entity rows.

Each stored entity keeps the canonical name its article gave it. Across the corpus one person
or organisation goes by one name (`newsloom.analyse.canonical`): the table maps every
(article canonical name, label) of the PERSON and ORG rows to that corpus name and its actor
code. It is derived data, rebuilt whole from the entity rows tallied in SQL (one row per name,
label and code, never whole articles), so a rebuild is idempotent and costs the number of
distinct names, not of articles.

Every write marks the table out of date in the write's own transaction, and a rebuild marks
it current in its own; a writer killed between the two leaves a store whose table is known to
be stale. Queries then name the corpus from the entity rows on the fly (the same function, in
memory: read-only stores can do it too), and the next `Store.refresh_names` (every
`Loom.ingest` ends with one) stores it again.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from newsloom.analyse.canonical import CORPUS_LABELS, NameCount, canonicalise_counts

#: The stored table, and the name an up-to-date copy computed in memory is queried under.
TABLE = "corpus_names"
LIVE = "corpus_names_live"

SCHEMA = pa.schema(
    [
        ("name", pa.string()),
        ("label", pa.string()),
        ("corpus_name", pa.string()),
        ("actor_code", pa.string()),
    ]
)

_LABELS = ", ".join(f"'{label}'" for label in CORPUS_LABELS)
_TALLY = (
    "SELECT canonical, label, actor_code, count(*)::INTEGER FROM entities "
    f"WHERE label IN ({_LABELS}) AND canonical IS NOT NULL AND canonical <> '' "
    "GROUP BY ALL ORDER BY ALL"
)


def tally(conn: duckdb.DuckDBPyConnection) -> list[NameCount]:
    """The stored PERSON and ORG mentions, counted by (canonical name, label, actor code)."""
    return [(name, label, code, n) for name, label, code, n in conn.execute(_TALLY).fetchall()]


def names_table(rows: list[NameCount]) -> pa.Table:
    """One row per (name, label) of the tally: its corpus name and that name's actor code."""
    corpus = canonicalise_counts(rows)
    keys = sorted({(name, label) for name, label, _, _ in rows})
    resolved = [corpus.resolve(name, label) for name, label in keys]
    return pa.table(
        {
            "name": [name for name, _ in keys],
            "label": [label for _, label in keys],
            "corpus_name": [name for name, _ in resolved],
            "actor_code": [code for _, code in resolved],
        },
        schema=SCHEMA,
    )


def is_current(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute("SELECT names_current FROM corpus_state").fetchone()
    return bool(row and row[0])


def mark_stale(conn: duckdb.DuckDBPyConnection) -> None:
    """Called inside a write transaction that changed entity rows."""
    conn.execute("UPDATE corpus_state SET names_current = FALSE")


def rebuild(conn: duckdb.DuckDBPyConnection) -> int:
    """Replace the table's rows with the corpus names of the stored entities and mark them
    current. The caller holds the transaction; return the number of rows."""
    table = names_table(tally(conn))
    conn.execute(f"DELETE FROM {TABLE}")
    conn.register("names_batch", table)
    try:
        columns = ", ".join(SCHEMA.names)
        conn.execute(f"INSERT INTO {TABLE} ({columns}) SELECT {columns} FROM names_batch")
    finally:
        conn.unregister("names_batch")
    conn.execute("UPDATE corpus_state SET names_current = TRUE")
    return table.num_rows


def relation(conn: duckdb.DuckDBPyConnection) -> str:
    """The relation queries read corpus names from: the stored table when it is current,
    else the same rows computed now from the entity rows (registered, not stored)."""
    if is_current(conn):
        return TABLE
    conn.register(LIVE, names_table(tally(conn)))
    return LIVE
