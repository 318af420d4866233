"""Worker processes: the time limit holds inside native calls, a dead worker costs one
document, and workers never outlive their parent (issue 15, items 2 and 10)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsloom.article import Article, Document
from newsloom.errors import Reason, Rejection
from newsloom.hashing import content_hash
from newsloom.pipeline import TEXT_STAGES, Context, stage
from newsloom.settings import Settings
from newsloom.workers import WorkerPool

#: A long C call that checks no signal until it returns (about a minute here): the shape of a
#: long lxml XPath inside trafilatura, which no in-process timer interrupts.
_ROUNDS = 150_000_000


@stage("test_native_hang", requires=("text",), assigns=())
def _native_hang(article: Article, ctx: Context) -> Article:
    if "HANG" in article.text:
        hashlib.pbkdf2_hmac("sha256", b"newsloom", b"salt", _ROUNDS)
    return article


@stage("test_worker_crash", requires=("text",), assigns=())
def _worker_crash(article: Article, ctx: Context) -> Article:
    if "CRASH" in article.text:
        os.kill(os.getpid(), signal.SIGKILL)  # what a segfault or the OOM killer does
    return article


def _doc(i: int, text: str) -> Document:
    return Document(
        id=f"d{i}", source=f"doc{i}.txt", format="text", raw=text, content_hash=content_hash(text)
    )


def _texts(marker: str) -> list[Document]:
    words = ["Talks resumed in Geneva on Monday.", f"The {marker} page is hostile.",
             "Ministers met again on Tuesday.", "A fourth article arrived late."]  # fmt: skip
    return [_doc(i, w) for i, w in enumerate(words)]


def test_a_document_stuck_in_native_code_is_stopped_and_the_next_one_is_analysed() -> None:
    settings = Settings(max_seconds_per_document=1.0)
    with WorkerPool(settings, (*TEXT_STAGES, "test_native_hang"), 2) as pool:
        results = pool.run(_texts("HANG"))
    assert [type(r).__name__ for r in results] == ["Article", "Rejection", "Article", "Article"]
    stuck = results[1]
    assert isinstance(stuck, Rejection)
    assert stuck.reason == Reason.TIMEOUT
    assert stuck.source == "doc1.txt"
    assert "the worker was stopped" in stuck.message
    assert [r.id for r in results if isinstance(r, Article)] == ["d0", "d2", "d3"]


def test_a_worker_that_dies_costs_only_its_document() -> None:
    with WorkerPool(Settings(), (*TEXT_STAGES, "test_worker_crash"), 1) as pool:
        results = pool.run(_texts("CRASH"))
        again = pool.run([_doc(9, "The pool still works after a crash.")])
    crashed = results[1]
    assert isinstance(crashed, Rejection)
    assert crashed.reason == Reason.WORKER_DIED
    assert "exit code -9" in crashed.message
    assert all(isinstance(r, Article) for i, r in enumerate(results) if i != 1)
    assert isinstance(again[0], Article)


def test_results_keep_input_order_across_chunks() -> None:
    docs = [_doc(i, f"Article number {i} says little.") for i in range(19)]
    with WorkerPool(Settings(), TEXT_STAGES, 2) as pool:
        results = pool.run(docs)
    assert [r.id for r in results if isinstance(r, Article)] == [d.id for d in docs]


_PARENT = """
import sys, time
from newsloom.ingest import document_from_text
from newsloom.pipeline import TEXT_STAGES
from newsloom.settings import Settings
from newsloom.workers import WorkerPool
pool = WorkerPool(Settings(), TEXT_STAGES, 2)
pool.run([document_from_text(f"Article {i} is short.", f"a{i}") for i in range(20)])
print("ready", flush=True)
time.sleep(600)
"""


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split()
        found.update(int(c) for c in children)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_workers_die_with_their_parent_when_it_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        assert parent.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        workers = _children(parent.pid)
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _children(parent.pid)
        assert len(workers) >= 2
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
