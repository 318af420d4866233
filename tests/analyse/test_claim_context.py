"""What the ranker reads around a candidate: its cue, source and sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.claim_context import CONTEXT_FEATURES, Context, context_columns
from newsloom.analyse.claim_model import Counts
from newsloom.analyse.claims import Claim
from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.parse import Parse

Parsed = Callable[[str], Parse]


def _index(parse: Parse, word: str, nth: int = 0) -> int:
    return [t.i for t in parse.tokens if t.text == word][nth]


def _row(parse: Parse, claims: list[Claim], probs: list[float], **lexicon: float) -> list[dict]:
    _, people = analyse_entities(parse)
    ctx = Context(
        {k.replace("_", "|"): v for k, v in lexicon.items()}, people, Counts(parse, set())
    )
    x = context_columns(parse, claims, probs, ctx)
    assert x.shape == (len(claims), len(CONTEXT_FEATURES))
    return [dict(zip(CONTEXT_FEATURES, r, strict=True)) for r in x]


@pytest.mark.parametrize(
    ("text", "source", "kind", "known"),
    [
        ("Senator Ada Mills said the levy would hurt growers.", "Mills", "person", 1.0),
        ("The Interior Ministry said the border would stay shut.", "Ministry", "org", 0.0),
        ("She said the bridge would reopen in June.", "She", "pron", 0.0),
        ("Many local farmers said the drought had ruined the harvest.", "farmers", "noun", 0.0),
    ],
)
def test_the_kind_of_source(
    parsed: Parsed, text: str, source: str, kind: str, known: float
) -> None:
    parse = parsed(text)
    said = _index(parse, "said")
    end = len(parse.tokens) - 2
    (row,) = _row(parse, [Claim("clause", said, _index(parse, source), said + 1, end)], [0.5])
    flags = {k for k in CONTEXT_FEATURES if k.startswith("source_") and k != "source_known"}
    assert {k for k in flags if row[k] == 1.0} == {f"source_{kind}"}
    assert row["source_known"] == known


def test_where_the_content_sits_and_what_ends_it(parsed: Parsed) -> None:
    parse = parsed("Officials said the plant would close, and workers protested on Monday.")
    said, the, close = (_index(parse, w) for w in ("said", "the", "close"))
    officials = _index(parse, "Officials")
    (row,) = _row(
        parse, [Claim("clause", said, officials, the, close, link="")], [0.6], say_VERB=0.4
    )
    assert row["cue_rate"] == 0.4 and row["cue_verb"] == 1.0 and row["tag_vbd"] == 1.0
    assert row["content_after"] == 1.0 and row["gap"] == 1.0
    assert row["comma_after"] == 1.0 and row["ends_sentence"] == 0.0 and row["to_end"] == 0.0
    assert row["finite_verbs"] == 1.0 and row["content_subject"] == 1.0
    assert row["source_noun"] == 1.0 and row["source_known"] == 0.0


def test_a_content_before_its_cue_that_ends_the_sentence(parsed: Parsed) -> None:
    parse = parsed("Taxes will rise next year, the minister warned.")
    warned, taxes, year = (_index(parse, w) for w in ("warned", "Taxes", "year"))
    claim = Claim("aside", warned, _index(parse, "minister"), taxes, year)
    (row,) = _row(parse, [claim], [0.7])
    assert row["content_after"] == 0.0 and row["from_start"] == 1.0
    assert row["comma_after"] == 1.0 and row["gap"] == warned - year
    assert row["cue_rate"] == 0.0  # a lemma the lexicon does not know


def test_the_rivals_of_a_sentence_are_other_cues_candidates(parsed: Parsed) -> None:
    parse = parsed("Aides said the senator claimed the vote was rigged.")
    said, claimed = _index(parse, "said"), _index(parse, "claimed")
    aides, senator = _index(parse, "Aides"), _index(parse, "senator")
    end = len(parse.tokens) - 2
    outer = Claim("clause", said, aides, said + 1, end)
    inner = Claim("clause", claimed, senator, claimed + 1, end)
    same_cue = Claim("object", said, aides, said + 1, senator)
    rows = _row(parse, [outer, inner, same_cue], [0.3, 0.8, 0.6])
    assert [r["sentence_candidates"] for r in rows] == [3.0, 3.0, 3.0]
    assert [r["rival_probability"] for r in rows] == [0.8, 0.6, 0.8]


def test_a_lone_candidate_has_no_rival(parsed: Parsed) -> None:
    parse = parsed("The mayor said the park would reopen.")
    said = _index(parse, "said")
    claim = Claim("clause", said, _index(parse, "mayor"), said + 1, len(parse.tokens) - 2)
    (row,) = _row(parse, [claim], [0.9])
    assert row["rival_probability"] == -1.0 and row["sentence_candidates"] == 1.0
    assert row["ends_sentence"] == 1.0 and row["to_end"] == 1.0 and row["cue_root"] == 1.0


def test_a_nested_attribution_is_seen_from_both_sides(parsed: Parsed) -> None:
    parse = parsed("Aides said the mayor claimed the vote was rigged.")
    said, claimed = _index(parse, "said"), _index(parse, "claimed")
    aides, mayor = _index(parse, "Aides"), _index(parse, "mayor")
    the_vote, rigged = _index(parse, "the", 1), _index(parse, "rigged")
    outer = Claim("clause", said, aides, _index(parse, "the"), rigged)
    inner = Claim("clause", claimed, mayor, the_vote, rigged)
    lone = Claim("object", said, aides, mayor, mayor)  # same cue as `outer`: no rival of it
    row_outer, row_inner, row_lone = _row(parse, [outer, inner, lone], [0.7, 0.6, 0.2])
    # the outer content holds the inner cue; the inner cue sits in the outer content
    assert (row_outer["inner_cue"], row_outer["outer_cue"]) == (0.6, -1.0)
    assert (row_inner["inner_cue"], row_inner["outer_cue"]) == (-1.0, 0.7)
    assert (row_lone["inner_cue"], row_lone["outer_cue"]) == (-1.0, -1.0)
