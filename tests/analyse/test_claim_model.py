"""The learned scorer of candidate attributions: its file, its features, its rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.claim_model import Counts, candidates, claim_features, load_claim_model
from newsloom.analyse.claims import claims
from newsloom.analyse.parse import Parse

Parsed = Callable[[str], Parse]


def test_the_model_is_read_once_and_is_sane() -> None:
    model = load_claim_model()
    assert model is load_claim_model()
    assert 0.5 <= model.threshold < 0.95
    shapes = ("clause", "aside", "infinitive", "object", "preposition", "according", "noun")
    for shape in shapes:
        assert any(name.startswith(f"{shape}:") for name in model.weights), shape


@pytest.mark.parametrize(
    "text",
    [
        "Senator Mills did not say that the tax plan would hurt farmers.",  # negated
        "The governor never claimed that the bridge was safe.",  # negated
        "Ortega will announce that the plant is closing.",  # not yet spoken
        "The mayor is expected to say that the budget is balanced.",  # not yet spoken
        "Reporters asked whether the senator had met the lobbyist.",  # a question
        "The senator asked if the count had been rigged.",  # a question
    ],
)
def test_statements_nobody_made_are_no_candidates(parsed: Parsed, text: str) -> None:
    parse = parsed(text)
    assert any(c.shape == "clause" for c in claims(parse))  # the parse offers one
    assert not [c for c, _ in candidates(parse, set()) if c.shape == "clause"]


def test_features_are_named_per_construction(parsed: Parsed) -> None:
    parse = parsed("Senator Mills argued that the tax plan would hurt farmers.")
    (claim,) = [c for c in claims(parse) if c.shape == "clause"]
    feats = claim_features(parse, claim, set())
    assert "clause:lemma=argue" in feats and "clause:link=clause|that" in feats
    assert "lemma=argue" in feats and "bias" in feats
    assert {"clause:root=True", "clause:nested=False", "clause:finite=True"} <= set(feats)
    assert {"clause:to_end=True", "clause:from_start=False"} <= set(feats)


@pytest.mark.parametrize(
    ("text", "cue", "nested", "finite"),
    [
        ("Aides said Mills argued that the tax plan would hurt farmers.", "argued", True, True),
        ("Reporters noted that Mills vowed to repeal the tax.", "vowed", True, False),
        ("Mills argued that the tax plan would hurt farmers.", "argued", False, True),
        ("The new governor vowed to repeal the tax.", "vowed", False, False),
        ("Analysts claim the senator rejected the offer.", "rejected", True, False),
    ],
)
def test_a_cue_under_another_verb_of_saying_and_a_finite_content(
    parsed: Parsed, text: str, cue: str, nested: bool, finite: bool
) -> None:
    parse = parsed(text)
    found = [c for c in claims(parse) if parse.tokens[c.cue].text == cue]
    assert found
    for claim in found:
        feats = claim_features(parse, claim, set())
        assert f"{claim.shape}:nested={nested}" in feats
        assert f"{claim.shape}:finite={finite}" in feats


def test_running_counts_give_the_quoted_share(parsed: Parsed) -> None:
    text = 'Mills said the plan would "hurt every farmer" in the state.'
    parse = parsed(text)
    quoted = {i for i, t in enumerate(parse.tokens) if text.index('"') < t.start < text.rindex('"')}
    counts = Counts(parse, quoted)
    for first in range(len(parse.tokens)):
        for stop in range(first, len(parse.tokens) + 1):
            assert counts.inside(first, stop) == sum(i in quoted for i in range(first, stop))


def test_a_mostly_quoted_content_is_left_to_the_direct_quotes(parsed: Parsed) -> None:
    text = 'Mills said that "the tax plan will hurt every farmer in the state."'
    parse = parsed(text)
    quoted = {i for i, t in enumerate(parse.tokens) if t.start > text.index('"')}
    assert not [c for c, _ in candidates(parse, quoted) if c.shape == "clause"]


# A direct quote credited "according to" an outlet or a witness, in PolNeAR train:
# politico_2016-07-29_sex-lies-and-the-grayson-family-, wash-post_2016-04-18_sanders-says-his-
# private-meeting, breitbart_2016-07-25_dnc-issues-deep-and-sincere-apol, and seed 004.
@pytest.mark.parametrize(
    "text",
    [
        '"It is a useful step," Ortega said of the plan, according to Reuters.',
        'According to the mayor\'s office, Kowalski said the deal was "a useful step".',
        '"We will not sign this," Lindqvist told aides, according to two people in the room.',
        '"The vote is lost," the senator replied, according to a transcript.',
        'According to the agency, Moreau called the offer "an insult to every worker".',
    ],
)
def test_according_to_in_a_sentence_that_quotes_is_the_quotes_credit(
    parsed: Parsed, text: str
) -> None:
    parse = parsed(text)
    marks = [i for i, ch in enumerate(text) if ch == '"']
    quoted = {i for i, t in enumerate(parse.tokens) if marks[0] <= t.start < marks[1]}
    assert any(c.shape == "according" for c in claims(parse))
    assert not [c for c, _ in candidates(parse, quoted) if c.shape == "according"]


@pytest.mark.parametrize(
    ("text", "cue", "shape", "siblings", "shapes", "longest"),
    [
        ("Mills told reporters that the tax plan would hurt farmers.", "told", "clause", 2,
         "clause|object", True),
        ("Mills told reporters that the tax plan would hurt farmers.", "told", "object", 2,
         "clause|object", False),
        ("Union leaders urged members to reject the offer.", "urged", "infinitive", 2,
         "infinitive|object", True),
        ("The senator denied the allegations.", "denied", "object", 1, "object", True),
        ("Mills argued that the tax plan would hurt farmers.", "argued", "clause", 1, "clause",
         True),
    ],
)  # fmt: skip
def test_the_other_candidates_of_the_same_cue(
    parsed: Parsed, text: str, cue: str, shape: str, siblings: int, shapes: str, longest: bool
) -> None:
    parse = parsed(text)
    (claim,) = [c for c in claims(parse) if c.shape == shape and parse.tokens[c.cue].text == cue]
    feats = claim_features(parse, claim, set())
    assert f"{shape}:siblings={siblings}" in feats
    assert f"{shape}:sibling_shapes={shapes}" in feats
    assert f"{shape}:longest={longest}" in feats
