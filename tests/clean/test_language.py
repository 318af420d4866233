"""Language identification with the py3langid model, loaded once."""

from __future__ import annotations

import pytest
from py3langid.langid import LanguageIdentifier

from newsloom.clean.language import (
    LanguageGuess,
    by_common_words,
    identify,
    identify_language,
    load_identifier,
)


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return load_identifier()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The river authority opened the spillway gates after three days of heavy rain.", "en"),
        (
            "La autoridad del río abrió las compuertas después de tres días de lluvias intensas.",
            "es",
        ),
        ("L'autorité du fleuve a ouvert les vannes après trois jours de fortes pluies.", "fr"),
        ("Die Flussbehörde öffnete die Schleusen nach drei Tagen mit starkem Regen.", "de"),
        ("De rivierbeheerder opende de sluizen na drie dagen met zware regen.", "nl"),
    ],
)
def test_identify_language(identifier: LanguageIdentifier, text: str, expected: str) -> None:
    assert identify_language(text, identifier) == expected


def test_too_short_to_tell(identifier: LanguageIdentifier) -> None:
    assert identify_language("OK 12", identifier) is None
    assert identify_language("", identifier) is None


class _Fixed:
    def __init__(self, label: str) -> None:
        self.label = label

    def classify(self, text: str) -> tuple[str, float]:
        return self.label, 1.0

    def rank(self, text: str) -> list[tuple[str, float]]:
        return [self.classify(text)]


@pytest.mark.parametrize(
    ("label", "expected"),
    [("yue", "zh"), ("arz", "ar"), ("zxx", None), ("und", None), ("pt", "pt"), ("kab", "kab")],
)
def test_codes_become_iso_639_1(label: str, expected: str | None) -> None:
    assert identify_language("enough letters in this sample text", _Fixed(label)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trump met Kim in Singapore on Tuesday. They signed a document.",
        "The deal is done.",
        "May said she would go.",
    ],
)
def test_short_english_stays_english(identifier: LanguageIdentifier, text: str) -> None:
    assert identify(text, identifier).lang == "en"


def test_unsure_model_gives_way_to_common_words() -> None:
    # a model that calls a short English text Nigerian Pidgin, and is not sure of it
    guess = identify("She said that the vote would be held on Thursday.", _Unsure("pcm"))
    assert guess == LanguageGuess("en", "common_words")
    # a sure model on a long text is followed
    long = "She said that the vote would be held on Thursday. " * 10
    assert identify(long, _Fixed("pcm")) == LanguageGuess("pcm", "model")


def test_common_words_need_enough_evidence() -> None:
    assert by_common_words("Rajoy Puigdemont Barcelona") is None
    assert by_common_words("Москва и Киев") is None  # another script: the model decides
    assert by_common_words("el gobierno de la región y los partidos") == "es"


class _Unsure(_Fixed):
    """A model that is not sure: `prob` for its label, the rest for English."""

    def __init__(self, label: str, prob: float = 0.6) -> None:
        super().__init__(label)
        self.prob = prob

    def classify(self, text: str) -> tuple[str, float]:
        return self.label, self.prob

    def rank(self, text: str) -> list[tuple[str, float]]:
        return [(self.label, self.prob), ("en", 1.0 - self.prob)]


@pytest.mark.parametrize(
    "text",
    [
        # Nigerian Pidgin: English function words, a language of its own
        "Di people wey dey market don tell us say dem no go open shop tomorrow.",
        "Na so di matter take start for di village, and nobody fit stop am.",
        "Dem don carry the case go court, but di judge never talk anything.",
        "Wetin you wan make we do now? Di money no dey again for the account.",
    ],
)
def test_words_do_not_overrule_a_model_that_rules_their_language_out(text: str) -> None:
    # the model gives English 0.03: its function words in the text do not make it English
    assert identify(text, _Unsure("pcm", 0.97)) == LanguageGuess("pcm", "model_unsure")


class _Ranked(_Fixed):
    """A model unsure of English that all but rules out `other`."""

    def __init__(self, other: str) -> None:
        super().__init__("en")
        self.other = other

    def classify(self, text: str) -> tuple[str, float]:
        return "en", 0.8

    def rank(self, text: str) -> list[tuple[str, float]]:
        return [("en", 0.8), ("lb", 0.17), (self.other, 0.03)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Traders hung a banner reading 'Non à la vie chère' on the road.", "fr"),
        ("Fans sang 'Et la joie de la fête est à nous' in the square.", "fr"),
        ("He ended with 'y que la paz de los pueblos sea con ellos' on stage.", "es"),
        ("A sign said 'de la de la que en el y los' at the gate.", "es"),
        ("The poster read 'e la vita di tutti che per il paese' in red.", "it"),
    ],
)
def test_quoted_function_words_do_not_overrule_the_model(text: str, quoted: str) -> None:
    assert by_common_words(text) == quoted  # the quoted words alone would decide
    assert identify(text, _Ranked(quoted)) == LanguageGuess("en", "model_unsure")
