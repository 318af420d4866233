"""Stories in the store: one table per part of a story, keyed by the story's id.

* ``stories``: id, title, day, article and independent-source counts;
* ``story_articles``: which story each article is in, and why (how it joined, its score, the
  member it was closest to, the named features of the decision);
* ``copy_groups``: one row per member of a group of copies, with the group's origin;
* ``timeline``, ``summary``, ``conflicts``, ``story_quotes``: the synthesis, one row per entry
  (``seq`` keeps the order); lists of sources, citations and claims are JSON;
* ``article_vectors``: each article's MiniLM embedding, so a rebuild embeds only new articles.

A rebuild replaces the rows of the stories it touches in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from newsloom.stories.model import (
    Citation,
    Claim,
    Conflict,
    CopyGroup,
    KeyQuote,
    Membership,
    Story,
    SummarySentence,
    TimelineEntry,
)

MIGRATION = (
    """
    CREATE TABLE stories (
        id VARCHAR PRIMARY KEY,
        title VARCHAR NOT NULL,
        "date" VARCHAR,
        n_articles INTEGER NOT NULL,
        independent_sources INTEGER NOT NULL,
        spun JSON NOT NULL,
        updated_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE story_articles (
        story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, how VARCHAR NOT NULL,
        score DOUBLE NOT NULL, nearest VARCHAR, evidence JSON NOT NULL
    )
    """,
    """
    CREATE TABLE copy_groups (
        group_id VARCHAR NOT NULL, story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
        origin VARCHAR NOT NULL, origin_basis VARCHAR NOT NULL, spun BOOLEAN NOT NULL
    )
    """,
    """
    CREATE TABLE timeline (
        story_id VARCHAR NOT NULL, seq INTEGER NOT NULL, "date" VARCHAR, event VARCHAR NOT NULL,
        cameo VARCHAR NOT NULL, actor VARCHAR, target VARCHAR, sources JSON NOT NULL,
        independent_sources INTEGER NOT NULL, background BOOLEAN NOT NULL, evidence JSON NOT NULL
    )
    """,
    """
    CREATE TABLE summary (
        story_id VARCHAR NOT NULL, seq INTEGER NOT NULL, sentence VARCHAR NOT NULL,
        citations JSON NOT NULL, evidence JSON NOT NULL, independent_sources INTEGER NOT NULL,
        disputed BOOLEAN NOT NULL
    )
    """,
    """
    CREATE TABLE conflicts (
        story_id VARCHAR NOT NULL, seq INTEGER NOT NULL, about VARCHAR NOT NULL,
        kind VARCHAR NOT NULL, claims JSON NOT NULL
    )
    """,
    """
    CREATE TABLE story_quotes (
        story_id VARCHAR NOT NULL, seq INTEGER NOT NULL, speaker VARCHAR NOT NULL,
        text VARCHAR NOT NULL, article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL, via VARCHAR, sources INTEGER NOT NULL
    )
    """,
    "CREATE TABLE article_vectors (article_id VARCHAR PRIMARY KEY, embedding FLOAT[])",
)

#: a list bound as one parameter and joined as a set
ANY = "(SELECT unnest(?::VARCHAR[]))"

STORY_TABLES = ("story_articles", "copy_groups", "timeline", "summary", "conflicts",
                "story_quotes", "stories")  # fmt: skip


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _table(rows: list[dict[str, Any]]) -> pa.Table | None:
    return pa.Table.from_pylist(rows) if rows else None


def story_rows(stories: Sequence[Story], now: datetime) -> dict[str, pa.Table | None]:
    """Every story as rows of each story table."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in STORY_TABLES}
    for s in stories:
        rows["stories"].append({"id": s.id, "title": s.title, "date": s.date,
                                "n_articles": len(s.articles),
                                "independent_sources": s.independent_sources,
                                "spun": _j(list(s.spun)), "updated_at": now})  # fmt: skip
        for m in s.members:
            rows["story_articles"].append({"story_id": s.id, "article_id": m.article,
                                           "how": m.how, "score": m.score,
                                           "nearest": m.nearest,
                                           "evidence": _j(m.evidence)})  # fmt: skip
        for g in s.duplicates:
            for a in g.articles:
                rows["copy_groups"].append({"group_id": g.id, "story_id": s.id, "article_id": a,
                                            "origin": g.origin, "origin_basis": g.origin_basis,
                                            "spun": a in g.spun})  # fmt: skip
        for i, t in enumerate(s.timeline):
            rows["timeline"].append({"story_id": s.id, "seq": i, "date": t.date,
                                     "event": t.event, "cameo": t.cameo, "actor": t.actor,
                                     "target": t.target, "sources": _j(list(t.sources)),
                                     "independent_sources": t.independent_sources,
                                     "background": t.background,
                                     "evidence": _j([asdict(c) for c in t.evidence])})  # fmt: skip
        for i, x in enumerate(s.summary):
            rows["summary"].append({"story_id": s.id, "seq": i, "sentence": x.sentence,
                                    "citations": _j(list(x.citations)),
                                    "evidence": _j([asdict(c) for c in x.evidence]),
                                    "independent_sources": x.independent_sources,
                                    "disputed": x.disputed})  # fmt: skip
        for i, c in enumerate(s.conflicts):
            rows["conflicts"].append({"story_id": s.id, "seq": i, "about": c.about,
                                      "kind": c.kind,
                                      "claims": _j([asdict(x) for x in c.claims])})  # fmt: skip
        for i, q in enumerate(s.quotes):
            rows["story_quotes"].append({"story_id": s.id, "seq": i, "speaker": q.speaker,
                                         "text": q.text, "article_id": q.article,
                                         "start_char": q.start, "end_char": q.end,
                                         "via": q.via, "sources": q.sources})  # fmt: skip
    return {t: _table(r) for t, r in rows.items()}


def memberships(conn: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """story id -> its article ids, as stored."""
    out: dict[str, list[str]] = {}
    for story, article in conn.execute(
        "SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id"
    ).fetchall():
        out.setdefault(story, []).append(article)
    return out


#: the tables of a story's parts, and the order of their rows
_PART_ORDER = {"story_articles": "article_id", "copy_groups": "article_id", "timeline": "seq",
               "summary": "seq", "conflicts": "seq", "story_quotes": "seq"}  # fmt: skip
_PARTS_SQL = " UNION ALL ".join(
    f"SELECT '{table}', to_json(x)::VARCHAR FROM {table} x "
    "WHERE story_id IN (SELECT unnest($1::VARCHAR[]))"
    for table in _PART_ORDER
)


def _parts(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, list[dict]]]:
    """table -> story id -> its rows, in order. One query for the six tables, each row as
    JSON (its JSON columns come back parsed): a story page reads one story, and six queries
    cost three times one."""
    out: dict[str, dict[str, list[dict]]] = {t: {i: [] for i in ids} for t in _PART_ORDER}
    if not ids:
        return out
    for table, raw in conn.execute(_PARTS_SQL, [ids]).fetchall():
        row = json.loads(raw)
        out[table][row["story_id"]].append(row)
    for table, key in _PART_ORDER.items():
        for rows in out[table].values():
            rows.sort(key=lambda r, k=key: r[k])
    return out


def _dicts(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict]:
    """Rows as dicts (plain tuples: for a few rows Arrow's conversion costs more than the
    query)."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _parsed(value: Any) -> Any:
    """A JSON column's value: text from a plain query, already parsed from `to_json`."""
    return json.loads(value) if isinstance(value, str) else value


def load_stories(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> list[Story]:
    """Stored stories, whole, in the order of `ids`."""
    heads = {r["id"]: r for r in _dicts(conn, f"SELECT * FROM stories WHERE id IN {ANY}", [ids])}
    ids = [i for i in ids if i in heads]
    parts = _parts(conn, ids)
    out = []
    for sid in ids:
        head = heads[sid]
        members = parts["story_articles"][sid]
        groups: dict[str, list[dict]] = {}
        for row in parts["copy_groups"][sid]:
            groups.setdefault(row["group_id"], []).append(row)
        out.append(
            Story(
                id=sid,
                title=head["title"],
                date=head["date"],
                articles=tuple(sorted(m["article_id"] for m in members)),
                independent_sources=head["independent_sources"],
                duplicates=tuple(
                    CopyGroup(gid, tuple(r["article_id"] for r in rs), rs[0]["origin"],
                              rs[0]["origin_basis"],
                              tuple(r["article_id"] for r in rs if r["spun"]))
                    for gid, rs in sorted(groups.items())
                ),
                timeline=tuple(
                    TimelineEntry(t["date"], t["event"], t["cameo"], t["actor"], t["target"],
                                  tuple(_parsed(t["sources"])), t["independent_sources"],
                                  t["background"], _citations(t["evidence"]))
                    for t in parts["timeline"][sid]
                ),
                summary=tuple(
                    SummarySentence(x["sentence"], tuple(_parsed(x["citations"])),
                                    _citations(x["evidence"]), x["independent_sources"],
                                    x["disputed"])
                    for x in parts["summary"][sid]
                ),
                conflicts=tuple(
                    Conflict(c["about"], tuple(Claim(**x) for x in _parsed(c["claims"])),
                             c["kind"])
                    for c in parts["conflicts"][sid]
                ),
                quotes=tuple(
                    KeyQuote(q["speaker"], q["text"], q["article_id"], q["start_char"],
                             q["end_char"], q["via"], q["sources"])
                    for q in parts["story_quotes"][sid]
                ),
                members=tuple(
                    Membership(m["article_id"], m["how"], m["score"], m["nearest"],
                               _parsed(m["evidence"]))
                    for m in members
                ),
                spun=tuple(_parsed(head["spun"])),
            )
        )
    return out


def _citations(raw: str) -> tuple[Citation, ...]:
    return tuple(Citation(**c) for c in _parsed(raw))


def vectors(conn: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, np.ndarray]:
    wanted = list(ids)
    if not wanted:
        return {}
    rows = conn.execute(
        f"SELECT article_id, embedding FROM article_vectors WHERE article_id IN {ANY}",
        [wanted],
    ).fetchall()
    return {a: np.asarray(v, dtype=np.float32) for a, v in rows}


def vector_table(ids: Sequence[str], matrix: np.ndarray) -> pa.Table:
    return pa.table({"article_id": list(ids), "embedding": [row.tolist() for row in matrix]})
