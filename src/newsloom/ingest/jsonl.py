"""JSON Lines: one article object per line.

A feed file can hold millions of rows and one bad row must cost only that row: each line is
read with a bounded `readline`, so an enormous line is refused by its size after reading at most
the limit, then skipped in chunks without ever being held whole in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from newsloom.article import Document
from newsloom.errors import Reason, RejectDocument, Rejection
from newsloom.ingest.decode import decode_bytes
from newsloom.ingest.document import NO_OVERRIDES, Overrides, document_from_row
from newsloom.settings import DEFAULT_SETTINGS, Settings

_SKIP_CHUNK = 1 << 20


def read_jsonl(
    stream: BinaryIO,
    name: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
) -> Iterator[Document | Rejection]:
    """Documents and rejections, one per non-blank line; sources are ``name:LINE`` (1-based)."""
    limit = settings.max_document_bytes
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        source = f"{name}:{lineno}"
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line) + _skip_line(stream)
            yield Rejection(
                source,
                Reason.TOO_LARGE,
                f"line of {size:,} bytes, over the {limit:,}-byte limit (max_document_bytes)",
            )
            continue
        if not line.strip():
            continue
        try:
            yield document_from_row(
                parse_row(line, first=lineno == 1), source, settings=settings, overrides=overrides
            )
        except RejectDocument as exc:
            yield Rejection(source, exc.reason, exc.detail)


def parse_row(line: bytes, *, first: bool = False) -> dict:
    """One line as a JSON object, or a BAD_JSON / ENCODING rejection."""
    if first:
        line = line.removeprefix(b"\xef\xbb\xbf")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        # JSON is UTF-8 by definition, but exports from old systems are not always.
        text = decode_bytes(line)
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        # json's own message may end in "at" ("Unterminated string starting at")
        where = "column" if exc.msg.endswith(" at") else "at column"
        raise RejectDocument(Reason.BAD_JSON, f"{exc.msg} {where} {exc.colno}") from exc
    except RecursionError as exc:
        raise RejectDocument(Reason.BAD_JSON, "nested too deeply") from exc
    if not isinstance(row, dict):
        kind = {list: "an array", str: "a string"}.get(type(row), "a scalar")
        raise RejectDocument(Reason.BAD_JSON, f"the line holds {kind}, not an object")
    return row


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line; return how many bytes were skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
