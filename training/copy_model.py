"""Train the copy model: `python training/copy_model.py [--shared ../shared] [--cache FILE]`.

What a copy is, made by a seeded generator of wire-copy variants, against what it is not:
independent reports of one event, which share quotes, names and set phrases but not narrative.

Negatives (independent reports):

* every pair of ECB+ reports of one sub-topic: one event told by different outlets, in their
  own words, often quoting the same people;
* every pair of PolNeAR dev articles by different publishers at most two days apart (the 2016
  campaign: the same speeches, debates and statements quoted by all), except pairs whose two
  articles credit the same wire (those may be copies, and the data does not say);
* a variant (below) against a report of its sub-topic it was not made from.

Positives (copies), one variant per original, by `variant` (seeded by the original's id):

* near_identical: the whole text, a sentence dropped or a caption added;
* cut: the first sentences only (wire copies are cut at different lengths);
* lead: the lead replaced by another report's lead, the rest kept, maybe cut;
* update: a later version: a new lead, some of the old sentences, a sentence from another report;
* partial: another report of the sub-topic with one to three sentences of the original spliced
  in (a partial rewrite: "one text reuses sentences of the other inside its own wording");

and on top, each with its own chance: another site's framing (navigation, teasers, a copyright
line) and spinning (formal country names from the clean stage's list, and common words swapped
for synonyms, which normalisation does not put back). A variant is a positive pair with every
report whose sentences it carries. The demo corpus's gold copy pairs are positives and its other
pairs within a story negatives.

Splits (by ECB+ topic, never by pair, as `story_model.py` splits): train = ECB+ topics 0 mod 3;
choose = ECB+ topics 1 mod 3, PolNeAR dev and the demo corpus. The logistic regression over
`reuse.FEATURES` is fitted on train; its threshold is the probability with the best pair F1 on
choose. ECB+ topics 2 mod 3 (where `newsloom eval` reports story figures) and the newsloom dev
set are never read here: `newsloom eval ../shared/data/newsloom-dev` reports on the latter.

Printed beside it on choose, the comparisons: the previous rule (containment >= 0.28) and
Jaccard resemblance at its best threshold on choose itself, and the whole copy step (MinHash LSH
candidates, then the model) on the choose articles. The passage step's bounds
(`CopySettings.passage_most`, `passage_pairs`: what keeps its cost near-linear at scale) are
chosen there too, the tightest pair with the best whole-step F1 on choose; the script prints
the choice, and `CopySettings` holds it.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import random
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsloom.article import Document
from newsloom.clean.sentences import split_sentences
from newsloom.clean.spun import FORMAL_NAMES
from newsloom.evaluation.gold import load_gold
from newsloom.evaluation.polnear_gold import load_polnear
from newsloom.evaluation.runner import gold_document
from newsloom.evaluation.story_gold import load_ecbplus
from newsloom.hashing import content_hash
from newsloom.pipeline import DEFAULT_STAGES, Pipeline
from newsloom.settings import DEFAULT_SETTINGS
from newsloom.stories.copies import SHINGLE, CopySettings, find_copy_pairs, shingled
from newsloom.stories.reuse import FEATURES, CopyModel, evidence

OUT = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "resources" / "copy_model.json"
SEED = 20261206

#: common words a spinner swaps; normalisation does not put these back
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "people": "individuals",
    "killed": "slain", "government": "administration", "announced": "revealed",
    "after": "following", "help": "assist", "began": "commenced", "big": "large",
    "country": "nation", "officials": "authorities", "reporters": "journalists",
    "also": "additionally", "show": "demonstrate", "many": "numerous", "about": "roughly",
    "police": "law enforcement", "buy": "purchase", "start": "commence", "end": "conclude",
}  # fmt: skip
#: short name -> the formal name a spinner puts in (the clean stage's list, reversed)
FORMAL = {short: formal.replace("['’]", "'").split("|")[-1] for formal, short in FORMAL_NAMES}
FORMAL["US"] = FORMAL["U.S."]
BOILERPLATE_TOP = ["Skip to main content", "Menu", "Subscribe", "World News", "Latest"]
BOILERPLATE_BOTTOM = [
    "Advertisement", "Share this article", "Sign up for our daily newsletter",
    "Follow us on social media", "Comments (0)", "All rights reserved.",
    "Read more: {teaser}", "Related: {teaser}",
]  # fmt: skip


@dataclass(frozen=True)
class Variant:
    id: str
    text: str
    kind: str
    #: the originals whose sentences the variant carries
    sources: tuple[str, ...]


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text) if s.text.strip()]


def spin(text: str, rng: random.Random) -> str:
    """Formal country names and synonyms swapped in, each occurrence with its own chance."""
    def name(m: re.Match[str]) -> str:
        return FORMAL[m.group()] if rng.random() < 0.8 else m.group()

    def word(m: re.Match[str]) -> str:
        w = m.group()
        new = SYNONYMS.get(w.lower())
        if new is None or rng.random() >= 0.6:
            return w
        return new.capitalize() if w[0].isupper() else new

    names = "|".join(re.escape(k) for k in sorted(FORMAL, key=len, reverse=True))
    text = re.sub(rf"(?<![\w.])(?:{names})(?![\w])", name, text)
    return re.sub(r"\b[A-Za-z]+\b", word, text)


def frame(text: str, rng: random.Random, teaser: str) -> str:
    """Another site's navigation above and promotion below."""
    top = rng.sample(BOILERPLATE_TOP, rng.randint(1, 3))
    bottom = [b.format(teaser=teaser) for b in rng.sample(BOILERPLATE_BOTTOM, rng.randint(1, 3))]
    return "\n".join([*top, text, *bottom])


