"""The Python API end to end: analyze one input; ingest into a store, twice and after a kill."""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import newsloom
from newsloom.errors import Reason, RejectDocument
from newsloom.ingest import Overrides
from newsloom.loom import Loom
from newsloom.settings import Settings
from newsloom.store import Store

STORY = (
    "Harbour workers strike over pay\n\n"
    "Dock workers in the port of Talvik walked out on Monday, the union said.\n\n"
    "\u201cWe have waited three years for this offer,\u201d union leader Mira Osk told reporters.\n"
)


def test_analyze_text_gives_a_contract_article() -> None:
    article = newsloom.analyze(STORY, url="https://example.org/2025/03/04/strike", id="s1")
    assert article.id == "s1"
    assert "Dock workers" in article.text
    assert article.to_dict()["url"] == "https://example.org/2025/03/04/strike"


def test_analyze_rejects_html_without_text() -> None:
    page = "<html><head><script>var a = 1;</script><style>p {}</style></head><body></body></html>"
    with pytest.raises(RejectDocument) as info:
        newsloom.analyze(page, format="html")
    assert info.value.reason is Reason.NO_CONTENT


def test_analyze_wants_a_string() -> None:
    with pytest.raises(TypeError, match="bytes"):
        newsloom.analyze(b"bytes are not text")  # type: ignore[arg-type]


def _corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(
            f"Council vote number {i} passes\n\n"
            f"The town council of Berrow approved measure {i} on Tuesday by a wide margin. "
            f"Supporters said measure {i} would fund {i + 3} new classrooms.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_ingest_twice_is_a_no_op_the_second_time(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 6)
    (tmp_path / "in" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    db = tmp_path / "news.duckdb"
    first = Loom(db).ingest([tmp_path / "in"])
    assert first.ingested == 6
    assert first.rejected == {"binary": 1}
    second = Loom(db).ingest([tmp_path / "in"])
    assert second.ingested == 0 and second.already_present == 6
    assert "6 already present" in second.summary()
    with Store(db, read_only=True) as store:
        assert store.count() == 6


KILL_SCRIPT = """
import sys
from newsloom.loom import Loom
from newsloom.settings import Settings

def progress(n):
    print("batch", n, flush=True)

Loom(sys.argv[1], settings=Settings(batch_size=4)).ingest([sys.argv[2]], progress=progress)
"""


def test_ingest_killed_with_sigkill_keeps_whole_articles_and_resumes(tmp_path: Path) -> None:
    # enough that the run is far from done when the third batch (12 articles) is reported
    paths = _corpus(tmp_path / "in", 100)
    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(db), str(tmp_path / "in")],
        stdout=subprocess.PIPE,
        text=True,
    )
    # the writer reports each committed batch; kill it without warning after the third
    assert proc.stdout is not None
    for _ in range(3):
        assert proc.stdout.readline().startswith("batch"), "ingest stopped before three batches"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()

    with Store(db) as store:
        committed = store.count()
        assert 0 < committed < len(paths)
        assert not store.names_current()  # killed before the run could name the corpus
        for article in store.iter_articles():
            fresh = newsloom.analyze(Path(article.source).read_text(encoding="utf-8"))
            assert article.text == fresh.text
            assert article.removed == fresh.removed
            assert article.title == fresh.title

    resumed = Loom(db, settings=Settings(batch_size=50)).ingest([tmp_path / "in"])
    assert resumed.already_present == committed
    assert resumed.ingested == len(paths) - committed
    with Store(db, read_only=True) as store:
        assert store.count() == len(paths)
        assert store.names_current()


def test_report_serialises(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 2)
    report = Loom(tmp_path / "r.duckdb").ingest([tmp_path / "in", tmp_path / "missing.txt"])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["ingested"] == 2
    assert data["rejected"] == {"not_found": 1}
    assert "missing.txt" in data["rejections"][0]["message"]


def test_worker_processes_give_the_same_articles(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 12)
    one = Loom(tmp_path / "one.duckdb").ingest([tmp_path / "in"])
    two = Loom(tmp_path / "two.duckdb", workers=2).ingest([tmp_path / "in"])
    assert one.ingested == two.ingested == 12
    with (
        Store(tmp_path / "one.duckdb", read_only=True) as a,
        Store(tmp_path / "two.duckdb", read_only=True) as b,
    ):
        for article in a.iter_articles():
            twin = b.get(article.id)
            assert (
                twin is not None and twin.text == article.text and twin.removed == article.removed
            )


def test_workers_must_be_positive(tmp_path: Path) -> None:
    from newsloom.errors import ConfigError

    with pytest.raises(ConfigError, match="workers"):
        Loom(tmp_path / "x.duckdb", workers=0)


