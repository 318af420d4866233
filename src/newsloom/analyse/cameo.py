"""Our CAMEO lexicon: verbs and verb-object patterns of news, mapped to CAMEO event codes.

Written from the CAMEO codebook's category definitions (20 root categories, three-digit codes
where the verb itself says which), for the ways news reports these acts: "imposed sanctions"
(163), "called on X to" (020), "spoke with X over the phone" (041), "pulled out of the deal"
(161). No dictionary entry of another coder is copied; PETRARCH's and PLOVER's records are
used only to test against.

Lookup order (`code_for`): a verb with one of its object or prepositional nouns (a pattern),
then the verb alone. Nouns that name an event by themselves ("sanctions on Russia", "a phone
call") are in `NOUN_CODES`.
"""

from __future__ import annotations

from newsloom.analyse.lexicon import words

#: the 20 root categories, labelled in our words
ROOT_LABELS: dict[str, str] = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}

#: the three-digit codes newsloom assigns, labelled in our words
CODE_LABELS: dict[str, str] = {
    "010": "make a statement",
    "012": "make a pessimistic comment",
    "013": "make an optimistic comment",
    "016": "deny responsibility",
    "018": "express sympathy",
    "020": "appeal or call on someone to act",
    "030": "express intent to cooperate",
    "033": "pledge material aid or guarantees",
    "034": "express intent to change institutions (call an election)",
    "035": "express intent to yield",
    "036": "express intent to meet or negotiate",
    "037": "express intent to settle a dispute",
    "038": "express intent to accept mediation",
    "031": "express intent to engage in material cooperation",
    "040": "consult",
    "041": "discuss by telephone",
    "042": "make a visit",
    "043": "host a visit",
    "044": "meet at a third location",
    "046": "negotiate",
    "050": "engage in diplomatic cooperation",
    "045": "mediate",
    "051": "praise, thank or congratulate",
    "053": "rally support on behalf of",
    "054": "grant diplomatic recognition",
    "055": "apologize",
    "056": "forgive",
    "057": "sign an agreement",
    "060": "engage in material cooperation",
    "061": "cooperate economically (acquisition, trade deal)",
    "062": "cooperate militarily (joint exercises, patrols)",
    "063": "cooperate judicially (extradition)",
    "064": "share intelligence or information",
    "070": "provide aid",
    "071": "provide economic aid",
    "072": "provide military aid",
    "073": "provide humanitarian aid",
    "074": "provide military protection or peacekeeping",
    "075": "grant asylum",
    "080": "yield",
    "081": "ease administrative sanctions or restrictions",
    "084": "return or release persons or property",
    "085": "ease economic sanctions, a boycott or an embargo",
    "086": "allow international involvement (receive inspectors, observers, peacekeepers)",
    "083": "accede to demands",
    "087": "de-escalate military engagement (truce, withdrawal of troops)",
    "0873": "demobilize armed forces (hand over weapons)",
    "0871": "declare or accept a truce or ceasefire",
    "0872": "ease a military blockade or siege",
    "082": "ease political dissent (allow rallies, protests)",
    "0874": "retreat or surrender militarily",
    "090": "investigate",
    "100": "demand",
    "104": "demand or declare political change (declare independence)",
    "110": "disapprove or regret",
    "111": "criticise or denounce",
    "112": "accuse or blame",
    "113": "rally opposition against",
    "114": "complain officially",
    "115": "bring a lawsuit against",
    "120": "reject",
    "125": "reject proposal to negotiate",
    "128": "defy norms or law, violate a ban",
    "130": "threaten",
    "138": "threaten with military force",
    "139": "give an ultimatum",
    "140": "protest",
    "150": "exhibit force posture",
    "152": "increase military alert status",
    "154": "mobilize or reinforce armed forces",
    "160": "reduce relations",
    "161": "withdraw from an agreement",
    "162": "reduce or stop material aid",
    "163": "impose embargo or sanctions",
    "165": "halt mediation",
    "166": "expel or withdraw inspectors, observers or peacekeepers",
    "1245": "refuse to allow international involvement (bar inspectors)",
    "181": "abduct or hijack",
    "171": "seize or damage property",
    "141": "demonstrate or rally",
    "143": "conduct a strike or boycott",
    "144": "obstruct passage, block",
    "145": "protest violently, riot",
    "172": "impose administrative restrictions, dismiss officials",
    "1721": "impose restrictions on freedoms of speech and expression",
    "174": "expel or deport individuals",
    "173": "arrest, detain or charge",
    "175": "use repression against crowds",
    "180": "use unconventional violence",
    "182": "physically assault, torture",
    "183": "carry out a bombing",
    "190": "use conventional military force",
    "193": "fight with small arms",
    "191": "impose a blockade, restrict movement",
    "192": "occupy territory",
    "195": "employ aerial weapons",
    "196": "violate a ceasefire",
    "20": "use unconventional mass violence",
    "201": "engage in mass expulsion",
    "202": "engage in mass killings",
    "203": "engage in ethnic cleansing",
}


