"""The partition plan: inputs expanded as ingest reads them, containers cut, ids stable."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.batch.plan import Source, Span, expand, plan, spans
from newsloom.errors import ConfigError
from newsloom.ingest import Overrides
from newsloom.settings import DEFAULT_SETTINGS


def _files(root: Path) -> list[Path]:
    (root / "sub").mkdir()
    paths = [root / "b.txt", root / "sub" / "a.html", root / "feed.jsonl", root / ".hidden.txt"]
    for p in paths:
        p.write_text("<p>x</p>" if p.suffix == ".html" else "x", encoding="utf-8")
    return paths


def test_expand_walks_folders_in_ingest_order_and_matches_globs(tmp_path: Path) -> None:
    _files(tmp_path)
    names = [s.name for s in expand([str(tmp_path)])]
    assert names == [str(tmp_path / n) for n in ("b.txt", "feed.jsonl", "sub/a.html")]
    assert [s.name for s in expand([str(tmp_path / "*.txt")])] == [str(tmp_path / "b.txt")]
    missing = expand([str(tmp_path / "none-*.txt")])
    assert [s.name for s in missing] == [str(tmp_path / "none-*.txt")]  # read as not_found


def test_stdin_is_refused() -> None:
    with pytest.raises(ConfigError, match="standard input"):
        expand(["-"])


def test_containers_are_the_files_that_may_hold_many_documents() -> None:
    kinds = {n: Source(n).container for n in ("a.txt", "a.html.gz", "a.jsonl", "a.warc.gz", "a")}
    assert kinds == {"a.txt": False, "a.html.gz": False, "a.jsonl": True, "a.warc.gz": True,
                     "a": True}  # fmt: skip


def test_spans_cover_a_container_once_and_the_last_reads_to_the_end() -> None:
    source = Source("feed.jsonl")
    cut = spans(source, 10, 4)
    assert [(s.start, s.stop, s.weight) for s in cut] == [(0, 4, 4), (4, 8, 4), (8, None, 2)]
    assert spans(source, None, 4) == [Span(source)]


def test_plan_packs_in_order_and_ids_depend_on_what_is_read() -> None:
    singles = [Span(Source(f"{i}.txt", size=1, stamp="t")) for i in range(5)]
    feed = spans(Source("feed.jsonl", size=9, stamp="t"), 6, 3)
    parts = plan([*singles, *feed], 3, DEFAULT_SETTINGS, Overrides())
    assert [p.weight for p in parts] == [3, 2, 3, 3]
    assert [s for p in parts for s in p.spans] == [*singles, *feed]
    again = plan([*singles, *feed], 3, DEFAULT_SETTINGS, Overrides())
    assert [p.name for p in again] == [p.name for p in parts]
    changed = [Span(Source("0.txt", size=2, stamp="t")), *singles[1:], *feed]
    assert plan(changed, 3, DEFAULT_SETTINGS, Overrides())[0].id != parts[0].id
    other = plan([*singles, *feed], 3, DEFAULT_SETTINGS.with_(max_chars=10), Overrides())
    assert {p.id for p in other}.isdisjoint(p.id for p in parts)
