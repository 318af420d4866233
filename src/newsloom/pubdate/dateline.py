"""Datelines and timestamps printed in the text: the page's own statement of when it appeared.

A date in a line counts as a publication stamp only when the line says so or has the shape of
one, because most dates in a news text are about events, not about the article:

* `published`: a publication label before it ("Published: December 15, 2017", "First published
  on Sun 1 Oct 2017", "Posted on", "veröffentlicht am");
* `updated`: an update label before it ("Updated March 30, 2017 09:11:39", "Last Updated:"),
  also when the label stands alone on the line above. An update stamp is not a publication
  date: the article appeared on or before it, so it serves only as a last, inferred bound;
* `timestamp`: a line that is nothing but a date, a weekday, a clock time and separators
  ("March 29, 2017 / 11:44 AM / in 6 months", "Tuesday, June 12, 2018", "2017-10-01 12:28");
* `byline`: a byline that ends in a date ("By William Vitka June 16, 2017");
* `credit`: a source credit followed by a date ("Reuters | June 01 2017").

Table rows (results lists, schedules, a site's header clock in a layout table) and lines of
embedded material are skipped: tweet signatures ("— Name (@handle) October 1, 2017"),
photo captions and credits ("FILE - In this May 9, 2007 file photo", "(AP Photo/...)") and
embedded-video credits ("... Publish Date July 16, 2018 ... Watch in Times Video »"): their
dates belong to the tweet, the photo or the video.

Year-less datelines ("Wednesday, March 29", "LONDON, March 29 (Reuters)", "Oct. 1 (UPI)") say
the day but not the year: they are no full date, so they never make a publication date here.
`find_partial_dates` finds such day-and-month mentions for the inference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsloom.pubdate.parse import (
    ANY_WEEKDAY_RE,
    MONTH_RE,
    WEEKDAY_RE,
    find_full_dates,
    may_hold_full_date,
    month_number,
)
from newsloom.pubdate.slashed import slashed_dates

PUBLISHED, UPDATED, TIMESTAMP, BYLINE, CREDIT = (
    "published", "updated", "timestamp", "byline", "credit"
)  # fmt: skip

#: Unlabelled stamp lines are looked for in the head of the text only; labelled ones anywhere.
HEAD_LINES = 15
#: A stamp line holds at most this many letters besides the date, weekday, time and labels.
MAX_STAMP_LETTERS = 24
MAX_LINE_CHARS = 300
#: a label counts when it starts this close to the line start (or to the previous date)
MAX_LABEL_OFFSET = 40


@dataclass(frozen=True, slots=True)
class Dateline:
    """A publication stamp found in the text (`start`/`end` are offsets of the date itself)."""

    value: str
    start: int
    end: int
    kind: str
    line: str


_PUBLISHED_CORE = (
    r"(?:(?:first\s+)?\b(?:published|posted|publish\s+date|publication\s+date|date\s+published|"
    r"released|issued)|\bpublié|\bveröffentlicht|\berschienen|\berstellt|\bpublicado|"
    r"\bpubblicato|\bgepubliceerd)(?:\s+(?:on|at|le|am|el|il|op))?"
)
_UPDATED_CORE = (
    r"(?:(?:last\s+)?\b(?:updated|modified|edited|revised|amended)|\bmis\s+à\s+jour|"
    r"\baktualisiert|\bstand|\bactualizado|\baggiornato|\bbijgewerkt)"
    r"(?:\s+(?:on|at|le|am|el|il|op))?"
)
_PUBLISHED_LABEL = re.compile(_PUBLISHED_CORE + r"\s*[:|–—-]?\s*$", re.IGNORECASE)
_UPDATED_LABEL = re.compile(_UPDATED_CORE + r"\s*[:|–—-]?\s*$", re.IGNORECASE)
#: a line that is only a label, for a stamp printed on the next line (" Updated \n Mon 2 Oct")
_BARE_LABEL = re.compile(rf"^\W*(?:{_PUBLISHED_CORE}|{_UPDATED_CORE})\W*$", re.IGNORECASE)
_WEEKDAY_TAIL = re.compile(rf"{ANY_WEEKDAY_RE}\s*,?\s*$", re.IGNORECASE)
#: a clock time (and its zone) between a label and its date: "Published: 22:00 GMT, 26 September
#: 2020", "Updated 9:53 am PDT, Tuesday, ...", "Updated22:38, 9 MAY 2020" (sites print no space)
_CLOCK_TAIL = re.compile(
    r"(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:[A-Z]{2,5})?\s*,?\s*$"
)
#: a field label of something else before the date ("Version 3, 29 June 2007", "Termin: ...",
#: "Deadline: ..."): the line is a record of an event, a version or a deadline, not a stamp
#: ("Date:", "Datum:" are the page's own date fields and stay stamps)
_OTHER_LABEL = re.compile(
    r"\b(?!(?:date|dated|datum|fecha|data)\s*:)[^\W\d_]{3,}\s*:\s*$|\bversion\s+[\d.]+\s*,?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\W*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*[,|–—-]?\s*$")
_CREDIT = re.compile(r"(?:^|[|–—:-]\s*)[A-Z][\w.&'’ ]{0,40}?\s*\|\s*$")
_MEDIA = re.compile(
    r"pic\.twitter\.com|\(@\w+\)|\bphoto(?:graph)?s?\s+(?:by|credit)\b|\bphoto\s*[:/]|"
    r"\b(?:AP|AFP|Reuters|Getty|EPA|PA)\s*(?:Photo|Images)\b|\bfile\s+photo\b|"
    r"\bwatch\b.{0,40}\bvideo\b|\bvideo\s*»|\bcaption\b",
    re.IGNORECASE,
)
#: a row of a table (trafilatura prints cells between pipes; layout tables pad with spaces):
#: results lists, schedules and header widgets (a site clock), not the article's stamp
_TABLE_ROW = re.compile(r"^\s*\||\S\s{5,}\S")
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?|\b(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\b"
)
_WEEKDAY = re.compile(rf"\b{ANY_WEEKDAY_RE}", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_LABEL_WORDS = re.compile(
    r"\b(?:first|last|published|posted|updated|modified|on|at|date|le|am|el)\b", re.IGNORECASE
)
_PARTIAL = re.compile(
    rf"(?:\b{WEEKDAY_RE},?\s+)?\b(?:({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|"
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({MONTH_RE})\.?)(?!,?\s*\d{{4}})(?!\d)",
    re.IGNORECASE,
)


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def is_media_line(line: str) -> bool:
    """A tweet signature, photo caption or credit, or an embedded video's credit line."""
    return bool(_MEDIA.search(line))


