"""HTML -> body text and page metadata, through trafilatura; plain text passes through.

The stage `extract` assigns `source_text` (the text the cleaning steps work on) and, for HTML,
what the page says about itself: title, author, site name, canonical URL and the date
candidates in `page_meta`. With `Settings.html_lines` (and the model deciding), `source_text` is
the whole page flattened into lines (`page_lines`: each line's markup and whether trafilatura kept
it), for the markup line model of the `clean` stage to judge; otherwise it is trafilatura's
text. A plain text is kept as it is; when it starts with the scraper's
metadata prefix (` date YYYY-MM-DD`), that date is recorded in `page_meta` and the text is left
unchanged (the `clean` stage takes the prefix out).
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from newsloom.article import Article
from newsloom.clean.prefix import parse_metadata_prefix
from newsloom.extract.html import Page, extract_html
from newsloom.extract.metadata import date_candidates
from newsloom.pipeline import Context, stage
from newsloom.pubdate.declared import crawl_date

__all__ = ["Page", "date_candidates", "extract_html"]


@stage(
    "extract",
    requires=("raw", "format"),
    assigns=("source_text", "page_meta", "title", "author", "sitename", "url", "page_lines"),
)
def extract(article: Article, ctx: Context) -> Article:
    if article.format == "text":
        value, _ = parse_metadata_prefix(article.raw)
        if value is None:
            return replace(article, source_text=article.raw)
        meta = MappingProxyType({"date": value, "date_source": "scraper_prefix"})
        return replace(article, source_text=article.raw, page_meta=meta)
    page = extract_html(
        article.raw,
        url=article.url,
        latest=crawl_date(article.declared),
        max_elements=ctx.settings.max_html_elements,
        lines=ctx.settings.judges_page_lines,
    )
    if page.lines:
        # the learned line model judges the whole page's lines, trafilatura's verdict a cue
        source, lines = "\n".join(b.text for b in page.lines), page.lines
    else:
        source, lines = page.text, None
    return replace(
        article,
        source_text=source,
        page_lines=lines,
        page_meta=page.meta,
        title=article.title or page.title,
        author=article.author or page.author,
        sitename=article.sitename or page.sitename,
        url=article.url or page.url,
    )
