"""The GDELT 2.0 event export: columns, codes, dates and the file itself."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from newsloom.article import Article, Event, Published
from newsloom.hashing import content_hash
from newsloom.store import Store
from newsloom.store.gdelt import COLUMNS, event_id, event_row, quad_class, split_code

TEXT = (
    "Tillerson called Lavrov on Thursday.\n\n"
    "Russia later accused Washington of provoking North Korea."
)


def article(n: int = 1, **fields: object) -> Article:
    base = Article(
        id=f"g{n}", source=f"g{n}", format="text", content_hash=content_hash(f"{TEXT}{n}"),
        raw=TEXT, text=TEXT, source_text=TEXT, url=f"https://example.com/{n}",
        published=Published("2017-12-15", "declared", 1.0),
        events=(
            Event("Tillerson called Lavrov on Thursday.", 0, "Rex Tillerson", "USAGOV", "041",
                  "Sergei Lavrov", "RUSGOV", "2017-12-14", "asserted", 0.8),
            Event("Russia later accused Washington of provoking North Korea.", 38, "Russia",
                  "RUS", "112", "United States", "USA", None, "asserted", 0.6),
            Event("Tillerson called Lavrov on Thursday.", 0, "UN Security Council", "IGOUNO",
                  "1831", None, None, "XXXX-12-14"),
        ),
    )  # fmt: skip
    return replace(base, **fields)


def test_the_columns_are_gdelts_61_in_order() -> None:
    assert len(COLUMNS) == len(set(COLUMNS)) == 61
    assert COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert COLUMNS[5:8] == ("Actor1Code", "Actor1Name", "Actor1CountryCode")
    assert COLUMNS[25:31] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale",
    )  # fmt: skip
    assert COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


@pytest.mark.parametrize(
    ("cameo", "quad"),
    [("010", 1), ("0431", 1), ("057", 1), ("06", 2), ("087", 2), ("09", 3), ("112", 3),
     ("138", 3), ("14", 4), ("163", 4), ("190", 4), ("20", 4), ("", None), ("99", None)],
)  # fmt: skip
def test_quad_class(cameo: str, quad: int | None) -> None:
    assert quad_class(cameo) == quad


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("USAGOV", {"Code": "USAGOV", "CountryCode": "USA", "Type1Code": "GOV"}),
        ("rus", {"Code": "RUS", "CountryCode": "RUS"}),
        ("PRKMILGOV", {"Code": "PRKMILGOV", "CountryCode": "PRK", "Type1Code": "MIL",
                       "Type2Code": "GOV"}),
        ("IGOUNO", {"Code": "IGOUNO", "Type1Code": "IGO", "KnownGroupCode": "UNO"}),
        ("GOV", {"Code": "GOV", "Type1Code": "GOV"}),
        (None, {}),
    ],
)  # fmt: skip
def test_split_code(code: str | None, parts: dict[str, str]) -> None:
    assert split_code(code) == parts


def test_rows() -> None:
    art = article()
    first, second, third = (event_row(art, i, e) for i, e in enumerate(art.events))
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20171214", "201712", "2017")
    assert first["FractionDate"] == f"{2017 + 348 / 365:.4f}"
    assert (first["Actor1Name"], first["Actor2Code"], first["Actor2CountryCode"]) == (
        "Rex Tillerson", "RUSGOV", "RUS"
    )  # fmt: skip
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "041", "041", "04"
    )  # fmt: skip
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumArticles"]) == ("1", "", "1")
    # the first paragraph holds the root event
    assert (first["IsRootEvent"], second["IsRootEvent"]) == ("1", "0")
    # no event date (or a year-less one): the publication date
    assert second["SQLDATE"] == third["SQLDATE"] == "20171215"
    assert third["Actor1KnownGroupCode"] == "UNO" and third["Actor2Code"] == ""
    # DATEADDED is the publication date, never the wall clock
    assert first["DATEADDED"] == "20171215000000"
    assert first["SOURCEURL"] == "https://example.com/1"


def test_ids_are_stable_and_distinct() -> None:
    assert event_id("g1", 0) == event_id("g1", 0) > 0
    assert len({event_id("g1", 0), event_id("g1", 1), event_id("g2", 0)}) == 3
    assert event_id("g1", 0) < 2**63


def test_no_dates_leaves_the_date_columns_empty() -> None:
    art = article(published=Published())
    row = event_row(art, 1, art.events[1])
    assert row["SQLDATE"] == row["Year"] == row["DATEADDED"] == ""


def test_export_through_the_store(tmp_path: Path) -> None:
    bare = replace(article(2), events=())
    with Store(tmp_path / "g.duckdb") as store:
        store.write([article(1), bare])
        n = store.export(tmp_path / "events.tsv", "gdelt")
    with (tmp_path / "events.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert n == 3 and len(rows) == 4
    assert tuple(rows[0]) == COLUMNS
    assert all(len(r) == 61 for r in rows)
    assert [r[COLUMNS.index("EventCode")] for r in rows[1:]] == ["041", "112", "1831"]
