"""A person called by their party, country or home state ("the Republican said", "the Italian
told reporters", "the Texan said") is the person just spoken of, not an institution named
"Republican" or "Italian"; a group or a body with the same kind of name stays what it is.

Seen in ../shared/data (PolNeAR train): '..., the Republican said this week' (USA Today,
usa-today_2015-11-20_carson-says-cut-regulati...), 'The Democrat told Yahoo! News' (Politico,
politico_2016-05-19_exclusive-in-memo-to...), '..., the Texan said' (Western Journal,
west-journal_2016-01-25_rick-perry-just-annou...).
"""

from __future__ import annotations

import pytest

from newsloom.analyse.affiliation import names_one_person

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Senator Dale Hutchins spoke for an hour in Des Moines.\n\n"We need a new direction," '
         "the Republican said.", "Dale Hutchins"),
        ('Governor Ann Rawlings toured the flood zone on Monday. "It is heartbreaking," the '
         "Democrat said.", "Ann Rawlings"),
        ('Marco Bellini has coached the side since March. "We will fight to the end," the '
         "Italian told reporters.", "Marco Bellini"),
        ('Ruud Janssen was happy after the match. "The boys were fantastic," the Dutchman said.',
         "Ruud Janssen"),
        ('Karl Weber spoke in Berlin on Monday. "We are ready," the German said.', "Karl Weber"),
        ('Joe Allen, a rancher, owns 400 acres. "The drought is killing us," the Texan said.',
         "Joe Allen"),
        ('Rui Albernaz insists his side can still win.\n\n"It is not over," the Portuguese told '
         "his press conference on Friday.", "Rui Albernaz"),
        # the subject of the main verb, not of a clause inside it
        ("House Speaker Dan Royce says no matter what action President Karl Obert takes, \"his "
         'word does not trump the law."\n\nThe Wisconsin Republican says the steps will be '
         "challenged in court.", "Dan Royce"),
        ("Grace Wanjiru led from the first lap. The Kenyan said she had trained at altitude "
         "all winter.", "Grace Wanjiru"),
    ],
)  # fmt: skip
def test_the_person_just_spoken_of(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    described = [q for q in quotes_of(text) if (q.speaker_mention or "").lower().startswith("the")]
    assert described
    assert all(q.speaker == speaker for q in described)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a group, a body, or the people of a country are no one person
        ('Mullah Akhund led the talks. "We will not cut taxes," the Taliban said.', "Taliban"),
        ('Karl Weber spoke in Rome. "We are fine," the Italians said.', "Italians"),
        # a person of another country is not the one described
        ('French coach Luc Morel praised his side. "We were lucky," the German said.', None),
        # too far back: no description of them
        ("Senator Dale Hutchins spoke in Des Moines. The crowd cheered. Rain fell. Buses left. "
         '"We need a new direction," the Republican said.', None),
    ],
)  # fmt: skip
def test_no_person_of_that_description(quotes_of: QuotesOf, text: str, speaker: str | None) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("word", "one_person"),
    [
        ("Italian", True), ("Portuguese", True), ("Dutchman", True), ("Frenchwoman", True),
        ("Texan", True), ("Ohioan", True), ("Londoner", True), ("Republican", True),
        ("Democrat", True), ("German", True),
        ("Italy", False), ("Netherlands", False), ("Taliban", False), ("Kremlin", False),
        ("Senate", False), ("Chairman", False), ("Pentagon", False), ("US", False),
    ],
)  # fmt: skip
def test_names_one_person(word: str, one_person: bool) -> None:
    assert names_one_person(word) is one_person
