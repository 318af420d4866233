"""The application factory: the API, the web pages, the static files and the guard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from newsloom import __version__
from newsloom.errors import ConfigError, NewsloomError, NotFound
from newsloom.serve.api import ROUTERS
from newsloom.serve.cache import PageCache
from newsloom.serve.database import Database
from newsloom.serve.guard import Guard, error_body
from newsloom.serve.jobs import Jobs
from newsloom.serve.pages import render
from newsloom.serve.pages import router as pages_router
from newsloom.serve.prerender import Prerenderer
from newsloom.settings import ServeSettings

STATIC = Path(__file__).parent / "static"


def create_app(db_path: str | Path, settings: ServeSettings | None = None) -> Any:
    """The ASGI application over the store at `db_path` (opened now, writable, held until
    shutdown), wrapped in the guard (hosts, body cap, security headers)."""
    settings = settings or ServeSettings()
    db = Database(db_path)
    jobs = Jobs(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the store stays open across lifespans (test clients run one per request); the
        # caller closes it (`serve.run`), and an ingest in flight finishes first
        yield
        jobs.stop()

    app = FastAPI(
        title="newsloom",
        version=__version__,
        description="Stories, articles, quotes, entities and events of a newsloom store, "
        "each with the characters it came from.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN; the schema itself is at /openapi.json
        redoc_url=None,
    )
    app.state.db = db
    app.state.jobs = jobs
    app.state.settings = settings
    app.state.pages = PageCache()
    app.state.prerender = Prerenderer(db, app.state.pages)
    if settings.prerender:
        db.listeners.append(app.state.prerender.changed)
        app.state.prerender.start()
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _handle_errors(app)
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"]
        )
    guarded = Guard(app, settings)
    guarded.state = app.state  # type: ignore[attr-defined]  # what `shutdown` stops and closes
    return guarded


def shutdown(app: Any) -> None:
    """Stop the pre-renderer and the ingest worker (a running ingest finishes), then close
    the store: what `serve.run` does when the server stops."""
    app.state.prerender.stop()
    app.state.jobs.stop()
    app.state.db.close()


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/openapi"))


def _error_response(request: Request, exc: NewsloomError) -> Response:
    if _wants_html(request):
        html = render("error.html", {"error": exc, "status": exc.http_status})
        return HTMLResponse(html, status_code=exc.http_status)
    return JSONResponse(error_body(exc), status_code=exc.http_status)


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(NewsloomError)
    async def newsloom_error(request: Request, exc: NewsloomError) -> Response:
        return _error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return _error_response(request, ConfigError(problems or "bad request"))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            error: NewsloomError = NotFound(f"no such page: {request.url.path}")
        else:
            error = NewsloomError(str(exc.detail))
            error.http_status = exc.status_code
            error.code = "usage" if 400 <= exc.status_code < 500 else "error"
        return _error_response(request, error)

