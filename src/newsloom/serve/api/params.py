"""Query parameters shared by the API routes: bounded, typed, and free of control characters.

Every value reaches DuckDB as a bound parameter (the store's rule); these bounds only keep
requests sane and make the OpenAPI schema say what is accepted.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import BaseModel

from newsloom.serve.database import Database

#: printable text: no control characters, at most 200 characters
_TEXT = r"^[^\x00-\x1f\x7f]*$"

def _iso_date_pattern() -> str:
    """A year, a month or a day the calendar has (leap days included), as a regex, so that
    the schema promises exactly what the store accepts (`Store` refuses 2026-02-30)."""
    year = r"([1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
    leap = r"(\d\d(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
    days = (
        rf"{year}-(0[13578]|1[02])-(0[1-9]|[12]\d|3[01])",
        rf"{year}-(0[469]|11)-(0[1-9]|[12]\d|30)",
        rf"{year}-02-(0[1-9]|1\d|2[0-8])",
        rf"{leap}-02-29",
    )
    return rf"^({year}|{year}-(0[1-9]|1[0-2])|{'|'.join(days)})$"


ISO_DATE = _iso_date_pattern()

Text = Annotated[str | None, Query(max_length=200, pattern=_TEXT)]
Id = Annotated[str | None, Query(max_length=200, pattern=_TEXT, description="an id")]
Since = Annotated[
    str | None, Query(pattern=ISO_DATE, description="on or after: YYYY, YYYY-MM or YYYY-MM-DD")
]
Until = Annotated[
    str | None, Query(pattern=ISO_DATE, description="on or before: YYYY, YYYY-MM or YYYY-MM-DD")
]
Limit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="rows skipped")]


class Page(BaseModel):
    """One page of a listing; `next_offset` is None on the last page."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None


class ErrorDetail(BaseModel):
    code: str
    exit_code: int
    status: int
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "a bad parameter (CLI code usage, exit 2)"},
    404: {"model": ErrorBody, "description": "no such item (CLI code not_found, exit 7)"},
    503: {"model": ErrorBody, "description": "the store failed (CLI code store, exit 5)"},
}


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> Page:
    """A page from `limit + 1` rows: the extra row only says whether another page follows."""
    more = len(rows) > limit
    return Page(
        items=rows[:limit], limit=limit, offset=offset, next_offset=offset + limit if more else None
    )


def database(request: Request) -> Database:
    return request.app.state.db
