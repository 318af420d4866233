"""The text around a temporal expression: quoted speech, the clause before it, its paragraph.

News time depends on who is speaking and when: "today" in a quotation is the day the words were
said, and "on Thursday" after "will" is the coming Thursday. These helpers read just enough of
the surrounding text to tell, with plain string scans (no parser).
"""

from __future__ import annotations

import bisect
import re

from newsloom.timex import lexicon as lx

_OPENING = '“"«„'
_CLOSING = '”"»“'
#: a clause ends at sentence punctuation or a comma (not inside a number), a semicolon, a dash,
#: a quotation mark or a line break
_CLAUSE_END = re.compile(r"[!?;\n—–“”\"]|[.:,](?!\d)|\s-\s")


class QuotedSpans:
    """The stretches of a text between quotation marks, for "is this offset quoted?".

    Double marks (curly or straight) open and close a quotation; a paragraph that opens one and
    never closes it is quoted to its end, as news prints a quotation running into the next
    paragraph. Single curly marks count only outside double ones, and only where they cannot be
    an apostrophe (a closing ’ followed by a letter is one: "Britain’s").
    """

    def __init__(self, text: str) -> None:
        self.spans = _quoted_spans(text)
        self._starts = [start for start, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.extend((pos + a, pos + b) for a, b in _line_quotes(line))
        pos += len(line) + 1
    return spans


_MARKS = re.compile(r"[“”\"«»„‘’]")


def _line_quotes(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    single: int | None = None
    for mark in _MARKS.finditer(line):
        i, ch = mark.start(), mark[0]
        if opened is None and ch in _OPENING and single is None:
            if ch == '"' and i + 1 < len(line) and line[i + 1].isspace():
                continue  # a straight mark followed by a space opens nothing
            opened = i + 1
        elif opened is not None and ch in _CLOSING:
            spans.append((opened, i))
            opened = None
        elif opened is None and single is None and ch == "‘":
            single = i + 1
        elif single is not None and ch == "’" and not line[i + 1 : i + 2].isalpha():
            spans.append((single, i))
            single = None
    if opened is not None:
        spans.append((opened, len(line)))
    return spans


def clause_before(text: str, start: int, limit: int = 80) -> str:
    """The text of the clause that leads up to `start` (at most `limit` characters)."""
    window = text[max(0, start - limit) : start]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


PAST = "past"
FUTURE = "future"
#: a past-tense verb in the clause: a weaker cue than PAST
PAST_TENSE = "past tense"


def time_cue(text: str, start: int) -> str | None:
    """What the words just before an expression say of its time: PAST, FUTURE, PAST_TENSE or None.

    "since June 27" is past; "by late May", "until June" and a future verb group earlier in the
    clause ("will meet on Monday", "the election to be held on June 8") are future; a past-tense
    verb earlier in the clause ("introduced in January") is past tense.
    """
    before = text[max(0, start - 20) : start]
    if lx.PAST_BEFORE.search(before):
        return PAST
    if lx.FUTURE_BEFORE.search(before):
        return FUTURE
    clause = clause_before(text, start)
    if lx.FUTURE_IN_CLAUSE.search(clause):
        return FUTURE
    if lx.PAST_IN_CLAUSE.search(clause):
        return PAST_TENSE
    return None


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The start and end of the line (paragraph) that holds `offset`."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end
