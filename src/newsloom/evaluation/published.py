"""Scorers for the publication date: a newsloom-format gold set, and htmldate's evaluation set.

* `score_published`: exact-string accuracy on the gold articles that have a `published` (a
  month-level gold `2017-10` must be predicted as `2017-10`), the false dates (gold null, but
  newsloom states a non-inferred date) and a breakdown by the gold's `published_basis`. The
  articles must have been analysed without the gold date (see `evaluation.runner`).
* `score_htmldate_eval`: htmldate's own evaluation pages (`eval_default.json` and
  `eval_mediacloud_2020.json`, 1,000 HTML pages with their URLs), run through newsloom's
  extract -> clean -> published path and through htmldate alone in the same run, day-exact.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsloom.article import Article, Document
from newsloom.errors import EvalError, Msg, Rejection
from newsloom.evaluation.figures import Figure, ratio
from newsloom.evaluation.gold import GoldSet
from newsloom.hashing import content_hash
from newsloom.pipeline import Pipeline
from newsloom.settings import DEFAULT_SETTINGS, Settings

SECTION = "publication date"
HTMLDATE_SECTION = "publication date (htmldate_eval, day-exact)"
ACCURACY_FLOOR = 0.95
EVAL_FILES = ("eval_default.json", "eval_mediacloud_2020.json")
PAGE_DIRS = ("eval", "cache", "test_set")


def score_published(gold: GoldSet, articles: dict[str, Article]) -> list[Figure]:
    """Accuracy on dated gold articles, false dates on undated ones, and the breakdown by basis."""
    dated = [g for g in gold.articles if g.published is not None]
    undated = [g for g in gold.articles if g.published is None]

    def predicted(article_id: str) -> Article | None:
        return articles.get(article_id)

    correct = [g for g in dated if (a := predicted(g.id)) and a.published.value == g.published]
    false = [g for g in undated if _states_date(predicted(g.id))]
    figures = [
        Figure(
            SECTION,
            "accuracy (gold-dated articles)",
            ratio(len(correct), len(dated)),
            len(correct),
            len(dated),
            floor=ACCURACY_FLOOR,
        ),
        Figure(
            SECTION,
            "false dates (gold null, non-inferred value)",
            ratio(len(false), len(undated)),
            len(false),
            len(undated),
        ),
    ]
    by_basis: dict[str, list[bool]] = defaultdict(list)
    for g in gold.articles:
        basis = g.row.get("published_basis")
        if not basis:
            continue
        article = predicted(g.id)
        if g.published is not None:
            by_basis[basis].append(bool(article) and article.published.value == g.published)
        else:
            by_basis[basis].append(not _states_date(article))
    for basis in sorted(by_basis):
        hits = by_basis[basis]
        what = "no false date" if basis == "none" else "accuracy"
        score = ratio(sum(hits), len(hits))
        figures.append(Figure(SECTION, f"{what}, gold basis {basis}", score, sum(hits), len(hits)))
    return figures


def _states_date(article: Article | None) -> bool:
    """The article states a publication date (an inferred one is a guess, not a statement)."""
    return bool(article and article.published.value and article.published.basis != "inferred")


@dataclass(frozen=True, slots=True)
class EvalPage:
    url: str
    path: Path
    #: the annotated day, or None for the few pages annotated as having no date
    gold: str | None


def htmldate_eval_pages(root: Path) -> list[EvalPage]:
    """The annotated pages of htmldate's evaluation set, in file order (default, then 2020)."""
    if not all((root / name).is_file() for name in EVAL_FILES):
        raise EvalError(Msg.GOLD_MISSING.format(path=root, expected=" and ".join(EVAL_FILES)))
    pages = []
    for name in EVAL_FILES:
        for url, entry in json.loads((root / name).read_text(encoding="utf-8")).items():
            candidates = (root / folder / entry["file"] for folder in PAGE_DIRS)
            path = next((c for c in candidates if c.is_file()), None)
            if path is None:
                raise EvalError(f"{root / name}: page file {entry['file']!r} not found")
            day = entry.get("date")
            gold = day if isinstance(day, str) and not _is_nan(day) else None
            pages.append(EvalPage(url, path, gold))
    return pages


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def sample_pages(
    pages: list[EvalPage], limit: int | None, seed: int | None = None
) -> list[EvalPage]:
    """All pages; or the first `limit`; or, with a seed, a fixed sample of `limit` of them
    (the same sample for the same seed, spread over both files)."""
    if limit is None or limit >= len(pages):
        return pages
    if seed is None:
        return pages[:limit]
    chosen = sorted(random.Random(seed).sample(range(len(pages)), limit))
    return [pages[i] for i in chosen]


DATE_STAGES = ("extract", "clean", "published")


def _newsloom_dates(
    pages: list[EvalPage], settings: Settings
) -> Iterator[tuple[str | None, bool]]:
    from newsloom.ingest.decode import decode_bytes

    # the stages that decide the publication date; the language model adds nothing to it
    pipeline = Pipeline(DATE_STAGES, settings)
    for n, page in enumerate(pages):
        html = decode_bytes(page.path.read_bytes())
        doc = Document(
            id=f"h{n}",
            source=str(page.path),
            format="html",
            raw=html,
            content_hash=content_hash(html),
            url=page.url,
        )
        result = pipeline(doc)
        if isinstance(result, Rejection):
            yield None, True
        else:
            yield result.published.value, False


def score_htmldate_eval(
    path: Path,
    *,
    limit: int | None = None,
    seed: int | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Figure]:
    """Day-exact accuracy of newsloom and of htmldate alone on the same pages, same run.

    `limit` keeps the first pages, or a seeded sample when `seed` is given (see `sample_pages`).
    A page annotated with no date counts as right when the system gives none. htmldate is
    called as its documentation advises for publication dates
    (`find_date(html, url=url, original_date=True)`) on the page bytes.
    """
    from htmldate import find_date

    pages = sample_pages(htmldate_eval_pages(Path(path)), limit, seed)
    started = time.perf_counter()
    ours = list(_newsloom_dates(pages, settings))
    ours_seconds = time.perf_counter() - started

    started = time.perf_counter()
    theirs = [
        find_date(p.path.read_bytes(), url=p.url, original_date=True, outputformat="%Y-%m-%d")
        for p in pages
    ]
    theirs_seconds = time.perf_counter() - started

    n = len(pages)
    ours_ok = sum(value == p.gold for (value, _), p in zip(ours, pages, strict=True))
    theirs_ok = sum(value == p.gold for value, p in zip(theirs, pages, strict=True))
    rejected = sum(rej for _, rej in ours)
    both = sum(
        o == p.gold and t == p.gold for (o, _), t, p in zip(ours, theirs, pages, strict=True)
    )
    return [
        Figure(HTMLDATE_SECTION, "pages", n, unit="count"),
        Figure(HTMLDATE_SECTION, "accuracy", ratio(ours_ok, n), ours_ok, n, system="newsloom"),
        Figure(HTMLDATE_SECTION, "accuracy", ratio(theirs_ok, n), theirs_ok, n, system="htmldate"),
        Figure(HTMLDATE_SECTION, "right in both", ratio(both, n), both, n),
        Figure(HTMLDATE_SECTION, "pages rejected (no text)", rejected, unit="count"),
        Figure(HTMLDATE_SECTION, "ms per page", 1000 * ours_seconds / max(n, 1), unit="ms"),
        Figure(
            HTMLDATE_SECTION,
            "ms per page",
            1000 * theirs_seconds / max(n, 1),
            unit="ms",
            system="htmldate",
        ),
    ]
