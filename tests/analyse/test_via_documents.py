"""Outlets named by a media word alone ("told the Guardian", "according to The Times"), and
words that went to a medium in a document ("in a statement to the Guardian", "in an email to
POLITICO") or that a medium holds ("according to a transcript seen by the Financial Times").

The constructions, seen in ../shared/data: a paper by its media word, PolNeAR train
west-journal_2016-04-22_leadership-announces-dissolution ("According to The Guardian"),
west-journal_2015-12-16_right-after-the-debate-trump-lau ("According to the Post"),
politico_2015-12-26_british-diplomat-praises-obama-s ("he told the Guardian"),
wash-post_2016-07-15_thin-skinned-trump-quells-critic ("obtained by The Post"),
nyt_2016-08-18_trump-hires-conservative-website; a document to or held by a medium, PolNeAR
train politico_2016-07-29_sex-lies-and-the-grayson-family- ("wrote ... in an email to
POLITICO"), politico_2016-07-11_gay-republicans-push-for-pro-lgb ("obtained by POLITICO"),
wash-post_2016-07-15_thin-skinned-trump-quells-critic ("according to a copy of the letter
reviewed by The Post"), huff-post_2016-02-17_big-win-for-bernie-afl-cio-holds ("according to an
email ... obtained by The Huffington Post"), ECB+ 1_1ecbplus ("said in a statement to"),
36_3ecb ("wrote in an email to The Canadian Press"), 18_7ecbplus ("according to ... records
obtained by The Associated Press") and newsloom-dev d033 (timesofmalta.com: "according to a
White House document seen by Reuters").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf

QUOTE = '"We are far closer to a deal than people realize,"'


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (f"{QUOTE} Kowalski told the Guardian.", "Guardian"),
        (f"{QUOTE} Kowalski told The Times on Monday.", "Times"),
        (f"{QUOTE} Kowalski said, according to the Post.", "Post"),
        (f"{QUOTE} Kowalski told the Observer.", "Observer"),
        (f'A source close to the couple told The Sun: {QUOTE[:-2]}."', "Sun"),
        (f"{QUOTE} Kowalski told the Telegraph in an interview.", "Telegraph"),
        # the medium no outlet names
        (f"{QUOTE} Kowalski told the press on Monday.", None),
        (f"{QUOTE} Kowalski told the newspaper on Monday.", None),
    ],
)  # fmt: skip
def test_a_paper_named_by_its_media_word(quotes_of: QuotesOf, text: str, via: str | None) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert q.via == via


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (f'A spokesperson for the firm said in a statement to the Guardian: {QUOTE[:-2]}."',
         "Guardian"),
        (f"{QUOTE} Kowalski wrote in an email to POLITICO.", "POLITICO"),
        (f"{QUOTE} Kowalski wrote in an email to The Canadian Press last June.", "Canadian Press"),
        (f"{QUOTE} Kowalski said in a statement obtained by The Buffalo News.", "Buffalo News"),
        (f"{QUOTE} Kowalski told his commanders, according to a transcript seen by the "
         "Financial Times.", "Financial Times"),
        (f"{QUOTE} the general said, according to a recording obtained by CNN.", "CNN"),
        (f"{QUOTE} Kowalski said in comments to Reuters.", "Reuters"),
    ],
)  # fmt: skip
def test_a_document_to_or_held_by_a_medium(quotes_of: QuotesOf, text: str, via: str | None) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert q.via == via


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("The president will leave the climate pact, according to a White House document "
         "seen by Reuters.", "Reuters"),
        ("Hale threatened a lawsuit, according to a copy of the letter reviewed by The Post.",
         "Post"),
        ("The couple bought three homes last year, according to property records obtained by "
         "The Associated Press.", "Associated Press"),
        ("The union will not back a candidate, according to an email from its president "
         "obtained by The Huffington Post.", "Huffington Post"),
        ("The army lost two battalions, according to an internal report seen by Der Spiegel.",
         "Der Spiegel"),
        # a document no medium holds
        ("The talks went well, according to a statement from the ministry.", None),
    ],
)  # fmt: skip
def test_according_to_a_document_a_medium_holds(
    quotes_of: QuotesOf, text: str, via: str | None
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.cue == "according to" and q.via == via
