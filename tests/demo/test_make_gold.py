"""The gold builder: offsets found in text order, rows checked against the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsloom.demo import corpus_path, make_gold


@pytest.mark.parametrize(
    ("text", "needles", "expected"),
    [
        ("He said it. He said it again.", ["said", "said"], [3, 15]),
        ("“Go now,” she said. “Go now,” he said.", ["Go now,", "Go now,"], [1, 21]),
        ("on Monday and Monday night", ["Monday night"], [14]),
        ("Tuesday's vote, then Tuesday", ["Tuesday's", "Tuesday"], [0, 21]),
    ],
)
def test_place_finds_each_row_after_the_previous_one(text, needles, expected):
    rows = [{"id": "a", "quote": needle} for needle in needles]
    placed = make_gold.place(rows, "quote", {"a": text})
    assert [row["start"] for row in placed] == expected


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("He said it.", ["never said"]),
        ("second then first", ["first", "second"]),
        ("once only", ["once", "once"]),
    ],
)
def test_place_rejects_rows_that_do_not_fit(text, needles):
    rows = [{"id": "a", "quote": needle} for needle in needles]
    with pytest.raises(ValueError, match="not found"):
        make_gold.place(rows, "quote", {"a": text})


@pytest.mark.parametrize(
    ("text", "lines", "ok"),
    [
        ("Hide Ad\nbody\nHide Ad", ["Hide Ad", "Hide Ad"], True),
        ("Hide Ad\nbody", ["Hide Ad", "Hide Ad"], False),
        ("Advertisement here\nbody", ["Advertisement"], False),
    ],
)
def test_boilerplate_lines_must_be_whole_lines(text, lines, ok):
    rows = [{"id": "a", "lines": lines}]
    if ok:
        make_gold.check_boilerplate(rows, {"a": text})
    else:
        with pytest.raises(ValueError):
            make_gold.check_boilerplate(rows, {"a": text})


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [("one\ntwo\nthree", 5, "two"), ("one\ntwo", 0, "one"), ("one\ntwo", 6, "two")],
)
def test_line_at(text, offset, expected):
    assert make_gold.line_at(text, offset) == expected


def test_rebuilding_the_committed_gold_changes_nothing(tmp_path: Path):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_path(), copy)
    make_gold.build(copy / "gold")
    for path in sorted((corpus_path() / "gold").glob("*.jsonl")):
        assert (copy / "gold" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_moved_quote_is_found_again(tmp_path: Path):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_path(), copy)
    quotes = copy / "gold" / "quotes.jsonl"
    rows = make_gold.read_jsonl(quotes)
    rows[0]["start"] = 0
    make_gold.write_jsonl(quotes, rows)
    make_gold.build(copy / "gold")
    assert make_gold.read_jsonl(quotes)[0]["start"] == make_gold.read_jsonl(
        corpus_path() / "gold" / "quotes.jsonl")[0]["start"] > 0
