"""Idiomatic wordings of every CAMEO root family: at least 80% coded to the right root.

The sentences (`idioms.py`) are invented by us, twenty or more per root family; a sentence is
right when its first event (the answer a one-sentence record gets in `newsloom eval`) has the
family's root.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.events import find_events
from newsloom.analyse.parse import Parse
from newsloom.timex import find_dates

from .idioms import IDIOMS

#: the share of each family's sentences that must come out right
FLOOR = 0.8


@pytest.fixture(scope="module")
def first_root(parsed: Callable[[str], Parse]) -> Callable[[str], str | None]:
    def run(text: str) -> str | None:
        parse = parsed(text)
        entities, _ = analyse_entities(parse)
        events = find_events(parse, entities, find_dates(text, None), None)
        return events[0].cameo[:2] if events else None

    return run


def test_every_family_has_twenty_wordings() -> None:
    assert sorted(IDIOMS) == [f"{k:02d}" for k in range(1, 21)]
    assert all(len(set(v)) >= 20 for v in IDIOMS.values())


@pytest.mark.parametrize("family", sorted(IDIOMS))
def test_idioms_of_a_family(first_root: Callable[[str], str | None], family: str) -> None:
    wrong = [(s, first_root(s)) for s in IDIOMS[family]]
    wrong = [(s, got) for s, got in wrong if got != family]
    right = len(IDIOMS[family]) - len(wrong)
    assert right / len(IDIOMS[family]) >= FLOOR, wrong
