"""Worker processes in which the per-document time limit always holds.

The in-process deadline (`deadline.within`: a SIGALRM timer, or a watchdog thread) cannot
interrupt a long native call: an lxml XPath inside trafilatura, or a regular expression
backtracking inside `re`, runs to its end before Python sees the interruption. A process can
always be killed, so documents run in pebble worker processes: a chunk that overruns its
budget has its worker killed and replaced, then its documents run again one at a time, so only
the document that overruns on its own is rejected (`timeout`). A worker that dies (a segfault
in a native library, the kernel's OOM killer) is handled the same way, and its document
rejected as `worker_died`.

Workers die with their parent: a SIGKILLed `ingest` must not leave its analysers running.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, TimeoutError
from dataclasses import replace

from pebble import ProcessExpired, ProcessPool

from newsloom.article import Article, Document
from newsloom.errors import Reason, Rejection
from newsloom.pipeline import Pipeline, shared_pipeline
from newsloom.settings import Settings

#: Documents sent to a worker at once: enough for spaCy's `nlp.pipe` to batch, few enough that
#: an overrun costs little to replay one by one.
CHUNK = 8
#: Seconds added to a chunk's budget for shipping documents and results between processes.
TRANSFER_GRACE = 2.0
#: Text of the document each worker analyses once at start, so that loading models is never
#: charged to a real document's time budget: a place, a date, a speaker and an event, so that
#: every stage loads its tables (the town gazetteer among them).
WARM_UP_TEXT = "Officials in Lisbon said on Monday that talks with Spain would resume next week."

_WORKER: dict[str, Pipeline] = {}


class WorkerPool:
    """`processes` workers, each with its own pipeline built once; `run` keeps input order."""

    def __init__(self, settings: Settings, stages: Sequence[str], processes: int) -> None:
        if not isinstance(processes, int) or isinstance(processes, bool) or processes < 1:
            raise ValueError(f"processes must be an int >= 1, got {processes!r}")
        self.settings = settings
        self._pool = ProcessPool(
            max_workers=processes,
            initializer=_start_worker,
            initargs=(settings, tuple(stages), os.getpid()),
            context=multiprocessing.get_context("fork"),
        )

    def run(self, docs: Sequence[Document]) -> list[Article | Rejection]:
        """Analyse `docs` in the workers: an Article or a Rejection for each, in order."""
        chunks = [list(docs[i : i + CHUNK]) for i in range(0, len(docs), CHUNK)]
        futures = [self._submit(chunk) for chunk in chunks]
        results: list[Article | Rejection] = []
        retry: list[tuple[int, Document]] = []
        for chunk, future in zip(chunks, futures, strict=True):
            outcome = self._outcome(future)
            if outcome is None:  # the chunk overran or its worker died: replay one by one
                retry.extend((len(results) + k, doc) for k, doc in enumerate(chunk))
                results.extend([None] * len(chunk))  # type: ignore[list-item]
            else:
                results.extend(outcome)
        singles = [(i, doc, self._submit([doc])) for i, doc in retry]
        for i, doc, future in singles:
            outcome = self._outcome(future)
            results[i] = outcome[0] if outcome is not None else self._failure(future, doc)
        return results

    def close(self) -> None:
        self._pool.stop()
        self._pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _submit(self, chunk: list[Document]) -> Future:
        budget = self.settings.max_seconds_per_document * len(chunk) + TRANSFER_GRACE
        return self._pool.schedule(_run_chunk, args=(chunk,), timeout=budget)

    @staticmethod
    def _outcome(future: Future) -> list[Article | Rejection] | None:
        try:
            return future.result()
        except (TimeoutError, ProcessExpired):
            return None

    def _failure(self, future: Future, doc: Document) -> Rejection:
        error = future.exception()
        if isinstance(error, ProcessExpired):
            return Rejection(doc.source, Reason.WORKER_DIED, f"exit code {error.exitcode}")
        limit = self.settings.max_seconds_per_document
        return Rejection(doc.source, Reason.TIMEOUT, f"{limit:g} s (the worker was stopped)")


def one_thread_per_worker() -> None:
    """Let the numerical libraries of this process use one thread: a pool runs one worker per
    core, and BLAS threads of several workers would fight for the same cores (spinning costs
    about a fifth of spaCy's CPU time on this machine when they do)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def _start_worker(settings: Settings, stages: tuple[str, ...], parent: int) -> None:
    """Runs once in each worker: die with the parent, build the pipeline, load its models."""
    die_with_parent(parent)
    # The parent's own handler would run here after a fork; a worker simply ends on SIGINT
    # and SIGTERM (the pool stops it with SIGTERM, then SIGKILL).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from newsloom.ingest import document_from_text

    one_thread_per_worker()
    pipeline = shared_pipeline(stages, settings)
    pipeline.warm_up(document_from_text(WARM_UP_TEXT, "<warm-up>"))
    _WORKER["pipeline"] = pipeline


def _run_chunk(docs: list[Document]) -> list[Article | Rejection]:
    return [without_parse(r) for r in _WORKER["pipeline"].run_batch(docs)]


def without_parse(result: Article | Rejection) -> Article | Rejection:
    """The spaCy parse serves the analysis stages only: it is neither stored nor shipped."""
    if isinstance(result, Article) and (result.parse is not None or result.people is not None):
        return replace(result, parse=None, people=None)
    return result


#: prctl option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int, *, poll_seconds: float = 1.0) -> None:
    """End this process when process `parent` ends, however it ends (SIGKILL included).

    On Linux the kernel does it (prctl PR_SET_PDEATHSIG); everywhere, a daemon thread also
    watches for the process being handed to another parent, which is what orphaning does.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request above was made
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(poll_seconds)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsloom-parent-watch", daemon=True).start()
