"""Outlets named before and taken up again: "the newspaper", "the paper", "the magazine" after
an outlet was credited; a medium's "said" after words it relays; an outlet's report that names
its source by "according to".

The constructions, seen in ../shared/data: a kind of outlet that refers back, PolNeAR train
wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee and wash-post_2016-08-09_ivanka-trump-
champions-some-work ("... told the newspaper"), west-journal_2016-05-14_gingrich-takes-talk-of-
being-tru ("he told the newspaper"), breitbart_2015-11-18_ny-daily-news-paris-terror-attac
("According to the newspaper"), ECB+ 13_21ecb ("the Anchorage Daily News reported ... told the
newspaper"), 6_8ecbplus ("According to the newspaper's sources") and 1_5ecb ("she told the
magazine"); a medium's "said" (which relays the words of another the sentence names), ECB+
20_1ecbplus ("..., state media said"), 44_2ecb ("the Journal said"), PolNeAR train
breitbart_2015-12-16_newspaper-defense-secretary-used ("the Times said"); a report that names
its source, PolNeAR train breitbart_2016-08-24_report-half-clinton-s-state-meet ("The AP
reported that, according to ..."), west-journal_2016-01-23_watch-what-hillary-does-when-a-g
("Politico reported, according to sources in the meetings, ...") and, with "citing",
west-journal_2016-06-20_media-reports-reveal-reason-behi and ECB+ 28_9ecb.
"""

from __future__ import annotations

import pytest

from newsloom.article import Quote

from .quoting import QuotesOf


def _quoted(quotes: tuple[Quote, ...], words: str) -> Quote:
    (q,) = [q for q in quotes if words in q.text and q.kind != "indirect"]
    return q


@pytest.mark.parametrize(
    ("text", "words", "speaker", "via"),
    [
        ("Harbour fees will double next year, the Coastal Ledger reported on Monday.\n\n"
         '"We had no choice after the storm," port director Ilse Marten told the newspaper.',
         "We had no choice", "Ilse Marten", "Coastal Ledger"),
        ("Orla Byrne told the Western Herald that she would stand again.\n\n"
         '"I am not finished with this town yet, not by a long way," Byrne told the paper.',
         "I am not finished", "Orla Byrne", "Western Herald"),
        ("The sprinter Dayo Kuti spoke to Track Monthly magazine about his injury. "
         '"I could not walk for six weeks after the final," he told the magazine.',
         "I could not walk", "Dayo Kuti", "Track Monthly"),
        ("Minister Raul Pineda gave an interview to the newspaper El Cronista on Sunday. "
         '"The reform will pass before the winter recess," Pineda told the daily.',
         "The reform will pass", "Raul Pineda", "El Cronista"),
        ("Worker Jo Ennis told Radio Kerry that the plant had shut without warning.\n\n"
         '"We found out from the television like everybody else," Ennis told the station.',
         "We found out from the television", "Jo Ennis", "Radio Kerry"),
        # no outlet named before: a kind of outlet alone names none
        ('"We had no choice after the storm," port director Ilse Marten told the newspaper.',
         "We had no choice", "Ilse Marten", None),
    ],
)  # fmt: skip
def test_a_kind_of_outlet_refers_back(
    quotes_of: QuotesOf, text: str, words: str, speaker: str, via: str | None
) -> None:
    q = _quoted(quotes_of(text), words)
    assert q.speaker == speaker
    assert q.via == via if via is None else (q.via is not None and via in q.via)


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ('Minister Tomas Reyna told visiting bankers that the country would "keep its doors open '
         'to every investor", state media said.', "Tomas Reyna", "state media"),
        ('Deputy Premier Lin Shaowei told a trade fair that exports would "grow steadily this '
         'year and next", the official Huaxia news agency said.', "Lin Shaowei",
         "Huaxia news agency"),
        ('Governor Ana Ruiz told farmers the dam would be "finished before the rains come", the '
         "Valle Times said on Monday.", "Ana Ruiz", "Valle Times"),
        ('President Idris Kamara told troops they had "done their duty with great honour", '
         "state television said.", "Idris Kamara", "state television"),
        ('Foreign Minister Oskar Lind told his counterpart that Sweden would "not accept any '
         'change by force", the Nordic Journal said.', "Oskar Lind", "Nordic Journal"),
    ],
)  # fmt: skip
def test_a_mediums_said_relays_another_named_speaker(
    quotes_of: QuotesOf, text: str, speaker: str, via: str
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "partial"]
    assert q.speaker == speaker
    assert q.via is not None and via in q.via


@pytest.mark.parametrize(
    "text",
    [
        "The weather office said there was no risk of flooding in the capital.",
        "The Bureau of Meteorology said there was no risk of flooding in the capital.",
        "The National Weather Agency said there was no risk of flooding in the capital.",
        "The Marine Safety Agency said there was no risk of flooding in the capital.",
        "The Highways Agency said there was no risk of flooding in the capital.",
    ],
)
def test_a_body_that_says_is_no_medium(quotes_of: QuotesOf, text: str) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.via is None
    assert q.speaker is not None


