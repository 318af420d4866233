"""A medium's report of another's words: the one reported is the speaker, the medium the via.

The constructions, seen in ../shared/data: "X said ..., <medium> reported" in ECB+ 20_8ecbplus
("... said 40 percent to 70 percent of the buildings ... were destroyed, IRNA reported"),
18_7ecb ("Police said ..., the CBC reported"), PolNeAR train west-journal_2016-03-04_kasich-
just-revealed- ("The Trump campaign said ..., CNN reported") and newsloom-dev d027 (scroll.in:
"... office said it will file ... charges ..., AFP reported"); "<medium> reported, citing X" in
ECB+ 28_9ecb ("the Press Democrat newspaper reported, citing Felt's grandson"), 37_12ecbplus
("AP reported, citing residents") and PolNeAR train west-journal_2016-06-20_media-reports-
reveal- ("the Post reported, citing another anonymous source").
"""

from __future__ import annotations

import pytest

from newsloom.article import Quote

from .quoting import QuotesOf


def indirect(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "via", "content"),
    [
        ("Russia's deputy foreign minister, Pavel Grinev, said on Wednesday that talks with "
         "Washington had stalled, the RIA news agency reported.", "Pavel Grinev", "RIA news agency",
         "talks with Washington had stalled"),
        ("Iranian foreign ministry spokesman Reza Bagheri said on Monday that the talks would "
         "resume in Vienna next week, the IRNA news agency reported.", "Reza Bagheri",
         "IRNA news agency", "the talks would resume in Vienna next week"),
        ("Finance Minister Kofi Mensah said the deficit would shrink next year, Reuters "
         "reported.", "Kofi Mensah", "Reuters", "the deficit would shrink next year"),
        ("Mayor Ana Silva told residents that the water was safe to drink again, the local "
         "newspaper Diario Sur reported.", "Ana Silva", "Diario Sur",
         "the water was safe to drink again"),
        ("Opposition leader Nika Beridze said the vote had been rigged, Interfax reported on "
         "Sunday.", "Nika Beridze", "Interfax", "the vote had been rigged"),
    ],
)  # fmt: skip
def test_a_report_of_a_statement_is_the_statement(
    quotes_of: QuotesOf, text: str, speaker: str, via: str, content: str
) -> None:
    (q,) = indirect(quotes_of(text))
    assert (q.speaker, q.via, q.text) == (speaker, via, content)


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("Ukraine has received the first batch of the air defence systems, Ukrinform reported, "
         "citing Defence Minister Roman Shevchuk.", "Roman Shevchuk", "Ukrinform"),
        ("The plant will close in March, Bloomberg reported, citing chief executive Laura "
         "Brenner.", "Laura Brenner", "Bloomberg"),
        ("The talks have been put off until May, Kyodo reported, citing Foreign Minister Kenta "
         "Mori.", "Kenta Mori", "Kyodo"),
        ("Two people were hurt when the quake hit, AP reported, citing residents of the "
         "village.", "residents", "AP"),
        ("The border crossing was shut overnight, the Tasnim news agency reported, citing "
         "Interior Minister Ali Rezaei.", "Ali Rezaei", "Tasnim news agency"),
    ],
)  # fmt: skip
def test_a_report_citing_someone_is_theirs(
    quotes_of: QuotesOf, text: str, speaker: str, via: str
) -> None:
    (q,) = indirect(quotes_of(text))
    assert (q.speaker, q.via) == (speaker, via)
    assert q.cue == "report" and q.text == text[: text.index(",")]


@pytest.mark.parametrize(
    "text",
    [
        "The storm killed at least 12 people, CNN reported.",
        "Prices rose by 3 percent in May, the Financial Times reported on Monday.",
        "Fighting resumed near the airport overnight, the Kyiv Independent reported.",
    ],
)
def test_a_report_of_no_one_else_is_the_medium_s(quotes_of: QuotesOf, text: str) -> None:
    quotes = indirect(quotes_of(text))
    assert quotes and quotes[0].via is not None
    assert quotes[0].speaker != quotes[0].via



@pytest.mark.parametrize(
    ("text", "cited", "via"),
    [
        ("Corvell Group is exploring a sale of its European unit, Bloomberg News reported on "
         "Tuesday, citing people familiar with the matter.", "people familiar with the matter",
         "Bloomberg News"),
        ("Corvell Group is exploring a sale of its European unit, Bloomberg News reported on "
         "Tuesday, citing two sources.", "two sources", "Bloomberg News"),
        ("The airline is considering an order for 40 jets, the Financial Times reported on "
         "Sunday, citing a person close to the company.", "a person close to the company",
         "Financial Times"),
        ("The airline is considering an order for 40 jets, the Financial Times reported on "
         "Sunday, citing chairman Oskar Lind.", "chairman Oskar Lind", "Financial Times"),
        ("Marlow Energy is exploring a sale of its gas unit, Bloomberg News reported on Tuesday, "
         "citing chief executive Laura Brenner.", "chief executive Laura Brenner",
         "Bloomberg News"),
        ("Kallio Group is considering the sale of its hotels, the Daily Herald reported on "
         "Wednesday, citing finance director Eva Kallio.", "finance director Eva Kallio",
         "Daily Herald"),
    ],
)  # fmt: skip
def test_a_report_and_its_time_then_citing_someone(
    quotes_of: QuotesOf, text: str, cited: str, via: str
) -> None:
    """'..., X reported on Tuesday, citing Y', which the parser may make an aside of the
    clause: one statement, Y's, relayed by X; the citing is no statement of its own."""
    (q,) = indirect(quotes_of(text))
    assert (q.speaker_mention, q.via, q.cue) == (cited, via, "report")
    assert q.text == text[: text.index(",")]


