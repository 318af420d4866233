"""POSTed articles: analysed, stored, placed in their story, searchable, without a restart."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.serve.conftest import make_client

from newsloom.serve.jobs import body_rows


def test_body_rows_counts_documents() -> None:
    assert body_rows(b"one text", "text/plain; charset=utf-8") == (b"one text", ".txt", 1)
    data, suffix, n = body_rows(b'{"text": "a"}\n\n{"text": "b"}\n', "application/x-ndjson")
    assert (suffix, n) == (".jsonl", 2)
    data, suffix, n = body_rows(b'[{"text": "a"}, {"html": "<p>b</p>"}]', "application/json")
    assert n == 2 and [json.loads(x) for x in data.splitlines()][1] == {"html": "<p>b</p>"}


def test_a_posted_article_joins_its_story_without_a_restart(store_copy: Path) -> None:
    with make_client(store_copy) as c:
        story = c.get("/api/stories", params={"order": "articles"}).json()["items"][0]
        members = c.get(f"/api/stories/{story['id']}").json()["articles"]
        before = c.get(f"/stories/{story['id']}").text  # the page is now cached
        source = c.get(f"/api/articles/{members[0]}").json()
        # another outlet's version of the same report: a reworded first sentence
        sentences = source["text"].split(". ")
        text = "Reports on Tuesday confirmed the news. " + ". ".join(sentences[1:])
        row = {"id": "posted-1", "outlet": "newcomer.example", "title": source["title"],
               "published": source["published"]["value"], "text": text}  # fmt: skip
        bad = "{not json"
        body = (json.dumps(row) + "\n" + bad + "\n").encode()
        r = c.post("/api/articles", content=body, headers={"content-type": "application/x-ndjson"})
        assert r.status_code == 202
        job_url = r.headers["location"]
        deadline = time.monotonic() + 300
        job = r.json()
        assert job["total"] == 2
        while job["state"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.5)
            job = c.get(job_url).json()
        assert job["state"] == "done", job
        assert job["read"] == 2
        assert job["report"]["ingested"] == 1
        rejection = job["report"]["rejections"][0]
        assert rejection["reason"] == "bad_json"
        assert rejection["source"] == "request.jsonl:2"  # the body's row, not a temporary path
        assert story["id"] in job["stories"]
        # the same server, no restart: the story, the article page and search all see it
        assert "posted-1" in c.get(f"/api/stories/{story['id']}").json()["articles"]
        assert c.get("/articles/posted-1").status_code == 200
        after = c.get(f"/stories/{story['id']}").text  # not the page cached before the write
        assert 'href="/articles/posted-1"' in after and 'href="/articles/posted-1"' not in before
        assert c.get("/api/status").json()["generation"] == 1
        found = c.get("/api/search", params={"q": "newcomer Tuesday confirmed"}).json()
        assert "posted-1" in [a["id"] for a in found["articles"]]


def test_wait_returns_the_finished_job(store_copy: Path) -> None:
    with make_client(store_copy) as c:
        invisible = "\u200b \u200b\n".encode()
        r = c.post("/api/articles", params={"wait": "true", "outlet": "plain.example"},
                   content=invisible, headers={"content-type": "text/plain"})  # fmt: skip
        assert r.status_code == 201
        job = r.json()
        assert job["state"] == "done"
        assert job["report"]["ingested"] == 0
        assert job["report"]["rejected"] == {"empty": 1}
