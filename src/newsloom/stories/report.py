"""Stories as a reader sees them in a terminal: `newsloom story ID` and the end of `make demo`."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from newsloom.stories.model import Story

_WIDTH = 100


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), _WIDTH, initial_indent=indent, subsequent_indent=indent + "  "
    ) or [indent]


def render_story(story: Story, *, why: bool = False) -> str:
    lines = [
        f"{story.title}",
        f"  story {story.id} | {story.date or 'undated'} | {len(story.articles)} articles, "
        f"{story.independent_sources} independent sources",
        "",
        "Summary",
    ]
    for s in story.summary:
        mark = " [disputed]" if s.disputed else ""
        cites = ", ".join(f"{c.article}:{c.start}-{c.end}" for c in s.evidence[:4])
        lines += _wrap(f"- {s.sentence}{mark}", "  ")
        lines.append(f"      cited: {cites} ({s.independent_sources} independent)")
    if story.timeline:
        lines += ["", "Timeline (articles / independent sources)"]
        for t in story.timeline:
            flag = " (background)" if t.background else ""
            lines += _wrap(
                f"{t.date or 'undated':10}  {t.event} [{t.cameo}]  "
                f"{len(t.sources)}/{t.independent_sources}{flag}",
                "  ",
            )
    lines += ["", "Sources"]
    copied = {a: g for g in story.duplicates for a in g.articles}
    for art in story.articles:
        group = copied.get(art)
        note = ""
        if group is not None:
            note = f"  copy of one text, origin {group.origin} ({group.origin_basis})"
        if art in story.spun:
            note += "  (spun: machine-reworded copy)"
        lines.append(f"  {art}{note}")
    if story.conflicts:
        lines += ["", "Conflicting accounts"]
        for c in story.conflicts:
            lines.append(f"  {c.about}:")
            for claim in c.claims:
                value = f"{claim.value}: " if claim.value else ""
                lines += _wrap(f"- [{claim.article}] {value}{claim.text}", "    ")
    if story.quotes:
        lines += ["", "Key quotes"]
        for q in story.quotes:
            via = f" (via {q.via})" if q.via else ""
            lines += _wrap(f"- {q.speaker}{via}: \u201c{q.text}\u201d [{q.article}]", "  ")
    if why:
        lines += ["", "Why each article is here"]
        for m in story.members:
            features = ", ".join(f"{k} {v:.2f}" for k, v in m.evidence.items())
            nearest = f" nearest {m.nearest}" if m.nearest else ""
            lines += _wrap(f"- {m.article}: {m.how} (p={m.score:.2f}){nearest} {features}", "  ")
    return "\n".join(lines) + "\n"


def render_overview(stories: Sequence[Story], sentences: int = 2) -> str:
    """Every story in a few lines: title, counts, the first summary sentences with citations."""
    lines = [f"{len(stories)} stories", ""]
    for story in stories:
        lines.append(
            f"[{story.id}] {story.title}  ({story.date or 'undated'}; {len(story.articles)} "
            f"articles, {story.independent_sources} independent sources)"
        )
        for s in story.summary[:sentences]:
            lines += _wrap(f"- {s.sentence} [{', '.join(s.citations)}]", "    ")
        lines.append("")
    return "\n".join(lines)
