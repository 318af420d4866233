"""WARC files (a crawler's or Common Crawl's): HTML pages served with status 200.

Each HTTP response record whose payload is an HTML page fetched with status 200 becomes a
Document whose url is the record's target URI. The WARC-Date is when the crawler fetched the
page, not when it was published, so it goes to ``declared["crawl_date"]`` and never into
`published`. Records are framed by `ingest.frames` (a damaged record is skipped and reported
with its offsets, and the records after it are read) and each response is parsed by FastWARC;
each payload's size is checked against the limit before it is held. A record cut off by the
end of the file is dropped and the file is reported as truncated; the records before it are
kept. Decompression is ours (`CappedGunzip`), under our cap, and it notices a cut-off stream.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsloom.article import Document
from newsloom.errors import Reason, RejectDocument, Rejection
from newsloom.ingest.decode import sniff_binary
from newsloom.ingest.document import NO_OVERRIDES, Overrides, document_from_bytes
from newsloom.ingest.files import looks_like_html
from newsloom.ingest.frames import Damage, Frame, Segmented, frames
from newsloom.settings import DEFAULT_SETTINGS, Settings, over_limit

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)
_CHUNK_SIZE_LINE = re.compile(rb"[0-9a-fA-F]+[ \t]*(?:;[^\r\n]*)?\r?\n")


#: Room for the HTTP status line and headers on top of the payload limit.
HEAD_ALLOWANCE = 64 * 1024
_HTTP_STATUS = re.compile(rb"^HTTP/\d(?:\.\d)?\s+(\d{3})")
_HTTP_TYPE = re.compile(rb"\ncontent-type:[ \t]*([^\r\n;]*)", re.IGNORECASE)


def read_warc(
    stream: BinaryIO,
    name: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
    segments: Segmented | None = None,
) -> Iterator[Document | Rejection]:
    """Documents from the HTML response records of a WARC stream (decompressed already).

    Records are framed by `frames`, so damage costs the damaged record only; `segments` is the
    decompressor when it can skip corrupt gzip members.
    """
    limit = settings.max_document_bytes

    def keep(fields: dict[str, str], length: int) -> int:
        if fields.get("warc-type") != "response":
            return 0
        # a response over the limit keeps only its HTTP head: enough to tell if it was a page
        return length if length <= limit + HEAD_ALLOWANCE else HEAD_ALLOWANCE

    seen = pages = damaged = 0
    for item in frames(stream, keep, segments):
        if isinstance(item, Damage):
            damaged += 1
            reason = Reason.TRUNCATED_ARCHIVE if item.kind == "truncated" else Reason.DAMAGED
            yield Rejection(name, reason, item.detail)
            if item.kind == "truncated":
                return
            continue
        seen += 1
        if not item.block:
            continue
        if len(item.block) < item.length:
            if _is_page_head(item.block):
                pages += 1
                ref = item.fields.get("warc-record-id", "").strip("<>") or str(item.offset)
                yield Rejection(f"{name}#{ref}", Reason.TOO_LARGE, _over(item.length, settings))
            continue
        for result in _response(item, name, settings, overrides):
            pages += 1
            yield result
    if seen == 0 and damaged:
        yield Rejection(name, Reason.NOT_WARC, "no WARC record could be read")
    elif seen == 0:
        yield Rejection(name, Reason.EMPTY)
    elif pages == 0:
        yield Rejection(
            name, Reason.NO_CONTENT, f"none of its {seen} records is an HTML page with status 200"
        )


def _is_page_head(block: bytes) -> bool:
    status = _HTTP_STATUS.match(block)
    ctype = _HTTP_TYPE.search(block[: block.find(b"\r\n\r\n") + 2 or None])
    html = ctype is None or ctype.group(1).strip().lower().startswith(HTML_TYPES)
    return bool(status and status.group(1) == b"200" and html)


def _response(
    frame: Frame, name: str, settings: Settings, overrides: Overrides
) -> Iterator[Document | Rejection]:
    """One response record: a Document or a Rejection if it is an HTML page with status 200,
    nothing otherwise."""
    whole = io.BytesIO(frame.header + frame.block + b"\r\n\r\n")
    try:
        record = next(
            ArchiveIterator(
                whole, record_types=WarcRecordType.response, parse_http=False,
                stream_detect=False,
            )
        )  # fmt: skip
    except (StopIteration, OSError) as exc:
        yield Rejection(name, Reason.DAMAGED, f"the record at offset {frame.offset:,}: {exc}")
        return
    if not record.is_http:
        return
    source = f"{name}#{_record_ref(record)}"
    try:
        record.parse_http()
    except (OSError, ValueError) as exc:
        yield Rejection(source, Reason.UNREADABLE, f"malformed HTTP headers: {exc}")
        return
    if record.http_headers is None or record.http_headers.status_code != 200:
        return
    content_type = (record.http_content_type or "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return
    length = record.content_length
    if length > settings.max_document_bytes:
        yield Rejection(source, Reason.TOO_LARGE, _over(length, settings))
        return
    payload = _read_exactly(record.reader, length)
    headers = dict(record.http_headers.items())
    try:
        body = decode_http_body(payload, headers, settings.max_document_bytes)
        if not content_type and not _html_payload(body):
            return
        url = record.headers.get("WARC-Target-URI") or None
        declared = {
            "crawl_date": record.headers.get("WARC-Date"),
            "warc_record_id": record.record_id,
        }
        yield document_from_bytes(
            body,
            source,
            "html",
            charset=record.http_charset,
            url=url.strip("<> ") if url else None,
            declared={k: v for k, v in declared.items() if v},
            settings=settings,
            overrides=overrides,
        )
    except RejectDocument as exc:
        yield Rejection(source, exc.reason, exc.detail)


def _record_ref(record: object) -> str:
    record_id = getattr(record, "record_id", None)
    if record_id:
        return str(record_id).strip("<>")
    return str(getattr(record, "stream_pos", "?"))


def _read_exactly(reader: object, length: int) -> bytes:
    parts: list[bytes] = []
    got = 0
    while got < length:
        chunk = reader.read(length - got)  # type: ignore[attr-defined]
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _html_payload(body: bytes) -> bool:
    head = body[:2048]
    return sniff_binary(head) is None and looks_like_html(head.decode("latin-1"))


def _over(length: int, settings: Settings) -> str:
    return over_limit(
        f"payload of {length:,} bytes", "max_document_bytes", settings.max_document_bytes
    )


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def decode_http_body(body: bytes, headers: Mapping[str, str], limit: int) -> bytes:
    """Undo the transfer and content encodings a crawler stored as they came over the wire.

    Many writers store the payload already decoded but keep the headers, so a payload that does
    not parse as chunked or compressed data is taken as it is.
    """
    lower = {k.lower(): v.lower() for k, v in headers.items()}
    if "chunked" in lower.get("transfer-encoding", ""):
        body = _dechunk(body)
    encoding = lower.get("content-encoding", "").strip()
    if encoding in ("", "identity", "none"):
        return body
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _inflate(body, limit)
    if sniff_binary(body[:512]) is None:
        return body
    raise RejectDocument(Reason.UNSUPPORTED, f"content-encoding {encoding!r}")


def _dechunk(body: bytes) -> bytes:
    parts: list[bytes] = []
    pos = 0
    while True:
        match = _CHUNK_SIZE_LINE.match(body, pos)
        if match is None:
            return body
        size = int(match.group().split(b";")[0], 16)
        start = match.end()
        if size == 0:
            return b"".join(parts)
        parts.append(body[start : start + size])
        pos = start + size
        if body[pos : pos + 2] == b"\r\n":
            pos += 2
        elif body[pos : pos + 1] == b"\n":
            pos += 1
        if pos >= len(body):
            return b"".join(parts)


def _inflate(body: bytes, limit: int) -> bytes:
    if body[:2] == b"\x1f\x8b":
        wbits = 16 + zlib.MAX_WBITS
    elif body[:1] == b"\x78":
        wbits = zlib.MAX_WBITS
    elif sniff_binary(body[:512]) is None:
        return body  # stored decoded, header kept
    else:
        wbits = -zlib.MAX_WBITS  # raw deflate
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise RejectDocument(Reason.UNREADABLE, f"compressed payload is corrupt: {exc}") from exc
    if len(out) > limit:
        raise RejectDocument(
            Reason.TOO_LARGE,
            over_limit("payload decompresses to more bytes", "max_document_bytes", limit),
        )
    return out
