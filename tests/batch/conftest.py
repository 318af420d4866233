"""A small corpus of every input kind batch reads, with bad documents and repeats in it."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from newsloom.demo import corpus_path

STORIES = ("bagre-spillway", "volta-accord")


def make_corpus(root: Path, stories: tuple[str, ...] = STORIES, extras: bool = True) -> Path:
    """Story folders of the demo corpus (text and HTML files), and with `extras` its WARC and
    JSONL feed plus what a crawl also holds: a binary file, a broken JSON line, the same
    article twice, the same bad document twice, an id reused for other content, a gzipped
    JSONL file."""
    demo = corpus_path()
    for story in stories:
        shutil.copytree(demo / story, root / story)
    if not extras:
        return root
    shutil.copy(demo / "crawl.warc.gz", root / "crawl.warc.gz")
    shutil.copy(demo / "feed.jsonl", root / "feed.jsonl")
    (root / "odd").mkdir()
    (root / "odd" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    # no letters: read as a document, then rejected by cleaning; the second copy, in another
    # partition, is the same content again
    for name in ("dashes-1.txt", "zz-dashes-2.txt"):
        (root / "odd" / name).write_text("--- *** ---\n...\n", encoding="utf-8")
    first = next((root / STORIES[0]).glob("*.txt"))
    shutil.copy(first, root / "odd" / "copy-of-first.txt")
    rows = [
        {"id": "x-1", "text": "Farmers in Bagre said on Monday the water would not last."},
        {"id": "x-1", "text": "A different text under the same id, which is a conflict."},
        {"id": "x-2", "text": "Farmers in Bagre said on Monday the water would not last."},
    ]
    lines = [json.dumps(r) for r in rows]
    lines.insert(1, '{"id": "x-broken", "text": ')
    (root / "odd" / "rows.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    more = [{"id": f"g-{i}", "text": f"Officials in Accra met on day {i} of the talks."}
            for i in range(3)]  # fmt: skip
    with gzip.open(root / "odd" / "more.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in more) + "\n")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))
