"""Stories over the store: built by every ingest, ids stable as the corpus grows, the CLI and
the contract's JSON, the `--story` filters. Runs on the bundled demo corpus."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsloom.cli import main
from newsloom.demo import input_files
from newsloom.loom import Loom

CONTRACT = {"id", "title", "articles", "duplicates", "timeline", "summary", "conflicts"}


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """A store that got half the demo corpus, then the rest: stories before and after."""
    db = tmp_path_factory.mktemp("stories") / "s.duckdb"
    files = sorted(str(p) for p in input_files() if str(p).endswith(".txt"))
    loom = Loom(db)
    first = loom.ingest(files[: len(files) // 2])
    assert first.stories
    before = {s["id"]: s for s in (st.to_dict() for st in loom.all_stories())}
    loom.ingest([str(p) for p in input_files()])
    after = {s["id"]: s for s in (st.to_dict() for st in loom.all_stories())}
    return db, before, after


def test_every_article_is_in_exactly_one_story(grown) -> None:
    db, _, after = grown
    placed = [a for s in after.values() for a in s["articles"]]
    assert len(placed) == len(set(placed)) == Loom(db).articles(limit=1000).__len__()


def test_story_ids_and_members_survive_a_second_ingest(grown) -> None:
    _, before, after = grown
    for sid, story in before.items():
        assert sid in after
        assert set(story["articles"]) <= set(after[sid]["articles"])


def test_the_wire_on_three_sites_is_one_copy_group_counted_once(grown) -> None:
    _, _, after = grown
    groups = [g for s in after.values() for g in s["duplicates"] if len(g["articles"]) >= 3]
    assert groups, "the demo's wire story is on three sites"
    story = next(s for s in after.values() if set(groups[0]["articles"]) <= set(s["articles"]))
    assert story["independent_sources"] <= len(story["articles"]) - len(groups[0]["articles"]) + 1


def test_the_spun_copy_is_flagged(grown) -> None:
    _, _, after = grown
    assert any(g["spun"] for s in after.values() for g in s["duplicates"])


def test_citations_round_trip_in_the_store(grown) -> None:
    db, _, after = grown
    loom = Loom(db)
    checked = 0
    for story in after.values():
        for s in story["summary"]:
            for c in s["evidence"]:
                text = loom.get(c["article"]).text
                assert text[c["start"] : c["end"]].strip()
                checked += 1
            first = s["evidence"][0]
            assert loom.get(first["article"]).text[first["start"] : first["end"]] == s["sentence"]
    assert checked


def test_stories_and_story_commands(grown) -> None:
    db, _, after = grown
    out, err = io.StringIO(), io.StringIO()
    assert main(["stories", "--db", str(db), "--format", "json"], out, err) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["id"] for r in rows} == set(after)
    assert all(set(r) >= CONTRACT for r in rows)
    biggest = max(after.values(), key=lambda s: len(s["articles"]))
    out = io.StringIO()
    assert main(["story", biggest["id"], "--db", str(db), "--why"], out, err) == 0
    report = out.getvalue()
    for heading in ("Summary", "Sources", "Why each article is here"):
        assert heading in report
    assert main(["story", "no-such-story", "--db", str(db)], io.StringIO(), err) == 7


def test_story_filters_on_the_annotation_commands(grown) -> None:
    db, _, after = grown
    biggest = max(after.values(), key=lambda s: len(s["articles"]))
    for command in ("quotes", "events", "entities"):
        out = io.StringIO()
        code = main([command, "--db", str(db), "--story", biggest["id"], "--format", "json"],
                    out, io.StringIO())  # fmt: skip
        assert code == 0
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
        key = "articles" if command == "entities" else "article_id"
        for row in rows:
            ids = row[key] if isinstance(row[key], list) else [row[key]]
            assert set(ids) & set(biggest["articles"])


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_stories_export(grown, tmp_path: Path, fmt: str) -> None:
    db, _, after = grown
    target = tmp_path / f"stories.{fmt}"
    assert main(["export", "--db", str(db), "--stories", "--format", fmt, "-o", str(target)],
                io.StringIO(), io.StringIO()) == 0  # fmt: skip
    if fmt == "jsonl":
        ids = {json.loads(line)["id"] for line in target.read_text().splitlines()}
    else:
        import pyarrow.parquet as pq

        ids = set(pq.read_table(target).column("id").to_pylist())
    assert ids == set(after)


def test_a_spun_article_is_flagged_on_its_story(grown) -> None:
    _, _, after = grown
    flagged = [a for s in after.values() for a in s["spun"]]
    assert len(flagged) == 1  # the demo's world-news-digest copy
