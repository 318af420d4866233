"""Shared fixtures for the analysis tests: one spaCy model per test session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.parse import Parse, parse_text
from newsloom.analyse.quotes import extract_quotes
from newsloom.article import Quote
from newsloom.pipeline import Context

from .quoting import QuotesOf


@pytest.fixture(scope="session")
def stock_nlp() -> Any:
    """spaCy's English pipeline as the package ships it (no newsloom components)."""
    import spacy

    from newsloom.settings import DEFAULT_SETTINGS

    return spacy.load(DEFAULT_SETTINGS.spacy_model)


@pytest.fixture(scope="session")
def beside_stock(stock_nlp: Any) -> Callable[[str, Any, str], tuple[Any, Any]]:
    """(ours, theirs): `text` through the stock pipeline, with `component` standing in for the
    stock component `name` in ours; every other component runs in both."""

    def run(name: str, component: Any, text: str) -> tuple[Any, Any]:
        names = stock_nlp.pipe_names
        cut = names.index(name)
        with stock_nlp.select_pipes(enable=names[:cut]):
            ours = stock_nlp(text)
        theirs = ours.copy()
        component(ours)
        stock_nlp.get_pipe(name)(theirs)
        for later in names[cut + 1 :]:
            stock_nlp.get_pipe(later)(ours)
            stock_nlp.get_pipe(later)(theirs)
        return ours, theirs

    return run


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context()


@pytest.fixture(scope="session")
def parsed(ctx: Context) -> Callable[[str], Parse]:
    def run(text: str) -> Parse:
        return parse_text(text, ctx)

    return run


@pytest.fixture(scope="session")
def quotes_of(parsed: Callable[[str], Parse]) -> QuotesOf:
    """The quotes of a text, attributed (`year` is the publication year, if known)."""

    def run(text: str, year: int | None = None) -> tuple[Quote, ...]:
        parse = parsed(text)
        _, people = analyse_entities(parse)
        return extract_quotes(parse, people, year=year)

    return run
