"""The error tree, its messages, and how each error maps to a CLI exit code and an HTTP status.

Two kinds of failure are kept apart, as trafilatura and httpx do:

* a *bad document* (binary file, empty text, over a size limit) is not an exception that crosses
  the batch: readers and stages turn it into a :class:`Rejection` with a reason code from
  :class:`Reason`, and the batch goes on;
* a *programmer or environment error* (wrong argument type, unknown stage, unwritable store) is
  raised as one of the exceptions below, or a plain ``TypeError`` for a wrong argument type.

All user-facing message templates live in this module so that wording stays consistent.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class NewsloomError(Exception):
    """Base of every error newsloom raises on purpose."""

    exit_code: int = 1
    http_status: int = 500
    #: the error's name in `EXIT_CODES`, and the `code` of an API error body
    code: str = "error"


class InputError(NewsloomError):
    """An input (file, row, record, argument value) cannot be used."""

    exit_code = 3
    http_status = 422
    code = "input"


class RejectDocument(InputError):
    """Raised inside a reader or a stage to turn the current document into a Rejection."""

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class ConfigError(NewsloomError):
    """Settings or a pipeline definition are wrong; found when they are built, not while running."""

    exit_code = 2
    http_status = 400
    code = "usage"


class StageError(NewsloomError):
    """A pipeline stage failed on a document for a reason that is not the document's fault."""

    exit_code = 4
    http_status = 500
    code = "stage"


class StoreError(NewsloomError):
    """The store cannot be opened, migrated, read or written."""

    exit_code = 5
    http_status = 503
    code = "store"


class EvalError(NewsloomError):
    """A gold set is missing or malformed."""

    exit_code = 6
    http_status = 422
    code = "eval"


class OutputError(NewsloomError):
    """An output file (an export, a report) cannot be written; what is stored is kept."""

    exit_code = 8
    http_status = 500


class NotFound(NewsloomError):
    """A requested article, story or path does not exist."""

    exit_code = 7
    http_status = 404
    code = "not_found"


class Forbidden(NewsloomError):
    """A request the server refuses to carry out: a write without the token, a cross-site
    write (HTTP only; the command line has no such case)."""

    http_status = 403
    code = "forbidden"


class BodyTooLarge(InputError):
    """A request body over the server's cap (HTTP only)."""

    http_status = 413
    code = "too_large"


#: Exit codes of the ``newsloom`` command, documented in the README.
EXIT_CODES: dict[str, int] = {
    "ok": 0,
    "error": NewsloomError.exit_code,
    "usage": ConfigError.exit_code,
    "input": InputError.exit_code,
    "stage": StageError.exit_code,
    "store": StoreError.exit_code,
    "eval": EvalError.exit_code,
    "not_found": NotFound.exit_code,
    "output": OutputError.exit_code,
    # the run finished but some documents were rejected (only with --strict)
    "rejected": 10,
    "interrupted": 130,
}


class Reason(StrEnum):
    """Why a document was rejected. The value is the stable code stored and printed."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    EMPTY = "empty"
    ENCODING = "encoding"
    BAD_JSON = "bad_json"
    NO_TEXT_FIELD = "no_text_field"
    TRUNCATED_ARCHIVE = "truncated_archive"
    #: bytes inside an archive that are not a readable record; the records after them are read
    DAMAGED = "damaged_archive"
    NOT_WARC = "not_warc"
    UNSUPPORTED = "unsupported_format"
    NO_CONTENT = "no_content"
    TIMEOUT = "timeout"
    STAGE_FAILED = "stage_failed"
    #: the process analysing it died (a crash in a native library, the OOM killer)
    WORKER_DIED = "worker_died"
    #: the store already holds this content under another id (the article is not written again)
    DUPLICATE = "duplicate"
    #: the id is already used in the store by a different content (the article is not written)
    ID_CONFLICT = "id_conflict"
    #: a FIFO, device or socket: reading one could block forever or never end
    NOT_REGULAR = "not_regular_file"


#: One message template per reason; ``{source}`` names the file (and row or record).
MESSAGES: dict[Reason, str] = {
    Reason.NOT_FOUND: "{source}: no such file or directory",
    Reason.NOT_REGULAR: "{source}: is a {detail}, not a regular file; only files are read",
    Reason.UNREADABLE: "{source}: cannot be read ({detail})",
    Reason.TOO_LARGE: "{source}: {detail}",
    Reason.BINARY: "{source}: looks like a binary file ({detail}), not an article",
    Reason.EMPTY: "{source}: is empty or holds only whitespace, control or invisible characters",
    Reason.ENCODING: "{source}: text cannot be decoded ({detail})",
    Reason.BAD_JSON: "{source}: is not a JSON object ({detail})",
    Reason.NO_TEXT_FIELD: "{source}: row has neither 'text' nor 'html'",
    Reason.TRUNCATED_ARCHIVE: (
        "{source}: ends early ({detail}); the records read before the break are kept"
    ),
    Reason.DAMAGED: "{source}: damaged data skipped ({detail}); the records after it are read",
    Reason.NOT_WARC: "{source}: is not a WARC file ({detail})",
    Reason.UNSUPPORTED: "{source}: unsupported input format ({detail})",
    Reason.NO_CONTENT: "{source}: no article text found ({detail})",
    Reason.TIMEOUT: "{source}: took longer than {detail}",
    Reason.STAGE_FAILED: "{source}: stage failed ({detail})",
    Reason.WORKER_DIED: (
        "{source}: the worker process analysing it died ({detail}); the other documents go on"
    ),
    Reason.DUPLICATE: "{source}: same content as article {detail}, already stored",
    Reason.ID_CONFLICT: "{source}: id {detail} is already used by a different article in the store",
}


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that was not turned into an article, with the reason and a readable message."""

    source: str
    reason: Reason
    detail: str = ""
    #: how many inputs this one row stands for: repeated rejections of one reason in one file
    #: are counted in a single row rather than listed by the million
    count: int = 1

    @property
    def message(self) -> str:
        text = MESSAGES[self.reason].format(source=self.source, detail=self.detail)
        return text if self.count == 1 else f"{text} ({self.count:,} inputs)"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source, "reason": str(self.reason), "message": self.message,
        }  # fmt: skip
        if self.count != 1:
            out["count"] = self.count
        return out


