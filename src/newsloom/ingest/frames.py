"""WARC record framing that survives damage: a broken record costs that record, not the file.

FastWARC parses a record well, but stops at the first bad one, and a file cut inside a header or
inside a record it skips ends without a word. Framing is simple (a header block, a blank line,
``Content-Length`` bytes, a blank line), so records are framed here and each wanted record is
handed to FastWARC whole. A header that does not parse is skipped up to the next line that
starts a record (``WARC/1.``), and a record cut by corrupt gzip data is dropped where the
decompressor resumes at the next gzip member (`CappedGunzip(resync=True)`): either way the
bytes skipped are reported with their offsets. A file that ends inside any record, wanted or
not, is reported as truncated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

#: The largest header block of one record (real ones are well under 4 KiB).
MAX_HEADER_BYTES = 64 * 1024
_BLOCK = 1 << 16
#: A record starts with its version line and a header field: found wherever damage left it,
#: even glued to the end of a cut line.
_RECORD_START = re.compile(rb"(WARC/\d+\.\d+)\r?\n[A-Za-z][A-Za-z0-9-]*:")
_VERSION_LINE = re.compile(rb"WARC/\d+\.\d+\r?\n")
#: Blocks up to this size are held even when unwanted, so that a record whose Content-Length
#: lies can be re-read for the records it swallowed.
HELD_ANYWAY = 1 << 20
_HEADER_LINE = re.compile(rb"^([!-9;-~]+):[ \t]*(.*?)\r?$")


class Segmented(Protocol):
    """A stream that may end several times: after each end, `next_segment` says if more follows
    (a decompressor that skipped corrupt data) and describes the gap."""

    def next_segment(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Frame:
    """One record: its offset in the (decompressed) stream, its header, its block's length and
    the part of the block that was kept (all of it, its start, or nothing)."""

    offset: int
    header: bytes
    fields: dict[str, str]
    length: int
    block: bytes


@dataclass(frozen=True, slots=True)
class Damage:
    """Bytes that could not be read as records: why, and where (decompressed offsets)."""

    kind: str  # "skipped" (resynchronised), "truncated" (the file ends), "gap" (corrupt gzip)
    detail: str


class _Cursor:
    """A forward-only buffered reader that knows its absolute offset."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._buf = b""
        self.offset = 0  # absolute offset of _buf[0]
        self.eof = False

    def fill(self, wanted: int) -> bool:
        """Buffer at least `wanted` bytes if the stream has them."""
        while len(self._buf) < wanted and not self.eof:
            chunk = self._stream.read(max(_BLOCK, wanted - len(self._buf)))
            if not chunk:
                self.eof = True
            self._buf += chunk
        return len(self._buf) >= wanted

    def peek(self) -> bytes:
        return self._buf

    def take(self, n: int) -> bytes:
        out, self._buf = self._buf[:n], self._buf[n:]
        self.offset += len(out)
        return out

    def skip(self, n: int) -> int:
        """Drop up to `n` bytes without holding them; return how many were dropped."""
        dropped = 0
        while dropped < n:
            if not self._buf and not self.fill(1):
                break
            dropped += len(self.take(min(n - dropped, len(self._buf))))
        return dropped

    def unread(self, data: bytes) -> None:
        """Put bytes taken too early back in front of the buffer."""
        self._buf = data + self._buf
        self.offset -= len(data)

    def restart(self) -> None:
        """After a segment ended: read on from the stream, nothing buffered."""
        self._buf, self.eof = b"", False


Keep = Callable[[dict[str, str], int], int]


def frames(
    stream: BinaryIO, keep: Keep, segments: Segmented | None = None
) -> Iterator[Frame | Damage]:
    """Every record of `stream`, in order, with damage reported where it happens.

    `keep(fields, length)` says how many bytes of a record's block to hold in memory (0: none);
    the rest of the block is skipped without being held. `segments` is the decompressor
    behind `stream` when it can skip corrupt data.
    """
    cursor = _Cursor(stream)
    while True:
        yield from _segment(cursor, keep)
        gap = segments.next_segment() if segments is not None else None
        if gap is None:
            return
        yield Damage("gap", gap)
        cursor.restart()


