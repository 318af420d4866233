"""WARC and ARC: HTML pages with status 200 become Documents; cuts and impostors are reported.

The archives are built by hand here, record by record, so each test says exactly what it holds.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from pathlib import Path

import pytest

from newsloom.article import Document
from newsloom.errors import Reason, Rejection
from newsloom.ingest import Overrides, read_inputs
from newsloom.settings import Settings

SHARED = Path(os.environ.get("NEWSLOOM_SHARED", Path(__file__).parents[2] / ".." / "shared"))
SAMPLES = SHARED / "data" / "warc_samples_ukwa"

PAGE = (
    "<!doctype html><html><head><title>Summit ends</title></head>"
    "<body><p>Leaders signed the document on Tuesday.</p></body></html>"
)


def http(
    body: bytes,
    status: str = "200 OK",
    ctype: str = "text/html; charset=utf-8",
    extra: tuple[str, ...] = (),
) -> bytes:
    head = [f"HTTP/1.1 {status}", f"Content-Type: {ctype}", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def record(
    n: int,
    block: bytes,
    *,
    wtype: str = "response",
    uri: str = "",
    date: str = "2018-06-12T10:00:00Z",
) -> bytes:
    ctype = (
        "application/http; msgtype=response"
        if wtype == "response"
        else (
            "application/http; msgtype=request" if wtype == "request" else "application/warc-fields"
        )
    )
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {wtype}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"WARC-Date: {date}\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + f"Content-Type: {ctype}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


def sample_records() -> list[bytes]:
    return [
        record(0, b"software: handmade\r\n", wtype="warcinfo"),
        record(
            1,
            b"GET /a HTTP/1.1\r\nHost: www.example.com\r\n\r\n",
            wtype="request",
            uri="https://www.example.com/a",
        ),
        record(2, http(PAGE.encode()), uri="https://www.example.com/2018/06/12/summit"),
        record(
            3,
            http(b"<html><body>gone</body></html>", status="404 Not Found"),
            uri="https://www.example.com/missing",
        ),
        record(
            4,
            http(b"\x89PNG\r\n\x1a\n\x00\x00", ctype="image/png"),
            uri="https://www.example.com/logo.png",
        ),
        record(
            5,
            http(PAGE.replace("Tuesday", "Wednesday").encode()),
            uri="https://m.example.org/second",
        ),
    ]


def read(path: Path, **kw: object) -> list[Document | Rejection]:
    return list(read_inputs([path], **kw))  # type: ignore[arg-type]


def docs(items: list[Document | Rejection]) -> list[Document]:
    return [x for x in items if isinstance(x, Document)]


def rejections(items: list[Document | Rejection]) -> list[Rejection]:
    return [x for x in items if isinstance(x, Rejection)]


@pytest.mark.parametrize("compressed", [False, True])
def test_html_200_responses_become_documents(tmp_path: Path, compressed: bool) -> None:
    recs = sample_records()
    if compressed:
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(b"".join(gzip.compress(r) for r in recs))
    else:
        path = tmp_path / "crawl.warc"
        path.write_bytes(b"".join(recs))
    out = read(path)
    assert rejections(out) == []
    first, second = docs(out)
    assert first.url == "https://www.example.com/2018/06/12/summit"
    assert first.outlet == "example.com" and second.outlet == "example.org"
    assert first.format == "html" and "signed the document on Tuesday" in first.raw
    assert first.source == f"{path}#urn:uuid:00000000-0000-0000-0000-000000000002"
    # the fetch date is a crawl date, never a publication date
    assert first.declared["crawl_date"] == "2018-06-12T10:00:00Z"
    assert first.published is None and "published" not in first.declared


def test_truncated_warc_gz_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    members = [gzip.compress(r) for r in sample_records()]
    data = b"".join(members)
    cut = sum(len(m) for m in members[:5]) + len(members[5]) // 2  # inside the last page
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:cut])
    out = read(path)
    assert [d.url for d in docs(out)] == ["https://www.example.com/2018/06/12/summit"]
    (rej,) = rejections(out)
    assert rej.reason == Reason.TRUNCATED_ARCHIVE and rej.source == str(path)
    assert str(path) in rej.message


def test_uncompressed_warc_cut_inside_a_record_is_reported(tmp_path: Path) -> None:
    data = b"".join(sample_records())
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 40])
    out = read(path)
    assert len(docs(out)) == 1
    (rej,) = rejections(out)
    assert rej.reason == Reason.TRUNCATED_ARCHIVE
    assert "000000000005" in rej.detail


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"This is a plain text note, not an archive.\n", "WARC/"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ],
)
def test_a_file_named_warc_that_is_not_one(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(content)
    (rej,) = read(path)
    assert isinstance(rej, Rejection) and rej.reason == Reason.NOT_WARC
    assert fragment in rej.message and str(path) in rej.message


def test_a_record_over_the_size_limit_is_refused_alone(tmp_path: Path) -> None:
    big = "<html><body>" + "<p>word</p>" * 2000 + "</body></html>"
    recs = [
        record(1, http(big.encode()), uri="https://big.example.com/"),
        record(2, http(PAGE.encode()), uri="https://small.example.com/"),
    ]
    path = tmp_path / "mixed.warc"
    path.write_bytes(b"".join(recs))
    out = read(path, settings=Settings(max_document_bytes=5000))
    (rej,) = rejections(out)
    assert rej.reason == Reason.TOO_LARGE and rej.source.endswith("000000000001")
    assert [d.url for d in docs(out)] == ["https://small.example.com/"]


def test_chunked_and_gzip_encoded_payloads_are_decoded(tmp_path: Path) -> None:
    body = gzip.compress(PAGE.encode())
    chunked = (
        b"".join(b"%x\r\n" % len(part) + part + b"\r\n" for part in (body[:50], body[50:]))
        + b"0\r\n\r\n"
    )
    block = http(chunked, extra=("Transfer-Encoding: chunked", "Content-Encoding: gzip"))
    path = tmp_path / "enc.warc"
    path.write_bytes(record(1, block, uri="https://example.com/enc"))
    (doc,) = read(path)
    assert isinstance(doc, Document) and doc.raw == PAGE


def test_raw_deflate_payload_is_decoded(tmp_path: Path) -> None:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    body = packer.compress(PAGE.encode()) + packer.flush()
    path = tmp_path / "deflate.warc"
    path.write_bytes(
        record(1, http(body, extra=("Content-Encoding: deflate",)), uri="https://e.com/")
    )
    (doc,) = read(path)
    assert isinstance(doc, Document) and doc.raw == PAGE


def test_http_charset_decodes_legacy_pages(tmp_path: Path) -> None:
    page = "<html><body><p>Café “Zürich” – the mayor’s plan</p></body></html>"
    block = http(page.encode("cp1252"), ctype="text/html; charset=windows-1252")
    path = tmp_path / "legacy.warc"
    path.write_bytes(record(1, block, uri="https://example.ch/"))
    (doc,) = read(path)
    assert isinstance(doc, Document) and doc.raw == page


def test_a_warc_without_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    path.write_bytes(sample_records()[4])
    (rej,) = read(path)
    assert isinstance(rej, Rejection) and rej.reason == Reason.NO_CONTENT


def test_overrides_apply_to_every_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(sample_records()))
    out = read(path, overrides=Overrides(published="2018-06-12", outlet="wire"))
    assert [(d.published, d.outlet) for d in docs(out)] == [("2018-06-12", "wire")] * 2
    assert all(d.declared["published"] == "2018-06-12" for d in docs(out))


def arc_record(url: str, ctype: str, block: bytes, date: str = "20080430204826") -> bytes:
    return f"{url} 192.0.2.1 {date} {ctype} {len(block)}\n".encode() + block + b"\n"


def arc_file() -> bytes:
    desc = b"1 1 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    return (
        arc_record("filedesc://test.arc", "text/plain", desc)
        + arc_record("dns:www.example.com", "text/dns", b"20080430204825\nwww.example.com.\n")
        + arc_record("http://www.example.com/", "text/html", http(PAGE.encode()))
        + arc_record(
            "http://www.example.com/x.gif", "image/gif", http(b"GIF89a\x00", ctype="image/gif")
        )
    )


@pytest.mark.parametrize("compressed", [False, True])
def test_arc_files_are_read(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("old.arc.gz" if compressed else "old.arc")
    path.write_bytes(gzip.compress(arc_file()) if compressed else arc_file())
    (doc,) = read(path)
    assert isinstance(doc, Document)
    assert doc.url == "http://www.example.com/" and doc.raw == PAGE
    assert doc.declared["crawl_date"] == "2008-04-30T20:48:26Z" and doc.published is None


def test_truncated_arc_keeps_records_before_the_break(tmp_path: Path) -> None:
    data = arc_file() + arc_record("http://www.example.com/b", "text/html", http(PAGE.encode()))
    path = tmp_path / "cut.arc"
    path.write_bytes(data[:-30])
    out = read(path)
    assert len(docs(out)) == 1
    (rej,) = rejections(out)
    assert rej.reason == Reason.TRUNCATED_ARCHIVE


def test_real_ukwa_samples_give_html_documents() -> None:
    if not SAMPLES.exists():
        pytest.skip("shared WARC samples not present")
    archives = sorted(
        p for p in SAMPLES.rglob("*") if p.name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))
    )
    assert archives
    for path in archives:
        out = read(path)
        pages = docs(out)
        assert pages, f"no Document from {path}: {[r.message for r in rejections(out)]}"
        assert rejections(out) == [], path
        for doc in pages:
            assert doc.format == "html" and doc.url and doc.url.startswith("http")
            assert "<html" in doc.raw.lower()
            assert doc.declared["crawl_date"][:2] in ("20", "19")
            assert doc.published is None


def _with_third_page() -> list[bytes]:
    recs = sample_records()
    page = PAGE.replace("Tuesday", "Friday").encode()
    return [*recs, record(6, http(page), uri="https://x.example.net/third")]


def _urls(out: list[Document | Rejection]) -> list[str | None]:
    return [d.url for d in docs(out)]


_ALL_PAGES = [
    "https://www.example.com/2018/06/12/summit",
    "https://m.example.org/second",
    "https://x.example.net/third",
]


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: r.replace(b"WARC/1.0", b"WXRC/9.9", 1),  # a header that is not one
        lambda r: r.replace(b"Content-Length: ", b"Content-Length: 9", 1),  # a length that lies
        lambda r: r.replace(b"Content-Length: ", b"Content-Length: x", 1),  # no length at all
        lambda r: r[: len(r) // 2],  # half a record, then the next one
    ],
)
def test_a_damaged_record_costs_only_itself(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    recs = _with_third_page()
    recs[3] = damage(recs[3])  # the 404 record, between the first and second pages
    path = tmp_path / "damaged.warc"
    path.write_bytes(b"".join(recs))
    out = read(path)
    assert _urls(out) == _ALL_PAGES
    (rej,) = rejections(out)
    assert rej.reason == Reason.DAMAGED and rej.source == str(path)
    assert re.search(r"bytes [\d,]+ to [\d,]+", rej.detail)
    assert "the records after it are read" in rej.message


def test_a_corrupt_gzip_member_costs_only_its_record(tmp_path: Path) -> None:
    members = [gzip.compress(r) for r in _with_third_page()]
    broken = bytearray(members[3])
    broken[20:40] = bytes(20)
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(b"".join(members[:3]) + bytes(broken) + b"".join(members[4:]))
    out = read(path)
    assert _urls(out) == _ALL_PAGES
    (rej,) = rejections(out)
    assert rej.reason == Reason.DAMAGED
    offset = sum(len(m) for m in members[:3])
    assert f"compressed offset {offset:,}" in rej.detail
    assert f"resumed at offset {offset + len(broken):,}" in rej.detail


@pytest.mark.parametrize("keep", [30, 300, -10])
def test_an_uncompressed_warc_cut_in_a_header_or_a_skipped_record_is_reported(
    tmp_path: Path, keep: int
) -> None:
    # record 4 is an image: never read as a page, but a cut inside it is still a cut
    recs = sample_records()
    path = tmp_path / "cut.warc"
    path.write_bytes(b"".join(recs[:4]) + recs[4][:keep])
    out = read(path)
    assert _urls(out) == [_ALL_PAGES[0]]
    (rej,) = rejections(out)
    assert rej.reason == Reason.TRUNCATED_ARCHIVE
    assert "the file ends inside" in rej.detail
