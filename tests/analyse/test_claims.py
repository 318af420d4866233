"""Candidate attributions read off the parse: each construction, many wordings.

Every construction occurs in articles of several outlets in ../shared/data/polnear/train/text
(named in the comment above each table), and the sentences here are invented.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.claims import Claim, claims
from newsloom.analyse.parse import Parse

Parsed = Callable[[str], Parse]


def found(parse: Parse, shape: str, cue: str) -> list[tuple[str, str]]:
    """(source, content) of each candidate of that shape whose cue is the word `cue`."""
    out = []
    for c in claims(parse):
        if c.shape == shape and parse.tokens[c.cue].lower == cue.lower():
            out.append((_source(parse, c), parse.span_text(c.first, c.last + 1)))
    return out


def _source(parse: Parse, c: Claim) -> str:
    return parse.tokens[c.source].text if c.source >= 0 else ""


# A verb heading a clausal complement, with or without "that" (breitbart_2015-12-11
# "trump-cruz-has-to-come", huff-post_2015-11-11 "a-meaningful-exchange", nyt_2015-12-30
# "roasts-and-toasts-for-dealbook": "argued that"; "warned that" in breitbart_2016-02-20,
# nyt_2016-03-23, politico_2016-01-05).
CLAUSE = [
    ("Senator Mills argued that the tax plan would hurt farmers.", "argued", "Mills",
     "the tax plan would hurt farmers"),
    ("The governor warned that the bridge could close by winter.", "warned", "governor",
     "the bridge could close by winter"),
    ("Ortega believes the vote was rigged in three counties.", "believes", "Ortega",
     "the vote was rigged in three counties"),
    ("The new survey shows the mayor trailing among older voters.", "shows", "survey",
     "the mayor trailing among older voters"),
    ("She told donors that the campaign had raised record sums.", "told", "She",
     "the campaign had raised record sums"),
    ("Aides insisted the senator had never met the lobbyist.", "insisted", "Aides",
     "the senator had never met the lobbyist"),
    ("The senator has long maintained that the tax is unfair.", "maintained", "senator",
     "the tax is unfair"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), CLAUSE)
def test_clausal_complement(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "clause", cue)


# The impersonal passive ("it was reported that", "it is believed that": polnear
# nyt_2016-04-25 "trump-s-aging-air-fleet", wash-post_2016-07-27 "bill-clinton-addresses",
# ecbplus 27_4ecb and 34_4ecbplus); the source is the "it", a source that names no one,
# and the model weighs that.
PASSIVE = [
    ("It was reported that the mayor had resigned.", "reported", "the mayor had resigned"),
    ("It is widely believed that the deal will collapse.", "believed",
     "the deal will collapse"),
    ("It was announced on Monday that the plant would close.", "announced",
     "the plant would close"),
    ("It has been alleged that the council hid the report.", "alleged",
     "the council hid the report"),
    ("It was confirmed late on Friday that two ministers had quit.", "confirmed",
     "two ministers had quit"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "content"), PASSIVE)
def test_impersonal_passive(parsed: Parsed, text: str, cue: str, content: str) -> None:
    assert ("It", content) in found(parsed(text), "clause", cue)


# A verb heading an infinitive, with its object when it has one ("vowed to" in
# breitbart_2016-03-01, huff-post_2016-06-04, nyt_2015-12-18; "urged ... to" in
# breitbart_2015-11-19, nyt_2015-11-18, politico_2015-12-15).
INFINITIVE = [
    ("The mayor vowed to repeal the parking tax.", "vowed", "mayor", "to repeal the parking tax"),
    ("Union leaders urged members to reject the offer.", "urged", "leaders",
     "members to reject the offer"),
    ("Kowalski wants to build a new stadium downtown.", "wants", "Kowalski",
     "to build a new stadium downtown"),
    ("The company refused to disclose its donors.", "refused", "company",
     "to disclose its donors"),
    ("Ortega promised to cut property taxes next year.", "promised", "Ortega",
     "to cut property taxes next year"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), INFINITIVE)
def test_infinitive(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "infinitive", cue)


# A verb and its object, with a predicative phrase after it ("announced his" in
# breitbart_2015-11-19, huff-post_2015-12-22, nyt_2016-01-12; "denied the" in
# nyt_2016-04-18, politico_2015-12-23, wash-post_2016-05-29).
OBJECT = [
    ("Ortega announced his candidacy for governor on Monday.", "announced", "Ortega",
     "his candidacy for governor"),
    ("The senator denied the allegations.", "denied", "senator", "the allegations"),
    ("The union endorsed Mayor Kowalski in March.", "endorsed", "union", "Mayor Kowalski"),
    ("Critics blamed the governor for the delays.", "blamed", "Critics",
     "the governor for the delays"),
    ("The board dismissed the report as a partisan attack.", "dismissed", "board",
     "the report as a partisan attack"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), OBJECT)
def test_object(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "object", cue)


# A verb and the object of its preposition ("called for" in breitbart_2015-11-19,
# huff-post_2015-11-17, nyt_2015-11-17; "pointed to" in breitbart_2016-01-10,
# huff-post_2015-11-17, nyt_2016-01-29; "spoke about" in breitbart_2015-12-04,
# huff-post_2015-12-22, nyt_2015-12-15).
PREPOSITION = [
    ("The mayor called for a ban on fireworks.", "called", "mayor", "a ban on fireworks"),
    ("Ortega pointed to the rising cost of rent.", "pointed", "Ortega",
     "the rising cost of rent"),
    ("The senator spoke about her plans for rural hospitals.", "spoke", "senator",
     "her plans for rural hospitals"),
    ("Activists complained about the new voting rules.", "complained", "Activists",
     "the new voting rules"),
    ("The governor apologized for the remarks.", "apologized", "governor", "the remarks"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), PREPOSITION)
def test_preposition(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "preposition", cue)


# The attribution at the end of the sentence, hanging off the content (", X said." in
# breitbart_2015-12-04, huff-post_2015-11-08, nyt_2015-11-16).
TRAILING = [
    ("The stakes are high for both parties, Ortega said.", "said", "Ortega",
     "The stakes are high for both parties"),
    ("The plant will close in May, the company announced.", "announced", "company",
     "The plant will close in May"),
    ("Turnout was lower than expected, officials believe.", "believe", "officials",
     "Turnout was lower than expected"),
    ("The talks have stalled, two diplomats said.", "said", "diplomats",
     "The talks have stalled"),
    ("Prices will keep rising, the bank warned.", "warned", "bank", "Prices will keep rising"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), TRAILING)
def test_trailing(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "clause", cue)


# A verb of saying set inside the clause it reports, as a parenthesis (", he said, " in
# breitbart_2016-03-02, huff-post_2016-02-01, nyt_2015-11-16, politico_2015-12-23).
ASIDE = [
    ("Within a year, they said, the plant would double its output.", "said", "they",
     "Within a year, they said, the plant would double its output"),
    ("If the bill fails, Ortega said, the council can still vote on a smaller plan.", "said",
     "Ortega", "If the bill fails, Ortega said, the council can still vote on a smaller plan"),
    ("The plan, officials said, would cost billions.", "said", "officials",
     "The plan, officials said, would cost billions"),
    ("By March, the senator argued, the fund would be empty.", "argued", "senator",
     "By March, the senator argued, the fund would be empty"),
    ("In the long run, she added, prices will fall.", "added", "she",
     "In the long run, she added, prices will fall"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), ASIDE)
def test_aside(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "aside", cue)


# "according to X" and the rest of its sentence (breitbart_2015-11-11, huff-post_2015-11-09,
# nyt_2015-11-10).
ACCORDING = [
    ("According to the police, the driver fled on foot.", "police", "the driver fled on foot"),
    ("The driver fled on foot, according to the police.", "police", "The driver fled on foot"),
    ("Turnout fell by a third, according to county records.", "records",
     "Turnout fell by a third"),
    ("According to Ortega, the deal collapsed in June.", "Ortega", "the deal collapsed in June"),
    ("The plan costs $3 billion, according to a report by the budget office.", "report",
     "The plan costs $3 billion"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "content"), ACCORDING)
def test_according_to(parsed: Parsed, text: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "according", "according")


# A noun heading a "that" clause or an infinitive ("claim that" in huff-post_2015-11-08,
# nyt_2015-12-31, politico_2015-11-20; "promise to" in breitbart_2016-01-05,
# huff-post_2016-07-18, nyt_2015-11-24).
NOUN = [
    ("Ortega's claim that the vote was rigged drew scorn.", "claim", "Ortega",
     "the vote was rigged"),
    ("The mayor's promise to fix the roads won her votes.", "promise", "mayor",
     "to fix the roads"),
    ("Kowalski repeated his warning that the fund would run dry.", "warning", "his",
     "the fund would run dry"),
    ("Critics mocked the senator's insistence that taxes must fall.", "insistence", "senator",
     "taxes must fall"),
    ("The union's demand that wages rise was rejected.", "demand", "union", "wages rise"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), NOUN)
def test_noun_with_clause(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "noun", cue)


def test_content_never_holds_its_own_cue(parsed: Parsed) -> None:
    parse = parsed("Gurin, who officials say is tied to the agency, left the country on Friday.")
    assert all(not (c.first <= c.cue <= c.last) for c in claims(parse))


def test_coordinated_clauses_stay_one_content(parsed: Parsed) -> None:
    parse = parsed("Ortega said that the mill would close, and that forty jobs would go.")
    assert ("Ortega", "the mill would close, and that forty jobs would go") in found(
        parse, "clause", "said"
    )


# A name or a short noun phrase, a colon, and what it said or showed: headlines and lists of
# reactions (polnear train: breitbart_2015-12-11 "trump-cruz-has-to-come", huff-post_2016-01-24
# "milbank-republicans-waving-the-f", politico_2015-11-09 "sanders-endorsements-prove-clint").
COLON = [
    ("Ortega: The tax plan will hurt farmers.", "Ortega", "The tax plan will hurt farmers"),
    ("Poll: Kowalski leads among older voters.", "Poll", "Kowalski leads among older voters"),
    ("Senator Mills: Budget talks have collapsed.", "Mills", "Budget talks have collapsed"),
    ("Union leaders: The strike will go on until May.", "leaders",
     "The strike will go on until May"),
    ("Governor Ruiz: Schools will reopen next week.", "Ruiz", "Schools will reopen next week"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "content"), COLON)
def test_colon(parsed: Parsed, text: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "colon", ":")


@pytest.mark.parametrize(
    "text",
    [
        "The plan has two parts: a tax cut and a rebate.",
        "Ortega said: the plan will fail.",
        "He listed the towns that flooded in March and April: Ely, Stow and Brill.",
    ],
)
def test_colon_after_a_clause_names_no_one(parsed: Parsed, text: str) -> None:
    assert found(parsed(text), "colon", ":") == []


def test_a_speakers_turn_runs_to_the_end_of_its_line(parsed: Parsed) -> None:
    # transcripts (polnear train: breitbart_2016-07-10 "ok-gov-fallin-trump-is-trying-to",
    # politico_2016-02-19 "q-a-with-vice-president-joe-bide",
    # usa-today_2016-03-18 "laura-bush-sees-hope-help-for-af")
    parse = parsed("MILLS: The vote was close. We will appeal on Monday.\nORTEGA: We won.")
    got = found(parse, "colon", ":")
    assert ("MILLS", "The vote was close. We will appeal on Monday") in got
    assert ("ORTEGA", "We won") in got


def contents(parse: Parse, cue: str) -> list[tuple[str, str]]:
    """(source, content) of every candidate whose cue is the word `cue`, of any shape."""
    return [
        (_source(parse, c), parse.span_text(c.first, c.last + 1))
        for c in claims(parse)
        if parse.tokens[c.cue].lower == cue.lower()
    ]


# The attribution closing a long sentence, which the parser may hang off the content as a
# complement, an adverbial or a parenthesis rather than heading it (", X said." closing a
# sentence of several clauses: polnear train huff-post_2016-07-14
# "fdic-accused-of-covering-up-chin", nyt_2015-11-13 "clinton-stays-well-ahead-of-sand",
# politico_2016-01-05 "trump-quietly-builds-a-data-jugg"); the content stops before the
# attribution.
CLOSING = [
    ("The mill will close in May and forty workers will lose their jobs, union officials said.",
     "said", "officials",
     "The mill will close in May and forty workers will lose their jobs"),
    ("Turnout was lower than in 2012 because rain kept older voters at home, the clerk said.",
     "said", "clerk", "Turnout was lower than in 2012 because rain kept older voters at home"),
    ("The council had ignored two warnings about the dam before it failed, the report found.",
     "found", "report", "The council had ignored two warnings about the dam before it failed"),
    ("Ortega never met the lobbyist, who later pleaded guilty to fraud, his lawyer insisted.",
     "insisted", "lawyer", "Ortega never met the lobbyist, who later pleaded guilty to fraud"),
    ("Prices will keep rising through the summer as supplies run short, the bank warned.",
     "warned", "bank", "Prices will keep rising through the summer as supplies run short"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), CLOSING)
def test_closing_attribution(
    parsed: Parsed, text: str, cue: str, source: str, content: str
) -> None:
    assert (source, content) in contents(parsed(text), cue)


# A predicative adjective and what its holder thinks or says about something ("critical of"
# in polnear train breitbart_2016-02-08, nyt_2015-12-09, wash-post_2015-12-20; "confident
# that" in breitbart_2016-01-10, nyt_2016-01-30, politico_2015-11-24).
ADJECTIVE = [
    ("The mayor was critical of the council's budget.", "critical", "mayor",
     "the council's budget"),
    ("Her aides remain confident that the bill will pass.", "confident", "aides",
     "the bill will pass"),
    ("Most farmers are worried about the drought.", "worried", "farmers", "the drought"),
    ("Ortega has been outspoken on the price of insulin.", "outspoken", "Ortega",
     "the price of insulin"),
    ("Union leaders were angry at the new contract.", "angry", "leaders", "the new contract"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "source", "content"), ADJECTIVE)
def test_adjective(parsed: Parsed, text: str, cue: str, source: str, content: str) -> None:
    assert (source, content) in found(parsed(text), "adjective", cue)


def test_a_participle_after_a_comma_closes_the_content(parsed: Parsed) -> None:
    # "..., throwing a wrench in" after a reported clause (polnear train politico_2016-05-05
    # "paul-ryan-says-he-s-not-ready-to")
    parse = parsed("Mills said she could not back the plan, leaving the party without a majority.")
    assert ("Mills", "she could not back the plan") in found(parse, "clause", "said")
