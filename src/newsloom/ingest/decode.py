"""Bytes to text: binary sniffing first, then UTF-8, a declared charset, or detection.

Scraped news arrives in every encoding the web has used. The order follows what browsers do:
a byte-order mark wins; then UTF-8 (most pages today, and the only encoding in which random
non-ASCII bytes almost never decode cleanly); then the charset the page or the HTTP header
declares; then statistical detection with charset-normalizer. Detection alone confuses the
Western code pages (cp1252 text comes back as cp1250, "naïve" as "naďve"), so among the Latin
single-byte candidates cp1252, the web's default fallback, wins unless it puts symbols inside
words, which is what a wrong Latin code page does ("Za¿ó³æ" for Polish cp1250).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from newsloom.errors import Reason, reject

#: Bytes looked at to decide that a file is binary or to find a declared charset.
HEAD_BYTES = 8192

# (prefix, offset, what it is); checked in order on the first bytes of a file.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive (or .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", 0, "ZIP archive (empty)"),
    (b"PK\x07\x08", 0, "ZIP archive (spanned)"),
    (b"\x1f\x8b", 0, "gzip data"),
    (b"\xfd7zXZ\x00", 0, "xz data"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"BZh", 0, "bzip2 data"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "MS Office (OLE2) document"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"PAR1", 0, "Parquet file"),
    (b"RIFF", 0, "RIFF media (WebP, WAV or AVI)"),
    (b"ftyp", 4, "ISO media (MP4, MOV or HEIC)"),
    (b"OggS", 0, "Ogg media"),
    (b"ID3", 0, "MP3 audio"),
    (b"fLaC", 0, "FLAC audio"),
    (b"wOFF", 0, "WOFF font"),
    (b"wOF2", 0, "WOFF2 font"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"\xca\xfe\xba\xbe", 0, "Java class or Mach-O binary"),
)
_BZIP2 = re.compile(rb"^BZh[1-9]1AY&SY")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text (tab, newlines, form feed and ESC do).
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
#: the same bytes as a deletion table for `bytes.translate`: counted in C, not byte by byte
_CONTROL_TABLE = bytes(sorted(_CONTROL_BYTES))

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)

# Labels whose bytes are better read with a superset, as browsers do (WHATWG Encoding).
_SUPERSET = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "iso8859_9": "cp1254",
    "tis_620": "cp874",
}

#: Single-byte code pages for Latin scripts, between which detection is unreliable.
_LATIN_FAMILY = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "hp_roman8",
    }
)
# Non-letters a correct Latin decoding does put next to letters.
_WORD_PUNCT = frozenset("’‘'`·-‐‑–—.,;:!?\"“”„«»()[]/…%")

#: Share of control or unassigned characters above which a decoding is not text.
_MAX_UNPRINTABLE = 0.02


def sniff_binary(head: bytes) -> str | None:
    """What `head` (the first bytes of an input) looks like if it is not text, else None."""
    if not isinstance(head, bytes | bytearray | memoryview):
        raise TypeError(f"sniff_binary takes bytes, got {type(head).__name__}")
    head = bytes(head[:HEAD_BYTES])
    for magic, offset, what in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            if magic == b"BZh" and not _BZIP2.match(head):
                continue
            return what
    if _bom_codec(head) is not None or utf16_without_bom(head) is not None:
        return None
    if b"\x00" in head:
        return "data with NUL bytes"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_TABLE))
        if controls / len(head) > 0.05:
            return "data of mostly control bytes"
    return None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if any."""
    head = bytes(head[:HEAD_BYTES])
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def codec_for(label: str | None) -> str | None:
    """Python codec name for a charset label, widened to the superset browsers use."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    return _SUPERSET.get(name, name)


def decode_bytes(data: bytes, *, charset: str | None = None) -> str:
    """Decode one document; raise a BINARY or ENCODING rejection when it is not text.

    `charset` is a charset declared outside the bytes (an HTTP header, a command-line option);
    one declared inside an HTML page is found here.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"decode_bytes takes bytes, got {type(data).__name__}")
    data = bytes(data)
    what = sniff_binary(data[:HEAD_BYTES])
    if what is not None:
        raise reject(Reason.BINARY, what)
    bom = _bom_codec(data)
    if bom is not None:
        codec, size = bom
        try:
            return _checked(data[size:].decode(codec), codec)
        except UnicodeDecodeError as exc:
            raise reject(Reason.ENCODING, f"invalid {codec} after its byte-order mark") from exc
    utf16 = utf16_without_bom(data[:HEAD_BYTES])
    if utf16 is not None:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError as exc:
            raise reject(Reason.ENCODING, f"looks like {utf16} without a byte-order mark, "
                         "but does not decode as it") from exc  # fmt: skip
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    tried = ["utf-8"]
    for label in (charset, declared_charset(data[:HEAD_BYTES])):
        codec = codec_for(label)
        if codec is None or codec.startswith(("utf_8", "utf_16", "utf_32")) or codec in tried:
            continue
        tried.append(codec)
        try:
            return _checked(data.decode(codec), codec)
        except (UnicodeDecodeError, ValueError):
            continue
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _detected(data, tried)


