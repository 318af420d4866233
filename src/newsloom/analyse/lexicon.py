"""Word lists for attribution: cue verbs, titles, institutions, documents, media.

These are our own lists of English news usage, written for the phenomena (how reporters
attribute words), not for any one article. Everything is lower-case. Lists are written as
space-separated words (`words`), a few words to a line.
"""

from __future__ import annotations

from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The space-separated words of `text`; "_" stands for a space inside an entry."""
    return frozenset(w.replace("_", " ") for w in text.split())


#: Verbs that introduce or attribute someone's words ("X said", "said X", "X told Y",
#: "X tweeted", "X called it ..."), by lemma.
CUE_LEMMAS = words(
    """
    accept accuse acknowledge add admit advise affirm allege announce answer appeal argue
    ask assert assure attack blame boast brand call caution chant claim comment complain
    concede conclude condemn confirm congratulate contend continue counter criticise
    criticize cry declare decry demand deny describe disclose dismiss dub emphasise
    emphasize exclaim explain forecast hail headline inform insist instruct joke label
    lament lash maintain mention mock muse note observe order plea plead pledge post praise
    predict proclaim promise pronounce propose quip quote reassure rebuke recall recommend
    reiterate remark repeat reply report respond retort reveal say scream shout signal sing
    slam state stress suggest tell testify thank threaten tweet urge vow warn welcome
    whisper write yell
    """
)

#: Inflected forms of the commonest cues, for title-case headlines ("Trump Declares ...")
#: where the tagger takes the verb for a proper noun and the lemma is the form itself.
CUE_FORMS = words(
    """
    says said tells told declares declared warns warned insists insisted claims claimed vows
    vowed urges urged calls called admits admitted denies denied tweets tweeted asks asked
    adds added announces announced slams slammed
    """
)

#: Cue verbs whose subject credits a medium rather than speaks ("CNN reported").
REPORTING_LEMMAS = words(
    """
    report
    """
)

#: Words that make a cue the announcement of words not yet spoken ("Trump will say").
FUTURE_AUX = words(
    """
    will would shall 'll going
    """
)

#: Honorifics: they are not roles, but some give the gender.
HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
    "miss": "f", "dame": "f", "lady": "f", "madam": "f", "dr": "", "dr.": "", "prof": "",
    "prof.": ""
}  # fmt: skip

#: Abbreviated titles and what they stand for.
TITLE_ABBREVIATIONS = {
    "pm": ("prime", "minister"), "pres.": ("president",), "pres": ("president",),
    "sen.": ("senator",), "sen": ("senator",), "rep.": ("representative",),
    "gov.": ("governor",), "gen.": ("general",), "sec.": ("secretary",),
    "amb.": ("ambassador",), "lt.": ("lieutenant",), "col.": ("colonel",),
    "adm.": ("admiral",), "sgt.": ("sergeant",), "capt.": ("captain",),
    "supt.": ("superintendent",), "cllr": ("councillor",), "mp": ("mp",), "ceo": ("ceo",),
    "vp": ("vice", "president"),
}  # fmt: skip

#: Nouns that name a role or office a person holds (title words and description heads).
ROLE_WORDS = words(
    """
    president minister premier chancellor secretary ambassador envoy senator representative
    congressman congresswoman governor mayor general admiral colonel commander chief leader
    chairman chairwoman chair head king queen prince princess emperor pope ayatollah
    diplomat spokesman spokeswoman spokesperson correspondent editor reporter analyst
    economist professor judge justice prosecutor attorney lawyer ceo founder director
    official officer mp lawmaker legislator speaker dictator strongman monarch emir sheikh
    voter author expert adviser advisor aide negotiator councillor commissioner deputy
    counsel candidate activist campaigner executive manager owner researcher scientist
    historian columnist presenter host anchor lady constable treasurer sergeant inspector
    detective superintendent coach
    """
)

#: A description head and the role words a person may hold for it to describe them
#: ("the leader" may be a president or a prime minister).
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": words(
        "president premier minister chancellor leader chairman chairwoman king queen chief head"
        " dictator emir monarch strongman"
    ),
    "premier": words("premier minister"),
    "diplomat": words("ambassador envoy diplomat minister secretary consul"),
    "chief": words("chief head director leader ceo chairman chairwoman"),
    "head": words("head chief director leader chairman chairwoman president"),
    "lawmaker": words("senator representative congressman congresswoman mp lawmaker legislator"),
    "official": words("official minister secretary officer spokesman spokeswoman director"),
    "executive": words("ceo executive founder chairman chairwoman director"),
    "boss": words("ceo executive founder chairman chairwoman director chief head"),
}

#: Gendered nouns (titles, appositions, descriptions).
GENDERED_NOUNS = {
    "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "congressman":
    "m", "congresswoman": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "husband": "m", "wife": "f", "father": "m", "mother": "f", "son": "m", "daughter": "f",
    "brother": "m", "sister": "f", "man": "m", "woman": "f", "boy": "m", "girl": "f",
    "businessman": "m", "businesswoman": "f", "widow": "f", "actress": "f", "lady": "f",
    "emperor": "m", "empress": "f"
}  # fmt: skip

#: Pronouns with their gender.
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
    "herself": "f"
}  # fmt: skip

PLURAL_PRONOUNS = words(
    """
    they them their we us our
    """
)


#: Head nouns of an institution that speaks ("the Catalan government said").
INSTITUTION_NOUNS = words(
    """
    government administration office ministry department parliament assembly congress senate
    council commission court police army military navy party company firm agency embassy
    presidency cabinet committee board bank regime campaign spokesman spokeswoman
    spokesperson spokespeople press_office authorities authority palace secretariat union
    federation organisation organization group coalition alliance team prosecutor service
    services force forces guard chamber legislature executive directorate bureau institute
    foundation companies daily newspaper paper broadcaster channel network
    """
)

#: Nouns that stand for the people an institution speaks through: the speaker is the
#: institution named beside them ("A Downing Street spokesman" -> Downing Street).
VOICE_NOUNS = words(
    """
    spokesman spokeswoman spokesperson spokespeople office press_office spokesmen
    spokeswomen representative
    """
)

#: Kinds of organisation a story names once and then calls by the kind ("Halvorsen Motors
#: said ... The company said"; "the club said on Facebook").
ORGANISATION_KINDS = words(
    """
    company firm club airline carrier carmaker automaker retailer bank lender insurer
    utility manufacturer maker operator chain startup charity organisation organization
    agency team developer publisher supplier
    """
)

#: Documents through which an institution speaks ("the statement said").
DOCUMENT_NOUNS = words(
    """
    statement document letter resolution communique communiqué declaration report memo
    memorandum release readout notice note text transcript order decree motion bill filing
    complaint indictment ruling judgment judgement verdict proposal draft plan agreement
    accord deal treaty manifesto tweet post message email advisory bulletin briefing
    """
)

#: Documents that are agreements: what they contain is described as much as quoted
#: ("the Paris agreement "front loads costs"" is the reporter's or a speaker's description).
AGREEMENT_NOUNS = words(
    """
    agreement accord deal treaty plan bill motion proposal draft order
    """
)

#: Nouns for people the text does not identify ("one official replied", "sources said").
ANONYMOUS_NOUNS = words(
    """
    official officials source sources person people aide aides diplomat diplomats insider
    insiders observer observers expert experts analyst analysts witness witnesses resident
    residents someone somebody one member members staffer staffers spokesman spokeswoman
    spokesperson adviser advisers advisor advisors critic critics supporter supporters
    reporter reporters journalist journalists man woman men women
    """
)

#: Determiners that leave a description unidentified ("a person familiar with ...").
INDEFINITE_DETERMINERS = words(
    """
    a an one some several many two three another other various few
    """
)

#: Audiences of "told X" that are not media ("told reporters", "told parliament").
AUDIENCE_NOUNS = words(
    """
    reporters journalists press media parliament mps lawmakers congress senators supporters
    crowd crowds audience conference briefing house commons lords senate assembly delegates
    students workers voters members colleagues staff officials leaders nation country people
    world public cabinet committee hearing rally interviewer correspondent
    """
)

#: Words that make a proper name a news medium ("ITV News", "The Straits Times").
MEDIA_WORDS = words(
    """
    news times post journal herald telegraph guardian tribune gazette daily radio tv
    television press agency wire broadcasting broadcaster channel network magazine review
    chronicle observer independent mirror express standard mail sun star globe examiner
    inquirer bulletin dispatch courier monitor insider media newspaper weekly economist
    report online politico today pais mundo monde figaro spiegel zeitung
    """
)

#: News organisations whose names carry no media word (agencies and broadcasters).
MEDIA_NAMES = words(
    """
    reuters afp ap associated_press bbc cnn cbs nbc abc msnbc fox npr pbs itv sky rt tass
    ria ria_novosti interfax xinhua yonhap kyodo kcna irna dpa ansa efe upi bloomberg axios
    vox politico newsweek time slate salon breitbart buzzfeed vice al_jazeera sputnik
    euronews talkradio lbc cnbc c-span france_24 deutsche_welle dw nhk anadolu ani pti ians
    fortune forbes wired the_hill propublica huffpost quartz
    """
)

#: Phrases that turn a credit into "media" in general ("Russian state media").
GENERIC_MEDIA = words(
    """
    state_media state_television state_tv state_news_agency local_media media
    """
)

#: Groups that speak together ("the crowd chanted"): the speaker is the group, never one person.
GROUP_NOUNS = words(
    """
    crowd crowds protesters protestors demonstrators voters supporters residents students
    workers fans activists audience marchers villagers citizens people chorus crowd_members
    mourners rioters
    """
)

#: words that join a title to what it covers ("Ambassador to Belgrade", "Director of
#: Admissions", "Commissioner for Competition")
COMPLEMENT_JOINS = frozenset({"of", "for", "to"})

#: the possessive endings as tokenised ("CNN's", "NBC’s", "Fox News'")
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
#: words a title leaves in lower case ("Meet the Press", "Face the Nation")
TITLE_SMALL_WORDS = words("the a an of and in on at to for with")


def title_cased(tokens: Iterable[str]) -> bool:
    """Written as a title: some word, and every word capitalised but the small ones a title
    leaves in lower case (numbers and marks pass)."""
    named = [w for w in tokens if w[:1].isalpha()]
    return bool(named) and all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in named)
