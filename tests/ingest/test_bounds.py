"""Bounds per multi-document file: rows read, rejections listed one by one (issue 15, item 3)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from newsloom.article import Document
from newsloom.errors import Reason, Rejection
from newsloom.ingest import read_inputs
from newsloom.ingest.bounds import LISTED, bounded
from newsloom.settings import Settings


def _gzip_rows(path: Path, row: bytes, count: int) -> Path:
    """A gzip of `count` copies of `row`, written in pieces (never whole in memory)."""
    piece = row * 10_000
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(count // 10_000):
            fh.write(piece)
        fh.write(row * (count % 10_000))
    return path


def test_a_gzip_of_empty_objects_stops_at_the_rejection_cap(tmp_path: Path) -> None:
    feed = _gzip_rows(tmp_path / "bomb.jsonl.gz", b"{}\n", 2_000_000)
    settings = Settings(max_rejections_per_file=5_000)
    out = list(read_inputs([feed], settings=settings))
    assert not [d for d in out if isinstance(d, Document)]
    listed = [r for r in out if r.count == 1 and r.reason == Reason.NO_TEXT_FIELD]  # type: ignore[union-attr]
    assert len(listed) == LISTED
    (counted,) = [r for r in out if r.count > 1]  # type: ignore[union-attr]
    assert counted.count == 5_000 - LISTED  # type: ignore[union-attr]
    assert counted.source == f"{feed}:{LISTED + 1}-5000"  # type: ignore[union-attr]
    assert counted.message.endswith(f"({5_000 - LISTED:,} inputs)")  # type: ignore[union-attr]
    stop = out[-1]
    assert isinstance(stop, Rejection)
    assert stop.source == str(feed)
    assert "raise it with --max-rejections" in stop.message
    assert sum(r.count for r in out) == 5_001  # type: ignore[union-attr]


def test_a_gzip_of_newlines_yields_nothing_and_is_read_to_its_end(tmp_path: Path) -> None:
    feed = _gzip_rows(tmp_path / "blank.jsonl.gz", b"\n" * 1000, 50_000)  # 50 MB of newlines
    out = list(read_inputs([feed]))
    assert out == []


def test_rows_past_the_row_cap_are_not_read_and_the_cut_is_reported(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"r{i}", "text": f"Row {i} of a feed."}) for i in range(30)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(rows) + "\n")
    out = list(read_inputs([feed], settings=Settings(max_rows_per_file=12)))
    docs = [d for d in out if isinstance(d, Document)]
    assert [d.id for d in docs] == [f"r{i}" for i in range(12)]
    (cut,) = [r for r in out if isinstance(r, Rejection)]
    assert cut.reason == Reason.TOO_LARGE
    assert "raise it with --max-rows" in cut.message


def test_rejections_of_several_reasons_are_counted_each_in_its_own_row() -> None:
    def items():
        for i in range(1, 101):
            reason = Reason.BAD_JSON if i % 2 else Reason.NO_TEXT_FIELD
            yield Rejection(f"f.jsonl:{i}", reason, "x")
        yield Rejection("f.jsonl", Reason.TRUNCATED_ARCHIVE, "cut")

    out = list(bounded(items(), "f.jsonl", Settings()))
    counted = {r.reason: r for r in out if r.count > 1}  # type: ignore[union-attr]
    assert counted[Reason.BAD_JSON].count == 50 - LISTED  # type: ignore[union-attr]
    assert counted[Reason.NO_TEXT_FIELD].source == f"f.jsonl:{2 * LISTED + 2}-100"  # type: ignore[union-attr]
    # a fault of the file itself is always listed
    assert any(r.source == "f.jsonl" and r.reason == Reason.TRUNCATED_ARCHIVE for r in out)  # type: ignore[union-attr]


def test_a_decompression_cap_names_the_flag_that_raises_it() -> None:
    data = gzip.compress(b"A" * 5000)
    out = list(read_inputs_from_bytes(data, Settings(max_decompressed_bytes=1000)))
    assert any("raise it with --max-decompressed-bytes" in r.message for r in out)  # type: ignore[union-attr]


def read_inputs_from_bytes(data: bytes, settings: Settings) -> list:
    from newsloom.ingest import read_stream

    return list(read_stream(io.BufferedReader(io.BytesIO(data)), "x.txt.gz", None,  # type: ignore[arg-type]
                            settings=settings))  # fmt: skip
