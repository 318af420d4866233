"""Which files to read, and what format each one is.

Paths may be files or directories; a directory is walked recursively in sorted order (so two
runs over the same tree meet the files in the same order) and hidden files and directories are
skipped (editor swap files, `.git`). The format comes from the extension when it names one;
otherwise from the first bytes, which is also how standard input is read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from newsloom.errors import Reason, Rejection

Kind = Literal["text", "html", "jsonl", "warc", "arc"]

STDIN = "-"

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".arc": "arc",
}
_COMPRESSED = (".gz", ".gzip")

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|!--)[\s>/]", re.IGNORECASE
)
_UTF8_BOM = b"\xef\xbb\xbf"


def iter_paths(paths: Iterable[str | Path]) -> Iterator[str | Path | Rejection]:
    """Expand `paths` into files to read; "-" stays as is; a missing path becomes a Rejection."""
    if isinstance(paths, str | Path):
        raise TypeError("read_inputs takes an iterable of paths; wrap a single path in a list")
    for item in paths:
        if not isinstance(item, str | Path):
            raise TypeError(f"a path must be a str or Path, got {type(item).__name__}")
        if item == STDIN:
            yield STDIN
            continue
        path = Path(item)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield Rejection(str(path), Reason.NOT_FOUND)
            continue
        except OSError as exc:
            # a symbolic link loop is not "no such file": say what it is
            yield Rejection(str(path), Reason.UNREADABLE, exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    yield from sorted(found)


def kind_from_name(name: str) -> Kind | None:
    """The format an input's name announces (".jsonl.gz" is JSONL), or None to sniff it."""
    lower = name.lower()
    for ext in _COMPRESSED:
        if lower.endswith(ext):
            lower = lower[: -len(ext)]
            break
    return _EXTENSIONS.get(os.path.splitext(lower)[1])


def sniff_kind(head: bytes) -> Kind:
    """The format of an input from its first (decompressed) bytes."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"filedesc://"):
        return "arc"
    start = head.removeprefix(_UTF8_BOM).lstrip()
    if start.startswith(b"{"):
        return "jsonl"
    if looks_like_html(start[:2048].decode("latin-1")):
        return "html"
    return "text"


def looks_like_html(text: str) -> bool:
    """True when `text` starts as a web page does (a doctype, an <html> or a body tag)."""
    start = text.lstrip("\ufeff \t\r\n")
    if start[:5].lower() == "<?xml":
        return "<html" in start[:2048].lower()
    return bool(_HTML_START.match(start))
