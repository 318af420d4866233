"""Capped, streaming gzip that notices a cut-off stream instead of raising mid-read."""

from __future__ import annotations

import gzip
import io

import pytest

from newsloom.errors import Reason
from newsloom.ingest.compressed import CappedGunzip, gunzip_stream, is_gzip

TEXT = b"".join(b"line %d of the feed\n" % i for i in range(2000))


def test_reads_all_members_of_a_multi_member_gzip() -> None:
    data = gzip.compress(TEXT[:1000]) + gzip.compress(TEXT[1000:])
    stream, raw = gunzip_stream(io.BytesIO(data), cap=10**6)
    assert stream.read() == TEXT
    assert raw.problem is None
    assert raw.bytes_out == len(TEXT)


def test_a_cut_stream_keeps_what_came_before_and_reports_truncation() -> None:
    data = gzip.compress(TEXT)
    stream, raw = gunzip_stream(io.BytesIO(data[: len(data) // 2]), cap=10**6)
    lines = stream.read().splitlines(keepends=True)
    assert raw.problem is not None and raw.problem[0] == Reason.TRUNCATED_ARCHIVE
    assert lines and TEXT.startswith(b"".join(lines))
    assert len(lines) < TEXT.count(b"\n")


def test_decompression_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    stream, raw = gunzip_stream(io.BytesIO(bomb), cap=100_000)
    out = stream.read()
    assert len(out) <= 100_000
    assert raw.problem is not None and raw.problem[0] == Reason.TOO_LARGE
    assert "max_decompressed_bytes" in raw.problem[1]


def test_corrupt_data_after_a_good_member_is_reported() -> None:
    data = gzip.compress(TEXT) + b"\x1f\x8b\x08\x00garbage that is not deflate"
    stream, raw = gunzip_stream(io.BytesIO(data), cap=10**6)
    assert stream.read() == TEXT
    assert raw.problem is not None and raw.problem[0] == Reason.TRUNCATED_ARCHIVE


def test_is_gzip() -> None:
    assert is_gzip(gzip.compress(b"x"))
    assert not is_gzip(b"plain text")


@pytest.mark.parametrize("read_size", [7, 100, 4096, 65536])
def test_member_ends_reached_through_small_reads_are_not_repeated(read_size: int) -> None:
    # zlib keeps a stale copy of the next member's bytes in unconsumed_tail when a member ends
    # in a call fed from it; the stream must hand out each byte once.
    members = [TEXT, TEXT[::-1], b"short", TEXT[:777]]
    raw = CappedGunzip(io.BytesIO(b"".join(gzip.compress(m) for m in members)), cap=10**7)
    out = bytearray()
    buf = bytearray(read_size)
    while n := raw.readinto(buf):
        out += buf[:n]
    assert bytes(out) == b"".join(members)
    assert raw.problem is None