#: "X told aides that C, according to Y" with Y people or a document: seen in PolNeAR train
#: wash-post_2016-01-31_clinton-team-quietly- ("... told aides that he viewed Sanders as a
#: genuine threat, according to someone in attendance"), politico_2016-07-29_sex-lies-and-the-
#: grayson- ("he told Randolph and others that she should step aside, according to numerous
#: sources"), nyt_2015-12-15_white-house-schmoozing- ("The president told her that it was not
#: that simple, according to an account she gave ...") and newsloom-dev d039 (protothema.gr:
#: "President Trump told President Emmanuel Macron ... that he plans to announce ..., according
#: to a person briefed on the conversation").
@pytest.mark.parametrize(
    ("text", "speaker", "content", "credited"),
    [
        ("Senator Mark Dalton told aides that he viewed the governor as a genuine threat, "
         "according to someone in attendance.", "Mark Dalton",
         "he viewed the governor as a genuine threat", "someone in attendance"),
        ("The mayor, Ana Silva, told associates that she would not seek a second term, "
         "according to people familiar with her thinking.", "Ana Silva",
         "she would not seek a second term", "people familiar with her thinking"),
        ("Governor Paul Hendry told friends that the budget would pass by June, according to "
         "two sources.", "Paul Hendry", "the budget would pass by June", "two sources"),
        ("Coach Lena Ortiz told colleagues that the merger was a mistake, according to a "
         "person briefed on the meeting.", "Lena Ortiz", "the merger was a mistake", "a person"),
        ("Prime Minister Erik Sund told advisers that he planned to call an early election, "
         "according to a memo seen by lawmakers.", "Erik Sund",
         "he planned to call an early election", "a memo"),
    ],
)  # fmt: skip
def test_according_to_people_keeps_the_statement_they_relay(
    quotes_of: QuotesOf, text: str, speaker: str, content: str, credited: str
) -> None:
    """Both were made: X's statement (its content without the credit) and the report of the
    ones credited, who are no relay (`via`) of X's words."""
    quotes = indirect(quotes_of(text))
    own = [q for q in quotes if q.speaker == speaker]
    assert [(q.text, q.cue, q.via) for q in own] == [(content, "tell", None)]
    (report,) = [q for q in quotes if q.cue == "according to"]
    assert report.speaker_mention == credited and report.via is None
    assert report.text == text[: text.index(", according")]


#: "X said that C, according to <medium>": newsloom-dev d040 (mavenroundtable.io: "President
#: Donald Trump said the United States will withdraw ..., according to The New York Times"),
#: PolNeAR train usa-today_2016-05-11_london-s-muslim-mayor ("... said he was "happy to see"
#: that Khan was voted in, according to The New York Times") and huff-post_2016-04-20_hillary-
#: clinton-won ("... voters said that ..., according to preliminary exit polling reported by
#: CNN and The New York Times").
@pytest.mark.parametrize(
    ("text", "speaker", "via", "cue", "content"),
    [
        ("Mayor Ana Silva said the water was safe to drink again, according to The Guardian.",
         "Ana Silva", "Guardian", "say", "the water was safe to drink again"),
        ("Defence Minister Roman Shevchuk told reporters that the deal was dead, according to "
         "Reuters.", "Roman Shevchuk", "Reuters", "tell", "the deal was dead"),
        ("Senator Mark Dalton told donors that he would run again, according to the Washington "
         "Post.", "Mark Dalton", "Washington Post", "tell", "he would run again"),
        ("Governor Paul Hendry said on Friday that the bridge would reopen next month, "
         "according to the BBC.", "Paul Hendry", "BBC", "say",
         "the bridge would reopen next month"),
        ("Coach Lena Ortiz told the team that the season was over, according to the Associated "
         "Press.", "Lena Ortiz", "Associated Press", "tell", "the season was over"),
    ],
)  # fmt: skip
def test_according_to_a_medium_is_the_statement_it_relays(
    quotes_of: QuotesOf, text: str, speaker: str, via: str, cue: str, content: str
) -> None:
    """One statement, X's, relayed by the medium: the medium's credit is no part of it."""
    (q,) = indirect(quotes_of(text))
    assert (q.speaker, q.via, q.cue, q.text) == (speaker, via, cue, content)
