"""Readers: files, directories and standard input to `Document` or `Rejection`.

`read_inputs` is the one entry point. It never raises for a bad input: a missing path, a binary
file, a broken JSON line or a cut-off archive each yields a `Rejection` naming the input and the
reason, and reading goes on with the next one. Sizes are checked before anything is parsed.

Formats: ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.warc``, ``.arc``, each possibly gzipped
(``.gz``); gzip is recognised by its magic bytes, whatever the name says. Other names, and "-"
for standard input, are sniffed from their first bytes.
"""

from __future__ import annotations

import io
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsloom.article import Document
from newsloom.errors import Reason, RejectDocument, Rejection
from newsloom.ingest.arc import read_arc
from newsloom.ingest.bounds import bounded
from newsloom.ingest.compressed import CappedGunzip, gunzip_stream, is_gzip
from newsloom.ingest.decode import HEAD_BYTES, sniff_binary
from newsloom.ingest.document import (
    NO_OVERRIDES,
    Overrides,
    document_from_bytes,
    document_from_row,
    document_from_text,
    too_large_detail,
)
from newsloom.ingest.files import STDIN, Kind, iter_paths, kind_from_name, sniff_kind
from newsloom.ingest.jsonl import read_jsonl
from newsloom.ingest.urls import outlet_from_url
from newsloom.ingest.warc import read_warc
from newsloom.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "Overrides",
    "document_from_row",
    "document_from_text",
    "outlet_from_url",
    "read_inputs",
]

STDIN_NAME = "<stdin>"


def read_inputs(
    paths: Iterable[str | Path],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
) -> Iterator[Document | Rejection]:
    """Every document in `paths` (files, directories walked recursively, "-" for stdin)."""
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be a Settings, got {type(settings).__name__}")
    if not isinstance(overrides, Overrides):
        raise TypeError(f"overrides must be an Overrides, got {type(overrides).__name__}")
    for item in iter_paths(paths):
        if isinstance(item, Rejection):
            yield item
        elif item == STDIN:
            yield from read_stream(
                _stdin(), STDIN_NAME, None, settings=settings, overrides=overrides
            )
        else:
            yield from _read_file(Path(item), settings, overrides)


def _read_file(
    path: Path, settings: Settings, overrides: Overrides
) -> Iterator[Document | Rejection]:
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # open() on a FIFO blocks until a writer comes; a device may never end
            yield Rejection(name, Reason.NOT_REGULAR, _file_kind(info.st_mode))
            return
        size = info.st_size
        if size == 0:
            yield Rejection(name, Reason.EMPTY)
            return
        kind = kind_from_name(path.name)
        if kind in ("text", "html") and not _gz_name(path) and size > settings.max_document_bytes:
            # One file, one document: refused by its size before a byte of it is read.
            yield Rejection(name, Reason.TOO_LARGE, too_large_detail(size, settings))
            return
        with path.open("rb") as fh:
            yield from read_stream(
                fh,
                name,
                kind,
                size=size,
                settings=settings,
                overrides=overrides,
            )
    except FileNotFoundError:
        yield Rejection(name, Reason.NOT_FOUND)
    except OSError as exc:
        yield Rejection(name, Reason.UNREADABLE, exc.strerror or str(exc))
    except (ValueError, LookupError, zlib.error) as exc:
        # A parser choking on one odd file must not stop the batch; the rest of this file is
        # lost, the next file is read.
        yield Rejection(name, Reason.UNREADABLE, f"{type(exc).__name__}: {exc}")


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "named pipe (FIFO)"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISDIR, "directory"),
    ):
        if test(mode):
            return kind
    return "special file"


def read_stream(
    stream: BinaryIO,
    name: str,
    kind: Kind | None,
    *,
    size: int | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
) -> Iterator[Document | Rejection]:
    """Documents from one open binary stream; `kind` None sniffs it, `size` is known or None."""
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(HEAD_BYTES)[:HEAD_BYTES]
    gunzip: CappedGunzip | None = None
    if is_gzip(head):
        buffered, gunzip = gunzip_stream(buffered, settings.max_decompressed_bytes)
        head = buffered.peek(HEAD_BYTES)[:HEAD_BYTES]
        size = None
    cut_reported = False
    for item in _dispatch(buffered, head, name, kind, size, settings, overrides, gunzip):
        if isinstance(item, Rejection) and item.source == name:
            cut_reported = cut_reported or item.reason == Reason.TRUNCATED_ARCHIVE
        yield item
    if gunzip is not None and gunzip.problem is not None and not cut_reported:
        yield Rejection(name, *gunzip.problem)


def _dispatch(
    stream: BinaryIO,
    head: bytes,
    name: str,
    kind: Kind | None,
    size: int | None,
    settings: Settings,
    overrides: Overrides,
    gunzip: CappedGunzip | None,
) -> Iterator[Document | Rejection]:
    if not head:
        if gunzip is None or gunzip.problem is None:
            yield Rejection(name, Reason.EMPTY)
        return
    # An archive is known by its first bytes whatever its name (a .warc may hold an ARC file).
    archive = _archive_kind(head)
    if archive is not None:
        kind = archive
    elif kind in ("warc", "arc"):
        what = sniff_binary(head)
        detail = f"it looks like {what}" if what else "no 'WARC/' or 'filedesc://' at the start"
        yield Rejection(name, Reason.NOT_WARC, detail)
        return
    else:
        what = sniff_binary(head)
        if what is not None:
            yield Rejection(name, Reason.BINARY, what)
            return
        kind = kind or sniff_kind(head)
    readers = {"jsonl": read_jsonl, "warc": read_warc, "arc": read_arc}
    if kind in readers:
        if kind == "warc" and gunzip is not None:
            # one record per gzip member: corrupt data costs a record, not the rest of the file
            gunzip.resync = True
            items = read_warc(stream, name, settings=settings, overrides=overrides,
                              segments=gunzip)  # fmt: skip
        else:
            items = readers[kind](stream, name, settings=settings, overrides=overrides)
        yield from bounded(items, name, settings)
        return
    yield from _single(stream, name, kind, size, settings, overrides, gunzip)


def _single(
    stream: BinaryIO,
    name: str,
    kind: Kind,
    size: int | None,
    settings: Settings,
    overrides: Overrides,
    gunzip: CappedGunzip | None,
) -> Iterator[Document | Rejection]:
    """One file, one document: refused by its size before it is read when the size is known."""
    limit = settings.max_document_bytes
    if size is not None and size > limit:
        yield Rejection(name, Reason.TOO_LARGE, too_large_detail(size, settings))
        return
    data = stream.read(limit + 1)
    if gunzip is not None and gunzip.problem is not None:
        return  # the caller reports the cut or the cap; a partial document is not kept
    if len(data) > limit:
        yield Rejection(name, Reason.TOO_LARGE, too_large_detail(len(data), settings, "at least "))
        return
    try:
        yield document_from_bytes(
            data,
            name,
            "html" if kind == "html" else "text",
            settings=settings,
            overrides=overrides,
        )
    except RejectDocument as exc:
        yield Rejection(name, exc.reason, exc.detail)


def _gz_name(path: Path) -> bool:
    return path.name.lower().endswith((".gz", ".gzip"))


def _archive_kind(head: bytes) -> Kind | None:
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"filedesc://"):
        return "arc"
    return None


def _stdin() -> BinaryIO:
    return getattr(sys.stdin, "buffer", sys.stdin)  # type: ignore[return-value]
