"""What the server holds: counts, the store's generation, the pre-renderer's progress."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from newsloom.serve.api.params import ERRORS

router = APIRouter(prefix="/api", tags=["status"], responses=ERRORS)


@router.get("/status", summary="Server status")
def status(request: Request) -> dict[str, Any]:
    """Articles and stories stored, the write generation (bumped by each ingest), and how many
    story pages are rendered ahead of their first visit."""
    state = request.app.state
    with state.db.read() as store:
        articles, stories = store.count(), store.story_count()
    return {
        "articles": articles,
        "stories": stories,
        "generation": state.db.generation,
        "prerender": {**state.prerender.status(), "enabled": state.settings.prerender},
    }
