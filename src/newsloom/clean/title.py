"""Title separation: the headline a scraper leaves at the top of the body.

A plain-text page starts with its headline, often under the site's furniture (its name, a
tagline, a menu, a section label). When the input gives no title, the headline is the first
line of the top zone, after the page's navigation, that looks like one: short, no sentence-final
period, not a date, byline, dateline or list item, not the site's name; a line the page prints
again with "Promo Image" after it is the headline for sure. When the input gives a title, the
line of the top zone that repeats it is the headline. Either way that one printing moves from
the body to the title, and the furniture above it goes; a page that prints the headline a
second time keeps that copy in the body, as the page has it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.clean.lines import (
    ends_sentence,
    is_byline,
    is_dateline_lead,
    is_list_item,
    is_timestamp,
    words,
)

__all__ = ["find_headline", "looks_like_headline", "page_furniture", "same_title", "undouble"]

_NON_FINAL = ".,;:"
_CLOSERS = "\"'”’)]"
_SPACE = re.compile(r"\s+")


def undouble(line: str) -> str:
    """ "X X" -> "X" for a headline printed twice on one line (diff and aggregator pages)."""
    text = line.strip()
    tokens = text.split()
    n = len(tokens)
    if n >= 4 and n % 2 == 0 and tokens[: n // 2] == tokens[n // 2 :]:
        return " ".join(tokens[: n // 2])
    return text


def _capitalised_ratio(tokens: list[str]) -> float:
    alpha = [t for t in tokens if t[:1].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for t in alpha if t[0].isupper()) / len(alpha)


def looks_like_headline(line: str) -> bool:
    """Short, unpunctuated at the end, not a dateline/byline/timestamp/list item."""
    text = undouble(line)
    tokens = words(text)
    if not 2 <= len(tokens) <= 24:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘"):
        return False
    if text.rstrip(_CLOSERS)[-1:] in _NON_FINAL:
        return False
    if is_list_item(text) or _is_dating(text):
        return False
    # sentence case is fine up to a headline's usual length; title case may run longer
    return len(tokens) <= 16 or _capitalised_ratio(tokens) >= 0.6


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def same_title(line: str, title: str) -> bool:
    """Is `line` the title printed again (whitespace and case aside)?"""
    return bool(title.strip()) and _norm(line) == _norm(title)


def _is_masthead(line: str) -> bool:
    """A site's name or a section label: a few capitalised words ("KALVORA TRIBUNE")."""
    tokens = words(line)
    if not tokens or len(tokens) > 4 or ends_sentence(line):
        return False
    if line.isupper():
        return True
    return len(tokens) <= 3 and all(t[:1].isupper() or t[:1].isdigit() for t in tokens)


def _is_dating(line: str) -> bool:
    return is_timestamp(line) or is_byline(line) or is_dateline_lead(line)


def _zone_end(lines: Sequence[str], limit: int = 10) -> int:
    """Where the headline zone ends: the first line of prose or of a wire dateline."""
    for i, line in enumerate(lines[:limit]):
        if is_dateline_lead(line) or (ends_sentence(line) and len(words(line)) >= 12):
            return i
    return min(len(lines), limit)


def find_headline(
    lines: Sequence[str],
    title: str | None,
    confirmations: Sequence[str] = (),
    start: int = 0,
) -> tuple[int | None, str | None]:
    """(index of the headline among the content `lines`, the title).

    With a given `title`, the headline is the line of the headline zone that repeats it.
    Without one, it is the first line from `start` (just after the page's top navigation) that
    looks like a headline and is not the site's name or a section label, a date or a byline;
    a line that `confirmations` print again with "Promo Image" after it wins outright.
    """
    end = _zone_end(lines)
    if title:
        for i in range(end):
            if same_title(lines[i], title):
                return i, title
        return None, title
    if len(lines) < 2:
        return None, None
    for i in range(start, end):
        line = lines[i].strip()
        if any(
            c.strip().startswith(line) and c.strip()[len(line) :].strip().lower() == "promo image"
            for c in confirmations
        ):
            return i, undouble(line)
    for i in range(start, min(end, len(lines) - 1)):
        line = lines[i].strip()
        if _is_dating(line) or _is_masthead(line):
            continue
        if looks_like_headline(line):
            return i, undouble(line)
    return None, None


def page_furniture(lines: Sequence[str], headline: int) -> list[int]:
    """Lines above the headline that are the site's furniture: its name, tagline, section.

    Dates, bylines and whole sentences above the headline stay.
    """
    return [
        i
        for i in range(headline)
        if len(words(lines[i])) <= 7 and not _is_dating(lines[i]) and not ends_sentence(lines[i])
    ]
