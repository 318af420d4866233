"""Relayed quotes: the one quoted is the speaker, the outlet that quotes them the `via`.

The construction, seen in ../shared/data: ECB+ 19_6ecbplus ("the New York Daily News quoted
witness Devonte Brown as saying"), 20_4ecbplus ("was quoted by IRNA as saying"), 37_2ecb
("was quoted by AFP as saying"), PolNeAR train wash-post_2016-07-15_truck-attack-in-france-kills-at-
and breitbart_2016-01-05_the-latest-cruz-to-give-away-eng; with the words before it ("...,
MENA quoted an official source as saying"): ECB+ 30_9ecb (MENA), 19_6ecbplus (New York Daily
News), 2_1ecb (People).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.parse import Parse
from newsloom.analyse.relay import relay_of

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ('Anadolu news agency quoted Interior Minister Ali Demir as saying: "Our operations will '
         'continue until the threat is removed."', "Ali Demir", "Anadolu news agency"),
        ('TASS quoted Deputy Foreign Minister Sergei Ryabkov as saying that "the talks were '
         'useful but very difficult."', "Sergei Ryabkov", "TASS"),
        ('"We have made real progress on the trade talks," Kenji Sato was quoted as saying by '
         "Kyodo.", "Kenji Sato", "Kyodo"),
        ('Xinhua quoted Wang Lei as telling a party meeting that "the economy must grow '
         'steadily this year."', "Wang Lei", "Xinhua"),
        ('"The talks were useful for both of our countries," Ivan Petrov was quoted by RIA '
         "Novosti as saying.", "Ivan Petrov", "RIA Novosti"),
        ('Reuters quoted Maria Costa as saying: "We will not accept these terms under any '
         'circumstances."', "Maria Costa", "Reuters"),
    ],
)  # fmt: skip
def test_relayed_quote(quotes_of: QuotesOf, text: str, speaker: str, via: str) -> None:
    q = next(q for q in quotes_of(text) if q.kind != "indirect")
    assert (q.speaker, q.via) == (speaker, via)


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("TASS quoted Sergei Ryabkov as saying that the talks had been useful.", "Sergei Ryabkov",
         "TASS"),
        ("Anadolu quoted Ali Demir as saying that the operation would go on for weeks.",
         "Ali Demir", "Anadolu"),
        ("Kenji Sato was quoted by Kyodo as saying that the economy would recover soon.",
         "Kenji Sato", "Kyodo"),
        ("Xinhua quoted Wang Lei as telling officials that growth must stay steady.", "Wang Lei",
         "Xinhua"),
        ("Reuters quoted Maria Costa as saying that the bank would raise its rates.",
         "Maria Costa", "Reuters"),
    ],
)  # fmt: skip
def test_relayed_reported_speech(quotes_of: QuotesOf, text: str, speaker: str, via: str) -> None:
    q = next(q for q in quotes_of(text) if q.kind == "indirect")
    assert (q.speaker, q.via) == (speaker, via)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "via"),
    [
        ("The port at Aden had reopened to ships after two days, the Saba news agency quoted a "
         "port official as saying.", "The port at Aden had reopened to ships after two days",
         None, "Saba news agency"),
        ("Rescue teams had pulled 14 people from the rubble, Anadolu quoted Governor Ahmet "
         "Yilmaz as saying on Sunday.", "Rescue teams had pulled 14 people from the rubble",
         "Ahmet Yilmaz", "Anadolu"),
        ("The bridge would stay closed until Friday, IRNA quoted the city's mayor, Reza Karimi, "
         "as saying.", "The bridge would stay closed until Friday", "Reza Karimi", "IRNA"),
        ("Talks on a ceasefire will resume next week in Doha, Interfax quoted a Kremlin source "
         "as saying.", "Talks on a ceasefire will resume next week in Doha", None, "Interfax"),
        ("Prices will go up by 8 percent from July, the paper quoted Finance Minister Lena Holm "
         "as saying.", "Prices will go up by 8 percent from July", "Lena Holm", "the paper"),
    ],
)  # fmt: skip
def test_words_before_the_relay(
    quotes_of: QuotesOf, text: str, content: str, speaker: str | None, via: str
) -> None:
    """The words before "X quoted Y as saying" are what Y said, relayed by X: the parser hangs
    them on "quoted", which reports nothing of its own."""
    indirect = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.via, q.cue) for q in indirect] == [(content, speaker, via, "say")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Xinhua quoted the governor as saying that roads to the villages had reopened.",
         "roads to the villages had reopened"),
        ("TASS quoted a senior diplomat as saying the talks would resume next month.",
         "the talks would resume next month"),
        ("The paper cited an aide to the mayor as saying that the budget would be cut.",
         "the budget would be cut"),
        ("Kyodo quoted Kenji Sato as telling lawmakers that the plant was safe.",
         "the plant was safe"),
        ("Anadolu quoted police sources as saying that 40 people had been detained overnight.",
         "40 people had been detained overnight"),
        ("Interfax quoted the Kremlin's spokesman as saying Moscow had not been consulted.",
         "Moscow had not been consulted"),
    ],
)  # fmt: skip
def test_verb_of_quoting_reports_nothing_of_its_own(
    quotes_of: QuotesOf, text: str, content: str
) -> None:
    """One statement, the "saying"'s: not a second one whose content is "X as saying that..."
    with "quote" or "cite" as its cue."""
    indirect = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [(q.text, q.cue) for q in indirect] == [(content, indirect[0].cue)]
    assert indirect[0].cue in ("say", "tell")


@pytest.mark.parametrize(
    "text",
    [
        "In his speech he quoted Lincoln and thanked the voters.",
        "The report cites three studies on the economy.",
        "She said the talks were useful.",
        "Anna Berg was elected as mayor by the council.",
        "The paper quoted figures from the census.",
    ],
)
def test_no_relay(parsed: Callable[[str], Parse], text: str) -> None:
    parse = parsed(text)
    assert all(relay_of(parse, t.i) is None for t in parse.tokens)
