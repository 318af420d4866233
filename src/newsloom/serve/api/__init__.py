"""The REST API, one module per resource; the schema is served at /openapi.json."""

from newsloom.serve.api import annotations, articles, jobs, search, stories

ROUTERS = (stories.router, articles.router, jobs.router, annotations.router, search.router)

__all__ = ["ROUTERS"]
