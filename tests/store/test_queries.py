"""Read-only annotation queries: quotes, entities, events and dates, filtered in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from newsloom.article import Article, DateExpression, Entity, Event, Published, Quote
from newsloom.errors import ConfigError
from newsloom.hashing import content_hash
from newsloom.store import Store


def article(n: int, **fields: object) -> Article:
    text = f"Article {n}."
    base = Article(id=f"a{n}", source=f"s{n}", format="text", content_hash=content_hash(text),
                   raw=text, text=text, source_text=text, outlet=f"outlet{n}.com",
                   url=f"https://outlet{n}.com/{n}")  # fmt: skip
    return replace(base, **fields)


def quote(text: str, kind: str, speaker: str | None, via: str | None = None) -> Quote:
    return Quote(text, 0, len(text), kind, speaker, speaker, "say", via, 0.8)  # type: ignore[arg-type]


def entity(text: str, label: str, canonical: str | None, code: str | None) -> Entity:
    return Entity(text, 0, len(text), label, canonical, code)


def event(actor: str, cameo: str, date: str | None, code: str = "USAGOV") -> Event:
    return Event(f"{actor} did {cameo}.", 0, actor, code, cameo, "Russia", "RUS", date)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    arts = [
        article(
            1,
            published=Published("2017-12-15", "declared", 1.0),
            quotes=(
                quote("We will talk to them without conditions", "direct", "Rex Tillerson", "CNN"),
                quote("the talks would resume", "indirect", "Rex Tillerson"),
                quote("a useful initiative", "partial", "Sergei Ryabkov", "Newsweek"),
            ),
            entities=(
                entity("Rex Tillerson", "PERSON", "Rex Tillerson", "USAGOV"),
                entity("Tillerson", "PERSON", "Rex Tillerson", "USAGOV"),
                entity("Russia", "GPE", "Russia", "RUS"),
            ),
            events=(
                event("Rex Tillerson", "041", "2017-12-14"),
                event("Donald Trump", "112", None),
            ),
            dates=(DateExpression("Thursday", 0, 8, "2017-12-14", "day"),),
        ),
        article(
            2,
            published=Published("2017-12-20", "declared", 1.0),
            quotes=(quote("Russia wants direct talks", "indirect", "Sergei Ryabkov", "RIA"),),
            entities=(
                entity("Tillerson", "PERSON", "Rex Tillerson", "USAGOV"),
                entity("the Kremlin", "ORG", "Russia", "RUSGOV"),
                entity("Moscow", "GPE", None, None),
            ),
            events=(event("Russia", "0431", "2017-12-19", "RUSGOV"),),
            dates=(DateExpression("Dec. 18", 0, 7, "2017-12-18", "day"),),
        ),
    ]
    with Store(tmp_path / "q.duckdb") as writer:
        writer.write(arts)
    opened = Store(tmp_path / "q.duckdb", read_only=True)
    yield opened
    opened.close()


def texts(rows: list[dict]) -> list[str]:
    return [r["text"] for r in rows]


def test_quotes_filters(store: Store) -> None:
    assert len(store.quotes()) == 4
    assert texts(store.quotes(speaker="tillerson")) == [
        "We will talk to them without conditions", "the talks would resume"
    ]  # fmt: skip
    assert texts(store.quotes(speaker="RYABKOV", via="newsweek")) == ["a useful initiative"]
    assert texts(store.quotes(kind="indirect")) == [
        "the talks would resume", "Russia wants direct talks"
    ]  # fmt: skip
    assert [r["article_id"] for r in store.quotes(article="a2")] == ["a2"]
    assert store.quotes(speaker="nobody") == []
    assert len(store.quotes(limit=1)) == 1


def test_quote_rows_carry_the_contract_fields_and_the_article(store: Store) -> None:
    row = store.quotes(via="CNN")[0]
    assert row["start"] == 0 and row["end"] == len(row["text"])
    assert (row["kind"], row["speaker"], row["cue"], row["confidence"]) == (
        "direct", "Rex Tillerson", "say", 0.8
    )  # fmt: skip
    assert (row["outlet"], row["published"], row["url"]) == (
        "outlet1.com", "2017-12-15", "https://outlet1.com/1"
    )  # fmt: skip


def test_a_wrong_kind_is_a_config_error(store: Store) -> None:
    with pytest.raises(ConfigError, match="kind"):
        store.quotes(kind="reported")
    with pytest.raises(TypeError):
        store.quotes(speaker=3)  # type: ignore[arg-type]


def test_entities_are_grouped_by_canonical_name(store: Store) -> None:
    rows = {(r["name"], r["label"]): r for r in store.entities()}
    tillerson = rows["Rex Tillerson", "PERSON"]
    assert (tillerson["mentions"], tillerson["n_articles"], tillerson["articles"]) == (
        3, 2, ["a1", "a2"]
    )  # fmt: skip
    assert tillerson["actor_code"] == "USAGOV"
    assert rows["Moscow", "GPE"]["actor_code"] is None  # no canonical name: the text
    assert store.entities()[0]["name"] == "Rex Tillerson"  # most mentioned first


def test_entity_filters(store: Store) -> None:
    assert {r["name"] for r in store.entities(label="person")} == {"Rex Tillerson"}
    # a code prefix: RUS finds RUS and RUSGOV mentions
    assert [(r["name"], r["mentions"]) for r in store.entities(actor_code="rus")] == [
        ("Russia", 1), ("Russia", 1)
    ]  # fmt: skip
    assert {r["label"] for r in store.entities(actor_code="RUSGOV")} == {"ORG"}
    assert [r["name"] for r in store.entities(name="moS")] == ["Moscow"]


def test_events_filters(store: Store) -> None:
    assert [r["cameo"] for r in store.events()] == ["041", "112", "0431"]
    assert [r["cameo"] for r in store.events(cameo="04")] == ["041", "0431"]
    assert [r["cameo"] for r in store.events(cameo="043")] == ["0431"]
    assert [r["actor"] for r in store.events(actor="trump")] == ["Donald Trump"]
    # since: the event's date, else its article's publication date (112 has none: 2017-12-15)
    assert [r["cameo"] for r in store.events(since="2017-12-15")] == ["112", "0431"]
    assert [r["cameo"] for r in store.events(since="2018")] == []
    assert [r["cameo"] for r in store.events(until="2017-12-14")] == ["041"]
    assert [r["cameo"] for r in store.events(since="2017-12", until="2017-12")] == [
        "041", "112", "0431"
    ]  # fmt: skip
    assert [r["cameo"] for r in store.events(article="a2")] == ["0431"]
    assert [r["symmetric"] for r in store.events(cameo="041")] == [False]


@pytest.mark.parametrize(
    ("name", "value"),
    [("cameo", "dip"), ("since", "last week"), ("since", "2018-13-45"), ("until", "2017-02-30")],
)
def test_bad_event_filters_are_config_errors(store: Store, name: str, value: str) -> None:
    # a bound used to be compared as a string: "2018-13-45" was accepted
    with pytest.raises(ConfigError, match=name):
        store.events(**{name: value})


def test_dates(store: Store) -> None:
    assert [(r["text"], r["value"]) for r in store.dates()] == [
        ("Thursday", "2017-12-14"), ("Dec. 18", "2017-12-18")
    ]  # fmt: skip
    only = store.dates(article="a2")
    assert [(r["article_id"], r["granularity"], r["published"]) for r in only] == [
        ("a2", "day", "2017-12-20")
    ]


def test_an_event_of_unknown_year_is_outside_any_date_range(tmp_path: Path) -> None:
    # "XXXX-03-29" sorted after every real date as a string, so it passed any --since
    undated = article(3, published=Published(None, "none", 0.0),
                      events=(event("Theresa May", "0431", "XXXX-03-29"),))  # fmt: skip
    store = Store(tmp_path / "u.duckdb")
    store.write([undated])
    assert "XXXX-03-29" in [r["date"] for r in store.events()]
    assert "XXXX-03-29" not in [r["date"] for r in store.events(since="2000")]
    assert "XXXX-03-29" not in [r["date"] for r in store.events(until="2100")]
    store.close()