def _letters_left(line: str, spans: list[tuple[int, int, str]]) -> int:
    rest = line
    for start, end, _ in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    rest = _CLOCK.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _LABEL_WORDS.sub(" ", rest)
    return len(_LETTER.findall(rest))


def _label(before: str) -> str | None:
    """The label just before a date. A label is written as one ("Published:", "First published
    on", "Updated", "Last Updated:"): capitalised or followed by a colon, near the line start.
    A verb inside a sentence ("Mercurial 5.2 was released on November 5, 2019") is no label."""
    before = _WEEKDAY_TAIL.sub("", before.rstrip(" ,"))
    before = _CLOCK_TAIL.sub("", before.rstrip(" ,"))
    for pattern, kind in ((_UPDATED_LABEL, UPDATED), (_PUBLISHED_LABEL, PUBLISHED)):
        m = pattern.search(before)
        if m is None or m.start() > MAX_LABEL_OFFSET:
            continue
        label = m.group().strip()
        if label[:1].isupper() or label.endswith(":") or not before[: m.start()].strip():
            return kind
    return None


def _nothing_but_weekday(before: str) -> bool:
    rest = before.strip(" ,")
    return not rest or bool(_WEEKDAY_TAIL.fullmatch(rest))


def find_datelines(text: str, day_first: bool | None = None) -> list[Dateline]:
    """Publication stamps in `text`, in text order (see the module doc for the kinds).

    `day_first` says how the site writes slashed dates (`slashed.day_first_site`); a slashed
    date is read only when its order is known.
    """
    found: list[Dateline] = []
    previous = ""
    content_lines = 0
    for offset, line in lines_with_offsets(text):
        if not line.strip():
            continue
        content_lines += 1
        in_head = content_lines <= HEAD_LINES
        label_above = previous
        previous = line
        if (
            len(line) > MAX_LINE_CHARS
            or not may_hold_full_date(line)  # no date: the tests below would be wasted
            or is_media_line(line)
            or _TABLE_ROW.search(line)
        ):
            continue
        spans = find_full_dates(line) or slashed_dates(line, day_first)
        if not spans:
            continue
        stamp_line = _letters_left(line, spans) <= MAX_STAMP_LETTERS
        last_end = 0
        for n, (start, end, value) in enumerate(spans):
            before = line[last_end:start]
            last_end = end
            kind = _label(before)
            if kind is None and n == 0 and _BARE_LABEL.match(label_above) and _nothing_but_weekday(
                before
            ):
                kind = _label(label_above.strip())
            if kind is None and in_head:
                if n == 0 and _BYLINE.match(before):
                    kind = BYLINE
                elif _CREDIT.search(before):
                    kind = CREDIT
                elif stamp_line and not _OTHER_LABEL.search(_WEEKDAY_TAIL.sub("", before.rstrip())):
                    kind = TIMESTAMP
            if kind is not None:
                found.append(Dateline(value, offset + start, offset + end, kind, line.strip()))
    return found


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A day and month printed without a year ("Dec. 14", "29 March")."""

    month: int
    day: int
    start: int
    end: int
    text: str


def find_partial_dates(text: str) -> list[PartialDate]:
    """Day-and-month mentions that print no year, in text order."""
    found = []
    for m in _PARTIAL.finditer(text):
        month_name, day = (m[1], m[2]) if m[1] else (m[4], m[3])
        month = month_number(month_name)
        if month is None or not 1 <= int(day) <= 31:
            continue
        if month_name.lower() == "may" and m[1] and not m[0][0].isupper():
            continue  # "may 8" as a verb followed by a number
        found.append(PartialDate(month, int(day), m.start(), m.end(), m[0]))
    return found
