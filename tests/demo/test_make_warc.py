"""The demo WARC: three corpus pages as HTTP responses, rebuilt identically from the pages."""

from __future__ import annotations

import re
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsloom.demo import corpus_path, make_warc


def read(path: Path, **kwargs) -> list:
    with path.open("rb") as fh:
        return [(record, record.reader.read()) for record in ArchiveIterator(fh, **kwargs)]


def test_responses_carry_the_pages_byte_for_byte():
    responses = [
        (record, payload)
        for record, payload in read(make_warc.OUTPUT, parse_http=True)
        if record.record_type == WarcRecordType.response
    ]
    assert len(responses) == len(make_warc.PAGES) == 3
    for (record, payload), page in zip(responses, make_warc.PAGES, strict=True):
        body = (corpus_path() / page.path).read_bytes()
        assert payload == body
        assert record.headers["WARC-Target-URI"] == page.url
        assert record.http_headers.status_code == 200
        canonical = re.search(rb'<link rel="canonical" href="([^"]+)"', body)
        assert canonical is not None and canonical.group(1).decode() == page.url


def test_record_types_and_digests():
    records = read(make_warc.OUTPUT)
    kinds = [record.record_type for record, _ in records]
    assert kinds == [WarcRecordType.warcinfo] + [WarcRecordType.request,
                                                 WarcRecordType.response] * 3
    with make_warc.OUTPUT.open("rb") as fh:
        assert all(r.verify_block_digest() for r in ArchiveIterator(fh, parse_http=False))


def test_crawl_dates_are_not_publication_dates():
    dates = [record.headers["WARC-Date"] for record, _ in read(make_warc.OUTPUT)]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d) for d in dates)
    assert dates[2].startswith("2025-12-02")  # the ledgerline page was published on 2025-11-20


def test_rebuild_is_identical_to_the_committed_file(tmp_path: Path):
    out = make_warc.write(tmp_path / "crawl.warc.gz")
    assert out.read_bytes() == make_warc.OUTPUT.read_bytes()
