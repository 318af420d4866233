"""Articles with every annotation kind filled, for the store tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.article import (
    Article,
    Credit,
    DateExpression,
    Entity,
    Event,
    Published,
    Quality,
    Quote,
    Removed,
    RepeatedSentence,
    Skip,
    Span,
    SpunMarker,
)
from newsloom.hashing import content_hash

TEXT = (
    "WASHINGTON (Reuters) - President Donald Trump said on Tuesday the United States would "
    "withdraw from the Iran nuclear deal. “This was a horrible one-sided deal,” Trump said."
)


def full_article(n: int = 0, *, outlet: str = "reuters.com") -> Article:
    """An article in which every field and every annotation tuple is set (n varies them)."""
    raw = f"<html><body><p>{TEXT}</p><p>Ad: subscribe {n}</p></body></html>"
    return Article(
        id=f"art-{n:04d}",
        source=f"feed.jsonl:{n + 1}",
        format="html",
        content_hash=content_hash(raw),
        raw=raw,
        url=f"https://www.{outlet}/article/{n}",
        outlet=outlet,
        title=f"Trump quits Iran deal ({n})",
        lang="en",
        author="Steve Holland",
        sitename="Reuters",
        declared=dict({"published": "2018-05-08", "story": "ds6", "rank": n}),
        page_meta=dict({"date": "2018-05-08", "hostname": outlet}),
        source_text=TEXT + "\nAd: subscribe",
        text=TEXT,
        segments=((0, 0, len(TEXT)),),
        removed=(Removed("Ad: subscribe", "boilerplate", len(TEXT) + 1, len(TEXT) + 14),),
        quality=Quality(
            repeated_sentences=(RepeatedSentence("Trump said.", 2, 10, 21),),
            truncated_sentences=(Span("withdraw from", 90, 103, "cut"),),
            spun_markers=(SpunMarker("Head of state", "President", 30, 43),),
            credits=(Credit("reporting", "Steve Holland"),),
            truncated=False,
        ),
        published=Published("2018-05-08", "dateline", 0.9, "Tuesday"),
        entities=tuple(
            Entity(t, s, s + len(t), label, canon, code)
            for t, s, label, canon, code in [
                ("Donald Trump", 36, "PERSON", "Donald Trump", "USAGOV"),
                ("United States", 70, "GPE", "United States", "USA"),
                ("Iran", 122, "GPE", None, None),
            ][: 1 + n % 3]
        ),
        quotes=(
            Quote(
                "This was a horrible one-sided deal,",
                145,
                180,
                "direct",
                "Donald Trump",
                "Trump",
                "said",
                None,
                0.95,
            ),
        )
        * (1 + n % 2),
        dates=(
            DateExpression("Tuesday", 58, 65, "2018-05-08", "day"),
            DateExpression("in May", 0, 6, "XXXX-05", "month"),
        ),
        events=(
            Event(
                "President Donald Trump said ...",
                0,
                "Donald Trump",
                "USAGOV",
                "0871",
                "Iran",
                "IRN",
                "2018-05-08",
                "asserted",
                0.7,
            ),
        ),
        skipped=(Skip("events_de", "language 'en' is not analysed"),),
    )


@pytest.fixture
def make_article() -> Callable[..., Article]:
    return full_article
