"""page_metadata: the fields newsloom reads are the ones trafilatura's own metadata step gives."""

from __future__ import annotations

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from newsloom.extract.html import htmldate_params
from newsloom.extract.pagemeta import page_metadata

FIELDS = ("title", "author", "url", "hostname", "sitename", "description", "date")

BODY = (
    "<p>The regional council voted late on Monday to close the old harbour bridge to heavy "
    "traffic, after engineers warned that its steel supports had corroded.</p>"
)
PAGES = {
    "meta tags": f"""<html><head><title>Bridge closes | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta name="author" content="Jane Doe">
<meta name="description" content="The council &amp; the bridge.">
<meta property="article:published_time" content="2019-04-01T21:05:00+02:00">
</head><body><article><h1>Bridge closes</h1>{BODY}</article></body></html>""",
    "json-ld and canonical link": f"""<html><head><title>Bridge closes - example.org</title>
<link rel="canonical" href="/news/2019/04/bridge">
<meta property="og:url" content="https://www.example.org/news/2019/04/bridge">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Bridge closes",
"author": {{"@type": "Person", "name": "John Smith"}}, "datePublished": "2019-04-02"}}
</script></head><body><h1>Bridge closes</h1>{BODY}</body></html>""",
    "byline in the body, one-word meta author, lower-case site name": f"""<html><head>
<title>Bridge closes</title><meta name="author" content="admin">
<meta property="og:site_name" content="@harbourtimes"></head><body>
<div class="byline">By <span class="author">Maria Lopez</span></div>
<p>Published 3 April 2019</p>{BODY}</body></html>""",
    "nothing but text": f"<html><body><div>{BODY}</div><div>{BODY}</div></body></html>",
    "broken json-ld": f"""<html><head><script type="application/ld+json">{{"@type": "Article",
"author": </script></head><body><h2>A second-level title</h2>{BODY}</body></html>""",
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("url", [None, "https://example.com/2020/01/02/story"])
def test_the_fields_read_are_trafilaturas(name: str, url: str | None) -> None:
    html = PAGES[name]
    params = htmldate_params()
    theirs = extract_metadata(load_html(html), url, params, False, set())
    ours = page_metadata(load_html(html), url, params)
    assert {f: getattr(ours, f) for f in FIELDS} == {f: getattr(theirs, f) for f in FIELDS}


def test_the_fields_nobody_reads_are_left_empty() -> None:
    html = PAGES["meta tags"].replace(
        "</head>", '<meta property="article:tag" content="bridges"></head>'
    )
    html = html.replace(BODY, BODY + '<a rel="license" href="https://x.org/cc-by/4.0/">CC</a>')
    ours = page_metadata(load_html(html), None, htmldate_params())
    assert not ours.categories and not ours.license
    assert ours.title == "Bridge closes" and ours.author == "Jane Doe"


def test_the_tree_is_only_read() -> None:
    tree = load_html(PAGES["byline in the body, one-word meta author, lower-case site name"])
    before = len(list(tree.iter()))
    page_metadata(tree, None, htmldate_params())
    assert len(list(tree.iter())) == before
