"""Spun-copy markers: wordings an article spinner leaves where a wire would use the short name.

Spinners swap names for "synonyms": "Russia" becomes "Russian Federation", "U.S." becomes
"USA". The formal names are real, but news prose uses them with the article ("the Russian
Federation") and mostly in official contexts; bare, as a plain noun ("entered office fawning
over Russian Federation"), they mark rewritten copy. "USA" as a noun or adjective in running
prose ("the USA attack") is the same marker; names that contain it ("USA Today", "Team USA")
and country codes in brackets are not.
"""

from __future__ import annotations

import bisect
import re

from newsloom.article import SpunMarker
from newsloom.clean.lines import ends_sentence

__all__ = ["FORMAL_NAMES", "SPUN_LANGUAGE", "spun_markers"]

#: The markers are English wordings; other languages use "USA" as their plain name.
SPUN_LANGUAGE = "en"

_APOS = "['’]"

#: formal name (as a regex) -> the short name a wire uses
FORMAL_NAMES: tuple[tuple[str, str], ...] = (
    (rf"Democratic People{_APOS}s Republic of Korea", "North Korea"),
    (rf"People{_APOS}s Republic of China", "China"),
    (r"United Kingdom of Great Britain and Northern Ireland", "Britain"),
    (r"United States of America", "U.S."),
    (r"Russian Federation", "Russia"),
    (r"Islamic Republic of Iran", "Iran"),
    (r"Islamic Republic of Pakistan", "Pakistan"),
    (r"Syrian Arab Republic", "Syria"),
    (r"Arab Republic of Egypt", "Egypt"),
    (r"Federal Republic of Germany", "Germany"),
    (r"Federal Republic of Nigeria", "Nigeria"),
    (r"Federative Republic of Brazil", "Brazil"),
    (r"Kingdom of Saudi Arabia", "Saudi Arabia"),
    (r"Kingdom of Spain", "Spain"),
    (r"Kingdom of the Netherlands", "Netherlands"),
    (r"French Republic", "France"),
    (r"Italian Republic", "Italy"),
    (r"Hellenic Republic", "Greece"),
    (r"United Mexican States", "Mexico"),
    (r"Commonwealth of Australia", "Australia"),
    (r"Republic of Korea", "South Korea"),
    (r"Republic of Indonesia", "Indonesia"),
    (r"Republic of India", "India"),
    (r"Republic of Poland", "Poland"),
    (r"Republic of the Philippines", "Philippines"),
    (r"Republic of Türkiye|Republic of Turkey", "Turkey"),
)
_FORMAL = re.compile("|".join(f"(?P<n{i}>{p})" for i, (p, _) in enumerate(FORMAL_NAMES)))
# every formal name holds one of these words; most texts hold none, and then nothing is scanned
_FORMAL_HINT = re.compile(
    r"\b(?:Republic|Federation|Kingdom|States of America|Mexican States|Commonwealth)\b"
)
_THE_BEFORE = re.compile(r"\b(?:the|The|THE)\s+$")
# a capitalised word right after the name: it is part of a longer name ("... Federation Council")
_NAME_GOES_ON = re.compile(r"^\s+[A-Z][a-z]")

_USA = re.compile(r"\bUSA\b")
_NEWLINE = re.compile("\n")
# names that contain USA: "USA Today", "USA Gymnastics", "USA Network"
_USA_NAME = re.compile(
    r"^\s*(?:Today|TODAY|Network|Networks|Inc\b|LLC|Gymnastics|Basketball|Swimming|Rugby|Hockey|"
    r"Football|Soccer|Cycling|Track|Volleyball|Wrestling|Boxing|Weightlifting|Fencing|Softball|"
    r"Baseball|Triathlon|Rowing|Skiing|Judo|Archery|Shooting|Patriot|Freedom|Mint|Rugby)\b"
)
# the word before "USA" in running prose: a lower-case word or a determiner
_PROSE_BEFORE = re.compile(r"(?:\b[a-z][\w'’-]*|\b(?:The|A|An))[,]?\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’]?\s+)$")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*\s+$")


def _formal_markers(text: str) -> list[SpunMarker]:
    if not _FORMAL_HINT.search(text):
        return []
    out = []
    for m in _FORMAL.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _THE_BEFORE.search(before) or _NAME_GOES_ON.match(text[m.end() : m.end() + 4]):
            continue
        standard = FORMAL_NAMES[int(m.lastgroup[1:])][1]  # type: ignore[index]
        out.append(SpunMarker(m.group(), standard, m.start(), m.end()))
    return out


def _line_bounds(breaks: list[int], at: int, length: int) -> tuple[int, int]:
    """The line around offset `at`, from the sorted newline offsets `breaks`."""
    i = bisect.bisect_left(breaks, at)
    start = breaks[i - 1] + 1 if i > 0 else 0
    end = breaks[i] if i < len(breaks) else length
    return start, end


def _mostly_capitals(line: str) -> bool:
    letters = sum(c.isalpha() for c in line)
    return sum(c.isupper() for c in line) > 0.5 * letters


def _usa_markers(text: str) -> list[SpunMarker]:
    out = []
    seen: dict[int, tuple[bool, bool]] = {}  # line start -> (all caps, ends like a sentence)
    breaks: list[int] | None = None
    for m in _USA.finditer(text):
        if breaks is None:
            breaks = [b.start() for b in _NEWLINE.finditer(text)]
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 16]
        start, end = _line_bounds(breaks, m.start(), len(text))
        if start not in seen:
            line = text[start:end]
            seen[start] = (_mostly_capitals(line), ends_sentence(line))
        caps, prose_line = seen[start]
        if caps:
            continue  # an all-caps heading or label
        if before.endswith(("(", "#", "/", "@", ".", "-")) or after.startswith(
            (")", ".", "/", "-")
        ):
            continue  # a country code in brackets, a hashtag, a URL, "U.S.A.", "USA-based"
        if _USA_NAME.match(after):
            continue
        prose = _PROSE_BEFORE.search(before)
        opens = _SENTENCE_START.search(before) and prose_line
        if not (prose or opens) or (_CAPITALISED_BEFORE.search(before) and not prose):
            continue  # "Team USA", "Miss USA": part of a name, or not running prose
        out.append(SpunMarker("USA", "U.S.", m.start(), m.end()))
    return out


def spun_markers(text: str) -> list[SpunMarker]:
    """Spun-copy markers in `text`, in order (offsets into `text`)."""
    if not isinstance(text, str):
        raise TypeError(f"spun_markers() takes a str, got {type(text).__name__}")
    return sorted(_formal_markers(text) + _usa_markers(text), key=lambda m: m.start)
