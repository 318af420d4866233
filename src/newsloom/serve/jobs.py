"""POSTed articles become ingest jobs, run one at a time by a worker thread, with progress.

A POST returns at once with a job (202) that `GET /api/jobs/{id}` follows: documents read so
far out of the total, then what the ingest did (the CLI's `IngestReport`) and the stories the
new articles went to. The body is written to a private temporary file and read by the same
readers as `newsloom ingest` (limits, encodings, JSON Lines rows), so a POST and a file give
the same articles; rejection messages name the body's rows (``request.jsonl:3``).
"""

from __future__ import annotations

import json
import queue
import shutil
import tempfile
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsloom.errors import ConfigError, Msg, NewsloomError, NotFound
from newsloom.serve.database import Database

#: request content type -> the suffix the readers know it by
SUFFIXES = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/json-lines": ".jsonl",
    "application/json": ".jsonl",
}
#: finished jobs kept for `GET /api/jobs/{id}`
KEPT_JOBS = 200


@dataclass
class Job:
    id: str
    total: int
    state: str = "queued"
    read: int = 0
    report: dict[str, Any] | None = None
    stories: list[str] = field(default_factory=list)
    error: dict[str, Any] | None = None
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "total": self.total,
            "read": self.read,
            "report": self.report,
            "stories": self.stories,
            "error": self.error,
        }


def body_rows(body: bytes, content_type: str) -> tuple[bytes, str, int]:
    """The body as the readers take it: (bytes, file suffix, documents expected).

    A JSON object or a JSON list of objects (application/json) becomes JSON Lines; JSON Lines
    count one document per non-blank line; a text or a page is one document."""
    if not body.strip():
        raise ConfigError(Msg.SERVE_EMPTY)
    kind = content_type.split(";")[0].strip().lower()
    suffix = SUFFIXES.get(kind)
    if suffix is None:
        raise ConfigError(Msg.SERVE_CONTENT_TYPE.format(type=kind))
    if kind == "application/json":
        try:
            value = json.loads(body)
        except ValueError as exc:
            raise ConfigError(
                Msg.BAD_FILTER.format(name="body", expected="JSON", value=str(exc))
            ) from exc
        rows = value if isinstance(value, list) else [value]
        body = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows).encode("utf-8")
    if suffix == ".jsonl":
        return body, suffix, sum(1 for line in body.splitlines() if line.strip())
    return body, suffix, 1


class Jobs:
    """The ingest queue of one server: one worker thread, jobs kept in memory."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[tuple[Job, Path, dict[str, str | None]] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, body: bytes, content_type: str, overrides: dict[str, str | None]) -> Job:
        data, suffix, total = body_rows(body, content_type)
        folder = Path(tempfile.mkdtemp(prefix="newsloom-post-"))
        path = folder / f"request{suffix}"
        path.write_bytes(data)
        job = Job(id=uuid.uuid4().hex[:16], total=total)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT_JOBS:
                self._jobs.popitem(last=False)
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="ingest", daemon=True)
                self._worker.start()
        self._queue.put((job, path, overrides))
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(Msg.NO_JOB.format(id=job_id))
        return job

    def stop(self) -> None:
        """Let the worker finish the queued jobs, then end it (a later POST starts another)."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            self._queue.put(None)
            worker.join()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            job, path, overrides = item
            try:
                self._ingest(job, path, overrides)
            except NewsloomError as exc:
                job.error = {"code": exc.code, "exit_code": exc.exit_code, "message": str(exc)}
                job.state = "failed"
            except Exception as exc:  # the worker must outlive one bad job
                job.error = {"code": "error", "exit_code": 1, "message": repr(exc)}
                job.state = "failed"
            finally:
                shutil.rmtree(path.parent, ignore_errors=True)
                job.done.set()

    def _ingest(self, job: Job, path: Path, overrides: dict[str, str | None]) -> None:
        from newsloom.ingest import Overrides
        from newsloom.loom import Loom

        def progress(n: int) -> None:
            job.read += n

        job.state = "running"
        with self.db.write_lock:
            # Loom opens the file again with the server's own configuration, which DuckDB
            # serves from the instance this process already holds: no second writer.
            try:
                report = Loom(self.db.path).ingest(
                    [path], overrides=Overrides(**overrides), progress=progress
                )
                self.db.refresh_search_index()
            finally:
                self.db.changed()  # a failed ingest may still have committed batches
        shown = report.to_dict()
        prefix = f"{path.parent}/"
        for rejection in shown["rejections"]:
            for key in ("source", "message"):
                rejection[key] = rejection[key].replace(prefix, "")
        shown["ids"] = report.ids
        job.report = shown
        with self.db.read() as store:
            job.stories = sorted({s for i in report.ids if (s := store.story_of(i))})
        job.state = "done"
