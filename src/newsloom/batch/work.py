"""What runs on a batch worker: read a partition's spans, analyse, write its shard.

The analysis is the pipeline `newsloom ingest` runs (`Pipeline.map`, the same stages and
settings); nothing here re-implements a stage. The pipeline, and so every model it loads, is
built once per worker process (`worker_pipeline`); `LoadPipeline`, a Dask worker plugin, builds
it when a worker joins, so a chain that cannot be built fails there and not per task. A worker
process runs one partition at a time (a lock), since spaCy's pipeline is not meant to be shared
by threads; give each worker one thread (`dask worker --nthreads 1`).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from newsloom.article import Article, Document
from newsloom.batch.plan import Partition, Source, Span
from newsloom.batch.split import load_span, split_key, write_split
from newsloom.errors import Reason, Rejection
from newsloom.ingest import Overrides, read_inputs, read_stream
from newsloom.ingest.files import kind_from_name
from newsloom.pipeline import Pipeline, shared_pipeline
from newsloom.settings import Settings
from newsloom.store.shards import is_complete, read_manifest, shard_dir, write_shard
from newsloom.workers import one_thread_per_worker, without_parse

_LOCK = threading.Lock()


def worker_pipeline(settings: Settings, stages: tuple[str, ...]) -> Pipeline:
    """One pipeline per process and configuration: models load on first use, once."""
    return shared_pipeline(stages, settings)


class LoadPipeline(WorkerPlugin):
    """A Dask worker plugin: build the pipeline when a worker starts (models stay lazy)."""

    name = "newsloom-pipeline"

    def __init__(self, settings: Settings, stages: tuple[str, ...]) -> None:
        self.settings = settings
        self.stages = stages

    def setup(self, worker: Any) -> None:
        one_thread_per_worker()
        worker_pipeline(self.settings, self.stages)


def read_source(
    source: Source, settings: Settings, overrides: Overrides
) -> Iterator[Document | Rejection]:
    """Every document and rejection of one source, in the order `read_inputs` gives them."""
    if not source.remote:
        yield from read_inputs([source.name], settings=settings, overrides=overrides)
        return
    import fsspec

    try:
        with fsspec.open(source.name, "rb") as fh:
            name = source.name.rsplit("/", 1)[-1]
            yield from read_stream(
                fh, source.name, kind_from_name(name), size=source.size, settings=settings,
                overrides=overrides,
            )  # fmt: skip
    except FileNotFoundError:
        yield Rejection(source.name, Reason.NOT_FOUND)
    except OSError as exc:
        yield Rejection(source.name, Reason.UNREADABLE, str(exc))


def read_span(span: Span, settings: Settings, overrides: Overrides) -> list[Document | Rejection]:
    if span.stored is not None:
        return load_span(span.stored)
    return list(islice(read_source(span.source, settings, overrides), span.start, span.stop))


def split_source(
    source: Source, out: str, settings: Settings, overrides: Overrides, size: int
) -> tuple[int, list[str]]:
    """Read a container once into span files of `size` items; return (items, files)."""
    key = split_key(source, settings, overrides, size)
    return write_split(read_source(source, settings, overrides), out, key, size)


def drop_repeats(items: list[Document | Rejection]) -> tuple[list[Document | Rejection], int]:
    """Within a partition, the same content again is skipped before analysis and an id reused
    for other content is an ``id_conflict`` rejection, as `newsloom ingest` does in one run.
    (Repeats across partitions are skipped when the shards are loaded.)"""
    kept: list[Document | Rejection] = []
    hashes: set[str] = set()
    ids: dict[str, str] = {}
    repeats = 0
    for item in items:
        if isinstance(item, Document):
            owner = ids.get(item.id)
            if owner is not None and owner != item.content_hash:
                kept.append(Rejection(item.source, Reason.ID_CONFLICT, repr(item.id)))
                continue
            if item.content_hash in hashes or owner is not None:
                repeats += 1
                continue
            hashes.add(item.content_hash)
            ids[item.id] = item.content_hash
        kept.append(item)
    return kept, repeats


def analyse(pipeline: Pipeline, items: list[Document | Rejection]) -> Iterator[Article | Rejection]:
    """`Pipeline.map` over the items, batch by batch; a batch that raises what the pipeline
    does not catch is run again one document at a time, and the document that still raises
    becomes a ``stage_failed`` rejection: a bad document never fails its partition."""
    size = pipeline.settings.batch_size
    for at in range(0, len(items), size):
        chunk = items[at : at + size]
        try:
            yield from list(pipeline.map(chunk, batch_size=size))
        except Exception:
            for item in chunk:
                yield item if isinstance(item, Rejection) else _one(pipeline, item)


def _one(pipeline: Pipeline, doc: Document) -> Article | Rejection:
    try:
        return pipeline(doc)
    except Exception as exc:
        return Rejection(doc.source, Reason.STAGE_FAILED, f"{type(exc).__name__}: {exc}")



def run_partition(
    part: Partition,
    out: str,
    settings: Settings,
    overrides: Overrides,
    stages: tuple[str, ...],
) -> dict[str, Any]:
    """Analyse one partition and write its shard; return its manifest.

    A partition whose shard is complete is not analysed again (a resumed run, or a second
    attempt the scheduler started for a worker it thought lost). A bad document is a rejection
    row; only an error of the environment (the output cannot be written) fails the task, which
    Dask then retries.
    """
    with _LOCK:
        if is_complete(out, part.name):
            return read_manifest(shard_dir(out, part.name))
        started, cpu = time.monotonic(), time.thread_time()
        items: list[Document | Rejection] = []
        for span in part.spans:
            items.extend(read_span(span, settings, overrides))
        read = len(items)
        items, repeats = drop_repeats(items)
        articles: list[Article] = []
        rejections: list[Rejection] = []
        hashes: list[str | None] = []
        told = (0, 0)
        results = analyse(worker_pipeline(settings, stages), items)
        for item, result in zip(items, results, strict=True):
            if isinstance(result, Rejection):
                rejections.append(result)
                hashes.append(item.content_hash if isinstance(item, Document) else None)
            else:
                articles.append(without_parse(result))  # type: ignore[arg-type]
            done = len(articles) + len(rejections)
            if done - told[0] >= settings.batch_size or done == len(items):
                skipped = repeats if done == len(items) else 0
                _tell(done - told[0] + skipped, len(articles) - told[1])
                told = (done, len(articles))
        seconds, cpu = time.monotonic() - started, time.thread_time() - cpu
    manifest = {
        "partition": part.id,
        "index": part.index,
        "spans": part.describe(),
        "documents": read,
        "articles": len(articles),
        "repeats": repeats,
        "rejected": dict(Counter(str(r.reason) for r in rejections)),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "worker": _worker_name(),
    }
    write_shard(out, part.name, articles, rejections, manifest, hashes)
    return read_manifest(shard_dir(out, part.name))


#: the Dask event topic on which workers report documents done as they go (the progress bar)
PROGRESS_TOPIC = "newsloom-progress"


def _tell(documents: int, articles: int) -> None:
    try:
        from distributed import get_worker

        get_worker().log_event(PROGRESS_TOPIC, {"documents": documents, "articles": articles})
    except ValueError:
        pass  # not on a Dask worker


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"
