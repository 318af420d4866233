"""Publication date: declared, page metadata, URL, dateline, or inferred from the text."""

from __future__ import annotations

from dataclasses import replace

from newsloom.article import Article, Published
from newsloom.pipeline import Context, stage


@stage("published", requires=("text", "declared", "url", "page_meta"), assigns=("published",))
def published(article: Article, ctx: Context) -> Article:
    declared = article.declared.get("published")
    if declared:
        return replace(article, published=Published(str(declared), "declared", 1.0))
    return article
