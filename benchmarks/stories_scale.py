"""Time and peak memory of story building as the corpus grows, so the growth rate is visible.

    .venv/bin/python benchmarks/stories_scale.py [--sizes 2000 10000 30000] [--shared ../shared]
        [--corpus distinct|recurring]

Texts: the ECB+ reports (982 real news reports in 43 topics, each topic two events of one kind,
each event one sub-topic) are analysed once by newsloom's pipeline. A synthetic event is one
ECB+ sub-topic at a day of its own (events spread over two years); its eight articles each draw
six sentences from a different report of that sub-topic, with that report's entities, and are
published within two days of the event (so articles of a story share names and vocabulary but
are rarely copies). The pool holds 83 sub-topics, so a corpus of 100,000 articles (12,500
events) tells each sub-topic about 150 times.

Two corpora, `--corpus`:

* `distinct` (the default): every event is an event of its own, as real news is: the same kind
  of event (a quake, a signing, a shooting) recurs, but with other people and places and in
  other words. Each event gets its own names (every entity of its reports replaced by another
  name of the same label from the pool), swaps a share of its content words for other words of
  the pool, and moves its lead vectors by an offset of its own (plus a smaller one per article).
  The share and the offsets are not free choices: they are measured on ECB+ (`word_swap`,
  `spread`) so that two events of one sub-topic are as alike, in TF-IDF words and in MiniLM
  embeddings, as ECB+'s two different events of one topic are, while the articles of one event
  stay as alike as the reports of one ECB+ sub-topic.
* `recurring`: the sub-topics replayed as they are (the corpus this benchmark used first). The
  same sentences, names and vectors come back every few days at 100,000 articles, so they are
  copies of one another across months and chain into a few hundred huge stories: no news
  corpus looks like that, but it is the worst case for story size, and it is kept measurable
  so that the builder is shown not to blow up on it.

The lead vector of an article is the mean of its sentences' MiniLM embeddings, computed once for
the pool: the benchmark measures story building (copies, clustering, synthesis) over analysed
articles, as `refresh_stories` runs it over the store; the MiniLM embedding of each new
article's lead is a per-article cost, measured here on a sample and printed as sentences per
second.

Each size runs in a fresh subprocess, so its peak resident memory (ru_maxrss) is its own; one
size alone, on a pool analysed once: `--pool /tmp/pool.pkl`, then `--corpus C --child
/tmp/pool.pkl N newsloom` (or `minhash-lsh-only`). The
comparison measured in the same run: MinHash LSH alone (datasketch, the copy step's candidate
search) on the same articles.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
import re
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


def spread(pool: dict) -> tuple[float, float]:
    """The event and article offsets (`sigma`, `tau`) that make the `distinct` corpus's events
    as far apart as ECB+'s own two events of one kind, measured on the pool (see the docstring).

    With unit offsets nearly orthogonal to everything (384 dimensions), two reports at cosine
    `s` become `(s + sigma²) / (1 + sigma² + tau²)` within one event and `s / (1 + sigma² +
    tau²)` across events: the first is kept at the mean within a sub-topic (`s_in`), the
    second brought to the mean between the two sub-topics of one ECB+ topic (`s_kind`)."""
    import numpy as np

    def report_vector(r: dict):
        v = r["vectors"].mean(axis=0)
        return v / np.linalg.norm(v)

    vectors = {k: np.stack([report_vector(r) for r in reports]) for k, reports in pool.items()}
    within, kind = [], []
    for m in vectors.values():
        within += list((m @ m.T)[np.triu_indices(len(m), 1)])
    by_topic: dict[str, list[str]] = {}
    for key in sorted(vectors):
        by_topic.setdefault(key.removesuffix("plus").removesuffix("ecb"), []).append(key)
    for keys in by_topic.values():
        if len(keys) == 2:
            kind += list((vectors[keys[0]] @ vectors[keys[1]].T).ravel())
    s_in, s_kind = float(np.mean(within)), float(np.mean(kind))
    total = s_in / s_kind  # 1 + sigma² + tau²
    sigma2 = total * s_in - s_in
    return math.sqrt(sigma2), math.sqrt(max(total - 1 - sigma2, 0.0))


def word_swap(pool: dict) -> tuple[float, list[str]]:
    """The share of content words each `distinct` event swaps for others, so that two events of
    one kind share as many words as ECB+'s two events of one kind do (TF-IDF cosine over the
    pool's reports: swapping a share `p` of word types in each event scales the cosine between
    events by about `(1 - p)²`), and the lower-case content words to swap in."""
    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    keys, docs = [], []
    for key in sorted(pool):
        for report in pool[key]:
            keys.append(key)
            docs.append(" ".join(report["sentences"]))
    rows = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs)
    sims = (rows @ rows.T).toarray()
    label = np.array(keys)
    topic = np.array([k.removesuffix("plus").removesuffix("ecb") for k in keys])
    same = (label[:, None] == label[None, :]) & ~np.eye(len(keys), dtype=bool)
    kind = (topic[:, None] == topic[None, :]) & (label[:, None] != label[None, :])
    rate = 1.0 - math.sqrt(sims[kind].mean() / sims[same].mean())
    words = sorted({w for d in docs for w in _LOWER_WORD.findall(d)} - ENGLISH_STOP_WORDS)
    return rate, words


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def synthetic(pool: dict, n: int, seed: int = 13, corpus: str = "distinct"):
    """`n` varied articles and their lead vectors (see the module docstring)."""
    import numpy as np

    from newsloom.article import Article, Published
    from newsloom.hashing import content_hash

    rng = random.Random(seed)
    topics = sorted(pool)
    names: dict[str, list[str]] = {}
    for key in topics:
        for report in pool[key]:
            for e in report["entities"]:
                names.setdefault(e.label, []).append(e.text)
    names = {label: sorted(set(texts)) for label, texts in names.items()}
    sigma, tau = spread(pool) if corpus == "distinct" else (0.0, 0.0)
    rate, vocabulary = word_swap(pool) if corpus == "distinct" else (0.0, [])
    keep = frozenset(vocabulary)
    start = date(2024, 1, 1)
    articles, vectors = [], []
    event_names: dict[str, str] = {}
    offset = None
    for k in range(n):
        event = k // ARTICLES_PER_EVENT
        reports = pool[topics[event % len(topics)]]
        report = reports[(k % ARTICLES_PER_EVENT + event) % len(reports)]
        event_day = start + timedelta(days=(event * 7919) % 730)
        size = min(SENTENCES_PER_ARTICLE, len(report["sentences"]))
        picks = sorted(rng.sample(range(len(report["sentences"])), size))
        text = " ".join(report["sentences"][i] for i in picks)
        entities = report["entities"][:12]
        if corpus == "distinct":
            if k % ARTICLES_PER_EVENT == 0:  # a new event: its own names and its own offset
                own = random.Random(f"{seed}:{event}")
                event_names = {}
                event_words: dict[str, str] = {}
                offset = np.random.default_rng([seed, event]).normal(size=384)
            for e in report["entities"]:
                if e.text not in event_names:
                    event_names[e.text] = own.choice(names[e.label])
            olds = sorted({e.text for e in report["entities"]}, key=lambda t: (-len(t), t))
            if olds:  # all at once, so that no new name is itself replaced
                pattern = re.compile("|".join(re.escape(t) for t in olds))
                text = pattern.sub(lambda m, new=event_names: new[m.group(0)], text)
            entities = [replace(e, text=event_names[e.text], canonical=event_names[e.text])
                        for e in entities]  # fmt: skip
            for w in sorted(set(_LOWER_WORD.findall(text)) & keep):
                if w not in event_words:
                    event_words[w] = own.choice(vocabulary) if own.random() < rate else w
            text = _LOWER_WORD.sub(lambda m, new=event_words: new.get(m.group(0), m.group(0)),
                                   text)  # fmt: skip
        day = event_day + timedelta(days=rng.randint(0, 2))
        articles.append(
            Article(
                id=f"a{k:06d}", source="bench", format="text",
                content_hash=content_hash(text + str(k)), raw=text, text=text, source_text=text,
                outlet=f"outlet{rng.randint(1, 400)}.example", lang="en",
                published=Published(day.isoformat(), "dateline", 0.9),
                entities=tuple(entities),
            )
        )  # fmt: skip
        v = report["vectors"][picks].mean(axis=0)
        v = v / (np.linalg.norm(v) or 1.0)
        if corpus == "distinct":
            noise = np.random.default_rng([seed, event, k]).normal(size=v.shape[0])
            v = v + sigma * offset / np.linalg.norm(offset) + tau * noise / np.linalg.norm(noise)
        vectors.append(v / (np.linalg.norm(v) or 1.0))
    return articles, np.stack(vectors).astype(np.float32)


def run_size(cache: Path, n: int, variant: str, corpus: str = "distinct") -> dict:
    with cache.open("rb") as fh:
        pool = pickle.load(fh)["pool"]
    articles, vectors = synthetic(pool, n, corpus=corpus)
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    started = time.perf_counter()
    if variant == "newsloom":
        from newsloom.stories.build import build_stories

        stories = build_stories(articles, embeddings=vectors)
        result = {"stories": len(stories), "largest": max(len(s.articles) for s in stories)}
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
    # the process's own CPU time: on a shared machine, wall time also counts the others' work
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["cpu_s"] = round(usage.ru_utime + usage.ru_stime - cpu_before, 1)
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 30000])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--corpus", choices=("distinct", "recurring"), default="distinct",
                        help="distinct events (default) or the sub-topics replayed as they are")
    parser.add_argument("--child", nargs=3, metavar=("CACHE", "N", "VARIANT"))
    parser.add_argument("--pool", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        cache, n, variant = Path(args.child[0]), int(args.child[1]), args.child[2]
        print(json.dumps(run_size(cache, n, variant, args.corpus)))
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
        print(f"corpus: {args.corpus}")
        print(f"{'articles':>9}  {'variant':<22} {'seconds':>8} {'CPU s':>8} {'peak MB':>8}  "
              "result")
        previous = None
        for n in args.sizes:
            for variant in ("newsloom", "minhash-lsh-only"):
                out = subprocess.run(
                    [sys.executable, __file__, "--corpus", args.corpus, "--child", str(cache),
                     str(n), variant],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                row = json.loads(out.stdout.strip().splitlines()[-1])
                extra = {k: v for k, v in row.items() if k not in ("seconds", "peak_mb", "cpu_s")}
                print(f"{n:>9}  {variant:<22} {row['seconds']:>8} {row['cpu_s']:>8} "
                      f"{row['peak_mb']:>8}  {extra}")
                if variant == "newsloom":
                    if previous:
                        growth = row["cpu_s"] / max(previous[1], 0.1)
                        print(f"{'':>9}  CPU time x{growth:.1f} for articles "
                              f"x{n / previous[0]:.1f}")
                    previous = (n, row["cpu_s"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
