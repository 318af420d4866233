"""Temporal expressions: found in the clean body and dated against the publication date.

`find_dates(text, published)` returns `DateExpression(text, start, end, value, granularity)`
rows with offsets into `text`. Finding (`timex.detect`) is a set of precompiled patterns for
the phenomena of English news time; dating (`timex.resolve`) applies the rules of news time
against the article's publication date, never the wall clock, so a result does not depend on
the day the job runs. Values: `YYYY-MM-DD` (day), `YYYY-MM` (month), `YYYY` (year),
`YYYY-Www` (ISO week), `YYYY-Qn` (quarter); a year that cannot be known is `XXXX`; a value the
anchor cannot give is None.

The stage `dates` runs after `published` on English articles.
"""

from __future__ import annotations

from dataclasses import replace

from newsloom.article import Article, DateExpression
from newsloom.clean.prefix import parse_metadata_prefix
from newsloom.pipeline import Context, stage
from newsloom.timex.calendar import Anchor
from newsloom.timex.detect import Mention, find_mentions
from newsloom.timex.resolve import resolve_mentions

__all__ = ["Anchor", "Mention", "find_dates", "find_mentions"]


def find_dates(text: str, published: str | None) -> tuple[DateExpression, ...]:
    """Every date expression of `text`, dated against `published` (ISO day, month, year or None).

    A scraper's metadata prefix (" date 2017-04-18" at the very start) is not part of the page
    and is skipped.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    anchor = Anchor.parse(published)
    _, body_start = parse_metadata_prefix(text)
    mentions = [m for m in find_mentions(text) if m.start >= body_start]
    return resolve_mentions(text, mentions, anchor)


@stage("dates", requires=("text", "published"), assigns=("dates",), language_bound=True)
def dates(article: Article, ctx: Context) -> Article:
    return replace(article, dates=find_dates(article.text, article.published.value))
