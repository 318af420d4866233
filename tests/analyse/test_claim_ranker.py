"""The ranker of candidate attributions: the rows it reads, the tagger's spans it adds, and
the shipped trees."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from newsloom.analyse.claim_context import Context
from newsloom.analyse.claim_model import Counts
from newsloom.analyse.claim_ranker import (
    FEATURES,
    SHAPES,
    load_claim_ranker,
    ranker_rows,
)
from newsloom.analyse.claims import Claim
from newsloom.analyse.content_tagger import TaggedSpan
from newsloom.analyse.parse import Parse

Parsed = Callable[[str], Parse]
TEXT = "Senator Mills said the tax plan would hurt farmers, according to aides."


def _index(parse: Parse, word: str) -> int:
    return next(t.i for t in parse.tokens if t.text == word)


def _column(name: str) -> int:
    return FEATURES.index(name)


def _ctx(parse: Parse) -> Context:
    return Context({}, None, Counts(parse, set()))


def test_a_rule_candidate_reads_what_the_tagger_says_of_its_span(parsed: Parsed) -> None:
    parse = parsed(TEXT)
    said, the, farmers = (_index(parse, w) for w in ("said", "the", "farmers"))
    mills = _index(parse, "Mills")
    claim = Claim("clause", said, mills, the, farmers)
    n = parse.sents[0][1]
    inside = tuple(0.9 if the <= j <= farmers else 0.1 for j in range(n))
    tagged = TaggedSpan(said, the, farmers, 0.8, 0, inside)
    claims, x = ranker_rows(parse, [(claim, 0.7)], [tagged], _ctx(parse))
    assert claims == [claim] and x.shape == (1, len(FEATURES))
    row = dict(zip(FEATURES, x[0], strict=True))
    assert row["claim_probability"] == 0.7 and row["cue_probability"] == 0.8
    assert row["mean_inside"] == pytest.approx(0.9) and row["share_inside"] == 1.0
    assert row["before_inside"] == pytest.approx(0.1) and row["agreement"] == 1.0
    assert row["shape"] == SHAPES.index("clause") and row["size"] == farmers - the + 1


def test_a_cue_the_tagger_did_not_read_has_no_tagger_columns(parsed: Parsed) -> None:
    parse = parsed(TEXT)
    claim = Claim("clause", _index(parse, "said"), 1, _index(parse, "the"), 8)
    _, x = ranker_rows(parse, [(claim, 0.4)], [], _ctx(parse))
    assert x[0, _column("cue_probability")] == -1.0 and x[0, _column("agreement")] == -1.0


def test_the_taggers_own_span_is_a_candidate_when_no_rule_made_it(parsed: Parsed) -> None:
    parse = parsed(TEXT)
    said, the, plan, farmers = (_index(parse, w) for w in ("said", "the", "plan", "farmers"))
    rule = Claim("object", said, _index(parse, "Mills"), the, plan)
    n = parse.sents[0][1]
    tagged = TaggedSpan(said, the, farmers, 0.8, 0, tuple([0.9] * n))
    claims, x = ranker_rows(parse, [(rule, 0.3)], [tagged], _ctx(parse))
    assert [c.shape for c in claims] == ["object", "tagged"]
    added = claims[1]
    assert (added.first, added.last, added.source) == (the, farmers, rule.source)
    assert x[1, _column("claim_probability")] == 0.3  # the best the rules gave the cue
    # the same span again is no new candidate, nor one the rules refuse
    same = TaggedSpan(said, the, plan, 0.8, 0, tuple([0.9] * n))
    assert len(ranker_rows(parse, [(rule, 0.3)], [same], _ctx(parse))[0]) == 1
    assert len(ranker_rows(parse, [(rule, 0.3)], [tagged], _ctx(parse), lambda c: False)[0]) == 1


def test_a_tagged_span_without_a_source_is_none(parsed: Parsed) -> None:
    parse = parsed("The claim that taxes rose was false.")
    claim, taxes, rose = (_index(parse, w) for w in ("claim", "taxes", "rose"))
    n = parse.sents[0][1]
    tagged = TaggedSpan(claim, taxes, rose, 0.9, 0, tuple([0.9] * n))
    claims, x = ranker_rows(parse, [], [tagged], _ctx(parse))
    assert claims == [] and x.shape == (0, len(FEATURES))


def test_the_shipped_ranker_is_read_once_and_orders_sensibly() -> None:
    ranker = load_claim_ranker()
    assert ranker is load_claim_ranker()
    assert 0.3 <= ranker.threshold < 0.95
    base = [0.0] * len(FEATURES)
    likely, unlikely = list(base), list(base)
    for row, p, inside in ((likely, 0.95, 0.95), (unlikely, 0.05, 0.05)):
        row[_column("claim_probability")] = p
        row[_column("cue_probability")] = p
        for name in ("mean_inside", "min_inside", "share_inside", "agreement"):
            row[_column(name)] = inside
        row[_column("before_inside")] = row[_column("after_inside")] = 0.05
        row[_column("size")], row[_column("siblings")] = 8, 1
    probs = ranker.probabilities(np.array([likely, unlikely]))
    assert probs[0] > ranker.threshold > probs[1]
    assert ranker.probabilities(np.zeros((0, len(FEATURES)))).shape == (0,)