def reject(reason: Reason, detail: str = "") -> RejectDocument:
    """Build the exception a stage raises to reject its document (the pipeline records it)."""
    return RejectDocument(reason, detail)


class Msg:
    """Message templates for raised errors (not rejections)."""

    UNKNOWN_STAGE = "unknown stage {name!r}; registered stages: {known}"
    MISSING_REQUIREMENT = (
        "stage {stage!r} requires {field!r}, which no earlier stage assigns (pipeline: {pipeline})"
    )
    DUPLICATE_STAGE = "stage {name!r} is registered twice"
    BAD_SETTING = "setting {name!r} must be {expected}, got {value!r}"
    STORE_OPEN = "cannot open the store at {path}: {detail}"
    STORE_BUSY = (
        "the store at {path} is open in another process (PID {pid}), most likely an ingest: "
        "DuckDB lets no other process open a store, even to read, while one writes to it. "
        "Run the command again when that process ends, or read through that process "
        "(`newsloom serve` owns its store and answers reads while it writes)"
    )
    STORE_READ_ONLY = "the store at {path} is open read-only; writes go through one writer process"
    STORE_NEWER = (
        "the store at {path} has schema version {found}, newer than this newsloom ({known})"
    )
    STORE_FAILED = "the store at {path}: {detail}"
    STORE_OLDER = (
        "the store at {path} has schema version {found}, older than this newsloom ({known}); "
        "open it once for writing to migrate it"
    )
    NO_ARTICLE = "no article with id {id!r} in {path}"
    GOLD_MISSING = "{path}: not a gold set (expected {expected})"
    EXPORT_FORMAT = "unknown export format {fmt!r}; choose one of {known}"
    OUTPUT_IS_STORE = "refusing to write {path}: it is the store {store} (or its WAL)"
    OUTPUT_FAILED = "cannot write {path}: {detail}"
    OUTPUT_FOLDER = "cannot write {path}: {folder} is not an existing folder"
    STORE_FOLDER = "cannot create the folder {folder} for the store {path}: {detail}"
    BAD_FILTER = "{name} must be {expected}, got {value!r}"
    NO_STORE = "no store at {path}; run `newsloom ingest` first"
    TEXT_TYPE = "analyze() takes the article as str (text or HTML), got {type}"
    NO_STORY = "no story with id {id!r} in {path}"
    NO_JOB = "no ingest job {id!r} (jobs are kept until the server stops)"
    SERVE_HOST = "host {host!r} is not served here; allowed: {allowed} (see --allow-host)"
    SERVE_BODY = "the request body is over {limit} bytes; start the server with a larger cap"
    SERVE_TOKEN = "writing needs the token: send 'Authorization: Bearer <NEWSLOOM_TOKEN>'"
    SERVE_NO_TOKEN = (
        "writes are off: the server is exposed (--host {host}) and NEWSLOOM_TOKEN is not set"
    )
    SERVE_ORIGIN = "a write from another site is refused (Origin {origin!r})"
    SERVE_CONTENT_TYPE = (
        "content type {type!r} is not read; send text/plain, text/html or application/x-ndjson"
    )
    SERVE_EMPTY = "the request body is empty; send an article (text, HTML) or JSON Lines"
    # newsloom batch and ingest --shards
    INGEST_WHAT = "ingest takes input paths or --shards DIR (one of the two)"
    NO_SCHEDULER = "cannot reach the Dask scheduler at {address}: {detail}"
    PARTITIONS_FAILED = (
        "{failed} of {total} partitions failed (rerun the same command to retry them): {detail}"
    )
    NO_SHARDS = "no complete shard under {path}; run `newsloom batch ... --out {path}` first"
