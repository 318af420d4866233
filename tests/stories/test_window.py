"""The stories one story is compared with: exactly those whose news days come within the gap
(and undated ones), most similar first, as stories merge and their spans grow."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsloom.stories.window import TimeWindow

GAP = 7


@dataclass
class _S:
    span: tuple[int, int] | None
    unit: np.ndarray
    fixed: bool = False


def _expected(stories: list[_S | None], i: int, span: int | None = None) -> list[int]:
    me = stories[i]
    assert me is not None
    found = []
    for j, s in enumerate(stories):
        if s is None or j == i or (me.fixed and s.fixed):
            continue
        if me.span is None or s.span is None:
            found.append(j)
        elif s.span[0] <= me.span[1] + GAP and s.span[1] >= me.span[0] - GAP:
            joint = max(s.span[1], me.span[1]) - min(s.span[0], me.span[0])
            widest = max(s.span[1] - s.span[0], me.span[1] - me.span[0])
            if span is None or joint <= max(span, widest):
                found.append(j)
    sims = {j: float(stories[j].unit @ me.unit) for j in found}  # type: ignore[union-attr]
    return sorted(found, key=lambda j: (-sims[j], j))


def _stories(n: int, seed: int) -> list[_S | None]:
    rng = np.random.default_rng(seed)
    out: list[_S | None] = []
    for k in range(n):
        v = rng.normal(size=8).astype(np.float32)
        day = int(rng.integers(0, 120))
        span = None if k % 17 == 0 else (day, day + int(rng.integers(0, 3)))
        out.append(_S(span, v / np.linalg.norm(v), fixed=k % 11 == 0))
    return out


def test_candidates_are_the_stories_within_the_gap_most_similar_first() -> None:
    stories = _stories(300, 1)
    window = TimeWindow(stories, GAP)  # type: ignore[arg-type]
    for i in range(300):
        slots, sims = window.candidates(i)
        assert slots.tolist() == _expected(stories, i)
        assert np.all(np.diff(sims) <= 0)


def test_candidates_follow_merges_that_widen_a_story() -> None:
    stories = _stories(200, 2)
    window = TimeWindow(stories, GAP)  # type: ignore[arg-type]
    rng = np.random.default_rng(3)
    for _ in range(150):
        live = [k for k, s in enumerate(stories) if s is not None]
        keep, gone = (int(x) for x in rng.choice(live, 2, replace=False))
        a, b = stories[keep], stories[gone]
        assert a is not None and b is not None
        if a.span is None or b.span is None:
            a.span = a.span or b.span
        else:  # a story that runs for weeks ends up on the wide list
            a.span = (min(a.span[0], b.span[0]), max(a.span[1], b.span[1]))
        v = a.unit + b.unit
        a.unit = v / np.linalg.norm(v)
        stories[gone] = None
        window.merged(keep, gone)
        probe = int(rng.choice([k for k, s in enumerate(stories) if s is not None]))
        assert window.candidates(probe)[0].tolist() == _expected(stories, probe)
    assert window.wide


SPAN = 2 * GAP


def test_under_a_span_bound_stories_whose_days_would_spread_too_far_are_no_candidates() -> None:
    stories = _stories(300, 4)
    window = TimeWindow(stories, GAP, SPAN, SPAN)  # type: ignore[arg-type]
    for i in range(300):
        assert window.candidates(i)[0].tolist() == _expected(stories, i, SPAN)


def test_the_first_candidates_are_the_head_of_the_full_list() -> None:
    stories = _stories(300, 5)
    window = TimeWindow(stories, GAP)  # type: ignore[arg-type]
    for i in range(300):
        assert window.candidates(i, 5)[0].tolist() == _expected(stories, i)[:5]


def test_the_candidates_of_many_stories_are_each_one_s() -> None:
    stories = _stories(300, 6)
    window = TimeWindow(stories, GAP, SPAN, SPAN)  # type: ignore[arg-type]
    live = [i for i, s in enumerate(stories) if s is not None]
    seen = {}
    for i, slots, sims in window.candidates_of(live, 4):
        seen[i] = slots.tolist()
        assert np.allclose(sims, window.candidates(i, 4)[1])
    assert seen == {i: window.candidates(i, 4)[0].tolist() for i in live}


def test_merged_rows_are_dropped_and_the_candidates_stay_right() -> None:
    # merges within the span bound, as the clusterer makes them, until most rows are gone
    stories = _stories(2600, 7)
    window = TimeWindow(stories, GAP, SPAN, SPAN)  # type: ignore[arg-type]
    rng = np.random.default_rng(8)
    rows = len(window.order)
    for step in range(2300):
        live = [k for k, s in enumerate(stories) if s is not None and not s.fixed]
        keep = int(rng.choice(live))
        choices = window.candidates(keep)[0].tolist()
        choices = [j for j in choices if not stories[j].fixed]  # type: ignore[union-attr]
        if not choices:
            continue
        gone = int(rng.choice(choices))
        a, b = stories[keep], stories[gone]
        assert a is not None and b is not None
        if a.span is None or b.span is None:
            a.span = a.span or b.span
        else:
            a.span = (min(a.span[0], b.span[0]), max(a.span[1], b.span[1]))
        v = a.unit + b.unit
        a.unit = v / np.linalg.norm(v)
        stories[gone] = None
        window.merged(keep, gone)
        if step % 100 == 0:
            probe = int(rng.choice([k for k, s in enumerate(stories) if s is not None]))
            assert window.candidates(probe)[0].tolist() == _expected(stories, probe, SPAN)
    assert len(window.order) < rows  # compacted
    assert not window.wide  # within the bound, every story kept its place
