"""Role words and international bodies."""

from __future__ import annotations

import pytest

from newsloom.analyse.roles import igo_code, igo_in, role_of


@pytest.mark.parametrize(
    ("words", "role"),
    [
        (["deputy", "foreign", "minister"], "GOV"), (["president"], "GOV"),
        (["senator"], "LEG"), (["senate", "majority", "leader"], "LEG"),
        (["general"], "MIL"), (["army"], "MIL"), (["judge"], "JUD"), (["supreme", "court"], "JUD"),
        (["police"], "COP"), (["intelligence"], "SPY"), (["correspondent"], "MED"),
        (["newspaper"], "MED"), (["ceo"], "BUS"), (["company"], "BUS"),
        (["opposition"], "OPP"), (["rebels"], "REB"), (["professor"], "EDU"),
        # a ministry or department is the executive whatever its field
        (["justice", "department"], "GOV"), (["defence", "ministry"], "GOV"),
        (["the", "weather"], None), ([], None),
    ],
)  # fmt: skip
def test_role_of(words: list[str], role: str | None) -> None:
    assert role_of(words) == role


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the UN Security Council", "IGOUNO"), ("United Nations", "IGOUNO"), ("U.N.", "IGOUNO"),
        ("the European Union", "IGOEUREEC"), ("EU", "IGOEUREEC"),
        ("European Commission", "IGOEUREEC"), ("NATO", "IGOWSTNAT"),
        ("the EU's", "IGOEUREEC"), ("Unilever", None), ("European Cup", None),
    ],
)  # fmt: skip
def test_igo_code(name: str, code: str | None) -> None:
    assert igo_code(name) == code


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ({"united", "nations", "ambassador"}, "IGOUNO"),
        ({"president", "european", "council"}, "IGOEUREEC"),
        ({"united", "states", "ambassador"}, None),
    ],
)
def test_igo_in(words: set[str], code: str | None) -> None:
    assert igo_in(words) == code
