"""Publication date: declared, page metadata, URL, dateline, scraper prefix, or inferred.

The stage `published` asks each source in turn, strongest first, and keeps the first that
answers (`Published(value, basis, confidence, evidence)`):

1. `declared`: the input row or `--published` (trusted most);
2. the page itself: for HTML its metadata (`metadata`, see `pubdate.metadata`), then for any
   text a printed dateline or timestamp (`dateline`, see `pubdate.dateline`). When the two
   are one day apart, the printed day wins: it is the reader's local day, where metadata is
   often written in UTC;
3. the URL path (`url`, see `pubdate.url`);
4. the scraper's metadata prefix (`metadata`), used only when page and URL say nothing;
5. an upper bound, as an `inferred` date: the page's last-modified stamp or a printed
   "Updated ..." line, when they are all there is;
6. otherwise an `inferred`, low-confidence date from the text's own mentions, or none.

No source reads the wall clock. A crawl date the input declares is the one upper bound: a
date after it cannot be right, and the next source is asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from newsloom.article import Article, Published
from newsloom.clean.prefix import parse_metadata_prefix
from newsloom.pipeline import Context, stage
from newsloom.pubdate.candidate import Candidate
from newsloom.pubdate.dateline import PUBLISHED, UPDATED, Dateline, find_datelines
from newsloom.pubdate.declared import crawl_date, declared_date, unusable_declared
from newsloom.pubdate.inferred import infer_date, mentioned_years
from newsloom.pubdate.metadata import html_date, modified_bound, prefix_date
from newsloom.pubdate.url import UrlDate, date_from_url

__all__ = ["best_dateline", "resolve_published"]

DATELINE_CONFIDENCE = {PUBLISHED: 0.9}
DEFAULT_DATELINE_CONFIDENCE = 0.85
URL_CONFIDENCE = {"day": 0.85, "month": 0.7}


def best_dateline(datelines: list[Dateline]) -> Dateline | None:
    """A labelled publication stamp wins; else the first stamp line, byline or credit.

    Update stamps never count: the page was published before it was last updated.
    """
    labelled = next((d for d in datelines if d.kind == PUBLISHED), None)
    if labelled is not None:
        return labelled
    return next((d for d in datelines if d.kind != UPDATED), None)


def plausible_url_date(url_date: UrlDate, text: str) -> bool:
    """A six-digit DDMMYY segment is often an id (`/artikel/310144/`): trust it only when it
    does not lie after every year the text mentions."""
    if url_date.shape != "ddmmyy":
        return True
    years = mentioned_years(text)
    return not years or int(url_date.value[:4]) <= max(years) + 1


def resolve_published(article: Article) -> Published:
    """Weigh the sources for one article (see the module doc for the order).

    When the input says when the page was fetched (`declared["crawl_date"]`, a WARC-Date),
    a date after that day cannot be right and the next source is asked.
    """
    declared = declared_date(article.declared)
    if declared is not None:
        return declared.published()
    found = _from_the_page(article)
    unusable = unusable_declared(article.declared)
    if unusable is None:
        return found
    # the input stated a date nobody can read: say so where the date's evidence is kept
    note = f"the declared date {unusable!r} is not a date and was ignored"
    return replace(found, evidence=f"{note}; {found.evidence}" if found.evidence else note)


def _from_the_page(article: Article) -> Published:
    latest = crawl_date(article.declared)
    for candidate in _candidates(article):
        if candidate is not None and _not_after(candidate.value, latest):
            return candidate.published()
    return Published(None, "none", 0.0, f"every date found is after the crawl date {latest}")


def _candidates(article: Article) -> Iterator[Candidate | None]:
    """The sources below `declared`, strongest first, computed only as far as needed."""
    text = article.text or article.source_text
    _, prefix_end = parse_metadata_prefix(text)
    text = text[prefix_end:]
    meta = article.page_meta
    datelines = find_datelines(text)
    dateline = best_dateline(datelines)
    url = date_from_url(article.url) or date_from_url(meta.get("page_url"))
    if url is not None and not plausible_url_date(url, text):
        url = None
    if "dates" in meta or "htmldate" in meta:
        page = html_date(meta, url, dateline)
        if page is not None and dateline is not None and _one_day_apart(page.value, dateline.value):
            page = None  # the printed day is the reader's (local) day; metadata is often UTC
        yield page
    if dateline is not None:
        confidence = DATELINE_CONFIDENCE.get(dateline.kind, DEFAULT_DATELINE_CONFIDENCE)
        yield Candidate(
            dateline.value, "dateline", confidence, f"{dateline.kind} line: {dateline.line[:80]}"
        )
    if url is not None:
        yield Candidate(
            url.value, "url", URL_CONFIDENCE[url.granularity], f"URL path {url.matched}"
        )
    yield prefix_date(meta)
    yield modified_bound(meta)
    yield updated_bound(datelines)
    yield infer_date(text)


def _not_after(value: str | None, latest: str | None) -> bool:
    """False for a date after the day the page was fetched (`latest`), which cannot be right."""
    if value is None or latest is None:
        return True
    return value <= latest[: len(value)]


def _one_day_apart(a: str | None, b: str) -> bool:
    if a is None or len(a) != 10 or len(b) != 10:
        return False
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) == 1


def updated_bound(datelines: list[Dateline]) -> Candidate | None:
    """A printed update stamp ("Updated March 30, 2017") alone: the article appeared on or
    before that day, an inferred date of low confidence."""
    update = next((d for d in datelines if d.kind == UPDATED), None)
    if update is None:
        return None
    return Candidate(
        update.value, "inferred", 0.3, f"only an update stamp is printed: {update.line[:80]}"
    )


@stage("published", requires=("text", "declared", "url", "page_meta"), assigns=("published",))
def published(article: Article, ctx: Context) -> Article:
    return replace(article, published=resolve_published(article))