def _table(spec: str) -> dict[str, str]:
    """Parse "code: word word ..." lines into word -> code."""
    out: dict[str, str] = {}
    for line in spec.strip().splitlines():
        code, _, rest = line.partition(":")
        for word in words(rest):
            out[word] = code.strip()
    return out


#: verb lemma -> code, when the verb alone says what happened
VERB_CODES: dict[str, str] = _table(
    """
    010: declare state comment
    012: warn lament
    013: hail
    016: deny
    018: sympathize sympathise console condole
    020: appeal urge lobby plead implore beseech
    030: agree
    060: cooperate collaborate
    033: pledge promise
    036: invite negotiate renegotiate
    040: consult discuss confer
    042: visit
    043: host
    044: meet
    050: reconcile
    051: support endorse
    051: praise thank congratulate laud commend applaud hail welcome
    057: sign ratify
    061: buy acquire purchase
    070: aid contribute donate
    080: concede yield surrender resign
    084: release free
    090: investigate probe
    100: demand
    110: regret disapprove
    111: criticize criticise condemn denounce decry deplore mock slam rebuke lambast chastise
    111: ridicule scold castigate lash
    112: blame accuse allege
    120: reject refuse oppose veto decline
    130: threaten
    140: protest demonstrate rally march
    144: block blockade obstruct
    143: strike boycott
    150: mobilize mobilise deploy
    161: withdraw quit exit
    171: seize confiscate raze
    160: suspend sever downgrade
    172: dismiss sack fire oust dissolve ban
    174: expel deport
    173: arrest detain indict charge jail imprison
    180: assassinate kidnap abduct stab
    181: hijack
    183: bomb
    190: invade shell clash fight
    193: shoot
    195: airstrike
    045: mediate
    055: apologize apologise
    056: forgive
    063: extradite
    114: complain
    115: sue
    120: renege rebuff spurn snub balk
    128: defy
    145: riot
    171: demolish bulldoze
    172: outlaw
    182: torture beat
    041: telephone phone
    090: examine scrutinize scrutinise inspect audit interrogate
    111: chide berate
    016: refute rebut
    072: arm
    071: fund finance
    144: picket
    145: loot
    150: station mass
    183: detonate
    180: lynch behead
    190: retaliate
    192: occupy
    202: massacre slaughter exterminate
    20: gas
    """
)

#: lemmas the tagger gets wrong for verbs of the lexicon ("staged" -> "stag")
LEMMA_FIXES: dict[str, str] = {"stag": "stage", "wag": "wage"}

#: verbs that are not events by themselves (reporting, light verbs) but can carry a pattern
PATTERN_ONLY = words(
    """
    say tell announce add call hold have make take give reach win bring impose reinstate enforce
    restore slap lift level draw pull trigger file speak talk agree plan vote approve put take
    fire hand deliver send stop offer commit provide
    """
)

