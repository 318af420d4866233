"""spaCy's lemmatizer with every answer remembered.

The English rule lemmatizer gives a token's lemma from its text, part of speech and
morphology alone, but remembers only some of its answers (not a proper noun's, not a base
form's), so each article asks it again for "said", "Trump" and "the": about 3 ms of an
article. This component asks the model's own lemmatizer once per (word, part of speech,
morphology) and reuses the answer, so the lemmas are the lemmatizer's (tests compare the two).
The memory is bounded: past `MAX_REMEMBERED` answers it starts again.

A word asked for the first time still costs the rule lemmatizer a search of its word index,
which spaCy keeps as one list per part of speech (57,528 nouns) and scans from the start for
each candidate form: about 3 ms an article on news texts, where new names and words keep
coming. The component asks a twin of the lemmatizer whose index is the same words as sets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["COMPONENT", "MAX_REMEMBERED", "make_component", "use_remembered_lemmas"]

#: the name of the component that replaces spaCy's `lemmatizer`
COMPONENT = "newsloom_lemmas"
#: answers kept before the memory starts again (a few tens of MB at most)
MAX_REMEMBERED = 200_000


def make_component(lemmatizer: Any) -> Callable[[Any], Any] | None:
    """A pipeline function giving `lemmatizer`'s lemmas, or None for a lemmatizer whose answer
    may depend on more than the token's word, part of speech and morphology."""
    import numpy as np
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    if getattr(lemmatizer, "mode", None) not in ("rule", "lookup"):
        return None
    overwrite = bool(getattr(lemmatizer, "overwrite", False))
    lemmatizer = _indexed(lemmatizer)
    strings = lemmatizer.vocab.strings
    known: dict[tuple[int, int, int], int] = {}

    def apply(doc: Any) -> Any:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                if len(known) >= MAX_REMEMBERED:
                    known.clear()
                found = strings.add(lemmatizer.lemmatize(doc[i])[0])
                known[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], np.ascontiguousarray(lemmas, dtype=np.uint64))
        return doc

    return apply


#: the rule lemmatizer's table of known words, one collection per part of speech
INDEX_TABLE = "lemma_index"


def _indexed(lemmatizer: Any) -> Any:
    """A rule lemmatizer answering as `lemmatizer` does, its word index held in sets.

    The rule lemmatizer only asks whether a form is in the index (`form in index`), and a set
    gives the same answer as spaCy's list without a scan. `lemmatizer` itself is left as it
    is (a new one is built, sharing every other table); one that is not in rule mode, or has
    no index, is returned unchanged.
    """
    from spacy.lookups import Lookups

    tables = getattr(lemmatizer, "lookups", None)
    if lemmatizer.mode != "rule" or tables is None or INDEX_TABLE not in tables.tables:
        return lemmatizer
    twin = type(lemmatizer)(
        lemmatizer.vocab,
        lemmatizer.model,
        lemmatizer.name,
        mode=lemmatizer.mode,
        overwrite=lemmatizer.overwrite,
    )
    twin.lookups = Lookups()
    for name in tables.tables:
        table = tables.get_table(name)
        if name == INDEX_TABLE:
            twin.lookups.add_table(name, {pos: frozenset(words) for pos, words in table.items()})
        else:
            twin.lookups.set_table(name, table)
    return twin


def use_remembered_lemmas(nlp: Any, name: str = "lemmatizer") -> bool:
    """Put this module's component in the place of `nlp`'s lemmatizer; False (the pipeline
    unchanged) when there is none or its answers may depend on more than the token."""
    from newsloom.analyse.components import replace_component

    return replace_component(nlp, name, COMPONENT, make_component)
