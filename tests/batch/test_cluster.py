"""A real cluster: scheduler and workers as their own processes, one worker killed mid-run.

The scheduler reschedules the partitions the dead worker held on the one left; every
partition ends with exactly one complete shard, and every input document is in exactly one
shard, as an article or a rejection.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsloom.ingest import read_inputs
from newsloom.store.shards import complete_shards, read_manifest

from .conftest import make_corpus

SRC = Path(__file__).resolve().parents[2] / "src"
DEADLINE = 120.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict[str, str]:
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


def _wait(condition, what: str) -> None:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > DEADLINE:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def cluster(tmp_path: Path):
    """A scheduler and two single-threaded workers, each its own process (no nanny, so a
    killed worker stays dead)."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    log = (tmp_path / "cluster.log").open("wb")
    run = [sys.executable, "-m"]
    procs = [subprocess.Popen(
        [*run, "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
         address.rsplit(":", 1)[1], "--no-dashboard"], env=_env(), stdout=log, stderr=log,
    )]  # fmt: skip
    from distributed import Client

    client = None
    try:
        _wait(lambda: _reachable(address), "the scheduler")
        for _ in range(2):
            procs.append(subprocess.Popen(
                [*run, "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny",
                 "--no-dashboard"], env=_env(), stdout=log, stderr=log,
            ))  # fmt: skip
        client = Client(address, timeout="30s")
        client.wait_for_workers(2, timeout=60)
        yield address, client
    finally:
        if client is not None:
            with contextlib.suppress(Exception):
                client.shutdown()  # closes the scheduler and its workers
            client.close()
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def _reachable(address: str) -> bool:
    host, port = address.removeprefix("tcp://").rsplit(":", 1)
    with socket.socket() as s:
        return s.connect_ex((host, int(port))) == 0


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(cluster, tmp_path: Path) -> None:
    address, client = cluster
    stories = ("bagre-spillway", "volta-accord", "kalvora-election")  # 12 files, 6 partitions
    corpus = make_corpus(tmp_path / "corpus", stories, extras=False)
    out = tmp_path / "out"
    batch = subprocess.Popen(
        [sys.executable, "-m", "newsloom.cli", "batch", str(corpus), "--out", str(out),
         "--scheduler", address, "--partition-size", "2", "--quiet"],
        env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    pids = client.run(os.getpid)
    # once the first shard is written both workers have their models; kill one that holds a
    # partition now
    _wait(lambda: complete_shards(out) or batch.poll() is not None, "the first shard")
    busy = {w: tasks for w, tasks in client.processing().items() if tasks}
    assert busy, "no worker was running a partition"
    victim, held = next(iter(busy.items()))
    os.kill(pids[victim], signal.SIGKILL)
    # a partition the victim finished between the look and the kill is not redone
    done_before = {p.name for p in complete_shards(out)}
    _, stderr = batch.communicate(timeout=DEADLINE)
    assert batch.returncode == 0, stderr.decode()

    shards = complete_shards(out)
    manifests = [read_manifest(p) for p in shards]
    planned = json.loads((out / "manifest.json").read_text())["partitions"]
    assert len(planned) == 6 and all(p["complete"] for p in planned)
    assert [p.name for p in shards] == [p["name"] for p in planned]
    assert len({m["partition"] for m in manifests}) == len(shards)
    # what the victim held was done again by the worker left
    by_name = {p.name: m for p, m in zip(shards, manifests, strict=True)}
    names = [str(key).removeprefix("newsloom-partition-") for key in held]
    redone = [by_name[name]["worker"] for name in names if name not in done_before]
    assert victim not in redone
    sources = []
    for path in shards:
        for table in ("articles", "rejections"):
            sources += pq.read_table(path / f"{table}.parquet", columns=["source"])["source"]
    expected = sorted(item.source for item in read_inputs([corpus]))
    assert sorted(s.as_py() for s in sources) == expected
    assert sum(m["documents"] for m in manifests) == len(expected)
