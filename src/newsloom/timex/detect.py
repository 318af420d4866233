"""Finding temporal expressions in English news text: spans and what they say, not yet dated.

Each pattern below is one phenomenon of news writing (a full date, a year-less "Dec. 14", a
weekday, "last month", "one year ago", "the next day", a holiday, a quarter); its reader turns a
match into a `Mention` or refuses it (a count "more than 2000 people", a title "Sunday Times",
a product "Today's Paper"). Where patterns overlap, the longest match wins, so "Friday, Oct. 27,
2017" is one expression and "Tuesday" inside it is not another.

Durations ("two years", "within hours", "a four-month high"), clock times, ages ("48-year-old"),
vague references ("recently", "in the months ahead") and event-anchored relatives ("the eve
of", "days after") have no pattern here: they are not dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsloom.timex import lexicon as lx
from newsloom.timex.calendar import FIXED_HOLIDAYS, PLACEHOLDER_YEAR, valid_date


@dataclass(frozen=True, slots=True)
class Mention:
    """A temporal expression found in a text, with the parts it states.

    `kind` says how it is dated (see `timex.resolve`): date, month, year, quarter, weekday,
    deictic (today, yesterday), relative (last month, this week), ago, chain (the next day),
    holiday.
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    #: the unit of a relative expression: day, week, weekend, month, quarter, year
    unit: str | None = None
    #: how many units from the anchor: -1 for "last month", +1 for "tomorrow", -2 for "two
    #: years ago"
    shift: int = 0
    #: "last", "next", "this" before a weekday or holiday
    relation: str | None = None
    #: a holiday's name, lower case
    name: str | None = None


Reader = Callable[[str, re.Match[str]], Iterator[Mention]]

_WD_PREFIX = rf"(?:(?P<wd>{lx.WEEKDAY_ANY_RE})\.?,?\s+)?"
_YEAR_TAIL = rf"(?:(?:,\s*|\s+)(?P<year>{lx.YEAR_RE})(?!\d))?"
_DAY_END = r"(?![\d:%]|\.\d|\s*(?:%|percent|per\s+cent|million|billion|[ap]\.?m\b))"
_AROUND = r"(?i:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)"

MONTH_DAY = re.compile(
    rf"(?=[A-Z])\b{_WD_PREFIX}(?P<mon>{lx.MONTH_ANY_RE})\b\.?\s+(?P<day>{lx.DAY_RE}){lx.ORDINAL_SUFFIX_RE}"
    rf"\b{_DAY_END}{_YEAR_TAIL}"
)
DAY_MONTH = re.compile(
    rf"(?=[A-Z\dTt])\b{_WD_PREFIX}(?:(?i:the)\s+)?(?<![\d.,$£€/])(?P<day>{lx.DAY_RE}){lx.ORDINAL_SUFFIX_RE}"
    rf"\s+(?:of\s+)?(?P<mon>{lx.MONTH_ANY_RE})\b\.?{_YEAR_TAIL}"
)
ISO_DATE = re.compile(
    rf"(?=[12]\d\d\d-)(?<![\d/.-])(?P<year>{lx.YEAR_RE})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d-])"
)
DOTTED_DATE = re.compile(
    rf"(?=[A-Z\d])\b{_WD_PREFIX}(?<![\d.])(?P<day>{lx.DAY_RE})\.(?P<mon>0?[1-9]|1[0-2])\.(?P<year>{lx.YEAR_RE})"
    r"(?!\d|\.\d)"
)
#: 04/18/2017, 7/8/07: month first (American), unless the first number cannot be a month
SLASHED_DATE = re.compile(
    rf"(?=[A-Z\d])\b{_WD_PREFIX}(?<![\d/])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>{lx.YEAR_RE}|\d\d)(?![\d/])"
)
MONTH_YEAR = re.compile(
    rf"(?=[A-ZelmtEMLT])\b(?:(?P<mod>{_AROUND})[\s-]+)?(?P<mon>{lx.MONTH_ANY_RE})\b\.?,?\s+(?:of\s+)?"
    rf"(?P<year>{lx.YEAR_RE})(?![\d%])"
)
#: a month name alone needs a word before it that makes it a time: "late May", "for June"
MONTH_ONLY = re.compile(rf"(?=[A-Z])\b(?P<mon>{lx.MONTH_FULL_RE})\b(?![\s-]*\d)(?!['’]s)")
_BEFORE_MONTH_ONLY = re.compile(
    rf"(?:\b(?P<mod>{_AROUND}|(?i:last|next|this))[\s-]+|"
    rf"\b(?P<prep>(?i:in|since|until|till|by|from|through|during|for|of|between)|and|or|to)\s+)$"
)
#: "October of next year", "January next year"
MONTH_RELATIVE_YEAR = re.compile(
    rf"(?=[A-Z])\b(?P<mon>{lx.MONTH_FULL_RE})\b(?:\s+of)?\s+(?P<rel>(?i:this|last|next))\s+year\b"
)
YEAR = re.compile(
    rf"(?=[12elmtEMLT])\b(?:(?P<mod>{_AROUND}|(?i:the\s+(?:first|second|latter)\s+half\s+of))[\s-]+)?"
    rf"(?P<year>{lx.YEAR_RE})(?![\w%@]|[.,:]\d|-\d|\s?[-–]\s?{lx.YEAR_RE})"
)
YEAR_RANGE = re.compile(
    rf"(?=[12])(?<![\w$£€#/.,-])(?P<y1>{lx.YEAR_RE})\s?[-–]\s?(?P<y2>{lx.YEAR_RE})(?![\w%])"
)
WEEKDAY = re.compile(
    rf"(?=[A-Zelnct])(?<![\w-])(?:(?P<mod>(?i:early|late|earlier|later))\s+)?"
    rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|coming))\s+)?"
    rf"(?P<wd>{lx.WEEKDAY_FULL_RE})\b(?:['’]s)?"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
