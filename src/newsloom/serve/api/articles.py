"""Articles: the list, one article with its annotations, and POST of new articles."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from newsloom.errors import Msg, NotFound
from newsloom.serve.api.params import (
    ERRORS,
    ErrorBody,
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
from newsloom.serve.guard import check_write
from newsloom.serve.jobs import SUFFIXES, Jobs

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERRORS)

ArticleOrder = Literal["newest", "oldest", "outlet", "title"]
#: how long `wait=true` holds the request before answering 202 with the job as it stands
WAIT_SECONDS = 600


@router.get("", response_model=Page, summary="List articles")
def list_articles(
    db: Annotated[Database, Depends(database)],
    limit: Limit = 50,
    offset: Offset = 0,
    outlet: Text = None,
    since: Since = None,
    until: Until = None,
    order: Annotated[ArticleOrder, Query()] = "newest",
) -> Page:
    """One line per article with its annotation counts, most recently published first."""
    with db.read() as store:
        rows = store.summaries(
            limit=limit + 1, offset=offset, outlet=outlet, since=since, until=until, order=order
        )
    return page(rows, limit, offset)


@router.get("/{article_id:path}", summary="An article with its annotations")
def get_article(
    db: Annotated[Database, Depends(database)],
    article_id: Annotated[str, Path(max_length=200)],
) -> dict[str, Any]:
    """The article per the output contract (entities, quotes, dates, events with offsets into
    `text`), and the id of the story it is in."""
    with db.read() as store:
        article = store.get(article_id)
        story = store.story_of(article_id) if article is not None else None
    if article is None:
        raise NotFound(Msg.NO_ARTICLE.format(id=article_id, path=db.path))
    return {**article.to_dict(), "story": story}


_BODY = {
    "requestBody": {
        "required": True,
        "description": "one article (text or HTML), or JSON Lines rows "
        '({"id", "url", "outlet", "title", "published", "text" | "html"}), or a JSON object '
        "or list of such rows",
        "content": {kind: {"schema": {"type": "string"}} for kind in SUFFIXES},
    }
}


@router.post(
    "",
    status_code=202,
    summary="Add articles",
    openapi_extra=_BODY,
    responses={
        201: {"description": "done (with wait=true): the finished job"},
        403: {"model": ErrorBody, "description": "writes need the token (code forbidden)"},
        413: {"model": ErrorBody, "description": "body over the cap (code too_large)"},
    },
)
async def post_articles(
    request: Request,
    published: Annotated[str | None, Query(max_length=40)] = None,
    outlet: Text = None,
    url: Annotated[str | None, Query(max_length=2000)] = None,
    wait: bool = False,
) -> JSONResponse:
    """Analyse and store the articles of the body, then update the stories. Answers 202 with
    a job to follow at `/api/jobs/{id}` (progress: documents read of the total), or with
    `wait=true` 201 and the finished job."""
    settings = request.app.state.settings
    check_write(
        settings, {k.lower(): v for k, v in request.headers.items()}, request.headers["host"]
    )
    body = await request.body()
    jobs: Jobs = request.app.state.jobs
    overrides = {"published": published, "outlet": outlet, "url": url}
    job = jobs.submit(body, request.headers.get("content-type", "text/plain"), overrides)
    location = {"Location": f"/api/jobs/{job.id}"}
    if wait:
        finished = await anyio.to_thread.run_sync(job.done.wait, WAIT_SECONDS)
        if finished:
            return JSONResponse(job.to_dict(), status_code=201, headers=location)
    return JSONResponse(job.to_dict(), status_code=202, headers=location)
