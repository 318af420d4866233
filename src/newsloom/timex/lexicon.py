"""The words of English news time: months, weekdays, numbers, and the cues around a date.

Regex alternatives are built here once (longest first, so "June" wins over "Jun") and shared by
`timex.detect`. Month and weekday names are matched in title case or in capitals only: "march"
and "may" in lower case are a verb and a modal.
"""

from __future__ import annotations

import re

from newsloom.alternation import alternation

MONTHS_FULL = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
WEEKDAYS_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Weds": 2, "Thu": 3, "Thur": 3, "Thurs": 3,
    "Fri": 4, "Sat": 5, "Sun": 6,
}  # fmt: skip

MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(MONTHS_FULL, 1)},
    **{name.lower(): n for name, n in MONTH_ABBREVIATIONS.items()},
}
_WEEKDAY_NUMBERS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(WEEKDAYS_FULL)},
    **{name.lower(): n for name, n in WEEKDAY_ABBREVIATIONS.items()},
}

#: small numbers written out, as in "one year ago", "two weeks ago"
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "latter": 2,
}  # fmt: skip


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    return alternation({form for word in words for form in (word, word.upper())})


MONTH_FULL_RE = _alternatives(MONTHS_FULL)
MONTH_ANY_RE = _alternatives([*MONTHS_FULL, *MONTH_ABBREVIATIONS])
WEEKDAY_FULL_RE = _alternatives(WEEKDAYS_FULL)
WEEKDAY_ANY_RE = _alternatives([*WEEKDAYS_FULL, *WEEKDAY_ABBREVIATIONS])
#: a year as news writes it: four digits, 1800-2099
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])"
ORDINAL_SUFFIX_RE = r"(?:st|nd|rd|th)?"


def month_number(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")]


def weekday_number(name: str) -> int:
    return _WEEKDAY_NUMBERS[name.lower().rstrip(".")]


#: a word that makes a month or weekday name part of another name ("Bloody Sunday",
#: "Super Tuesday", "Good Friday Agreement" is caught as a holiday phrase first)
NAME_BEFORE_WEEKDAY = re.compile(
    r"(?:\b(?:Bloody|Super|Black|Cyber|Holy|Palm|Maundy|Ash|Good|Easter|Patriots|Spy)|"
    r"\b(?:Mail|Independent|Observer|Telegraph|Express|Mirror|Times|Post|Herald|Star|Sport)"
    r"\s+on)\s+$"
)
#: a word after a weekday that makes it a title ("Sunday Times", "Saturday Night Live")
TITLE_AFTER_WEEKDAY = re.compile(
    r"^\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Tribune|Star|Sport|"
    r"People|Observer|Night\s+Live|Morning\s+Futures|Edition|Politics|Show)\b"
)
#: "USA Today", "Russia Today": a capitalised word just before "Today" names a title
TITLE_BEFORE_TODAY = re.compile(r"\b[A-Z][A-Za-z]*\s+$")
#: after "Today": "Today's Paper", "Today's Photos", "the Today show"
TITLE_AFTER_TODAY = re.compile(r"^(?:['’]s\s+[A-Z][a-z]|\s+(?:show|programme|program)\b)")
#: words before a four-digit number that make it a count: "more than 2000 people"
QUANTIFIER_BEFORE = re.compile(
    r"\b(?:about|some|nearly|almost|approximately|around|roughly|than|least|over|under|"
    r"only|just|additional|another|extra)\s+$",
    re.IGNORECASE,
)
UNIT_AFTER_NUMBER = re.compile(
    r"^\s+(?:people|persons|troops|soldiers|votes|voters|jobs|employees|workers|staff|units|"
    r"cars|vehicles|km|kilometres|kilometers|miles|metres|meters|feet|ft|tonnes|tons|kg|"
    r"dollars|euros|pounds|yuan|points|barrels|shares|seats|delegates|members|cases|deaths|"
    r"visitors|copies|pieces|flights|passengers|planes|aircraft|stores|homes|houses|words|"
    r"pages|rpm|mph|kph|mw|mhz|gb|mb)\b",
    re.IGNORECASE,
)
#: a word after a holiday name that makes it part of another name or a thing
HOLIDAY_COMPOUND = re.compile(
    r"^\s+(?:Island|Islands|Rising|Uprising|Offensive|Agreement|Accord|Parade|Bombings?|"
    r"tree|trees|cards?|shopping|lights|decorations|dinner|lunch|party|parties|presents?|"
    r"gifts?|markets?|message|address|truce|bonus|sales|season)\b"
)

#: a future-referring verb group in the clause before an expression: "will meet on Monday",
#: "is due to vote on Thursday", "the election to be held on June 8"
FUTURE_IN_CLAUSE = re.compile(
    r"\b(?:will|shall|won['’]t|going\s+to|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|"
    r"planned|slated|poised|to\s+be)|due\s+to|set\s+(?:for|to)|scheduled|upcoming|forthcoming|"
    r"plans?\s+to|planning\s+to|intends?\s+to|to\s+be\s+held|would|should|aims?\s+to)\b|"
    r"['’]ll\b",
    re.IGNORECASE,
)
#: a word just before an expression that points forward: "by late May", "until June"
FUTURE_BEFORE = re.compile(r"\b(?:by|until|till|ahead\s+of|next)\s+$", re.IGNORECASE)
#: a past-tense verb group in the clause before an expression ("announced in January"): a weak
#: cue, which a much nearer date after publication still outweighs ("called on Tuesday for an
#: election on June 8")
PAST_IN_CLAUSE = re.compile(
    r"\b(?:was|were|had|did|said|told|began|took|made|met|won|lost|spoke|came|went|gave|held|"
    r"left|saw|rose|fell|sold|bought|paid|brought|grew|led|ran|wrote|chose|flew|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
#: a word just before an expression that points back: "since June 27"
PAST_BEFORE = re.compile(r"\b(?:since|last)\s+$", re.IGNORECASE)
