"""Conflicting accounts: counts and percentages given differently by independent sources, and
texts that say accounts differ.

Death tolls given differently by outlets: the demo corpus (bagre-spillway: three against five);
../shared/data/ecbplus has many reports of one quake or shooting with different tolls (e.g.
topic 3 and topic 37 documents). "Differing accounts" wording: the seeds (004), dev d039/d040.
The sentences below are our own.
"""

from __future__ import annotations

import pytest

from newsloom.stories.conflicts import find_conflicts, number_claims

COUNTS = [
    ("At least 12 people were killed when the bridge collapsed.", "the number killed", 12),
    ("The bridge collapse killed at least 12 people on Monday.", "the number killed", 12),
    ("Twelve people have now died after the collapse.", "the number killed", 12),
    ("Rescuers said the death toll had risen to 14.", "the number killed", 14),
    ("Officials raised the number of people killed in the crash to 14.", "the number killed", 14),
    ("More than 30 were injured, the hospital said.", "the number injured", 30),
    ("Police said 45 protesters were arrested overnight.", "the number arrested", 45),
    ("About 4,000 residents were evacuated from the valley.", "the number evacuated", 4000),
]


@pytest.mark.parametrize(("sentence", "about", "value"), COUNTS)
def test_counts_are_read_in_many_wordings(make_article, sentence, about, value) -> None:
    claims = number_claims(make_article("a", sentence))
    assert [(a, v) for a, v, _ in claims] == [(about, value)]
    claim = claims[0][2]
    assert make_article("a", sentence).text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 killed was a word the paper avoided.",
        "The 1998 floods killed hundreds.",  # a year is not a count
        "Shares of the company were flat.",
    ],
)
def test_no_count_where_there_is_none(make_article, sentence) -> None:
    assert [(a, v) for a, v, _ in number_claims(make_article("a", sentence))] == []


def test_a_percentage_change_names_what_changed(make_article) -> None:
    claims = number_claims(make_article("a", "Lusitania's shares jumped 19 per cent in Lisbon."))
    assert [(a, v) for a, v, _ in claims] == [("the percentage rise of Lusitania", 19)]
    claims = number_claims(make_article("b", "Lusitania's stock closed 18% higher on Friday."))
    assert [(a, v) for a, v, _ in claims] == [("the percentage rise of Lusitania", 18)]


def test_different_counts_from_different_origins_conflict(make_article) -> None:
    arts = [
        make_article("a", "Three people were killed in the floods, officials said."),
        make_article("b", "Five people have died in the floods, local leaders said."),
        make_article("c", "Three people were killed, the wire reported."),
    ]
    origins = {"a": "ministry-paper", "b": "radio", "c": "ministry-paper"}
    (conflict,) = find_conflicts(arts, origins)
    assert conflict.about == "the number killed" and conflict.kind == "number"
    assert {c.article for c in conflict.claims} == {"a", "b"}  # c repeats a's origin


def test_one_origin_updating_itself_is_no_conflict(make_article) -> None:
    arts = [
        make_article("a", "Three people were killed in the floods."),
        make_article("b", "Five people were killed in the floods."),
    ]
    assert find_conflicts(arts, {"a": "wire", "b": "wire"}) == ()


def test_equal_counts_are_no_conflict(make_article) -> None:
    arts = [
        make_article("a", "Three people were killed in the floods."),
        make_article("b", "The floods killed three people."),
    ]
    assert find_conflicts(arts, {"a": "x", "b": "y"}) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The two governments offered differing accounts of the call.",
        "There were conflicting reports about who fired first.",
        "Accounts of the meeting differed sharply.",
        "Both sides gave contradictory versions of the talks.",
        "The ministries released competing readouts of the conversation.",
    ],
)
def test_a_text_that_says_accounts_differ_is_a_stated_conflict(make_article, sentence) -> None:
    (conflict,) = find_conflicts([make_article("a", sentence)], {"a": "x"})
    assert conflict.kind == "stated"
    assert conflict.claims[0].text == sentence
