"""Institutions taken up by their head noun, documents that "read", and titles before a name
across "of" ("The mayor of X, Name,").

The constructions, seen in ../shared/data: a definite noun that heads a name said before,
PolNeAR train wash-post_2016-01-31_state-calls-emails-of-clinton-to ("the State Department" ...
"the department said"), nyt_2016-06-29_the-perfect-term-for-conservativ ("the Supreme Court"
... "the court announced"), wash-post_2016-05-25_fundraisers-scorned-by-trump-on- and huff-
post_2016-07-18_so-long-grand-old-party-hello-wh ("the party announced", "the party warned");
"read" for a document's words, PolNeAR train west-journal_2016-04-13_megyn-kelly-was-just-
spotted-wal ("the statement read"), ECB+ 44_5ecb ("the EDS statement read"), 19_2ecbplus ("the
letter read"), 22_11ecbplus ("a statement reads"); an apposition hung on the place after a
title, PolNeAR train politico_2016-08-17_ap-trump-chair-routed-ukrainian- ("The head of
Mercury, Vin Weber,"), newsloom-dev ("the president of the European Council, Donald Tusk,"),
ECB+ 41_3ecbplus ("The governor of Unity State, Taban Deng,").
"""

from __future__ import annotations

import pytest

from newsloom.article import Quote

from .quoting import QuotesOf


def _quoted(quotes: tuple[Quote, ...], words: str) -> Quote:
    (q,) = [q for q in quotes if words in q.text and q.kind != "indirect"]
    return q


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Asian Development Fund cut its outlook on Monday. "
         '"Trade is slowing faster than anyone expected this spring," the fund said.',
         "Asian Development Fund"),
        ("The Northern Water Agency banned hosepipes last week. "
         '"Reservoirs are at their lowest level in thirty years," the agency said.',
         "Northern Water Agency"),
        ("The Constitutional Court heard the case in March. "
         '"The law cannot be applied to elections already called," the court said.',
         "Constitutional Court"),
        ("Bank of the Andes raised rates for a third time. "
         '"Inflation remains far too high for comfort at present," the bank said.',
         "Bank of the Andes"),
        ("The Green Unity Party met in Lyon at the weekend. "
         '"We will field candidates in every single district," the party said.',
         "Green Unity Party"),
        ("The World Bank cut its forecast. The Northern Water Agency banned hosepipes. "
         '"Reservoirs are at their lowest level in thirty years," the agency said.',
         "Northern Water Agency"),
        ("The Federal Aviation Authority grounded the fleet and the Civil Defence Commission "
         'opened an inquiry. "No aircraft will fly until the checks are done," the authority '
         "said.", "Federal Aviation Authority"),
    ],
)  # fmt: skip
def test_a_definite_noun_takes_up_the_name_it_heads(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    q = _quoted(quotes_of(text), text.split('"')[1][:20])
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Harbour Authority issued a statement on Friday. "
         '"All berths will reopen at noon tomorrow," the statement read.', "Harbour Authority"),
        ("The Orion Shipping Group released a letter to staff. "
         '"None of you will lose your job because of the merger," the letter read.',
         "Orion Shipping Group"),
        ("Police spokesman Tomasz Wilk, said in a statement that two men were held. "
         '"Both men are expected to appear in court on Monday," the statement read.',
         "Tomasz Wilk"),
        ("Dr Amina Yusuf, the hospital's director, issued a statement. "
         '"We are reviewing every case from the past six months," the statement reads.',
         "Amina Yusuf"),
        ("The Kestria Teachers Union sent a letter to parents on Monday. "
         '"Schools will stay shut until the pay offer is improved," the letter read.',
         "Kestria Teachers Union"),
    ],
)  # fmt: skip
def test_a_document_that_reads_gives_its_owners_words(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    q = _quoted(quotes_of(text), text.split('"')[1][:20])
    assert (q.speaker, q.cue) == (speaker, "read")


@pytest.mark.parametrize(
    "text",
    [
        'He read the letter aloud twice. "We did nothing wrong that night," said John Harper.',
        '"We did nothing wrong that night," said John Harper, who read the statement aloud.',
        'John Harper read the letter out. "We did nothing wrong that night," Harper said.',
        'John Harper read the report twice. "We did nothing wrong that night," he said.',
        'The report was read by John Harper. "We did nothing wrong that night," he said.',
    ],
)
def test_reading_a_document_quotes_its_reader(quotes_of: QuotesOf, text: str) -> None:
    q = _quoted(quotes_of(text), "We did nothing wrong")
    assert q.speaker == "John Harper"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The mayor of Puerto Ancho, Rosa Elvira Mancilla, told reporters that the road was "
         "open.", "Rosa Elvira Mancilla"),
        ("The governor of Tavush, Armen Sahakyan Tadevosyan, said that the border was calm.",
         "Armen Sahakyan Tadevosyan"),
        ("The head of the dockers' union, Oyelaran Bankole-Idris, said the strike would go on.",
         "Oyelaran Bankole-Idris"),
        ("The chairwoman of Kivu Minerals, Esperance Mwamba Kalala, said output had doubled.",
         "Esperance Mwamba Kalala"),
        ("The director of the Lund institute, Siv Haugland Brekke, said that the data were "
         "sound.", "Siv Haugland Brekke"),
        ("The head of Banco Sur, Ines Maria Cordero, said the bank would cut its fees.",
         "Ines Maria Cordero"),
    ],
)  # fmt: skip
def test_a_title_across_of_names_its_apposition(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.speaker == speaker
