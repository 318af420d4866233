"""The `newsloom` command through its entry function: output, errors and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pytest

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


# -- quotes, entities, events, dates ---------------------------------------------------------


def _corpus(folder: Path) -> Path:
    """Two short articles of our own with direct and reported speech, people and dates."""
    folder.mkdir()
    rows = [
        {
            "id": "harbour",
            "published": "2024-03-08",
            "title": "Harbour talks",
            "text": "Harbour talks resume\n\nFinnish Foreign Minister Jukka Lahti arrived in "
            'Riga on Thursday. "We are ready to sign the harbour agreement this week," Lahti '
            "told reporters.\n\nLahti told Latvian state media that the border would reopen "
            "within a month.\n",
        },
        {
            "id": "budget",
            "published": "2024-03-09",
            "title": "Budget vote",
            "text": "Budget vote delayed\n\nLatvian Finance Minister Anna Kowalski said the vote "
            'would take place on Tuesday. "Nobody should expect new taxes this year," '
            "Kowalski said in an interview with CNN.\n",
        },
    ]
    (folder / "feed.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    return folder


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_quotes_entities_and_dates_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "talk.duckdb")
    code, _, err = run("ingest", "--quiet", "--db", db, str(_corpus(tmp_path / "in")))
    assert code == 0 and "2 ingested" in err

    code, out, _ = run("quotes", "--db", db, "--format", "json")
    rows = _lines(out)
    assert code == 0 and {r["kind"] for r in rows} == {"direct", "indirect"}
    code, out, _ = run("quotes", "--db", db, "--speaker", "LAHTI", "--format", "json")
    assert {r["speaker"] for r in _lines(out)} == {"Jukka Lahti"}
    code, out, _ = run("quotes", "--db", db, "--kind", "indirect", "--via", "state media",
                       "--format", "json")  # fmt: skip
    (reported,) = _lines(out)
    assert reported["text"] == "the border would reopen within a month"
    assert (reported["speaker"], reported["via"], reported["article_id"]) == (
        "Jukka Lahti", "Latvian state media", "harbour"
    )  # fmt: skip
    code, out, _ = run("quotes", "--db", db, "--via", "cnn")
    header, *body = out.splitlines()
    assert header.split()[:4] == ["article_id", "kind", "corpus_speaker", "via"]
    assert len(body) == 1 and "Nobody should expect new taxes" in body[0]
    code, out, _ = run("quotes", "--db", db, "--article", "budget", "--format", "json")
    assert {r["article_id"] for r in _lines(out)} == {"budget"}

    code, out, _ = run("entities", "--db", db, "--label", "person", "--format", "json")
    people = {r["name"]: r for r in _lines(out)}
    assert code == 0 and set(people) >= {"Jukka Lahti", "Anna Kowalski"}
    assert people["Jukka Lahti"]["mentions"] >= 2
    assert people["Jukka Lahti"]["articles"] == ["harbour"]
    code, out, _ = run("entities", "--db", db)
    assert out.splitlines()[0].split() == [
        "name", "label", "actor_code", "mentions", "n_articles", "forms", "articles"
    ]  # fmt: skip

    code, out, _ = run("dates", "--db", db, "--article", "harbour", "--format", "json")
    dates = _lines(out)
    assert code == 0 and {d["article_id"] for d in dates} == {"harbour"}
    assert any(d["text"] == "Thursday" and d["value"] == "2024-03-07" for d in dates), dates


def _events_store(db: Path) -> None:
    from newsloom.article import Article, Event, Published
    from newsloom.hashing import content_hash
    from newsloom.store import Store

    text = "Lahti called Kowalski on Monday. Protesters blocked the harbour road."
    events = (
        Event("Lahti called Kowalski on Monday.", 0, "Jukka Lahti", "FINGOV", "041",
              "Anna Kowalski", "LVAGOV", "2024-03-04", "asserted", 0.8),
        Event("Protesters blocked the harbour road.", 33, "protesters", "LVA", "144", None,
              None, None, "asserted", 0.5),
    )  # fmt: skip
    art = Article(id="e1", source="e1", format="text", content_hash=content_hash(text),
                  raw=text, text=text, source_text=text, url="https://example.com/e1",
                  published=Published("2024-03-08", "declared", 1.0), events=events)  # fmt: skip
    with Store(db) as store:
        store.write([art])


def test_events_command_and_event_exports(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    _events_store(db)
    code, out, _ = run("events", "--db", str(db), "--cameo", "04", "--format", "json")
    (call,) = _lines(out)
    assert code == 0 and (call["actor"], call["target_code"]) == ("Jukka Lahti", "LVAGOV")
    code, out, _ = run("events", "--db", str(db), "--since", "2024-03-05", "--format", "json")
    assert [r["cameo"] for r in _lines(out)] == ["144"]  # dated by its article
    code, out, _ = run("events", "--db", str(db), "--actor", "lahti")
    assert len(out.splitlines()) == 2 and "041" in out
    code, _, err = run("events", "--db", str(db), "--since", "last week")
    assert code == EXIT_CODES["usage"] and "since" in err

    tsv = tmp_path / "events.tsv"
    code, _, err = run("export", "--db", str(db), "--format", "gdelt", "-o", str(tsv))
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert code == 0 and "exported 2 events" in err and len(lines) == 3
    assert lines[0].split("\t")[0] == "GLOBALEVENTID"
    plover = tmp_path / "events.json"
    code, _, err = run("export", "--db", str(db), "--format", "plover", "-o", str(plover))
    data = json.loads(plover.read_text(encoding="utf-8"))
    assert [d["event"] for d in data] == ["CONSULT", "PROTEST"]


def test_annotation_commands_need_a_store(tmp_path: Path) -> None:
    for command in ("quotes", "entities", "events", "dates"):
        code, _, err = run(command, "--db", str(tmp_path / "none.duckdb"))
        assert code == EXIT_CODES["not_found"] and "no store" in err


def test_a_second_ingest_merges_names_in_the_json_listings(tmp_path: Path) -> None:
    """Ingested in two runs, the "Kowalski" of one article and the "Anna Kowalski" of the
    other are one person in `entities` and `quotes`; each row keeps its article's name."""
    first = tmp_path / "first"
    first.mkdir()
    (first / "feed.jsonl").write_text(json.dumps({
        "id": "office", "published": "2024-03-10", "title": "Tax office moves",
        "text": "Tax office moves\n\nThe tax office in Riga moved to a new building on Sunday. "
        '"It took too long," Kowalski told reporters.\n',
    }) + "\n", encoding="utf-8")  # fmt: skip
    second = _corpus(tmp_path / "second")
    db = str(tmp_path / "two.duckdb")
    for folder in (first, second):
        code, _, err = run("ingest", "--quiet", "--db", db, str(folder))
        assert code == 0 and "0 rejected" in err

    code, out, _ = run("entities", "--db", db, "--name", "kowalski", "--format", "json")
    (anna,) = _lines(out)
    assert (anna["name"], anna["label"], anna["forms"]) == (
        "Anna Kowalski", "PERSON", ["Anna Kowalski", "Kowalski"]
    )  # fmt: skip
    assert anna["articles"] == ["budget", "office"]
    code, out, _ = run("quotes", "--db", db, "--speaker", "Anna Kowalski", "--kind", "direct",
                       "--format", "json")  # fmt: skip
    rows = _lines(out)
    assert [(r["article_id"], r["speaker"], r["corpus_speaker"]) for r in rows] == [
        ("budget", "Anna Kowalski", "Anna Kowalski"), ("office", "Kowalski", "Anna Kowalski")
    ]  # fmt: skip


