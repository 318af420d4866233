"""Readers for the story-clustering gold sets: ECB+ and NewsWCL50, as `GoldSet`s.

Each reader returns articles in the shape of the dev set (`GoldArticle` with a `story` label in
its row), so one scorer serves every set:

* ECB+ (``docs/<topic>ecb`` and ``docs/<topic>ecbplus``): each of the 86 sub-topics is a story;
  a topic's two sub-topics are two different events of one kind, the hard negatives.
* NewsWCL50: ten events told by five outlets of different leaning; the text is rebuilt from its
  CoNLL tokens (space-joined, which is all clustering needs).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from newsloom.errors import EvalError, Msg
from newsloom.evaluation.gold import GoldArticle, GoldSet


def is_ecbplus_dir(path: Path) -> bool:
    return (path / "docs").is_dir() and any((path / "docs").glob("*ecbplus"))


def is_newswcl_dir(path: Path) -> bool:
    return (path / "NewsWCL50.conll").is_file()


def load_ecbplus(path: Path) -> GoldSet:
    """One article per ECB+ document; `story` is the sub-topic folder (``12ecb``)."""
    articles = []
    for doc in sorted((path / "docs").glob("*/*.json")):
        try:
            row = json.loads(doc.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EvalError(f"{doc}: not readable JSON ({exc})") from exc
        # the reader put the first sentence in `title` and the rest in `text`
        text = "\n".join(part for part in (row.get("title"), row.get("text")) if part)
        if not text.strip():
            continue
        articles.append(_article(doc.stem, text, story=doc.parent.name, topic=_topic(doc)))
    if not articles:
        raise EvalError(Msg.GOLD_MISSING.format(path=path, expected="docs/*/*.json (ECB+)"))
    return GoldSet(path=path, articles=articles, rows={"stories": _story_rows(articles)})


def _topic(doc: Path) -> str:
    return doc.parent.name.removesuffix("plus").removesuffix("ecb")


def load_newswcl50(path: Path) -> GoldSet:
    """One article per NewsWCL50 document (``3/-/3_LL``: event 3 told by outlet LL)."""
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with (path / "NewsWCL50.conll").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 4:
                continue
            sentences[cells[0]][int(cells[1])].append(cells[3])
    articles = []
    for doc_id, by_sentence in sentences.items():
        lines = [" ".join(by_sentence[i]) for i in sorted(by_sentence)]
        event, _, outlet = doc_id.rpartition("_")
        story = event.split("/")[0]
        text = "\n".join(lines)
        articles.append(_article(doc_id.replace("/-/", "_"), text, story=story, outlet=outlet))
    return GoldSet(path=path, articles=articles, rows={"stories": _story_rows(articles)})


def _article(
    doc_id: str, text: str, *, story: str, outlet: str | None = None, topic: str | None = None
) -> GoldArticle:
    row = {"id": doc_id, "text": text, "story": story, "outlet": outlet, "topic": topic}
    return GoldArticle(
        id=doc_id, text=text, url=None, outlet=outlet, published=None, lang="en", row=row
    )


def _story_rows(articles: list[GoldArticle]) -> list[dict[str, str]]:
    return [{"story": s} for s in sorted({a.row["story"] for a in articles})]
