"""The REST API against the demo store: listings, filters, paging, reports, errors as JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsloom.errors import EXIT_CODES


def _stories(client: TestClient, **params: object) -> list[dict]:
    r = client.get("/api/stories", params=params)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_story_list_is_newest_first_with_counts(client: TestClient) -> None:
    rows = _stories(client)
    assert len(rows) >= 6
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)
    for row in rows:
        assert row["n_articles"] >= 1
        assert 1 <= row["independent_sources"] <= row["n_articles"]


def test_story_list_orders_come_from_an_allow_list(client: TestClient) -> None:
    by_sources = _stories(client, order="sources")
    counts = [r["independent_sources"] for r in by_sources]
    assert counts == sorted(counts, reverse=True)
    r = client.get("/api/stories", params={"order": "title; DROP TABLE stories"})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "usage"
    assert len(_stories(client)) == len(by_sources)  # nothing was dropped


def test_story_list_paging_and_date_range(client: TestClient) -> None:
    everything = _stories(client, limit=500)
    first = client.get("/api/stories", params={"limit": 2}).json()
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert [r["id"] for r in first["items"] + second["items"]] == [
        r["id"] for r in everything[:4]
    ]
    assert first["next_offset"] == 2
    dated = sorted(r["date"] for r in everything if r["date"])
    middle = dated[len(dated) // 2]
    later = _stories(client, since=middle)
    assert later and all(r["date"] >= middle for r in later)
    assert len(later) < len(everything)


def test_story_report_follows_the_contract(client: TestClient) -> None:
    story_id = _stories(client)[0]["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    for key in ("id", "title", "articles", "duplicates", "timeline", "summary", "conflicts"):
        assert key in story
    assert story["id"] == story_id
    for sentence in story["summary"]:
        assert set(sentence["citations"]) <= set(story["articles"])
        for ev in sentence["evidence"]:
            article = client.get(f"/api/articles/{ev['article']}").json()
            assert article["text"][ev["start"] : ev["end"]].strip()


def test_article_with_annotations_and_its_story(client: TestClient) -> None:
    row = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    article = client.get(f"/api/articles/{row['id']}").json()
    assert article["id"] == row["id"]
    for quote in article["quotes"]:
        assert quote["text"] in article["text"][quote["start"] - 1 : quote["end"] + 1]
    assert article["story"] is not None
    members = client.get(f"/api/stories/{article['story']}").json()["articles"]
    assert row["id"] in members


def test_articles_filtered_by_outlet_and_dates(client: TestClient) -> None:
    rows = client.get("/api/articles", params={"limit": 500}).json()["items"]
    outlet = next(r["outlet"] for r in rows if r["outlet"])
    mine = client.get("/api/articles", params={"outlet": outlet}).json()["items"]
    assert mine and all(r["outlet"] == outlet for r in mine)
    feb = client.get("/api/articles", params={"since": "2026-02", "until": "2026-02"}).json()
    assert feb["items"] and all(r["published"].startswith("2026-02") for r in feb["items"])


def test_quotes_by_speaker_events_by_cameo_root_entities_by_name(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    speaker = next(q["corpus_speaker"] for q in quotes if q["corpus_speaker"])
    found = client.get("/api/quotes", params={"speaker": speaker}).json()["items"]
    assert found and all(speaker.lower() in (q["corpus_speaker"] or "").lower() for q in found)
    events = client.get("/api/events", params={"cameo": "0", "limit": 500}).json()["items"]
    assert events and all(e["cameo"].startswith("0") for e in events)
    actor = next(e["actor"] for e in events if e["actor"])
    by_actor = client.get("/api/events", params={"actor": actor}).json()["items"]
    assert by_actor
    entities = client.get("/api/entities", params={"name": "Ghana"}).json()["items"]
    assert any(e["name"] == "Ghana" for e in entities)


def test_search_finds_articles_and_their_stories(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "ransomware"}).json()
    assert found["articles"]
    assert all("ransomware" in (a["title"] or "").lower() or a["score"] > 0
               for a in found["articles"])  # fmt: skip
    assert found["stories"]
    assert {a["story_id"] for a in found["articles"]} >= {s["id"] for s in found["stories"]}
    none = client.get("/api/search", params={"q": "zzyzxqwv"}).json()
    assert none["articles"] == [] and none["stories"] == []


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/stories/no-such-story", 404, "not_found"),
        ("/api/articles/no-such-article", 404, "not_found"),
        ("/api/jobs/nojob", 404, "not_found"),
        ("/api/stories?limit=0", 400, "usage"),
        ("/api/events?cameo=abc", 400, "usage"),
        ("/api/events?since=2026-02-30", 400, "usage"),
        ("/api/search?q=", 400, "usage"),
        ("/api/nothing-here", 404, "not_found"),
    ],
)
def test_errors_are_json_with_the_cli_codes(
    client: TestClient, path: str, status: int, code: str
) -> None:
    r = client.get(path)
    assert r.status_code == status
    error = r.json()["error"]
    assert error["code"] == code
    assert error["exit_code"] == EXIT_CODES[code]
    assert error["message"]


def test_openapi_schema_lists_the_resources(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles",
                 "/api/articles/{article_id}", "/api/entities", "/api/quotes", "/api/events",
                 "/api/search", "/api/jobs/{job_id}"):  # fmt: skip
        assert path in paths
    assert "post" in schema["paths"]["/api/articles"]
