"""Scoring the publication date: the scorer's rules, the dev-set floor, and htmldate's set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsloom.article import Article, Published
from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import GoldArticle, GoldSet, load_gold
from newsloom.evaluation.published import (
    ACCURACY_FLOOR,
    htmldate_eval_pages,
    sample_pages,
    score_htmldate_eval,
    score_published,
)
from newsloom.evaluation.runner import run_pipeline


def gold_article(article_id: str, published: str | None, basis: str) -> GoldArticle:
    row: dict[str, Any] = {"id": article_id, "published": published, "published_basis": basis}
    return GoldArticle(article_id, "text", None, None, published, "en", row)


def predicted(article_id: str, value: str | None, basis: str = "url") -> Article:
    return Article(
        id=article_id, source=article_id, format="text", content_hash="", raw="",
        published=Published(value, basis, 0.5),  # type: ignore[arg-type]
    )  # fmt: skip


def by_name(figures: list[Figure]) -> dict[str, Figure]:
    return {f.name: f for f in figures}


def test_score_published_rules() -> None:
    gold = GoldSet(
        Path("."),
        [
            gold_article("a", "2019-04-01", "url"),
            gold_article("b", "2019-04", "url"),  # month-level gold
            gold_article("c", "2019-04-02", "page"),
            gold_article("d", None, "none"),
            gold_article("e", None, "none"),
        ],
    )
    articles = {
        "a": predicted("a", "2019-04-01"),
        "b": predicted("b", "2019-04-01"),  # a day where the gold knows only the month: wrong
        "c": predicted("c", "2019-04-02", "dateline"),
        "d": predicted("d", "2019-05", "inferred"),  # a guess is not a false date
        "e": predicted("e", "2019-04-03", "dateline"),  # a false date
    }
    figures = by_name(score_published(gold, articles))
    accuracy = figures["accuracy (gold-dated articles)"]
    assert (accuracy.numerator, accuracy.denominator) == (2, 3)
    assert accuracy.floor == ACCURACY_FLOOR
    false = figures["false dates (gold null, non-inferred value)"]
    assert (false.numerator, false.denominator) == (1, 2)
    assert figures["accuracy, gold basis url"].numerator == 1
    assert figures["accuracy, gold basis page"].numerator == 1
    assert figures["no false date, gold basis none"].numerator == 1


def test_missing_article_counts_as_wrong() -> None:
    gold = GoldSet(Path("."), [gold_article("a", "2019-04-01", "url")])
    figures = by_name(score_published(gold, {}))
    assert figures["accuracy (gold-dated articles)"].value == 0.0


@pytest.mark.slow
def test_dev_set_floor(dev_set: Path) -> None:
    gold = load_gold(dev_set)
    articles, rejections = run_pipeline(gold)
    assert not rejections
    figures = by_name(score_published(gold, articles))
    accuracy = figures["accuracy (gold-dated articles)"]
    assert accuracy.value is not None and accuracy.value >= ACCURACY_FLOOR, accuracy
    assert figures["false dates (gold null, non-inferred value)"].numerator == 0


@pytest.fixture(scope="module")
def htmldate_eval(shared: Path) -> Path:
    path = shared / "data" / "htmldate_eval"
    if not path.is_dir():
        pytest.skip("htmldate_eval is absent")
    return path


def test_htmldate_eval_pages(htmldate_eval: Path) -> None:
    pages = htmldate_eval_pages(htmldate_eval)
    assert len(pages) == 1000
    assert all(p.path.is_file() for p in pages)
    assert sum(p.gold is None for p in pages) == 5  # annotated as having no date
    sample = sample_pages(pages, 50, seed=3)
    assert len(sample) == 50 and sample == sample_pages(pages, 50, seed=3)
    assert sample != pages[:50]
    assert sample_pages(pages, 50) == pages[:50]


@pytest.mark.slow
def test_newsloom_not_below_htmldate(htmldate_eval: Path) -> None:
    """A fixed, seeded sample of 200 pages; `newsloom eval` runs all 1,000."""
    figures = score_htmldate_eval(htmldate_eval, limit=200, seed=0)
    accuracy = {f.system: f for f in figures if f.name == "accuracy"}
    assert accuracy["newsloom"].denominator == accuracy["htmldate"].denominator == 200
    ours, theirs = accuracy["newsloom"].value, accuracy["htmldate"].value
    assert ours is not None and theirs is not None
    assert ours >= theirs, (ours, theirs)
