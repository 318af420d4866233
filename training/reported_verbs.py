"""Choose the verbs whose clausal complement newsloom reports as indirect speech.

For each candidate lemma, runs newsloom's reported-speech extraction with the lemma added on
the first N articles of PolNeAR train/ (../shared/data/polnear) and prints, per cue lemma, how
many of its reported statements match a gold attribution (`evaluation.polnear`'s matching:
an overlap of at least half of each). A lemma joins `reported.SAY_LEMMAS` when it is right at
least 3 times in 4 and seen at least 8 times. PolNeAR dev is never read here.

    PYTHONPATH=src python training/reported_verbs.py ../shared/data/polnear 400 find,show,...
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from newsloom.analyse import reported
from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.quotes import extract_quotes
from newsloom.evaluation.polnear import (
    _covers_both,
    _match,
    _predictions,
    analyse_polnear,
    gold_reported,
)
from newsloom.evaluation.polnear_gold import load_polnear

MIN_PRECISION = 0.75
MIN_SEEN = 8


def main(path: str, limit: int, candidates: list[str]) -> None:
    gold = load_polnear(Path(path), "train")[:limit]
    articles = analyse_polnear(gold)
    reported.SAY_LEMMAS = reported.SAY_LEMMAS | frozenset(candidates)
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for g in gold:
        article = articles.get(g.name)
        if article is None or article.parse is None:
            continue
        _, people = analyse_entities(article.parse)
        quotes = extract_quotes(article.parse, people)
        preds = _predictions(replace(article, quotes=quotes), ("indirect",))
        matched = {id(p) for _, p in _match(gold_reported(g), preds, _covers_both)}
        for p in preds:
            seen[p.quote.cue or ""] += 1
            right[p.quote.cue or ""] += id(p) in matched
    for lemma in sorted(seen, key=lambda k: -seen[k]):
        share = right[lemma] / seen[lemma]
        keep = lemma in candidates and share >= MIN_PRECISION and seen[lemma] >= MIN_SEEN
        print(f"{lemma:14} {right[lemma]:5}/{seen[lemma]:<5} {share:.2f}{'  keep' if keep else ''}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","))
