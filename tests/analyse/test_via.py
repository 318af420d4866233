"""The outlet credited for a quote: table tests on our own sentences."""

from __future__ import annotations

import pytest

from .quoting import QuotesOf

QUOTE = '"We are far closer to a deal than people realize,"'


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (f"{QUOTE} Kowalski told Vox.", "Vox"),
        (f"{QUOTE} Kowalski said, according to Politico.", "Politico"),
        (f"{QUOTE} she told ITV news.", "ITV news"),
        (f"{QUOTE} Kowalski said in an interview with CNN.", "CNN"),
        (f"{QUOTE} Kowalski told talkRADIO's Julia Hartley-Brewer.", "talkRADIO"),
        (f"{QUOTE} Kowalski told the Harbour Times.", "Harbour Times"),
        (f"{QUOTE} Kowalski told Channel 7.", "Channel 7"),
        (f'According to Sahel Weekly, Kowalski said she was {QUOTE[:-2]}".', "Sahel Weekly"),
        # the credit of the sentence before: a report, or the same speaker's words to a medium
        (f"Kowalski rejected the plan, CNN reported. {QUOTE} she said.", "CNN"),
        (
            '"Today I saw the worst a state can do," voter Mary Grant told the BBC. She said '
            '"police started to kick people, young and old."',
            "BBC",
        ),
        # audiences that are no outlet
        (f"{QUOTE} Kowalski told reporters.", None),
        (f"{QUOTE} Kowalski told parliament.", None),
        (f"{QUOTE} Kowalski told MPs.", None),
        (f"{QUOTE} Kowalski told a news conference in Riga.", None),
        (f"{QUOTE} Kowalski said.", None),
    ],
)
def test_via(quotes_of: QuotesOf, text: str, via: str | None) -> None:
    q = quotes_of(text)[-1]
    assert q.via == via
    assert q.via != q.speaker


def test_a_credit_is_not_carried_to_the_next_paragraph(quotes_of: QuotesOf) -> None:
    text = f'{QUOTE} Kowalski told Vox.\n\n"We will see what the week brings."'
    first, second = quotes_of(text)
    assert first.via == "Vox"
    assert second.speaker == "Kowalski" and second.via is None


def test_a_reported_credit_elsewhere_in_the_paragraph_does_not_spread(quotes_of: QuotesOf) -> None:
    text = (
        "The leaders will discuss trade and energy, The New York Times reported. Markets were "
        f"calm. Kowalski was in Riga. {QUOTE} she wrote."
    )
    # the newspaper's own report may be found as reported speech; Kowalski's quote is not its
    (quote,) = [q for q in quotes_of(text) if q.text.startswith("We are far closer")]
    assert quote.via is None


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (f"{QUOTE} Kowalski told the newspaper Ouest Herald.", "Ouest Herald"),
        (f"{QUOTE} Kowalski said in an interview with the weekly Sahel Mirror.", "Sahel Mirror"),
        (f"{QUOTE} Kowalski told the state news agency BelTA.", "BelTA"),
        (f"{QUOTE} Kowalski told the private broadcaster Canal Norte.", "Canal Norte"),
        ("Kowalski said the talks had failed, the official news agency SABA reported. "
         f"{QUOTE} she said.", "SABA"),
        (f"{QUOTE} Kowalski told the daily Gazeta Nova on Sunday.", "Gazeta Nova"),
        # no name after the kind of outlet: no outlet named
        (f"{QUOTE} Kowalski told the newspaper on Monday.", None),
        (f"{QUOTE} Kowalski told the agency.", None),
    ],
)  # fmt: skip
def test_a_kind_of_outlet_then_its_name(quotes_of: QuotesOf, text: str, via: str | None) -> None:
    """"the newspaper X", "the official news agency X": the name after the kind. Seen in
    ECB+ 12_8ecb ("Yemen's official news agency SABA reported"), 30_1ecb ("Egypt's state
    news agency MENA reported"), 20_7ecbplus ("Iran's official news agency IRNA said") and
    41_8ecbplus ("the official news agency SUNA")."""
    q = [q for q in quotes_of(text) if q.kind == "direct"][-1]
    assert q.via == via


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (f"{QUOTE} Kowalski told reporters on Capitol Hill.", None),
        (f"{QUOTE} Kowalski told lawmakers in the Bundestag.", None),
        (f"{QUOTE} Kowalski told reporters on Air Force One.", None),
        (f"{QUOTE} Kowalski told supporters at Madison Square Garden.", None),
        (f"{QUOTE} Kowalski told delegates in the Palais des Nations.", None),
        (f"{QUOTE} Kowalski told viewers on Fox News.", "Fox News"),
        (f"{QUOTE} Kowalski said on Channel 7.", "Channel 7"),
    ],
)
def test_where_the_audience_was_told_is_no_outlet(
    quotes_of: QuotesOf, text: str, via: str | None
) -> None:
    """"told <audience> in/on <place>": the place where, not a medium, unless its name says
    medium. Seen in ECB+ 8_3ecbplus ("told lawmakers in Berlin"), 41_2ecbplus ("told
    journalists in Geneva"), PolNeAR train usa-today_2016-01-26_candidates-fan-out-in-io ("told
    reporters in Manchester, Iowa"), wash-post_2016-04-17_cruz-wins-most-wyo-deleg ("told
    supporters in Syracuse") and huff-post_2016-08-05_donald-trump-finally-end ("told a crowd
    in Green Bay")."""
    assert quotes_of(text)[-1].via == via
