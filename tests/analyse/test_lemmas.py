"""The remembered lemmatizer gives the model lemmatizer's lemmas."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.attrs import LEMMA

from newsloom.analyse import lemmas
from newsloom.analyse.lemmas import COMPONENT, make_component
from newsloom.analyse.parse import model
from newsloom.pipeline import Context

SENTENCES = [
    "The ministers said they had been meeting since Monday and were leaving.",
    "Trump's lawyers argued; the judges ruled; the protesters gathered in bigger crowds.",
    "She has better plans than her rivals' worst fears, and they're the best.",
    "Prices fell, rose, and fell again as traders sold shares of Amazon.com Inc.",
    "Said the spokesman: “We are studying the children's cases.”",
    "I'm gonna go; y'all have gone; it isn't theirs.",
]


def _both(beside_stock: Any, text: str, component: Any) -> tuple[list[int], list[int]]:
    ours, theirs = beside_stock("lemmatizer", component, text)
    return ours.to_array([LEMMA]).tolist(), theirs.to_array([LEMMA]).tolist()


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_as_the_lemmatizer(stock_nlp: Any, beside_stock: Any, text: str) -> None:
    lemmatizer = make_component(stock_nlp.get_pipe("lemmatizer"))
    ours, theirs = _both(beside_stock, text, lemmatizer)
    assert ours == theirs


def test_the_memory_starts_again_when_full(
    stock_nlp: Any, beside_stock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lemmas, "MAX_REMEMBERED", 5)
    component = make_component(stock_nlp.get_pipe("lemmatizer"))
    for text in SENTENCES * 2:
        ours, theirs = _both(beside_stock, text, component)
        assert ours == theirs


def test_load_model_puts_it_in_the_lemmatizer_place(ctx: Context) -> None:
    names = model(ctx).pipe_names
    assert "lemmatizer" not in names and COMPONENT in names
    assert names.index(COMPONENT) > names.index("parser")


def test_the_indexed_twin_answers_as_the_lemmatizer_and_leaves_it_alone(
    stock_nlp: Any,
) -> None:
    stock = stock_nlp.get_pipe("lemmatizer")
    twin = lemmas._indexed(stock)
    assert twin is not stock
    index = stock.lookups.get_table(lemmas.INDEX_TABLE)
    assert all(isinstance(words, list) for words in index.values())
    # inflected, unknown and irregular forms: each one asks the index of its part of speech
    text = "The zorbling ministers were quickly blorfing their fattest geese and oxen."
    for token in stock_nlp(text):
        assert twin.lemmatize(token) == stock.rule_lemmatize(token)
