"""`newsloom eval`: run the per-article stages on a gold set and score every stage that exists.

The gold set's own answers (for instance its `published` dates) are never passed to the
pipeline: each gold article goes in as the scraper delivered it (text, URL, outlet).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from newsloom.article import Article, Document
from newsloom.errors import EvalError, Msg, Rejection
from newsloom.evaluation.dates import is_timeline_dir
from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import GoldArticle, GoldSet, is_gold_dir, load_gold
from newsloom.evaluation.story_gold import (
    is_ecbplus_dir,
    is_newswcl_dir,
    load_ecbplus,
    load_newswcl50,
)
from newsloom.hashing import content_hash
from newsloom.pipeline import DEFAULT_STAGES, Pipeline
from newsloom.settings import DEFAULT_SETTINGS, Settings

Scorer = Callable[[GoldSet, dict[str, Article]], list[Figure]]


def gold_document(gold: GoldArticle) -> Document:
    """The input a scraper would have handed over for one gold article (no gold answers)."""
    html = gold.row.get("html")
    raw = html if html is not None else gold.text
    is_html = html is not None or gold.row.get("format") == "html"
    return Document(
        id=gold.id,
        source=f"{gold.id}",
        format="html" if is_html else "text",
        raw=raw,
        content_hash=content_hash(raw),
        url=gold.url,
        outlet=gold.outlet,
    )


def run_pipeline(
    gold: GoldSet, settings: Settings = DEFAULT_SETTINGS
) -> tuple[dict[str, Article], list[Rejection]]:
    """Every gold article through the default stages, in batches (`Pipeline.map`: spaCy
    parses a batch at once, with the same results as one by one)."""
    pipeline = Pipeline(DEFAULT_STAGES, settings)
    articles: dict[str, Article] = {}
    rejections: list[Rejection] = []
    docs = (gold_document(g) for g in gold.articles)
    for g, result in zip(gold.articles, pipeline.map(docs), strict=True):
        if isinstance(result, Rejection):
            rejections.append(result)
        else:
            articles[g.id] = result
    return articles, rejections


def _scorers() -> list[Scorer]:
    from newsloom.evaluation.cameo_dictionary import score_dictionary_events
    from newsloom.evaluation.cleaning import score_cleaning
    from newsloom.evaluation.dates import score_dates
    from newsloom.evaluation.entities import score_entities
    from newsloom.evaluation.events import score_events
    from newsloom.evaluation.published import score_published
    from newsloom.evaluation.quotes import score_quotes
    from newsloom.evaluation.stories import score_stories

    return [
        score_cleaning,
        score_published,
        score_dates,
        score_quotes,
        score_events,
        score_dictionary_events,
        score_entities,
        score_stories,
    ]


def evaluate_gold(path: Path, settings: Settings = DEFAULT_SETTINGS) -> list[Figure]:
    gold = load_gold(path)
    articles, rejections = run_pipeline(gold, settings)
    figures = [
        Figure("run", "articles analysed", len(articles), unit="count"),
        Figure("run", "articles rejected", len(rejections), unit="count"),
    ]
    for scorer in _scorers():
        figures += scorer(gold, articles)
    return figures


def run_eval(
    path: Path, *, limit: int | None = None, settings: Settings = DEFAULT_SETTINGS
) -> list[Figure]:
    """Score whatever kind of gold set `path` is."""
    if not path.exists():
        raise EvalError(Msg.GOLD_MISSING.format(path=path, expected="an existing directory"))
    if is_gold_dir(path):
        return evaluate_gold(path, settings)
    from newsloom.evaluation.polnear_gold import is_polnear_dir

    if is_polnear_dir(path):
        from newsloom.evaluation.polnear import evaluate_polnear

        return evaluate_polnear(path, limit=limit, settings=settings)
    from newsloom.evaluation.pages import is_pages_dir

    if is_pages_dir(path):
        from newsloom.evaluation.boilerplate_pages import score_pages

        return score_pages(path)
    if (path / "eval_default.json").is_file():
        from newsloom.evaluation.published import score_htmldate_eval

        return score_htmldate_eval(path, limit=limit)
    if (path / "intra_cross-doc_annotation").is_dir():
        from newsloom.evaluation.dates import score_timex_meantime
        from newsloom.evaluation.entities import score_meantime_entities

        return score_timex_meantime(path, settings=settings) + score_meantime_entities(
            path, settings=settings
        )
    if is_timeline_dir(path):
        from newsloom.evaluation.dates import score_timex_timeline

        return score_timex_timeline(path, settings=settings)
    if is_ecbplus_dir(path) or is_newswcl_dir(path):
        return evaluate_story_set(path, settings)
    if (path / "PETR.UnitTest.records.xml").is_file() or (path / "PLOVER_GSR_CAMEO.json").is_file():
        from newsloom.evaluation.events import score_cameo_records

        return score_cameo_records(path, settings=settings)
    raise EvalError(
        Msg.GOLD_MISSING.format(
            path=path,
            expected="articles.jsonl (newsloom-dev format), eval_default.json (htmldate_eval), "
            "a PolNeAR folder (metadata.tsv, dev/attributions), "
            "boilerplate_pages (sub-sets with input/ and gold/), "
            "a MEANTIME folder (intra_cross-doc_annotation), a SemEval-2015 Task 4 folder "
            "(SemEval_Task4_data or Corpus-trial-data_task4*, TimeML/CAT) or a folder in one, "
            "or PETRARCH/PLOVER event records, or ECB+ / NewsWCL50 (stories)",
        )
    )


def figures_json(figures: list[Figure]) -> str:
    from dataclasses import asdict

    return json.dumps([asdict(f) for f in figures], indent=2)


#: ECB+ topics (by number mod 3) that story clustering never trained or chose on
ECB_REPORT_REMAINDER = 2


def evaluate_story_set(path: Path, settings: Settings = DEFAULT_SETTINGS) -> list[Figure]:
    """Story figures on ECB+ (its report topics only: the others trained and chose the
    model, see training/story_model.py) or on NewsWCL50 (never used in training)."""
    from newsloom.evaluation.stories import score_story_set

    if is_ecbplus_dir(path):
        full = load_ecbplus(path)
        kept = [a for a in full.articles if int(a.row["topic"]) % 3 == ECB_REPORT_REMAINDER]
        gold = GoldSet(path=path, articles=kept, rows=full.rows)
        note = " (ECB+ report topics, 2 mod 3)"
    else:
        gold = load_newswcl50(path)
        note = " (NewsWCL50)"
    articles, rejections = run_pipeline(gold, settings)
    return [
        Figure("run", "articles analysed", len(articles), unit="count"),
        Figure("run", "articles rejected", len(rejections), unit="count"),
        *score_story_set(gold, articles, note),
    ]
