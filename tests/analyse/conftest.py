"""Shared fixtures for the analysis tests: one spaCy model per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.parse import Parse, parse_text
from newsloom.analyse.quotes import extract_quotes
from newsloom.article import Quote
from newsloom.pipeline import Context


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context()


@pytest.fixture(scope="session")
def parsed(ctx: Context) -> Callable[[str], Parse]:
    def run(text: str) -> Parse:
        return parse_text(text, ctx)

    return run


@pytest.fixture(scope="session")
def quotes_of(parsed: Callable[[str], Parse]) -> Callable[..., tuple[Quote, ...]]:
    """The quotes of a text, attributed (`year` is the publication year, if known)."""

    def run(text: str, year: int | None = None) -> tuple[Quote, ...]:
        parse = parsed(text)
        _, people = analyse_entities(parse)
        return extract_quotes(parse, people, year=year)

    return run
