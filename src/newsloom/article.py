"""The objects that flow through newsloom: a `Document` from ingest, an `Article` after it.

Everything here is a frozen dataclass. A stage never mutates an article; it returns a new one
with `dataclasses.replace`, which keeps the per-article path a pure function of one document and
safe to map over batch workers.

Offsets: every annotation holds character offsets into `Article.text`, the clean body. The clean
body is `source_text` with some lines and sentences taken out; `segments` records which slices of
`source_text` were kept, so `Article.source_offset` maps any offset back to the extracted text
(and, for plain-text input, to the input itself) and a story can cite the characters it came from.

`Article.to_dict` produces the public contract of `newsloom analyze` (see DESIGN.md).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from newsloom.analyse.parse import Parse

Format = Literal["text", "html"]
DateBasis = Literal["declared", "metadata", "url", "dateline", "inferred", "none"]



class FrozenMap(Mapping[str, Any]):
    """A read-only mapping that pickles (MappingProxyType does not), for batch workers."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data = dict(data or {})

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[type, tuple[dict[str, Any]]]:
        return (FrozenMap, (self._data,))


def _empty() -> Mapping[str, Any]:
    return FrozenMap()


def _freeze(obj: Any, *names: str) -> None:
    # Any mapping given (a dict, a MappingProxyType) becomes a picklable read-only FrozenMap.
    for name in names:
        value = getattr(obj, name)
        if not isinstance(value, FrozenMap):
            object.__setattr__(obj, name, FrozenMap(value))


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as read: bytes decoded, nothing interpreted yet.

    `declared` holds metadata the input states about itself (JSONL fields, WARC headers,
    command-line overrides); it is trusted more than anything found in the text.
    """

    id: str
    source: str
    format: Format
    raw: str
    content_hash: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    declared: Mapping[str, Any] = field(default_factory=_empty)

    def __post_init__(self) -> None:
        _freeze(self, "declared")


@dataclass(frozen=True, slots=True)
class Removed:
    """A line or sentence taken out of the body, and why (offsets into `source_text`)."""

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Span:
    """A flagged piece of the body (offsets into `text`), with a note saying what it is."""

    text: str
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class RepeatedSentence:
    text: str
    count: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SpunMarker:
    """A wording typical of machine-"spun" copies: `text` where a wire would say `standard`."""

    text: str
    standard: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Credit:
    """A name from a credits line: `role` is source, image, reporting, editing, writing, ..."""

    role: str
    name: str


@dataclass(frozen=True, slots=True)
class Quality:
    repeated_sentences: tuple[RepeatedSentence, ...] = ()
    truncated_sentences: tuple[Span, ...] = ()
    spun_markers: tuple[SpunMarker, ...] = ()
    credits: tuple[Credit, ...] = ()
    #: the excerpt stops before the article ends (mid-sentence at the very end)
    truncated: bool | None = None


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date and where it came from. `value` is ISO (`YYYY-MM-DD` or `YYYY-MM`)."""

    value: str | None = None
    basis: DateBasis = "none"
    confidence: float = 0.0
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str
    canonical: str | None = None
    actor_code: str | None = None
    #: "name" ("Vladimir Putin", "Putin") or "description" ("the Russian president"): a
    #: description is a mention of the person its canonical name gives
    mention: str = "name"


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: Literal["direct", "partial", "indirect"]
    speaker: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    via: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class DateExpression:
    text: str
    start: int
    end: int
    value: str | None
    granularity: str


@dataclass(frozen=True, slots=True)
class Event:
    sentence: str
    start: int
    actor: str | None
    actor_code: str | None
    cameo: str
    target: str | None = None
    target_code: str | None = None
    date: str | None = None
    modality: str = "asserted"
    confidence: float = 0.0
    #: a mutual event (a call, a meeting, a joint signing): actor and target interchangeable
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class Skip:
    """A stage that did not run on this article, and why (for instance its language)."""

    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """The central object: one article and everything newsloom found in it."""

    id: str
    source: str
    format: Format
    content_hash: str
    raw: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    lang: str | None = None
    #: how `lang` was decided: "model", "common_words" (the model was unsure), "model_unsure"
    lang_basis: str | None = None
    author: str | None = None
    sitename: str | None = None
    declared: Mapping[str, Any] = field(default_factory=_empty)
    #: metadata found in the page itself by extraction (HTML meta tags, JSON-LD): date, ...
    page_meta: Mapping[str, Any] = field(default_factory=_empty)
    #: text after extraction and character repair, before lines and sentences are removed
    source_text: str = ""
    #: the clean body
    text: str = ""
    #: kept slices as (text_start, source_start, length), sorted by text_start
    segments: tuple[tuple[int, int, int], ...] = ()
    removed: tuple[Removed, ...] = ()
    quality: Quality = field(default_factory=Quality)
    published: Published = field(default_factory=Published)
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateExpression, ...] = ()
    events: tuple[Event, ...] = ()
    skipped: tuple[Skip, ...] = ()
    #: the spaCy parse of `text` (tokens, sentences, entity spans) for the analysis stages;
    #: plain picklable data, left out of `to_dict` and of equality (see analyse.parse)
    parse: Parse | None = field(default=None, compare=False, repr=False)
    #: the people index the entities stage built from `parse` (analyse.entities.People), kept
    #: for the quotes stage so that it is not built twice; like `parse`, never stored
    people: Any = field(default=None, compare=False, repr=False)
    #: an HTML page flattened into lines (`clean.linehtml.Block`, with trafilatura's verdict
    #: on each), when the clean stage judges the page's lines with the markup line model;
    #: `source_text` is then those lines. Working data like `parse`, never stored
    page_lines: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _freeze(self, "declared", "page_meta")

    @classmethod
    def from_document(cls, doc: Document) -> Article:
        return cls(
            id=doc.id,
            source=doc.source,
            format=doc.format,
            content_hash=doc.content_hash,
            raw=doc.raw,
            url=doc.url,
            outlet=doc.outlet,
            title=doc.title,
            declared=doc.declared,
        )

    def source_offset(self, offset: int) -> int:
        """Map an offset in `text` to the matching offset in `source_text`."""
        if not self.segments:
            return offset
        starts = [seg[0] for seg in self.segments]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        text_start, source_start, length = self.segments[i]
        return source_start + min(offset - text_start, length)

    def to_dict(self, *, include_raw: bool = False) -> dict[str, Any]:
        """The public JSON form (DESIGN.md's output contract), plus a few extra fields."""
        q = self.quality
        out: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "lang": self.lang,
            "lang_basis": self.lang_basis,
            "published": asdict(self.published),
            "text": self.text,
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
            "quality": {
                "repeated_sentences": [asdict(r) for r in q.repeated_sentences],
                "truncated_sentences": [asdict(s) for s in q.truncated_sentences],
                "spun_markers": [asdict(m) for m in q.spun_markers],
                "credits": [asdict(c) for c in q.credits],
                "truncated": q.truncated,
            },
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(x) for x in self.quotes],
            "dates": [asdict(d) for d in self.dates],
            "events": [asdict(e) for e in self.events],
            "author": self.author,
            "sitename": self.sitename,
            "source": self.source,
            "format": self.format,
            "content_hash": self.content_hash,
            "skipped": [asdict(s) for s in self.skipped],
        }
        if include_raw:
            out["raw"] = self.raw
        return out
