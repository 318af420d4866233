"""Which stories one story is compared with: those its news days allow, nearest by embedding.

A story is compared only with stories whose span of news days comes within `gap` days of its
own (and with undated ones). Stories are kept in one matrix ordered by news day, so the stories
a few weeks around a story are one contiguous block of rows: finding them is a binary search
and scoring them one matrix-vector product, with no per-story work in Python. A story keeps
its place while its span stays within `reach` days of the first day it was placed at (the
clusterer bounds how far a story's days may spread, so its stories always do); one whose span
grows beyond (a stored story that ran for weeks) moves to a short list of wide stories, checked
on their own. Undated stories are compared with every story.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import numpy as np


class _Placed(Protocol):
    span: tuple[int, int] | None
    unit: np.ndarray
    fixed: bool


def within_span(a_lo: Any, a_hi: Any, b_lo: Any, b_hi: Any, span: int) -> Any:
    """Two spans of news days taken together stay within `span` days, or within the wider of
    the two (a stored story already wider keeps its days but is not stretched); for numbers
    or numpy arrays alike."""
    joint = np.maximum(a_hi, b_hi) - np.minimum(a_lo, b_lo)
    return joint <= np.maximum(np.maximum(a_hi - a_lo, b_hi - b_lo), span)


class TimeWindow:
    """The live stories (a list the clusterer owns: None where a story merged away), by day."""

    def __init__(
        self, stories: list[_Placed | None], gap: int, reach: int | None = None,
        span: int | None = None,
    ) -> None:  # fmt: skip
        self.stories = stories
        self.gap = gap
        #: how far from its anchor a story's days may lie and the story keep its place
        self.reach = gap if reach is None else reach
        #: the most days two stories' spans may cover together (None: no bound)
        self.span = span
        n = len(stories)
        dim = next((s.unit.shape[0] for s in stories if s is not None), 1)
        self.units = np.zeros((n, dim), np.float32)
        self.lo = np.zeros(n, np.int64)
        self.hi = np.zeros(n, np.int64)
        self.live = np.zeros(n, bool)
        self.fixed = np.zeros(n, bool)
        self.undated: set[int] = set()
        self.wide: set[int] = set()
        narrow = []
        for i, s in enumerate(stories):
            if s is None:
                continue
            self.units[i] = s.unit
            self.live[i] = True
            self.fixed[i] = s.fixed
            if s.span is None:
                self.undated.add(i)
                continue
            self.lo[i], self.hi[i] = s.span
            if s.span[1] - s.span[0] <= self.reach:
                narrow.append(i)
            else:
                self.wide.add(i)
        self.position = np.full(n, -1, np.int64)
        #: narrow stories ordered by their first day when placed (their anchor)
        order = np.array(sorted(narrow, key=lambda i: (self.lo[i], i)), dtype=np.int64)
        self._place(order, self.lo[order].copy())

    def _place(self, order: np.ndarray, anchors: np.ndarray) -> None:
        """Lay out the day order: `order` the stories, `anchors` their first days, in order."""
        self.order = order
        self.anchor = anchors
        self.position[order] = np.arange(len(order))
        self.ordered_units = self.units[order].copy()
        self.in_order = np.ones(len(order), bool)
        self.dropped = 0

    def _compact(self) -> None:
        """Drop the rows of stories merged away (or moved out), once they are most rows: the
        blocks scanned then hold live stories, as many as the stories left."""
        kept = np.flatnonzero(self.in_order)
        self.position[self.order] = -1
        self._place(self.order[kept], self.anchor[kept])

    def candidates(self, i: int, limit: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """The stories `i` may be compared with and their embedding similarity to it, most
        similar first (ties by index); only the first `limit` when it is above 0."""
        story = self.stories[i]
        assert story is not None
        if story.span is None:
            slots = np.flatnonzero(self.live)
            return self._ranked(i, slots, self.units[slots] @ story.unit, limit)
        a, b = self._block(*story.span)
        return self._dated(i, a, b, self.ordered_units[a:b] @ story.unit, limit)

    def candidates_of(
        self, stories: list[int], limit: int = 0
    ) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """`candidates` of many stories, (story, slots, similarities) each: the stories of one
        span share their block of rows, scored in one matrix product."""
        by_span: dict[tuple[int, int], list[int]] = {}
        for i in stories:
            span = self.stories[i].span  # type: ignore[union-attr]
            if span is None:
                yield (i, *self.candidates(i, limit))
            else:
                by_span.setdefault(span, []).append(i)
        for span, group in sorted(by_span.items()):
            a, b = self._block(*span)
            sims = self.ordered_units[a:b] @ self.units[group].T
            for k, i in enumerate(group):
                yield (i, *self._dated(i, a, b, sims[:, k], limit))

    def _block(self, lo: int, hi: int) -> tuple[int, int]:
        """The rows of the day order whose stories can come within the gap of lo..hi."""
        return (int(np.searchsorted(self.anchor, lo - self.gap - self.reach, "left")),
                int(np.searchsorted(self.anchor, hi + self.gap + self.reach, "right")))  # fmt: skip

    def _dated(
        self, i: int, a: int, b: int, sims: np.ndarray, limit: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The candidates of dated story `i` from its block's similarities (and the wide and
        undated stories)."""
        lo, hi = self.stories[i].span  # type: ignore[union-attr,misc]
        block = self.order[a:b]
        keep = self.in_order[a:b] & self._near(block, lo, hi)
        slots, sims = block[keep], sims[keep]
        wide = np.fromiter(self.wide, np.int64, len(self.wide))
        extra = np.concatenate((wide[self._near(wide, lo, hi)],
                                np.fromiter(self.undated, np.int64, len(self.undated))))
        if len(extra):
            unit = self.stories[i].unit  # type: ignore[union-attr]
            slots = np.concatenate((slots, extra))
            sims = np.concatenate((sims, self.units[extra] @ unit))
        return self._ranked(i, slots, sims, limit)

    def _ranked(
        self, i: int, slots: np.ndarray, sims: np.ndarray, limit: int
    ) -> tuple[np.ndarray, np.ndarray]:
        keep = slots != i
        if self.fixed[i]:
            keep &= ~self.fixed[slots]
        slots, sims = slots[keep], sims[keep]
        if 0 < limit < len(sims):
            # the `limit` most similar, ties at the edge kept, so the order below decides them
            edge = np.partition(sims, len(sims) - limit)[len(sims) - limit]
            top = sims >= edge
            slots, sims = slots[top], sims[top]
        order = np.lexsort((slots, -sims))[: limit or None]
        return slots[order], sims[order]

    def _near(self, slots: np.ndarray, lo: int, hi: int) -> np.ndarray:
        """Stories within the gap of the days lo..hi (and, under a span bound, whose days and
        these together stay within it, or within the wider of the two spans)."""
        s_lo, s_hi = self.lo[slots], self.hi[slots]
        near = (s_lo <= hi + self.gap) & (s_hi >= lo - self.gap)
        if self.span is not None:
            near &= within_span(s_lo, s_hi, lo, hi, self.span)
        return near

    def merged(self, keep: int, gone: int) -> None:
        """`gone` merged into `keep`: drop the one, move the other to its new place."""
        self.live[gone] = False
        self._leave(gone)
        story = self.stories[keep]
        assert story is not None
        self.units[keep] = story.unit
        if story.span is None:
            return
        self.lo[keep], self.hi[keep] = story.span
        at = self.position[keep]
        inside = at >= 0 and self.in_order[at] and (
            story.span[0] >= self.anchor[at] - self.reach
            and story.span[1] <= self.anchor[at] + self.reach
        )  # fmt: skip
        if inside:
            self.ordered_units[at] = story.unit
        else:
            self._leave(keep)
            self.wide.add(keep)

    def _leave(self, i: int) -> None:
        at = self.position[i]
        if at >= 0 and self.in_order[at]:
            self.in_order[at] = False
            self.dropped += 1
            if self.dropped > max(len(self.order) // 2, 1024):
                self._compact()
        self.undated.discard(i)
        self.wide.discard(i)
