"""Readers for gold sets in the format of ../shared/data/newsloom-dev (its README defines it).

A gold directory holds `articles.jsonl` and any of the annotation files (`boilerplate.jsonl`,
`quotes.jsonl`, `events.jsonl`, `dates.jsonl`, `duplicates.jsonl`, `stories.jsonl`). The seeds
directory has the same files, with article rows that name a `file` instead of carrying `text`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsloom.errors import EvalError, Msg

ANNOTATIONS = ("boilerplate", "quotes", "events", "dates", "duplicates", "stories")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    url: str | None
    outlet: str | None
    published: str | None
    lang: str | None
    row: dict[str, Any]


@dataclass
class GoldSet:
    path: Path
    articles: list[GoldArticle]
    #: annotation file name -> rows
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def by_article(self, name: str) -> dict[str, list[dict[str, Any]]]:
        """Rows of one annotation file grouped by article id."""
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in self.rows.get(name, []):
            if "id" in row:
                grouped[row["id"]].append(row)
        return grouped

    def has(self, name: str) -> bool:
        return bool(self.rows.get(name))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def is_gold_dir(path: Path) -> bool:
    return (path / "articles.jsonl").is_file()


def load_gold(path: str | Path) -> GoldSet:
    root = Path(path)
    if not is_gold_dir(root):
        raise EvalError(Msg.GOLD_MISSING.format(path=root, expected="articles.jsonl"))
    articles = []
    for row in _read_jsonl(root / "articles.jsonl"):
        text = row.get("text")
        if text is None and row.get("file"):
            text = (root / row["file"]).read_text(encoding="utf-8")
        if text is None:
            raise EvalError(f"{root / 'articles.jsonl'}: row {row.get('id')!r} has no text or file")
        articles.append(
            GoldArticle(
                id=row["id"],
                text=text,
                url=row.get("url"),
                outlet=row.get("outlet"),
                published=row.get("published"),
                lang=row.get("lang"),
                row=row,
            )
        )
    rows = {}
    for name in ANNOTATIONS:
        file = root / f"{name}.jsonl"
        if file.is_file():
            rows[name] = _read_jsonl(file)
    return GoldSet(root, articles, rows)
