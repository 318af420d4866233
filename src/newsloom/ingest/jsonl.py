"""JSON Lines: one article object per line.

A feed file can hold millions of rows and one bad row must cost only that row. The file is read
in blocks of a mebibyte: an enormous line is refused by its size and skipped without ever being
held whole in memory, and runs of blank lines are skipped without a Python step per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from newsloom.article import Document
from newsloom.errors import Reason, RejectDocument, Rejection
from newsloom.ingest.decode import decode_bytes
from newsloom.ingest.document import NO_OVERRIDES, Overrides, document_from_row
from newsloom.settings import DEFAULT_SETTINGS, Settings, over_limit

#: Bytes read at a time.
_BLOCK = 1 << 20


def read_jsonl(
    stream: BinaryIO,
    name: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
) -> Iterator[Document | Rejection]:
    """Documents and rejections, one per non-blank line; sources are ``name:LINE`` (1-based)."""
    limit = settings.max_document_bytes
    for lineno, line in _lines(stream, limit):
        source = f"{name}:{lineno}"
        if isinstance(line, int):
            yield Rejection(
                source,
                Reason.TOO_LARGE,
                over_limit(f"line of {line:,} bytes", "max_document_bytes", limit),
            )
            continue
        try:
            yield document_from_row(
                parse_row(line, first=lineno == 1), source, settings=settings, overrides=overrides
            )
        except RejectDocument as exc:
            yield Rejection(source, exc.reason, exc.detail)


#: Whitespace between rows; runs of it are skipped in C, not line by line.
_BLANK = re.compile(rb"[ \t\r\n\f\v]+")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line) for every non-blank line of `stream`, read in large blocks.

    A line longer than `limit` bytes comes as (line number, its size) and is never held whole;
    blank lines cost next to nothing (a file of newlines is skipped at memory speed).
    """
    lineno = 1  # the number of the line that starts at the current position
    partial = bytearray()
    overflow = 0  # bytes of an over-long line skipped so far (0: none)
    while chunk := stream.read(_BLOCK):
        pos = 0
        while pos < len(chunk):
            if not partial and not overflow:
                blank = _BLANK.match(chunk, pos)
                if blank is not None:
                    lineno += chunk.count(b"\n", pos, blank.end())
                    pos = blank.end()
                    continue
            end = chunk.find(b"\n", pos)
            piece = chunk[pos:] if end < 0 else chunk[pos : end + 1]
            pos += len(piece)
            if overflow:
                overflow += len(piece)
            elif len(partial) + len(piece) > limit + 1:
                overflow = len(partial) + len(piece)
                partial.clear()
            else:
                partial += piece
            if end < 0:
                continue  # the line goes on in the next block
            if overflow:
                yield lineno, overflow
            elif partial.strip():
                yield lineno, bytes(partial)
            partial.clear()
            overflow = 0
            lineno += 1
    if overflow:
        yield lineno, overflow
    elif partial.strip():
        yield lineno, bytes(partial)


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
