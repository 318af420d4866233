"""Time and peak memory of story building as the corpus grows, so the growth rate is visible.

    .venv/bin/python benchmarks/stories_scale.py [--sizes 2000 10000 30000] [--shared ../shared]

Corpus: the ECB+ texts (982 real news reports in 43 topics) are analysed once by newsloom's
pipeline. A synthetic event is one ECB+ sub-topic at a day of its own (events spread over two
years, so each sub-topic recurs as other news months apart); its eight articles each draw six
sentences from a different report of that sub-topic, with that report's entities, and are
published within two days of the event (so articles of a story share names and vocabulary but
are rarely copies). The pool of sub-topics is fixed, so the larger the corpus the closer its
recurrences: at 100,000 articles each sub-topic comes back every few days and chains into one
long story, which a corpus of distinct events would not do. Its lead vector is the mean of its
sentences' MiniLM embeddings, computed once for the pool: the benchmark measures story building
(copies, clustering, synthesis) over analysed articles, as `refresh_stories` runs it over the
store; the MiniLM embedding of each new article's lead is a per-article cost, measured here on a
sample and printed as articles per second.

Each size runs in a fresh subprocess, so its peak resident memory (ru_maxrss) is its own. The
comparison measured in the same run: MinHash LSH alone (datasketch, the copy step's candidate
search) on the same articles.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared"
SENTENCES_PER_ARTICLE = 6
ARTICLES_PER_EVENT = 8


def build_pool(shared: Path, cache: Path) -> None:
    """Analyse ECB+ once; keep per sub-topic its reports' sentences, vectors and entities."""
    import numpy as np

    from newsloom.evaluation.runner import run_pipeline
    from newsloom.evaluation.story_gold import load_ecbplus
    from newsloom.stories.signals import embed
    from newsloom.stories.summary import sentences

    gold = load_ecbplus(shared / "data" / "ecbplus")
    articles, _ = run_pipeline(gold)
    pool: dict[str, list[dict]] = {}
    for g in gold.articles:
        art = articles.get(g.id)
        if art is None:
            continue
        texts = [art.text[s:e] for s, e in sentences(art.text, limit=12)]
        if len(texts) < 3:
            continue
        entities = [replace(e, canonical=e.text, start=0, end=0) for e in art.entities]
        pool.setdefault(g.row["story"], []).append({"sentences": texts, "entities": entities})
    texts = [t for reports in pool.values() for r in reports for t in r["sentences"]]
    started = time.perf_counter()
    vectors = embed(texts)
    rate = len(texts) / (time.perf_counter() - started)
    at = 0
    for reports in pool.values():
        for report in reports:
            n = len(report["sentences"])
            report["vectors"] = np.asarray(vectors[at : at + n])
            at += n
    with cache.open("wb") as fh:
        pickle.dump({"pool": pool, "embed_rate": rate}, fh)


def synthetic(pool: dict, n: int, seed: int = 13):
    """`n` varied articles and their lead vectors (see the module docstring)."""
    import numpy as np

    from newsloom.article import Article, Published
    from newsloom.hashing import content_hash

    rng = random.Random(seed)
    topics = sorted(pool)
    start = date(2024, 1, 1)
    articles, vectors = [], []
    for k in range(n):
        event = k // ARTICLES_PER_EVENT
        reports = pool[topics[event % len(topics)]]
        report = reports[(k % ARTICLES_PER_EVENT + event) % len(reports)]
        event_day = start + timedelta(days=(event * 7919) % 730)
        size = min(SENTENCES_PER_ARTICLE, len(report["sentences"]))
        picks = sorted(rng.sample(range(len(report["sentences"])), size))
        text = " ".join(report["sentences"][i] for i in picks)
        day = event_day + timedelta(days=rng.randint(0, 2))
        articles.append(
            Article(
                id=f"a{k:06d}", source="bench", format="text",
                content_hash=content_hash(text + str(k)), raw=text, text=text, source_text=text,
                outlet=f"outlet{rng.randint(1, 400)}.example", lang="en",
                published=Published(day.isoformat(), "dateline", 0.9),
                entities=tuple(report["entities"][:12]),
            )
        )  # fmt: skip
        v = report["vectors"][picks].mean(axis=0)
        vectors.append(v / (np.linalg.norm(v) or 1.0))
    return articles, np.stack(vectors).astype(np.float32)


def run_size(cache: Path, n: int, variant: str) -> dict:
    with cache.open("rb") as fh:
        pool = pickle.load(fh)["pool"]
    articles, vectors = synthetic(pool, n)
    started = time.perf_counter()
    if variant == "newsloom":
        from newsloom.stories.build import build_stories

        stories = build_stories(articles, embeddings=vectors)
        result = {"stories": len(stories)}
    else:
        from datasketch import MinHashLSH

        from newsloom.stories.copies import _minhash, normalised_words, shingles

        lsh = MinHashLSH(threshold=0.5, num_perm=128)
        pairs = 0
        for art in articles:
            sketch = _minhash(shingles(normalised_words(art)))
            pairs += len(lsh.query(sketch))
            lsh.insert(art.id, sketch)
        result = {"candidate pairs": pairs}
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 30000])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--child", nargs=3, metavar=("CACHE", "N", "VARIANT"))
    parser.add_argument("--pool", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_size(Path(args.child[0]), int(args.child[1]), args.child[2])))
        return 0
    if args.pool:
        build_pool(args.shared, args.pool)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "pool.pkl"
        # in a child too: a process forked from one that loaded the models would inherit its
        # peak memory (ru_maxrss), and every size would report it
        subprocess.run([sys.executable, __file__, "--shared", str(args.shared), "--pool",
                        str(cache)], check=True, capture_output=True)  # fmt: skip
        with cache.open("rb") as fh:
            rate = pickle.load(fh)["embed_rate"]
        print(f"MiniLM embedding (per-article cost, not below): {rate:.0f} sentences/s")
        print(f"{'articles':>9}  {'variant':<22} {'seconds':>8} {'peak MB':>8}  result")
        previous = None
        for n in args.sizes:
            for variant in ("newsloom", "minhash-lsh-only"):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(cache), str(n), variant],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                row = json.loads(out.stdout.strip().splitlines()[-1])
                extra = {k: v for k, v in row.items() if k not in ("seconds", "peak_mb")}
                print(f"{n:>9}  {variant:<22} {row['seconds']:>8} {row['peak_mb']:>8}  {extra}")
                if variant == "newsloom":
                    if previous:
                        growth = row["seconds"] / max(previous[1], 0.1)
                        print(f"{'':>9}  time x{growth:.1f} for articles x{n / previous[0]:.1f}")
                    previous = (n, row["seconds"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