DEICTIC = re.compile(
    r"(?=[eElLtTyY])(?<![\w-])(?:(?P<mod>(?i:earlier|later))\s+)?(?P<word>(?i:today|tonight|tomorrow|yesterday))"
    r"\b(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
)
PART_OF_DAY = re.compile(
    r"(?=[tTlL])(?<![\w-])(?P<rel>(?i:this|last))\s+(?P<part>morning|afternoon|evening|night)\b"
)
RELATIVE = re.compile(
    r"(?=[eElLtTnN])(?<![\w-])(?:(?P<mod>(?i:early|late|earlier|later))\s+(?:(?i:in)\s+)?)?"
    r"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next))\s+"
    r"(?P<unit>week|weekend|month|quarter|year)\b(?:['’]s)?"
)
EDGE_OF_UNIT = re.compile(
    r"(?=[tT])(?<![\w-])(?i:the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+)"
    r"(?P<rel>(?i:this|last|next|the))\s+(?P<unit>week|month|year)\b"
)
AGO = re.compile(
    r"(?=[aAoOtTfFsSeEnN\d])(?<![\w-])(?P<n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|"
    r"\d{1,2})\s+(?P<unit>day|week|month|year)s?\s+ago\b"
)
CHAIN = re.compile(
    r"(?=[tTaAeElLoOfFsSnNiI\d])(?<![\w-])(?i:the\s+(?P<next>next|following|previous)\s+day|"
    r"the\s+day\s+(?P<rel>before|after)(?=\s*(?:[,.;:!?)]|$))|"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<cunit>day|week)s?\s+(?P<later>later|earlier)|"
    r"(?P<sameday>(?:earlier|later)\s+(?:in\s+the|that)\s+(?:day|morning|afternoon|evening)|"
    r"that\s+same\s+day|(?:later|earlier)\s+that\s+(?:morning|afternoon|evening|night)|"
    r"that\s+(?:morning|afternoon|evening|night)(?=\s*[,.;:!?])|"
    r"(?<=[.!?]\s)In\s+the\s+(?:morning|afternoon|evening)|"
    r"the\s+same\s+day(?!\s+(?:that|as|when|on)\b)|"
    r"(?:late|early)\s+in\s+the\s+day|the\s+(?:start|end)\s+of\s+the\s+day|"
    r"(?:(?<=end\s)|(?<=ends\s)|(?<=ended\s)|(?<=ending\s)|(?<=finish\s)|(?<=finished\s)|"
    r"(?<=finishing\s)|(?<=For\s)|(?<=for\s))the\s+day(?=\s*(?:[,.;]|(?:at|with|down|up)\b)))|"
    r"(?P<samemonth>(?:earlier|later)\s+(?:in\s+the|that)\s+month|that\s+same\s+month))\b"
)
QUARTER = re.compile(
    r"(?=[tTfFsS1-4])(?<![\w-])(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))"
    rf"[\s-]+(?i:quarter)\b(?!-finals?)(?:\s+(?i:of)\s+(?:(?P<year>{lx.YEAR_RE})\b|"
    r"(?P<rel>(?i:this|last|next|the))\s+(?i:year)\b))?"
)
Q_QUARTER = re.compile(rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{lx.YEAR_RE}))?\b")
LAST_QUARTER = re.compile(
    r"(?=[tT])(?<![\w-])(?i:the\s+)(?P<rel>(?i:last|previous|past))\s+quarter\b"
)
HOLIDAY = re.compile(
    r"(?=[A-ZlntLNT])(?<![\w-])(?:(?P<rel>(?i:last|next|this))\s+)?"
    r"(?P<name>Easter\s+Sunday|Easter\s+Monday|Easter|Good\s+Friday|Ash\s+Wednesday|"
    r"Christmas\s+Eve|Christmas\s+Day|Christmas|Boxing\s+Day|New\s+Year['’]s\s+Day|"
    r"New\s+Year['’]s\s+Eve|New\s+Year['’]s|Halloween|Valentine['’]s\s+Day|"
    r"Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day)\b"
    rf"(?:,?\s+(?P<year>{lx.YEAR_RE})(?!\d))?"
)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    return valid_date(year or PLACEHOLDER_YEAR, month, day) is not None


