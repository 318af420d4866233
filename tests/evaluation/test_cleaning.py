"""Scoring the `clean` stage: the scorer's rules, the dev-set floors, the seed criteria."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsloom.article import Article, Credit, Quality, Removed, RepeatedSentence, SpunMarker
from newsloom.clean.chars import repair
from newsloom.clean.repeats import sentence_key
from newsloom.clean.sentences import split_sentences
from newsloom.evaluation.cleaning import KEPT_FLOOR, REMOVED_FLOOR, score_cleaning
from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import GoldArticle, GoldSet, load_gold
from newsloom.evaluation.runner import run_pipeline


def by_name(figures: list[Figure]) -> dict[str, Figure]:
    return {f.name: f for f in figures}


def gold_article(article_id: str, text: str, **row: Any) -> GoldArticle:
    return GoldArticle(article_id, text, None, None, None, "en", {"id": article_id, **row})


def cleaned(article_id: str, text: str, **fields: Any) -> Article:
    return Article(
        id=article_id,
        source=article_id,
        format="text",
        content_hash="",
        raw="",
        text=text,
        lang="en",
        **fields,
    )


def test_scorer_rules() -> None:
    gold_text = "\n".join([
        "Dam fined",                              # title
        "Hide Ad",                                # boilerplate
        "The dam was fined. The dam was fined.",  # printed twice: kept once
        "World",                                  # boilerplate, also a word of the body
        "World leaders met.",                     # body
        "Counting the cost",                      # body, lost
        "Maybe a caption",                        # uncertain: not scored
    ])  # fmt: skip
    row = {"id": "a", "lines": ["Hide Ad", "World"], "uncertain": ["Maybe a caption"]}
    gold = GoldSet(
        Path("."),
        [gold_article("a", gold_text, title="Dam fined", truncated=True)],
        {"boilerplate": [row]},
    )
    article = cleaned(
        "a",
        "The dam was fined.\nWorld leaders met.",
        title="Dam fined",
        removed=(Removed("The dam was fined.", "repeated_sentence", 19, 37),),
        quality=Quality(truncated=False),
    )
    figures = by_name(score_cleaning(gold, {"a": article}))
    removed = figures["boilerplate lines removed"]
    assert (removed.numerator, removed.denominator) == (2, 2)
    kept = figures["body lines kept"]
    assert (kept.numerator, kept.denominator) == (3, 4)  # title, repeat, "World leaders met."
    assert kept.floor == KEPT_FLOOR
    assert figures["title exact"].value == 1.0
    assert figures["truncated-article agreement"].value == 0.0


def test_scorer_seed_labels() -> None:
    gold = GoldSet(Path("."), [
        gold_article("s1", "x", quality={
            "repeated_sentence": "They agreed to meet again",
            "truncated_sentence": "Later he said U.S.",
            "spun_substitutions": ["Russian Federation (for Russia)", "USA (for U.S.)"],
        }),
        gold_article("s2", "y", credits={"sources": ["River Post", "Delta"]}),
    ])  # fmt: skip
    articles = {
        "s1": cleaned("s1", "x", quality=Quality(
            repeated_sentences=(RepeatedSentence("They agreed to meet again.", 2, 0, 10),),
            spun_markers=(SpunMarker("USA", "U.S.", 0, 3),),
        )),
        "s2": cleaned("s2", "y", quality=Quality(
            credits=(Credit("source", "Delta"), Credit("image", "River Post")),
            spun_markers=(SpunMarker("USA", "U.S.", 0, 3),),
        )),
    }  # fmt: skip
    figures = by_name(score_cleaning(gold, articles))
    assert figures["repeated sentences found"].value == 1.0
    assert figures["truncated sentences found"].value == 0.0
    assert (figures["spun markers found"].numerator, figures["spun markers found"].denominator) == (
        1,
        2,
    )
    assert figures["spun markers in unspun articles"].value == 1
    assert (
        figures["credit sources found"].numerator,
        figures["credit sources found"].denominator,
    ) == (1, 2)


@pytest.fixture(scope="module")
def dev(dev_set: Path) -> tuple[GoldSet, dict[str, Article]]:
    gold = load_gold(dev_set)
    articles, rejections = run_pipeline(gold)
    assert not rejections
    return gold, articles


@pytest.mark.slow
def test_dev_set_floors(dev: tuple[GoldSet, dict[str, Article]]) -> None:
    gold, articles = dev
    figures = by_name(score_cleaning(gold, articles))
    removed = figures["boilerplate lines removed"]
    kept = figures["body lines kept"]
    assert removed.denominator == 65
    assert removed.value is not None and removed.value >= REMOVED_FLOOR
    assert kept.value is not None and kept.value >= KEPT_FLOOR
    non_english = {g.id: g.lang for g in gold.articles if g.lang != "en"}
    assert {i: articles[i].lang for i in non_english} == non_english


@pytest.mark.slow
def test_dev_set_offsets(dev: tuple[GoldSet, dict[str, Article]]) -> None:
    _, articles = dev
    for article in articles.values():
        for t, s, n in article.segments:
            assert article.text[t : t + n] == article.source_text[s : s + n]
        for r in article.removed:
            if r.reason != "over_char_limit":
                assert article.source_text[r.start : r.end] == r.text


@pytest.fixture(scope="module")
def seed_run(seeds: Path) -> tuple[GoldSet, dict[str, Article]]:
    gold = load_gold(seeds)
    articles, rejections = run_pipeline(gold)
    assert not rejections
    return gold, articles


def test_seed_titles(seed_run: tuple[GoldSet, dict[str, Article]]) -> None:
    gold, articles = seed_run
    for g in gold.articles:
        assert articles[g.id].title == g.row["title"]


def test_seed_boilerplate_removed_and_body_kept(
    seed_run: tuple[GoldSet, dict[str, Article]],
) -> None:
    gold, articles = seed_run
    rows = gold.by_article("boilerplate")
    removed = total = 0
    for g in gold.articles:
        article = articles[g.id]
        body_lines = {line.strip() for line in article.text.split("\n")}
        boiler = {repair(line) for row in rows[g.id] for line in row["lines"]}
        total += len(boiler)
        removed += sum(line not in body_lines for line in boiler)
        kept_keys = sentence_key(article.text + " " + (article.title or ""))
        for line in repair(g.text).split("\n"):
            if not line.strip() or line in boiler or line.strip() == g.row["title"]:
                continue
            for sentence in split_sentences(line):
                assert sentence_key(sentence.text) in kept_keys, sentence.text
    # the learned model decides now: the seeds were not learned from, and it misses one kind
    # of line there ("Image placeholder title", scored just under its threshold)
    assert removed / total >= 0.8


def test_seed_000_quality(seed_run: tuple[GoldSet, dict[str, Article]]) -> None:
    gold, articles = seed_run
    g = next(g for g in gold.articles if "quality" in g.row)
    article = articles[g.id]
    q = g.row["quality"]
    # the repeated sentence: one bare copy removed, the two quoted printings kept
    (rep,) = article.quality.repeated_sentences
    assert sentence_key(rep.text) == sentence_key(q["repeated_sentence"])
    repeats = [r for r in article.removed if r.reason == "repeated_sentence"]
    assert len(repeats) == 1
    assert article.text.count(q["repeated_sentence"]) == 1  # the quoted printing (no period)
    # the truncated sentence
    assert any(s.text == q["truncated_sentence"] for s in article.quality.truncated_sentences)
    # every printing of each substituted name is flagged
    for sub in q["spun_substitutions"]:
        name = sub.split(" (", 1)[0]
        printed = len(re.findall(rf"\b{re.escape(name)}\b", article.text))
        flagged = [m for m in article.quality.spun_markers if m.text == name]
        assert printed and len(flagged) == printed


def test_seed_004_credits(seed_run: tuple[GoldSet, dict[str, Article]]) -> None:
    gold, articles = seed_run
    g = next(g for g in gold.articles if "credits" in g.row)
    article = articles[g.id]
    sources = [c.name for c in article.quality.credits if c.role == "source"]
    assert sources[: len(g.row["credits"]["sources"])] == g.row["credits"]["sources"]
    assert any(r.reason == "credits" for r in article.removed)
    assert article.quality.spun_markers == ()
