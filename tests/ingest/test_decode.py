"""Bytes to text: binary sniffing, UTF-8, declared charsets, legacy encodings, garbage."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from newsloom.errors import Reason, RejectDocument
from newsloom.ingest.decode import codec_for, declared_charset, decode_bytes, sniff_binary


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("story.txt", "The minister said the plan was final.")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (_zip_bytes(), "ZIP archive (or .docx/.xlsx/.epub)"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
        (b"BZh91AY&SY\x00\x01", "bzip2 data"),
        (b"some words\x00\x00more", "data with NUL bytes"),
        (bytes(range(1, 9)) * 20, "data of mostly control bytes"),
        (b"BZh is how the article starts", None),
        (b"Plain news text.\nSecond line.", None),
        (b"\xff\xfeH\x00i\x00", None),  # UTF-16 with its byte-order mark is text
        (b"", None),
    ],
)
def test_sniff_binary(head: bytes, expected: str | None) -> None:
    assert sniff_binary(head) == expected


ARTICLE_FR = "Le café’s owner said “we will reopen” — naïve hopes, but €5 coffees sell."
ARTICLE_DE = "Die Bürger müssen sich auf höhere Preise einstellen, sagte der Minister in Köln."
ARTICLE_PL = "Rząd przyjął w środę projekt ustawy o szkolnictwie wyższym, zażółć gęślą jaźń."
ARTICLE_ZH = "北京时间周三，国务院新闻办公室举行发布会，介绍今年前三季度经济运行情况。"
ARTICLE_RU = "Президент России заявил журналистам в Кремле во вторник, что переговоры продолжатся."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ARTICLE_FR, "utf-8"),
        (ARTICLE_FR, "utf-8-sig"),
        (ARTICLE_FR, "utf-16"),
        (ARTICLE_FR, "cp1252"),
        ("Café “Zürich” – 5 €", "cp1252"),
        (ARTICLE_DE, "latin-1"),
        (ARTICLE_DE, "cp1252"),
        (ARTICLE_PL, "cp1250"),
        (ARTICLE_ZH, "gb18030"),
        ("中国新闻网报道", "gb18030"),
        (ARTICLE_RU, "cp1251"),
    ],
)
def test_decode_legacy_encodings_come_out_right(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_declared_html_charset_is_used_when_utf8_fails() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Кремль</body></html>'
    assert "Кремль" in decode_bytes(html.encode("cp1251"))


def test_header_charset_argument_is_used_when_utf8_fails() -> None:
    text = "Zürich: “Die Bürger”"
    assert decode_bytes(text.encode("cp1252"), charset="ISO-8859-1") == text


def test_a_wrong_declared_charset_falls_back_to_detection() -> None:
    html = '<meta charset="utf-16"><p>' + ARTICLE_ZH + "</p>"
    assert ARTICLE_ZH in decode_bytes(html.encode("gb18030"))


def test_mostly_utf8_with_one_stray_byte_stays_utf8() -> None:
    data = ("Größe “über” Straße — " * 3).encode("utf-8") + b"\xff end"
    assert decode_bytes(data).startswith("Größe “über” Straße")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_garbage_bytes_are_an_encoding_rejection(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    with pytest.raises(RejectDocument) as info:
        decode_bytes(data)
    assert info.value.reason == Reason.ENCODING


def test_binary_bytes_are_a_binary_rejection_naming_the_kind() -> None:
    with pytest.raises(RejectDocument) as info:
        decode_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    assert info.value.reason == Reason.BINARY
    assert "PDF" in info.value.detail


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<html><head><meta charset="iso-8859-1">', "iso-8859-1"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "GB2312"),
        (b'<?xml version="1.0" encoding="windows-1252"?><html>', "windows-1252"),
        (b"<html><head><title>No charset</title>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("iso-8859-1", "cp1252"),
        ("US-ASCII", "cp1252"),
        ("gb2312", "gb18030"),
        ("GBK", "gb18030"),
        ("windows-1251", "cp1251"),
        ("utf-8", "utf_8"),
        ("no-such-charset", None),
        (None, None),
    ],
)
def test_codec_for(label: str | None, expected: str | None) -> None:
    assert codec_for(label) == expected


def test_decode_bytes_rejects_str() -> None:
    with pytest.raises(TypeError):
        decode_bytes("already text")  # type: ignore[arg-type]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Ministers met in Lisbon on Monday. Talks will resume next week, officials said.",
        "Le ministre a parlé lundi à Genève ; les négociations reprendront la semaine prochaine.",
        "<html><body><p>The council voted 7-2 on Tuesday night.</p></body></html>",
    ],
)
def test_utf16_without_a_byte_order_mark_is_text_not_binary(codec: str, text: str) -> None:
    # issue 15, item 16: such a file was "a binary file (data with NUL bytes)"
    data = text.encode(codec)
    assert sniff_binary(data) is None
    assert decode_bytes(data) == text


def test_nul_bytes_on_both_sides_are_still_binary() -> None:
    data = bytes(range(256)) * 4
    assert sniff_binary(data) is not None
