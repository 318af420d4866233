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
from datetime import UTC, date, datetime, timedelta
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
from newsloom.store.gdelt import write_gdelt
from newsloom.store.migrations import LATEST, check_version, migrate
from newsloom.store.plover import write_plover
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


class Store:
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
                f"SELECT id, content_hash FROM articles WHERE id IN {_ANY} UNION "
                f"SELECT id, content_hash FROM articles WHERE content_hash IN {_ANY}",
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
                    f"DELETE FROM {table} WHERE article_id IN {_ANY}", [ids[i : i + _LOOKUP_CHUNK]]
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
                f"SELECT {key}, {value} FROM articles WHERE {key} IN {_ANY}",
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
                where.append(f"id IN {_ANY}")
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
                f"SELECT * FROM {table} WHERE article_id IN {_ANY} ORDER BY article_id, seq", [ids]
            ):
                annotations[table].setdefault(item["article_id"], []).append(item)
        return [
            article_from_rows(
                row, {table: annotations[table].get(row["id"], []) for table in ANNOTATIONS}
            )
            for row in rows
        ]

    def summaries(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        order: str = "newest",
        ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """One line per article for listings, most recently published first (`order` picks
        another of `ARTICLE_ORDERS`); `since` and `until` bound the publication date."""
        for name, value in (("limit", limit), ("offset", offset)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{name} must be an int, got {type(value).__name__}")
            if value < 0:
                raise ValueError(f"{name} must be >= 0, got {value}")
        counts = ", ".join(
            f"(SELECT count(*) FROM {t} WHERE {t}.article_id = a.id) AS n_{t}"
            for t in ("entities", "quotes", "dates", "events", "removed")
        )
        where, params = _Filters(), []
        where.equals("a.outlet", outlet, params)
        _date_range(where, params, "a.published_value", since, until)
        if ids is not None:
            where.parts.append(f"a.id IN {_ANY}")
            params.append(list(ids))
        return self._dicts(
            "SELECT a.id, a.outlet, a.title, a.published_value AS published, "
            "a.published_basis, a.lang, a.url, a.source, length(a.text) AS n_chars, "
            f"{counts} FROM articles a WHERE {where} "
            f"ORDER BY {_order(ARTICLE_ORDERS, order)} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def texts(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> title, outlet, published, url and clean text of the stored articles among
        `ids`: what a page needs to show cited characters without loading annotations."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self._dicts(
            "SELECT id, title, outlet, published_value AS published, url, text FROM articles "
            f"WHERE id IN {_ANY}",
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

    # -- annotation queries ------------------------------------------------------------------
    # Read-only views over the annotation tables, filtered in SQL. Names match case-insensitively
    # and by substring ("trump" finds "Donald Trump"), both the name an article gives and the
    # corpus name (so "Donald Trump" also finds the "Trump" of an article that never says
    # "Donald"); codes match by prefix ("04" finds 041, "USA" finds USAGOV). Rows carry the
    # contract's field names, the corpus names, and the article's id, outlet, publication date
    # and URL, so a row can be cited without fetching its article.

    def quotes(
        self,
        *,
        speaker: str | None = None,
        via: str | None = None,
        kind: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        story: str | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes (direct, partial, indirect) in article order, filtered; `speaker` matches the
        speaker as the article or the corpus names them (`corpus_speaker`); `story` keeps one
        story's articles."""
        if kind is not None and kind not in QUOTE_KINDS:
            raise ConfigError(
                Msg.BAD_FILTER.format(name="kind", expected=" or ".join(QUOTE_KINDS), value=kind)
            )
        where, params = _Filters(), []
        where.contains_any(("q.speaker", "n.corpus_name"), speaker, params)
        where.contains("q.via", via, params)
        where.equals("q.kind", kind, params)
        where.equals("q.article_id", article, params)
        where.add(_IN_STORY.format(column="q.article_id"), story, params)
        return self._dicts(
            "SELECT q.article_id, q.seq, q.text, q.start_char AS start, q.end_char AS \"end\", "
            "q.kind, q.speaker, coalesce(n.corpus_name, q.speaker) AS corpus_speaker, "
            "q.speaker_mention, q.cue, q.via, q.confidence, "
            f"{_ARTICLE_REF} FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN {_by_name(self._names())} n ON n.name = q.speaker "
            f"WHERE {where} ORDER BY a.published_value NULLS LAST, q.article_id, q.seq"
            f"{_limit(limit)}{_offset(offset)}",
            params,
        )

    def entities(
        self,
        *,
        label: str | None = None,
        actor_code: str | None = None,
        name: str | None = None,
        limit: int | None = None,
        story: str | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Entities grouped by corpus name and label, most mentioned first: mention count, the
        article ids, the actor code, and the `forms`: the canonical names the articles gave
        (the mention's text when none), which the corpus name brings together.

        A person's or organisation's code is the corpus code (the one most of the group's
        mentions carry); another entity's, its commonest code. `name` matches the corpus name
        or any of the forms; `actor_code`, the group's code."""
        where, params = _Filters(), []
        where.equals("upper(e.label)", label.upper() if label else None, params)
        where.add(_IN_STORY.format(column="e.article_id"), story, params)
        # the name filter is on groups (their corpus name or any of their forms), so that a
        # group found by one form still counts all its mentions
        form_matches = "FALSE"
        groups, group_params = _Filters(), []
        groups.prefix("upper(actor_code)", actor_code.upper() if actor_code else None,
                      group_params)  # fmt: skip
        if groups.add("(contains(lower(name), lower(?)) OR form_matches)", name, group_params):
            form_matches = "bool_or(contains(lower(form), lower(?)))"
            params.append(name)
        return self._dicts(
            "WITH m AS (SELECT e.article_id, e.label, e.actor_code, "
            "coalesce(e.canonical, e.text) AS form, "
            "coalesce(n.corpus_name, e.canonical, e.text) AS name, n.actor_code AS corpus_code "
            f"FROM entities e LEFT JOIN {self._names()} n "
            f"ON n.name = e.canonical AND n.label = e.label WHERE {where}), "
            "g AS (SELECT name, label, "
            "coalesce(max(corpus_code), mode(actor_code)) AS actor_code, count(*) AS mentions, "
            "count(DISTINCT article_id) AS n_articles, "
            "list(DISTINCT article_id ORDER BY article_id) AS articles, "
            f"list(DISTINCT form ORDER BY form) AS forms, {form_matches} AS form_matches "
            "FROM m GROUP BY name, label) "
            "SELECT name, label, actor_code, mentions, n_articles, articles, forms FROM g "
            f"WHERE {groups} ORDER BY mentions DESC, name, label{_limit(limit)}{_offset(offset)}",
            [*params, *group_params],
        )

    def events(
        self,
        *,
        actor: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        story: str | None = None,
        until: str | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events, filtered: `actor` is a name (or part of one) of the actor, as its article or
        the corpus names it; `cameo` a code prefix; `since` and `until` ISO dates (a year or a
        month stands for its first or last day) compared with the event's date, else the
        article's publication date. An event with neither, or with a year that cannot be known
        (``XXXX-03-29``), is left out by either bound."""
        if cameo is not None and not (cameo.isdigit() and 1 <= len(cameo) <= 4):
            raise ConfigError(
                Msg.BAD_FILTER.format(name="cameo", expected="a CAMEO code prefix", value=cameo)
            )
        low = _date_bound("since", since, last=False)
        high = _date_bound("until", until, last=True)
        where, params = _Filters(), []
        where.contains_any(("e.actor", "na.corpus_name"), actor, params)
        where.prefix("e.cameo", cameo, params)
        where.equals("e.article_id", article, params)
        where.add(_IN_STORY.format(column="e.article_id"), story, params)
        when = "coalesce(e.date, a.published_value)"
        for bound, op in ((low, ">="), (high, "<=")):
            if bound is not None:
                # the text's own ISO prefix, compared as a date: "2018-05" is its first day
                where.parts.append(
                    f"TRY_CAST(rpad({when}[1:10] || (CASE WHEN length({when}) = 4 THEN '-01-01' "
                    f"WHEN length({when}) = 7 THEN '-01' ELSE '' END), 10, '0') AS DATE) {op} ?"
                )
                params.append(bound)
        by_name = _by_name(self._names())
        return self._dicts(
            "SELECT e.article_id, e.seq, e.sentence, e.start_char AS start, e.actor, "
            "coalesce(na.corpus_name, e.actor) AS corpus_actor, e.actor_code, e.cameo, "
            "e.target, coalesce(nt.corpus_name, e.target) AS corpus_target, e.target_code, "
            'e.date, e.modality, e.confidence, e."symmetric", '
            f"{_ARTICLE_REF} FROM events e JOIN articles a ON a.id = e.article_id "
            f"LEFT JOIN {by_name} na ON na.name = e.actor "
            f"LEFT JOIN {by_name} nt ON nt.name = e.target "
            f"WHERE {where} ORDER BY coalesce(e.date, a.published_value) NULLS LAST, "
            f"e.article_id, e.seq{_limit(limit)}{_offset(offset)}",
            params,
        )

    def dates(
        self, *, article: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Date expressions with their resolved values, in article and text order."""
        where, params = _Filters(), []
        where.equals("d.article_id", article, params)
        return self._dicts(
            "SELECT d.article_id, d.seq, d.text, d.start_char AS start, d.end_char AS \"end\", "
            f"d.value, d.granularity, {_ARTICLE_REF} FROM dates d "
            f"JOIN articles a ON a.id = d.article_id WHERE {where} "
            f"ORDER BY a.published_value NULLS LAST, d.article_id, d.seq{_limit(limit)}",
            params,
        )

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
                self._conn.execute(f"DELETE FROM {table} WHERE {key} IN {_ANY}", [ids])
                if tables[table] is not None:
                    self._insert(table, tables[table])

    def story_list(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        order: str = "newest",
        ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """One row per story, newest first (`order` picks another of `STORY_ORDERS`): id,
        title, date, articles, independent sources. `since` and `until` bound the story's
        day; `outlet` keeps stories with an article from it; `ids` keeps those stories."""
        where, params = _Filters(), []
        _date_range(where, params, '"date"', since, until)
        where.add(
            "id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a "
            "ON a.id = sa.article_id WHERE a.outlet = ?)",
            outlet,
            params,
        )
        if ids is not None:
            where.parts.append(f"id IN {_ANY}")
            params.append(list(ids))
        return self._dicts(
            'SELECT id, title, "date", n_articles, independent_sources FROM stories '
            f"WHERE {where} ORDER BY {_order(STORY_ORDERS, order)}{_limit(limit)} OFFSET ?",
            [*params, offset],
        )

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
                f"DELETE FROM article_vectors WHERE article_id IN {_ANY}", [list(ids)]
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

    def _names(self) -> str:
        try:
            return corpus_names.relation(self._conn)
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for read queries the API does not cover (search)."""
        return self._conn

    # -- helpers -----------------------------------------------------------------------------
    # Values always go to DuckDB as bound parameters; a set of keys is one list parameter
    # (`_ANY`), unnested into a join, so the client's per-parameter cost is paid once.

    def _query(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        try:
            return self._conn.execute(sql, params).to_arrow_table().to_pylist()
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc


QUOTE_KINDS = ("direct", "partial", "indirect")
#: the orders a story listing may ask for: name -> ORDER BY (an allow-list; nothing a request
#: sends is ever formatted into SQL)
STORY_ORDERS = {
    "newest": '"date" DESC NULLS LAST, n_articles DESC, id',
    "oldest": '"date" ASC NULLS LAST, n_articles DESC, id',
    "sources": 'independent_sources DESC, "date" DESC NULLS LAST, id',
    "articles": 'n_articles DESC, "date" DESC NULLS LAST, id',
    "title": "lower(title), id",
}
ARTICLE_ORDERS = {
    "newest": "a.published_value DESC NULLS LAST, a.id",
    "oldest": "a.published_value ASC NULLS LAST, a.id",
    "outlet": "a.outlet NULLS LAST, a.published_value DESC NULLS LAST, a.id",
    "title": "lower(a.title) NULLS LAST, a.id",
}
#: a list of values bound as one parameter, joined as a set (no value is ever formatted into SQL)
_ANY = "(SELECT unnest(?::VARCHAR[]))"
_IN_STORY = "{column} IN (SELECT article_id FROM story_articles WHERE story_id = ?)"
_ARTICLE_REF = "a.outlet, a.published_value AS published, a.url"
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


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


def _date_bound(name: str, value: str | None, *, last: bool) -> date | None:
    """An ISO date, month or year as a date (its first day, or its last with `last`); a value
    that is not one is a usage error, never a string compared as it is."""
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        expected = "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
        raise ConfigError(Msg.BAD_FILTER.format(name=name, expected=expected, value=value))
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            if not last:
                return first
            following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return following - timedelta(days=1)
        return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)
    except ValueError as exc:
        raise ConfigError(Msg.BAD_FILTER.format(
            name=name, expected=f"a real date ({exc})", value=value)) from exc  # fmt: skip


def _by_name(names: str) -> str:
    """One corpus name per name, for speakers and actors, whose label is not known (a name
    that is both a PERSON's and an ORG's takes the person's)."""
    return (
        f"(SELECT name, arg_max(corpus_name, label = 'PERSON') AS corpus_name FROM {names} "
        "GROUP BY name)"
    )


class _Filters:
    """The WHERE clause of a query, built from optional filters (None leaves a filter out)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def _check(self, value: str | None) -> bool:
        if value is not None and not isinstance(value, str):
            raise TypeError(f"filters take str values, got {type(value).__name__}")
        return value is not None

    def equals(self, column: str, value: str | None, params: list[Any]) -> bool:
        if self._check(value):
            self.parts.append(f"{column} = ?")
            params.append(value)
        return value is not None

    def contains(self, column: str, value: str | None, params: list[Any]) -> bool:
        return self.contains_any((column,), value, params)

    def contains_any(self, columns: Sequence[str], value: str | None, params: list[Any]) -> bool:
        """`value` is in any of `columns` (a NULL column matches nothing)."""
        if self._check(value):
            tests = [f"contains(lower({column}), lower(?))" for column in columns]
            self.parts.append(f"({' OR '.join(tests)})")
            params.extend([value] * len(columns))
        return value is not None

    def add(self, condition: str, value: str | None, params: list[Any]) -> bool:
        """A condition written out, with `value` for each of its `?`."""
        if self._check(value):
            self.parts.append(condition)
            params.extend([value] * condition.count("?"))
        return value is not None

    def prefix(self, column: str, value: str | None, params: list[Any]) -> bool:
        if self._check(value):
            self.parts.append(f"starts_with({column}, ?)")
            params.append(value)
        return value is not None

    def __str__(self) -> str:
        return " AND ".join(self.parts) or "TRUE"


def _order(orders: dict[str, str], name: str) -> str:
    if name not in orders:
        raise ConfigError(
            Msg.BAD_FILTER.format(name="order", expected=" or ".join(orders), value=name)
        )
    return orders[name]


def _date_range(
    where: _Filters, params: list[Any], column: str, since: str | None, until: str | None
) -> None:
    """`column` (an ISO date, month or year as text) between two ISO bounds, inclusive."""
    for bound, op in (
        (_date_bound("since", since, last=False), ">="),
        (_date_bound("until", until, last=True), "<="),
    ):
        if bound is not None:
            where.parts.append(f"TRY_CAST({column}[1:10] AS DATE) {op} ?")
            params.append(bound)


def _offset(offset: int) -> str:
    if not isinstance(offset, int) or isinstance(offset, bool):
        raise TypeError(f"offset must be an int, got {type(offset).__name__}")
    if offset < 0:
        raise ValueError(f"offset must be >= 0, got {offset}")
    return f" OFFSET {offset}" if offset else ""


def _limit(limit: int | None) -> str:
    if limit is None:
        return ""
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise TypeError(f"limit must be an int, got {type(limit).__name__}")
    if limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    return f" LIMIT {limit}"