#: (verb lemma, noun lemma of its object or prepositional object) -> code
PATTERNS: dict[tuple[str, str], str] = {}
for _verbs, _nouns, _code in (
    ("impose reinstate enforce restore slap extend tighten", "sanction embargo penalty", "163"),
    (
        "lift ease relax shorten cancel",
        "curfew ban restriction emergency censorship control",
        "081",
    ),
    ("lift ease relax cancel suspend end", "sanction embargo boycott", "085"),
    ("lift ease end break relax", "siege blockade", "0872"),
    ("fly travel", "talk talks meeting summit visit", "042"),
    ("grant give offer", "asylum refuge", "075"),
    (
        "give send provide deliver donate hand",
        "aid grant assistance medicine food arms arm weapon loan equipment ammunition",
        "070",
    ),
    (
        "stage hold organize organise begin continue launch",
        "demonstration rally protest march",
        "141",
    ),
    ("stage hold organize organise begin continue launch call", "strike boycott", "143"),
    ("withdraw pull exit quit leave", "deal accord agreement treaty pact", "161"),
    ("trigger invoke file", "article", "161"),
    ("call hold announce", "election vote referendum poll", "034"),
    ("declare proclaim vote approve", "independence republic", "104"),
    ("impose approve grant", "rule", "172"),
    ("suspend revoke strip", "autonomy power right", "172"),
    ("speak talk", "phone telephone", "041"),
    ("hold have", "call", "041"),
    ("hold have", "talk talks meeting summit", "044"),
    ("reach sign", "agreement deal accord", "057"),
    ("begin start open resume renew launch enter", "negotiation talk talks", "046"),
    ("level draw", "criticism rebuke condemnation", "111"),
    ("take", "dig swipe", "111"),
    ("win bring file", "indictment charge", "173"),
    ("fire", "bullet projectile shot gas", "175"),
    ("fire launch", "shell missile rocket artillery mortar round", "190"),
    ("break cut sever downgrade", "tie relation", "161"),
    (
        "restore resume establish reestablish renew normalize normalise upgrade",
        "tie relation",
        "050",
    ),
    ("withdraw pull", "troop force soldier weapon artillery tank", "087"),
    ("hand_over hand_in surrender turn_over turn_in lay_down", "weapon arm gun rifle", "0873"),
    ("withdraw pull", "inspector observer monitor peacekeeper personnel mission", "166"),
    ("expel", "diplomat ambassador envoy attache", "161"),
    ("recall", "ambassador envoy diplomat", "161"),
    ("complete conduct carry", "investigation inquiry probe", "090"),
    ("extend prolong", "curfew", "172"),
    ("declare", "siege", "172"),
    ("launch open", "investigation inquiry probe hearing", "090"),
    ("put place", "investigation", "090"),
    ("impose declare", "curfew", "172"),
    ("pledge offer commit", "guarantee aid assistance", "033"),
    ("provide", "guarantee", "033"),
    ("stop halt suspend end", "exercise war_game drill", "035"),
    ("agree", "buy acquire purchase", "061"),
    ("trigger begin start", "leave exit withdrawal", "161"),
    ("deliver hand send", "letter message note", "010"),
    ("send attend join", "talk negotiation", "036"),
    ("reject deny dismiss", "allegation accusation claim charge", "016"),
    # the codebook's categories for acts that news names by verb and object
    ("seek request", "asylum refuge help aid assistance", "020"),
    ("launch undertake begin lead", "mediation", "045"),
    ("arrive", "visit", "042"),
    ("share exchange pass swap", "intelligence information evidence expertise data", "064"),
    ("accept meet", "demand", "083"),
    ("declare announce", "ceasefire cease-fire truce", "087"),
    ("insist reiterate repeat renew issue", "demand", "100"),
    ("lodge file register", "protest complaint", "114"),
    ("violate breach defy flout", "ban law embargo sanction resolution ruling order", "128"),
    ("defy", "demand call ultimatum", "128"),
    ("resist", "call demand pressure plan proposal", "120"),
    ("issue deliver give send present", "ultimatum", "139"),
    ("go be remain stay", "strike", "143"),
    ("set put erect build", "roadblock barricade blockade", "144"),
    ("put place remain stay", "alert", "152"),
    ("reinforce strengthen bolster boost", "force troop presence garrison army", "154"),
    ("halt suspend cut stop freeze end reduce withhold", "aid assistance loan funding", "162"),
    ("halt suspend end abandon", "mediation", "165"),
    ("expel", "inspector observer monitor peacekeeper mission", "166"),
    (
        "bar block refuse prevent stop",
        "inspector observer monitor peacekeeper investigator",
        "1245",
    ),
    ("set", "fire", "171"),
    ("impose declare", "martial emergency", "172"),
    ("impose tighten enforce", "blockade siege", "191"),
    # idioms of news, each a verb with its particle or its object noun
    ("offer send express extend convey", "sympathy condolence", "018"),
    ("reject deny", "responsibility involvement", "016"),
    ("pay", "tribute homage", "051"),
    ("recognize recognise", "government state independence sovereignty", "054"),
    ("pool", "intelligence information", "064"),
    ("step boost strengthen deepen expand increase", "cooperation", "060"),
    ("open", "market", "061"),
    ("launch form", "venture", "061"),
    (
        "airlift ship distribute supply dispatch send deliver fly",
        "supply vaccine blanket tent relief food medicine aid rescue",
        "073",
    ),
    ("dispatch send deploy contribute", "peacekeeper", "074"),
    ("extend lend approve", "credit loan", "071"),
    ("return", "asset property land territory body", "084"),
    (
        "hand turn",
        "suspect national prisoner hostage detainee captive fugitive body remains territory",
        "084",
    ),
    ("reopen open", "border crossing", "081"),
    ("hold", "hearing", "090"),
    ("begin start", "investigation inquiry probe", "090"),
    (
        "stage hold organize organise begin launch",
        "sit-in sit_in vigil walkout picket",
        "141",
    ),
    ("take", "aim", "111"),
    ("voice express", "concern", "110"),
    ("send deploy rush move mass", "reinforcement troop force soldier tank", "154"),
    ("raise", "alert level", "152"),
    ("scramble", "jet fighter plane aircraft", "150"),
    (
        "hold conduct stage launch begin start",
        "exercise drill manoeuvre maneuver wargame war_game",
        "150",
    ),
    ("give extend accord", "welcome reception", "043"),
    ("accept receive admit", "peacekeeper observer inspector monitor", "086"),
    ("accept", "plan proposal offer formula initiative compromise", "030"),
    ("accept", "invitation", "036"),
    ("send dispatch", "investigator", "090"),
    ("accept", "mediation", "038"),
    ("accept observe respect", "ceasefire cease-fire truce armistice", "0871"),
    ("commit pledge", "settlement solution", "037"),
    ("express voice reaffirm reiterate declare", "support backing", "051"),
    ("close shut", "shop store business market", "143"),
    (
        "shut close ban suspend",
        "newspaper paper station channel broadcaster website magazine outlet",
        "1721",
    ),
    ("collect gather", "signature", "140"),
    ("throw hurl pelt", "stone rock brick firebomb molotov", "145"),
    ("carry conduct", "patrol", "062"),
    ("use employ", "weapon gas agent force", "190"),
    ("carry commit", "massacre atrocity killing", "202"),
    ("engage", "killing", "202"),
    ("expel", "minority population", "201"),
    ("host", "summit meeting talk talks conference delegation", "043"),
    (
        "prevent ban block stop forbid prohibit",
        "demonstration protest rally march gathering",
        "172",
    ),
    ("disperse", "demonstration demonstrator protester crowd rally gathering", "175"),
    (
        "capture seize retake recapture overrun occupy take",
        "village town city territory base stronghold hill airport port region province",
        "192",
    ),
    ("mount launch stage wage begin start", "invasion offensive attack assault raid war", "190"),
    ("open", "fire", "190"),
    ("violate breach break", "ceasefire cease-fire truce", "196"),
    ("engage carry conduct commit", "cleansing genocide", "203"),
):
    for _v in words(_verbs):
        for _n in words(_nouns):
            PATTERNS[(_v, _n)] = _code

