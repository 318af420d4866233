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
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

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
