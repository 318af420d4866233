"""The web UI in a real browser: Debian's Chromium driven by Playwright, against a live server
on 127.0.0.1. Opens the story list, a story, a citation, a search, and the hostile article
(no dialog may open). Writes the README's screenshots to docs/.

Playwright never downloads a browser here: it launches /usr/bin/chromium (`.ci/run` installs
Debian's package), with the network features of the browser itself turned off.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.serve.conftest import HOSTILE, HOSTILE_TITLE, LiveServer

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
DOCS = REPO / "docs"

pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is missing (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live: LiveServer) -> Iterator:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=live.url)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def _showcase(live: LiveServer) -> dict:
    """The story with the most to show (conflicts, copies, a long timeline)."""
    import httpx

    rows = httpx.get(f"{live.url}/api/stories").json()["items"]
    stories = [httpx.get(f"{live.url}/api/stories/{r['id']}").json() for r in rows]
    return max(stories, key=lambda s: (10 * len(s["conflicts"]) + 5 * len(s["duplicates"])
                                       + len(s["timeline"])))  # fmt: skip


def test_story_list(page, live: LiveServer) -> None:
    import httpx

    expected = httpx.get(f"{live.url}/api/stories").json()["items"]
    page.goto("/")
    titles = page.locator("a.story-title").all_inner_texts()
    assert titles == [s["title"] for s in expected]
    assert page.dialogs == []


def test_open_a_story_and_click_a_citation(page, live: LiveServer) -> None:
    story = _showcase(live)
    page.goto("/")
    page.get_by_role("link", name=story["title"], exact=True).click()
    page.wait_for_url(f"**/stories/{story['id']}")
    assert page.locator("h1").inner_text() == story["title"]
    assert page.locator("svg.timeline-chart circle.dot").count() >= 1
    assert page.locator("#sources tbody tr").count() == len(story["articles"])
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "story-page.png"), full_page=True)

    citation = page.locator("#summary .cite").first
    popover = citation.locator(".cite-pop")
    assert not popover.is_visible()
    citation.locator(".cite-link").hover()
    assert popover.is_visible()
    cited = popover.locator("mark").inner_text()
    ev = story["summary"][0]["evidence"][0]
    citation.locator(".cite-link").click()
    page.wait_for_url(f"**/articles/{ev['article']}?start={ev['start']}&end={ev['end']}#cited")
    marked = "".join(page.locator("#text .cited").all_text_contents())
    assert marked == cited
    assert page.locator("#cited").is_visible()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(DOCS / "article-page.png"))
    assert page.dialogs == []


def test_search(page) -> None:
    page.goto("/")
    page.fill("header input[name=q]", "ransomware")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=ransomware")
    results = page.locator("ol.results a.result-title").all_inner_texts()
    assert results and any("ransomware" in r.lower() for r in results)
    assert page.locator("ol.stories a.story-title").count() >= 1


def test_hostile_title_renders_as_text_and_runs_nothing(page) -> None:
    page.goto(f"/articles/{HOSTILE['id']}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator("main img").count() == 0
    assert page.locator("main script").count() == 0
    assert "<script>alert(3)</script>" in page.locator("#text").inner_text()
    page.goto("/search?q=Rotterdam+terminal")
    page.goto("/")
    assert page.dialogs == []


def test_screenshots_are_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("story-page.png", "article-page.png"):
        assert f"docs/{name}" in readme
        assert (DOCS / name).is_file()


def test_add_page_posts_and_follows_the_job(browser, store_copy: Path) -> None:
    with LiveServer(store_copy, prerender=False) as server:
        context = browser.new_context(base_url=server.url)
        page = context.new_page()
        page.goto("/add")
        page.fill("textarea[name=text]", "\u200b \u200b")  # invisible only: rejected as empty
        page.click("#add-form button[type=submit]")
        text = page.locator("#progress-text")
        text.filter(has_text="ingested").wait_for(timeout=60_000)
        assert "0 ingested" in text.inner_text() and "1 rejected" in text.inner_text()
        assert "is empty" in text.inner_text()
        assert page.locator("#progress").get_attribute("value") == page.locator(
            "#progress"
        ).get_attribute("max")
        context.close()
