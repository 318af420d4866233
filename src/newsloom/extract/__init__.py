"""HTML -> body text and page metadata, through trafilatura; plain text passes through.

The stage `extract` assigns `source_text` (the text the cleaning steps work on) and, for HTML,
what the page says about itself: title, author, site name, canonical URL and the date
candidates in `page_meta`.
"""

from __future__ import annotations

from dataclasses import replace

from newsloom.article import Article
from newsloom.extract.html import extract_html
from newsloom.pipeline import Context, stage

__all__ = ["extract_html"]


@stage(
    "extract",
    requires=("raw", "format"),
    assigns=("source_text", "page_meta", "title", "author", "sitename", "url"),
)
def extract(article: Article, ctx: Context) -> Article:
    if article.format == "text":
        return replace(article, source_text=article.raw)
    page = extract_html(article.raw, url=article.url, source=article.source)
    return replace(
        article,
        source_text=page.text,
        page_meta=page.meta,
        title=article.title or page.title,
        author=article.author or page.author,
        sitename=article.sitename or page.sitename,
        url=article.url or page.url,
    )
