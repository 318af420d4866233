"""The remembered lemmatizer gives the model lemmatizer's lemmas."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.attrs import LEMMA

from newsloom.analyse import lemmas
from newsloom.analyse.lemmas import COMPONENT, make_component
from newsloom.analyse.parse import load_model
from newsloom.settings import DEFAULT_SETTINGS

SENTENCES = [
    "The ministers said they had been meeting since Monday and were leaving.",
    "Trump's lawyers argued; the judges ruled; the protesters gathered in bigger crowds.",
    "She has better plans than her rivals' worst fears, and they're the best.",
    "Prices fell, rose, and fell again as traders sold shares of Amazon.com Inc.",
    "Said the spokesman: “We are studying the children's cases.”",
    "I'm gonna go; y'all have gone; it isn't theirs.",
]


@pytest.fixture(scope="module")
def stock() -> Any:
    return spacy.load(DEFAULT_SETTINGS.spacy_model)


def _both(stock: Any, text: str, component: Any) -> tuple[list[int], list[int]]:
    names = stock.pipe_names
    cut = names.index("lemmatizer")
    with stock.select_pipes(enable=names[:cut]):
        ours = stock(text)
    theirs = ours.copy()
    component(ours)
    stock.get_pipe("lemmatizer")(theirs)
    return ours.to_array([LEMMA]).tolist(), theirs.to_array([LEMMA]).tolist()


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_as_the_lemmatizer(stock: Any, text: str) -> None:
    ours, theirs = _both(stock, text, make_component(stock.get_pipe("lemmatizer")))
    assert ours == theirs


def test_the_memory_starts_again_when_full(stock: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lemmas, "MAX_REMEMBERED", 5)
    component = make_component(stock.get_pipe("lemmatizer"))
    for text in SENTENCES * 2:
        ours, theirs = _both(stock, text, component)
        assert ours == theirs


def test_load_model_puts_it_in_the_lemmatizer_place() -> None:
    names = load_model(DEFAULT_SETTINGS.spacy_model).pipe_names
    assert "lemmatizer" not in names and COMPONENT in names
    assert names.index(COMPONENT) > names.index("parser")
