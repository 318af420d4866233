"""A body whose name holds "and", "for" or "of" speaks under its whole name ("the Centers for
Disease Control and Prevention said"), even when the model tags the name as a title (a work of
art, a law, an event) or tags only a part of it: the speaker is never the words before the
subject's head ("Centers", "Enforcement", "Rescue Service"). Two names coordinated stay two.

Seen in ../shared/data: "the Academy of Motion Picture(s) Arts and Sciences announced" (ECB+
2_3ecb and 2_11ecbplus, two outlets), "the Organization for Economic Cooperation and Development
says" (Washington Post, PolNeAR train wash-post_2016-03-29_calif-may-raise-minimum-), "The
Organisation for Security and Co-operation in Europe" as the subject of a cue (ECB+ 11_8ecb).
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Stay away from the river bank," West Yorkshire Fire and Rescue Service said.',
         "West Yorkshire Fire and Rescue Service"),
        ('"The sample was clean," the Centers for Disease Control and Prevention said on Monday.',
         "Centers for Disease Control and Prevention"),
        ('"We will appeal the ruling," Immigration and Customs Enforcement said.',
         "Immigration and Customs Enforcement"),
        ('"The ceremony will run to time," the Academy of Motion Picture Arts and Sciences said.',
         "Academy of Motion Picture Arts and Sciences"),
        ('"No staff were hurt," the Department of Health and Human Services said in a statement.',
         "Department of Health and Human Services"),
        ('"The figures are provisional," the Office for National Statistics said.',
         "Office for National Statistics"),
        ('"The fire was set on purpose," the Bureau of Alcohol, Tobacco, Firearms and Explosives '
         "said.", "Bureau of Alcohol, Tobacco, Firearms and Explosives"),
    ],
)  # fmt: skip
def test_a_body_speaks_under_its_whole_name(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    (q,) = quotes_of(text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ('"We are worried," Russia and China said in a joint statement.', "Russia and China"),
        ('"We agree," Google and Apple said.', "Google and Apple"),
        ('"It is over," Ireland and Britain said on Friday.', "Ireland and Britain"),
    ],
)
def test_two_names_coordinated_are_not_one_name(quotes_of: QuotesOf, text: str, glued: str) -> None:
    (q,) = quotes_of(text)
    assert q.speaker_mention == glued
    assert q.speaker != glued
