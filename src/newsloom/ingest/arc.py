"""ARC files, the Internet Archive's format before WARC (FastWARC reads only WARC).

An ARC file is a sequence of records, each one header line ``URL IP DATE CONTENT-TYPE ...
LENGTH`` followed by LENGTH bytes (the HTTP response as fetched) and a newline; the first record
(``filedesc://``) describes the file. As with WARC, HTML pages fetched with status 200 become
Documents, the archive date is a crawl date (``declared["crawl_date"]``), and a record cut off
by the end of the file is dropped and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from newsloom.article import Document
from newsloom.errors import Reason, RejectDocument, Rejection
from newsloom.ingest.document import NO_OVERRIDES, Overrides, document_from_bytes
from newsloom.ingest.warc import HTML_TYPES, charset_of, decode_http_body
from newsloom.settings import DEFAULT_SETTINGS, Settings, over_limit

#: Room for the HTTP status line and headers on top of the payload limit.
HEADER_ALLOWANCE = 64 * 1024
_MAX_HEADER_LINE = 8192
_SKIP_CHUNK = 1 << 16
_STATUS = re.compile(rb"^HTTP/\d(?:\.\d)?\s+(\d{3})")
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_ARC_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$")


def read_arc(
    stream: BinaryIO,
    name: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
) -> Iterator[Document | Rejection]:
    """Documents from the HTML records of an ARC stream (decompressed already)."""
    offset = 0
    seen = pages = 0
    while True:
        line = stream.readline(_MAX_HEADER_LINE)
        if not line:
            break
        start = offset
        offset += len(line)
        if not line.strip():
            continue  # the newline that ends each record
        fields = line.split()
        if len(fields) < 5 or not fields[-1].isdigit():
            if seen == 0:
                yield Rejection(name, Reason.NOT_WARC, "no ARC record header at the start")
            else:
                yield Rejection(name, Reason.UNREADABLE, f"bad ARC record header at byte {start:,}")
            return
        seen += 1
        url = fields[0].decode("latin-1")
        content_type = fields[3].decode("latin-1").lower()
        length = int(fields[-1])
        source = f"{name}#{start}"
        wanted = url.startswith(("http:", "https:")) and content_type.startswith(HTML_TYPES)
        if not wanted or length > settings.max_document_bytes + HEADER_ALLOWANCE:
            skipped = _skip(stream, length)
            offset += skipped
            if skipped < length:
                yield _cut_off(name, start, skipped, length)
                return
            if wanted:
                pages += 1
                yield Rejection(
                    source,
                    Reason.TOO_LARGE,
                    over_limit(
                        f"record of {length:,} bytes", "max_document_bytes",
                        settings.max_document_bytes,
                    ),
                )
            continue
        block = stream.read(length)
        offset += len(block)
        if len(block) < length:
            yield _cut_off(name, start, len(block), length)
            return
        status, headers, body = split_http(block)
        if status != 200:
            continue
        pages += 1
        try:
            body = decode_http_body(body, headers, settings.max_document_bytes)
            declared = {"crawl_date": _iso_date(fields[2].decode("latin-1"))}
            yield document_from_bytes(
                body,
                source,
                "html",
                charset=charset_of(_header(headers, "content-type")),
                url=url,
                declared={k: v for k, v in declared.items() if v},
                settings=settings,
                overrides=overrides,
            )
        except RejectDocument as exc:
            yield Rejection(source, exc.reason, exc.detail)
    if seen == 0:
        yield Rejection(name, Reason.EMPTY)
    elif pages == 0:
        yield Rejection(
            name, Reason.NO_CONTENT, f"none of its {seen} records is an HTML page with status 200"
        )


def split_http(block: bytes) -> tuple[int | None, dict[str, str], bytes]:
    """Status code, headers and body of an HTTP response as stored in an archive record."""
    status_match = _STATUS.match(block)
    if status_match is None:
        return None, {}, block
    end = _HEAD_END.search(block, 0, HEADER_ALLOWANCE)
    if end is None:
        return int(status_match.group(1)), {}, b""
    headers: dict[str, str] = {}
    for raw_line in block[: end.start()].splitlines()[1:]:
        key, sep, value = raw_line.decode("latin-1").partition(":")
        if sep:
            headers[key.strip()] = value.strip()
    return int(status_match.group(1)), headers, block[end.end() :]


def _header(headers: dict[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _iso_date(value: str) -> str | None:
    match = _ARC_DATE.match(value)
    if match is None:
        return None
    y, mo, d, h, mi, s = match.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"


def _skip(stream: BinaryIO, length: int) -> int:
    skipped = 0
    while skipped < length:
        chunk = stream.read(min(_SKIP_CHUNK, length - skipped))
        if not chunk:
            break
        skipped += len(chunk)
    return skipped


def _cut_off(name: str, start: int, got: int, length: int) -> Rejection:
    return Rejection(
        name,
        Reason.TRUNCATED_ARCHIVE,
        f"the file ends inside the record at byte {start:,} ({got:,} of {length:,} bytes)",
    )
