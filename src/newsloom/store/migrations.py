"""The store's schema, as an ordered list of migrations applied at start-up.

A migration is never edited once released: a change to the schema is a new step at the end of
`MIGRATIONS`. Each step runs in its own transaction together with the row that records it in
`schema_version`, so a store is always at a version some release knew, even after a crash in
the middle of an upgrade. Migrations run only when the store is opened writable, never in the
middle of a write batch.

Tables:

* ``articles``: one row per article. Scalar fields are columns; nested values (declared and
  page metadata, quality flags, kept segments, skipped stages) are JSON. ``ingested_at`` is
  bookkeeping (UTC) and is never used as a date of anything the article reports.
* ``removed``, ``entities``, ``quotes``, ``dates``, ``events``: one row per annotation, keyed
  by ``article_id`` (a foreign key to ``articles.id``) and ``seq`` (the annotation's position in
  the article's tuple). Character offsets are ``start_char`` / ``end_char`` (``end`` is an SQL
  keyword): into ``source_text`` for ``removed``, into ``text`` for the others.
  ``entities.mention`` says whether a row is a name or a description of a person.
* ``rejections``: inputs that did not become articles, with the reason code and message.
* ``corpus_names``: derived from ``entities``: each (``name``, ``label``) a PERSON or ORG
  row's ``canonical`` takes -> the ``corpus_name`` the whole corpus gives it and that name's
  ``actor_code`` (`newsloom.store.names`). ``corpus_state.names_current`` says whether it
  covers the entity rows as they are (every write clears it, every rebuild sets it).
* ``stories`` and the tables of their parts (members and why, copy groups, timeline, summary,
  conflicts, key quotes) and ``article_vectors`` (`newsloom.store.stories`).
* ``schema_version``: one row per applied migration.

Indexes are only the keys of ``articles`` (``id``, ``content_hash``): DuckDB scans columns fast,
and an updated indexed column would turn the in-place update of a re-analysed article into a
delete. The annotation tables had a foreign key to ``articles.id`` until version 7: DuckDB keeps
an index for each, rewritten whole at every checkpoint, so a write cost more the more
annotations were stored (one checkpoint per ~16 MB of log). Their rows are written only in the
transaction that writes their article (`Store.write`, `load_shards`), which is what keeps them
pointing at a stored article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from newsloom.errors import Msg, StoreError
from newsloom.store.stories import MIGRATION as STORY_MIGRATION


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_ANNOTATION_KEY = "article_id VARCHAR NOT NULL REFERENCES articles (id), seq INTEGER NOT NULL"

#: The annotation tables as of version 6 (every column, in order), keyed without a reference.
_ANNOTATION_COLUMNS = {
    "removed": "text VARCHAR NOT NULL, reason VARCHAR NOT NULL, start_char INTEGER NOT NULL, "
    "end_char INTEGER NOT NULL",
    "entities": "text VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, "
    "label VARCHAR NOT NULL, canonical VARCHAR, actor_code VARCHAR, mention VARCHAR DEFAULT 'name'",
    "quotes": "text VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, "
    "kind VARCHAR NOT NULL, speaker VARCHAR, speaker_mention VARCHAR, cue VARCHAR, via VARCHAR, "
    "confidence DOUBLE NOT NULL",
    "dates": "text VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, "
    "value VARCHAR, granularity VARCHAR NOT NULL",
    "events": "sentence VARCHAR NOT NULL, start_char INTEGER NOT NULL, actor VARCHAR, "
    "actor_code VARCHAR, cameo VARCHAR NOT NULL, target VARCHAR, target_code VARCHAR, "
    "date VARCHAR, modality VARCHAR NOT NULL, confidence DOUBLE NOT NULL, "
    '"symmetric" BOOLEAN DEFAULT FALSE',
}
_ARTICLES_NOT_NULL = (
    "id", "content_hash", "source", "format", "published_basis", "published_confidence", "text",
    "source_text", "raw", "declared", "page_meta", "quality", "segments", "skipped", "ingested_at",
)  # fmt: skip
#: Version 7: each annotation table copied, in row order, into one without the foreign key;
#: then `articles` likewise, its keys held by unique indexes instead of constraints (the same
#: refusal of a second id or content hash; DuckDB checkpoints such an index far faster)
_UNKEYED = (
    *(
        statement
        for table, columns in _ANNOTATION_COLUMNS.items()
        for statement in (
            f"CREATE TABLE {table}_v7 (article_id VARCHAR NOT NULL, seq INTEGER NOT NULL, "
            f"{columns})",
            f"INSERT INTO {table}_v7 SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE {table}_v7 RENAME TO {table}",
        )
    ),
    "CREATE TABLE articles_v7 AS SELECT * FROM articles LIMIT 0",
    "INSERT INTO articles_v7 SELECT * FROM articles",
    "DROP TABLE articles",
    "ALTER TABLE articles_v7 RENAME TO articles",
    *(f"ALTER TABLE articles ALTER COLUMN {c} SET NOT NULL" for c in _ARTICLES_NOT_NULL),
    "CREATE UNIQUE INDEX articles_id ON articles (id)",
    "CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, annotations, rejections",
        (
            """
            CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                content_hash VARCHAR NOT NULL UNIQUE,
                source VARCHAR NOT NULL,
                format VARCHAR NOT NULL,
                url VARCHAR,
                outlet VARCHAR,
                title VARCHAR,
                lang VARCHAR,
                author VARCHAR,
                sitename VARCHAR,
                published_value VARCHAR,
                published_basis VARCHAR NOT NULL,
                published_confidence DOUBLE NOT NULL,
                published_evidence VARCHAR,
                text VARCHAR NOT NULL,
                source_text VARCHAR NOT NULL,
                raw VARCHAR NOT NULL,
                declared JSON NOT NULL,
                page_meta JSON NOT NULL,
                quality JSON NOT NULL,
                segments JSON NOT NULL,
                skipped JSON NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )
            """,
            f"""
            CREATE TABLE removed (
                {_ANNOTATION_KEY},
                text VARCHAR NOT NULL,
                reason VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL
            )
            """,
            f"""
            CREATE TABLE entities (
                {_ANNOTATION_KEY},
                text VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                label VARCHAR NOT NULL,
                canonical VARCHAR,
                actor_code VARCHAR
            )
            """,
            f"""
            CREATE TABLE quotes (
                {_ANNOTATION_KEY},
                text VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                kind VARCHAR NOT NULL,
                speaker VARCHAR,
                speaker_mention VARCHAR,
                cue VARCHAR,
                via VARCHAR,
                confidence DOUBLE NOT NULL
            )
            """,
            f"""
            CREATE TABLE dates (
                {_ANNOTATION_KEY},
                text VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                value VARCHAR,
                granularity VARCHAR NOT NULL
            )
            """,
            f"""
            CREATE TABLE events (
                {_ANNOTATION_KEY},
                sentence VARCHAR NOT NULL,
                start_char INTEGER NOT NULL,
                actor VARCHAR,
                actor_code VARCHAR,
                cameo VARCHAR NOT NULL,
                target VARCHAR,
                target_code VARCHAR,
                date VARCHAR,
                modality VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL
            )
            """,
            """
            CREATE TABLE rejections (
                source VARCHAR NOT NULL,
                reason VARCHAR NOT NULL,
                message VARCHAR NOT NULL,
                "at" TIMESTAMP NOT NULL
            )
            """,
        ),
    ),
    Migration(
        2,
        "events.symmetric",
        ("ALTER TABLE events ADD COLUMN \"symmetric\" BOOLEAN DEFAULT FALSE",),
    ),
    Migration(
        3,
        "corpus_names, corpus_state",
        (
            """
            CREATE TABLE corpus_names (
                name VARCHAR NOT NULL,
                label VARCHAR NOT NULL,
                corpus_name VARCHAR NOT NULL,
                actor_code VARCHAR
            )
            """,
            "CREATE TABLE corpus_state (names_current BOOLEAN NOT NULL)",
            # an upgraded store has entities the table does not cover yet
            "INSERT INTO corpus_state SELECT NOT EXISTS (SELECT 1 FROM entities)",
        ),
    ),
    Migration(
        4,
        "entities.mention",
        ("ALTER TABLE entities ADD COLUMN mention VARCHAR DEFAULT 'name'",),
    ),
    Migration(
        5,
        "stories: members, copy groups, timeline, summary, conflicts, key quotes, vectors",
        STORY_MIGRATION,
    ),
    Migration(
        6,
        "rejections.count",
        ("ALTER TABLE rejections ADD COLUMN IF NOT EXISTS \"count\" BIGINT DEFAULT 1",),
    ),
    Migration(7, "annotation tables without the foreign key index", _UNKEYED),
)

#: The schema version this code writes and reads.
LATEST = MIGRATIONS[-1].version

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for a new database."""
    exists = conn.execute(
        "SELECT count(*) FROM duckdb_tables() "
        "WHERE table_name = 'schema_version' AND schema_name = 'main' "
        "AND database_name = current_database()"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(conn: duckdb.DuckDBPyConnection, path: str) -> int:
    """Apply the pending migrations, each in its own transaction; return the version reached."""
    version = check_version(conn, path)
    if version == LATEST:
        return version
    conn.execute(_VERSION_TABLE)
    for step in MIGRATIONS:
        if step.version <= version:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [step.version, step.description, datetime.now(UTC).replace(tzinfo=None)],
            )
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(
                Msg.STORE_FAILED.format(
                    path=path, detail=f"migration {step.version} ({step.description}) failed: {exc}"
                )
            ) from exc
        version = step.version
    return version


def check_version(conn: duckdb.DuckDBPyConnection, path: str) -> int:
    """The store's version; a store newer than this code is refused before anything is read."""
    version = current_version(conn)
    if version > LATEST:
        raise StoreError(Msg.STORE_NEWER.format(path=path, found=version, known=LATEST))
    return version