def variant(doc_id: str, text: str, others: list[tuple[str, str]]) -> Variant:
    """A wire-copy variant of one text (`others`: other reports of its event, id and text)."""
    rng = random.Random(f"{SEED}:{doc_id}")
    sents = sentences(text)
    kinds = ["near_identical", "cut"] + (["lead", "update", "partial"] if others else [])
    kind = rng.choice(kinds) if len(sents) >= 3 else "near_identical"
    other_id, other_text = rng.choice(others) if others else ("", "")
    other = sentences(other_text)
    sources = [doc_id]
    if kind == "near_identical":
        out = list(sents)
        if rng.random() < 0.5 and len(out) > 3:
            del out[rng.randrange(1, len(out))]
        else:
            out.insert(rng.randrange(1, len(out) + 1), "Photo: file image.")
    elif kind == "cut":
        out = sents[: rng.randint(max(2, round(len(sents) * 0.3)), len(sents) - 1)]
    elif kind == "lead":
        out = other[:1] + sents[1 : rng.randint(max(2, len(sents) // 2), len(sents))]
        sources.append(other_id)
    elif kind == "update":
        kept = sents[1:]
        keep = sorted(rng.sample(range(len(kept)), max(1, len(kept) // 2)))
        out = other[:1] + [kept[i] for i in keep] + other[1:2]
        sources.append(other_id)
    else:  # partial: another report with sentences of this one spliced in
        long = [s for s in sents if len(s.split()) >= 8] or sents
        out = list(other)
        for s in rng.sample(long, min(len(long), rng.randint(1, 3))):
            out.insert(rng.randrange(0, len(out) + 1), s)
        sources.append(other_id)
    body = "\n".join(out)
    if rng.random() < 0.3:
        body = spin(body, rng)
    if rng.random() < 0.6:
        body = frame(body, rng, teaser=(other or sents)[0][:60])
    return Variant(f"{doc_id}~v", body, kind, tuple(dict.fromkeys(s for s in sources if s)))


@dataclass
class Corpus:
    """Documents to analyse and labelled pairs over them, each pair with its split."""

    docs: dict[str, tuple[str, str | None]]  # id -> (text, outlet)
    pairs: dict[tuple[str, str], tuple[int, str]]  # (a, b) -> (label, split)
    kinds: dict[str, str]  # variant id -> how it was made

    def add_pair(self, a: str, b: str, label: int, split: str) -> None:
        key = (min(a, b), max(a, b))
        if a != b and key not in self.pairs:
            self.pairs[key] = (label, split)


def add_event(corpus: Corpus, reports: list[tuple[str, str]], split: str) -> None:
    """One event's independent reports, a variant of each, and their labelled pairs."""
    for (a, _), (b, _) in itertools.combinations(reports, 2):
        corpus.add_pair(a, b, 0, split)
    for doc_id, text in reports:
        corpus.docs[doc_id] = (text, None)
        v = variant(doc_id, text, [r for r in reports if r[0] != doc_id])
        corpus.docs[v.id] = (v.text, None)
        corpus.kinds[v.id] = v.kind
        for other, _ in reports:
            corpus.add_pair(v.id, other, int(other in v.sources), split)


def build_corpus(shared: Path) -> tuple[Corpus, list]:
    corpus = Corpus({}, {}, {})
    ecb = load_ecbplus(shared / "data" / "ecbplus")
    events: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in ecb.articles:
        events[a.row["story"]].append((a.id, a.text))
    for story, reports in sorted(events.items()):
        topic = int(re.match(r"\d+", story).group())  # type: ignore[union-attr]
        if topic % 3 != 2:  # ECB+ topics 2 mod 3 are the story report split: never read
            add_event(corpus, reports, "train" if topic % 3 == 0 else "choose")
    polnear = load_polnear(shared / "data" / "polnear", "dev")
    wires = _polnear_wires(shared / "data" / "polnear" / "metadata.tsv")
    day = {p.name: np.datetime64(p.name.split("_")[1]) for p in polnear}
    near: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p, q in itertools.combinations(polnear, 2):
        close = abs(int((day[p.name] - day[q.name]).astype(int))) <= 2
        same_wire = wires.get(p.name) and wires.get(p.name) == wires.get(q.name)
        if close and p.publisher != q.publisher and not same_wire:
            corpus.add_pair(p.name, q.name, 0, "choose")
            near[p.name].append((q.name, q.text))
            near[q.name].append((p.name, p.text))
    for p in polnear:
        corpus.docs[p.name] = (p.text, p.publisher)
        v = variant(p.name, p.text, near[p.name])
        corpus.docs[v.id] = (v.text, None)
        corpus.kinds[v.id] = v.kind
        for other in [p.name] + [o for o, _ in near[p.name]]:
            corpus.add_pair(v.id, other, int(other in v.sources), "choose")
    import newsloom.demo

    demo = load_gold(newsloom.demo.gold_path())
    gold = {tuple(sorted((r["a"], r["b"]))) for r in demo.rows.get("duplicates", [])}
    by_story = defaultdict(list)
    for a in demo.articles:
        by_story[a.row.get("story")].append(a.id)
    for ids in by_story.values():
        for a, b in itertools.combinations(sorted(ids), 2):
            corpus.add_pair(a, b, int((a, b) in gold), "choose")
    return corpus, [gold_document(a) for a in demo.articles]


def _polnear_wires(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 11 and cols[11] not in ("None", "NA", ""):
            out[cols[1]] = cols[11].lower()
    return out


def analyse(corpus: Corpus, demo_docs: list) -> dict:
    docs = [
        Document(
            id=i, source=i, format="text", raw=text, content_hash=content_hash(text), outlet=outlet
        )
        for i, (text, outlet) in sorted(corpus.docs.items())
    ] + demo_docs
    pipeline = Pipeline(DEFAULT_STAGES, DEFAULT_SETTINGS)
    return {r.id: replace(r, parse=None, people=None)
            for r in pipeline.map(iter(docs)) if hasattr(r, "text")}  # fmt: skip


def f1_of(found: set, gold: set) -> tuple[float, float, float]:
    tp = len(found & gold)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores: np.ndarray, y: np.ndarray, grid: np.ndarray) -> tuple[float, float]:
    """The grid value whose `scores >= value` has the best F1 (ties: the nearest to the
    middle of the grid)."""
    mid = (grid[0] + grid[-1]) / 2
    best = (-1.0, 0.0)
    for t in grid:
        found = set(np.flatnonzero(scores >= t))
        f = f1_of(found, set(np.flatnonzero(y == 1)))[2]
        if f > best[0] + 1e-12 or (abs(f - best[0]) <= 1e-12 and abs(t - mid) < abs(best[1] - mid)):
            best = (f, float(t))
    return best[1], best[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the analysed articles here (and read them if present)")
    args = parser.parse_args(argv)

    corpus, demo_docs = build_corpus(args.shared)
    if args.cache and args.cache.exists():
        articles = pickle.loads(args.cache.read_bytes())
    else:
        articles = analyse(corpus, demo_docs)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(articles))
    sets = {i: shingled(a) for i, a in articles.items()}
    rows: dict[str, list] = {"train": [], "choose": []}
    for (a, b), (label, split) in sorted(corpus.pairs.items()):
        if a in sets and b in sets:
            rows[split].append((a, b, label, evidence(sets[a], sets[b], SHINGLE)))
    for split, items in rows.items():
        kinds = defaultdict(int)
        for *_, label, _ev in items:
            kinds[label] += 1
        print(f"{split}: {len(items)} pairs ({kinds[1]} copies, {kinds[0]} not)")

    x = np.array([ev.features() for *_, ev in rows["train"]])
    y = np.array([label for _, _, label, _ in rows["train"]])
    fit = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    weights = {k: round(float(w), 4) for k, w in zip(FEATURES, fit.coef_[0], strict=True)}
    model = CopyModel(weights, round(float(fit.intercept_[0]), 4))
    print(f"weights {weights} bias {model.bias}")

    yc = np.array([label for _, _, label, _ in rows["choose"]])
    probs = np.array([model.probability(ev) for *_, ev in rows["choose"]])
    model.threshold, f_model = best_threshold(probs, yc, np.round(np.arange(0.05, 0.96, 0.01), 2))
    cont = np.array([ev.containment for *_, ev in rows["choose"]])
    jac = np.array([ev.resemblance for *_, ev in rows["choose"]])
    gold = set(np.flatnonzero(yc == 1))
    p, r, f = f1_of(set(np.flatnonzero(probs >= model.threshold)), gold)
    print(f"choose: model at threshold {model.threshold}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    p, r, f = f1_of(set(np.flatnonzero(cont >= 0.28)), gold)
    print(f"choose: containment >= 0.28 (the previous rule): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    tj, fj = best_threshold(jac, yc, np.round(np.arange(0.05, 0.96, 0.05), 2))
    print(f"choose: Jaccard at its best threshold there ({tj}): F1 {fj:.3f}")
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (a, b, label, _ev), prob in zip(rows["choose"], probs, strict=True):
        kind = _kind(a, b, label, corpus)
        by_kind[kind][0] += int((prob >= model.threshold) == bool(label))
        by_kind[kind][1] += 1
    for kind, (right, n) in sorted(by_kind.items()):
        print(f"choose {kind}: {right}/{n} right")

    # the whole copy step on the choose articles: candidates, then the model
    choose_ids = {i for (a, b), (_, s) in corpus.pairs.items() if s == "choose" for i in (a, b)}
    arts = [articles[i] for i in sorted(choose_ids) if i in articles]
    labelled = {(a, b): label for a, b, label, _ in rows["choose"]}

    def whole_step(**changes: int) -> tuple[float, float, float]:
        settings = CopySettings(links_per_group=10**6, model=model, **changes)
        found = {(min(p.a, p.b), max(p.a, p.b)) for p in find_copy_pairs(arts, settings)}
        return f1_of({k for k in found if k in labelled}, {k for k, v in labelled.items() if v})

    for words, name in ((0, "LSH candidates only"), (CopySettings().passage_words,
                                                      "LSH and passage candidates")):
        p, r, f = whole_step(passage_words=words)
        print(f"choose, whole copy step ({name}): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    choose_bounds(whole_step)

    model.meta = {
        "trained_by": "training/copy_model.py",
        "train": "ECB+ topics 0 mod 3: reports of one sub-topic (not copies) and one generated "
                 "wire variant of each (copies of the reports they carry)",
        "choose": "ECB+ topics 1 mod 3, PolNeAR dev and the demo corpus (threshold by pair F1)",
        "report": "newsloom-dev; ECB+ topics 2 mod 3 are not read either",
        "train_pairs": len(rows["train"]),
        "choose_pairs": len(rows["choose"]),
        "choose_f1": round(f_model, 4),
        "seed": SEED,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"threshold {model.threshold} -> {args.out}")
    return 0


#: the passage step's bounds tried on choose (`CopySettings.passage_most`, `passage_pairs`;
#: 0 pairs: no bound)
MOST_GRID = (10, 20, 50)
PAIRS_GRID = (2, 4, 8, 0)


def choose_bounds(whole_step: Callable[..., tuple[float, float, float]]) -> tuple[int, int]:
    """The passage step's bounds, chosen on choose: the tightest (cheapest at scale) whose whole
    copy step F1 there is the best of the grid. Printed; `CopySettings` holds the values."""
    results = {}
    for most in MOST_GRID:
        for per in PAIRS_GRID:
            p, r, f = whole_step(passage_most=most, passage_pairs=per)
            results[(most, per)] = f
            print(f"choose, whole copy step, a fingerprint shared by at most {most} texts, "
                  f"{per or 'all'} passage candidates per text: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    best = max(results.values())
    chosen = min((k for k, f in results.items() if f >= best - 1e-9),
                 key=lambda k: (k[1] or 10**9, k[0]))  # fmt: skip
    print(f"chosen: passage_most={chosen[0]} passage_pairs={chosen[1]} (F1 {best:.3f})")
    return chosen


def _kind(a: str, b: str, label: int, corpus: Corpus) -> str:
    made = corpus.kinds.get(a) or corpus.kinds.get(b)
    if made is None:
        return "independent reports" if not label else "demo copies"
    return f"{made} variant vs " + ("a report it does not carry" if not label else "its source")


if __name__ == "__main__":
    sys.exit(main())
