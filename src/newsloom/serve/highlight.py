"""An article's text cut into pieces, each with the annotations that cover it.

Annotations overlap (an entity inside a quote inside an event's sentence), so the text is cut
at every annotation boundary and each piece carries the kinds and notes of all spans over it;
the template renders each piece as one element, its text escaped, its notes in a tooltip.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    note: str


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    kinds: tuple[str, ...]
    notes: tuple[str, ...]
    cited: bool = False
    first_cited: bool = False

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds) + (" cited" if self.cited else "")


def article_spans(article: Any) -> list[Span]:
    """The entities, quotes, dates and events of an article as spans of its `text`."""
    spans: list[Span] = []
    for e in article.entities:
        code = f" ({e.actor_code})" if e.actor_code else ""
        name = e.canonical or e.text
        spans.append(Span(e.start, e.end, "entity", f"{e.label}: {name}{code}"))
    for q in article.quotes:
        via = f" via {q.via}" if q.via else ""
        spans.append(Span(q.start, q.end, "quote", f"{q.kind} quote: {q.speaker or '?'}{via}"))
    for d in article.dates:
        spans.append(Span(d.start, d.end, "date", f"date: {d.value or '?'} ({d.granularity})"))
    for ev in article.events:
        who = " -> ".join(x for x in (ev.actor, ev.target) if x)
        note = f"event {ev.cameo}: {who}" + (f" ({ev.date})" if ev.date else "")
        spans.append(Span(ev.start, ev.start + len(ev.sentence), "event", note))
    return spans


def pieces(text: str, spans: Iterable[Span], cited: tuple[int, int] | None = None) -> list[Piece]:
    """`text` cut at every boundary of `spans` (and of the `cited` range)."""
    n = len(text)
    kept = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = {0, n}
    for s in kept:
        cuts.update((s.start, s.end))
    if cited is not None:
        lo, hi = max(0, min(cited[0], n)), max(0, min(cited[1], n))
        cited = (lo, hi) if lo < hi else None
        if cited is not None:
            cuts.update(cited)
    bounds = sorted(cuts)
    out: list[Piece] = []
    seen_cited = False
    for start, end in itertools.pairwise(bounds):
        over = [s for s in kept if s.start <= start and end <= s.end]
        kinds = tuple(sorted({s.kind for s in over}, key=_ORDER.index))
        notes = tuple(dict.fromkeys(s.note for s in over))
        is_cited = cited is not None and cited[0] <= start and end <= cited[1]
        out.append(Piece(text[start:end], kinds, notes, is_cited, is_cited and not seen_cited))
        seen_cited = seen_cited or is_cited
    return out


_ORDER: Sequence[str] = ("event", "quote", "entity", "date")
