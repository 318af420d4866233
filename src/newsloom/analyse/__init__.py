"""Analysis of the clean text: the spaCy parse, entities, and quotes with their speakers.

Stages (English only, `language_bound`):

* `nlp`: runs the spaCy pipeline once on `text` and keeps the result as `Article.parse`, a
  light picklable structure (see `parse`), for every later analysis stage;
* `entities`: named entities corrected for news, with canonical names for people;
* `quotes`: direct and partial quotes, with speaker, cue verb and the outlet credited.

Importing this package registers the stages. A chain looks like
``Pipeline(("extract", "clean", "published", "nlp", "entities", "quotes"))``; `published`
is optional, and when it ran its year decides who held an office ("Putin's office").
"""

from __future__ import annotations

from dataclasses import replace

from newsloom.analyse.descriptions import description_entities
from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.parse import Parse, parse_text, parse_texts
from newsloom.analyse.quotes import extract_quotes
from newsloom.article import Article
from newsloom.pipeline import Context, stage

__all__ = ["analyse_entities", "extract_quotes", "parse_of"]


def parse_of(article: Article, ctx: Context) -> Parse:
    """The article's parse, made now if no `nlp` stage made it for this very text."""
    parse = article.parse
    if parse is None or parse.text != article.text:
        parse = parse_text(article.text, ctx)
    return parse


def _year(article: Article) -> int | None:
    """The article's year: its publication year, else the latest year its dates name (news
    writes of its own time: "the 2016 election", "in March 2018")."""
    value = article.published.value
    if value and value[:4].isdigit():
        return int(value[:4])
    years = [int(d.value[:4]) for d in article.dates if d.value and d.value[:4].isdigit()]
    return max(years) if years else None


def _nlp_batch(articles: list[Article], ctx: Context) -> list[Article]:
    # One `nlp.pipe` over many articles: spaCy batches its work, the results are the same.
    parses = parse_texts([a.text for a in articles], ctx)
    return [replace(a, parse=p) for a, p in zip(articles, parses, strict=True)]


@stage("nlp", requires=("text",), assigns=("parse",), language_bound=True, batch=_nlp_batch)
def nlp(article: Article, ctx: Context) -> Article:
    return replace(article, parse=parse_text(article.text, ctx))


@stage("entities", requires=("parse",), assigns=("entities",), language_bound=True)
def entities(article: Article, ctx: Context) -> Article:
    parse = parse_of(article, ctx)
    found, people = analyse_entities(parse, _year(article))
    found += description_entities(parse, people, found, _year(article))
    found.sort(key=lambda e: (e.start, e.end))
    return replace(article, entities=tuple(found), people=people)


@stage("quotes", requires=("parse",), assigns=("quotes",), language_bound=True)
def quotes(article: Article, ctx: Context) -> Article:
    parse = parse_of(article, ctx)
    people = article.people if article.parse is parse else None
    if people is None:  # no entities stage ran on this very parse
        _, people = analyse_entities(parse, _year(article))
    return replace(article, quotes=extract_quotes(parse, people, year=_year(article)))


# Registers the `events` stage (its module reads the parse made above).
from newsloom.analyse import events as _events  # noqa: E402, F401
