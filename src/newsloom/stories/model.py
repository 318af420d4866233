"""What story building produces: frozen dataclasses, the story half of DESIGN.md's contract.

Every claim a story makes points back to characters of a stored article: a `Citation` is an
article id with offsets into that article's clean `text`, so `text[start:end]` is the cited words.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Citation:
    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """Articles that carry one text (wire copies, updated versions, spun copies)."""

    id: str
    articles: tuple[str, ...]
    #: the wire the text credits ("Reuters"), else the earliest published member's outlet
    origin: str
    #: how `origin` was found: "credited" or "earliest"
    origin_basis: str
    #: members whose wording looks machine-spun (spun markers found by the clean stage)
    spun: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str | None
    event: str
    cameo: str
    actor: str | None
    target: str | None
    sources: tuple[str, ...]
    independent_sources: int
    #: an earlier event the articles mention in passing, not the story's news
    background: bool = False
    evidence: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    sentence: str
    citations: tuple[str, ...]
    evidence: tuple[Citation, ...]
    independent_sources: int
    #: the sentence states a point that independent sources give differently
    disputed: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    article: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    about: str
    claims: tuple[Claim, ...]
    #: "number", "date" or "stated" (the text itself says accounts differ)
    kind: str = "number"


@dataclass(frozen=True, slots=True)
class KeyQuote:
    speaker: str
    text: str
    article: str
    start: int
    end: int
    via: str | None
    sources: int


@dataclass(frozen=True, slots=True)
class Membership:
    """Why an article is in its story: the evidence that joined it (`newsloom story --why`)."""

    article: str
    #: "founded" the story, or "joined" it
    how: str
    score: float
    #: the member it is closest to, and the named features of the decision
    nearest: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    date: str | None = None
    independent_sources: int = 0
    duplicates: tuple[CopyGroup, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    quotes: tuple[KeyQuote, ...] = ()
    members: tuple[Membership, ...] = ()
    #: members whose wording looks machine-spun ("Russian Federation" for Russia), copy or not
    spun: tuple[str, ...] = ()

    def to_dict(self, *, why: bool = False) -> dict[str, Any]:
        """The contract's story object (DESIGN.md), plus a few extra fields."""
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "articles": list(self.articles),
            "independent_sources": self.independent_sources,
            "duplicates": [
                {
                    "articles": list(g.articles),
                    "origin": g.origin,
                    "origin_basis": g.origin_basis,
                    "spun": list(g.spun),
                }
                for g in self.duplicates
            ],
            "timeline": [
                {
                    **asdict(t),
                    "sources": list(t.sources),
                    "evidence": [asdict(c) for c in t.evidence],
                }
                for t in self.timeline
            ],
            "summary": [
                {
                    "sentence": s.sentence,
                    "citations": list(s.citations),
                    "evidence": [asdict(c) for c in s.evidence],
                    "independent_sources": s.independent_sources,
                    "disputed": s.disputed,
                }
                for s in self.summary
            ],
            "conflicts": [
                {"about": c.about, "kind": c.kind, "claims": [asdict(x) for x in c.claims]}
                for c in self.conflicts
            ],
            "quotes": [asdict(q) for q in self.quotes],
            "spun": list(self.spun),
        }
        if why:
            out["why"] = [asdict(m) for m in self.members]
        return out