#: (verb lemma, particle) -> code: phrasal verbs of news ("turned down the offer")
PARTICLES: dict[tuple[str, str], str] = {}
for _verbs, _prts, _code in (
    ("cave give", "in", "083"),
    ("back", "down", "080"),
    ("call", "off", "080"),
    ("stand step", "down", "080"),
    ("turn", "down", "120"),
    ("rule", "out", "120"),
    ("brush", "aside off", "120"),
    ("vote", "down", "120"),
    ("round", "up", "173"),
    ("lock", "up", "173"),
    ("walk", "out", "143"),
    ("call", "up", "154"),
    ("beef", "up", "154"),
    ("crack", "down", "175"),
    ("blow", "up", "183"),
    ("hit lash", "out back", "111"),
    ("look", "into", "090"),
    ("shoot", "down", "190"),
    ("lay", "down", "087"),
    ("pull", "out back", "087"),
):
    for _v in words(_verbs):
        for _p in words(_prts):
            PARTICLES[(_v, _p)] = _code

#: phrasal verbs whose particle only completes the verb ("handed over"): their objects'
#: patterns come first ("handed over medicine" is aid), then these codes
LATE_PARTICLES: dict[tuple[str, str], str] = {
    ("hand", "over"): "084",
    ("hand", "back"): "084",
    ("turn", "over"): "084",
}

