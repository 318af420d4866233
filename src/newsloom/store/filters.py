"""The pieces the store's read queries are built from: filters, orders, bounds and pages.

Values always reach DuckDB as bound parameters: a filter adds a fixed SQL fragment with `?`
for its value, an order is picked from an allow-list by name, and a page size or offset is an
int checked here before it is written into the query. A set of keys is one list parameter
(`ANY`), unnested into a join.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from newsloom.errors import ConfigError, Msg

#: the kinds a quote filter accepts
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
ANY = "(SELECT unnest(?::VARCHAR[]))"
IN_STORY = "{column} IN (SELECT article_id FROM story_articles WHERE story_id = ?)"
ARTICLE_REF = "a.outlet, a.published_value AS published, a.url"
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_bound(name: str, value: str | None, *, last: bool) -> date | None:
    """An ISO date, month or year as a date (its first day, or its last with `last`); a value
    that is not one is a usage error, never a string compared as it is."""
    if value is None:
        return None
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
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


def by_name(names: str) -> str:
    """One corpus name per name, for speakers and actors, whose label is not known (a name
    that is both a PERSON's and an ORG's takes the person's)."""
    return (
        f"(SELECT name, arg_max(corpus_name, label = 'PERSON') AS corpus_name FROM {names} "
        "GROUP BY name)"
    )


class Filters:
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


def order_by(orders: dict[str, str], name: str) -> str:
    if name not in orders:
        raise ConfigError(
            Msg.BAD_FILTER.format(name="order", expected=" or ".join(orders), value=name)
        )
    return orders[name]


def date_range(
    where: Filters, params: list[Any], column: str, since: str | None, until: str | None
) -> None:
    """`column` (an ISO date, month or year as text) between two ISO bounds, inclusive."""
    for bound, op in (
        (date_bound("since", since, last=False), ">="),
        (date_bound("until", until, last=True), "<="),
    ):
        if bound is not None:
            where.parts.append(f"TRY_CAST({column}[1:10] AS DATE) {op} ?")
            params.append(bound)


def offset_sql(offset: int) -> str:
    if not isinstance(offset, int) or isinstance(offset, bool):
        raise TypeError(f"offset must be an int, got {type(offset).__name__}")
    if offset < 0:
        raise ValueError(f"offset must be >= 0, got {offset}")
    return f" OFFSET {offset}" if offset else ""


def limit_sql(limit: int | None) -> str:
    if limit is None:
        return ""
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise TypeError(f"limit must be an int, got {type(limit).__name__}")
    if limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    return f" LIMIT {limit}"
