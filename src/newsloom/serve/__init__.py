"""`newsloom serve`: the REST API and the web UI over one store, in one process.

The process owns the store (the one DuckDB writer); pages and API read through it, and POSTed
articles are ingested by its worker thread. See `app.create_app` and `guard` for the safety
rules (loopback by default, token for writes when exposed, Host check, CSP, body cap).
"""

from __future__ import annotations

from pathlib import Path

from newsloom.settings import ServeSettings


def run(db_path: str | Path, settings: ServeSettings) -> None:
    """Serve the store at `db_path` until interrupted."""
    import uvicorn

    from newsloom.serve.app import create_app, shutdown

    app = create_app(db_path, settings)
    try:
        uvicorn.run(
            app, host=settings.host, port=settings.port, log_level="warning",
            proxy_headers=False, server_header=False, date_header=False,
        )  # fmt: skip
    finally:
        shutdown(app)


__all__ = ["ServeSettings", "run"]
