"""Reported speech that quotes a fragment of the speaker's words (a mixed quote).

Seen in PolNeAR dev (55 such attributions with "said", "says" or "told", all seven outlets):
nyt_2016-09-12_visa-program-up-for-renewal-amid ("they were concerned that those who prepare
overseas documents "may try to use ..."), usa-today_2016-09-08_candidates-vie-for-vets-support-
("it was "a mistake" to use private email"), wash-post_2016-09-10_outrage-but-few-options-on-the-t
("would work with other Security Council members to take "robust steps""),
west-journal_2016-09-21_chris-christie-calls-hillary-cli ("that he was “troubled” by ...").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ('Anna Berg said the plan was "a costly mistake" for the whole region.', "Anna Berg",
         'the plan was "a costly mistake" for the whole region'),
        ("Peter Lindgren told reporters that he was “deeply troubled” by the vote in the "
         "council.", "Peter Lindgren", "he was “deeply troubled” by the vote in the council"),
        ('Jukka Lahti says the government will take "robust steps" against the smugglers next '
         "month.", "Jukka Lahti",
         'the government will take "robust steps" against the smugglers next month'),
        ("Maria Costa said she has “big plans” for the final month of the campaign.",
         "Maria Costa", "she has “big plans” for the final month of the campaign"),
        ('Tom Ode claimed that the new tax "will hurt every family" in the country by next '
         "year.", "Tom Ode", 'the new tax "will hurt every family" in the country by next year'),
    ],
)  # fmt: skip
def test_a_reported_statement_with_a_quoted_fragment(
    quotes_of: QuotesOf, text: str, speaker: str, content: str
) -> None:
    quotes = quotes_of(text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [(q.speaker, q.text) for q in indirect] == [(speaker, content)]
    assert any(q.kind == "partial" and q.speaker == speaker for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        'Anna Berg said that "the plan is a costly mistake for the whole region."',
        'Peter Lindgren told reporters: "I am deeply troubled by the vote in the council."',
        '"The government will take robust steps against the smugglers," Jukka Lahti said.',
        'Maria Costa said: "We have big plans for the final month of the campaign."',
        'Tom Ode claimed that "the new tax will hurt every family in the country."',
    ],
)
def test_a_complement_that_is_all_quote_is_no_reported_speech(
    quotes_of: QuotesOf, text: str
) -> None:
    assert not [q for q in quotes_of(text) if q.kind == "indirect"]
