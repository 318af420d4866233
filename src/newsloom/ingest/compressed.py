"""Streaming gzip with a cap on the bytes it hands out, that notices a cut-off stream.

Crawls and feeds arrive gzipped, sometimes cut off by an interrupted download, sometimes
crafted to expand to far more than fits in memory. `CappedGunzip` decompresses lazily, so a
reader keeps every row or record that was complete before the break, and it never raises while
being read: at a break or at the cap it simply ends, and says why in `problem`. That matters
because FastWARC pulls from it inside native code, where a Python exception would be lost.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from newsloom.errors import Reason
from newsloom.settings import over_limit

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024
#: How a gzip member starts: the magic bytes and the deflate method.
_MEMBER_START = b"\x1f\x8b\x08"


class CappedGunzip(io.RawIOBase):
    """A read-only binary stream of the decompressed bytes of `fileobj` (one or more members).

    Members are decompressed with zlib directly rather than `gzip.GzipFile`, whose internal
    buffer drops the last good bytes when a later member turns out to be corrupt.
    """

    def __init__(self, fileobj: BinaryIO, cap: int) -> None:
        super().__init__()
        if not isinstance(cap, int) or cap <= 0:
            raise TypeError(f"cap must be a positive int, got {cap!r}")
        self._src = fileobj
        self._cap = cap
        self._out = 0
        self._inflater = _new_member()
        self._in_member = False
        self._input = b""
        self._done = False
        #: Why the stream ended before the data did: (reason, detail), or None.
        self.problem: tuple[Reason, str] | None = None
        #: On corrupt data, skip to the next gzip member instead of ending (a WARC file has one
        #: record per member, so the records after the damage can still be read).
        self.resync = False
        self._read_pos = 0  # compressed bytes read from the source
        self._member_start = 0  # compressed offset where the current member began
        self._gap: str | None = None  # set while a segment has ended at corrupt data

    def readable(self) -> bool:
        return True

    @property
    def bytes_out(self) -> int:
        """Decompressed bytes handed out so far."""
        return self._out

    def next_segment(self) -> str | None:
        """After the stream ended at corrupt data skipped by `resync`: what was skipped, and the
        stream goes on from the next member. None when it simply ended."""
        gap, self._gap = self._gap, None
        return gap

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        while len(buffer) and not self._done and self._gap is None:
            chunk = self._inflate(min(len(buffer), self._cap + 1 - self._out))
            if chunk:
                if self._out + len(chunk) > self._cap:
                    # Hand out what fits under the cap, then end the stream.
                    chunk = chunk[: self._cap - self._out]
                    self._stop(
                        Reason.TOO_LARGE,
                        over_limit(
                            "decompresses to more bytes", "max_decompressed_bytes", self._cap
                        ),
                    )
                self._out += len(chunk)
                buffer[: len(chunk)] = chunk
                return len(chunk)
        return 0

    def _inflate(self, size: int) -> bytes:
        """Some decompressed bytes (possibly none yet); sets `_done` at the end of the input."""
        if not self._input:
            try:
                self._input = self._src.read(_CHUNK)
            except OSError as exc:
                self._stop(Reason.UNREADABLE, str(exc))
                return b""
            self._read_pos += len(self._input)
            if not self._input:
                if self._in_member:
                    self._stop(Reason.TRUNCATED_ARCHIVE, f"cut off after {self._out:,} bytes")
                self._done = True
                return b""
        if not self._in_member:
            if not self._input.strip(b"\0"):
                self._input = b""  # zero padding after the last member
                return b""
            self._in_member = True
            self._member_start = self._read_pos - len(self._input)
        try:
            out = self._inflater.decompress(self._input, size)
        except zlib.error as exc:
            if self.resync:
                self._resume(exc)
                return b""
            self._stop(
                Reason.TRUNCATED_ARCHIVE, f"corrupt gzip data after {self._out:,} bytes: {exc}"
            )
            return b""
        self._input = self._inflater.unconsumed_tail
        if self._inflater.eof:
            # Everything after the member is in unused_data; unconsumed_tail may still hold a
            # stale copy of it when the member ended in a call fed from unconsumed_tail.
            self._input = self._inflater.unused_data
            self._inflater = _new_member()
            self._in_member = False
        return out

    def _resume(self, exc: zlib.error) -> None:
        """Find the next gzip member after the corrupt one; end this segment there."""
        damaged = f"corrupt gzip data in the member at compressed offset {self._member_start:,}"
        base = self._read_pos - len(self._input)
        at = max(0, self._member_start + 1 - base)
        while True:
            found = self._input.find(_MEMBER_START, at)
            if found >= 0:
                self._input = self._input[found:]
                resumed = self._read_pos - len(self._input)
                self._gap = f"{damaged} ({exc}); reading resumed at offset {resumed:,}"
                self._inflater = _new_member()
                self._in_member = False
                return
            tail = self._input[-(len(_MEMBER_START) - 1) :]
            try:
                more = self._src.read(_CHUNK)
            except OSError as error:
                self._stop(Reason.UNREADABLE, str(error))
                return
            if not more:
                self._stop(Reason.TRUNCATED_ARCHIVE, f"{damaged} ({exc}); no member follows")
                return
            self._read_pos += len(more)
            self._input, at = tail + more, 0

    def _stop(self, reason: Reason, detail: str) -> None:
        self.problem = (reason, detail)
        self._done = True


def _new_member() -> zlib._Decompress:
    return zlib.decompressobj(16 + zlib.MAX_WBITS)


def is_gzip(head: bytes) -> bool:
    return head[:2] == GZIP_MAGIC


def gunzip_stream(fileobj: BinaryIO, cap: int) -> tuple[io.BufferedReader, CappedGunzip]:
    """A buffered reader over the decompressed bytes, plus the raw stream to ask `problem`."""
    raw = CappedGunzip(fileobj, cap)
    return io.BufferedReader(raw, buffer_size=64 * 1024), raw