@pytest.mark.parametrize(
    ("text", "content", "via"),
    [
        ("The ministry plans to close nine embassies, according to two officials briefed on the "
         "plan, the Baltic Courier reported.", "The ministry plans to close nine embassies",
         "Baltic Courier"),
        ("Arden Mining will cut 400 jobs, according to an internal memo, Business Wire "
         "Weekly reported on Thursday.", "Arden Mining will cut 400 jobs", "Business Wire Weekly"),
        ("The airline is close to a deal for 30 jets, according to people familiar with the "
         "talks, the Gulf Herald reported.", "The airline is close to a deal", "Gulf Herald"),
        ("The funeral will be held on Friday in Galway, according to a person close to the "
         "family, the Evening Post reported.", "The funeral will be held on Friday",
         "Evening Post"),
        ("The club has rejected a second offer for its goalkeeper, according to sources at the "
         "club, Radio Norte reported.", "The club has rejected a second offer", "Radio Norte"),
    ],
)  # fmt: skip
def test_a_report_relays_the_source_it_names(
    quotes_of: QuotesOf, text: str, content: str, via: str
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect" and content in q.text]
    assert q.via == via


@pytest.mark.parametrize(
    ("text", "content", "speaker", "via"),
    [
        ("The border crossing will reopen on Monday, Pannonia news agency reported, citing the "
         "Red Crescent.", "The border crossing will reopen", "Red Crescent",
         "Pannonia news agency"),
        ("Three ships were turned back overnight, Yonhap reported, citing the Joint Chiefs of "
         "Staff.", "Three ships were turned back", "Joint Chiefs of Staff", "Yonhap"),
        ("The plant will close in May, the Valley Times reported, citing Norland Shipping.",
         "The plant will close in May", "Norland Shipping", "Valley Times"),
        ("Fuel prices will rise by 8 percent, Radio Sahel reported on Tuesday, citing Amnesty "
         "International.", "Fuel prices will rise", "Amnesty International", "Radio Sahel"),
        ("The match will be played behind closed doors, the Evening Post reported, citing "
         "Harbour City Football Club.", "The match will be played", "Harbour City Football Club",
         "Evening Post"),
    ],
)  # fmt: skip
def test_an_organisation_a_report_cites_is_its_source(
    quotes_of: QuotesOf, text: str, content: str, speaker: str, via: str
) -> None:
    """ "..., ITAR-TASS reported September 26, citing the country's Central Election and
    Referendum Commission" (ECB+ 11_3ecbplus), as "citing Felt's grandson" (28_9ecb), "citing
    court documents" (36_4ecb), "citing residents" (37_12ecbplus): the one cited is the source,
    not a second reporting outlet, whatever its name looks like."""
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect" and content in q.text]
    assert speaker in (q.speaker or "")
    assert q.via == via


@pytest.mark.parametrize(
    ("text", "words", "outlet"),
    [
        ("Harbour fees will double next year, the Coastal Ledger reported on Monday. "
         '"This is a tax on fishermen," the newspaper said in an editorial.',
         "This is a tax", "Coastal Ledger"),
        ("Orla Byrne told the Western Herald that she would stand again. The paper said "
         '"nobody in the party" had asked her to step aside.', "nobody in the party",
         "Western Herald"),
        ("According to the Kerry Courier, the plant shut without warning on Friday. The magazine"
         ' said the owners had "simply locked the gates".', "simply locked the gates",
         "Kerry Courier"),
        ("The Lakeside Courier reported that the mayor had resigned. "
         '"His office was cleared on Sunday night," the daily said.', "His office was cleared",
         "Lakeside Courier"),
        ("The minister spoke to the newspaper El Cronista on Sunday. "
         '"The reform will pass," the newspaper said, citing an aide.', "The reform will pass",
         "El Cronista"),
        # a short name of an outlet credited in full before is that outlet
        ("Dock workers will strike, the Baltic Morning Post reported, citing union leaders. "
         '"We are ready," union official Piotr Nowak told the Post. The paper said the strike '
         'could "close every port in the region".', "close every port", "Baltic Morning Post"),
    ],
)  # fmt: skip
def test_a_kind_of_outlet_that_speaks_is_the_outlet_named_before(
    quotes_of: QuotesOf, text: str, words: str, outlet: str
) -> None:
    """ "... The Anchorage Daily News reported. The newspaper said ..." (ECB+ 13_3ecb), "The
    Santa Rosa Press Democrat reported ... the newspaper said" (38_7ecbplus), "Centre-left daily
    Eleftherotypia warned ... the paper said" (8_8ecbplus); "the New York Times reported ... the
    Times" (PolNeAR train breitbart_2015-12-16_newspaper-defense-secretary-used)."""
    assert _quoted(quotes_of(text), words).speaker == outlet


def test_a_network_that_speaks_is_not_the_paper_credited_before(quotes_of: QuotesOf) -> None:
    """ "The New York Times reported that ... The network said it would send Ms. Martin": the
    network the story is about (PolNeAR dev nyt_2016-09-19_old-hands-help-russia-navigate-u)."""
    text = (
        "The Harbour Ledger reported that the host had been taken off the air. "
        '"We stand by every one of our presenters," the network said.'
    )
    assert _quoted(quotes_of(text), "We stand by").speaker != "Harbour Ledger"
