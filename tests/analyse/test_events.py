"""CAMEO events: our lexicon, and actor, action, target, modality and date read from a parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse import scene
from newsloom.analyse.cameo import CODE_LABELS, ROOT_LABELS, code_for, label, root
from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.events import country_of, find_events
from newsloom.analyse.parse import Parse
from newsloom.article import Article, Document, Event
from newsloom.pipeline import Pipeline, registered_stages, stages_through
from newsloom.timex import find_dates

STAGES = (*stages_through("entities"), "events")


@pytest.mark.parametrize(
    ("verb", "nouns", "expected"),
    [
        ("impose", ["sanction"], "163"),
        ("reinstate", ["embargo"], "163"),
        ("withdraw", ["accord"], "161"),
        ("pull", ["deal"], "161"),
        ("withdraw", ["troop"], "087"),
        ("call", ["election"], "034"),
        ("declare", ["independence"], "104"),
        ("speak", ["phone"], "041"),
        ("agree", ["buy"], "061"),
        ("condemn", [], "111"),
        ("blame", [], "112"),
        ("praise", [], "051"),
        ("sign", [], "057"),
        ("arrest", [], "173"),
        ("sack", [], "172"),
        ("invite", [], "036"),
        ("urge", [], "020"),
        ("threaten", [], "130"),
        ("deny", [], "016"),
        ("reject", ["allegation"], "016"),
        ("say", [], None),
        ("eat", ["sanction"], None),
    ],
)
def test_code_for(verb: str, nouns: list[str], expected: str | None) -> None:
    assert code_for(verb, nouns) == expected


def test_lexicon_labels_cover_every_root_and_code() -> None:
    assert sorted(ROOT_LABELS) == [f"{n:02d}" for n in range(1, 21)]
    assert all(root(code) in ROOT_LABELS for code in CODE_LABELS)
    assert label("041") == "discuss by telephone"
    assert label("0412") == ROOT_LABELS["04"]


def test_events_reexports_country_of() -> None:
    # the country cases live in test_scene; callers still import country_of from events
    assert country_of is scene.country_of
    assert country_of(None, "Spanish riot police") == "ESP"


@pytest.fixture(scope="module")
def events_of(parsed: Callable[[str], Parse]) -> Callable[..., tuple[Event, ...]]:
    def run(text: str, published: str | None = None) -> tuple[Event, ...]:
        parse = parsed(text)
        entities, _ = analyse_entities(parse)
        return find_events(parse, entities, find_dates(text, published), published)

    return run


# (sentence, expected code, actor country, target country, modality); our own sentences
CASES = [
    ("Russia condemned the American strike on the airfield.", "111", "RUS", None, "asserted"),
    ("The French president blamed Moscow for the collapse of the talks.", "112", "FRA", "RUS",
     "asserted"),
    ("Germany imposed sanctions on Iran on Monday.", "163", "DEU", "IRN", "asserted"),
    ("Canada did not sign the agreement with Mexico.", "057", "CAN", None, "negated"),
    ("Japan plans to withdraw from the fisheries treaty.", "161", "JPN", None, "intended"),
    ("China said it will invite the Japanese prime minister to Beijing.", "036", "CHN", "JPN",
     "intended"),
    ("Turkey may attack if Syria does not withdraw its troops.", "138", "TUR", "SYR",
     "conditional"),
    ("The Italian premier reportedly spoke with the German chancellor by phone.", "041", "ITA",
     "DEU", "reported"),
    ("Iraq called on Turkey to end the military operation.", "020", "IRQ", "TUR", "asserted"),
    ("Spanish police arrested four Catalan officials.", "173", "ESP", "ESP", "asserted"),
    ("The Egyptian government praised Israel for the ceasefire.", "051", "EGY", "ISR", "asserted"),
    # a demand made by stating what another actor must do
    ("Russia said that Syria must return the captured helicopter.", "100", "RUS", "SYR",
     "asserted"),
    # an intended cooperative act is an intent to cooperate (03)
    ("Canada will send aid to Haiti next month.", "033", "CAN", None, "intended"),
    # an intended attack is a threat
    ("Iran vowed to attack Israel.", "138", "IRN", "ISR", "intended"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code", "actor", "target", "modality"), CASES)
def test_events_in_sentences(
    events_of: Callable[..., tuple[Event, ...]],
    text: str,
    code: str,
    actor: str | None,
    target: str | None,
    modality: str,
) -> None:
    found = [e for e in events_of(text) if e.cameo == code]
    assert found, events_of(text)
    event = found[0]
    assert (event.actor_code or "")[:3] == (actor or "")
    if target is not None:
        assert (event.target_code or "")[:3] == target
    assert event.modality == modality
    assert event.sentence == text and event.start == 0


def test_a_conditional_attack_is_a_threat_not_an_attack(
    events_of: Callable[..., tuple[Event, ...]],
) -> None:
    codes = {e.cameo[:2] for e in events_of("Turkey may attack if Syria does not withdraw.")}
    assert "13" in codes and "19" not in codes


def test_a_call_is_symmetric(events_of: Callable[..., tuple[Event, ...]]) -> None:
    (event,) = [
        e for e in events_of("Merkel spoke with Macron by phone on Tuesday.") if e.cameo == "041"
    ]
    assert event.symmetric
    assert {event.actor, event.target} == {"Merkel", "Macron"}


def test_a_pronoun_actor_is_the_previous_subject(
    events_of: Callable[..., tuple[Event, ...]],
) -> None:
    text = "The Iranian foreign minister arrived in Vienna. He condemned the new sanctions."
    (event,) = [e for e in events_of(text) if e.cameo == "111"]
    assert (event.actor_code or "")[:3] == "IRN"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the sentence's own date, resolved against publication
        ("Poland signed the treaty on Monday.", "2019-03-06", "2019-03-04"),
        # a date of another word (the election) is not the event's date
        ("Poland called an election to be held on 8 June.", None, None),
        # a same-day report in the present perfect takes the publication day
        ("Poland has signed the treaty.", "2019-03-06", "2019-03-06"),
        # a past report without a date stays undated, whatever the publication date
        ("Poland signed the treaty.", "2019-03-06", None),
    ],
)
def test_event_date(
    events_of: Callable[..., tuple[Event, ...]],
    text: str,
    published: str | None,
    expected: str | None,
) -> None:
    found = [e for e in events_of(text, published) if e.cameo in ("057", "034")]
    assert found
    assert found[0].date == expected


def test_events_stage_is_registered_and_runs() -> None:
    stage = registered_stages()["events"]
    assert stage.assigns == ("events",)
    assert set(stage.requires) == {"parse", "entities", "dates", "published"}
    text = "Russia condemned the American strike on the Syrian airfield."
    doc = Document(id="a", source="a", format="text", raw=text, content_hash="h")
    article = Pipeline(STAGES)(doc)
    assert isinstance(article, Article)
    assert [e.cameo for e in article.events] == ["111"]


# --- the scene: home institutions, places, pairs ----------------------------------------------

CATALONIA = "BARCELONA (Reuters) - Spanish police raided polling stations in Catalonia on Sunday. "
SUMMIT_CALL = (
    "US President Donald Trump spoke with Russian President Vladimir Putin by phone on Tuesday. "
)

# (text, sentence of the event, code, actor code, target code): a code is compared on its
# first letters ("ESP" for any Spanish actor, "ESPCOP" for the Spanish police); None: no code
SCENE_CASES = [
    # an unqualified home institution takes the story's country, with its role
    (CATALONIA + "Police fired rubber bullets at the crowd.",
     "Police fired rubber bullets at the crowd.", "175", "ESPCOP", "ESP"),
    # ... and force by the police with no one named falls on the country's civilians
    (CATALONIA + "Police fired rubber bullets.", "Police fired rubber bullets.", "175", "ESPCOP",
     "ESPCVL"),
    # a story with no home leaves the police without a country
    ("Police fired rubber bullets at the crowd.", "Police fired rubber bullets at the crowd.",
     "175", None, None),
    # an attack with no attacker is placed in the country of the town it struck
    ("An attack on the town of Khan Sheikhoun killed 80 people on Tuesday.",
     "An attack on the town of Khan Sheikhoun killed 80 people on Tuesday.", "190", "SYR",
     "SYR"),
    # "they" after a mutual act are its two sides
    (SUMMIT_CALL + "They discussed the war in Syria.", "They discussed the war in Syria.",
     "040", "USA", "RUS"),
    # the act a decision names is done by whoever took the decision; a region declares
    # independence from its state's government
    ("The Spanish Senate met on Friday, hours after the decision taken by the Catalan "
     "parliament to declare independence.",
     "The Spanish Senate met on Friday, hours after the decision taken by the Catalan "
     "parliament to declare independence.", "104", "ESPLEG", "ESPGOV"),
    # a dateline is not the subject: the two leaders after it are (and it is a sentence of
    # its own, apart from the lead)
    ("SINGAPORE (AP) - US President Donald Trump and North Korean leader Kim Jong Un signed a "
     "document on Tuesday.", "US President Donald Trump and North Korean "
     "leader Kim Jong Un signed a document on Tuesday.", "057", "USA", "PRK"),
    # "played no role in" is a denial
    ("Russian President Vladimir Putin said his government played no role in the attack.",
     "Russian President Vladimir Putin said his government played no role in the attack.",
     "016", "RUS", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sentence", "code", "actor", "target"), SCENE_CASES)
def test_events_in_their_scene(
    events_of: Callable[..., tuple[Event, ...]],
    text: str,
    sentence: str,
    code: str,
    actor: str | None,
    target: str | None,
) -> None:
    found = [e for e in events_of(text) if e.cameo == code and e.sentence == sentence]
    assert found, events_of(text)
    event = found[0]
    if actor is None:
        assert event.actor_code is None
    else:
        assert (event.actor_code or "").startswith(actor)
    if target is None:
        assert event.target_code is None
    else:
        assert (event.target_code or "").startswith(target)


def test_a_dateline_is_not_an_actor(events_of: Callable[..., tuple[Event, ...]]) -> None:
    text = (
        "SINGAPORE (AP) - US President Donald Trump and North Korean leader Kim Jong Un signed "
        "a document on Tuesday."
    )
    (event,) = [e for e in events_of(text) if e.cameo == "057"]
    assert (event.actor, event.target) == ("Donald Trump", "Kim Jong Un")


def test_the_two_leaders_are_the_two_most_mentioned_people(
    events_of: Callable[..., tuple[Event, ...]],
) -> None:
    # no mutual act names the pair before "the two leaders"; a third leader is named once
    text = (
        "US President Donald Trump praised Russian President Vladimir Putin after the summit. "
        "Putin thanked Trump. Finnish President Sauli Niinistö hosted the talks. "
        "The two leaders met for two hours in Helsinki."
    )
    found = [e for e in events_of(text) if e.sentence.startswith("The two leaders")]
    assert [e.cameo for e in found] == ["044"]
    assert {found[0].actor, found[0].target} == {"Donald Trump", "Vladimir Putin"}
    assert found[0].symmetric


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Theresa May called for an early election on Tuesday.", "asserted"),
        # the parser reads the surname as the modal auxiliary here
        ("Prime Minister Theresa May called a snap election.", "asserted"),
        # the modal itself still counts
        ("Theresa May may call an early election.", "conditional"),
    ],
)
def test_the_surname_may_is_not_the_modal(
    events_of: Callable[..., tuple[Event, ...]], text: str, modality: str
) -> None:
    (event,) = [e for e in events_of(text) if e.cameo == "034"]
    assert event.actor == "Theresa May"
    assert (event.actor_code or "")[:3] == "GBR"
    assert event.modality == modality


def test_a_harm_said_of_two_countries_targets_both(
    events_of: Callable[..., tuple[Event, ...]],
) -> None:
    text = (
        "The US ambassador said that China and Russia's relationship with North Korea was "
        "harming efforts to end the crisis."
    )
    found = [e for e in events_of(text) if e.cameo == "111"]
    assert {(e.actor_code or "")[:3] for e in found} == {"USA"}
    assert sorted((e.target_code or "")[:3] for e in found) == ["CHN", "RUS"]


def test_a_refusal_and_a_second_act_are_both_events(
    events_of: Callable[..., tuple[Event, ...]],
) -> None:
    text = "The president refused to answer questions and attacked the press for its coverage."
    codes = [e.cameo for e in events_of(text)]
    assert any(c.startswith("12") for c in codes), codes
    # attacking the press for its coverage is criticism, not force
    assert "111" in codes
    assert not any(c.startswith("19") for c in codes)


def test_a_past_tense_act_after_a_refusal_is_its_own_event(
    events_of: Callable[..., tuple[Event, ...]],
) -> None:
    # the parser may join "attacked" to "answer": a past tense is not what "refused to" governs
    text = (
        "Trump refused to answer questions and attacked the press for its coverage of the summit."
    )
    codes = [e.cameo for e in events_of(text)]
    assert "111" in codes, codes


def test_the_decision_taker_declares(events_of: Callable[..., tuple[Event, ...]]) -> None:
    text = (
        "The Spanish Senate met on Friday, hours after the decision taken by the Catalan "
        "parliament to declare independence."
    )
    (event,) = [e for e in events_of(text) if e.cameo == "104"]
    assert (event.actor, event.actor_code, event.target_code) == (
        "Catalan parliament",
        "ESPLEG",
        "ESPGOV",
    )


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        # no object names a party: the country named in the verb's phrase is the target
        ("Serbia lifted a night curfew in Montenegro.", "081", "SRB", "MNE"),
        ("The United Nations will provide food aid to refugees in Liberia.", "033", "IGO", "LBR"),
        ("Turkish police arrested a German journalist in Istanbul.", "173", "TUR", "DEU"),
        ("Russia deployed troops along the border with Ukraine.", "154", "RUS", None),
    ],
)
def test_a_country_in_the_verbs_phrase_is_the_target(
    events_of: Callable[..., tuple[Event, ...]],
    text: str,
    code: str,
    actor: str,
    target: str | None,
) -> None:
    found = [e for e in events_of(text) if e.cameo == code]
    assert found, events_of(text)
    assert (found[0].actor_code or "").startswith(actor)
    if target is not None:
        assert (found[0].target_code or "").startswith(target)
