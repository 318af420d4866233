"""CAMEO events: our lexicon, and actor, action, target, modality and date read from a parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.cameo import CODE_LABELS, ROOT_LABELS, code_for, label, root
from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.events import country_of, find_events
from newsloom.analyse.parse import Parse
from newsloom.article import Article, Document, Event
from newsloom.pipeline import Pipeline, registered_stages
from newsloom.timex import find_dates

STAGES = ("extract", "clean", "published", "dates", "nlp", "entities", "events")


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


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Russian Federation", "", "RUS"),
        ("the U.S.", "", "USA"),
        (None, "the Trump administration's Washington", "USA"),
        (None, "Spanish riot police", "ESP"),
        ("Vladimir Putin", "", None),
        ("Amazon", "", None),
    ],
)
def test_country_of(name: str | None, context: str, expected: str | None) -> None:
    assert country_of(name, context) == expected


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
