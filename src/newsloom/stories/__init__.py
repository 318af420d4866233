"""Stories: from many analysed articles to a few stories a reader can trust.

The cross-article half of the data flow (DESIGN.md): `copies` (one text on many sites),
`cluster` (incremental story clustering), and the synthesis of each story: `timeline`,
`sources` (independent origins), `conflicts`, `summary`, key quotes (`synthesis`). `build`
runs them over a list of articles; `refresh` over the store. `model` holds the dataclasses.

Heavy imports (MiniLM, scikit-learn) wait until a function is called: the store reads stories
back without them.
"""

from __future__ import annotations

from typing import Any

from newsloom.stories.model import Story

__all__ = ["Story", "build_stories", "cluster_articles", "refresh_stories"]


def __getattr__(name: str) -> Any:
    if name in ("build_stories", "cluster_articles"):
        from newsloom.stories import build

        return getattr(build, name)
    if name == "refresh_stories":
        from newsloom.stories.refresh import refresh_stories

        return refresh_stories
    raise AttributeError(name)
