"""Which stories one story is compared with: those its news days allow, nearest by embedding.

A story is compared only with stories whose span of news days comes within `gap` days of its
own (and with undated ones). Stories are kept in one matrix ordered by news day, so the stories
a few weeks around a story are one contiguous block of rows: finding them is a binary search
and scoring them one matrix-vector product, with no per-story work in Python. A story whose
span grows beyond its place in that order (a story that runs for weeks) moves to a short list
of wide stories, checked on their own. Undated stories are compared with every story.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np


class _Placed(Protocol):
    span: tuple[int, int] | None
    unit: np.ndarray
    fixed: bool


class TimeWindow:
    """The live stories (a list the clusterer owns: None where a story merged away), by day."""

    def __init__(self, stories: list[_Placed | None], gap: int) -> None:
        self.stories = stories
        self.gap = gap
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
            if s.span[1] - s.span[0] <= gap:
                narrow.append(i)
            else:
                self.wide.add(i)
        #: narrow stories ordered by their first day when placed (their anchor)
        self.order = np.array(sorted(narrow, key=lambda i: (self.lo[i], i)), dtype=np.int64)
        self.anchor = self.lo[self.order].copy()
        self.position = np.full(n, -1, np.int64)
        self.position[self.order] = np.arange(len(self.order))
        self.ordered_units = self.units[self.order].copy()
        self.in_order = np.ones(len(self.order), bool)

    def candidates(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The stories `i` may be compared with and their embedding similarity to it, most
        similar first (ties by index)."""
        story = self.stories[i]
        assert story is not None
        unit = story.unit
        if story.span is None:
            slots = np.flatnonzero(self.live)
            sims = self.units[slots] @ unit
        else:
            lo, hi = story.span
            a = int(np.searchsorted(self.anchor, lo - 2 * self.gap, "left"))
            b = int(np.searchsorted(self.anchor, hi + 2 * self.gap, "right"))
            block = self.order[a:b]
            keep = self.in_order[a:b] & self._near(block, lo, hi)
            slots = block[keep]
            sims = (self.ordered_units[a:b] @ unit)[keep]
            wide = np.fromiter(self.wide, np.int64, len(self.wide))
            extra = np.concatenate((wide[self._near(wide, lo, hi)],
                                    np.fromiter(self.undated, np.int64, len(self.undated))))
            if len(extra):
                slots = np.concatenate((slots, extra))
                sims = np.concatenate((sims, self.units[extra] @ unit))
        keep = slots != i
        if story.fixed:
            keep &= ~self.fixed[slots]
        slots, sims = slots[keep], sims[keep]
        order = np.lexsort((slots, -sims))
        return slots[order], sims[order]

    def _near(self, slots: np.ndarray, lo: int, hi: int) -> np.ndarray:
        return (self.lo[slots] <= hi + self.gap) & (self.hi[slots] >= lo - self.gap)

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
            story.span[0] >= self.anchor[at] - self.gap
            and story.span[1] <= self.anchor[at] + self.gap
        )  # fmt: skip
        if inside:
            self.ordered_units[at] = story.unit
        else:
            self._leave(keep)
            self.wide.add(keep)

    def _leave(self, i: int) -> None:
        at = self.position[i]
        if at >= 0:
            self.in_order[at] = False
        self.undated.discard(i)
        self.wide.discard(i)
