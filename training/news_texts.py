"""The news texts that training scripts learn word statistics from, split in two by outlet.

Used by `learn_title_words.py` (spaCy's parse) and `learn_name_gender.py` (newsloom's own
stages up to `entities`, so that it learns from what the runtime reads). Data: PolNeAR train
(7 outlets; never PolNeAR dev nor newsloom-dev, the report sets), ECB+ (43 topics of web news;
it names no outlet, so each document counts as its own), Dragnet's hand-marked article texts
(boilerplate_pages; site from the page's canonical URL, else the file; reader comments cut
off). Part A = PolNeAR breitbart, huff-post, nyt, politico + ECB+ odd topics + Dragnet sites
whose hashed name is even; part B = the rest (usa-today, wash-post, west-journal, ECB+ even
topics, the other sites): cut-offs are chosen on one part and checked on the other, so no
outlet is on both sides.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
_B_PUBLISHERS = frozenset({"usa-today", "wash-post", "west-journal"})
_URL = re.compile(rb'(?:rel="canonical"[^>]*href|property="og:url"[^>]*content)="https?://([^/"]+)')


def news_texts(data: Path = DATA) -> Iterator[tuple[str, str, str, str]]:
    """(part, outlet, doc id, text) for every article of the training sets."""
    meta = {}
    for line in (data / "polnear/metadata.tsv").read_text().splitlines()[1:]:
        cols = line.split("\t")
        meta[cols[1]] = (cols[0], cols[4])
    for path in sorted(glob.glob(str(data / "polnear/train/text/*.txt"))):
        stem = Path(path).stem
        compartment, publisher = meta.get(stem, ("train", stem.split("_")[0]))
        if compartment != "train":
            continue
        part = "B" if publisher in _B_PUBLISHERS else "A"
        yield part, f"polnear:{publisher}", stem, Path(path).read_text()
    for path in sorted(glob.glob(str(data / "ecbplus/docs/*/*.json"))):
        topic = int(re.match(r"\d+", Path(path).parent.name).group())  # type: ignore[union-attr]
        text = json.loads(Path(path).read_text())["text"]
        yield ("A" if topic % 2 else "B"), f"ecb:{Path(path).stem}", Path(path).stem, text
    for path in sorted(glob.glob(str(data / "boilerplate_pages/dragnet/gold/*.txt.gz"))):
        stem = Path(path).name.split(".")[0]
        page = data / f"boilerplate_pages/dragnet/input/{stem}.html.gz"
        site = stem
        if page.exists():
            with gzip.open(page, "rb") as fh:
                found = _URL.search(fh.read(200_000))
            if found:
                site = found.group(1).decode("ascii", "replace").removeprefix("www.")
        with gzip.open(path, "rb") as fh:
            text = fh.read().decode("utf-8", "replace")
        text = text.split("!@#$%^&*() COMMENTS", 1)[0]
        part = "A" if int(hashlib.sha1(site.encode()).hexdigest(), 16) % 2 == 0 else "B"
        yield part, f"dragnet:{site}", f"dragnet:{stem}", text


#: characters of a text the scripts parse, at most (a forum page can run to megabytes)
MAX_CHARS = 100_000


def parsed_news_texts(nlp: Any, data: Path = DATA) -> Iterator[tuple[str, str, Any]]:
    """(part, outlet, spaCy doc) for every article of `news_texts`, parsed in batches."""
    docs = list(news_texts(data))
    texts = (text[:MAX_CHARS] for _, _, _, text in docs)
    for (part, outlet, _, _), doc in zip(docs, nlp.pipe(texts, batch_size=32), strict=True):
        yield part, outlet, doc


def analysed_news_texts(data: Path = DATA, batch: int = 32) -> Iterator[tuple[str, str, Any]]:
    """(part, outlet, newsloom `Article`) for every article of `news_texts` that newsloom's
    stages up to `entities` read (a text they reject is left out), `batch` at a time."""
    import newsloom.analyse  # noqa: F401  (registers the stages)
    from newsloom.article import Article
    from newsloom.errors import RejectDocument
    from newsloom.ingest.document import document_from_text
    from newsloom.pipeline import Pipeline, stages_through

    pipeline = Pipeline(stages_through("entities"))
    docs = []
    for half, outlet, name, text in news_texts(data):
        try:
            docs.append((half, outlet, document_from_text(text[:MAX_CHARS], name, fmt="text")))
        except RejectDocument:
            continue  # an empty text
    results = pipeline.map((doc for _, _, doc in docs), batch_size=batch)
    for (half, outlet, _), result in zip(docs, results, strict=True):
        if isinstance(result, Article) and result.parse is not None:
            yield half, outlet, result
