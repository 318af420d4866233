"""Language identification with py3langid (its model ships inside the package, loads offline).

The model is loaded once per process through the pipeline context (`ctx.resource`), never per
article. Identification runs on the clean body, so navigation and captions do not vote.
"""

from __future__ import annotations

from typing import Protocol

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["RESOURCE_KEY", "identify_language", "load_identifier"]

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


class Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


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


def identify_language(text: str, identifier: Identifier) -> str | None:
    """ISO 639-1 code of `text` (the model's own code for the few languages without one),
    or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return None
    lang, _ = identifier.classify(sample)
    if not lang or lang in NO_LANGUAGE:
        return None
    return TO_ISO_639_1.get(lang, lang)
