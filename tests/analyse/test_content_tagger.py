"""The content tagger: how tokens hang from a cue, the features it reads, its decoding, and
the shipped model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.content_tagger import (
    ALONE_RATE,
    CLAIM_GATE,
    asked,
    decode,
    load_content_tagger,
    sequence_features,
    token_features,
    worth_asking,
)
from newsloom.analyse.parse import Parse

Parsed = Callable[[str], Parse]


def _index(parse: Parse, word: str) -> int:
    return next(t.i for t in parse.tokens if t.text == word)


def test_tokens_are_told_how_they_hang_from_the_cue(parsed: Parsed) -> None:
    parse = parsed("Senator Mills argued that the tax plan would hurt farmers.")
    cue = _index(parse, "argued")
    a, feats = sequence_features(parse, cue, token_features(parse, set()))
    rel = {parse.tokens[a + k].text: next(f for f in fs if f.startswith("r=")) for k, fs in
           enumerate(feats)}  # fmt: skip
    assert rel["argued"] == "r=cue"
    assert rel["Mills"] == "r=sub:nsubj"
    assert rel["farmers"] == rel["hurt"] == "r=sub:ccomp"
    assert "lr=argue|sub:ccomp" in feats[_index(parse, "hurt") - a]
    # what the cue governs is told to every token, so it weighs whether there is content
    assert all("c=argue" in fs and "cc=ccomp" in fs for fs in feats)


def test_quoted_tokens_are_marked(parsed: Parsed) -> None:
    parse = parsed('Mills said the plan was "a disaster for farmers" on Monday.')
    static = token_features(parse, {_index(parse, "disaster")})
    assert "q" in static[_index(parse, "disaster")]
    assert "q" not in static[_index(parse, "plan")]


class _Fixed:
    """A stand-in for a crfsuite tagger with given marginals (B + I) per token."""

    def __init__(self, inside: list[float], none: float) -> None:
        self.inside, self.none = inside, none

    def probability(self, labels: list[str]) -> float:
        assert set(labels) == {"O"}
        return self.none

    def marginal(self, label: str, j: int) -> float:
        return self.inside[j] if label == "I" else 0.0


@pytest.mark.parametrize(
    ("inside", "none", "expected"),
    [
        # content of 0.9 chance; tokens 2-4 are content given there is some
        ([0.0, 0.1, 0.8, 0.9, 0.7, 0.2], 0.1, (2, 4)),
        # the run around the likeliest token, not a later one
        ([0.0, 0.6, 0.7, 0.1, 0.5, 0.0], 0.2, (1, 2)),
        # some content, but no token is likely enough: no span
        ([0.2, 0.2, 0.2, 0.2], 0.3, (-1, -1)),
    ],
)
def test_decoding_reads_the_span_from_marginals(
    inside: list[float], none: float, expected: tuple[int, int]
) -> None:
    found = decode(_Fixed(inside, none), len(inside))
    assert found is not None
    first, last, p, given = found
    assert (first, last) == expected
    assert p == pytest.approx(1 - none)
    assert given[0] == pytest.approx(min(inside[0] / (1 - none), 1.0))


def test_a_cue_unlikely_to_have_content_reads_nothing() -> None:
    assert decode(_Fixed([0.01, 0.02], 0.98), 2) is None


def test_the_lexicon_asks_about_cues_not_every_word(parsed: Parsed) -> None:
    model = load_content_tagger()
    assert model is load_content_tagger()
    parse = parsed("The senator said the bridge near the river was closed on Tuesday.")
    found = {parse.tokens[i].text for i in asked(parse, model.lexicon, model.min_rate)}
    assert "said" in found and "bridge" not in found and "river" not in found
    assert asked(parse, {"say|VERB": 0.5}, 0.6) == []


def test_only_cues_worth_the_time_are_read(parsed: Parsed) -> None:
    parse = parsed("The senator said the bridge near the river was closed on Tuesday.")
    said = _index(parse, "said")
    lexicon = {"say|VERB": 0.3}
    # a cue the rules read: asked when the regression finds it likely enough
    assert worth_asking(parse, lexicon, 0.02, {said: CLAIM_GATE}) == [said]
    assert worth_asking(parse, lexicon, 0.02, {said: CLAIM_GATE - 0.01}) == []
    # a cue the rules read nothing from: asked when it often heads a cue
    assert worth_asking(parse, lexicon, 0.02, {}) == [said]
    assert worth_asking(parse, {"say|VERB": ALONE_RATE - 0.01}, 0.02, {}) == []
    model = load_content_tagger()
    assert said in model.cues(parse, {said: 0.9})
    assert said not in model.cues(parse, {said: 0.1})


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Senator Mills said the tax plan would hurt farmers.", "said",
         "the tax plan would hurt farmers"),
        # PolNeAR's annotators mostly keep the "that"
        ("The mayor argued that the new budget leaves schools short.", "argued",
         "that the new budget leaves schools short"),
        ("Officials told reporters that the border crossing would reopen.", "told",
         "that the border crossing would reopen"),
        ("The new poll shows the governor leading in three counties.", "shows",
         "the governor leading in three counties"),
        ("Prices will keep rising next year, the central bank warned.", "warned",
         "Prices will keep rising next year"),
    ],
)  # fmt: skip
def test_the_shipped_tagger_marks_plain_contents(
    parsed: Parsed, text: str, cue: str, content: str
) -> None:
    parse = parsed(text)
    model = load_content_tagger()
    (found,) = model.tag(parse, [_index(parse, cue)], set())
    assert found.probability > 0.3
    assert parse.span_text(found.first, found.last + 1) == content


def test_the_shipped_tagger_tells_a_cue_from_a_word_the_lexicon_also_asks_about(
    parsed: Parsed,
) -> None:
    parse = parsed("The senator said the bridge near the river was closed on Tuesday.")
    model = load_content_tagger()
    said, was = _index(parse, "said"), _index(parse, "was")
    assert {said, was} <= set(asked(parse, model.lexicon, model.min_rate))
    found = {t.cue: t for t in model.tag(parse, [said, was], set())}
    assert found[said].probability > 0.5
    assert was not in found or found[was].probability < found[said].probability / 2
