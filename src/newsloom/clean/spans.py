"""Building the clean text by deleting spans of the source, keeping an exact offset map.

The clean body is never rewritten: it is `source_text` with some spans deleted. After the
deletions, blank lines left behind are collapsed (again by deleting characters), so that every
character of the clean text has one position in the source, recorded in `segments` as
``(text_start, source_start, length)``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

__all__ = [
    "Segments",
    "compose",
    "merge_spans",
    "source_spans",
    "text_offset",
    "text_offsets",
]

Segments = tuple[tuple[int, int, int], ...]

# whitespace holding two or more newlines: a paragraph break, possibly a run of blank lines
_BLANK_RUN = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_LEAD = re.compile(r"\A\s+")
_TRAIL = re.compile(r"\s+\Z")


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans (touching spans merged); empty spans dropped."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _kept(length: int, deleted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept = []
    cursor = 0
    for start, end in deleted:
        if start > cursor:
            kept.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        kept.append((cursor, length))
    return kept


def _assemble(source: str, kept: list[tuple[int, int]]) -> tuple[str, Segments]:
    parts = []
    segments = []
    at = 0
    for start, end in kept:
        parts.append(source[start:end])
        segments.append((at, start, end - start))
        at += end - start
    return "".join(parts), tuple(segments)


def source_spans(segments: Segments, start: int, end: int) -> list[tuple[int, int]]:
    """The source spans that the text span [start, end) was built from."""
    out = []
    # the last segment that starts at or before `start` (segments are sorted by text start)
    i = max(bisect.bisect_right(segments, (start, 1 << 62, 0)) - 1, 0)
    for t, s, n in segments[i:]:
        if t >= end:
            break
        a, b = max(start, t), min(end, t + n)
        if a < b:
            out.append((s + a - t, s + b - t))
    return out


def _tidy(text: str) -> list[tuple[int, int]]:
    """Text spans to delete: outer whitespace, and blank runs beyond one empty line."""
    spans = []
    for m in _BLANK_RUN.finditer(text):
        run = m.group()
        first = run.index("\n")
        last = run.rindex("\n")
        # keep exactly two newlines: the first and the last of the run
        spans.append((m.start(), m.start() + first))
        spans.append((m.start() + first + 1, m.start() + last))
        spans.append((m.start() + last + 1, m.end()))
    lead = _LEAD.match(text)
    if lead:
        spans.append((0, lead.end()))
    trail = _TRAIL.search(text)
    if trail:
        spans.append((trail.start(), len(text)))
    return spans


def compose(source: str, deletions: Iterable[tuple[int, int]]) -> tuple[str, Segments]:
    """The clean text and its segments: `source` minus `deletions`, blank lines collapsed."""
    deleted = merge_spans(deletions)
    text, segments = _assemble(source, _kept(len(source), deleted))
    extra = [s for a, b in _tidy(text) for s in source_spans(segments, a, b)]
    if extra:
        deleted = merge_spans([*deleted, *extra])
        text, segments = _assemble(source, _kept(len(source), deleted))
    return text, segments


def text_offsets(
    segments: Sequence[tuple[int, int, int]], source_offsets: Iterable[int]
) -> list[int | None]:
    """The clean-text offsets of kept source characters (None for a deleted one)."""
    starts = [s for _, s, _ in segments]
    out: list[int | None] = []
    for offset in source_offsets:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            out.append(None)
            continue
        t, s, n = segments[i]
        out.append(t + offset - s if offset < s + n else None)
    return out


def text_offset(segments: Sequence[tuple[int, int, int]], source_offset: int) -> int | None:
    """The clean-text offset of a kept source character, or None if it was deleted."""
    return text_offsets(segments, [source_offset])[0]
