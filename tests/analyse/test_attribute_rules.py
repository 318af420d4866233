"""The model's attribute rules applied by lookup give what spaCy's attribute ruler gives."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from newsloom.analyse.attribute_rules import COMPONENT, compile_rules, make_component
from newsloom.analyse.parse import load_model
from newsloom.settings import DEFAULT_SETTINGS

# Wordings that reach the ruler's exceptions: contractions, negation, auxiliaries read from the
# parse, "that"/"this" as pronouns, "I"/"you"/"it" by case, existential "there", spaces,
# colloquial forms, and ordinary news prose.
SENTENCES = [
    "The minister didn't say whether she would resign, and officials won't comment.",
    "I'm gonna tell you what we've got: it isn't over, y'all.",
    "There is no deal yet, but there were talks, and there's hope.",
    "That was the plan. This is what they said that they wanted.",
    "You told me and I told you; it hit it hard.",
    "He ain't coming, and nothin' will change that.",
    "Let's see whether the court has ruled, since the hearing had been delayed.",
    "The senator, who has served since 2009, did not answer.\n\nShe has   left.",
    "Come on, c'mon, we gotta go before the vote, because time is short.",
    "Prices rose 3% in May; analysts had expected 2%.",
    "Do they have a plan? They do, and they have done it before.",
    "Officials, though, said the strike was over unless talks failed.",
]


@pytest.fixture(scope="module")
def stock() -> Any:
    return spacy.load(DEFAULT_SETTINGS.spacy_model)


def _columns(doc: Any) -> list[list[int]]:
    return doc.to_array([POS, TAG, MORPH, LEMMA, DEP, HEAD]).tolist()


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_spacys_ruler(stock: Any, text: str) -> None:
    names = stock.pipe_names
    cut = names.index("attribute_ruler")
    with stock.select_pipes(enable=names[:cut]):
        ours = stock(text)
    theirs = ours.copy()
    make_component(stock.get_pipe("attribute_ruler"))(ours)  # type: ignore[misc]
    stock.get_pipe("attribute_ruler")(theirs)
    for name in names[cut + 1 :]:
        stock.get_pipe(name)(ours)
        stock.get_pipe(name)(theirs)
    assert _columns(ours) == _columns(theirs)


def test_load_model_puts_the_rules_in_the_ruler_place() -> None:
    names = load_model(DEFAULT_SETTINGS.spacy_model).pipe_names
    assert "attribute_ruler" not in names
    assert names.index(COMPONENT) == names.index("parser") + 1


def test_rules_that_use_other_operators_are_left_to_spacy() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    assert compile_rules(ruler) is not None
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"POS": "ADJ"})
    assert compile_rules(ruler) is None
    assert make_component(ruler) is None
