"""Calendar dates out of short strings: machine stamps (meta tags, JSON-LD) and printed dates.

Everything here is strict and wall-clock free: a date is accepted only when its year, month and
day are all written (or, for `month_date`, year and month), and the year lies in a plausible
window for web news. Nothing is ever completed with "this year".
"""

from __future__ import annotations

import re
from datetime import date

from newsloom.alternation import alternation
from newsloom.timex.lexicon import MONTH_NUMBERS

#: Web news older than this is not plausible; a year outside the window is a number, not a date.
EARLIEST_YEAR = 1990
#: The upper bound is a fixed constant, never today's date: results must not depend on the day
#: the job runs. A crawl date, when the input declares one, narrows it per document.
LATEST_YEAR = 2099

#: English month names and abbreviations, lower-cased (one table for the whole project)
MONTHS: dict[str, int] = MONTH_NUMBERS
#: Month names of the other languages common in web news, for printed datelines and stamps
#: ("10. November 2021", "27 juin 2019", "15 de noviembre de 2021"). A full date still needs
#: its day and year next to the name, so words such as "mars" or "mai" do not make dates alone.
OTHER_MONTHS: dict[str, int] = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6,
    "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4,
    "avr": 4, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Spanish and Portuguese
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
}  # fmt: skip
ALL_MONTHS: dict[str, int] = {**MONTHS, **OTHER_MONTHS}

#: Month names as a regex alternative, longest first so "June" wins over "Jun" (a prefix tree:
#: these run over every article's whole text).
MONTH_RE = alternation(MONTHS)
ANY_MONTH_RE = alternation(ALL_MONTHS)
_ENGLISH_WEEKDAY = (
    r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?"
)
WEEKDAY_RE = _ENGLISH_WEEKDAY + r"\b\.?"
#: weekdays in the same languages as OTHER_MONTHS, to read stamp lines ("Montag, 15. November")
ANY_WEEKDAY_RE = (
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|"
    r"viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|" + _ENGLISH_WEEKDAY + r")\b\.?"
)

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_SLASHED_YMD = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?\d{4,6})?(?:Z|[+-]\d{2}:?\d{2})?$")
_DMY_DOTTED = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
_MONTH_FIRST = re.compile(
    rf"\b({ANY_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+)?({ANY_MONTH_RE})\.?,?\s+"
    rf"(?:de\s+|del\s+)?(\d{{4}})\b",
    re.IGNORECASE,
)
#: "Mon Jan 20 09:49:32 UTC 2020" (a Java-style stamp some CMSs print)
_CTIME = re.compile(
    rf"\b({MONTH_RE})\s+(\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s+[A-Z]{{2,5}})?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_FOUR_DIGITS = re.compile(r"\d{4}")


def iso(year: int, month: int, day: int) -> str | None:
    """`YYYY-MM-DD` when the three numbers make a real, plausible date, else None."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_date(year: int, month: int) -> str | None:
    """`YYYY-MM` for a plausible year and a real month, else None."""
    if EARLIEST_YEAR <= year <= LATEST_YEAR and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}"
    return None


def month_number(name: str, *, english_only: bool = False) -> int | None:
    table = MONTHS if english_only else ALL_MONTHS
    return table.get(name.lower().rstrip("."))


def parse_machine_date(value: object) -> str | None:
    """The calendar day a metadata value states, as written (its own time zone), or None.

    Accepts ISO 8601 (`2017-03-29`, `2017-03-29T11:44:00+01:00`), `2017/03/29`, compact
    `20170329`, `29.03.2017`, RFC 2822 and ctime-like stamps with an English month name.
    A Unix epoch is refused: turning it into a day needs a time zone the page does not give.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 80 or _EPOCH.match(text):
        return None
    for pattern in (_ISO, _SLASHED_YMD):
        m = pattern.search(text)
        if m and m.start() <= 12:
            return iso(int(m[1]), int(m[2]), int(m[3]))
    m = _COMPACT.match(text)
    if m:
        return iso(int(m[1]), int(m[2]), int(m[3]))
    return parse_printed_date(text)


def parse_printed_date(text: str) -> str | None:
    """The first full date printed in a short string, in the common unambiguous forms."""
    found = find_full_dates(text)
    return found[0][2] if found else None


def may_hold_full_date(text: str) -> bool:
    """False when `text` cannot hold a date `find_full_dates` finds: every form writes its
    year in four digits, and most lines have none (one search instead of five)."""
    return _FOUR_DIGITS.search(text) is not None


def find_full_dates(text: str) -> list[tuple[int, int, str]]:
    """Every full date (year, month and day written) in `text`: (start, end, `YYYY-MM-DD`).

    Forms: `March 29, 2017`, `Dec. 15 2017`, `2 Oct 2017`, `1st of June 2017`, `2017-10-01`,
    `18.04.2017`, `Jan 20 09:49:32 UTC 2020`. Slashed day/month orders (`04/05/2017`) are
    ambiguous between US and European use and are left out; overlapping matches keep the first.
    """
    if not may_hold_full_date(text):
        return []
    spans: list[tuple[int, int, str]] = []
    for m in _MONTH_FIRST.finditer(text):
        value = _from_names(m[3], m[1], m[2])
        if value:
            spans.append((m.start(), m.end(), value))
    for m in _DAY_FIRST.finditer(text):
        value = _from_names(m[3], m[2], m[1])
        if value:
            spans.append((m.start(), m.end(), value))
    for m in _CTIME.finditer(text):
        value = _from_names(m[3], m[1], m[2])
        if value:
            spans.append((m.start(), m.end(), value))
    for m in _ISO.finditer(text):
        value = iso(int(m[1]), int(m[2]), int(m[3]))
        if value:
            spans.append((m.start(), m.end(), value))
    for m in _DMY_DOTTED.finditer(text):
        value = iso(int(m[3]), int(m[2]), int(m[1]))
        if value:
            spans.append((m.start(), m.end(), value))
    spans.sort()
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def _from_names(year: str, month: str, day: str) -> str | None:
    number = month_number(month)
    return iso(int(year), number, int(day)) if number else None
