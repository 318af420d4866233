"""Entities, quotes and events across the store, filtered and paged (the CLI's listings)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from newsloom.serve.api.params import (
    ERRORS,
    Id,
    Limit,
    Offset,
    Page,
    Since,
    Text,
    Until,
    database,
    page,
)
from newsloom.serve.database import Database

router = APIRouter(prefix="/api", tags=["annotations"], responses=ERRORS)


@router.get("/entities", response_model=Page, summary="List entities")
def list_entities(
    db: Annotated[Database, Depends(database)],
    limit: Limit = 50,
    offset: Offset = 0,
    label: Text = None,
    actor_code: Text = None,
    name: Text = None,
    story: Id = None,
) -> Page:
    """People, organisations and places, one row per corpus name, most mentioned first."""
    with db.read() as store:
        rows = store.entities(
            label=label, actor_code=actor_code, name=name, story=story, limit=limit + 1,
            offset=offset,
        )  # fmt: skip
    return page(rows, limit, offset)


@router.get("/quotes", response_model=Page, summary="List quotes")
def list_quotes(
    db: Annotated[Database, Depends(database)],
    limit: Limit = 50,
    offset: Offset = 0,
    speaker: Text = None,
    via: Text = None,
    kind: Annotated[Literal["direct", "partial", "indirect"] | None, Query()] = None,
    article: Id = None,
    story: Id = None,
) -> Page:
    """Who said what, and through whom (`via`), oldest article first."""
    with db.read() as store:
        rows = store.quotes(
            speaker=speaker, via=via, kind=kind, article=article, story=story, limit=limit + 1,
            offset=offset,
        )  # fmt: skip
    return page(rows, limit, offset)


@router.get("/events", response_model=Page, summary="List events")
def list_events(
    db: Annotated[Database, Depends(database)],
    limit: Limit = 50,
    offset: Offset = 0,
    actor: Text = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code or root: 04 finds 040-046")
    ] = None,
    since: Since = None,
    until: Until = None,
    article: Id = None,
    story: Id = None,
) -> Page:
    """CAMEO-coded events in date order; `cameo` is a code prefix (a root such as 19)."""
    with db.read() as store:
        rows = store.events(
            actor=actor, cameo=cameo, since=since, until=until, article=article, story=story,
            limit=limit + 1, offset=offset,
        )  # fmt: skip
    return page(rows, limit, offset)
