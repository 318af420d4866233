"""Publication date: declared, page metadata, URL, dateline, scraper prefix, or inferred.

The stage `published` asks each source in turn, strongest first, and keeps the first that
answers (`Published(value, basis, confidence, evidence)`):

1. `declared`: the input row or `--published` (trusted most);
2. the page itself: for HTML its metadata (`metadata`, see `pubdate.metadata`), then for any
   text a printed dateline or timestamp (`dateline`, see `pubdate.dateline` and, for a wire
   dateline with its year, `pubdate.wire`). When the two are one day apart, the printed day
   wins: it is the reader's local day, where metadata is often written in UTC. A stamp line
   that only prints a date and disagrees with the URL's day is the site's date widget (today's
   date in the header), not the article's: it is passed over. Labelled stamps and bylines are
   read also from the head lines the cleaning took out as page furniture;
3. the URL path (`url`, see `pubdate.url`);
4. an age stamp ("3 hours ago") dated from the crawl time the input declares (`relative`);
5. the scraper's metadata prefix (`metadata`), used only when page and URL say nothing;
6. an upper bound, as an `inferred` date: the page's last-modified stamp or a printed
   "Updated ..." line, when they are all there is;
7. otherwise an `inferred`, low-confidence date from the text's own mentions, or none.

The prefix, a crawl date and the bounds of 6 are days on which the page already existed: when
the text opens with a year-less wire dateline ("LAGOS, March 3 (Reuters) -") that falls a few
days before one of them, the dateline's day is taken instead (`pubdate.wire`).

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
from newsloom.pubdate.dateline import (
    BYLINE,
    HEAD_LINES,
    PUBLISHED,
    TIMESTAMP,
    UPDATED,
    Dateline,
    find_datelines,
)
from newsloom.pubdate.declared import crawl_date, declared_date, unusable_declared
from newsloom.pubdate.inferred import infer_date, mentioned_years
from newsloom.pubdate.metadata import html_date, modified_bound, prefix_date
from newsloom.pubdate.relative import relative_stamp
from newsloom.pubdate.slashed import day_first_site
from newsloom.pubdate.url import UrlDate, date_from_url
from newsloom.pubdate.wire import DATELINE, WireDay, day_before, find_place_dateline, find_wire_day

__all__ = ["best_dateline", "resolve_published"]

DEFAULT_DATELINE_CONFIDENCE = 0.85
URL_CONFIDENCE = {"day": 0.85, "month": 0.7}


DATELINE_CONFIDENCE = {PUBLISHED: 0.9}
#: a stamp read from the age it prints ("3 hours ago") and the declared crawl time
RELATIVE_CONFIDENCE = 0.6
#: a year-less wire dateline dated by a later day the input gives
WIRE_CONFIDENCE = 0.75
#: stamps trusted also on lines the cleaning removed: they say what they are
_SAYS_WHAT_IT_IS = frozenset({PUBLISHED, UPDATED, BYLINE, DATELINE})


def best_dateline(datelines: list[Dateline], url: UrlDate | None = None) -> Dateline | None:
    """A labelled publication stamp wins; else the first stamp line, byline or credit.

    Update stamps never count: the page was published before it was last updated. A bare
    stamp line that disagrees with the URL's day is a site's date widget (lemonde.fr,
    mercurynews.com, denverpost.com, inquirer.com, heartlandnewsfeed.com print today's date
    in their header, in ../shared/data/htmldate_eval), not the article's date.
    """
    labelled = next((d for d in datelines if d.kind == PUBLISHED), None)
    if labelled is not None:
        return labelled
    day = url.value if url is not None and url.granularity == "day" else None
    return next(
        (
            d for d in datelines
            if d.kind != UPDATED and not (d.kind == TIMESTAMP and day and d.value != day)
        ),
        None,
    )  # fmt: skip


def page_datelines(text: str, kept: str, day_first: bool | None) -> list[Dateline]:
    """The stamps of `text` (the page's text before cleaning, without the scraper's prefix):
    on the lines the cleaning kept (`kept`), every kind; on the head lines it took out as
    furniture (a byline, "Posted: 07.04.2017 | 11:20"), the stamps that say what they are."""
    kept_lines = {line.strip() for line in kept.split("\n")}
    found = find_datelines(text, day_first)
    place = find_place_dateline(text)
    if place is not None and all(d.start != place.start for d in found):
        found = sorted([*found, place], key=lambda d: d.start)
    head_end = _head_end(text)
    return [
        d for d in found
        if d.line in kept_lines or (d.kind in _SAYS_WHAT_IT_IS and d.start < head_end)
    ]  # fmt: skip


def _head_end(text: str) -> int:
    """The offset where the head (the first HEAD_LINES lines with text) ends."""
    seen = 0
    offset = 0
    for line in text.split("\n"):
        offset += len(line) + 1
        if line.strip():
            seen += 1
            if seen == HEAD_LINES:
                break
    return offset


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
    kept = article.text or article.source_text
    source = article.source_text or kept
    _, prefix_end = parse_metadata_prefix(source)
    source = source[prefix_end:]
    _, kept_prefix = parse_metadata_prefix(kept)
    text = kept[kept_prefix:]
    meta = article.page_meta
    url = date_from_url(article.url) or date_from_url(meta.get("page_url"))
    if url is not None and not plausible_url_date(url, text):
        url = None
    datelines = page_datelines(source, text, day_first_site(article.url))
    dateline = best_dateline(datelines, url)
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
    aged = relative_stamp(source, article.declared)
    if aged is not None:
        evidence = f"age stamp {aged[1][:60]!r}, from the crawl time"
        yield Candidate(aged[0], "dateline", RELATIVE_CONFIDENCE, evidence)
    wire = find_wire_day(source)
    yield _dated_by_wire(prefix_date(meta), wire)
    yield _dated_by_wire(modified_bound(meta), wire)
    yield _dated_by_wire(updated_bound(datelines), wire)
    latest = crawl_date(article.declared)
    if wire is not None and latest is not None:
        yield _dated_by_wire(Candidate(latest, "inferred", 0.0, "the crawl date"), wire, keep=False)
    yield infer_date(text)


def _dated_by_wire(
    bound: Candidate | None, wire: WireDay | None, *, keep: bool = True
) -> Candidate | None:
    """`bound` (a day the page already existed), or the year-less wire dateline's day when it
    falls a few days before it; `keep=False` drops a bound the dateline does not date."""
    if bound is None or bound.value is None or wire is None:
        return bound if keep else None
    day = day_before(wire, bound.value)
    if day is None or day == bound.value:
        return bound if keep or day else None
    return Candidate(
        day, "dateline", WIRE_CONFIDENCE, f"dateline {wire.line[:60]!r} before {bound.evidence}"
    )


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
