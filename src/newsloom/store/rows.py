"""Article <-> table rows, in columns ready for one bulk insert per table.

An article is one `articles` row plus one row per annotation in the annotation tables. Rows are
gathered column by column into Arrow tables, so a whole batch goes into each table with one
``INSERT ... SELECT`` instead of one statement per row.

The annotation tables mirror the annotation dataclasses field for field (``start``/``end``
become ``start_char``/``end_char``); `tests/store` checks that they stay in step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

import pyarrow as pa

from newsloom.article import (
    Article,
    Credit,
    DateExpression,
    Entity,
    Event,
    Published,
    Quality,
    Quote,
    Removed,
    RepeatedSentence,
    Skip,
    Span,
    SpunMarker,
)

#: annotation table -> (Article attribute, dataclass)
ANNOTATIONS: dict[str, tuple[str, type]] = {
    "removed": ("removed", Removed),
    "entities": ("entities", Entity),
    "quotes": ("quotes", Quote),
    "dates": ("dates", DateExpression),
    "events": ("events", Event),
}
_RENAME = {"start": "start_char", "end": "end_char"}
_ARROW = {"str": pa.string(), "int": pa.int32(), "float": pa.float64(), "bool": pa.bool_()}

#: Article fields kept as plain columns (the same name in `articles`).
SCALAR_FIELDS = (
    "id", "content_hash", "source", "format", "url", "outlet", "title", "lang", "author",
    "sitename", "text", "source_text", "raw",
)  # fmt: skip
#: Article fields kept as JSON columns.
JSON_FIELDS = ("declared", "page_meta", "quality", "segments", "skipped")
#: Article fields that are not stored: derived working data, rebuilt by the stages.
# lang_basis: how the language was decided, in the JSON output; not a column (yet)
NOT_STORED = frozenset({"parse", "people", "page_lines", "lang_basis"})

ARTICLE_COLUMNS = (
    *SCALAR_FIELDS,
    "published_value", "published_basis", "published_confidence", "published_evidence",
    *JSON_FIELDS,
    "ingested_at",
)  # fmt: skip
_ARTICLE_SCHEMA = pa.schema(
    [(name, pa.string()) for name in SCALAR_FIELDS]
    + [
        ("published_value", pa.string()),
        ("published_basis", pa.string()),
        ("published_confidence", pa.float64()),
        ("published_evidence", pa.string()),
    ]
    + [(name, pa.string()) for name in JSON_FIELDS]
    + [("ingested_at", pa.timestamp("us"))]
)


def annotation_columns(cls: type) -> list[str]:
    """Column names of an annotation table, after the `article_id, seq` key."""
    return [_RENAME.get(f.name, f.name) for f in fields(cls)]


def _annotation_schema(cls: type) -> pa.Schema:
    cols = [("article_id", pa.string()), ("seq", pa.int32())]
    for f in fields(cls):
        base = str(f.type).split("|")[0].strip()
        cols.append((_RENAME.get(f.name, f.name), _ARROW.get(base, pa.string())))
    return pa.schema(cols)


_SCHEMAS = {table: _annotation_schema(cls) for table, (_, cls) in ANNOTATIONS.items()}
# (table, Article attribute, [(dataclass field, column)]) computed once, used per article.
_LAYOUT = [
    (table, attr, [(f.name, _RENAME.get(f.name, f.name)) for f in fields(cls)])
    for table, (attr, cls) in ANNOTATIONS.items()
]


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def batch_tables(articles: Sequence[Article], ingested_at: datetime) -> dict[str, pa.Table]:
    """Arrow tables for `articles` and every annotation table, one row per article/annotation."""
    cols: dict[str, list[Any]] = {name: [] for name in ARTICLE_COLUMNS}
    ann: dict[str, dict[str, list[Any]]] = {
        table: {name: [] for name in _SCHEMAS[table].names} for table in ANNOTATIONS
    }
    for art in articles:
        for name in SCALAR_FIELDS:
            cols[name].append(getattr(art, name))
        pub = art.published
        cols["published_value"].append(pub.value)
        cols["published_basis"].append(pub.basis)
        cols["published_confidence"].append(float(pub.confidence))
        cols["published_evidence"].append(pub.evidence)
        cols["declared"].append(to_json(dict(art.declared)))
        cols["page_meta"].append(to_json(dict(art.page_meta)))
        cols["quality"].append(to_json(asdict(art.quality)))
        cols["segments"].append(to_json([list(s) for s in art.segments]))
        cols["skipped"].append(to_json([asdict(s) for s in art.skipped]))
        cols["ingested_at"].append(ingested_at)
        for table, attr, layout in _LAYOUT:
            items = getattr(art, attr)
            if not items:
                continue
            target = ann[table]
            target["article_id"].extend([art.id] * len(items))
            target["seq"].extend(range(len(items)))
            for name, column in layout:
                target[column].extend([getattr(item, name) for item in items])
    out = {"articles": pa.table(cols, schema=_ARTICLE_SCHEMA)}
    for table, data in ann.items():
        out[table] = pa.table(data, schema=_SCHEMAS[table])
    return out


def article_from_rows(
    row: Mapping[str, Any], annotations: Mapping[str, Iterable[Mapping[str, Any]]]
) -> Article:
    """Rebuild an Article from its `articles` row and its annotation rows (in `seq` order)."""
    values: dict[str, Any] = {name: row[name] for name in SCALAR_FIELDS}
    values["published"] = Published(
        value=row["published_value"],
        basis=row["published_basis"],
        confidence=row["published_confidence"],
        evidence=row["published_evidence"],
    )
    values["declared"] = json.loads(row["declared"])
    values["page_meta"] = json.loads(row["page_meta"])
    values["quality"] = _quality(json.loads(row["quality"]))
    values["segments"] = tuple(tuple(s) for s in json.loads(row["segments"]))
    values["skipped"] = tuple(Skip(**s) for s in json.loads(row["skipped"]))
    for table, (attr, cls) in ANNOTATIONS.items():
        names = [f.name for f in fields(cls)]
        values[attr] = tuple(
            cls(**{name: item[_RENAME.get(name, name)] for name in names})
            for item in annotations.get(table, ())
        )
    return Article(**values)


def _quality(data: Mapping[str, Any]) -> Quality:
    return Quality(
        repeated_sentences=tuple(RepeatedSentence(**x) for x in data["repeated_sentences"]),
        truncated_sentences=tuple(Span(**x) for x in data["truncated_sentences"]),
        spun_markers=tuple(SpunMarker(**x) for x in data["spun_markers"]),
        credits=tuple(Credit(**x) for x in data["credits"]),
        truncated=data.get("truncated"),
    )
