"""The `newsloom` command through its entry function: output, errors and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb

from newsloom.cli import main
from newsloom.errors import EXIT_CODES


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _write(folder: Path) -> Path:
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Ferry service resumes after storm\n\nThe ferry between Lorn and Kell ran again on "
        "Sunday after three days of gales, the operator said.\n",
        encoding="utf-8",
    )
    (folder / "feed.jsonl").write_text(
        json.dumps(
            {
                "id": "f1",
                "url": "https://www.example.com/2025/01/02/a",
                "title": "Budget passes",
                "text": "The regional budget passed on Thursday with a majority of four votes.",
            }
        )
        + "\n{not json\n",
        encoding="utf-8",
    )
    return folder


def test_analyze_prints_one_json_line_per_article_and_errors_on_stderr(tmp_path: Path) -> None:
    folder = _write(tmp_path / "in")
    code, out, err = run("analyze", str(folder), str(tmp_path / "nope.txt"))
    assert code == EXIT_CODES["ok"]
    lines = [json.loads(line) for line in out.splitlines()]
    assert {row["id"] for row in lines} >= {"f1"}
    assert len(lines) == 2
    f1 = next(row for row in lines if row["id"] == "f1")
    assert f1["outlet"] == "example.com"
    assert "nope.txt" in err and "feed.jsonl:2" in err
    assert "2 analysed, 2 rejected" in err


def test_analyze_strict_exit_code(tmp_path: Path) -> None:
    code, _, _ = run("analyze", "--strict", str(tmp_path / "nope.txt"))
    assert code == EXIT_CODES["rejected"]


def test_analyze_seeds_gives_both_titles(seeds: Path) -> None:
    gold = {
        json.loads(x)["file"]: json.loads(x)["title"] for x in (seeds / "articles.jsonl").open()
    }
    code, out, _ = run("analyze", *(str(seeds / name) for name in sorted(gold)))
    assert code == 0
    titles = [json.loads(line)["title"] for line in out.splitlines()]
    assert titles == [gold[name] for name in sorted(gold)]


def test_ingest_list_show_export(tmp_path: Path) -> None:
    folder = _write(tmp_path / "in")
    db = str(tmp_path / "cli.duckdb")
    code, _, err = run("ingest", "--quiet", "--db", db, str(folder))
    assert code == 0 and "2 ingested" in err and "1 rejected (1 bad_json)" in err
    code, _, err = run("ingest", "--quiet", "--db", db, str(folder))
    assert "0 ingested, 2 already present" in err

    code, out, _ = run("articles", "--db", db, "--format", "json")
    assert code == 0 and {json.loads(x)["id"] for x in out.splitlines()} >= {"f1"}
    code, out, _ = run("articles", "show", "f1", "--db", db)
    assert code == 0 and "Budget passes" in out

    target = tmp_path / "out.parquet"
    code, _, err = run("export", "--db", db, "--format", "parquet", "-o", str(target))
    assert code == 0
    assert duckdb.sql(f"select count(*) from '{target}'").fetchone()[0] == 2
    target = tmp_path / "out.jsonl"
    run("export", "--db", db, "--format", "jsonl", "-o", str(target))
    rows = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in rows} >= {"f1"} and all("published" in r for r in rows)


def test_missing_things_have_their_exit_codes(tmp_path: Path) -> None:
    code, _, err = run("articles", "--db", str(tmp_path / "none.duckdb"))
    assert code == EXIT_CODES["not_found"] and "no store" in err
    code, _, err = run("eval", str(tmp_path / "no-gold"))
    assert code == EXIT_CODES["eval"] and "not a gold set" in err


def test_eval_on_the_seeds_prints_figures(seeds: Path) -> None:
    code, out, _ = run("eval", str(seeds))
    assert code == 0
    assert "boilerplate lines removed" in out
    assert "publication date" in out
