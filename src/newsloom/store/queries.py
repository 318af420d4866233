"""The store's read queries over articles, annotations and stories, filtered in SQL.

`Queries` is the base of `Store`, which opens the connection the queries run on. Names match
case-insensitively and by substring ("trump" finds "Donald Trump"), both the name an article
gives and the corpus name (so "Donald Trump" also finds the "Trump" of an article that never
says "Donald"); codes match by prefix ("04" finds 041, "USA" finds USAGOV). Rows carry the
contract's field names, the corpus names, and the article's id, outlet, publication date and
URL, so a row can be cited without fetching its article.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from newsloom.errors import ConfigError, Msg, StoreError
from newsloom.store import names as corpus_names
from newsloom.store.filters import (
    ANY,
    ARTICLE_ORDERS,
    ARTICLE_REF,
    IN_STORY,
    QUOTE_KINDS,
    STORY_ORDERS,
    Filters,
    by_name,
    date_bound,
    date_range,
    limit_sql,
    offset_sql,
    order_by,
)


class Queries:
    """Listings and annotation queries over an open connection (the base of `Store`, which
    opens it)."""

    path: str
    _conn: duckdb.DuckDBPyConnection

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """Rows of a query as dicts; DuckDB's errors as `StoreError`."""
        try:
            return self._conn.execute(sql, params).to_arrow_table().to_pylist()
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

    def _names(self) -> str:
        """The corpus names relation (`newsloom.store.names`), as SQL."""
        try:
            return corpus_names.relation(self._conn)
        except duckdb.Error as exc:
            raise StoreError(Msg.STORE_FAILED.format(path=self.path, detail=exc)) from exc

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
        where, params = Filters(), []
        where.equals("a.outlet", outlet, params)
        date_range(where, params, "a.published_value", since, until)
        if ids is not None:
            where.parts.append(f"a.id IN {ANY}")
            params.append(list(ids))
        return self._dicts(
            "SELECT a.id, a.outlet, a.title, a.published_value AS published, "
            "a.published_basis, a.lang, a.url, a.source, length(a.text) AS n_chars, "
            f"{counts} FROM articles a WHERE {where} "
            f"ORDER BY {order_by(ARTICLE_ORDERS, order)} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    # -- annotation queries (see the module docstring) ---------------------------------------

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
        where, params = Filters(), []
        where.contains_any(("q.speaker", "n.corpus_name"), speaker, params)
        where.contains("q.via", via, params)
        where.equals("q.kind", kind, params)
        where.equals("q.article_id", article, params)
        where.add(IN_STORY.format(column="q.article_id"), story, params)
        return self._dicts(
            'SELECT q.article_id, q.seq, q.text, q.start_char AS start, q.end_char AS "end", '
            "q.kind, q.speaker, coalesce(n.corpus_name, q.speaker) AS corpus_speaker, "
            "q.speaker_mention, q.cue, q.via, q.confidence, "
            f"{ARTICLE_REF} FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN {by_name(self._names())} n ON n.name = q.speaker "
            f"WHERE {where} ORDER BY a.published_value NULLS LAST, q.article_id, q.seq"
            f"{limit_sql(limit)}{offset_sql(offset)}",
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
        where, params = Filters(), []
        where.equals("upper(e.label)", label.upper() if label else None, params)
        where.add(IN_STORY.format(column="e.article_id"), story, params)
        # the name filter is on groups (their corpus name or any of their forms), so that a
        # group found by one form still counts all its mentions
        form_matches = "FALSE"
        groups, group_params = Filters(), []
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
            f"WHERE {groups} ORDER BY mentions DESC, name, label"
            f"{limit_sql(limit)}{offset_sql(offset)}",
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
        low = date_bound("since", since, last=False)
        high = date_bound("until", until, last=True)
        where, params = Filters(), []
        where.contains_any(("e.actor", "na.corpus_name"), actor, params)
        where.prefix("e.cameo", cameo, params)
        where.equals("e.article_id", article, params)
        where.add(IN_STORY.format(column="e.article_id"), story, params)
        when = "coalesce(e.date, a.published_value)"
        for bound, op in ((low, ">="), (high, "<=")):
            if bound is not None:
                # the text's own ISO prefix, compared as a date: "2018-05" is its first day
                where.parts.append(
                    f"TRY_CAST(rpad({when}[1:10] || (CASE WHEN length({when}) = 4 THEN '-01-01' "
                    f"WHEN length({when}) = 7 THEN '-01' ELSE '' END), 10, '0') AS DATE) {op} ?"
                )
                params.append(bound)
        names = by_name(self._names())
        return self._dicts(
            "SELECT e.article_id, e.seq, e.sentence, e.start_char AS start, e.actor, "
            "coalesce(na.corpus_name, e.actor) AS corpus_actor, e.actor_code, e.cameo, "
            "e.target, coalesce(nt.corpus_name, e.target) AS corpus_target, e.target_code, "
            'e.date, e.modality, e.confidence, e."symmetric", '
            f"{ARTICLE_REF} FROM events e JOIN articles a ON a.id = e.article_id "
            f"LEFT JOIN {names} na ON na.name = e.actor "
            f"LEFT JOIN {names} nt ON nt.name = e.target "
            f"WHERE {where} ORDER BY coalesce(e.date, a.published_value) NULLS LAST, "
            f"e.article_id, e.seq{limit_sql(limit)}{offset_sql(offset)}",
            params,
        )

    def dates(
        self, *, article: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Date expressions with their resolved values, in article and text order."""
        where, params = Filters(), []
        where.equals("d.article_id", article, params)
        return self._dicts(
            'SELECT d.article_id, d.seq, d.text, d.start_char AS start, d.end_char AS "end", '
            f"d.value, d.granularity, {ARTICLE_REF} FROM dates d "
            f"JOIN articles a ON a.id = d.article_id WHERE {where} "
            f"ORDER BY a.published_value NULLS LAST, d.article_id, d.seq{limit_sql(limit)}",
            params,
        )

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
        where, params = Filters(), []
        date_range(where, params, '"date"', since, until)
        where.add(
            "id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a "
            "ON a.id = sa.article_id WHERE a.outlet = ?)",
            outlet,
            params,
        )
        if ids is not None:
            where.parts.append(f"id IN {ANY}")
            params.append(list(ids))
        return self._dicts(
            'SELECT id, title, "date", n_articles, independent_sources FROM stories '
            f"WHERE {where} ORDER BY {order_by(STORY_ORDERS, order)}{limit_sql(limit)} OFFSET ?",
            [*params, offset],
        )
