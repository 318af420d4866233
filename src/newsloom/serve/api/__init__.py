"""The REST API, one module per resource; the schema is served at /openapi.json."""

from newsloom.serve.api import annotations, articles, jobs, search, status, stories

ROUTERS = (
    stories.router, articles.router, jobs.router, annotations.router, search.router,
    status.router,
)  # fmt: skip

__all__ = ["ROUTERS"]
