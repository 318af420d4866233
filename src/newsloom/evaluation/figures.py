"""Quality figures: what a scorer returns and how `newsloom eval` prints them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure. `value` is a ratio in [0, 1] unless `unit` says otherwise."""

    section: str
    name: str
    value: float | None
    numerator: int | None = None
    denominator: int | None = None
    unit: str = "ratio"
    #: for comparisons measured in the same run: "newsloom", "htmldate", "textacy", ...
    system: str = "newsloom"
    #: a floor the figure must reach (printed, and checked by the quality tests)
    floor: float | None = None

    def render_value(self) -> str:
        if self.value is None:
            return "n/a"
        if self.unit == "ratio":
            text = f"{self.value:.3f}"
        elif self.unit == "count":
            text = f"{self.value:.0f}"
        else:
            text = f"{self.value:.2f} {self.unit}"
        if self.numerator is not None and self.denominator is not None:
            text += f"  ({self.numerator}/{self.denominator})"
        return text


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    """The harmonic mean of a precision and a recall (None when either is unknown)."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def render(figures: list[Figure], title: str) -> str:
    """A plain-text table grouped by section, one figure a line."""
    lines = [title, "=" * len(title)]
    section = None
    width = max((len(f.name) + len(f.system) for f in figures), default=20) + 4
    for fig in figures:
        if fig.section != section:
            section = fig.section
            lines += ["", section]
        label = fig.name if fig.system == "newsloom" else f"{fig.name} [{fig.system}]"
        floor = ""
        if fig.floor is not None and fig.value is not None:
            floor = f"   floor {fig.floor:.2f} {'ok' if fig.value >= fig.floor else 'BELOW'}"
        lines.append(f"  {label:<{width}} {fig.render_value()}{floor}")
    return "\n".join(lines)