def test_an_output_that_is_the_store_is_refused(tmp_path: Path) -> None:
    # `export -o` or `--report` naming the store used to overwrite it and report success
    article = tmp_path / "a.txt"
    article.write_text("The bridge opened on Monday, the city said in a statement.")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(article), "--db", str(db), "--no-stories"], io.StringIO(),
                io.StringIO()) == 0  # fmt: skip
    before = db.read_bytes()
    for target in (db, tmp_path / "s.duckdb.wal"):
        err = io.StringIO()
        code = main(["export", "--db", str(db), "-o", str(target)], io.StringIO(), err)
        assert code == 2 and "refusing" in err.getvalue()
        err = io.StringIO()
        code = main(["ingest", str(article), "--db", str(db), "--report", str(target)],
                    io.StringIO(), err)  # fmt: skip
        assert code == 2 and "refusing" in err.getvalue()
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "hostile", ["\x1b[2J\x1b]0;owned\x07", "a\u202eevil", "nul\x00", "bell\x07", "c1\x9b31m"]
)
def test_data_reaches_the_terminal_with_its_control_characters_shown(
    tmp_path: Path, hostile: str
) -> None:
    # a JSONL title could clear the screen or hide the rejections printed after it
    from newsloom.cli import shown

    assert not any(ch in shown(hostile) for ch in "\x1b\x07\x00\u202e\x9b")
    feed = tmp_path / "feed.jsonl"
    row = {"id": "t1", "title": hostile, "outlet": hostile, "text": "A bridge opened on Monday."}
    feed.write_text(json.dumps(row) + "\n")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(feed), "--db", str(db), "--no-stories"], io.StringIO(),
                io.StringIO()) == 0  # fmt: skip
    for argv in (["articles", "--db", str(db)], ["articles", "show", "t1", "--db", str(db)]):
        out = io.StringIO()
        assert main(argv, out, io.StringIO()) == 0
        assert not any(ch in out.getvalue() for ch in "\x1b\x07\x00\u202e\x9b")


