"""A quote that opens its sentence and stops on a comma, a question or an exclamation, followed
at once by a person and their verb, is that person's whatever the verb: interviews, debates and
rows are told with verbs of manner no cue lexicon lists ("“Go back to your seat,” X barked",
"“...?” X pressed", "“...,” X shot back", "“...,” X went on").

Seen in ../shared/data (PolNeAR train): "Oliver barked" and "Bennett shot back" (Huffington
Post, huff-post_2016-08-03_francois-hollande-says-d, huff-post_2016-02-12_the-unlikely-
friendship-), "Trump barked", "Bolton charged", "Trump went on" (Breitbart,
breitbart_2016-04-12_mexican-anchor-crosses-s, breitbart_2016-05-05_bolton-and-gor,
breitbart_2016-05-15_trump-talks-to-megyn-kel), "Hannity pressed", "Hannity started"
(Politico, politico_2016-03-01_trump-my-immigration-plan).
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf

LEAD = "Senator Tom Vance took questions from the audience in Dayton on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"Go back to your seat," Tom Vance barked, and a guard led the man out.', "Tom Vance",
         "bark"),
        ('"Would it be negotiable for the families?" Ruth Ames pressed.', "Ruth Ames", "press"),
        ('"He wants to look tough tonight," Vance shot back.', "Tom Vance", "shoot"),
        ('"Not one cent!" Vance thundered from the stage.', "Tom Vance", "thunder"),
        ('"And another thing," Vance went on, "nobody asked the voters."', "Tom Vance", "go"),
        ('"That is simply false," Ruth Ames countered.', "Ruth Ames", "counter"),
        ('"It is a tax on work," Vance charged in his closing remarks.', "Tom Vance", "charge"),
    ],
)  # fmt: skip
def test_the_verb_after_the_quote_gives_its_speaker(
    quotes_of: QuotesOf, text: str, speaker: str, cue: str
) -> None:
    q = next(q for q in quotes_of(LEAD + text) if q.kind == "direct")
    assert (q.speaker, q.cue) == (speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        # the next paragraph is the reporter's, not the quote's attribution
        '"Is this legal tax avoidance, or illegal tax evasion?"\n\nTom Vance has never been '
        "charged with any wrongdoing.",
        # a passive verb names no speaker
        '"Who pays for the bridge?" Tom Vance was heckled by a voter.',
        # a full stop ends the quote's sentence: what follows is another sentence
        '"We won." Tom Vance then left the stage.',
    ],
)
def test_no_speaker_from_a_verb_that_is_no_attribution(quotes_of: QuotesOf, text: str) -> None:
    q = next(q for q in quotes_of(text) if q.kind == "direct")
    assert q.cue not in ("charge", "heckle", "leave")
