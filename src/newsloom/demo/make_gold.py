"""Fill in the derived fields of the demo's gold files and check every row against the corpus.

The gold rows in `corpus/gold/` are written by hand, in the format of the dev set (see
`corpus/README.md`). Offsets are never typed in: the `start` of a quote or date row is found here,
by searching the article's text from the end of the previous row of the same article, so rows are
kept in text order. A feed article's row names the feed (`"feed": "../feed.jsonl"`) and gets its
`text` from the feed row with the same id; a file article's text is the file's contents.

Run `python -m newsloom.demo.make_gold` after editing the corpus or the gold rows. It raises
`ValueError` on the first row that does not fit the text, and writes nothing in that case.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

GOLD = Path(__file__).parent / "corpus" / "gold"

Row = dict[str, Any]


def read_jsonl(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def article_texts(articles: list[Row], gold: Path) -> dict[str, str]:
    """Article id -> the text that gold offsets point into."""
    feeds: dict[str, dict[str, str]] = {}
    texts = {}
    for row in articles:
        if "file" in row:
            texts[row["id"]] = (gold / row["file"]).read_text(encoding="utf-8")
        elif "feed" in row:
            if row["feed"] not in feeds:
                feed_rows = read_jsonl(gold / row["feed"])
                feeds[row["feed"]] = {r["id"]: r["text"] for r in feed_rows}
            texts[row["id"]] = feeds[row["feed"]][row["id"]]
        else:
            raise ValueError(f"article {row['id']!r} names neither a file nor a feed")
    return texts


def with_feed_text(articles: list[Row], texts: dict[str, str]) -> list[Row]:
    """Feed rows carry their text (as in the dev set); file rows keep pointing at the file."""
    return [{**row, "text": texts[row["id"]]} if "feed" in row else row for row in articles]


def place(rows: list[Row], key: str, texts: dict[str, str]) -> list[Row]:
    """Set `start` of each row to the next occurrence of `row[key]` in its article's text."""
    cursor: dict[str, int] = {}
    out = []
    for row in rows:
        text = texts.get(row["id"])
        if text is None:
            raise ValueError(f"{key} row for unknown article {row['id']!r}")
        start = text.find(row[key], cursor.get(row["id"], 0))
        if start < 0:
            raise ValueError(f"{row['id']}: {row[key]!r} not found after offset "
                             f"{cursor.get(row['id'], 0)} (rows must be in text order)")
        cursor[row["id"]] = start + len(row[key])
        out.append({**{k: v for k, v in row.items() if k != "start"}, "start": start})
    return out


def line_at(text: str, offset: int) -> str:
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[begin : end if end >= 0 else len(text)]


def check_boilerplate(rows: list[Row], texts: dict[str, str]) -> None:
    """Each listed line is a whole line of the text, listed no more often than it occurs."""
    for row in rows:
        have = Counter(texts[row["id"]].split("\n"))
        want = Counter(row["lines"]) + Counter(row.get("uncertain", []))
        for line, n in want.items():
            if have[line] < n:
                raise ValueError(f"{row['id']}: boilerplate line {line!r} occurs {have[line]} "
                                 f"times, listed {n} times")


def date_rows(rows: list[Row], articles: list[Row], boilerplate: list[Row],
              texts: dict[str, str]) -> list[Row]:
    """Place date rows; add their anchor (`published`) and `in_boilerplate` as the dev set does."""
    published = {row["id"]: row.get("published") for row in articles}
    junk = {row["id"]: set(row["lines"]) for row in boilerplate}
    out = []
    for row in place(rows, "expression", texts):
        row = {k: v for k, v in row.items() if k not in ("published", "in_boilerplate")}
        row["published"] = published[row["id"]]
        if line_at(texts[row["id"]], row["start"]) in junk.get(row["id"], ()):
            row["in_boilerplate"] = True
        out.append(row)
    return out


def check_references(gold: Path, ids: set[str]) -> None:
    for row in read_jsonl(gold / "duplicates.jsonl"):
        for key in ("a", "b"):
            if row[key] not in ids:
                raise ValueError(f"duplicates.jsonl names unknown article {row[key]!r}")
    stories = {row["story"] for row in read_jsonl(gold / "stories.jsonl")}
    for row in read_jsonl(gold / "articles.jsonl"):
        if row["story"] not in stories:
            raise ValueError(f"article {row['id']!r} is in unknown story {row['story']!r}")


def build(gold: Path = GOLD) -> None:
    """Recompute texts, offsets and derived fields of the gold files in `gold`, in place."""
    articles = read_jsonl(gold / "articles.jsonl")
    texts = article_texts(articles, gold)
    boilerplate = read_jsonl(gold / "boilerplate.jsonl")
    check_boilerplate(boilerplate, texts)
    quotes = place(read_jsonl(gold / "quotes.jsonl"), "quote", texts)
    dates = date_rows(read_jsonl(gold / "dates.jsonl"), articles, boilerplate, texts)
    check_references(gold, set(texts))
    write_jsonl(gold / "articles.jsonl", with_feed_text(articles, texts))
    write_jsonl(gold / "quotes.jsonl", quotes)
    write_jsonl(gold / "dates.jsonl", dates)


if __name__ == "__main__":
    build()
