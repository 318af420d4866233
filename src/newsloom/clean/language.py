"""Language identification with py3langid (its model ships inside the package, loads offline).

The model is loaded once per process through the pipeline context (`ctx.resource`), never per
article. Identification runs on the clean body, so navigation and captions do not vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsloom.deadline import untimed

__all__ = ["RESOURCE_KEY", "LanguageGuess", "identify", "identify_language", "load_identifier"]

#: The key under which the stage keeps the loaded model in the pipeline context.
RESOURCE_KEY = "clean.langid"
#: Enough text to decide (a paragraph or two); longer texts only cost time.
SAMPLE_CHARS = 1500
#: Below this many letters a guess is noise.
MIN_LETTERS = 12
#: The model's labels that are varieties of a language with an ISO 639-1 code; "zxx" is its
#: label for text with no linguistic content.
TO_ISO_639_1 = {
    "yue": "zh",
    "wuu": "zh",
    "arz": "ar",
    "ary": "ar",
    "gug": "gn",
    "uzs": "uz",
    "ltg": "lv",
}
NO_LANGUAGE = frozenset({"und", "zxx"})
#: Below this normalised probability the model is unsure; on a text shorter than SURE_CHARS
#: (a sentence or two), below SHORT_CONFIDENT.
CONFIDENT = 0.9
SURE_CHARS = 300
SHORT_CONFIDENT = 0.99
#: Languages whose function words (jusText's stop lists) are counted when the model is unsure.
WORD_LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}
#: At least this many function words, and this share of the words, to decide by them.
MIN_FUNCTION_WORDS = 2
MIN_FUNCTION_SHARE = 0.2
#: ... and the model must give their language at least this probability. Function words are
#: shared: an English-based creole (Nigerian Pidgin) is full of English ones, and an English
#: sentence quoting a French slogan holds French ones. Chosen on short slices of ../shared pages
#: (3,483 English, 6,065 in 25 other languages): English as right as without the floor
#: (0.9945), the other languages 0.9885 (0.9876 without it; 0.10 costs English 6 slices).
MIN_WORDS_LANGUAGE_PROB = 0.05
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language and how it was decided: "model", "common_words" (the model was unsure and
    the text's function words decided), "model_unsure" (neither was sure), "none"."""

    lang: str | None
    basis: str


class Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...

    def rank(self, text: str) -> list[tuple[str, float]]: ...


def load_identifier() -> LanguageIdentifier:
    """The py3langid model with normalised probabilities."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _has_letters(text: str, wanted: int) -> bool:
    # stops at the `wanted`-th letter: a long text is not counted through
    for char in text:
        if char.isalpha():
            wanted -= 1
            if wanted == 0:
                return True
    return False


@lru_cache(maxsize=1)
@untimed
def _function_words() -> dict[str, frozenset[str]]:
    import justext

    return {
        code: frozenset(w.lower() for w in justext.get_stoplist(name))
        for code, name in WORD_LANGUAGES.items()
    }


def by_common_words(text: str) -> str | None:
    """The Latin-script language whose function words cover most of `text`, when they cover
    enough of it to say (a short English sentence is mostly "the", "to", "is", "she")."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or sum(w.isascii() for w in words) < len(words) / 2:
        return None  # another script: the model knows scripts better than word lists
    counts = {code: sum(w in lst for w in words) for code, lst in _function_words().items()}
    best = max(counts, key=lambda code: counts[code])
    hits = counts[best]
    ranked = sorted(counts.values(), reverse=True)
    if hits < MIN_FUNCTION_WORDS or hits / len(words) < MIN_FUNCTION_SHARE or ranked[1] == hits:
        return None
    return best


def identify(text: str, identifier: Identifier) -> LanguageGuess:
    """The language of `text` and how it was decided. When the model is unsure (a sentence
    or two, a low probability), common function words decide if they can, for a language the
    model does not rule out."""
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return LanguageGuess(None, "none")
    lang, prob = identifier.classify(sample)
    code = None if not lang or lang in NO_LANGUAGE else TO_ISO_639_1.get(lang, lang)
    if prob >= (CONFIDENT if len(sample) >= SURE_CHARS else SHORT_CONFIDENT):
        return LanguageGuess(code, "model")
    words = by_common_words(sample)
    if words is not None and words != code and _model_allows(identifier, sample, words):
        return LanguageGuess(words, "common_words")
    return LanguageGuess(code, "model" if words == code else "model_unsure")


def _model_allows(identifier: Identifier, sample: str, code: str) -> bool:
    labels = {code} | {label for label, iso in TO_ISO_639_1.items() if iso == code}
    prob = sum(p for label, p in identifier.rank(sample) if label in labels)
    return prob >= MIN_WORDS_LANGUAGE_PROB


def identify_language(text: str, identifier: Identifier) -> str | None:
    """ISO 639-1 code of `text` (the model's own code for the few languages without one),
    or None when the text is too short to tell."""
    return identify(text, identifier).lang
