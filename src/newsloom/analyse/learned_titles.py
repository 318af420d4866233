"""Title words learned from news, used beside the hand list `lexicon.ROLE_WORDS`.

The hand list misses the titles of every new sport, church, court or country ("Winger X",
"Tanaiste X", "Imam X"); `training/learn_title_words.py` learns them from the constructions
news puts titles in and ships them as `resources/title_words.json`, read once per process.
"""

from __future__ import annotations

import json
from importlib import resources

from newsloom.analyse.lexicon import ROLE_WORDS

RESOURCE = "title_words.json"


def _load() -> frozenset[str]:
    text = resources.files("newsloom.resources").joinpath(RESOURCE).read_text("utf-8")
    return frozenset(json.loads(text)["words"])


#: the learned words the hand list lacks
LEARNED_TITLES: frozenset[str] = _load() - ROLE_WORDS
#: the hand list and the learned words: a word that may be a person's title
TITLE_WORDS: frozenset[str] = ROLE_WORDS | LEARNED_TITLES
