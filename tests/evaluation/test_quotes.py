"""Scoring quotes: the scorer's rules on small gold sets, and the dev-set floors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newsloom.analyse  # noqa: F401  (registers the stages)
from newsloom.article import Article, Quote
from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import GoldArticle, GoldSet, load_gold
from newsloom.evaluation.quotes import MIN_WORDS, names_match, score_quotes
from newsloom.evaluation.runner import gold_document
from newsloom.pipeline import Pipeline

#: what newsloom reaches on ../shared/data/newsloom-dev (the issue asks 0.95, 0.90, 0.90)
DEV_QUOTE_F1 = 0.98
DEV_QUOTE_SPEAKER_F1 = 0.97
DEV_VIA = 0.99

TEXT = (
    'Intro.\n"We will not sign this agreement today, or ever," Anna Kowalski said.\n'
    "Share this\n"
    'Lahti called it "a very big mistake".\n'
)


def gold_set(
    rows: list[dict[str, Any]], *, fmt: str = "text", boilerplate: list[str] = ()
) -> GoldSet:
    row: dict[str, Any] = {"id": "a1", "format": fmt}
    article = GoldArticle("a1", TEXT, None, None, None, "en", row)
    quote_rows = [{"id": "a1", **r} for r in rows]
    return GoldSet(
        Path("."), [article],
        {"quotes": quote_rows, "boilerplate": [{"id": "a1", "lines": list(boilerplate)}]},
    )  # fmt: skip


def gold_row(quote: str, speaker: str, via: str | None = None) -> dict[str, Any]:
    return {"quote": quote, "start": TEXT.index(quote), "speaker": speaker, "via": via}


def prediction(quote: str, speaker: str | None, via: str | None = None) -> Quote:
    start = TEXT.index(quote)
    return Quote(quote, start, start + len(quote), "direct", speaker, speaker, "say", via, 0.9)


def articles(*quotes: Quote) -> dict[str, Article]:
    art = Article(id="a1", source="a1", format="text", content_hash="", raw=TEXT, lang="en",
                  source_text=TEXT, text=TEXT, quotes=quotes)  # fmt: skip
    return {"a1": art}


def figures(gold: GoldSet, arts: dict[str, Article]) -> dict[str, Figure]:
    return {f.name: f for f in score_quotes(gold, arts, compare=False)}


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Donald Trump", "Donald Trump", True),
        ("donald  trump", "Donald Trump", True),
        ("Trump", "Donald Trump", True),  # the surname alone
        ("Kaboré-Sana", "Dramane Kaboré-Sana", False),  # two words: not a lone surname
        ("Kim Jong-un", "Kim Jong Un", True),
        ("Lindsay Graham", "Lindsey Graham", True),  # same surname and initial
        ("the White House", "White House", True),
        ("Élysée Palace", "Elysee Palace", True),
        ("Donald", "Donald Trump", False),
        ("Melania Trump", "Donald Trump", False),
        (None, "Donald Trump", False),
        (None, None, True),
    ],
)
def test_names_match(predicted: str | None, gold: str | None, same: bool) -> None:
    assert names_match(predicted, gold) is same


def test_a_prediction_covering_the_gold_quote_matches() -> None:
    full = "We will not sign this agreement today, or ever,"
    gold = gold_set([gold_row("We will not sign this agreement", "Anna Kowalski")])
    got = figures(gold, articles(prediction(full, "Kowalski")))
    assert got["quote precision"].value == got["quote recall"].value == 1.0
    assert got["speaker accuracy (matched quotes)"].value == 1.0
    assert got["via accuracy (matched quotes)"].value == 1.0


def test_a_prediction_covering_less_than_half_does_not_match() -> None:
    gold = gold_set([gold_row("We will not sign this agreement today, or ever,", "Anna Kowalski")])
    got = figures(gold, articles(prediction("today, or ever,", "Anna Kowalski")))
    assert got["quote recall"].value == 0.0
    # "today, or ever," has fewer than MIN_WORDS words: it is not counted at all
    assert got["quote precision"].denominator == 0 and MIN_WORDS == 4


def test_gold_inclusion_rules_apply_to_predictions() -> None:
    gold = gold_set(
        [gold_row("We will not sign this agreement today, or ever,", "Anna Kowalski")],
        boilerplate=['Lahti called it "a very big mistake".'],
    )
    got = figures(
        gold,
        articles(
            prediction("a very big mistake", "Lahti"),  # in a boilerplate line
            prediction("We will not sign this agreement today, or ever,", None),  # no speaker
        ),
    )
    assert got["quote precision"].denominator == 0
    assert got["quote recall"].value == 0.0


def test_wrong_speaker_and_via_count_against_their_figures_only() -> None:
    gold = gold_set([
        gold_row("We will not sign this agreement today, or ever,", "Anna Kowalski", "Vox"),
        gold_row("a very big mistake", "Jukka Lahti"),
    ])  # fmt: skip
    got = figures(
        gold,
        articles(
            prediction("We will not sign this agreement today, or ever,", "Lahti", "Vox"),
            prediction("a very big mistake", "Lahti", "CNN"),
        ),
    )
    assert got["quote F1"].value == 1.0
    assert (
        got["speaker accuracy (matched quotes)"].numerator,
        got["quote-and-speaker F1"].value,
    ) == (1, 0.5)
    assert got["via accuracy (matched quotes)"].numerator == 1


def test_pairs_are_one_to_one() -> None:
    gold = gold_set([gold_row("a very big mistake", "Jukka Lahti")])
    twice = prediction("a very big mistake", "Lahti")
    got = figures(gold, articles(twice, twice))
    assert (got["quote precision"].numerator, got["quote precision"].denominator) == (1, 2)


def test_html_articles_are_not_scored() -> None:
    gold = gold_set([gold_row("a very big mistake", "Jukka Lahti")], fmt="html")
    got = figures(gold, articles(prediction("a very big mistake", "Lahti")))
    assert got["quote recall"].denominator == 0 and got["quote F1"].value is None


def test_no_gold_quotes_no_figures() -> None:
    gold = GoldSet(Path("."), [], {})
    assert score_quotes(gold, {}) == []


@pytest.fixture(scope="module")
def dev_figures(dev_set: Path) -> dict[tuple[str, str], Figure]:
    gold = load_gold(dev_set)
    pipeline = Pipeline(("extract", "clean", "published", "nlp", "entities", "quotes"))
    arts = {g.id: a for g in gold.articles if isinstance(a := pipeline(gold_document(g)), Article)}
    assert len(arts) == len(gold.articles)
    return {(f.system, f.name): f for f in score_quotes(gold, arts)}


@pytest.mark.slow
def test_dev_set_floors(dev_figures: dict[tuple[str, str], Figure]) -> None:
    assert dev_figures["newsloom", "quote F1"].value >= DEV_QUOTE_F1
    assert dev_figures["newsloom", "quote-and-speaker F1"].value >= DEV_QUOTE_SPEAKER_F1
    assert dev_figures["newsloom", "via accuracy (matched quotes)"].value >= DEV_VIA
    # the floors printed by `newsloom eval` are the targets, and they are met
    for name in ("quote F1", "quote-and-speaker F1", "via accuracy (matched quotes)"):
        fig = dev_figures["newsloom", name]
        assert fig.floor is not None and fig.value >= fig.floor


@pytest.mark.slow
def test_textacy_is_measured_beside_it(dev_figures: dict[tuple[str, str], Figure]) -> None:
    ours, theirs = dev_figures["newsloom", "quote recall"], dev_figures["textacy", "quote recall"]
    assert ours.denominator == theirs.denominator == 173
    assert theirs.floor is None
    assert dev_figures["textacy", "articles given up (odd number of marks)"].value >= 0
    assert dev_figures["newsloom", "quote F1"].value > dev_figures["textacy", "quote F1"].value


def test_indirect_quotes_are_not_scored_as_direct_ones() -> None:
    quote = "We will not sign this agreement today, or ever,"
    gold = gold_set([gold_row(quote, "Anna Kowalski")])
    start = TEXT.index(quote)
    reported = Quote(quote, start, start + len(quote), "indirect", "Kowalski", "Kowalski",
                     "say", "CNN", 0.7)  # fmt: skip
    got = figures(gold, articles(reported))
    assert got["quote precision"].denominator == 0 and got["quote recall"].value == 0.0
    assert got["indirect quotes found"].value == 1
    assert got["indirect quotes with a speaker"].value == 1.0
    assert got["indirect quotes with a via"].value == 1


@pytest.mark.slow
def test_indirect_quotes_on_the_dev_set(dev_figures: dict[tuple[str, str], Figure]) -> None:
    found = dev_figures["newsloom", "indirect quotes found"].value
    assert found is not None and found > 0
    assert dev_figures["newsloom", "indirect quotes with a speaker"].value > 0.5
