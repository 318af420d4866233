"""Title words learned from news, used beside the hand list `lexicon.ROLE_WORDS`.

The hand list misses the titles of every new sport, church, court or country ("Winger X",
"Tanaiste X", "Imam X"); `training/learn_title_words.py` learns them from the constructions
news puts titles in and ships them as `resources/title_words.json`, read on first use.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from newsloom.analyse.lexicon import ROLE_WORDS

RESOURCE = "title_words.json"


@lru_cache(maxsize=1)
def learned_titles() -> frozenset[str]:
    """The learned words the hand list lacks (read on first use, then kept)."""
    text = resources.files("newsloom.resources").joinpath(RESOURCE).read_text("utf-8")
    return frozenset(json.loads(text)["words"]) - ROLE_WORDS


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """The hand list and the learned words: a word that may be a person's title."""
    return ROLE_WORDS | learned_titles()
