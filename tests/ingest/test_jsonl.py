"""JSON Lines rows: ids kept, metadata mapped, one bad line costs only that line."""

from __future__ import annotations

import io
import json

import pytest

from newsloom.article import Document
from newsloom.errors import Reason, RejectDocument, Rejection
from newsloom.hashing import content_hash, content_id
from newsloom.ingest import Overrides, document_from_row
from newsloom.ingest.jsonl import parse_row, read_jsonl
from newsloom.settings import Settings


def _lines(*rows: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r).encode("utf-8")) + b"\n" for r in rows
    )


def _read(data: bytes, **kw: object) -> list[Document | Rejection]:
    return list(read_jsonl(io.BufferedReader(io.BytesIO(data)), "feed.jsonl", **kw))  # type: ignore[arg-type]


def test_rows_become_documents_with_their_ids_and_metadata() -> None:
    row = {
        "id": "d001",
        "url": "https://www.abc.net.au/news/2017-03-29/x",
        "title": "Brexit begins",
        "published": "2017-03-29",
        "text": "Britain triggered Article 50.",
        "story": "ds1",
    }
    (doc,) = _read(_lines(row))
    assert isinstance(doc, Document)
    assert (doc.id, doc.url, doc.title, doc.format) == ("d001", row["url"], "Brexit begins", "text")
    assert doc.outlet == "abc.net.au"
    assert doc.published == "2017-03-29"
    assert dict(doc.declared) == {"story": "ds1", "published": "2017-03-29"}
    assert doc.source == "feed.jsonl:1"
    assert doc.content_hash == content_hash(row["text"])


def test_row_without_id_gets_a_content_id() -> None:
    (doc,) = _read(_lines({"text": "An article without an id."}))
    assert isinstance(doc, Document)
    assert doc.id == content_id("An article without an id.")


def test_a_broken_line_among_good_ones_is_rejected_alone() -> None:
    data = _lines(
        {"id": "a", "text": "First."},
        b'{"id": "b", "text": "unterminated',
        {"id": "c", "text": "Third."},
    )
    out = _read(data)
    assert [type(x).__name__ for x in out] == ["Document", "Rejection", "Document"]
    bad = out[1]
    assert isinstance(bad, Rejection)
    assert bad.reason == Reason.BAD_JSON and bad.source == "feed.jsonl:2"
    assert "feed.jsonl:2" in bad.message
    assert [x.id for x in out if isinstance(x, Document)] == ["a", "c"]


def test_a_row_with_no_text_is_rejected() -> None:
    out = _read(_lines({"id": "a", "title": "Only a title"}, {"id": "b", "text": "Body."}))
    assert isinstance(out[0], Rejection) and out[0].reason == Reason.NO_TEXT_FIELD
    assert isinstance(out[1], Document) and out[1].id == "b"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'["an", "array"]', Reason.BAD_JSON),
        (b'"a string"', Reason.BAD_JSON),
        (b'{"text": 42}', Reason.BAD_JSON),
        (b'{"text": "x", "title": {"nested": true}}', Reason.BAD_JSON),
        (b'{"text": "   \\n\\t "}', Reason.EMPTY),
        (b'{"html": ""}', Reason.EMPTY),
    ],
)
def test_bad_rows(line: bytes, reason: Reason) -> None:
    (out,) = _read(line + b"\n")
    assert isinstance(out, Rejection) and out.reason == reason


def test_blank_lines_are_skipped_but_counted_in_line_numbers() -> None:
    out = _read(b"\n" + _lines({"text": "Second line."}) + b"   \n")
    assert [x.source for x in out] == ["feed.jsonl:2"]


def test_html_rows_and_text_preferred_when_both_are_given() -> None:
    html_row = {"html": "<html><body><p>Page.</p></body></html>"}
    both = {"html": "<p>Page.</p>", "text": "Already extracted."}
    empty_text = {"html": "<p>Page.</p>", "text": ""}
    docs = _read(_lines(html_row, both, empty_text))
    assert [(d.format, d.raw) for d in docs if isinstance(d, Document)] == [
        ("html", html_row["html"]),
        ("text", "Already extracted."),
        ("html", "<p>Page.</p>"),
    ]


def test_numeric_ids_are_kept_as_strings() -> None:
    (doc,) = _read(_lines({"id": 17, "text": "Body."}))
    assert isinstance(doc, Document) and doc.id == "17"


def test_an_overlong_line_is_refused_and_reading_goes_on() -> None:
    settings = Settings(max_document_bytes=1000)
    data = _lines({"text": "x" * 5000}, {"id": "next", "text": "Short."})
    out = _read(data, settings=settings)
    assert isinstance(out[0], Rejection) and out[0].reason == Reason.TOO_LARGE
    assert "5,0" in out[0].detail  # the size of the whole line is reported
    assert isinstance(out[1], Document) and out[1].id == "next"
    assert out[1].source == "feed.jsonl:2"


