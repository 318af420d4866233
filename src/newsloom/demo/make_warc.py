"""Build `corpus/crawl.warc.gz`: three of the demo's HTML pages as a crawler would store them.

Run `python -m newsloom.demo.make_warc` after editing one of the pages in `PAGES`. The archive
holds a `warcinfo` record and, for each page, the HTTP request and response records, each record
in its own gzip member as crawlers write them. Dates and record ids are fixed (not the time of the
run), so the file only changes when a page changes. The `WARC-Date` of a record is the crawl time,
days or weeks after the page was published: a reader must not take it for the publication date.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from fastwarc.stream_io import GzipWriter
from fastwarc.warc import WarcRecord, WarcRecordType

CORPUS = Path(__file__).parent / "corpus"
OUTPUT = CORPUS / "crawl.warc.gz"
#: namespace for the record ids: uuid5(namespace, kind + url) is the same on every run
_NAMESPACE = uuid.UUID("5b0f7a52-7c1e-4d0a-9a59-2f3c1de0a611")


@dataclass(frozen=True)
class Page:
    path: str
    url: str
    crawled: datetime


PAGES = (
    Page(
        "solvento-lusavia/ledgerline-1.html",
        "https://ledgerline.example/companies/transport/solvento-air-lusavia-takeover",
        datetime(2025, 12, 2, 6, 14, 51, tzinfo=UTC),
    ),
    Page(
        "kalvora-election/kbc-1.html",
        "https://www.kbc.example/news/politics/kalvora-to-vote-on-15-march-as-vasque-government-falls-1.903114",
        datetime(2026, 2, 20, 22, 3, 9, tzinfo=UTC),
    ),
    Page(
        "halvard-cyberattack/port-freight-1.html",
        "https://www.portfreight.example/news/halvard-lines-confirms-ransomware-attack",
        datetime(2026, 2, 21, 3, 47, 30, tzinfo=UTC),
    ),
)


def _warc_date(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _record(kind: WarcRecordType, key: str, when: datetime, content: bytes) -> WarcRecord:
    record = WarcRecord()
    record.init_headers(kind, record_urn=f"uuid:{uuid.uuid5(_NAMESPACE, key)}".encode())
    record.headers["WARC-Date"] = _warc_date(when)
    record.set_bytes_content(content)
    return record


def _http_request(page: Page) -> bytes:
    host = page.url.split("/")[2]
    path = "/" + page.url.split("/", 3)[3]
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}",
        "User-Agent: newsloom-demo-crawler/1.0",
        "Accept: text/html,application/xhtml+xml",
        "Accept-Encoding: identity",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def _http_response(page: Page, body: bytes) -> bytes:
    lines = [
        "HTTP/1.1 200 OK",
        f"Date: {format_datetime(page.crawled, usegmt=True)}",
        "Server: nginx",
        "Content-Type: text/html; charset=utf-8",
        f"Content-Length: {len(body)}",
        "Cache-Control: max-age=300",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def records(corpus: Path = CORPUS) -> list[tuple[WarcRecord, bytes | None]]:
    """The archive's records, in order: warcinfo, then request and response for each page.

    Each comes with the SHA-1 of its HTTP payload (the page's bytes) for responses, else None.
    """
    first = min(page.crawled for page in PAGES)
    info = _record(
        WarcRecordType.warcinfo,
        "warcinfo",
        first,
        b"software: newsloom-demo-crawler/1.0\r\n"
        b"format: WARC File Format 1.1\r\n"
        b"description: three pages of the newsloom demo corpus\r\n",
    )
    info.headers["Content-Type"] = "application/warc-fields"
    info.headers["WARC-Filename"] = OUTPUT.name
    out: list[tuple[WarcRecord, bytes | None]] = [(info, None)]
    for page in PAGES:
        body = (corpus / page.path).read_bytes()
        request = _record(WarcRecordType.request, "request " + page.url, page.crawled,
                          _http_request(page))
        response = _record(WarcRecordType.response, "response " + page.url, page.crawled,
                           _http_response(page, body))
        for record, msgtype in ((request, "request"), (response, "response")):
            record.headers["WARC-Target-URI"] = page.url
            record.headers["Content-Type"] = f"application/http; msgtype={msgtype}"
        response.headers["WARC-Concurrent-To"] = request.headers["WARC-Record-ID"]
        out += [(request, None), (response, hashlib.sha1(body).digest())]
    return out


def write(path: Path = OUTPUT, corpus: Path = CORPUS) -> Path:
    """Write the archive, one gzip member per record, with block and payload digests."""
    with path.open("wb") as fh, GzipWriter(fh) as gz:
        for record, payload_digest in records(corpus):
            record.write(gz, checksum_data=True, payload_digest=payload_digest)
            gz.finish()
    return path


if __name__ == "__main__":
    write()
