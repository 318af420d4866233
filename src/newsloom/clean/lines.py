"""Lines of a text with their offsets, and the page-level facts line classifiers look at.

A boilerplate classifier sees one line and a `LineContext`: where the line sits among the
page's non-blank lines, its neighbours, the title, and a few facts about the whole page that
are computed once (is it a version-diff page that prints every paragraph twice? where does
the wire dateline lead start?).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

__all__ = [
    "Line",
    "LineContext",
    "Page",
    "dateline_length",
    "ends_sentence",
    "is_byline",
    "is_dateline_lead",
    "is_glued_double",
    "is_list_item",
    "is_prose",
    "is_timestamp",
    "split_lines",
    "words",
    "wordset",
]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: `start`/`end` are offsets of `text` (no newline) in that text."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Every line of `text`, blank ones included, split on \\n."""
    out = []
    start = 0
    for i, part in enumerate(text.split("\n")):
        out.append(Line(i, start, start + len(part), part))
        start += len(part) + 1
    return out


_WORD = re.compile(r"\S+")
_CACHE_LINE_CHARS = 2000
# Closing quotes and brackets that may follow the final punctuation of a sentence.
_CLOSERS = "\"'”’“‘)]»\ufffd"  # U+FFFD: a quote mark lost to a bad decode
_TERMINAL = ".!?…"

# "NEW YORK (AP) –", "LONDON, March 29 (Reuters) -", "WASHINGTON — ", "(BARCELONA, Spain) —",
# "SINGAPORE  (The Straits Times/ANN)-", "HELSINKI -- ", "WASHINGTON–Donald"
_DATELINE = re.compile(
    r"^\(?[A-Z][A-Z.'’ ]{1,30}[A-Z](?:,\s*[A-Z][\w.]+(?:\s\d{1,2})?)?\)?\s*"
    r"(?:\([^()\n]{2,40}\))?\s*(?:--?|–|—)\s*(?=\S)"
)


_LIST_ITEM = re.compile(r"^\s*(?:[-•*–—]\s|\d+[.)]\s)")


def is_list_item(line: str) -> bool:
    """Does the line start with a bullet or a number ("- ", "• ", "3. ")?"""
    return bool(_LIST_ITEM.match(line))


_BYLINE = re.compile(
    r"^(?:By|BY|Posted by|Written by|Analysis by|Words by|From)\s+\S"
    r"|^(?:[A-Z][\w.'’-]+\s){1,3}(?:Staff|Reporter|Correspondent)$"
)
# What a timestamp is made of: dates, times, zones, weekday and month names, labels.
_TIME_PART = re.compile(
    r"\d+(?:[:./-]\d+)*(?:st|nd|rd|th|h)?|[ap]\.?m\.?|"
    r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?|"
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?|"
    r"GMT|UTC|BST|CET|CEST|EDT|EST|CDT|CST|PDT|PST|ET|PT|WIB|IST|AEST|AEDT|JST|KST|SGT|"
    r"first|last|published|updated|modified|posted|date|on|at|de|del",
    re.IGNORECASE,
)
# Something that dates: a month or weekday name, a year, a number with date or time separators.
_DATE_HINT = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
    r"|\b(?:19|20)\d\d\b|\d{1,4}[:./-]\d{1,2}",
    re.IGNORECASE,
)
_TIME_SEPARATORS = re.compile(r"[|·/,:–—()\-]+")


def is_byline(line: str) -> bool:
    """ "By Name ...", "Posted by ...", "Reuters Staff": who wrote the piece."""
    return bool(_BYLINE.match(line.strip()))


def is_timestamp(line: str) -> bool:
    """A line that only dates the page: "Tue 3 Mar 2026 14.05 GMT", "Published: 19/02/2026 11:42".

    A word or two besides the date is allowed ("AFP| Last Updated: ...", "... by admin").
    """
    text = line.strip()
    if len(text) > 120 or not _DATE_HINT.search(text):
        return False
    rest = _TIME_SEPARATORS.sub(" ", text)
    left = [t for t in rest.split() if not _TIME_PART.fullmatch(t)]
    return len(left) <= 2


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated block (for lexicons in the source)."""
    return frozenset(text.split())


@lru_cache(maxsize=2048)
def _cached_words(line: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(line))


def words(line: str) -> tuple[str, ...]:
    """The whitespace-separated tokens of a line (cached for ordinary lines: every classifier
    asks for them; a very long line is split each time rather than held in the cache)."""
    if len(line) > _CACHE_LINE_CHARS:
        return tuple(_WORD.findall(line))
    return _cached_words(line)


def ends_sentence(line: str) -> bool:
    """Does the line end with sentence-final punctuation (closing quotes allowed after it)?"""
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


#: Words of a prose line (`is_prose`)
PROSE_WORDS = 10


def is_prose(line: str) -> bool:
    """A sentence of article length: `PROSE_WORDS` words or more, ending as a sentence does
    (what comes before a page's comment thread or its link lists)."""
    return len(words(line)) >= PROSE_WORDS and ends_sentence(line)


def is_dateline_lead(line: str) -> bool:
    """Does the line open with a wire dateline ("NEW YORK (AP) –")?"""
    return dateline_length(line.lstrip()) > 0


def dateline_length(text: str) -> int:
    """How many characters a wire dateline takes at the start of `text`, up to the words it
    leads into ("NEW YORK (AP) – "), or 0."""
    found = _DATELINE.match(text)
    return found.end() if found else 0


def is_glued_double(line: str) -> bool:
    """Is the line one text printed twice with nothing between ("X.X.")?"""
    text = line.strip()
    half, odd = divmod(len(text), 2)
    return not odd and half >= 12 and text[:half] == text[half:]


@dataclass(frozen=True)
class Page:
    """The non-blank lines of a page (stripped) and facts about them, computed once."""

    lines: tuple[str, ...]

    @cached_property
    def glued_doubles(self) -> int:
        """How many lines are printed twice glued: one is a caption artefact, many a diff page."""
        return sum(1 for line in self.lines if is_glued_double(line))

    @cached_property
    def dateline_at(self) -> int | None:
        """Index of the first line that opens with a wire dateline, within the page's top."""
        for i, line in enumerate(self.lines[:8]):
            if is_dateline_lead(line):
                return i
        return None


@dataclass(frozen=True, slots=True)
class LineContext:
    """Where a line sits on its page."""

    page: Page
    index: int

    @classmethod
    def of(cls, lines: Sequence[str], index: int) -> LineContext:
        """A context for line `index` of `lines` (a convenience for tests and one-off calls)."""
        return cls(Page(tuple(line.strip() for line in lines)), index)

    @classmethod
    def alone(cls, line: str) -> LineContext:
        """The context of a line seen on its own, between other unknown lines."""
        return cls(Page(("", line.strip(), "")), 1)

    @property
    def prev(self) -> str:
        return self.page.lines[self.index - 1] if self.index > 0 else ""

    @property
    def next(self) -> str:
        lines = self.page.lines
        return lines[self.index + 1] if self.index + 1 < len(lines) else ""

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.page.lines) - 1