def test_overrides_win_over_the_row() -> None:
    row = {
        "url": "https://www.bbc.co.uk/x",
        "outlet": "bbc",
        "published": "2017-01-01",
        "text": "Body.",
    }
    over = Overrides(published="2018-06-12", outlet="reuters.com", url="https://reuters.com/a")
    doc = document_from_row(row, "r:1", overrides=over)
    assert (doc.published, doc.outlet, doc.url) == ("2018-06-12", "reuters.com", over.url)
    assert doc.declared["published"] == "2018-06-12"


def test_outlet_falls_back_to_the_url_host() -> None:
    doc = document_from_row({"url": "http://m.ljworld.com/news/x", "text": "B."}, "r:1")
    assert doc.outlet == "ljworld.com"


def test_document_from_row_type_errors() -> None:
    with pytest.raises(TypeError):
        document_from_row(["text"], "r:1")  # type: ignore[arg-type]


def test_parse_row_strips_a_bom_on_the_first_line_and_reads_cp1252() -> None:
    assert parse_row(b'\xef\xbb\xbf{"text": "x"}', first=True) == {"text": "x"}
    assert parse_row('{"text": "café “quoted”"}'.encode("cp1252")) == {"text": "café “quoted”"}
    with pytest.raises(RejectDocument):
        parse_row(b"{not json}")


@pytest.mark.parametrize("bad_id", ["a\x00b", "line\nbreak", "bell\x07", "esc\x1b[2J", "c1\x9b"])
def test_an_id_with_a_control_character_is_rejected_alone(bad_id: str) -> None:
    # a NUL in an id used to abort the whole run at the store
    out = _read(_lines({"id": bad_id, "text": "Bad."}, {"id": "ok", "text": "Good."}))
    assert [type(x).__name__ for x in out] == ["Rejection", "Document"]
    assert out[0].reason == Reason.BAD_JSON and "control character" in out[0].message


def test_a_nul_id_through_the_cli_leaves_the_rest_of_the_run(tmp_path) -> None:
    from newsloom.cli import main

    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_lines({"id": "x\u0000y", "text": "Bad id."},
                            {"id": "fine", "text": "A story about a bridge."}))  # fmt: skip
    later = tmp_path / "later.txt"
    later.write_text("Another story about a dam that opened on Monday in the north.")
    db = tmp_path / "s.duckdb"
    err = io.StringIO()
    code = main(["ingest", str(feed), str(later), "--db", str(db), "--no-stories"],
                io.StringIO(), err)  # fmt: skip
    assert code == 0, err.getvalue()
    assert "2 ingested" in err.getvalue() and "1 rejected" in err.getvalue()


@pytest.mark.parametrize(
    ("line", "expected"),
    [(b'{"id": "a", "text": "unterminated', "starting at column"), (b"{,}", "at column")],
)
def test_json_error_messages_read_as_english(line: bytes, expected: str) -> None:
    (bad,) = _read(line)  # the last line of a file, with no newline to end it
    assert expected in bad.message and " at at " not in bad.message


def test_line_numbers_hold_across_blocks_and_long_blank_runs() -> None:
    # 3 MiB of blank lines spans several read blocks; the rows after it keep their numbers
    row = json.dumps({"id": "late", "text": "A row after a long gap."}).encode()
    data = b"\n" * (3 << 20) + row + b"\n  \r\n" + row.replace(b"late", b"later")
    docs = _read(data)
    assert [(d.id, d.source) for d in docs] == [
        ("late", f"feed.jsonl:{(3 << 20) + 1}"),
        ("later", f"feed.jsonl:{(3 << 20) + 3}"),
    ]


def test_an_overlong_line_across_blocks_is_measured_and_the_next_row_read() -> None:
    big = json.dumps({"text": "x" * (3 << 20)}).encode()
    data = _lines({"id": "a", "text": "First."}) + big + b"\n" + _lines({"id": "b", "text": "B."})
    first, refused, last = _read(data, settings=Settings(max_document_bytes=1 << 20))
    assert (first.id, last.id, last.source) == ("a", "b", "feed.jsonl:3")  # type: ignore[union-attr]
    assert isinstance(refused, Rejection)
    assert refused.reason == Reason.TOO_LARGE
    assert f"line of {len(big) + 1:,} bytes" in refused.message
    assert "raise it with --max-bytes" in refused.message


def test_a_last_line_without_a_newline_is_read() -> None:
    (doc,) = _read(b'\n\n{"id": "end", "text": "No newline at the end."}')
    assert (doc.id, doc.source) == ("end", "feed.jsonl:3")  # type: ignore[union-attr]