#: nouns that name an event on their own, with the prepositions that introduce the target
NOUN_CODES: dict[str, str] = _table(
    """
    040: conversation
    041: call
    044: meeting summit
    161: withdrawal pullout
    163: sanction embargo
    172: sacking dismissal ouster
    """
)
#: verbs that say an event goes on, starts or spreads; their subject is the event
ASPECTUAL_VERBS = words(
    "continue erupt break resume spread escalate intensify rage flare persist begin start"
)
#: event nouns that are the subject of those verbs ("riots continued", "fighting erupted")
ONGOING_EVENTS: dict[str, str] = _table(
    """
    140: protest demonstration
    141: rally march sit-in
    143: walkout
    145: riot rioting unrest
    190: fighting clash clashes battle shelling hostility hostilities
    """
)
#: what a noun event needs beside it to count: a meeting "with" or "between" someone, a call
#: made by "phone" (a bare "call" is too often an appeal or a decision)
NOUN_NEEDS: dict[str, frozenset[str]] = {
    "meeting": words("with between one-on-one bilateral"),
    "summit": words("with between one-on-one bilateral two-hour"),
    "conversation": words("with between phone telephone"),
    "call": words("phone telephone"),
}
#: predicate adjectives that code the clause ("was displeased with Russia")
ADJECTIVE_CODES: dict[str, str] = _table(
    """
    111: displeased unhappy angry furious critical dismayed outraged
    051: grateful
    """
)
#: objects that do not make a signature an agreement
NOT_AGREEMENTS = words("letter bill law order petition book")
#: audiences that are not a meeting's counterpart
MEDIA_AUDIENCES = words("press reporter reporters journalist journalists media")
#: what one "meets" that is not a meeting ("meet the deadline", "meet their demands")
NOT_MET = words("deadline target goal expectation need requirement condition obligation standard")
#: nouns of an attack a passive killing happened "in" ("were killed in a car bombing")
BLAST_NOUNS = words("bombing blast explosion attack strike raid shelling device bomb")

#: verbs of saying and of intention: their clause complement holds the event they report
REPORTING_VERBS = words(
    """
    say tell announce add state declare claim report insist confirm reveal write tweet
    explain warn note suggest signal indicate acknowledge admit
    """
)
INTENT_VERBS = words(
    """
    plan want intend aim hope seek prepare decide expect propose vow pledge promise threaten
    try agree offer swear prepared ready willing
    """
)
#: modal verbs and what they make of the event
MODALS: dict[str, str] = {
    "will": "intended",
    "would": "intended",
    "shall": "intended",
    "may": "conditional",
    "might": "conditional",
    "could": "conditional",
    "should": "conditional",
}
#: words that make an event reported rather than asserted
REPORTED_ADVERBS = words("reportedly allegedly apparently purportedly supposedly")
#: nouns in a sentence that turn an attack into mass violence (CAMEO 20)
MASS_VIOLENCE_WORDS = words("chemical sarin chlorine nerve biological nuclear radiological gas")
#: attack words whose event is violence
ATTACK_NOUNS = words("attack strike assault bombing raid")
#: an intended cooperative act is an intent to cooperate (CAMEO 03): root -> code
INTENT_CODES = {"04": "036", "05": "030", "07": "033", "08": "035"}
#: verbs whose clause complement states what another actor must do (a demand)
DEMAND_MODALS = words("must")
#: verbs that, said of another actor's conduct ("said Russia was harming the efforts"), make
#: the statement a criticism of that actor (CAMEO 111)
HARM_VERBS = words(
    """
    harm undermine damage hurt destabilize destabilise sabotage obstruct jeopardize
    jeopardise weaken threaten endanger thwart derail
    """
)
#: nouns of a decision or a text whose infinitive or participle is the act itself ("her plan
#: to call an election", "a motion declaring independence")
ACT_NOUNS = words(
    """
    plan decision move bid intention promise pledge vote motion resolution proposal order
    threat offer attempt declaration statement
    """
)
#: nouns of a will to act: their infinitive is an intended act ("expressed its willingness
#: to accept peacekeepers", "their readiness to resume talks")
INTENT_NOUNS = words(
    "willingness readiness intention intent desire determination commitment wish eagerness"
)
ACT_NOUNS |= INTENT_NOUNS
#: symmetric codes: consultations, meetings and signing a joint document
SYMMETRIC_CODES = frozenset({"040", "041", "044", "046", "057"})


def root(code: str) -> str:
    """The root category of a CAMEO code ("041" -> "04", "20" -> "20")."""
    return code[:2]


def code_for(verb: str, nouns: list[str]) -> str | None:
    """The code of a verb lemma with the noun lemmas of its objects, or None."""
    verb = LEMMA_FIXES.get(verb, verb)
    for noun in nouns:
        code = PATTERNS.get((verb, noun))
        if code:
            return code
    return VERB_CODES.get(verb)


def label(code: str) -> str:
    """Our label of a code, falling back to its root category."""
    return CODE_LABELS.get(code) or ROOT_LABELS.get(root(code), "")
