"""Find quoted spans by pairing quotation marks: text -> spans.

Marks are paired by where they stand, not by their glyph, because scraped news mixes them:
a mark after a space and before a word opens, a mark after a word and before a space or
punctuation closes, whatever its shape (so "...” closes, and so does a stray “ at the end of a
quote). The glyph decides only when the context does not (`said:"Yes"`).

Rules, as news is written:

* double marks (" “ ” „ « », and the typewriter `` and '') and single marks (' ‘ ’) are
  paired separately; single marks inside a double-quoted span are a quote within the quote
  and are not paired;
* an apostrophe between letters (don't, Russia’s, Mossos'd) is no mark, nor is one that
  starts a contraction or a possessive written apart from its word, as tokenised corpora
  print them ("you 're", "Jackman 's");
* a single-quoted span around double-quoted ones is either the outer quote of a text quoting
  with single marks (‘He called it “a farce”’: the inner spans are quotes within the quote)
  or two stray apostrophes paired by chance around a text's real quotes ("the '80s ...
  "X-Men" ... goin' on"); the family the text uses more tells which;
* a doubled opening mark (“” or "“) opens once, after both marks;
* a paragraph that opens a quote without closing it, followed by a paragraph that opens one
  again, is the reporter's convention for a quote running over paragraphs: the first part
  ends at the line end and the next paragraph's quote `continues` it;
* a double-quoted span may also run over a line break when the next paragraph closes it
  without opening a new one;
* an opening mark that is never closed (a stray mark, or a quote cut off at the end of an
  excerpt) is dropped: it costs that quote, never the rest of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from newsloom.analyse.lexicon import words

DOUBLE_MARKS = frozenset('"“”„«»')
SINGLE_MARKS = frozenset("'‘’")
_OPENING_GLYPHS = frozenset("“„«‘")
_CLOSING_GLYPHS = frozenset("”»’")
#: characters after which a mark may open ("(", "[", dashes) when there is no space
_OPENERS_BEFORE = frozenset("([{—–-/")
#: characters before which a mark may close
_CLOSERS_AFTER = frozenset(".,;:!?)]}—–-…")
#: what follows the apostrophe of a contraction or possessive written apart ("you 're")
_CLITIC = re.compile(r"(?:s|re|ve|ll|d|m)(?![\w'’-])", re.IGNORECASE)


class Side(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"
    APOSTROPHE = "apostrophe"


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A quoted span: `start`/`end` bound the text between the marks (trimmed of spaces).

    `mark_start`/`mark_end` include the marks. `open_ended` is True when the span stops at a
    line end because the next paragraph reopens the quote; `continues` is True when this span
    is such a reopening (the same speaker's words go on).
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    open_ended: bool = False
    continues: bool = False


def _side(text: str, i: int, family: frozenset[str]) -> Side:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if family is SINGLE_MARKS and prev.isalnum() and nxt.isalnum():
        return Side.APOSTROPHE
    if (
        family is SINGLE_MARKS
        and text[i] != "‘"
        and prev.isspace()
        and text[i - 2 : i - 1].isalnum()
        and _CLITIC.match(text, i + 1)
    ):
        return Side.APOSTROPHE
    left_free = prev == "" or prev.isspace() or prev in _OPENERS_BEFORE or prev in family
    right_free = nxt == "" or nxt.isspace() or nxt in _CLOSERS_AFTER or nxt in family
    if left_free and not right_free:
        return Side.OPEN
    if right_free and not left_free:
        return Side.CLOSE
    if text[i] in _OPENING_GLYPHS and not prev.isalnum():
        return Side.OPEN
    if text[i] in _CLOSING_GLYPHS:
        return Side.CLOSE
    return Side.EITHER


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _next_paragraph(text: str, line_end: int) -> tuple[int, int] | None:
    """The (start, end) of the next non-blank line after `line_end`, or None."""
    i = line_end
    while i < len(text):
        if text[i] == "\n":
            i += 1
            continue
        end = _line_end(text, i)
        if text[i:end].strip():
            start = i
            while text[start].isspace():
                start += 1
            return start, end
        i = end
    return None


def _is_subhead(text: str, start: int, end: int) -> bool:
    """A short line without end punctuation or marks: a subheading between paragraphs."""
    line = text[start:end].strip()
    return (
        0 < len(line.split()) <= 8
        and line[-1:] not in ".!?:;,"
        and not any(c in DOUBLE_MARKS or c in SINGLE_MARKS for c in line)
    )


def _first_mark(text: str, start: int, end: int, family: frozenset[str]) -> tuple[int, Side] | None:
    for j in range(start, end):
        if text[j] in family:
            side = _side(text, j, family)
            if side is not Side.APOSTROPHE:
                return j, side
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=8)
def _stops(family: frozenset[str]) -> re.Pattern[str]:
    """The characters `_pair` acts on: line ends and the family's marks."""
    return re.compile("[\n" + re.escape("".join(sorted(family))) + "]")