def utf16_without_bom(head: bytes) -> str | None:
    """"utf_16_le" or "utf_16_be" when `head` looks like UTF-16 text with no byte-order mark.

    Text in a Latin script written as UTF-16 has a NUL in every other byte, always on the same
    side: binary data has NULs on both. Without this test such a file reads as binary.
    """
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.7 * pairs and even <= 0.02 * pairs:
        return "utf_16_le"
    if even >= 0.7 * pairs and odd <= 0.02 * pairs:
        return "utf_16_be"
    return None


def _bom_codec(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut at a character, one stray byte) stays UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # characters past ASCII: what the ASCII encoder drops (counted in C)
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    if good > 0 and good >= 3 * bad:
        return text
    return None


def _detected(data: bytes, tried: list[str]) -> str:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise reject(
            Reason.ENCODING, f"no character set fits (tried {', '.join(tried)}, detection)"
        )
    codec = codec_for(best.encoding) or best.encoding
    if codec not in _LATIN_FAMILY:
        return _checked(str(best), codec)
    candidates = ["cp1252"] + [m.encoding for m in results if m.encoding in _LATIN_FAMILY]
    decoded: list[tuple[int, int, str, str]] = []
    for rank, name in enumerate(dict.fromkeys(candidates)):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        decoded.append((_latin_oddity(text), rank, name, text))
    if not decoded:
        return _checked(str(best), codec)
    _, _, name, text = min(decoded)
    return _checked(text, name)


def _latin_oddity(text: str) -> int:
    """Symbols glued to letters: the trace of a wrong Latin code page ("Za¿ó³æ")."""
    odd = 0
    for i, ch in enumerate(text):
        if ord(ch) < 0x80 or ch in _WORD_PUNCT or ch.isalpha() or ch.isspace():
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() or after.isalpha():
            odd += 1
    return odd


def _checked(text: str, codec: str) -> str:
    """Refuse a decoding that yields mostly control or unassigned characters."""
    if text:
        sample = text[: HEAD_BYTES * 4]
        # printable ASCII and the usual whitespace never are: only the rest is looked up
        bad = sum(1 for ch in _MAYBE_UNPRINTABLE.findall(sample) if _unprintable(ch))
        if bad / len(sample) > _MAX_UNPRINTABLE:
            raise reject(
                Reason.ENCODING,
                f"decodes as {codec} but {bad} of {len(sample)} characters are control codes",
            )
    return text


_MAYBE_UNPRINTABLE = re.compile(r"[^\x20-\x7e\t\n\r\f\v]")


def _unprintable(ch: str) -> bool:
    if ch in "\t\n\r\f\v\x1b":
        return False
    return unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"} or ch == "\ufffd"
