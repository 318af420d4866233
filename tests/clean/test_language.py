"""Language identification with the py3langid model, loaded once."""

from __future__ import annotations

import pytest
from py3langid.langid import LanguageIdentifier

from newsloom.clean.language import identify_language, load_identifier


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


@pytest.mark.parametrize(
    ("label", "expected"),
    [("yue", "zh"), ("arz", "ar"), ("zxx", None), ("und", None), ("pt", "pt"), ("kab", "kab")],
)
def test_codes_become_iso_639_1(label: str, expected: str | None) -> None:
    assert identify_language("enough letters in this sample text", _Fixed(label)) == expected