def _weekday_of(m: re.Match[str]) -> int | None:
    return lx.weekday_number(m["wd"]) if m["wd"] else None


def _year_of(m: re.Match[str]) -> int | None:
    return int(m["year"]) if m["year"] else None


def _named_date(text: str, m: re.Match[str]) -> Iterator[Mention]:
    month, day, year = lx.month_number(m["mon"]), int(m["day"]), _year_of(m)
    if not _valid_day(year, month, day):
        return
    if m["mon"] in ("May", "MAY") and year is None and _name_before(text, m.start("mon")):
        return  # "Theresa May 8" is not a date
    yield Mention(m.start(), m.end(), "date", year, month, day, _weekday_of(m))


def _name_before(text: str, pos: int) -> bool:
    """A capitalised word right before `pos`, not at a sentence start: a name ("Theresa May")."""
    before = text[max(0, pos - 40) : pos]
    m = re.search(r"(\S?)\s*\b([A-Z][a-z]+)\s+$", before)
    if not m or m[2].lower() in _LEADING_WORDS:
        return False
    return m[1] not in ("", ".", "!", "?", ":", ";", '"', "“", "(", "|", "-", "–", "—")


#: capitalised words that may stand before a month at the start of a line or a title
_LEADING_WORDS = frozenset(
    {"on", "in", "by", "since", "until", "from", "through", "before", "after", "early", "late",
     "mid", "last", "next", "this", "updated", "published", "posted", "dated", "during",
     "copyright", "between", "and", "or", "to", "of", "the"}
)  # fmt: skip


def _numeric_date(text: str, m: re.Match[str]) -> Iterator[Mention]:
    year, month, day = int(m["year"]), int(m["mon"]), int(m["day"])
    if _valid_day(year, month, day):
        yield Mention(m.start(), m.end(), "date", year, month, day, _weekday_of(m))


def _iso_date(text: str, m: re.Match[str]) -> Iterator[Mention]:
    year, month, day = int(m["year"]), int(m["mon"]), int(m["day"])
    if _valid_day(year, month, day):
        yield Mention(m.start(), m.end(), "date", year, month, day)


def _slashed_date(text: str, m: re.Match[str]) -> Iterator[Mention]:
    a, b, year_text = int(m["a"]), int(m["b"]), m["year"]
    month, day = (b, a) if a > 12 else (a, b)
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    if len(year_text) == 2 and int(year_text) > 50:
        year -= 100
    if _valid_day(year, month, day):
        yield Mention(m.start(), m.end(), "date", year, month, day, _weekday_of(m))


def _month_year(text: str, m: re.Match[str]) -> Iterator[Mention]:
    yield Mention(m.start(), m.end(), "month", int(m["year"]), lx.month_number(m["mon"]))


