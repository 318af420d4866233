"""What a worker runs: repeats within a partition, a document that breaks a stage, URLs."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from pathlib import Path

import fsspec

from newsloom.article import Article, Document
from newsloom.batch.plan import Source, Span, expand
from newsloom.batch.work import analyse, drop_repeats, read_span
from newsloom.errors import Reason, Rejection
from newsloom.ingest import Overrides, document_from_text
from newsloom.pipeline import Pipeline, stage
from newsloom.settings import DEFAULT_SETTINGS


@stage("test_batch_typeerror", requires=("raw",), assigns=())
def _typeerror(article: Article, ctx: object) -> Article:
    # a bug, not a library error: the pipeline lets it through, the partition must not
    if "BREAK" in article.raw:
        raise TypeError("unsupported operand")
    return article


@stage("test_batch_spin", requires=("raw",), assigns=())
def _spin(article: Article, ctx: object) -> Article:
    # pure Python that never ends on its own: only the time limit stops it
    until = time.monotonic() + (60 if "SPIN" in article.raw else 0)
    while time.monotonic() < until:
        pass
    return article


def _doc(text: str, source: str, doc_id: str | None = None) -> Document:
    doc = document_from_text(text, source, fmt="text")
    return doc if doc_id is None else replace(doc, id=doc_id)


def test_repeats_in_a_partition_are_skipped_and_a_reused_id_rejected() -> None:
    a, again = _doc("The dam opened.", "a.txt", "d1"), _doc("The dam opened.", "b.txt", "d2")
    other = _doc("Another text.", "c.txt", "d1")
    bad = Rejection("x.bin", Reason.BINARY, "PNG image")
    kept, repeats = drop_repeats([a, again, other, bad])
    assert repeats == 1
    assert kept[0] is a and kept[2] is bad
    assert isinstance(kept[1], Rejection) and kept[1].reason == Reason.ID_CONFLICT


def test_a_document_that_breaks_a_stage_is_a_rejection_not_a_failed_partition() -> None:
    pipeline = Pipeline(("extract", "clean", "test_batch_typeerror"), DEFAULT_SETTINGS)
    docs = [_doc(f"Report number {i} from the valley.", f"{i}.txt") for i in range(3)]
    docs.insert(1, _doc("This one will BREAK the stage.", "bad.txt"))
    out = list(analyse(pipeline, docs))
    assert [type(x).__name__ for x in out] == ["Article", "Rejection", "Article", "Article"]
    assert out[1].reason == Reason.STAGE_FAILED and "TypeError" in out[1].message
    assert "bad.txt" in out[1].message


def test_a_document_over_the_time_limit_in_a_worker_thread_is_a_timeout_rejection() -> None:
    # Dask runs a partition in a worker thread, where no SIGALRM arrives
    settings = replace(DEFAULT_SETTINGS, max_seconds_per_document=0.3)
    pipeline = Pipeline(("extract", "test_batch_spin"), settings)
    docs = [_doc("A report from the valley.", "a.txt"), _doc("SPIN for ever.", "slow.txt")]
    docs.append(_doc("Another report from the coast.", "c.txt"))
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.extend(analyse(pipeline, docs)))
    started = time.monotonic()
    worker.start()
    worker.join(30)
    assert time.monotonic() - started < 10
    assert [type(x).__name__ for x in out] == ["Article", "Rejection", "Article"]
    assert out[1].reason == Reason.TIMEOUT and "slow.txt" in out[1].message


def test_an_fsspec_url_is_expanded_and_read_in_spans() -> None:
    fs = fsspec.filesystem("memory")
    rows = [{"id": f"r{i}", "text": f"Row {i} of the feed."} for i in range(5)]
    with fs.open("/feeds/day1.jsonl", "w") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n")
    try:
        sources = expand(["memory://feeds/"])
        assert [s.name for s in sources] == ["memory:///feeds/day1.jsonl"]
        assert sources[0].remote and sources[0].container and sources[0].size
        span = Span(sources[0], 1, 3, 2)
        docs = read_span(span, DEFAULT_SETTINGS, Overrides())
        assert [d.id for d in docs] == ["r1", "r2"]
        assert docs[0].source == "memory:///feeds/day1.jsonl:2"
        gone = read_span(Span(Source("memory:///feeds/none.jsonl", remote=True)),
                         DEFAULT_SETTINGS, Overrides())  # fmt: skip
        assert [r.reason for r in gone] == [Reason.NOT_FOUND]
    finally:
        fs.rm("/feeds", recursive=True)


def test_a_local_span_reads_what_ingest_reads(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"r{i}", "text": f"Row {i}."}) for i in range(4)))
    docs = read_span(Span(Source(str(path)), 2, None, 2), DEFAULT_SETTINGS, Overrides())
    assert [(d.id, d.source) for d in docs] == [("r2", f"{path}:3"), ("r3", f"{path}:4")]