def _segment(cursor: _Cursor, keep: Keep) -> Iterator[Frame | Damage]:
    while True:
        if not _skip_blank(cursor):
            return
        start = cursor.offset
        header = _header(cursor)
        if header is None:
            if cursor.eof and cursor.peek().startswith(b"WARC/"):
                yield Damage("truncated", f"the file ends inside the header at offset {start:,}")
                return
            _resync(cursor)
            yield _skipped(f"the data at offset {start:,} is not a WARC record", start, cursor)
            continue
        again = _RECORD_START.search(header, 1)
        if again is not None:  # a header cut short runs into the next record's
            cursor.unread(header[again.start(1) :])
            yield _skipped(f"the header at offset {start:,} is cut short", start, cursor)
            continue
        fields = _fields(header)
        length = _length(fields)
        if length is None:
            _resync(cursor)
            yield _skipped(f"the record at offset {start:,} has no valid Content-Length",
                           start, cursor)  # fmt: skip
            continue
        ref = fields.get("warc-record-id", "").strip("<>") or f"at offset {start:,}"
        wanted = max(0, keep(fields, length))
        held = length if length <= HELD_ANYWAY else min(length, wanted)
        cursor.fill(held)
        block = cursor.take(held)
        got = len(block) + (cursor.skip(length - held) if len(block) == held else 0)
        if got < length:
            yield Damage(
                "truncated", f"the file ends inside record {ref} ({got:,} of {length:,} bytes)"
            )
            return
        if held == length and not _next_is_record(cursor):
            swallowed = _RECORD_START.search(block)
            if swallowed is not None:
                # the Content-Length lies: give back what follows the first record start inside
                cursor.unread(block[swallowed.start(1) :])
                yield _skipped(f"the record at offset {start:,} has a wrong Content-Length",
                               start, cursor)  # fmt: skip
                continue
        yield Frame(start, header, fields, length, block[: min(wanted, length)])


def _skipped(what: str, start: int, cursor: _Cursor) -> Damage:
    """Damage from `start` to where reading resumes."""
    return Damage("skipped", f"{what} (bytes {start:,} to {cursor.offset:,} skipped)")


def _next_is_record(cursor: _Cursor) -> bool:
    """Whether what follows a block is the end of the data or blank lines and a record start."""
    cursor.fill(64)
    rest = cursor.peek()[:64].lstrip(b"\r\n")
    return not rest or rest.startswith(b"WARC/"[: len(rest)])


def _skip_blank(cursor: _Cursor) -> bool:
    """Skip the blank lines between records; False at the end of the segment."""
    while True:
        if not cursor.fill(1):
            return False
        data = cursor.peek()
        stripped = data.lstrip(b"\r\n")
        if stripped:
            cursor.take(len(data) - len(stripped))
            return True
        cursor.take(len(data))


def _header(cursor: _Cursor) -> bytes | None:
    """The header block (through its blank line), taken from the cursor; None if it is not one."""
    cursor.fill(16)
    if not _VERSION_LINE.match(cursor.peek()):
        return None
    while True:
        data = cursor.peek()
        end = _end_of_header(data)
        if end is not None:
            return cursor.take(end)
        if len(data) >= MAX_HEADER_BYTES or not cursor.fill(len(data) + 1):
            return None


def _end_of_header(data: bytes) -> int | None:
    for marker in (b"\r\n\r\n", b"\n\n"):
        at = data.find(marker, 0, MAX_HEADER_BYTES)
        if at >= 0:
            return at + len(marker)
    return None


def _resync(cursor: _Cursor) -> None:
    """Skip to the next record start (not the one at the current position); the cursor's
    offset tells where reading resumes."""
    cursor.take(1)
    while True:
        cursor.fill(len(cursor.peek()) + _BLOCK)
        data = cursor.peek()
        match = _RECORD_START.search(data)
        if match is not None:
            cursor.take(match.start(1))
            return
        if cursor.eof:
            cursor.take(len(data))
            return
        keep = 64  # a record start may straddle two reads
        cursor.take(max(0, len(data) - keep))


def _fields(header: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in header.split(b"\n")[1:]:
        match = _HEADER_LINE.match(line)
        if match:
            out[match.group(1).decode("ascii").lower()] = match.group(2).decode("utf-8", "replace")
    return out


def _length(fields: dict[str, str]) -> int | None:
    value = fields.get("content-length", "").strip()
    return int(value) if value.isdigit() else None
