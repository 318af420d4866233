"""The bundled demo corpus: where it is, what it holds, and that its gold fits its texts."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

import newsloom
from newsloom.demo import corpus_path, gold_path, input_files
from newsloom.evaluation.gold import GoldSet, load_gold

FEED_KEYS = {"id", "url", "outlet", "title", "published", "text"}
BASES = {"declared", "url", "metadata", "dateline", "none"}
WIRE = ("volta-accord/harbour-times-1.txt", "volta-accord/coastline-daily-1.html",
        "volta-accord/c7-news-1.txt")


@pytest.fixture(scope="module")
def gold() -> GoldSet:
    return load_gold(gold_path())


@pytest.fixture(scope="module")
def feed_rows() -> list[dict]:
    lines = (corpus_path() / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def story_files() -> list[Path]:
    return [p for p in input_files() if p.suffix in (".txt", ".html")]


def words(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> list[str]:
    """Sentences and lines of a text (or of an HTML page's visible text), spaces collapsed."""
    if "<html" in text[:200].lower():
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    parts = re.split(r"(?<=[.!?])[\"”’']?\s+|\n", text)
    return [" ".join(part.split()) for part in parts if part.strip()]


def test_corpus_is_inside_the_package():
    root = corpus_path()
    assert root.is_dir()
    assert root.resolve().parent == (Path(newsloom.__file__).parent / "demo").resolve()
    assert (root / "README.md").is_file()


def test_input_files_leave_out_gold_and_docs():
    files = input_files()
    assert files == sorted(files)
    assert not [p for p in files if gold_path() in p.parents or p.suffix == ".md"]
    assert {p.name for p in files} >= {"feed.jsonl", "crawl.warc.gz"}


def test_at_least_25_articles_in_at_least_5_stories(gold: GoldSet, feed_rows: list[dict]):
    assert len(story_files()) + len(feed_rows) >= 25
    stories = {p.parent.name for p in story_files()}
    assert len(stories) >= 5
    assert len({a.row["story"] for a in gold.articles}) == len(stories)


def test_every_story_has_4_to_6_articles_from_different_outlets(gold: GoldSet):
    by_story: dict[str, list[str]] = {}
    for article in gold.articles:
        by_story.setdefault(article.row["story"], []).append(article.outlet)
    for story, outlets in by_story.items():
        assert 4 <= len(outlets) <= 6, story
        assert len(set(outlets)) == len(outlets), story


def test_feed_rows_parse_and_have_text(feed_rows: list[dict]):
    assert len(feed_rows) >= 3
    for row in feed_rows:
        assert set(row) == FEED_KEYS
        assert isinstance(row["text"], str) and row["text"].strip()
    assert len({row["id"] for row in feed_rows}) == len(feed_rows)


def test_texts_are_short_news_articles(feed_rows: list[dict]):
    texts = {p.name: p.read_text(encoding="utf-8") for p in story_files() if p.suffix == ".txt"}
    texts |= {row["id"]: row["text"] for row in feed_rows}
    lengths = {name: words(text) for name, text in texts.items()}
    assert all(150 <= n <= 450 for n in lengths.values()), lengths


def test_gold_covers_every_input_once(gold: GoldSet, feed_rows: list[dict]):
    files = [a.row["file"] for a in gold.articles if "file" in a.row]
    assert sorted((gold_path() / f).resolve() for f in files) == sorted(
        p.resolve() for p in story_files()
    )
    feed = {row["id"]: row["text"] for row in feed_rows}
    from_feed = {a.id: a.text for a in gold.articles if "feed" in a.row}
    assert from_feed == feed
    assert len({a.id for a in gold.articles}) == len(gold.articles)


def test_gold_article_labels(gold: GoldSet):
    for article in gold.articles:
        row = article.row
        assert row["published_basis"] in BASES
        assert (article.published is None) == (row["published_basis"] == "none")
        if article.published:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published)
        assert row["format"] == ("html" if row.get("file", "").endswith(".html") else "text")
    assert {a.lang for a in gold.articles} == {"en", "es"}


def test_every_gold_offset_points_at_its_quote(gold: GoldSet):
    texts = {a.id: a.text for a in gold.articles}
    quotes = gold.rows["quotes"]
    assert len(quotes) >= 50
    for row in quotes:
        assert texts[row["id"]][row["start"] : row["start"] + len(row["quote"])] == row["quote"]
        assert len(row["quote"].split()) >= 4


