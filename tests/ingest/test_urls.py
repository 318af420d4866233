"""outlet_from_url: the host a reader would name, as the dev set's `outlet` field defines it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsloom.ingest import outlet_from_url

SHARED = Path(os.environ.get("NEWSLOOM_SHARED", Path(__file__).parents[2] / ".." / "shared"))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.bbc.co.uk/news/uk-politics-39431428", "bbc.co.uk"),
        ("http://m.ljworld.com/news/2018/may/08/x/", "ljworld.com"),
        ("http://en.protothema.gr/trump-tells-macron/", "protothema.gr"),
        ("https://amp.theguardian.com/world/2017/oct/01/x", "theguardian.com"),
        ("https://in.reuters.com/article/x", "reuters.com"),
        ("https://digital-stage.wbtw.com/news/x", "wbtw.com"),
        ("https://sg.news.yahoo.com/x.html", "sg.news.yahoo.com"),
        ("https://archives.infowars.com/x/", "archives.infowars.com"),
        ("https://trib.al/QxJcsv9?filterKeyEvents=false", "trib.al"),
        ("HTTP://WWW.Example.COM:8080/Path", "example.com"),
        ("https://user:secret@www.example.org/", "example.org"),
        ("www.lemonde.fr/international/article/x.html", "lemonde.fr"),
        ("https://www.m.example.com/", "example.com"),
        ("https://www.blog.com/post", "blog.com"),
        ("https://m.com/", "m.com"),
        ("http://203.0.113.7/story", "203.0.113.7"),
        ("https://www.example.com./x", "example.com"),
        ("http://localhost:8000/x", None),
        ("not a url at all", None),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, expected: str | None) -> None:
    assert outlet_from_url(url) == expected


def test_outlet_from_url_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        outlet_from_url(b"https://bbc.co.uk")  # type: ignore[arg-type]


def test_outlet_matches_every_dev_set_article() -> None:
    path = SHARED / "data" / "newsloom-dev" / "articles.jsonl"
    if not path.exists():
        pytest.skip("shared dev set not present")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    wrong = [
        (r["url"], r["outlet"], outlet_from_url(r["url"]))
        for r in rows
        if outlet_from_url(r["url"]) != r["outlet"]
    ]
    assert rows and wrong == []
