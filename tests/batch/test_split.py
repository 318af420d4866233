"""Containers split once into span files: the same items back, in order, and reused."""

from __future__ import annotations

import json
from pathlib import Path

from newsloom.batch.plan import Source, spans
from newsloom.batch.split import load_span, read_split, remove_leftovers
from newsloom.batch.work import read_span, split_source
from newsloom.ingest import Overrides, read_inputs
from newsloom.settings import DEFAULT_SETTINGS


def _feed(path: Path) -> Path:
    rows = [{"id": f"r{i}", "text": f"Row {i} \u00e9t\u00e9.", "published": "2024-05-0{i}",
             "extra": {"tags": ["a", i]}} for i in range(1, 8)]  # fmt: skip
    lines = [json.dumps(r) for r in rows]
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_split_gives_back_what_the_reader_gives_in_spans(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    source = Source(str(feed), size=feed.stat().st_size, stamp="1")
    count, files = split_source(source, str(tmp_path / "out"), DEFAULT_SETTINGS, Overrides(), 3)
    direct = list(read_inputs([feed]))
    assert count == len(direct) == 8 and len(files) == 3
    back = [item for f in files for item in load_span(f)]
    assert back == direct
    cut = spans(source, count, 3, files)
    assert [s.weight for s in cut] == [3, 3, 2]
    assert [i for s in cut for i in read_span(s, DEFAULT_SETTINGS, Overrides())] == direct


def test_a_complete_split_is_reused_without_reading_the_source(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    source = Source(str(feed), size=feed.stat().st_size, stamp="1")
    out = str(tmp_path / "out")
    first = split_source(source, out, DEFAULT_SETTINGS, Overrides(), 4)
    feed.unlink()  # a second split would read nothing now
    assert split_source(source, out, DEFAULT_SETTINGS, Overrides(), 4) == first
    assert not [p for p in (tmp_path / "out" / "spans").iterdir() if p.name.startswith(".")]
    other = Source(str(feed), size=1, stamp="2")
    assert read_split(out, "nothing") is None
    assert split_source(other, out, DEFAULT_SETTINGS, Overrides(), 4)[0] == 1  # not_found


def test_a_killed_split_leaves_only_a_temporary_folder_that_is_removed(tmp_path: Path) -> None:
    (tmp_path / "spans" / ".tmp-abc-1234").mkdir(parents=True)
    assert read_split(tmp_path, "abc") is None
    assert remove_leftovers(tmp_path) == 1
    assert list((tmp_path / "spans").iterdir()) == []