def test_every_gold_offset_points_at_its_date(gold: GoldSet):
    texts = {a.id: a.text for a in gold.articles}
    published = {a.id: a.published for a in gold.articles}
    for row in gold.rows["dates"]:
        text = texts[row["id"]]
        assert text[row["start"] : row["start"] + len(row["expression"])] == row["expression"]
        assert row["published"] == published[row["id"]] is not None


def test_gold_boilerplate_lines_are_lines_of_their_text(gold: GoldSet):
    texts = {a.id: a.text for a in gold.articles}
    text_articles = {a.id for a in gold.articles if a.row["format"] == "text"}
    rows = gold.rows["boilerplate"]
    assert {row["id"] for row in rows} == text_articles
    for row in rows:
        have = Counter(texts[row["id"]].split("\n"))
        for line, n in Counter(row["lines"]).items():
            assert have[line] >= n, (row["id"], line)


def test_gold_duplicates_name_known_articles(gold: GoldSet):
    ids = {a.id for a in gold.articles}
    stories = {row["story"] for row in gold.rows["stories"]}
    for row in gold.rows["duplicates"]:
        assert {row["a"], row["b"]} <= ids
        assert row["story"] in stories


def test_wire_story_body_appears_in_three_files(gold: GoldSet):
    """The Meridian Press copy: same body paragraphs on three sites, last paragraph dropped once."""
    first, *others = (corpus_path() / name for name in WIRE)
    text = first.read_text(encoding="utf-8")
    junk = set(next(r for r in gold.rows["boilerplate"] if r["id"] == "demo01")["lines"])
    start = text.index("GENEVA, March 3 (MP)")
    body = [line for line in text[start:].split("\n") if line.strip() and line not in junk]
    assert len(body) >= 8
    shared, dropped = body[:-2], body[-2]
    for other in others:
        other_text = other.read_text(encoding="utf-8")
        assert all(paragraph in other_text for paragraph in shared), other.name
    assert dropped in others[0].read_text(encoding="utf-8")
    assert dropped not in others[1].read_text(encoding="utf-8")


def test_spun_copy_has_the_marks_of_spinning(gold: GoldSet):
    spun = next(a for a in gold.articles if a.row.get("quality"))
    quality = spun.row["quality"]
    original = next(a for a in gold.articles if a.row["dup_group"] == spun.row["dup_group"]
                    and a.id != spun.id)
    assert spun.text.count(quality["repeated_sentence"]) == 2
    cut = quality["truncated_sentence"]
    assert cut + "\n" in spun.text and cut[-1] not in ".!?\"”"
    assert "Republic of Indonesia" in spun.text and "Republic of Indonesia" not in original.text
    assert re.search(r"\bUSA [a-z]", spun.text)
    assert quality["credits"]["line"] in spun.text.split("\n")


def test_no_long_sentence_is_borrowed(shared: Path, seeds: Path, dev_set: Path):
    """We wrote the corpus ourselves: no sentence over 12 words comes from the shared data."""
    theirs = [json.loads(line)["text"] for line in
              (dev_set / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    theirs += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    known = {s.lower() for text in theirs for s in sentences(text) if words(s) > 12}
    haystack = " ".join(" ".join(text.split()) for text in theirs).lower()
    ours = [p for p in corpus_path().rglob("*") if p.suffix in (".txt", ".html", ".jsonl", ".md")]
    borrowed = []
    for path in ours:
        raw = path.read_text(encoding="utf-8")
        texts = ([json.loads(line).get("text", "") for line in raw.splitlines() if line.strip()]
                 if path.suffix == ".jsonl" else [raw])
        for text in texts:
            for sentence in sentences(text):
                low = sentence.lower()
                if words(sentence) > 12 and (low in known or low in haystack):
                    borrowed.append((path.name, sentence))
    assert borrowed == []


def test_corpus_path_works_from_a_zipped_package(tmp_path: Path):
    """From a zip import the corpus is copied out to real files that the readers can open."""
    archive = tmp_path / "newsloom.zip"
    package = Path(newsloom.__file__).parent
    with zipfile.ZipFile(archive, "w") as zf:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, path.relative_to(package.parent))
    script = (
        "import shutil, sys\n"
        f"sys.path.insert(0, {str(archive)!r})\n"
        "import newsloom.demo as demo\n"
        "root = demo.corpus_path()\n"
        "print(demo.__file__)\n"
        "print(len(demo.input_files()), (root / 'feed.jsonl').is_file())\n"
        "shutil.rmtree(root.parent)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    origin, found = done.stdout.splitlines()
    assert origin.startswith(str(archive))
    assert found == f"{len(input_files())} True"
