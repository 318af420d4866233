"""A title of several words before a name ("Competition Commissioner X", "Police Constable X",
"Senior Superintendent of Police X") is no part of the speaker's name, however the model tags
the run (a work of art, an organisation, or nothing).

The construction, seen in ../shared/data: PolNeAR train usa-today_2016-07-07_with-clinton-fbi-s-
bad-rep-grows ("Alabama Securities Commissioner ...") and usa-today_2016-07-26_protesters-push-
through-intense- ("Police Commissioner ..."), politico_2016-04-09_trump-s-getting-trounced-in-
indi ("State Treasurer ..."), wash-post_2016-03-05_some-emails-to-powell-rice-s-aid ("State
Department Inspector General ..."); ECB+ 18_7ecb ("Police Constable ..."), 32_1ecbplus
("Detective Chief Inspector ..."), 23_3ecbplus ("Police Inspector ...") and 13_7ecbplus
("Police Sergeant ...").

A title with its complement ("Ambassador to X", "Director of X", "Commissioner for X",
"Secretary of the X") before the holder's name, which the model tags with the complement as one
organisation or leaves untagged: PolNeAR train politico_2016-08-17_democrats-new-warning-leaks-
coul ("Director of National Intelligence ..."); ECB+ 9_11ecbplus ("Secretary of the Interior
..."); SemEval-2015 task 4 10718_Apple_to_lower_UK_iTunes_prices ("Commissioner for Competition
..."); htmldate_eval test_set/1791336003 (News.Az: "Pakistani Ambassador to Azerbaijani ...")
and test_set/1749876905 ("Director of Admissions ...").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We have serious concerns about the merger," Competition Commissioner Sofia Lindahl '
         "said.", "Sofia Lindahl"),
        ('"The road will stay closed until the morning," Police Constable Tim Barrow said.',
         "Tim Barrow"),
        ('"The fund is in better shape than it was a year ago," State Treasurer Joan Pelly told '
         "reporters.", "Joan Pelly"),
        ('"We are keeping an open mind about the motive," Detective Sergeant Karen Holt said.',
         "Karen Holt"),
        ('"Every policy sold here must be honoured," Ohio Insurance Commissioner Ray Dunmore '
         "said on Monday.", "Ray Dunmore"),
        ('"The accused has been arrested and more arrests may follow," Senior Superintendent of '
         "Police Anjali Verma told reporters.", "Anjali Verma"),
        ('"The officers involved have been suspended," Inspector General of Police Musa Bello '
         "said.", "Musa Bello"),
        ('"Nobody should travel on the coast road tonight," Chief Constable Maria Lopez said.',
         "Maria Lopez"),
        ('Federal Treasurer Dan Okoro said: "The budget will be back in surplus by 2027."',
         "Dan Okoro"),
    ],
)  # fmt: skip
def test_a_title_phrase_before_the_name(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will appeal," said Mark Judge.', "Mark Judge"),
        ('"It was a fair result," Dave King said after the game.', "Dave King"),
        ('"We expect a decision soon," Trade Commissioner Ana Silva said.', "Ana Silva"),
    ],
)  # fmt: skip
def test_a_role_word_as_the_surname_stays(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The pipeline deal will be signed in March," Serbian Ambassador to Lisbon Dragan '
         "Ostojic said.", "Dragan Ostojic"),
        ('"Our troops will stay," Kenyan Envoy to Mogadishu Peter Kamau told reporters.',
         "Peter Kamau"),
        ('"Fees will not rise," Director of Admissions Laura Petty said on Tuesday.',
         "Laura Petty"),
        ('"The leases are cancelled," Secretary of the Treasury Helen Varga said.',
         "Helen Varga"),
        ('"The merger cannot go ahead," Commissioner for Trade Ines Kovac said.', "Ines Kovac"),
        ('"Rates will hold," Governor of the Reserve Bank Samuel Adjei said.', "Samuel Adjei"),
        ('"The draft is unbalanced," Permanent Representative to the United Nations Ivan '
         "Soltan said.", "Ivan Soltan"),
        ('"The threat is growing," Director of National Security Anna Brill said.', "Anna Brill"),
    ],
)  # fmt: skip
def test_a_title_with_its_complement_before_the_name(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        '"Overdoses have fallen," the Director of National Drug Control Policy said.',
        '"The embassy will reopen," the Ambassador to the United Arab Emirates said.',
        '"The talks were useful," the Ambassador to the European Union said.',
        '"The memorial is ready," the Director of The Remembrance Project said.',
        '"The roads are closed," the Director of Emergency Management Services said.',
    ],
)
def test_a_title_with_its_complement_and_no_name_names_nobody(
    quotes_of: QuotesOf, text: str
) -> None:
    """No word of the complement is taken for a person's name."""
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert len(quotes) == 1
    for word in (
        "Control Policy",
        "Arab Emirates",
        "European Union",
        "Remembrance Project",
        "Management Services",
    ):
        assert word not in (quotes[0].speaker or "")
