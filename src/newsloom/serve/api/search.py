"""Full-text search: articles by BM25 over title and text, and the stories they are in."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from newsloom.serve.api.params import ERRORS, Limit, Offset, database
from newsloom.serve.database import Database

router = APIRouter(prefix="/api", tags=["search"], responses=ERRORS)

Q = Annotated[str, Query(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


def run_search(db: Database, q: str, limit: int, offset: int) -> dict[str, Any]:
    """Matching articles (one page) and the stories of all matches on that page, best first."""
    with db.read() as store:
        articles = store.search(q, limit=limit + 1, offset=offset)
        order = list(dict.fromkeys(a["story_id"] for a in articles[:limit] if a["story_id"]))
        stories = {s["id"]: s for s in store.story_list(ids=order)} if order else {}
    more = len(articles) > limit
    return {
        "query": q,
        "articles": articles[:limit],
        "stories": [stories[i] for i in order if i in stories],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


@router.get("/search", summary="Search articles and stories")
def search(
    db: Annotated[Database, Depends(database)],
    q: Q,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Articles whose title or text match the words of `q` (stemmed, any order), best first,
    with the stories they belong to."""
    return run_search(db, q, limit, offset)
