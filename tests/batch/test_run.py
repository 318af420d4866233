"""`batch` then `ingest --shards` stores what `ingest` stores; a rerun resumes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from newsloom.batch import run_batch
from newsloom.cli import main
from newsloom.errors import StageError
from newsloom.pipeline import TEXT_STAGES
from newsloom.store.shards import complete_shards


def _tables(db: Path) -> dict[str, list[str]]:
    """Every table of a store as sorted rows; timestamps (when a row was written, never what
    an article says) left out."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        tables = "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        names = [r[0] for r in conn.execute(tables).fetchall()]
        out = {}
        for table in names:
            cols = [
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                    "AND schema_name = 'main' AND data_type <> 'TIMESTAMP' ORDER BY column_index",
                    [table],
                ).fetchall()
            ]
            select = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(
                repr(row) for row in conn.execute(f"SELECT {select} FROM {table}").fetchall()
            )
        return out
    finally:
        conn.close()


def test_batch_then_ingest_shards_equals_ingest(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "one.duckdb"), "--quiet"]) == 0
    # partitions of 4 documents: the WARC and the feed are cut into spans, and the repeats
    # and the id conflict fall in different partitions
    args = ["batch", str(corpus), "--out", str(out), "--workers", "2", "--partition-size", "4"]
    assert main([*args, "--quiet"]) == 0
    assert main(["ingest", "--shards", str(out), "--db", str(tmp_path / "two.duckdb")]) == 0

    direct, sharded = _tables(tmp_path / "one.duckdb"), _tables(tmp_path / "two.duckdb")
    assert direct.keys() == sharded.keys()
    for table in direct:
        assert sharded[table] == direct[table], table
    # the corpus has what the comparison is meant to cover
    assert len(direct["articles"]) > 20 and direct["quotes"] and direct["events"]
    assert direct["stories"] and direct["corpus_names"]
    reasons = "".join(direct["rejections"])
    for reason in ("binary", "bad_json", "id_conflict", "empty"):
        assert reason in reasons
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["partitions"]) > 5
    assert all(p["complete"] for p in manifest["partitions"])


def test_rerun_skips_complete_shards_and_redoes_a_missing_one(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([str(corpus)], out, workers=1, partition_size=6, stages=TEXT_STAGES)
    shards = complete_shards(out)
    assert first.written == len(shards) > 3 and first.skipped == 0
    stamps = {p.name: (p / "manifest.json").stat().st_mtime_ns for p in shards}
    lost = shards[2]
    shutil.rmtree(lost)
    (out / "shards" / ".tmp-leftover").mkdir()  # what a killed worker leaves

    second = run_batch([str(corpus)], out, workers=1, partition_size=6, stages=TEXT_STAGES)
    assert (second.written, second.skipped) == (1, len(shards) - 1)
    assert [p.name for p in complete_shards(out)] == sorted(stamps)
    for path in complete_shards(out):
        if path.name != lost.name:
            assert (path / "manifest.json").stat().st_mtime_ns == stamps[path.name]
    assert not (out / "shards" / ".tmp-leftover").exists()
    assert second.articles == json.loads((lost / "manifest.json").read_text())["articles"]


def test_usage_errors_exit_2_before_any_cluster_starts(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", "--db", db]) == 2
    assert main(["ingest", "a.txt", "--shards", str(tmp_path), "--db", db]) == 2
    assert main(["batch", "-", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "--shards DIR" in err and "standard input" in err


def test_a_partition_that_cannot_be_written_fails_alone_and_a_rerun_retries_it(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, workers=1, partition_size=10, stages=TEXT_STAGES)
    shards = complete_shards(out)
    blocked = shards[1]
    shutil.rmtree(blocked)
    blocked.write_text("a file where the shard folder goes")  # the rename into place fails
    with pytest.raises(StageError, match=f"1 of {len(shards)} partitions failed.*{blocked.name}"):
        run_batch([str(corpus)], out, workers=1, partition_size=10, stages=TEXT_STAGES,
                  retries=1)  # fmt: skip
    manifest = json.loads((out / "manifest.json").read_text())
    assert [p["name"] for p in manifest["partitions"] if not p["complete"]] == [blocked.name]
    blocked.unlink()
    again = run_batch([str(corpus)], out, workers=1, partition_size=10, stages=TEXT_STAGES)
    assert (again.written, again.skipped) == (1, len(shards) - 1)
