"""The web pages as HTML: what each shows, and scraped text escaped everywhere."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient
from tests.serve.conftest import HOSTILE, HOSTILE_TITLE


def _first_story(client: TestClient) -> dict:
    return client.get("/api/stories").json()["items"][0]


def test_story_list_shows_titles_and_counts(client: TestClient) -> None:
    html = client.get("/").text
    for row in client.get("/api/stories").json()["items"]:
        assert f'href="/stories/{row["id"]}"' in html
    first = _first_story(client)
    assert f"{first['independent_sources']}</strong> independent source" in html


def test_story_page_has_every_part(client: TestClient) -> None:
    story = client.get(f"/api/stories/{_first_story(client)['id']}").json()
    r = client.get(f"/stories/{story['id']}")
    assert r.status_code == 200
    html = r.text
    for section in ("summary", "timeline", "network", "quotes", "sources", "conflicts"):
        assert f'id="{section}"' in html
    assert 'class="chart timeline-chart"' in html
    # every article of the story is in the sources table, linked to its page
    for article in story["articles"]:
        assert f'href="/articles/{article}"' in html
    # each citation links to the cited characters in the article
    ev = story["summary"][0]["evidence"][0]
    assert f"/articles/{ev['article']}?start={ev['start']}&amp;end={ev['end']}#cited" in html


def test_citation_popover_holds_the_cited_sentence(client: TestClient) -> None:
    story = client.get(f"/api/stories/{_first_story(client)['id']}").json()
    ev = story["summary"][0]["evidence"][0]
    text = client.get(f"/api/articles/{ev['article']}").json()["text"]
    html = client.get(f"/stories/{story['id']}").text
    marks = [unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", html, flags=re.S)]
    assert text[ev["start"] : ev["end"]] in marks


def test_article_page_highlights_and_cited_span(client: TestClient) -> None:
    row = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    article = client.get(f"/api/articles/{row['id']}").json()
    html = client.get(f"/articles/{row['id']}", params={"start": 0, "end": 20}).text
    assert 'id="cited"' in html
    for kind in ("entity", "quote", "date", "event"):
        if article[f"{kind}s" if kind != "entity" else "entities"]:
            assert f"hl-{kind}" in html
    # the text is all there, in order, once the markup is taken away
    body = re.search(r'<div class="text" id="text">(.*?)</div>', html, flags=re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", body)) == article["text"]


def test_hostile_article_renders_inert(client: TestClient) -> None:
    html = client.get(f"/articles/{HOSTILE['id']}").text
    assert HOSTILE_TITLE not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert" not in html and "</script><script>" not in html
    # a javascript: URL is shown as text, never as a link
    assert 'href="javascript:' not in html
    listing = client.get("/").text + client.get("/search", params={"q": "Rotterdam"}).text
    assert HOSTILE_TITLE not in listing


def test_search_page(client: TestClient) -> None:
    html = client.get("/search", params={"q": "ransomware"}).text
    assert "Halvard" in html
    assert "No article matches" in client.get("/search", params={"q": "zzyzxqwv"}).text
    assert client.get("/search", params={"q": "\x00\x01"}).status_code == 200


def test_missing_pages_are_html_errors(client: TestClient) -> None:
    r = client.get("/stories/nope")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "no story with id" in r.text


def test_static_files_are_the_package_own() -> None:
    from pathlib import Path

    import newsloom.serve

    static = Path(newsloom.serve.__file__).parent / "static"
    assert {p.name for p in static.iterdir()} == {"style.css", "app.js"}
    for name in ("style.css", "app.js"):
        assert "http://" not in (static / name).read_text()
        assert "https://" not in (static / name).read_text()


def test_no_template_marks_anything_safe() -> None:
    from pathlib import Path

    import newsloom.serve

    for template in (Path(newsloom.serve.__file__).parent / "templates").glob("*.html"):
        text = template.read_text().replace(" ", "")
        assert "|safe" not in text and "autoescapefalse" not in text, template.name
        assert "<script>" not in text and "style=" not in text, template.name  # CSP: no inline


def test_only_http_links_are_made() -> None:
    from newsloom.serve.views import safe_url

    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url(" http://example.org ") == "http://example.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example",
                "vbscript:x", "https:/no-host", "", None, "http://[::1"):
        assert safe_url(bad) is None, bad
