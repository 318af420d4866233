"""The PLOVER-style JSON event export, and our CAMEO -> PLOVER table tested against the
PLOVER project's own conversion table."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from newsloom.article import Article, Event, Published
from newsloom.hashing import content_hash
from newsloom.store import Store
from newsloom.store.plover import PLOVER_TYPES, event_object, plover_type

TEXT = "Tillerson called Lavrov on Thursday. Russia accused Washington of provocation."


def article(**fields: object) -> Article:
    base = Article(
        id="p1", source="p1", format="text", content_hash=content_hash(TEXT), raw=TEXT,
        text=TEXT, source_text=TEXT, url="https://example.com/p1", outlet="example.com",
        published=Published("2017-12-15", "declared", 1.0),
        events=(
            Event("Tillerson called Lavrov on Thursday.", 0, "Rex Tillerson", "USAGOV", "041",
                  "Sergei Lavrov", "RUSGOV", "2017-12-14", "asserted", 0.8, symmetric=True),
            Event("Russia accused Washington of provocation.", 37, "Russia", "RUS", "112",
                  "United States", "USA", "XXXX-12-14", "reported", 0.6),
            Event("Tillerson called Lavrov on Thursday.", 0, "Rex Tillerson", "USAGOV", "010"),
        ),
    )  # fmt: skip
    return replace(base, **fields)


@pytest.mark.parametrize(
    ("cameo", "plover"),
    [("010", None), ("020", "REQUEST"), ("036", "AGREE"), ("041", "CONSULT"),
     ("057", "SUPPORT"), ("0871", "RETREAT"), ("081", "CONCEDE"), ("112", "ACCUSE"),
     ("138", "THREATEN"), ("141", "PROTEST"), ("163", "SANCTION"), ("191", "COERCE"),
     ("190", "ASSAULT"), ("20", "ASSAULT"), ("", None)],
)  # fmt: skip
def test_plover_type(cameo: str, plover: str | None) -> None:
    assert plover_type(cameo) == plover
    assert plover is None or plover in PLOVER_TYPES


def test_objects() -> None:
    art = article()
    call, accusation, statement = (event_object(art, i, e) for i, e in enumerate(art.events))
    assert (call["event"], call["mode"], call["cameo"], call["date"]) == (
        "CONSULT", "phone", "041", "2017-12-14"
    )  # fmt: skip
    assert call["actor"] == {"name": "Rex Tillerson", "code": "USAGOV", "country": "USA",
                             "sector": "GOV"}  # fmt: skip
    assert call["target"]["country"] == "RUS"
    assert TEXT[call["start"] : call["end"]] == call["text"]
    assert TEXT[accusation["start"] : accusation["end"]] == accusation["text"]
    assert (call["article_id"], call["url"], call["outlet"]) == (
        "p1", "https://example.com/p1", "example.com"
    )  # fmt: skip
    # a year-less event date falls back to the publication date
    assert (accusation["event"], accusation["modality"], accusation["date"]) == (
        "ACCUSE", "reported", "2017-12-15"
    )  # fmt: skip
    assert (call["symmetric"], accusation["symmetric"]) == (True, False)
    assert (statement["event"], statement["target"]) == (None, None)
    assert len({call["id"], accusation["id"], statement["id"]}) == 3
    assert event_object(art, 0, art.events[0]) == call


def test_export_through_the_store(tmp_path: Path) -> None:
    with Store(tmp_path / "p.duckdb") as store:
        store.write([article()])
        n = store.export(tmp_path / "events.json", "plover")
    data = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert n == len(data) == 3
    assert [d["event"] for d in data] == ["CONSULT", "ACCUSE", None]


def test_export_of_no_events_is_an_empty_array(tmp_path: Path) -> None:
    with Store(tmp_path / "p.duckdb") as store:
        store.write([article(events=())])
        assert store.export(tmp_path / "events.json", "plover") == 0
    assert json.loads((tmp_path / "events.json").read_text(encoding="utf-8")) == []


def _reference(shared: Path) -> dict[str, set[str]]:
    """The PLOVER project's CAMEO -> PLOVER table: code -> types (a code may have two)."""
    table: dict[str, set[str]] = {}
    path = shared / "data" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r"(\d{3}):\s*([A-Z]+)", line)
        if found:
            table.setdefault(found[1], set()).add(found[2])
    return table


def test_our_table_agrees_with_the_plover_projects(shared: Path) -> None:
    """Our table is written from the category definitions, not copied: it may differ on a
    few codes, but must agree on nearly all three-digit codes the reference lists."""
    table = _reference(shared)
    assert len(table) > 100
    agree = [code for code, types in table.items() if plover_type(code) in types]
    assert len(agree) / len(table) >= 0.9, sorted(set(table) - set(agree))
