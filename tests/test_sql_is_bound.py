"""No SQL is built by formatting data into a string (issue 15, item 4 and the done-when).

Every f-string of the package whose text reads as SQL may interpolate only the identifiers and
fixed fragments listed here: table and column names from constants, SQL assembled from fixed
pieces, and integers checked in code. Data (ids, outlets, names, titles, file names, dates) is
always a bound parameter. A new interpolation fails this test until it is added below with its
reason, so that each one is looked at.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "newsloom"

_SQL = re.compile(
    r"\b(SELECT|INSERT|DELETE|UPDATE|WHERE|FROM|INSTALL|CREATE|DROP|ALTER|LIMIT|ORDER BY)\b"
)

#: (module, interpolated expression) -> why it is not data
ALLOWED: dict[tuple[str, str], str] = {
    ("store/__init__.py", "ANY"): "the fixed `unnest(?::VARCHAR[])` fragment: one bound list",
    ("store/stories.py", "ANY"): "the same fragment",
    ("store/__init__.py", "table"): "a table name from the ANNOTATIONS constant",
    ("store/stories.py", "table"): "a table name from the STORY_TABLES constant",
    ("store/__init__.py", "columns"): "column names of an Arrow table built from constants",
    ("store/names.py", "columns"): "the corpus_names columns, a constant",
    ("store/__init__.py", "key"): "'id' or 'content_hash', chosen in code",
    ("store/__init__.py", "value"): "'id' or 'content_hash', chosen in code",
    ("store/__init__.py", "where"): "filters joined from fixed fragments; their values are bound",
    ("store/queries.py", "where"): "filters joined from fixed fragments; their values are bound",
    ("store/__init__.py", "' AND '.join(where)"): "the same fixed fragments",
    ("store/__init__.py", "size"): "a page size, an int set in code",
    ("store/__init__.py", "', '.join(ARTICLE_COLUMNS)"): "the article columns, a constant",
    ("store/__init__.py", "assignments"): "`col = batch.col` for the constant columns",
    ("store/queries.py", "t"): "annotation table names from a literal tuple",
    ("store/queries.py", "counts"): "counts over those literal table names",
    ("store/queries.py", "ARTICLE_REF"): "a fixed SQL fragment",
    ("store/queries.py", "by_name(self._names())"): "a subquery over the names relation",
    ("store/queries.py", "self._names()"): "the corpus names relation, fixed SQL",
    ("store/queries.py", "names"): "the same relation",
    ("store/queries.py", "form_matches"): "one of two fixed fragments; the name is bound",
    ("store/queries.py", "groups"): "filters from fixed fragments; values bound",
    ("store/queries.py", "limit_sql(limit)"): "`LIMIT n` for an int checked in `_limit`",
    ("store/__init__.py", "extension"): "the FTS extension file of the installed package",
    ("store/migrations.py", "_ANNOTATION_KEY"): "fixed column definitions",
    ("store/migrations.py", "table"): "an annotation table name, a key of _ANNOTATION_COLUMNS",
    ("store/migrations.py", "columns"): "fixed column definitions from _ANNOTATION_COLUMNS",
    ("store/migrations.py", "c"): "an article column name from the constant _ARTICLES_NOT_NULL",
    ("store/names.py", "_LABELS"): "a fixed list of entity labels",
    ("store/names.py", "TABLE"): "the corpus_names table name",
    ("store/shards.py", "', '.join(ARTICLE_COLUMNS)"): "the article columns, a constant",
    ("store/shards.py", "selected"): "the article columns, one cast to a bound timestamp",
    ("store/shards.py", "table"): "a table name from the ANNOTATIONS constant",
    ("store/shards.py", "columns"): "a shard's column names, checked to be plain identifiers",
    ("store/queries.py", "order_by(ARTICLE_ORDERS, order)"): "an ORDER BY from an allow-list",
    ("store/queries.py", "order_by(STORY_ORDERS, order)"): "an ORDER BY from an allow-list",
    ("store/queries.py", "offset_sql(offset)"): "`OFFSET n` for an int checked in `_offset`",
    ("store/filters.py", "names"): "the corpus names relation, fixed SQL",
    ("store/filters.py", "limit"): "the int checked in `limit_sql`",
    ("store/search.py", "INDEX_SCHEMA"): "the FTS index's schema name, a constant",
}


def _interpolations() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if not _SQL.search(str(text)):
                continue
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    found.append((module, node.lineno, ast.unparse(part.value)))
    return found


def test_sql_f_strings_interpolate_only_identifiers_and_fixed_fragments() -> None:
    unexpected = [
        f"{module}:{line}: {{{expr}}}"
        for module, line, expr in _interpolations()
        if (module, expr) not in ALLOWED
    ]
    assert not unexpected, "data must be a bound parameter, not formatted into SQL:\n" + "\n".join(
        unexpected
    )


def test_no_sql_is_built_with_percent_or_format() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            template = None
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
                template = node.left
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
            ):
                template = node.func.value
            literal = isinstance(template, ast.Constant) and isinstance(template.value, str)
            if literal and _SQL.search(template.value):  # type: ignore[union-attr]
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, offenders


def test_the_check_sees_a_formatted_value() -> None:
    # the scan itself works: an f-string with data in it is found
    tree = ast.parse('q = f"SELECT * FROM articles WHERE id = \'{article_id}\'"')
    (node,) = [n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)]
    assert [ast.unparse(v.value) for v in node.values if isinstance(v, ast.FormattedValue)] == [
        "article_id"
    ]


def test_every_allowed_interpolation_is_still_in_the_code() -> None:
    # an entry that matches nothing would let a later interpolation of that name in unseen
    used = {(module, expr) for module, _, expr in _interpolations()}
    assert not sorted(set(ALLOWED) - used)
