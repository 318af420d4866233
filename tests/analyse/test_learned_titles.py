"""Title words learned from news (`resources/title_words.json`, training/learn_title_words.py)
stand beside the hand list: a learned title glued before a name is no part of the speaker's
name ("Speechwriter Nia Okoro said"), and a surname that is also a learned word stays in the name
("Dana Priest said").

The construction, seen in ../shared/data: "Coroner X Y" in ECB+ 28_7ecbplus, 28_8ecbplus,
28_9ecbplus; "Rabbi X Y" in PolNeAR train nyt_2015-11-24_world-war-ii-haunts-our-terror-d,
usa-today_2016-03-21_trump-campaign-makes-a-capital-i and Dragnet R870; "Whip X Y" in politico_2016-
05-12_the-trump-gop-feud-lives-on, wash-post_2016-06-29_attempt-to-fund-zika-fight-dies- and
Dragnet T73; "strategist X Y" in breitbart, politico, usa-today, wash-post and Dragnet 252. The
other rows use learned words the hand list lacks in the same constructions.
"""

from __future__ import annotations

import pytest

from newsloom.analyse.learned_titles import learned_titles, person_titles
from newsloom.analyse.lexicon import ROLE_WORDS

from .quoting import QuotesOf


def test_learned_words_widen_the_hand_list() -> None:
    assert person_titles() > ROLE_WORDS
    assert {"pastor", "rabbi", "coroner", "captain", "pollster"} <= learned_titles()
    assert not learned_titles() & ROLE_WORDS
    assert learned_titles() is learned_titles()  # read once


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The plan was never written down," Speechwriter Nia Okoro said.', "Nia Okoro"),
        ('"The injuries were consistent with a fall," Coroner Alan Meeks told the inquest.',
         "Alan Meeks"),
        ('Rabbi Daniel Stern told the court: "The doors of the synagogue stay open."',
         "Daniel Stern"),
        ('"Turnout will decide this race," Strategist Pavel Drozd said on Tuesday.',
         "Pavel Drozd"),
        ('Accountant Grace Adeyemi said: "I kept every receipt for six years."', "Grace Adeyemi"),
        ('"The bells will ring again at Easter," Parish Priest Tomas Lund said.', "Tomas Lund"),
        ('"We have the votes," Whip Lena Holm told reporters.', "Lena Holm"),
        ('"The vote count is on our side," Lena Holm, the party\'s whip, said.', "Lena Holm"),
        # surnames that are learned title words stay in the name
        ('"The archive tells a different story," Dana Priest said.', "Dana Priest"),
        ('"The budget cannot wait another month," Ana Pastor told parliament.', "Ana Pastor"),
        # a name whose first word is a common noun keeps it
        ('"We will appeal the ruling," Hunter Biden said.', "Hunter Biden"),
    ],
)  # fmt: skip
def test_learned_title_before_a_name(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert [q.speaker for q in quotes] == [speaker]
