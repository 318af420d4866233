"""The model's attribute rules applied by lookup give what spaCy's attribute ruler gives."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from newsloom.analyse.attribute_rules import COMPONENT, compile_rules, make_component
from newsloom.analyse.parse import model
from newsloom.pipeline import Context

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


def _columns(doc: Any) -> list[list[int]]:
    return doc.to_array([POS, TAG, MORPH, LEMMA, DEP, HEAD]).tolist()


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_spacys_ruler(stock_nlp: Any, beside_stock: Any, text: str) -> None:
    rules = make_component(stock_nlp.get_pipe("attribute_ruler"))
    ours, theirs = beside_stock("attribute_ruler", rules, text)
    assert _columns(ours) == _columns(theirs)


def test_load_model_puts_the_rules_in_the_ruler_place(ctx: Context) -> None:
    names = model(ctx).pipe_names
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


def test_the_same_when_the_memories_start_again_at_every_token(
    stock_nlp: Any, beside_stock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.analyse import attribute_rules

    monkeypatch.setattr(attribute_rules, "_MAX_REMEMBERED", 1)
    rules = make_component(stock_nlp.get_pipe("attribute_ruler"))
    for text in SENTENCES[:4] * 2:  # the second time round, from what was remembered
        ours, theirs = beside_stock("attribute_ruler", rules, text)
        assert _columns(ours) == _columns(theirs)