def _pair(
    text: str,
    family: frozenset[str],
    *,
    over_lines: bool,
    skip: list[tuple[int, int]] | None = None,
) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    continues = False
    skip = skip or []
    k = 0  # index into skip, both sorted by position
    i = 0
    stops = _stops(family)
    while True:
        found = stops.search(text, i)  # what lies between line ends and marks changes nothing
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch == "\n":
            if open_at is not None:
                line_end = i
                nxt = _next_paragraph(text, line_end)
                if nxt and _is_subhead(text, *nxt):
                    after = _next_paragraph(text, nxt[1])
                    first_after = _first_mark(text, after[0], after[1], family) if after else None
                    if after and first_after and first_after[0] == after[0]:
                        nxt = after
                first = _first_mark(text, nxt[0], nxt[1], family) if nxt else None
                if nxt and first and first[0] == nxt[0] and first[1] is not Side.CLOSE:
                    s, e = _trimmed(text, open_at + 1, line_end)
                    if s < e:
                        spans.append(MarkedSpan(s, e, open_at, line_end, True, continues))
                    open_at, continues = None, True
                    i = nxt[0]
                    continue
                if not (over_lines and nxt and first and first[1] is Side.CLOSE):
                    open_at, continues = None, False
            i += 1
            continue
        while k < len(skip) and skip[k][1] <= i:
            k += 1
        if k < len(skip) and skip[k][0] <= i < skip[k][1]:
            i += 1
            continue
        side = _side(text, i, family)
        if side is Side.APOSTROPHE:
            i += 1
            continue
        if open_at is None:
            if side is not Side.CLOSE:
                open_at = i
        elif text[open_at + 1 : i].strip() == "" and side is not Side.CLOSE:
            open_at = i  # a doubled opening mark
        elif side is Side.OPEN:
            open_at, continues = i, False  # the earlier mark was stray
        else:
            s, e = _trimmed(text, open_at + 1, i)
            if s < e:
                spans.append(MarkedSpan(s, e, open_at, i + 1, False, continues))
            open_at, continues = None, False
        i += 1
    return spans


def _typewriter(text: str) -> str:
    """`` and '' (typewriter and tokenised-corpus quotes) as one double mark each, with the
    same length: ``x'' -> _"x"_ , so that pairing sees a mark where they stand."""
    if "''" not in text and "``" not in text:
        return text
    return text.replace("``", ' "').replace("''", '" ')


def _nested(double: list[MarkedSpan], single: list[MarkedSpan]) -> tuple[set[int], set[int]]:
    """Indices of the double-quoted spans that lie inside a single-quoted one, and of the
    single-quoted spans that hold one. Both lists are in text order, and no single mark is
    paired inside a double-quoted span, so the doubles after a single's opening mark are
    inside it until one ends past its closing mark."""
    starts = [d.mark_start for d in double]
    inner: set[int] = set()
    around: set[int] = set()
    for k, s in enumerate(single):
        j = bisect_right(starts, s.mark_start)
        while j < len(double) and double[j].mark_end <= s.mark_end:
            inner.add(j)
            around.add(k)
            j += 1
    return inner, around


def find_quoted(text: str) -> list[MarkedSpan]:
    """All quoted spans of `text`, in order, with offsets into `text`."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return list(_quoted_spans(text))


@lru_cache(maxsize=256)
def _quoted_spans(text: str) -> tuple[MarkedSpan, ...]:
    """`find_quoted`'s answer, remembered for the last texts: the entities, quotes and events
    stages each ask about the same article's text, one stage over a whole batch (64 articles
    by default) before the next."""
    marked = _typewriter(text)
    double = _pair(marked, DOUBLE_MARKS, over_lines=True)
    outer = [(s.mark_start, s.mark_end) for s in double]
    single = _pair(marked, SINGLE_MARKS, over_lines=False, skip=outer)
    inner, around = _nested(double, single)
    if around and len(single) >= len(double):
        double = [d for j, d in enumerate(double) if j not in inner]
    elif around:
        single = [s for k, s in enumerate(single) if k not in around]
    spans = sorted(double + single, key=lambda s: s.mark_start)
    return tuple(s for s in spans if any(c.isalpha() for c in text[s.start : s.end]))


_DIRECT_BEFORE = frozenset(":,—–-(")
#: verbs after which a quote is the speaker's own sentence ("said “...”"), as written
_SAYING = words(
    """
    said says say saying told tells added adds adding asked asks declared declares declaring
    wrote writes tweeted tweets replied answered stated insisted explained warned announced
    """
)


def quote_is_partial(text: str, span: MarkedSpan) -> bool:
    """A fragment set inside the reporter's own sentence ("called it “extremely
    regrettable”"), rather than the speaker's own sentence after a colon, a comma, a verb of
    saying or at the start of a line."""
    if span.continues:
        return False
    i = span.mark_start - 1
    if text.startswith("``", i):
        i -= 1  # the typewriter mark is two characters; the span's mark is the second
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in _DIRECT_BEFORE or text[i] in ".!?\"”’'":
        return False
    if text[i].isalnum():
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        return text[j : i + 1].lower() not in _SAYING
    return True
