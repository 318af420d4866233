"""Pictures of a story drawn on the server as SVG geometry: no script, no chart library.

`timeline` places the story's dated events on a time axis (dot size: independent sources);
`network` puts the actors on a circle with an arrow for each "acted on" (an event's actor and
target) and "spoke about" (a quote's speaker and a name in the quote). The templates turn the
numbers into SVG elements, with every label escaped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from math import cos, pi, sin
from typing import Any

WIDTH = 760
MARGIN = 40


def parse_day(value: str | None) -> date | None:
    """The first day an ISO date, month or year stands for; None for unknown or XXXX years."""
    if not value or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        return date(numbers[0], *([*numbers[1:], 1, 1])[:2])
    except ValueError:
        return None


@dataclass
class TimelineChart:
    width: int
    height: int
    points: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    axis_y: int = 0


def timeline(entries: list[dict[str, Any]]) -> TimelineChart | None:
    """Dots for the dated entries (`date`, `n`, `event`, `independent_sources`, `background`),
    in lanes so that none covers another; None when nothing is dated."""
    dated = [(parse_day(e["date"]), e) for e in entries]
    dated = [(d, e) for d, e in dated if d is not None]
    if not dated:
        return None
    first = min(d for d, _ in dated).toordinal()
    last = max(d for d, _ in dated).toordinal()
    if first == last:
        first, last = first - 1, last + 1
    span = WIDTH - 2 * MARGIN

    def x_of(day: int) -> float:
        return MARGIN + (day - first) / (last - first) * span

    lanes: list[float] = []
    points = []
    for d, e in sorted(dated, key=lambda p: p[0]):
        x = x_of(d.toordinal())
        r = min(4 + 2 * e["independent_sources"], 14)
        lane = next((i for i, end in enumerate(lanes) if end < x - 2 * r - 4), None)
        if lane is None:
            lanes.append(x)
            lane = len(lanes) - 1
        lanes[lane] = x + r
        points.append({**e, "x": round(x, 1), "y": 30 + lane * 32, "r": r})
    axis_y = 30 + len(lanes) * 32
    ticks = []
    for i in range(5):
        day = first + round(i * (last - first) / 4)
        ticks.append({"x": round(x_of(day), 1), "label": date.fromordinal(day).isoformat()})
    return TimelineChart(WIDTH, axis_y + 30, points, _dedupe(ticks), axis_y)


def _dedupe(ticks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    return [t for t in ticks if not (t["label"] in seen or seen.add(t["label"]))]


@dataclass
class NetworkChart:
    width: int
    height: int
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def network(
    links: list[tuple[str, str, str, str]], *, max_nodes: int = 16
) -> NetworkChart | None:
    """Actors on a circle and arrows between them; `links` are (source, target, kind, label)
    with kind "acts" or "speaks". The `max_nodes` most connected actors are drawn."""
    links = [(a, b, k, lab) for a, b, k, lab in links if a and b and a != b]
    if not links:
        return None
    degree: Counter[str] = Counter()
    for a, b, _, _ in links:
        degree[a] += 1
        degree[b] += 1
    names = [n for n, _ in degree.most_common(max_nodes)]
    width, height = 760, 500
    # room beside the circle for the labels, which stand outside it
    cx, cy, radius = width / 2, height / 2, height / 2 - 50
    place = {}
    nodes = []
    for i, name in enumerate(names):
        angle = -pi / 2 + 2 * pi * i / len(names)
        x, y = cx + radius * cos(angle), cy + radius * sin(angle)
        place[name] = (x, y)
        anchor = "start" if cos(angle) > 0.2 else "end" if cos(angle) < -0.2 else "middle"
        lx, ly = cx + (radius + 16) * cos(angle), cy + (radius + 16) * sin(angle)
        nodes.append({"name": name, "x": round(x, 1), "y": round(y, 1),
                      "r": min(5 + 2 * degree[name], 16), "lx": round(lx, 1),
                      "ly": round(ly + 4, 1), "anchor": anchor})  # fmt: skip
    merged: dict[tuple[str, str, str], list[str]] = {}
    for a, b, kind, label in links:
        if a in place and b in place:
            merged.setdefault((a, b, kind), []).append(label)
    edges = []
    for (a, b, kind), labels in merged.items():
        (x1, y1), (x2, y2) = place[a], place[b]
        # stop short of the target's dot so the arrow head shows
        dx, dy = x2 - x1, y2 - y1
        length = max((dx * dx + dy * dy) ** 0.5, 1.0)
        shrink = (min(5 + 2 * degree[b], 16) + 4) / length
        edges.append({"source": a, "target": b, "kind": kind, "count": len(labels),
                      "label": "; ".join(dict.fromkeys(labels)),
                      "x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2 - dx * shrink, 1),
                      "y2": round(y2 - dy * shrink, 1)})  # fmt: skip
    return NetworkChart(width, height, nodes, edges)
