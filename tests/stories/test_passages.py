"""Passage candidates: texts sharing a passage are proposed however little they resemble."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.stories.passages import fingerprints, passage_candidates
from newsloom.stories.reuse import Shingled


def _text(rng: np.random.Generator, n: int) -> list[int]:
    return [int(x) for x in rng.integers(1, 2**63, size=n, dtype=np.int64)]


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("window", [5, 13])
def test_a_passage_of_window_plus_seven_words_always_gives_a_shared_fingerprint(
    seed: int, window: int
) -> None:
    rng = np.random.default_rng(seed)
    # `window` 8-word stretches in a row: window + 5 shingles of three words
    passage = _text(rng, window + 5)
    a = _text(rng, int(rng.integers(0, 300))) + passage + _text(rng, int(rng.integers(0, 300)))
    b = _text(rng, int(rng.integers(0, 300))) + passage + _text(rng, int(rng.integers(0, 300)))
    shared = np.intersect1d(fingerprints(Shingled.of(a), window), fingerprints(Shingled.of(b),
                                                                                  window))
    assert len(shared) >= 1


def test_unrelated_texts_share_no_fingerprint_and_few_are_kept() -> None:
    rng = np.random.default_rng(7)
    a, b = Shingled.of(_text(rng, 400)), Shingled.of(_text(rng, 400))
    fa = fingerprints(a, 13)
    assert len(np.intersect1d(fa, fingerprints(b, 13))) == 0
    assert len(fa) < 400 * 0.25  # about 2 / (window + 1) of the positions


def test_candidates_are_earlier_texts_and_set_phrases_are_left_out() -> None:
    rng = np.random.default_rng(3)
    phrase = _text(rng, 20)  # shared by every text: a template, not one text
    passage = _text(rng, 20)  # shared by texts 1 and 3 only
    texts = [phrase + _text(rng, 50), phrase + passage + _text(rng, 50),
             phrase + _text(rng, 50), _text(rng, 30) + passage + phrase]  # fmt: skip
    found = passage_candidates([Shingled.of(t) for t in texts], window=13, most=3)
    every = passage_candidates([Shingled.of(t) for t in texts], window=13, most=4)
    # with the cap above the four texts, the phrase joins them all; under it, the fingerprints
    # inside the phrase are left out (a window at its edge may still pick one of its stretches)
    assert {j: sorted(i) for j, i in every.items()} == {1: [0], 2: [0, 1], 3: [0, 1, 2]}
    assert 1 in found[3]
    assert sum(map(len, found.values())) < 6


def test_short_texts_have_at_most_one_fingerprint() -> None:
    assert len(fingerprints(Shingled.of([1, 2, 3]), 13)) == 0
    assert len(fingerprints(Shingled.of(list(range(1, 12))), 13)) == 1


def test_a_text_keeps_the_earlier_texts_sharing_the_most_fingerprints_first() -> None:
    rng = np.random.default_rng(5)
    long = _text(rng, 120)  # shared by text 0 and the last: several fingerprints
    shorts = [_text(rng, 20) for _ in range(6)]  # each shared by one earlier text and the last
    texts = [_text(rng, 40) + long + _text(rng, 40)]
    texts += [_text(rng, 40) + s + _text(rng, 40) for s in shorts]
    last = list(long)
    for s in shorts:
        last += _text(rng, 30) + s
    texts.append(last)
    shingled = [Shingled.of(t) for t in texts]
    every = passage_candidates(shingled, window=13, most=50)
    bounded = passage_candidates(shingled, window=13, most=50, per_text=3)
    assert sorted(every[7]) == list(range(7))
    assert every[7][0] == 0  # the long passage: the most shared fingerprints
    assert bounded[7] == every[7][:3]
    assert all(len(found) <= 3 for found in bounded.values())