def test_a_wrong_stage_list_fails_before_reading_anything(tmp_path: Path) -> None:
    from newsloom.errors import ConfigError

    loom = Loom(tmp_path / "x.duckdb", stages=("extract", "no_such_stage"))
    with pytest.raises(ConfigError, match="no_such_stage"):
        loom.ingest([tmp_path / "missing"])
    assert not (tmp_path / "x.duckdb").exists()


def test_annotation_queries_through_the_api(tmp_path: Path) -> None:
    """`Loom.quotes/entities/events/dates` read the store, filtered as the CLI filters."""
    from newsloom.article import Event

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strike.txt").write_text(STORY, encoding="utf-8")
    loom = Loom(tmp_path / "api.duckdb")
    loom.ingest([folder], overrides=Overrides(published="2025-03-04"))
    quotes = loom.quotes(speaker="osk")
    assert [q["speaker"] for q in quotes] == ["Mira Osk"]
    assert quotes[0]["text"].startswith("We have waited three years")
    assert loom.quotes(speaker="osk", kind="indirect") == []
    assert loom.quotes(kind="indirect", speaker="union")[0]["text"].startswith("Dock workers")
    assert "Mira Osk" in {e["name"] for e in loom.entities(label="PERSON")}
    assert {d["text"]: d["value"] for d in loom.dates()}.get("Monday") == "2025-03-03"
    # events come from a stage of their own; stored ones are read back filtered
    (stored,) = loom.articles()
    article = loom.get(stored["id"])
    assert article is not None
    call = Event("Dock workers ... walked out on Monday", 0, "union", "TLK", "143")
    with Store(tmp_path / "api.duckdb") as store:
        store.write([dataclasses.replace(article, events=(call,))])
    assert [e["cameo"] for e in loom.events(cameo="14")] == ["143"]
    assert loom.events(cameo="04") == []


FOLLOW_UP = (
    "Harbour strike ends\n\n"
    "Dock workers in Talvik went back to work on Friday after a four-day strike, the union "
    "said.\n\n"
    "\u201cWe got most of what we asked for,\u201d Osk told reporters outside the port gates.\n"
)


def test_a_later_ingest_names_people_across_both(tmp_path: Path) -> None:
    """The first run stores an article that only says "Osk"; the second brings "Mira Osk":
    from then on, both articles' Osk is Mira Osk, and each article keeps its own names."""
    for name, text in (("later", FOLLOW_UP), ("first", STORY)):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
    loom = Loom(tmp_path / "names.duckdb")
    loom.ingest([tmp_path / "later"])
    assert {e["name"] for e in loom.entities(label="PERSON")} == {"Osk"}
    loom.ingest([tmp_path / "first"])
    (osk,) = loom.entities(label="PERSON", name="osk")
    assert (osk["name"], osk["forms"], osk["n_articles"]) == ("Mira Osk", ["Mira Osk", "Osk"], 2)
    quotes = loom.quotes(speaker="Mira Osk", kind="direct")
    assert sorted(q["speaker"] for q in quotes) == ["Mira Osk", "Osk"]  # as each article says
    assert {q["corpus_speaker"] for q in quotes} == {"Mira Osk"}
    with Store(tmp_path / "names.duckdb", read_only=True) as store:
        assert store.names_current()


def test_a_reused_id_with_other_content_is_an_id_conflict(tmp_path: Path) -> None:
    # it used to be counted "already present" and dropped without a word, even with --strict
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "x1", "text": "The bridge opened on Monday."}) + "\n")
    second.write_text(
        json.dumps({"id": "x1", "text": "A different story about a dam."}) + "\n"
        + json.dumps({"id": "x1", "text": "The bridge opened on Monday."}) + "\n"
    )  # fmt: skip
    loom = Loom(tmp_path / "s.duckdb")
    loom.ingest([first], stories=False)
    report = loom.ingest([second], stories=False)
    assert report.ingested == 0 and report.already_present == 1
    assert [str(r.reason) for r in report.rejections] == ["id_conflict"]
    assert loom.get("x1").text.startswith("The bridge")


@pytest.mark.parametrize(
    "junk", ["\x00\x00\x00", "\u200b\u200b \u200d", "\x01\x02\x03\n\x7f", "\ufeff"]
)
def test_a_text_of_invisible_characters_is_rejected_as_empty(tmp_path: Path, junk: str) -> None:
    path = tmp_path / "junk.jsonl"
    path.write_text(json.dumps({"id": "j", "text": junk}) + "\n" + json.dumps(
        {"id": "k", "text": "A story about a bridge that opened."}) + "\n")  # fmt: skip
    report = Loom(tmp_path / "s.duckdb").ingest([path], stories=False)
    assert report.ingested == 1
    assert [str(r.reason) for r in report.rejections] == ["empty"]
