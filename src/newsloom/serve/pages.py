"""The web pages: story list, story, article list, article, search. Server-rendered HTML.

Templates are Jinja2 with autoescaping on for every template, and no `|safe` anywhere: a title
such as ``<img src=x onerror=alert(1)>`` arrives in the browser as text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsloom.serve import views
from newsloom.serve.api.params import ISO_DATE, database
from newsloom.serve.api.search import run_search
from newsloom.serve.cache import cached_page
from newsloom.serve.database import Database

PAGE = 30
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # every template, whatever its name
    undefined=jinja2.StrictUndefined,
)
_env.filters["safe_url"] = views.safe_url
_env.filters["idpath"] = views.id_path

router = APIRouter(include_in_schema=False)
Db = Annotated[Database, Depends(database)]
PageNo = Annotated[int, Query(ge=1, le=100_000)]


def render(name: str, context: dict[str, Any]) -> str:
    """A template rendered to HTML (autoescaped)."""
    return _env.get_template(name).render(context)


def _render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    return HTMLResponse(render(name, context))


def story_html(store: Any, story_id: str) -> str:
    """A story page (also what the pre-renderer keeps, `prerender.py`)."""
    return render("story.html", views.story_page(store, story_id))


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, db: Db, page: PageNo = 1) -> Response:
    def render() -> Response:
        with db.read() as store:
            rows = store.story_list(limit=PAGE + 1, offset=(page - 1) * PAGE)
            total = store.story_count()
        return _render(request, "stories.html", {
            "stories": rows[:PAGE], "page": page, "more": len(rows) > PAGE, "total": total,
        })  # fmt: skip

    return cached_page(request, ("stories", page), render)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story(request: Request, db: Db, story_id: str) -> Response:
    def render() -> Response:
        with db.read() as store:
            return HTMLResponse(story_html(store, story_id))

    return cached_page(request, ("story", story_id), render)


@router.get("/articles", response_class=HTMLResponse)
def article_list(
    request: Request,
    db: Db,
    page: PageNo = 1,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
) -> HTMLResponse:
    with db.read() as store:
        rows = store.summaries(limit=PAGE + 1, offset=(page - 1) * PAGE, outlet=outlet or None,
                               since=since or None, until=until or None)  # fmt: skip
    return _render(request, "articles.html", {
        "articles": rows[:PAGE], "page": page, "more": len(rows) > PAGE,
        "outlet": outlet or "", "since": since or "", "until": until or "",
    })  # fmt: skip


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(
    request: Request,
    db: Db,
    article_id: str,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    cited = (start, end) if start is not None and end is not None else None
    with db.read() as store:
        context = views.article_page(store, article_id, cited)
    return _render(request, "article.html", context)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    db: Db,
    q: Annotated[str, Query(max_length=200)] = "",
    page: PageNo = 1,
) -> HTMLResponse:
    words = _CONTROL.sub(" ", q).strip()
    found = run_search(db, words, PAGE, (page - 1) * PAGE) if words else None
    return _render(request, "search.html", {"q": q, "found": found, "page": page})


@router.get("/add", response_class=HTMLResponse)
def add(request: Request) -> HTMLResponse:
    """A form that POSTs to the API and follows the job (`static/app.js`)."""
    settings = request.app.state.settings
    return _render(request, "add.html", {"token_needed": settings.token is not None})
