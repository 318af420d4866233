"""Scoring date expressions: the scorer's rules, the dev-set floor, and MEANTIME."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsloom.article import Article, DateExpression
from newsloom.evaluation.dates import (
    COMPARISON,
    VALUE_ACCURACY_FLOOR,
    dated_articles,
    match_spans,
    meantime_files,
    read_meantime,
    score_dates,
    score_timex_meantime,
)
from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import GoldArticle, GoldSet, load_gold


def by_name(figures: list[Figure], system: str = "newsloom") -> dict[str, Figure]:
    return {f.name.split(" (")[0]: f for f in figures if f.system == system}


def test_match_spans_is_one_to_one_by_largest_overlap() -> None:
    gold = [(0, 10), (20, 30), (40, 45)]
    predicted = [(5, 25), (22, 28), (50, 60)]
    assert match_spans(gold, predicted) == {0: 0, 1: 1}


def _article(article_id: str, dates: list[tuple[int, int, str | None]]) -> Article:
    return Article(
        id=article_id, source=article_id, format="text", content_hash="", raw="",
        dates=tuple(DateExpression("x" * (e - s), s, e, v, "day") for s, e, v in dates),
    )  # fmt: skip


def test_score_dates_rules() -> None:
    rows: list[dict[str, Any]] = [
        {"id": "a", "expression": "Friday", "value": "2017-10-27", "start": 0},
        {"id": "a", "expression": "Dec. 14", "value": "XXXX-12-14", "start": 20,
         "alt": ["2017-12-14"]},
        {"id": "a", "expression": "today", "value": None, "start": 40},
        {"id": "a", "expression": "2017", "value": "2017", "start": 60, "in_boilerplate": True},
        {"id": "b", "expression": "Monday", "value": "2018-07-16", "start": 0},
    ]  # fmt: skip
    gold = GoldSet(
        Path("."),
        [GoldArticle(i, "text", None, None, None, "en", {"id": i}) for i in ("a", "b", "c")],
        {"dates": rows},
    )
    articles = {
        # right, right through `alt`, a null found as a date, a boilerplate year found
        "a": _article("a", [(0, 6, "2017-10-27"), (20, 27, "2017-12-14"), (40, 45, "2017-10-27"),
                            (60, 64, "2017"), (80, 84, "2016")]),
        "b": _article("b", []),
        "c": _article("c", [(0, 4, "2017")]),  # not annotated: not counted in precision
    }  # fmt: skip
    figures = by_name(score_dates(gold, articles))
    recall = figures["expression recall"]
    assert (recall.numerator, recall.denominator) == (3, 4)  # the boilerplate row is left out
    precision = figures["expression precision"]
    assert (precision.numerator, precision.denominator) == (4, 5)
    accuracy = figures["value accuracy on matched expressions"]
    assert (accuracy.numerator, accuracy.denominator) == (3, 4)
    assert accuracy.floor == VALUE_ACCURACY_FLOOR
    over_all = figures["value right over all gold rows"]
    assert (over_all.numerator, over_all.denominator) == (2, 4)


@pytest.fixture(scope="module")
def dev_figures(dev_set: Path) -> dict[str, dict[str, Figure]]:
    gold = load_gold(dev_set)
    predicted = score_dates(gold, dated_articles(gold))
    declared = score_dates(gold, dated_articles(gold, declare_published=True))
    return {"predicted": by_name(predicted), "declared": by_name(declared)}


def test_dev_set_floor(dev_figures: dict[str, dict[str, Figure]]) -> None:
    """Issue 5 asks for value accuracy >= 0.90 on the dev set; we hold what we reach."""
    for anchor in ("predicted", "declared"):
        figures = dev_figures[anchor]
        accuracy = figures["value accuracy on matched expressions"].value
        assert accuracy is not None and accuracy >= max(VALUE_ACCURACY_FLOOR, 0.95)
        assert figures["expression recall"].value >= 0.95  # type: ignore[operator]
        assert figures["expression precision"].value >= 0.95  # type: ignore[operator]
        assert figures["value right over all gold rows"].value >= 0.93  # type: ignore[operator]


@pytest.fixture(scope="module")
def meantime(shared: Path) -> Path:
    path = shared / "data" / "meantime"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


def test_read_meantime_document(meantime: Path) -> None:
    files = meantime_files(meantime)
    assert len(files) == 120
    docs = [d for f in files if (d := read_meantime(f)) is not None]
    assert len(docs) == 120
    doc = next(d for d in docs if d.name.startswith("1007169_"))
    assert doc.creation_time == "2013-12-10"
    assert doc.title == "Mary Barra appointed as General Motors chief"
    assert doc.text.startswith("December 10, 2013\nThe United States's largest car manufacturer")
    today = next(t for t in doc.scored if doc.text[t.start : t.end] == "today")
    assert today.value == "2013-12-10"
    assert all(not t.creation for t in doc.scored)


@pytest.mark.slow
def test_meantime_newsloom_beats_dateparser_on_spacy(meantime: Path) -> None:
    figures = score_timex_meantime(meantime)
    ours, theirs = by_name(figures), by_name(figures, COMPARISON)
    for name in ("value right over all gold", "value accuracy on found"):
        assert ours[name].value >= theirs[name].value, name  # type: ignore[operator]
    assert ours["value accuracy on found"].value >= 0.90  # type: ignore[operator]
    assert ours["value right over all gold"].value >= 0.78  # type: ignore[operator]
    assert ours["precision"].value >= 0.95  # type: ignore[operator]
