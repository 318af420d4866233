"""Random bytes, random HTML and random JSONL rows through `analyze` and `ingest` (issue 15).

Whatever comes in: no traceback, every input is analysed or rejected with a reason that names
its file, and the store stays consistent (no annotation without its article, no id twice).
The number of examples is bounded so the suite stays fast; `--hypothesis-seed` replays a run.
"""

from __future__ import annotations

import io
import json
import string
import tempfile
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsloom.cli import main
from newsloom.errors import EXIT_CODES, Reason
from newsloom.loom import Loom
from newsloom.store.rows import ANNOTATIONS

_TAGS = ["p", "div", "h1", "span", "script", "style", "a", "img", "table", "td", "nav", "li"]
#: letters, punctuation that HTML and JSON care about, and characters that have hurt before:
#: NUL, zero-width space, a bidirectional override, an escape, a byte-order mark
_ODD = ["é", "ü", "日", "\u200b", "\x00", "\u202e", "\x1b", "\ufeff"]
_WORDS = st.text(
    alphabet=st.sampled_from([*string.ascii_letters, *" .,\"'<>&;:!?-\n", *_ODD]), max_size=120
)


@st.composite
def _html(draw: st.DrawFn) -> bytes:
    parts = draw(st.lists(st.tuples(st.sampled_from(_TAGS), _WORDS), max_size=12))
    body = "".join(f"<{tag} onerror=\"x\">{text}</{tag}>" for tag, text in parts)
    if draw(st.booleans()):
        body = body[: draw(st.integers(0, len(body)))]  # cut anywhere, even inside a tag
    return f"<html><head><title>{draw(_WORDS)}</title></head><body>{body}".encode(
        draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), errors="replace"
    )


_VALUE = st.one_of(
    _WORDS, st.integers(), st.none(), st.booleans(), st.lists(st.integers(), max_size=2)
)
_ROW = st.dictionaries(
    st.sampled_from(["id", "url", "outlet", "title", "published", "text", "html", "story"]),
    _VALUE,
    max_size=6,
)


@st.composite
def _jsonl(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.one_of(_ROW.map(json.dumps), _WORDS, st.just("")), max_size=8))
    return "\n".join(lines).encode("utf-8", errors="replace")


_FILES = st.lists(
    st.one_of(
        st.tuples(st.just("bin"), st.binary(max_size=600)),
        st.tuples(st.just("html"), _html()),
        st.tuples(st.just("txt"), _WORDS.map(lambda t: t.encode("utf-8", errors="replace"))),
        st.tuples(st.just("jsonl"), _jsonl()),
    ),
    min_size=1,
    max_size=4,
)


def _write(folder: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    paths = []
    for i, (ext, data) in enumerate(files):
        path = folder / f"in{i}.{ext}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _check_store(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        (dupes,) = con.execute(
            "SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"
        ).fetchone()
        assert dupes == 0
        for table in ANNOTATIONS:
            (orphans,) = con.execute(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                "(SELECT 1 FROM articles a WHERE a.id = t.article_id)"
            ).fetchone()
            assert orphans == 0, table
    finally:
        con.close()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(files=_FILES)
def test_ingest_accounts_for_every_input_and_keeps_the_store_consistent(files) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = _write(folder, files)
        db = Path(tmp) / "s.duckdb"
        report = Loom(db).ingest([folder], stories=False)
        for rejection in report.rejections:
            assert isinstance(rejection.reason, Reason)
            assert any(rejection.source.startswith(str(p)) for p in paths), rejection.source
            assert rejection.message.startswith(rejection.source)
        handled = report.ingested + report.already_present + sum(r.count for r in report.rejections)
        singles = sum(1 for p in paths if p.suffix != ".jsonl")
        assert handled >= singles
        for path in paths:  # every single-document file is stored, known or rejected
            if path.suffix != ".jsonl":
                named = any(r.source.startswith(str(path)) for r in report.rejections)
                assert named or report.ingested + report.already_present > 0
        _check_store(db)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(files=_FILES)
def test_analyze_on_the_command_line_never_shows_a_traceback(files) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        paths = _write(Path(tmp), files)
        out, err = io.StringIO(), io.StringIO()
        code = main(["analyze", *map(str, paths)], out=out, err=err)
        assert code == EXIT_CODES["ok"]
        assert "Traceback" not in err.getvalue()
        analysed = [json.loads(line) for line in out.getvalue().splitlines()]
        summary = err.getvalue().strip().splitlines()[-1]
        assert summary.startswith(f"newsloom: {len(analysed)} analysed, ")
