"""The embedded store: articles and their annotations in one DuckDB file.

DuckDB locks the file for the process that opens it to write: while an ingest runs, no other
process can open the store, not even to read (that is DuckDB's design, not a newsloom choice;
the error says so and names the holder). Readers that run while nothing writes (`newsloom
articles`, exports) open it ``read_only=True``, which never migrates or writes, and several of
them can do so at once; a program that must read while it writes, such as a server, reads
through its own writing connection. Each `Store.write` is one transaction: an
article and all its annotations are stored together or not at all, so a process killed in the
middle of a batch leaves the store exactly as the last committed batch left it.

Corpus-wide names (one name and actor code per person or organisation across articles) are a
derived table over the entity rows, rebuilt by `Store.refresh_names` after a run of writes;
the queries name entities, speakers and actors by it (`newsloom.store.names`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb
import pyarrow as pa

from newsloom.article import Article
from newsloom.errors import ConfigError, Msg, Reason, Rejection, StoreError
from newsloom.store import names as corpus_names
from newsloom.store import search
from newsloom.store import stories as story_tables
from newsloom.store.export import write_jsonl, write_parquet, write_story_parquet
from newsloom.store.filters import ANY
from newsloom.store.gdelt import write_gdelt
from newsloom.store.migrations import LATEST, check_version, migrate
from newsloom.store.plover import write_plover
from newsloom.store.queries import Queries
from newsloom.store.rows import ANNOTATIONS, ARTICLE_COLUMNS, article_from_rows, batch_tables

__all__ = ["Store"]

#: article rows (jsonl, parquet) and event rows (gdelt, plover)
EXPORT_FORMATS = ("jsonl", "parquet", "gdelt", "plover")
ExportFormat = Literal["jsonl", "parquet", "gdelt", "plover"]
#: Articles fetched per query while iterating (their annotations are fetched per page too).
PAGE = 500
#: Values per `IN (...)` lookup.
_LOOKUP_CHUNK = 10_000


#: DuckDB's message when another process holds the file ("... lock is held in X (PID 123)").
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .*?\(PID (?P<pid>\d+)\)")


class Store(Queries):
    """One DuckDB store; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path = "newsloom.duckdb", *, read_only: bool = False) -> None:
        if not isinstance(path, str | Path):
            raise TypeError(f"path must be a str or Path, got {type(path).__name__}")
        self.path = str(path)
        self.read_only = bool(read_only)
        if not self.read_only and self.path != ":memory:":
            folder = Path(self.path).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    Msg.STORE_FOLDER.format(
                        folder=folder, path=self.path, detail=exc.strerror or exc
                    )
                ) from exc
        try:
            self._conn = duckdb.connect(
                self.path,
                read_only=self.read_only,
                # Nothing is downloaded at run time; FTS is loaded from its PyPI package.
                config={"autoinstall_known_extensions": False},
            )
        except duckdb.Error as exc:
            holder = _LOCK_HOLDER.search(str(exc))
            if holder is not None:
                raise StoreError(
                    Msg.STORE_BUSY.format(path=self.path, pid=holder.group("pid"))
                ) from exc
            raise StoreError(Msg.STORE_OPEN.format(path=self.path, detail=exc)) from exc
        try:
            if self.read_only:
                version = check_version(self._conn, self.path)
                if version < LATEST:
                    raise StoreError(
                        Msg.STORE_OLDER.format(path=self.path, found=version, known=LATEST)
                    )
            else:
                migrate(self._conn, self.path)
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------

    def reader(self) -> Store:
        """A read-only Store over a new cursor of this connection, for one thread.

        A process that holds the store (`newsloom serve`) cannot open the file a second time
        read-only (DuckDB refuses two configurations in one process); its threads read through
        cursors of the one connection instead, each seeing committed data only.
        """
        other = object.__new__(Store)
        other.path = self.path
        other.read_only = True
        try:
            other._conn = self._conn.cursor()
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc
        return other

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def write(
        self, articles: Sequence[Article], rejections: Sequence[Rejection] = ()
    ) -> list[Rejection]:
        """Store a batch of articles and rejections in ONE transaction.

        An article whose id is already stored with the same content replaces the stored one
        (a re-analysis). An article that repeats stored content under another id, or reuses a
        stored id for other content, is not written: it comes back as a `Rejection`
        (`DUPLICATE` / `ID_CONFLICT`), which is also recorded with the batch's rejections.
        A batch that stores articles marks the corpus names out of date (`refresh_names`).
        """
        if self.read_only:
            raise StoreError(Msg.STORE_READ_ONLY.format(path=self.path))
        articles = list(articles)
        for art in articles:
            if not isinstance(art, Article):
                raise TypeError(f"write takes Articles, got {type(art).__name__}")
        for rej in rejections:
            if not isinstance(rej, Rejection):
                raise TypeError(f"rejections must be Rejections, got {type(rej).__name__}")
        now = datetime.now(UTC).replace(tzinfo=None)
        conn = self._conn
        try:
            conn.execute("BEGIN TRANSACTION")
            new, updated, refused = self._sort_out(articles)
            if updated:
                self._delete_annotations([a.id for a in updated])
            tables = batch_tables(new + updated, now)
            self._insert_articles(tables["articles"], n_new=len(new))
            for table in ANNOTATIONS:
                if tables[table].num_rows:
                    self._insert(table, tables[table])
            if new or updated:
                corpus_names.mark_stale(conn)
            all_rejections = [*rejections, *refused]
            if all_rejections:
                self._insert(
                    "rejections",
                    pa.table(
                        {
                            "source": [r.source for r in all_rejections],
                            "reason": [str(r.reason) for r in all_rejections],
                            "message": [r.message for r in all_rejections],
                            "at": [now] * len(all_rejections),
                            "count": [r.count for r in all_rejections],
                        },
                        schema=pa.schema(
                            [
                                ("source", pa.string()),
                                ("reason", pa.string()),
                                ("message", pa.string()),
                                ("at", pa.timestamp("us")),
                                ("count", pa.int64()),
                            ]
                        ),
                    ),
                )
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(
                Msg.STORE_FAILED.format(path=self.path, detail=f"write failed: {exc}")
            ) from exc
        except BaseException:
            self._rollback()
            raise
        return refused

    def refresh_names(self) -> int:
        """Rebuild the corpus names from the stored entities, in one transaction; return the
        number of names. Writers call it after a run of writes (`Loom.ingest` does): until
        then, queries compute the names on the fly."""
        with self._transaction("corpus names"):
            return corpus_names.rebuild(self._conn)

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One write transaction: committed whole, or rolled back (a DuckDB failure becomes a
        `StoreError` naming `what`; anything else, an interrupt included, passes through)."""
        if self.read_only:
            raise StoreError(Msg.STORE_READ_ONLY.format(path=self.path))
        try:
            self._conn.execute("BEGIN TRANSACTION")
            yield
            self._conn.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(
                Msg.STORE_FAILED.format(path=self.path, detail=f"{what} failed: {exc}")
            ) from exc
        except BaseException:
            self._rollback()
            raise

    def names_current(self) -> bool:
        """Whether the stored corpus names cover every stored entity."""
        try:
            return corpus_names.is_current(self._conn)
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    def _sort_out(
        self, articles: list[Article]
    ) -> tuple[list[Article], list[Article], list[Rejection]]:
        """Split a batch into new articles, re-analyses of stored ones, and refusals."""
        stored_by_hash: dict[str, str] = {}
        stored_by_id: dict[str, str] = {}
        for i in range(0, len(articles), _LOOKUP_CHUNK):
            chunk = articles[i : i + _LOOKUP_CHUNK]
            for art_id, art_hash in self._query(
                f"SELECT id, content_hash FROM articles WHERE id IN {ANY} UNION "
                f"SELECT id, content_hash FROM articles WHERE content_hash IN {ANY}",
                [[a.id for a in chunk], [a.content_hash for a in chunk]],
            ):
                stored_by_id[art_id] = art_hash
                stored_by_hash[art_hash] = art_id
        new: list[Article] = []
        updated: list[Article] = []
        refused: list[Rejection] = []
        batch_hash: dict[str, str] = {}
        batch_ids: set[str] = set()
        for art in articles:
            owner = stored_by_hash.get(art.content_hash) or batch_hash.get(art.content_hash)
            if art.id in batch_ids:
                refused.append(Rejection(art.source, Reason.ID_CONFLICT, repr(art.id)))
            elif owner is not None and owner != art.id:
                refused.append(Rejection(art.source, Reason.DUPLICATE, repr(owner)))
            elif art.id in stored_by_id and stored_by_id[art.id] != art.content_hash:
                refused.append(Rejection(art.source, Reason.ID_CONFLICT, repr(art.id)))
            else:
                (updated if art.id in stored_by_id else new).append(art)
                batch_hash[art.content_hash] = art.id
                batch_ids.add(art.id)
        return new, updated, refused

    def _insert_articles(self, table: pa.Table, *, n_new: int) -> None:
        if table.num_rows == 0:
            return
        new, updated = table.slice(0, n_new), table.slice(n_new)
        if new.num_rows:
            self._insert("articles", new)
        if updated.num_rows:
            # DuckDB cannot delete a row that annotation rows still reference inside the
            # transaction that removed them, so a re-analysed article is updated in place
            # (its id and content hash are the same; ingested_at keeps the first ingest).
            keep = {"id", "content_hash", "ingested_at"}
            assignments = ", ".join(f"{c} = batch.{c}" for c in ARTICLE_COLUMNS if c not in keep)
            self._conn.register("batch", updated)
            try:
                self._conn.execute(
                    f"UPDATE articles SET {assignments} FROM batch WHERE articles.id = batch.id"
                )
            finally:
                self._conn.unregister("batch")

    def _insert(self, table: str, data: pa.Table) -> None:
        columns = ", ".join(f'"{name}"' for name in data.column_names)
        self._conn.register("batch", data)
        try:
            self._conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM batch")
        finally:
            self._conn.unregister("batch")

    def _delete_annotations(self, ids: list[str]) -> None:
        for table in ANNOTATIONS:
            for i in range(0, len(ids), _LOOKUP_CHUNK):
                self._conn.execute(
                    f"DELETE FROM {table} WHERE article_id IN {ANY}", [ids[i : i + _LOOKUP_CHUNK]]
                )

    def _rollback(self) -> None:
        with contextlib.suppress(duckdb.Error):  # no transaction open: BEGIN itself failed
            self._conn.execute("ROLLBACK")

    # -- reading -----------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of `hashes` already stored (lets a resumed ingest skip what is there)."""
        return set(self._lookup("content_hash", "content_hash", hashes))

    def hashes_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each of `ids` that is stored."""
        return self._lookup("id", "content_hash", ids)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` already stored."""
        return set(self._lookup("id", "id", ids))

    def _lookup(self, key: str, value: str, keys: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        for i in range(0, len(wanted), _LOOKUP_CHUNK):
            rows = self._query(
                f"SELECT {key}, {value} FROM articles WHERE {key} IN {ANY}",
                [wanted[i : i + _LOOKUP_CHUNK]],
            )
            found.update((k, v) for k, v in rows)
        return found

    def get(self, article_id: str) -> Article | None:
        """The whole article, annotations included, or None."""
        if not isinstance(article_id, str):
            raise TypeError(f"article_id must be a str, got {type(article_id).__name__}")
        found = self._articles("WHERE id = ?", [article_id])
        return found[0] if found else None

    def iter_articles(
        self,
        *,
        ids: Iterable[str] | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Article]:
        """Stored articles in id order, fetched a page at a time."""
        if isinstance(ids, str):
            raise TypeError("ids must be an iterable of ids, not a str")
        wanted = None if ids is None else sorted(set(ids))
        remaining = limit
        after: str | None = None
        while remaining is None or remaining > 0:
            size = PAGE if remaining is None else min(PAGE, remaining)
            where, params = ["TRUE"], []
            if after is not None:
                where.append("id > ?")
                params.append(after)
            if outlet is not None:
                where.append("outlet = ?")
                params.append(outlet)
            if wanted is not None:
                if not wanted:
                    return
                where.append(f"id IN {ANY}")
                params.append(wanted)
            page = self._articles(f"WHERE {' AND '.join(where)} ORDER BY id LIMIT {size}", params)
            yield from page
            if len(page) < size:
                return
            after = page[-1].id
            if remaining is not None:
                remaining -= len(page)

    def _articles(self, where: str, params: list[Any]) -> list[Article]:
        rows = self._dicts(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles {where}", params)
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        annotations: dict[str, dict[str, list[dict[str, Any]]]] = {
            table: {} for table in ANNOTATIONS
        }
        for table in ANNOTATIONS:
            for item in self._dicts(
                f"SELECT * FROM {table} WHERE article_id IN {ANY} ORDER BY article_id, seq", [ids]
            ):
                annotations[table].setdefault(item["article_id"], []).append(item)
        return [
            article_from_rows(
                row, {table: annotations[table].get(row["id"], []) for table in ANNOTATIONS}
            )
            for row in rows
        ]

    def texts(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> title, outlet, published, url and clean text of the stored articles among
        `ids`: what a page needs to show cited characters without loading annotations."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self._dicts(
            "SELECT id, title, outlet, published_value AS published, url, text FROM articles "
            f"WHERE id IN {ANY}",
            [wanted],
        )
        return {row["id"]: row for row in rows}

    def count(self) -> int:
        row = self._query("SELECT count(*) FROM articles", [])
        return int(row[0][0])

    def rejections(self) -> list[dict[str, Any]]:
        """Every recorded rejection, oldest first (`at` is an ISO timestamp, UTC)."""
        rows = self._dicts(
            'SELECT source, reason, message, "at", "count" FROM rejections ORDER BY "at", rowid',
            [],
        )
        for row in rows:
            row["at"] = row["at"].isoformat()
        return rows

    # -- stories -----------------------------------------------------------------------------

    def story_memberships(self) -> dict[str, list[str]]:
        """story id -> its article ids, as stored (what a rebuild keeps)."""
        try:
            return story_tables.memberships(self._conn)
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    def write_stories(self, stories: Sequence[Any], drop: Iterable[str] = ()) -> None:
        """Replace the rows of `stories` (and delete the stories in `drop`) in one
        transaction."""
        ids = sorted({s.id for s in stories} | set(drop))
        tables = story_tables.story_rows(stories, datetime.now(UTC).replace(tzinfo=None))
        with self._transaction("stories"):
            for table in story_tables.STORY_TABLES:
                key = "id" if table == "stories" else "story_id"
                self._conn.execute(f"DELETE FROM {table} WHERE {key} IN {ANY}", [ids])
                if tables[table] is not None:
                    self._insert(table, tables[table])

    def story_count(self) -> int:
        return int(self._query("SELECT count(*) FROM stories", [])[0][0])

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article is in, if it is placed."""
        rows = self._query(
            "SELECT story_id FROM story_articles WHERE article_id = ? LIMIT 1", [article_id]
        )
        return rows[0][0] if rows else None

    def stories(self, ids: Sequence[str] | None = None) -> list[Any]:
        """Whole stories (`newsloom.stories.Story`), newest first, or those of `ids`."""
        if ids is None:
            ids = [row["id"] for row in self.story_list()]
        try:
            return story_tables.load_stories(self._conn, list(ids))
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    def placed_count(self) -> int:
        """How many articles have a story."""
        return int(self._query("SELECT count(*) FROM story_articles", [])[0][0])

    def article_vectors(self, ids: Iterable[str]) -> dict[str, Any]:
        """Stored MiniLM embeddings of the articles in `ids` that have one."""
        try:
            return story_tables.vectors(self._conn, ids)
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    def write_vectors(self, ids: Sequence[str], matrix: Any) -> None:
        """Store the lead embeddings of `ids` (rows of `matrix`), replacing any stored."""
        if not len(ids):
            return
        with self._transaction("article vectors"):
            self._conn.execute(
                f"DELETE FROM article_vectors WHERE article_id IN {ANY}", [list(ids)]
            )
            self._insert("article_vectors", story_tables.vector_table(ids, matrix))

    # -- export and search -------------------------------------------------------------------

    def export(self, path: str | Path, fmt: ExportFormat, *, stories: bool = False) -> int:
        """Write every article (`Article.to_dict()` rows: jsonl, parquet) or every event (GDELT
        2.0 event TSV: gdelt; PLOVER-style JSON: plover) to `path`; return the rows written.
        With `stories`, every story (`Story.to_dict()` rows: jsonl or parquet) instead."""
        refuse_store_path(path, self.path)
        if stories:
            if fmt not in ("jsonl", "parquet"):
                raise ConfigError(Msg.EXPORT_FORMAT.format(fmt=fmt, known="jsonl, parquet"))
            write = write_jsonl if fmt == "jsonl" else write_story_parquet
            try:
                return write(self.stories(), Path(path))
            except OSError as exc:
                raise StoreError(
                    Msg.STORE_FAILED.format(path=self.path, detail=f"export to {path}: {exc}")
                ) from exc
        if fmt not in EXPORT_FORMATS:
            raise ConfigError(Msg.EXPORT_FORMAT.format(fmt=fmt, known=", ".join(EXPORT_FORMATS)))
        target = Path(path)
        writer = {
            "jsonl": write_jsonl,
            "parquet": write_parquet,
            "gdelt": write_gdelt,
            "plover": write_plover,
        }[fmt]
        try:
            return writer(self.iter_articles(), target)
        except OSError as exc:
            raise StoreError(
                Msg.STORE_FAILED.format(path=self.path, detail=f"export to {target} failed: {exc}")
            ) from exc

    def load_fts(self) -> None:
        """Load DuckDB's full-text search extension from its PyPI package, offline."""
        try:
            import duckdb_extension_fts
        except ImportError as exc:
            raise StoreError(
                Msg.STORE_FAILED.format(path=self.path, detail="duckdb-extension-fts is missing")
            ) from exc
        root = Path(duckdb_extension_fts.__file__).parent / "extensions"
        candidates = sorted(root.glob(f"v{duckdb.__version__}/*.duckdb_extension"))
        if not candidates:
            raise StoreError(
                Msg.STORE_FAILED.format(
                    path=self.path,
                    detail=f"no FTS extension for DuckDB {duckdb.__version__} under {root}",
                )
            )
        try:
            # INSTALL takes no bound parameter; the path is the installed package's own file
            extension = candidates[0].as_posix()
            if "'" in extension:
                raise duckdb.Error(f"the FTS extension path holds a quote: {extension}")
            self._conn.execute(f"INSTALL '{extension}'")
            self._conn.execute("LOAD fts")
        except duckdb.Error as exc:
            raise StoreError(
                Msg.STORE_FAILED.format(path=self.path, detail=f"cannot load FTS: {exc}")
            ) from exc

    def refresh_search_index(self) -> None:
        """Rebuild the full-text index over every article, in one transaction (writer only)."""
        self.load_fts()
        with self._transaction("search index"):
            search.refresh_index(self._conn)

    def search_index_current(self) -> bool:
        try:
            return search.is_current(self._conn)
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose title or text match `query` (BM25, best first); nothing while the
        store has no index (`refresh_search_index`)."""
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, got {type(query).__name__}")
        try:
            return search.search_articles(self._conn, query, limit=limit, offset=offset)
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for read queries the API does not cover (search)."""
        return self._conn

    # -- helpers -----------------------------------------------------------------------------
    # Values always go to DuckDB as bound parameters; a set of keys is one list parameter
    # (`ANY`), unnested into a join, so the client's per-parameter cost is paid once.

    def _query(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc


def refuse_store_path(path: str | Path, store: str | Path) -> None:
    """An output path that is the store or its WAL would overwrite it: a usage error."""
    if str(store) == ":memory:":
        return
    target = Path(path).resolve()
    own = Path(store).resolve()
    if target in (own, own.with_name(own.name + ".wal")):
        raise ConfigError(Msg.OUTPUT_IS_STORE.format(path=path, store=store))
    if not target.parent.is_dir():
        # found before the work, not after it committed
        raise ConfigError(Msg.OUTPUT_FOLDER.format(path=path, folder=target.parent))
