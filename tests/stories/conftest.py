"""Shared fixtures for the story tests: articles made by hand, with only the fields story
building reads."""

from __future__ import annotations

import pytest

from newsloom.article import Article, Credit, Event, Published, Quality, Quote, SpunMarker
from newsloom.hashing import content_hash


def _make_article(
    id: str,
    text: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    credits: tuple[str, ...] = (),
    spun: tuple[tuple[str, str], ...] = (),
    events: tuple[Event, ...] = (),
    quotes: tuple[Quote, ...] = (),
    title: str | None = None,
) -> Article:
    markers = []
    for word, standard in spun:
        at = text.index(word)
        markers.append(SpunMarker(word, standard, at, at + len(word)))
    return Article(
        id=id,
        source=f"{id}.txt",
        format="text",
        content_hash=content_hash(text + id),
        raw=text,
        url=None,
        outlet=outlet,
        title=title,
        lang="en",
        source_text=text,
        text=text,
        quality=Quality(
            spun_markers=tuple(markers), credits=tuple(Credit("source", c) for c in credits)
        ),
        published=Published(published, "dateline", 0.9) if published else Published(),
        events=events,
        quotes=quotes,
    )


@pytest.fixture(scope="session")
def make_article():
    return _make_article
