"""A place and a colon opening a paragraph of prose ("Chennai: Three people were killed ...,
police said."): the dateline of Indian outlets says where the story was filed; it neither
speaks nor belongs to the words reported.

The construction, seen in ../shared/data: newsloom-dev zeenews.india.com ("Barcelona: Spanish
police fired ..."), deccanchronicle.com ("Madrid/Barcelona: Spain's Senate on Friday voted
..."), jkglobalnews.in ("Singapore: US President Donald Trump and ...").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Wall collapse kills three\n\nChennai: Three people were killed when a wall collapsed "
         "during heavy rain on Tuesday, police said.",
         "Three people were killed when a wall collapsed during heavy rain on Tuesday", "police"),
        ("Assam floods\n\nGuwahati: Floods have displaced more than 50,000 people in Assam, "
         "officials said on Thursday.", "Floods have displaced more than 50,000 people in Assam",
         None),
        ("Port to expand\n\nKochi: Work on the new container terminal will begin in June, the "
         "port trust chairman said.", "Work on the new container terminal will begin in June",
         "port trust chairman"),
        ("Rain lashes cities\n\nMumbai/Pune: Heavy rain lashed the two cities on Sunday, "
         "disrupting trains, the weather office said.",
         "Heavy rain lashed the two cities on Sunday, disrupting trains", "weather office"),
        ("Dams opened\n\nShimla: Two dams have been ordered to release water after days of heavy "
         "rain, officials said.",
         "Two dams have been ordered to release water after days of heavy rain", None),
    ],
)  # fmt: skip
def test_place_dateline(quotes_of: QuotesOf, text: str, content: str, speaker: str | None) -> None:
    indirect = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue) for q in indirect] == [(content, speaker, "say")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Warren: Rival's 'reckless spending plans' would wreck the county's finances.\n\n"
         "Councillor Anne Warren said on Monday that the plans were unaffordable.", "Anne Warren"),
        ("Clinton: Opponent's 'dangerous talk' is hurting the party's chances in November.\n\n"
         "Senator Ray Clinton told supporters the party had to unite.", "Ray Clinton"),
    ],
)  # fmt: skip
def test_a_person_named_like_a_town_still_speaks(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    """A headline's "Graham: ..." names the one who said it, though a town is called so too."""
    colon = [q for q in quotes_of(text) if q.cue == ":"]
    assert [q.speaker for q in colon] == [speaker]
