"""Canonical names across articles."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import newsloom.analyse  # noqa: F401  (registers the stages)
from newsloom.analyse.canonical import (
    CorpusNames,
    apply_corpus_names,
    canonicalise_corpus,
    canonicalise_counts,
    canonicalise_organisations,
    name_counts,
)
from newsloom.article import Article, Entity
from newsloom.evaluation.gold import load_gold
from newsloom.evaluation.runner import gold_document
from newsloom.pipeline import Pipeline


def article(aid: str, *names: tuple[str, str, str | None]) -> Article:
    """An article whose entities are (label, canonical, actor code)."""
    ents = tuple(Entity(n, i, i + 1, label, n, code) for i, (label, n, code) in enumerate(names))
    return Article(id=aid, source=aid, format="text", content_hash=aid, raw="", entities=ents)


def test_a_surname_joins_the_full_name_of_other_articles() -> None:
    corpus = canonicalise_corpus(
        [
            article("a", ("PERSON", "Donald Trump", "USAGOV"), ("PERSON", "Donald Trump", None)),
            article("b", ("PERSON", "Trump", None)),
            article("c", ("PERSON", "Kim Jong Un", "PRKGOV"), ("PERSON", "Kim", None)),
        ]
    )
    assert corpus.name("Trump") == "Donald Trump"
    assert corpus.name("Kim") == "Kim Jong Un"
    assert corpus.codes["Donald Trump"] == "USAGOV"
    fixed = apply_corpus_names(article("b", ("PERSON", "Trump", None)), corpus)
    assert (fixed.entities[0].canonical, fixed.entities[0].actor_code) == (
        "Donald Trump",
        "USAGOV",
    )


def test_an_ambiguous_surname_stays_apart_unless_one_name_dominates() -> None:
    even = canonicalise_corpus(
        [article("a", ("PERSON", "Donald Trump", None), ("PERSON", "Melania Trump", None),
                 ("PERSON", "Trump", None))]
    )  # fmt: skip
    assert even.name("Trump") == "Trump"
    many = [article(str(n), ("PERSON", "Donald Trump", None)) for n in range(6)]
    others = [
        article("m", ("PERSON", "Melania Trump", None)),
        article("t", ("PERSON", "Trump", None)),
    ]
    dominated = canonicalise_corpus([*many, *others])
    assert dominated.name("Trump") == "Donald Trump"
    assert dominated.name("Melania Trump") == "Melania Trump"


def test_a_middle_initial_is_the_same_person() -> None:
    corpus = canonicalise_corpus(
        [article("a", ("PERSON", "Donald Trump", None), ("PERSON", "Donald Trump", None)),
         article("b", ("PERSON", "Donald J. Trump", None))]
    )  # fmt: skip
    assert corpus.name("Donald J. Trump") == "Donald Trump"


@pytest.mark.parametrize(
    ("names", "short", "full"),
    [
        ({"Apple Inc.": 3, "Apple": 1}, "Apple", "Apple Inc."),
        ({"General Motors": 3, "GM": 2}, "GM", "General Motors"),
        ({"European Union": 3, "EU": 2}, "EU", "European Union"),
        ({"Ford Motor Company": 2, "Ford Motor": 1}, "Ford Motor", "Ford Motor Company"),
    ],
)
def test_organisations(names: dict[str, int], short: str, full: str) -> None:
    assert canonicalise_organisations(Counter(names))[short] == full


def test_two_acronym_readings_stay_apart() -> None:
    names = canonicalise_organisations(Counter({"General Motors": 1, "Green Mountain": 1, "GM": 1}))
    assert "GM" not in names


def test_apply_wants_corpus_names() -> None:
    with pytest.raises(TypeError):
        apply_corpus_names(article("a"), {})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        canonicalise_corpus(["not an article"])  # type: ignore[list-item]
    assert isinstance(canonicalise_corpus([]), CorpusNames)


def test_tallied_rows_name_the_corpus_as_the_articles_do() -> None:
    arts = [
        article("a", ("PERSON", "Donald Trump", "USAGOV"), ("PERSON", "Kim Jong Un", "PRKGOV")),
        article("b", ("PERSON", "Trump", None), ("PERSON", "Kim", None), ("GPE", "Iran", "IRN")),
        article("c", ("ORG", "General Motors", "USABUS"), ("ORG", "GM", None)),
    ]
    rows = name_counts(arts)
    assert ("Iran", "GPE", "IRN", 1) not in rows  # only the labels the corpus pass names
    assert sorted(rows) == sorted(
        [("Donald Trump", "PERSON", "USAGOV", 1), ("Kim Jong Un", "PERSON", "PRKGOV", 1),
         ("Trump", "PERSON", None, 1), ("Kim", "PERSON", None, 1),
         ("General Motors", "ORG", "USABUS", 1), ("GM", "ORG", None, 1)]
    )  # fmt: skip
    from_rows = canonicalise_counts(reversed(rows))
    assert from_rows == canonicalise_corpus(arts)
    assert from_rows.resolve("Trump", "PERSON") == ("Donald Trump", "USAGOV")
    assert from_rows.resolve("GM", "ORG") == ("General Motors", "USABUS")
    assert from_rows.resolve("Iran", "GPE") == ("Iran", None)


def test_a_name_in_several_rows_counts_all_its_mentions() -> None:
    """A store tallies one row per (name, label, code): the rows of a name add up."""
    split = [("Donald Trump", "PERSON", "USAGOV", 2), ("Donald Trump", "PERSON", None, 2),
             ("Melania Trump", "PERSON", None, 1), ("Trump", "PERSON", None, 1)]  # fmt: skip
    assert canonicalise_counts(split).name("Trump") == "Donald Trump"  # 4 of 5: dominant
    assert canonicalise_counts(split[1:]).name("Trump") == "Trump"  # 2 of 3: not


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ((("USA", 1), ("USAGOV", 1)), "USAGOV"),  # a tie: the more specific code
        ((("USAGOV", 1), ("USA", 1)), "USAGOV"),  # whatever the order
        ((("USA", 3), ("USAGOV", 1)), "USA"),
    ],
)
def test_the_corpus_code_is_the_commonest(codes: tuple, expected: str) -> None:
    rows = [("Rex Tillerson", "PERSON", code, n) for code, n in codes]
    assert canonicalise_counts(rows).codes == {"Rex Tillerson": expected}


def test_an_organisation_gets_its_corpus_name_and_code() -> None:
    corpus = canonicalise_corpus(
        [article("a", ("ORG", "European Union", "IGOEUREEC")), article("b", ("ORG", "EU", None))]
    )
    fixed = apply_corpus_names(article("b", ("ORG", "EU", None)), corpus)
    assert (fixed.entities[0].canonical, fixed.entities[0].actor_code) == (
        "European Union", "IGOEUREEC"
    )  # fmt: skip
    kept = apply_corpus_names(article("c", ("ORG", "EU", "IGOEUR")), corpus)
    assert kept.entities[0].actor_code == "IGOEUR"  # the article's own code stays


def test_rows_must_be_name_label_code_count() -> None:
    with pytest.raises(TypeError):
        canonicalise_counts([("Trump", "PERSON", None, "1")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        canonicalise_counts([(None, "PERSON", None, 1)])  # type: ignore[list-item]


@pytest.mark.slow
def test_every_trump_of_the_dev_stories_is_donald_trump(dev_set: Path) -> None:
    """ds5-ds8 of the dev set are Trump stories: across them, one person."""
    gold = load_gold(dev_set)
    chosen = [g for g in gold.articles if g.row.get("story") in ("ds5", "ds6", "ds7", "ds8")]
    pipeline = Pipeline(("extract", "clean", "published", "nlp", "entities"))
    arts = [a for g in chosen if isinstance(a := pipeline(gold_document(g)), Article)]
    assert len(arts) == len(chosen) > 20
    arts = [a for a in arts if a.lang == "en"]  # the analysis is English only
    corpus = canonicalise_corpus(arts)
    named = [apply_corpus_names(a, corpus) for a in arts]
    trumps = [e for a in named for e in a.entities if e.text.split()[-1] == "Trump"
              and e.label == "PERSON" and not e.text.startswith(("Melania", "Ivanka"))]  # fmt: skip
    assert len(trumps) > 50
    assert {e.canonical for e in trumps} == {"Donald Trump"}
    assert {e.actor_code for e in trumps} == {"USAGOV"}
