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
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.article import Quote

QuotesOf = Callable[..., tuple[Quote, ...]]


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
