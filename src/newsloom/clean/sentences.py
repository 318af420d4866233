"""A light rule-based sentence splitter, for the cleaning steps (spaCy is too slow here).

It only has to be good enough to compare sentences (repeats), find the last sentence of a
paragraph (truncation) and give spans; the analysis stages use spaCy's own sentences.

Rules: a newline always ends a sentence. Inside a line, `.`, `!`, `?` or `…` (with any closing
quotes or brackets after it) ends a sentence when a capitalised word, an opening quote or a
digit follows after a space, or when a capitalised word is glued right after it ("said.He"),
as scrapers do when they join paragraphs. Abbreviations are respected: a title ("Mr.", "Sen.",
"Gen.") never ends a sentence; a shortening that can ("U.S.", "Inc.", "Dec.", initials) ends one
only when the next word is a typical sentence opener ("The", "He", "But", ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsloom.clean.lines import wordset

__all__ = ["Sentence", "is_abbreviation", "split_lines_spans", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


# Words that stand before a name or a number and never end a sentence.
TITLE_ABBREVIATIONS = wordset(
    """mr mrs ms messrs mme dr prof sen sens rep reps gov govs gen gens lt col maj capt cpt
    sgt cpl adm cmdr rev fr pres hon supt insp det amb atty mt vs v cf approx ca fig nos
    st e.g i.e"""
)
# Shortenings that may end a sentence as well as stand inside one.
MAY_END_ABBREVIATIONS = wordset(
    """inc corp co ltd llc plc bros jr sr etc al jan feb mar apr jun jul aug sep sept oct
    nov dec tue tues thu thur thurs fri dept univ assn ave blvd rd ft"""
)
# Words that open sentences; after a may-end abbreviation they mark a boundary.
SENTENCE_OPENERS = wordset(
    """the a an he she it they we i you his her its their our my this that these those
    there but and or so yet however meanwhile still also in on at for after before when
    while as if although though because since during under with without what who why how
    where which then now some many most one two three mr mrs ms president officials"""
)

_TERMINATOR = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z]*|(?:\.[A-Za-z])+))$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([^\W\d_]+|\d)")
_SPACE = re.compile(r"\s+")
#: How far back to look for the word before a period (longer than any abbreviation).
_LOOKBACK = 24


def is_abbreviation(token: str) -> str | None:
    """ "title", "may_end" or None for the word before a period ("Mr" -> "title")."""
    low = token.lower()
    if low in TITLE_ABBREVIATIONS:
        return "title"
    if low in MAY_END_ABBREVIATIONS:
        return "may_end"
    if "." in token or (len(token) == 1 and token.isupper()):
        # U.S / a.m / H.C, or a single initial: "Donald J. Trump"
        return "may_end"
    return None


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    end = match.end()
    if end >= len(line):
        return True
    mark = match.group()
    following = line[end]
    glued = not following.isspace()
    if glued:
        # "said.He will": a lowercase word, a period, then a capitalised word with no space.
        if not (mark[0] in ".!?" and line[end : end + 2].istitle() and len(line) > end + 1):
            return False
        before = line[max(0, match.start() - _LOOKBACK) : match.start()]
        if not before or not (before[-1].islower() or before[-1] in "\"”’'"):
            return False
        nxt = _NEXT_WORD.match(line, end)
        word = _WORD_BEFORE.search(before)
        return not (word and is_abbreviation(word.group(1)) == "title") and nxt is not None
    space = _SPACE.match(line, end)
    rest_at = space.end() if space else end
    nxt = _NEXT_WORD.match(line, rest_at)
    if nxt is None:
        # a bullet, a dash, a symbol: treat as a new sentence only after ! or ?
        return mark[0] in "!?…"
    next_word = nxt.group(1)
    starts_upper = next_word[0].isupper() or next_word[0].isdigit()
    if not starts_upper:
        return False
    if mark[0] != "." or mark.startswith("..."):
        return True
    word = _WORD_BEFORE.search(line[max(0, match.start() - _LOOKBACK) : match.start()])
    if word is None:
        return True
    kind = is_abbreviation(word.group(1))
    if kind == "title":
        return False
    if word.group(1).lower() == "no" and next_word[0].isdigit():
        return False
    if kind == "may_end":
        if next_word[0].isdigit():
            return False
        return next_word.lower() in SENTENCE_OPENERS
    return True


def split_lines_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`, without the newline."""
    spans = []
    start = 0
    for part in text.split("\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    return spans


def _line_sentences(text: str, start: int, end: int, offset: int) -> list[Sentence]:
    line = text[start:end]
    out: list[Sentence] = []
    cursor = 0
    for m in _TERMINATOR.finditer(line):
        if not _is_boundary(line, m):
            continue
        _append(out, line, cursor, m.end(), start + offset)
        cursor = m.end()
    _append(out, line, cursor, len(line), start + offset)
    return out


def _append(out: list[Sentence], line: str, a: int, b: int, base: int) -> None:
    chunk = line[a:b]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = base + a + lead
    out.append(Sentence(stripped, s, s + len(stripped)))


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of `text` with offsets (plus `offset`); a newline always ends a sentence."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences() takes a str, got {type(text).__name__}")
    out: list[Sentence] = []
    for start, end in split_lines_spans(text):
        if start < end:
            out.extend(_line_sentences(text, start, end, offset))
    return out
