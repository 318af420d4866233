"""Stories: the list (newest first, filtered, paged) and one story's whole report."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from newsloom.errors import Msg, NotFound
from newsloom.serve.api.params import (
    ERRORS,
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

router = APIRouter(prefix="/api/stories", tags=["stories"], responses=ERRORS)

StoryOrder = Literal["newest", "oldest", "sources", "articles", "title"]


@router.get("", response_model=Page, summary="List stories")
def list_stories(
    db: Annotated[Database, Depends(database)],
    limit: Limit = 50,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
    outlet: Text = None,
    order: Annotated[StoryOrder, Query()] = "newest",
) -> Page:
    """Stories with their article and independent-source counts, newest first."""
    with db.read() as store:
        rows = store.story_list(
            limit=limit + 1, offset=offset, since=since, until=until, outlet=outlet, order=order
        )
    return page(rows, limit, offset)


@router.get("/{story_id:path}", summary="A story's report")
def get_story(
    db: Annotated[Database, Depends(database)],
    story_id: Annotated[str, Path(max_length=200)],
    why: bool = False,
) -> dict[str, Any]:
    """The story per the output contract: cited summary, timeline, copies and independent
    sources, conflicts, key quotes; `why` adds the evidence that joined each article."""
    with db.read() as store:
        found = store.stories([story_id])
    if not found:
        raise NotFound(Msg.NO_STORY.format(id=story_id, path=db.path))
    return found[0].to_dict(why=why)