def _month_only(text: str, m: re.Match[str]) -> Iterator[Mention]:
    month = lx.month_number(m["mon"])
    window = text[max(0, m.start() - 30) : m.start()]
    found = _BEFORE_MONTH_ONLY.search(window)
    if found is None:
        return
    after = text[m.end() : m.end() + 30]
    if found["prep"]:
        prep = found["prep"].lower()
        listed = prep in ("and", "or", "to")
        if listed and not re.search(rf"\b(?:{lx.MONTH_FULL_RE})\s+$", window[: found.start()]):
            return  # "and", "or", "to" only continue a list of months: "April and June"
        if re.match(r"\s+[A-Z]", after):
            return  # "in June Smith's garden": a name
        if (
            m["mon"] in ("May", "MAY")
            and not listed
            and not (prep == "in" and re.match(r"\s*(?:[,.;:)]|$|\s+and\b)", after))
        ):
            return  # "backed by May", "since May took office": Theresa May, not the month
        start = m.start()
    else:
        start = m.start() - (len(window) - found.start("mod"))
    mod = (found["mod"] or "").lower()
    relation = mod if mod in ("last", "next", "this") else None
    yield Mention(start, m.end(), "month", None, month, relation=relation)


def _month_relative_year(text: str, m: re.Match[str]) -> Iterator[Mention]:
    month = lx.month_number(m["mon"])
    shift = _SHIFT[m["rel"].lower()]
    yield Mention(m.start(), m.end(), "month", month=month, unit="year", shift=shift)


def _year(text: str, m: re.Match[str]) -> Iterator[Mention]:
    start = m.start("year")
    before = text[max(0, start - 1) : start]
    if before and re.match(r"[\w$£€#/.,:@'’-]", before) and not (m["mod"] and before == "-"):
        return
    after = text[m.end() : m.end() + 30]
    if not m["mod"] and re.match(r"\s+[A-Z][a-z]", after) and _name_before(text, start):
        return  # "Russell 2000 Index": a name with a number in it
    if lx.UNIT_AFTER_NUMBER.match(after):
        return
    if lx.QUANTIFIER_BEFORE.search(text[max(0, start - 20) : start]) and re.match(
        r"\s+[a-z]+s\b", after
    ):
        return  # "more than 2000 votes"
    yield Mention(m.start(), m.end(), "year", int(m["year"]))


def _year_range(text: str, m: re.Match[str]) -> Iterator[Mention]:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y1 < y2:
        yield Mention(m.start("y1"), m.end("y1"), "year", y1)
        yield Mention(m.start("y2"), m.end("y2"), "year", y2)


def _weekday(text: str, m: re.Match[str]) -> Iterator[Mention]:
    if lx.NAME_BEFORE_WEEKDAY.search(text[max(0, m.start() - 30) : m.start()]):
        return
    if lx.TITLE_AFTER_WEEKDAY.match(text[m.end("wd") : m.end("wd") + 30]):
        return
    relation = _relation(m["rel"])
    yield Mention(m.start(), m.end(), "weekday", weekday=lx.weekday_number(m["wd"]),
                  relation=relation)  # fmt: skip


def _relation(word: str | None) -> str | None:
    if not word:
        return None
    word = " ".join(word.lower().split())
    return {"this past": "last", "this coming": "next", "coming": "next"}.get(word, word)


_DEICTIC_SHIFT = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def _deictic(text: str, m: re.Match[str]) -> Iterator[Mention]:
    word = m["word"]
    if word[0] == "T" and not m["mod"]:
        if lx.TITLE_AFTER_TODAY.match(text[m.end("word") : m.end("word") + 20]):
            return  # "Today's Paper", "the Today show"
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 30) : m.start()]
        if lx.TITLE_BEFORE_TODAY.search(before) and not re.search(r"[.!?:;]\s*$", before):
            return  # "USA Today"
    yield Mention(m.start(), m.end(), "deictic", unit="day", shift=_DEICTIC_SHIFT[word.lower()])


def _part_of_day(text: str, m: re.Match[str]) -> Iterator[Mention]:
    last = m["rel"].lower() == "last"
    if last and m["part"] != "night":
        return  # "last morning" is not idiomatic news time
    yield Mention(m.start(), m.end(), "deictic", unit="day", shift=-1 if last else 0)


_SHIFT = {"this": 0, "the": 0, "last": -1, "next": 1}


def _relative(text: str, m: re.Match[str]) -> Iterator[Mention]:
    if m["rel"].lower() != "this" and re.search(
        r"\b(?i:the)\s+$", text[max(0, m.start() - 6) : m.start()]
    ):
        return  # "the next year", "over the last month": a stretch of time, not a date
    relation = _relation(m["rel"])
    yield Mention(m.start(), m.end(), "relative", unit=m["unit"], shift=_SHIFT[relation or "this"])


