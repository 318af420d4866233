"""A page's reader-comment thread: from its count heading after the article to the page's end.

A scraper that dumps a page's text dumps its comments too: commenters' names, times, their
words, "Reply" and "Like" buttons, the form to post another. Each alone can look like article
text (a comment is prose), but together they sit under one heading that counts them ("12
Comments", "Comments (3)", "7 thoughts on “…”", "4 Responses to “…”") and run to the end of
the page. On the train and choose pages of boilerplate_pages, such a heading after at least
three prose lines opens the thread on 301 pages of 114 sites, and 249 of the 49,892 lines after
it (0.5%) are article text (reader comments counted as furniture, `comments_as_furniture`).
The clean stage removes the heading and every line after it the line model kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.clean.lines import is_prose

__all__ = ["thread_heading", "thread_start"]

_HEADING = re.compile(
    r"^(?:(?:\d+|no) (?:comments?|responses?|thoughts|replies)(?: (?:on|to) .{1,160})?"
    r"|comments? \(\d+\)"
    r"|(?:show|view|see|read) (?:all )?\d+ comments?)"
    r"\s*[:»+]?$",
    re.IGNORECASE,
)
#: Prose lines before the heading: the article has been printed (a count in a byline bar at
#: the top of the page opens no thread).
PROSE_BEFORE = 3


def thread_heading(line: str) -> bool:
    """Does `line` count a page's comments ("12 comments", "Comments (3)", "Show 40
    comments", "2 thoughts on “Title”")?"""
    return _HEADING.match(line.strip()) is not None


def thread_start(lines: Sequence[str]) -> int | None:
    """The index of the comment thread's heading, when one follows `PROSE_BEFORE` prose
    lines; None when the page shows no thread."""
    prose = 0
    for i, line in enumerate(lines):
        if prose >= PROSE_BEFORE and thread_heading(line):
            return i
        prose += is_prose(line)
    return None
