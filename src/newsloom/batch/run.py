"""`run_batch`: plan the partitions, hand them to Dask, gather the manifests.

Dask does the scheduling: `Client.map` submits one task per partition (keys named after the
shard, so the dashboard shows them), with `retries` for tasks that raise; a task whose worker
dies is rescheduled by the scheduler on another worker. Without a scheduler address a
`LocalCluster` is started with one single-threaded worker process per core (or `workers`).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from newsloom.batch import split
from newsloom.batch.plan import Partition, Source, expand, plan, spans
from newsloom.batch.report import BatchReport
from newsloom.batch.split import read_split, split_key
from newsloom.batch.work import PROGRESS_TOPIC, LoadPipeline, run_partition, split_source
from newsloom.errors import ConfigError, Msg, StageError
from newsloom.ingest import Overrides
from newsloom.pipeline import DEFAULT_STAGES
from newsloom.settings import DEFAULT_SETTINGS, Settings
from newsloom.store.shards import is_complete, read_manifest, remove_leftovers, shard_dir

#: Documents per partition: large enough that a task's overhead is nothing beside its
#: analysis (about a minute on one core), small enough that a lost worker costs little.
PARTITION_SIZE = 500
#: Times Dask retries a partition whose task raised (a full disk, a network file system).
RETRIES = 2


class Progress(Protocol):
    """What the run tells a progress display: the plan, work as the workers report it (Dask
    events, so approximate: a partition run again is counted again), each finished shard."""

    def planned(self, documents: int, complete: int) -> None: ...
    def advanced(self, documents: int, articles: int) -> None: ...
    def finished(self, manifest: dict[str, Any]) -> None: ...


@contextmanager
def connect(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a LocalCluster sized to the machine."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        if workers is not None:
            raise ConfigError(
                Msg.BAD_SETTING.format(name="--workers", expected="left out with --scheduler "
                                       "(the cluster has its own workers)", value=workers)
            )  # fmt: skip
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise ConfigError(Msg.NO_SCHEDULER.format(address=scheduler, detail=exc)) from exc
        with client:
            yield client
        return
    from dask.system import CPU_COUNT  # the cores this process may use (cgroup limits too)

    n = workers or CPU_COUNT
    with (
        LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        yield client


def run_batch(
    inputs: Sequence[str],
    out: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = PARTITION_SIZE,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    retries: int = RETRIES,
    progress: Progress | None = None,
) -> BatchReport:
    """Analyse `inputs` on a Dask cluster into Parquet shards under `out`; return the report.

    Partitions whose shard is already complete under `out` are skipped, so running the same
    command again after a crash finishes the work. A partition that fails even after its
    retries is reported (a `StageError` after the others are done); rerunning retries it.
    """
    if (
        not isinstance(partition_size, int)
        or isinstance(partition_size, bool)
        or (partition_size < 1)
    ):
        raise ConfigError(Msg.BAD_SETTING.format(
            name="partition_size", expected="an int >= 1", value=partition_size))  # fmt: skip
    overrides = overrides or Overrides()
    stages = tuple(stages)
    started = time.monotonic()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    split.remove_leftovers(out)
    sources = expand(inputs)
    report = BatchReport()
    failures: list[str] = []
    with connect(scheduler, workers) as client:
        client.register_plugin(LoadPipeline(settings, stages))
        parts = _plan(client, out, sources, partition_size, settings, overrides, retries)
        _write_run_manifest(out, inputs, partition_size, parts, report, failures)
        todo = [p for p in parts if not is_complete(out, p.name)]
        done = [p for p in parts if is_complete(out, p.name)]
        for part in done:
            report.add(read_manifest(shard_dir(out, part.name)), skipped=True)
        if progress is not None:
            progress.planned(sum(p.weight for p in parts), sum(p.weight for p in done))
            live = progress
            client.subscribe_topic(
                PROGRESS_TOPIC,
                lambda event: live.advanced(event[1]["documents"], event[1]["articles"]),
            )
        from distributed import as_completed

        futures = client.map(
            run_partition, todo, out=str(out), settings=settings, overrides=overrides,
            stages=stages, key=[f"newsloom-partition-{p.name}" for p in todo], retries=retries,
        )  # fmt: skip
        names = {f.key: p.name for f, p in zip(futures, todo, strict=True)}
        for future in as_completed(futures):
            try:
                manifest = future.result()
            except Exception as exc:
                failures.append(f"{names[future.key]}: {type(exc).__name__}: {exc}")
                continue
            report.add(manifest)
            if progress is not None:
                progress.finished(manifest)
    report.seconds = time.monotonic() - started
    _write_run_manifest(out, inputs, partition_size, parts, report, failures)
    if failures:
        raise StageError(
            Msg.PARTITIONS_FAILED.format(
                failed=len(failures), total=len(parts), detail="; ".join(failures[:5])
            )
        )
    return report


def _plan(
    client: Any,
    out: Path,
    sources: list[Source],
    partition_size: int,
    settings: Settings,
    overrides: Overrides,
    retries: int,
) -> list[Partition]:
    """Split the containers into span files on the workers (unless a complete split is
    there already), then pack the spans."""
    split: dict[Source, tuple[int, list[str]]] = {}
    todo = []
    for source in dict.fromkeys(s for s in sources if s.container):
        found = read_split(out, split_key(source, settings, overrides, partition_size))
        if found is None:
            todo.append(source)
        else:
            split[source] = found
    done = client.gather(
        client.map(
            split_source, todo, out=str(out), settings=settings, overrides=overrides,
            size=partition_size, key=[f"newsloom-split-{i}" for i in range(len(todo))],
            retries=retries,
        )
    )  # fmt: skip
    split.update(zip(todo, done, strict=True))
    all_spans = []
    for s in sources:
        count, files = split.get(s, (None, []))
        all_spans.extend(spans(s, count, partition_size, files))
    return plan(all_spans, partition_size, settings, overrides)


def _write_run_manifest(
    out: Path,
    inputs: Sequence[str],
    partition_size: int,
    parts: list[Partition],
    report: BatchReport,
    failures: list[str],
) -> None:
    """The run's manifest beside the shards, written to a temporary name then renamed."""
    data = {
        "inputs": list(inputs),
        "partition_size": partition_size,
        "partitions": [
            {"name": p.name, "planned_documents": p.weight, "complete": is_complete(out, p.name)}
            for p in parts
        ],
        "failures": failures,
        "report": report.to_dict(),
    }
    tmp = out / ".manifest.json.tmp"
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, out / "manifest.json")