def _edge_of_unit(text: str, m: re.Match[str]) -> Iterator[Mention]:
    rel = m["rel"].lower()
    yield Mention(m.start(), m.end(), "relative", unit=m["unit"].lower(), shift=_SHIFT[rel])


def _ago(text: str, m: re.Match[str]) -> Iterator[Mention]:
    n_text = m["n"].lower()
    n = lx.NUMBER_WORDS[n_text] if n_text in lx.NUMBER_WORDS else int(n_text)
    yield Mention(m.start(), m.end(), "ago", unit=m["unit"], shift=-n)


def _chain(text: str, m: re.Match[str]) -> Iterator[Mention]:
    if m["sameday"] or m["samemonth"]:
        # "earlier in the day", "later that month": the day or month of the date just before
        unit = "day" if m["sameday"] else "month"
        yield Mention(m.start(), m.end(), "chain", unit=unit, shift=0)
        return
    word = (m["next"] or m["rel"] or m["later"]).lower()
    shift = -1 if word in ("previous", "before", "earlier") else 1
    if m["n"]:
        # "two days later", "a week earlier": that many days from the day just mentioned
        n_text = m["n"].lower()
        n = lx.NUMBER_WORDS[n_text] if n_text in lx.NUMBER_WORDS else int(n_text)
        shift *= n * (7 if m["cunit"].lower() == "week" else 1)
    yield Mention(m.start(), m.end(), "chain", unit="day", shift=shift)


def _quarter(text: str, m: re.Match[str]) -> Iterator[Mention]:
    quarter = lx.ORDINALS[m["ord"].lower()]
    if m["rel"]:
        shift = _SHIFT[m["rel"].lower()]
        yield Mention(m.start(), m.end(), "quarter", quarter=quarter, unit="year", shift=shift)
    else:
        yield Mention(m.start(), m.end(), "quarter", _year_of(m), quarter=quarter)


def _q_quarter(text: str, m: re.Match[str]) -> Iterator[Mention]:
    yield Mention(m.start(), m.end(), "quarter", _year_of(m), quarter=int(m["q"]))


def _last_quarter(text: str, m: re.Match[str]) -> Iterator[Mention]:
    yield Mention(m.start(), m.end(), "relative", unit="quarter", shift=-1)


def _holiday(text: str, m: re.Match[str]) -> Iterator[Mention]:
    if not m["year"] and lx.HOLIDAY_COMPOUND.match(text[m.end() : m.end() + 20]):
        return
    name = " ".join(m["name"].replace("’", "'").lower().split())
    if name == "new year's":
        name = "new year's day"
    fixed = FIXED_HOLIDAYS.get(name)
    yield Mention(
        m.start(), m.end(), "holiday", _year_of(m),
        month=fixed[0] if fixed else None, day=fixed[1] if fixed else None,
        relation=_relation(m["rel"]), name=name,
    )  # fmt: skip


#: (pattern, reader); the order only breaks ties between matches of equal length
PATTERNS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (MONTH_DAY, _named_date),
    (DAY_MONTH, _named_date),
    (ISO_DATE, _iso_date),
    (DOTTED_DATE, _numeric_date),
    (SLASHED_DATE, _slashed_date),
    (MONTH_YEAR, _month_year),
    (MONTH_RELATIVE_YEAR, _month_relative_year),
    (HOLIDAY, _holiday),
    (QUARTER, _quarter),
    (Q_QUARTER, _q_quarter),
    (LAST_QUARTER, _last_quarter),
    (EDGE_OF_UNIT, _edge_of_unit),
    (RELATIVE, _relative),
    (AGO, _ago),
    (CHAIN, _chain),
    (WEEKDAY, _weekday),
    (DEICTIC, _deictic),
    (PART_OF_DAY, _part_of_day),
    (YEAR_RANGE, _year_range),
    (YEAR, _year),
    (MONTH_ONLY, _month_only),
)


def find_mentions(text: str) -> list[Mention]:
    """Every temporal expression in `text`, in text order, without overlaps.

    All patterns run over the text; where their matches overlap, the longest match is kept
    (a year range counts as one match covering both years).
    """
    candidates: list[tuple[int, int, int, tuple[Mention, ...]]] = []
    for order, (pattern, reader) in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            found = tuple(reader(text, m))
            if found:
                start, end = found[0].start, found[-1].end
                candidates.append((start, end, order, found))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept: list[Mention] = []
    for start, end, _, found in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        kept.extend(found)
    return sorted(kept, key=lambda mention: mention.start)
