"""A description that repeats the title the article gave a person ("The Taoiseach, Ciaran
Mulcahy, ... the Taoiseach said"; "Kremlin spokesman X ... the Kremlin spokesman said") is that
person, not the institution in the title nor the title as a name.

Seen in ../shared/data: "District Attorney Steve Cooley ... the District Attorney said" (ECB+
16_1ecbplus), "Mayor Bill de Blasio ... the Mayor said" (Politico, PolNeAR train
politico_2015-12-11), "Mayor Nikitas Kaklamanis ... the mayor said" (ECB+ 19_9ecb).
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf

SAID = '\n\n"We will take our time and get this right," the {} said.'


@pytest.mark.parametrize(
    ("first", "title", "speaker"),
    [
        ("The Taoiseach, Ciaran Mulcahy, spoke to reporters in Brussels.", "Taoiseach",
         "Ciaran Mulcahy"),
        ("Kremlin spokesman Dmitry Peskarov told reporters that Moscow had no proposal.",
         "Kremlin spokesman", "Dmitry Peskarov"),
        ("District Attorney Helen Marsh announced the charges on Friday.", "District Attorney",
         "Helen Marsh"),
        ("Chief Constable Mark Tulley visited the site on Monday.", "Chief Constable",
         "Mark Tulley"),
        ("The Ombudsman, Peter Varga, published his report on Tuesday.", "Ombudsman",
         "Peter Varga"),
        ("Army spokeswoman Maj. Anna Berg briefed reporters on Sunday.", "Army spokeswoman",
         "Anna Berg"),
    ],
)  # fmt: skip
def test_the_title_the_article_gave_a_person(
    quotes_of: QuotesOf, first: str, title: str, speaker: str
) -> None:
    (q,) = [q for q in quotes_of(first + SAID.format(title)) if q.kind == "direct"]
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("first", "title", "not_speaker"),
    [
        # another institution's spokesman is someone else
        ("Kremlin spokesman Dmitry Peskarov told reporters that Moscow had no proposal.",
         "White House spokesman", "Dmitry Peskarov"),
        # a title given inside a quote names no one outside it
        ('"Ask the Ombudsman, Peter Varga," she said.', "Ombudsman", "Peter Varga"),
    ],
)  # fmt: skip
def test_a_title_not_given_to_that_person(
    quotes_of: QuotesOf, first: str, title: str, not_speaker: str
) -> None:
    quotes = [q for q in quotes_of(first + SAID.format(title)) if q.kind == "direct"]
    q = next(q for q in quotes if q.text.startswith("We will"))
    assert q.speaker != not_speaker


@pytest.mark.parametrize(
    ("first", "acronym", "speaker"),
    [
        ("Bronx District Attorney Lydia Carvalho filed the charges on Monday.", "DA",
         "Lydia Carvalho"),
        ("Chief Minister Devendra Rawal toured the flooded villages by boat.", "CM",
         "Devendra Rawal"),
        ("Superintendent of Police Kavita Menon said the two men had been arrested.", "SP",
         "Kavita Menon"),
        ("Deputy Commissioner of Police Imran Qadri met the traders on Friday.", "DCP",
         "Imran Qadri"),
        ("The managing director, Oskar Lindgren, presented the results.", "MD",
         "Oskar Lindgren"),
        ("Health Cabinet Secretary Wanjiru Kamau opened the clinic on Tuesday.", "CS",
         "Wanjiru Kamau"),
        ("The institute's Director-General, Dr. Tomas Erikson, spoke first.", "DG",
         "Tomas Erikson"),
    ],
)  # fmt: skip
def test_a_title_spelled_by_its_initials(
    quotes_of: QuotesOf, first: str, acronym: str, speaker: str
) -> None:
    """ "the DA" after "Queens District Attorney Richard Brown" (ECB+ 21_12ecbplus); "the PM"
    after the Prime Minister was named (PolNeAR train huff-post_2016-05-16, newsloom-dev
    sg.news.yahoo.com d002 and bridlingtonfreepress.co.uk d010)."""
    (q,) = [q for q in quotes_of(first + SAID.format(acronym)) if q.kind == "direct"]
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("first", "acronym"),
    [
        # initials of someone else's title
        ("Chief Minister Devendra Rawal toured the flooded villages by boat.", "DA"),
        # an organisation's acronym is the organisation
        ("Chief Minister Devendra Rawal toured the flooded villages by boat.", "BBC"),
        # more initials than the title has words
        ("Chief Minister Devendra Rawal toured the flooded villages by boat.", "CMO"),
    ],
)  # fmt: skip
def test_initials_that_spell_no_title_of_the_person(
    quotes_of: QuotesOf, first: str, acronym: str
) -> None:
    (q,) = [q for q in quotes_of(first + SAID.format(acronym)) if q.kind == "direct"]
    assert q.speaker != "Devendra Rawal"
