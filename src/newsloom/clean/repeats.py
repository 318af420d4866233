"""Repeated sentences: spun and badly stitched pages print the same sentence more than once.

Only a *bare* copy is removed (a sentence in the running text, outside quotation marks), and
only when the same words were printed before: as a sentence, or inside a quotation. Words
inside quotation marks are never removed: a quote that repeats a statement is still a quote.
Lines without a final period (headlines, subheads) are not sentences here, so a headline the
page prints twice stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsloom.clean.lines import ends_sentence, is_list_item
from newsloom.clean.sentences import Sentence, split_sentences

__all__ = ["MIN_WORDS", "Repeat", "find_repeats", "quoted_segments", "sentence_key"]

#: Shorter sentences ("They are wrong.") may repeat on purpose.
MIN_WORDS = 6

_NON_WORD = re.compile(r"[^\w]+")
# A double-quoted stretch inside one line; the closing mark may be any double mark (pages
# close with “ as well).
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{2,2000}?)[”\"“]")


@dataclass(frozen=True, slots=True)
class Repeat:
    """A sentence printed more than once: the kept first printing and the bare copies."""

    first: Sentence
    copies: tuple[Sentence, ...]
    count: int


def sentence_key(text: str) -> str:
    """What two printings of a sentence share: lower-case words, punctuation and spacing aside."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def quoted_segments(text: str, offset: int = 0) -> list[tuple[Sentence, int, int]]:
    """Quoted stretches as (inner text, outer start, outer end), the outer span with the marks."""
    out = []
    for m in _QUOTE.finditer(text):
        inner = m.group(1)
        stripped = inner.strip()
        if not stripped:
            continue
        s = offset + m.start(1) + (len(inner) - len(inner.lstrip()))
        out.append((Sentence(stripped, s, s + len(stripped)), offset + m.start(), offset + m.end()))
    return out


def find_repeats(text: str, regions: Iterable[tuple[int, int]]) -> list[Repeat]:
    """Repeated bare sentences in the kept `regions` (offset pairs into `text`), in order."""
    units: list[tuple[Sentence, bool]] = []  # (unit, is a bare sentence that may be removed)
    for start, end in regions:
        piece = text[start:end]
        quotes = quoted_segments(piece, start)
        for sent in split_sentences(piece, start):
            inside = any(qs <= sent.start and sent.end <= qe for _, qs, qe in quotes)
            units.append((sent, not inside))
        units.extend((q, False) for q, _, _ in quotes)
    units.sort(key=lambda u: (u[0].start, -u[0].end))

    first: dict[str, Sentence] = {}
    copies: dict[str, list[Sentence]] = {}
    counts: dict[str, int] = {}
    for unit, bare in units:
        key = sentence_key(unit.text)
        # a headline or a subhead (no final period) is not a sentence that can repeat, and
        # items of a list repeat their labels on purpose
        if len(key.split()) < MIN_WORDS or (
            bare and (not ends_sentence(unit.text) or is_list_item(unit.text))
        ):
            continue
        if key not in first:
            first[key] = unit
            counts[key] = 1
            continue
        counts[key] += 1
        if bare:
            copies.setdefault(key, []).append(unit)
    return [Repeat(first[key], tuple(found), counts[key]) for key, found in copies.items()]
