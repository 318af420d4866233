"""A wire dateline is no speaker: the lead's subject after it is.

Without a sentence break after "NAIROBI (Reuters) - " the parser takes the place for the
subject of the lead's "said" and the real subject for its apposition, and the place became the
speaker of the lead's reported speech (and of "the president said" in the next paragraph).

The construction, seen in ../shared/data: PolNeAR train breitbart_2015-12-20_republican-donor-
adelson ("MACAU (Reuters) – Top Republican Party donor Sheldon Adelson said on Friday he"),
huff-post_2016-05-16_trump-says-he-s-unlikely ("LONDON (Reuters) - Donald Trump said he was"),
breitbart_2016-07-19_former-ag-mukasey-at-rnc ("CLEVELAND, July 19 (UPI) — Former Attorney
General Michael Mukasey told delegates"), breitbart_2016-06-10_clinton-to-planned-paren
("WASHINGTON, June 10 (UPI) — ... Hillary Clinton told a Planned Parenthood gathering"),
breitbart_2015-12-16_newspaper-defense-secret ("WASHINGTON (AP) — A news report ... said").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.parse import Parse

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("NAIROBI (Reuters) - Kenya's health minister, Grace Wanjiru, said on Friday that the "
         "outbreak was under control.", "Grace Wanjiru"),
        ("GENEVA (Reuters) - The International Committee of the Red Cross said it had lost "
         "contact with two of its staff.", "International Committee of the Red Cross"),
        ("TOKYO (Reuters) - Japan's prime minister, Hiroshi Tanabe, said on Friday the "
         "government was ready to act in currency markets.", "Hiroshi Tanabe"),
        ("BEIJING, March 3 (Xinhua) -- Chinese Premier Zhao Minghua said on Sunday that the "
         "economy would grow by about 5 percent this year.", "Zhao Minghua"),
        ("BRUSSELS (Reuters) - The European Commission said on Tuesday it would open an "
         "in-depth investigation into the merger.", "European Commission"),
        ("LIMA, Oct. 2 (AP) — Peru's finance minister, Rosa Quispe, told lawmakers that the "
         "deficit would shrink next year.", "Rosa Quispe"),
        ("OSLO (UPI) — Norwegian police said a man had been detained near the harbour.",
         "Norwegian police"),
        ("DAKAR — Senegal's interior minister, Moussa Ndiaye, said the vote would go ahead "
         "as planned.", "Moussa Ndiaye"),
    ],
)  # fmt: skip
def test_the_lead_speaks_not_the_dateline(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.speaker == speaker
    assert not q.text.startswith(text[:4])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("SEOUL (Yonhap) - South Korean President Park Ji-hoon ordered the military to stay "
         'ready.\n\n"We will answer any attack many times over," the president said.',
         "Park Ji-hoon"),
        ("ACCRA (Reuters) - Finance Minister Kofi Mensah met IMF staff on Tuesday.\n\n"
         '"We are close to an agreement," the minister told reporters afterwards.',
         "Kofi Mensah"),
        ('LEEDS - "Who will pay for all of this?" asked councillor Brenda Hale at the '
         "meeting.", "Brenda Hale"),
    ],
)  # fmt: skip
def test_a_description_or_question_is_not_the_dateline(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    q = next(q for q in quotes_of(text) if q.kind == "direct")
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "first_word"),
    [
        ("MOSCOW, May 4 (Reuters) - Russia's central bank held rates.", "Russia"),
        ("KYIV (AP) — Ukraine's foreign minister spoke on Thursday.", "Ukraine"),
        ("Some headline here\nWASHINGTON (AP) — The Senate voted late on Monday.", "The"),
        ("SINGAPORE  (The Straits Times/ANN)-  The two leaders met on Tuesday.", "The"),
    ],
)
def test_a_dateline_ends_a_sentence(
    parsed: Callable[[str], Parse], text: str, first_word: str
) -> None:
    parse = parsed(text)
    starts = [parse.tokens[a].text for a, _ in parse.sents]
    assert first_word in starts


@pytest.mark.parametrize(
    "text",
    [
        "Moscow (where it snowed) - and Kyiv were both cold.",
        "The U.S. - Mexico border stayed closed.",
        "NATO said it would meet again.",
    ],
)
def test_no_dateline_no_break(parsed: Callable[[str], Parse], text: str) -> None:
    assert len(parsed(text).sents) == 1
