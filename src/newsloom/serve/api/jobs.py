"""Ingest jobs started by POST /api/articles: progress while they run, the report after."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from newsloom.serve.api.params import ERRORS

router = APIRouter(prefix="/api/jobs", tags=["articles"], responses=ERRORS)


@router.get("/{job_id}", summary="An ingest job")
def get_job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """State (queued, running, done, failed), documents read of the total, then the ingest
    report (ingested, already present, rejections with reasons) and the stories touched."""
    return request.app.state.jobs.get(job_id).to_dict()
