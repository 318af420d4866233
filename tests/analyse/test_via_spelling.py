"""How an outlet's name is spelled: capitals inside a word ("told eNCA"), a name made only of
media words ("told Press TV"), and a capital "The" after "according to" ("according to The
Athletic"): each names an outlet, which relays the words and is never their speaker.

Seen in ../shared/data: "told eWEEK" (ECB+ 44_1ecb, 44_5ecb: capitals inside the word);
"told the Daily News", "to Daily Mirror", "to the Radio Times" (ECB+ 19_4ecbplus, 1_11ecbplus,
33_3ecbplus: names of media words only); "according to The Blaze" (Western Journal, PolNeAR
train), "according to The Hill" (HuffPost, PolNeAR train), "according to The Playlist" (ECB+
6_9ecbplus, starpulse.com), "according to The Business Review" (ECB+ 44_14ecbplus).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.parse import Parse
from newsloom.analyse.via import credits_in

from .quoting import QuotesOf


def _credits(parse: Parse) -> list[str]:
    return [c.outlet for c in credits_in(parse, 0, len(parse.tokens), set())]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Thabo Mokoena told eNCA on Monday that the party would not join the coalition.", "eNCA"),
        ("The councillor told eWEEK that the software had shipped late.", "eWEEK"),
        ("The coach told iRadio that his side had deserved the win.", "iRadio"),
        ("Lawmaker Hassan Kabbara told Press TV that the attacks broke the truce.", "Press TV"),
        ("The minister told Times Radio that the budget would be balanced.", "Times Radio"),
        ("The senator told News Channel that the vote would be close.", "News Channel"),
        ("The governor told Star TV that the roads would reopen on Friday.", "Star TV"),
    ],
)  # fmt: skip
def test_an_outlet_spelled_as_a_name(
    parsed: Callable[[str], Parse], text: str, outlet: str
) -> None:
    assert outlet in _credits(parsed(text))


@pytest.mark.parametrize(
    "text",
    [
        # media words written as common nouns name no outlet
        "The minister told the press that the budget would be balanced.",
        "The minister said on TV that the budget would be balanced.",
        "The minister told TV reporters that the budget would be balanced.",
        "Press officers told reporters that the budget would be balanced.",
        "The minister told reporters that the budget would be balanced.",
    ],
)
def test_media_words_alone_name_no_outlet(parsed: Callable[[str], Parse], text: str) -> None:
    assert _credits(parsed(text)) == []


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("The transfer is expected to be completed before Friday's deadline, according to "
         "The Athletic.", "Athletic"),
        ("The director has pulled out of the sequel, according to The Playlist.", "Playlist"),
        ("The club has agreed a fee for the striker, according to The Ringer.", "Ringer"),
        ("The senator will not seek re-election, according to The Dispatch.", "Dispatch"),
        ("The plant will close by the end of the year, according to The Lantern.", "Lantern"),
    ],
)  # fmt: skip
def test_according_to_a_titled_publication_is_a_relay(
    quotes_of: QuotesOf, text: str, via: str
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert (q.speaker, q.via) == (None, via)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a body's name after "The" is a source, not a publication
        ("Taxes will rise for most families, according to The Heritage Foundation.",
         "Heritage Foundation"),
        ("Taxes will rise for most families, according to The University of Leeds.",
         "University of Leeds"),
    ],
)  # fmt: skip
def test_according_to_a_titled_body_is_a_source(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.via is None and speaker in (q.speaker or "")
