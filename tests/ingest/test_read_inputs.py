"""read_inputs: every kind of bad input becomes a Rejection, and reading goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from newsloom.article import Document
from newsloom.errors import Reason, Rejection
from newsloom.hashing import content_hash, content_id
from newsloom.ingest import Overrides, document_from_text, read_inputs
from newsloom.ingest.files import kind_from_name, looks_like_html, sniff_kind
from newsloom.settings import Settings

STORY = "LONDON (Reuters) - Britain formally began its exit from the EU on Wednesday.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"


def read(*paths: object, **kw: object) -> list[Document | Rejection]:
    return list(read_inputs([*paths], **kw))  # type: ignore[arg-type]


def only(items: list[Document | Rejection]) -> Document | Rejection:
    assert len(items) == 1, items
    return items[0]


def rejected(item: Document | Rejection, reason: Reason, path: Path) -> Rejection:
    assert isinstance(item, Rejection), item
    assert item.reason == reason
    assert str(path) in item.message
    return item


def test_a_text_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert (doc.raw, doc.format, doc.source) == (STORY, "text", str(path))
    assert doc.content_hash == content_hash(STORY)
    assert doc.id == content_id(STORY)  # no id given: derived from the content
    assert doc.url is None and doc.outlet is None and doc.published is None


def test_the_same_text_twice_has_the_same_hash_and_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    a, b = read(tmp_path)
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.content_hash == b.content_hash and a.id == b.id
    assert a.source != b.source


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("photo.txt", PNG, "PNG"),
        ("report.html", b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj\n<</Type/Catalog>>\n", "PDF"),
        ("bundle.txt", None, "ZIP"),
        ("blob.dat", bytes(range(256)) * 4, "NUL"),
        ("feed.jsonl", PNG, "PNG"),
    ],
)
def test_binary_files_are_rejected_naming_what_they_look_like(
    tmp_path: Path, name: str, content: bytes | None, what: str
) -> None:
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("article.txt", STORY)
    else:
        path.write_bytes(content)
    rej = rejected(only(read(path)), Reason.BINARY, path)
    assert what in rej.detail


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_files_are_rejected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    rejected(only(read(path)), Reason.EMPTY, path)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("The café’s owner said “we will reopen” — naïve, but €5 coffees sell.", "cp1252"),
        ("北京时间周三，国务院新闻办公室举行发布会，介绍经济运行情况。", "gb18030"),
        ("Zürich’s council “approved” the plan.", "utf-8-sig"),
    ],
)
def test_legacy_encodings_decode_correctly(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.raw == text


def test_undecodable_bytes_are_an_encoding_rejection(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes((i * 37 + 11) % 128 + 128 for i in range(900)))
    rejected(only(read(path)), Reason.ENCODING, path)


def test_a_50_mb_single_line_text_file_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        chunk = b"word" * (1 << 18)  # 1 MiB, no newline anywhere
        for _ in range(50):
            fh.write(chunk)
    tracemalloc.start()
    try:
        out = read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    rej = rejected(only(out), Reason.TOO_LARGE, path)
    assert "52,428,800 bytes" in rej.detail and "max_document_bytes" in rej.detail
    assert peak < 1024 * 1024  # refused from its size: the content was never read


def test_a_50_mb_single_line_jsonl_is_refused_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    chunk = b"x" * (1 << 20)
    with path.open("wb") as fh:
        fh.write(b'{"text": "')
        for _ in range(50):
            fh.write(chunk)
        fh.write(b'"}\n' + json.dumps({"id": "after", "text": "Still read."}).encode() + b"\n")
    settings = Settings(max_document_bytes=1024 * 1024)
    tracemalloc.start()
    try:
        out = read(path, settings=settings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(out[0], Rejection) and out[0].reason == Reason.TOO_LARGE
    assert out[0].source == f"{path}:1"
    assert isinstance(out[1], Document) and out[1].id == "after"
    assert peak < 8 * 1024 * 1024  # a bounded line buffer, never the 50 MB line


def test_html_with_only_scripts_and_styles_is_accepted_by_the_reader(tmp_path: Path) -> None:
    html = (
        "<!DOCTYPE html><html><head><style>body{color:red}</style>"
        "<script>var a = 1;</script></head><body><script>track()</script></body></html>"
    )
    path = tmp_path / "empty-page.html"
    path.write_text(html, encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.format == "html" and doc.raw == html


def test_a_truncated_jsonl_gz_keeps_the_rows_before_the_break(tmp_path: Path) -> None:
    rows = b"".join(
        json.dumps(
            {"id": f"r{i}", "text": f"Row number {i} of the feed, with some words."}
        ).encode()
        + b"\n"
        for i in range(400)
    )
    data = gzip.compress(rows)
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    out = read(path)
    docs = [x for x in out if isinstance(x, Document)]
    assert 0 < len(docs) < 400
    assert [d.id for d in docs] == [f"r{i}" for i in range(len(docs))]
    last = out[-1]
    rejected(last, Reason.TRUNCATED_ARCHIVE, path)
    # the row cut in the middle is reported as broken JSON, every other row is whole
    assert all(
        x.reason in (Reason.BAD_JSON, Reason.TRUNCATED_ARCHIVE)
        for x in out
        if isinstance(x, Rejection)
    )


def test_a_truncated_txt_gz_is_not_kept_as_a_partial_document(tmp_path: Path) -> None:
    data = gzip.compress((STORY * 300).encode())
    path = tmp_path / "story.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    rejected(only(read(path)), Reason.TRUNCATED_ARCHIVE, path)


def test_gzipped_text_and_html_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    a, b = read(tmp_path)
    assert isinstance(a, Document) and a.raw == STORY and a.format == "text"
    assert isinstance(b, Document) and b.format == "html"


def test_a_gzip_bomb_stops_at_max_decompressed_bytes(tmp_path: Path) -> None:
    line = json.dumps({"text": "A row of the feed."}).encode() + b"\n"
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(line * 50_000))
    out = read(path, settings=Settings(max_decompressed_bytes=len(line) * 10 + 5))
    assert sum(isinstance(x, Document) for x in out) == 10
    rej = rejected(out[-1], Reason.TOO_LARGE, path)
    assert "max_decompressed_bytes" in rej.detail


def test_a_missing_path_is_not_found_and_reading_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    out = read(missing, good)
    rejected(out[0], Reason.NOT_FOUND, missing)
    assert isinstance(out[1], Document)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    try:
        rejected(only(read(path)), Reason.UNREADABLE, path)
    finally:
        path.chmod(0o600)


def test_every_bad_input_is_reported_and_the_good_ones_still_come_out(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "2.png").write_bytes(PNG)
    (tmp_path / "3.txt").write_text("  ", encoding="utf-8")
    (tmp_path / "4.warc").write_text("not an archive", encoding="utf-8")
    (tmp_path / "5.html").write_text("<html><body><p>Page</p></body></html>", encoding="utf-8")
    out = read(tmp_path)
    kinds = [x.reason if isinstance(x, Rejection) else x.format for x in out]
    assert kinds == ["text", Reason.BINARY, Reason.EMPTY, Reason.NOT_WARC, "html"]


def test_directories_are_walked_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/x.txt", "a/.swp.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Text of {rel}.", encoding="utf-8")
    out = read(tmp_path)
    assert [Path(x.source).relative_to(tmp_path).as_posix() for x in out] == [
        "a/c.txt",
        "a/z.txt",
        "b.txt",
    ]


@pytest.mark.parametrize(
    ("data", "fmt", "n_docs"),
    [
        (b'{"id": "s1", "text": "From a pipe."}\n{"id": "s2", "text": "Second."}\n', "text", 2),
        (b"<!DOCTYPE html><html><body><p>From a pipe.</p></body></html>", "html", 1),
        (STORY.encode(), "text", 1),
        (gzip.compress(STORY.encode(), mtime=0), "text", 1),
    ],
)
def test_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, n_docs: int
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    out = read("-")
    assert len(out) == n_docs
    assert all(isinstance(x, Document) and x.format == fmt for x in out)
    assert out[0].source.startswith("<stdin>")


def test_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "a.page").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "b.story").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.feed").write_text('{"id": "c1", "text": "Row."}\n', encoding="utf-8")
    (tmp_path / "d.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    a, b, c, d = read(tmp_path)
    assert isinstance(a, Document) and a.format == "html"
    assert isinstance(b, Document) and b.format == "text"
    assert isinstance(c, Document) and c.id == "c1"
    assert isinstance(d, Rejection) and d.reason == Reason.BINARY


def test_overrides_apply_to_plain_files(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    over = Overrides(published="2017-03-29", url="https://www.reuters.com/article/x")
    doc = only(read(path, overrides=over))
    assert isinstance(doc, Document)
    assert (doc.published, doc.url, doc.outlet) == ("2017-03-29", over.url, "reuters.com")
    assert doc.declared["published"] == "2017-03-29"


def test_read_inputs_argument_types() -> None:
    with pytest.raises(TypeError):
        list(read_inputs("story.txt"))  # a bare str is a programmer error, not a list of chars
    with pytest.raises(TypeError):
        list(read_inputs([42]))  # type: ignore[list-item]
    with pytest.raises(TypeError):
        list(read_inputs([], overrides={"published": "2017"}))  # type: ignore[arg-type]


def test_document_from_text_sniffs_and_checks() -> None:
    html = document_from_text("<html><body>x</body></html>", "api")
    text = document_from_text(
        "Plain words.", "api", url="https://amp.theguardian.com/x", published="2018-07-16"
    )
    assert html.format == "html" and text.format == "text"
    assert text.outlet == "theguardian.com" and text.declared["published"] == "2018-07-16"
    with pytest.raises(TypeError):
        document_from_text(b"bytes", "api")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("A.HTM", "html"),
        ("feed.jsonl.gz", "jsonl"),
        ("x.warc.gz", "warc"),
        ("old.arc", "arc"),
        ("page.html.gzip", "html"),
        ("notes.md", None),
        ("data.gz", None),
    ],
)
def test_kind_from_name(name: str, expected: str | None) -> None:
    assert kind_from_name(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (b"filedesc://x.arc 0.0.0.0 2008", "arc"),
        (b'\xef\xbb\xbf  {"text": "x"}', "jsonl"),
        (b"<!DOCTYPE html>\n<html>", "html"),
        (b"  <html lang=en>", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (b"<b>Bold claim</b> opens this plain text", "text"),
        (b"Plain text about <html> tags.", "text"),
    ],
)
def test_sniff_kind(head: bytes, expected: str) -> None:
    assert sniff_kind(head) == expected


def test_looks_like_html() -> None:
    assert looks_like_html("\ufeff<!-- generated -->\n<html>")
    assert not looks_like_html("x < y and <p> later")


@pytest.mark.parametrize("make_special", ["fifo", "socket"])
def test_only_regular_files_are_read(tmp_path: Path, make_special: str) -> None:
    # a FIFO in an input folder used to block ingest forever (open() waits for a writer)
    import socket
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("A short article about a bridge that opened on Monday.")
    special = tmp_path / "b.txt"
    if make_special == "fifo":
        os.mkfifo(special)
    else:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(special))
    code = (
        "import sys; from newsloom.ingest import read_inputs; "
        "from newsloom.errors import Rejection; "
        f"out = list(read_inputs([{str(tmp_path)!r}])); "
        "print([(type(x).__name__, getattr(x, 'reason', '')) for x in out])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "('Document', '')" in done.stdout
    assert "not_regular_file" in done.stdout


def test_a_symbolic_link_loop_is_named_as_such_not_as_a_missing_file(tmp_path: Path) -> None:
    # issue 15, item 16
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    loop, dangling = read_inputs([tmp_path / "a", tmp_path / "gone"])
    assert isinstance(loop, Rejection) and loop.reason == Reason.UNREADABLE
    assert "symbolic links" in loop.message
    assert isinstance(dangling, Rejection) and dangling.reason == Reason.NOT_FOUND