@pytest.mark.parametrize(
    "argv",
    [
        ["articles", "--limit", "-1"],
        ["articles", "--offset", "-5"],
        ["articles", "--limit", "99999999999999999999"],
        ["quotes", "--limit", "many"],
        ["ingest", "x.txt", "--workers", "0"],
        ["ingest", "x.txt", "--max-bytes", "0"],
    ],
)
def test_bad_numbers_are_usage_errors_not_tracebacks(tmp_path: Path, argv: list[str]) -> None:
    # they used to raise deep in the store (exit 5, as if the store failed) or print a traceback
    err = io.StringIO()
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--db", str(tmp_path / "s.duckdb")], io.StringIO(), err)
    assert stop.value.code == 2


@pytest.mark.parametrize("bad", ["notadate", "9999-99-99", "2018-13-45"])
def test_an_unreadable_published_flag_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    # it used to be ignored without a word
    article = tmp_path / "a.txt"
    article.write_text("The bridge opened on Monday, the city said.")
    for command in ("analyze", "ingest"):
        err = io.StringIO()
        argv = [command, str(article), "--published", bad]
        if command == "ingest":
            argv += ["--db", str(tmp_path / "s.duckdb")]
        assert main(argv, io.StringIO(), err) == 2
        assert "--published" in err.getvalue()


def test_a_readable_published_flag_is_used(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The bridge opened on Monday, the city said.")
    out = io.StringIO()
    assert main(["analyze", str(article), "--published", "2017-12-20"], out, io.StringIO()) == 0
    assert json.loads(out.getvalue())["published"]["value"] == "2017-12-20"


def test_a_store_whose_folder_cannot_be_made_is_a_store_error(tmp_path: Path) -> None:
    # issue 15, item 14: a traceback before; a file stands where the folder should be
    folder = _write(tmp_path / "in")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    code, _, err = run("ingest", str(folder), "--db", str(blocker / "sub" / "s.duckdb"),
                       "--no-stories")  # fmt: skip
    assert code == EXIT_CODES["store"]
    assert "cannot create the folder" in err and "Traceback" not in err


def test_a_report_path_that_cannot_be_written_is_refused_before_the_ingest(
    tmp_path: Path,
) -> None:
    folder = _write(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    code, _, err = run("ingest", str(folder), "--db", str(db), "--no-stories",
                       "--report", str(tmp_path / "missing" / "r.json"))  # fmt: skip
    assert code == EXIT_CODES["usage"]
    assert "is not an existing folder" in err
    assert not db.exists()  # refused before anything was stored


def test_a_report_that_fails_after_the_commit_says_the_ingest_is_kept(tmp_path: Path) -> None:
    folder = _write(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    (tmp_path / "report.json").mkdir()  # a folder where the report should go
    code, _, err = run("ingest", str(folder), "--db", str(db), "--no-stories",
                       "--report", str(tmp_path / "report.json"))  # fmt: skip
    assert code == EXIT_CODES["output"]
    assert "the ingest itself is committed" in err
    code, out, _ = run("articles", "--db", str(db))
    assert code == 0 and "Ferry" in out
