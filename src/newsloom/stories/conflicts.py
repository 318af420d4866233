"""Conflicting accounts: where independent sources of one story say different things.

Two kinds are found:

* numbers: a count of the dead, injured, arrested, missing or displaced, or a percentage change,
  given differently by articles of different origins ("three dead" against "five dead");
* stated: the text itself says that accounts differ ("the two governments offered differing
  accounts", "conflicting reports").

Each conflict lists its claims side by side, each with the article and the characters it cites.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsloom.article import Article
from newsloom.stories.model import Claim, Conflict

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "  # noqa: SIM905
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUM = r"(?P<num>\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_QUALIFIER = r"(?P<qual>at least|more than|over|nearly|almost|about|around|up to|some)?\s*"
#: what a count in a news report counts: the word after the number (and an optional noun)
_TOLLS = {
    **dict.fromkeys(("killed", "dead", "died", "deaths", "fatalities"), "the number killed"),
    **dict.fromkeys(("injured", "wounded", "hurt"), "the number injured"),
    **dict.fromkeys(("arrested", "detained"), "the number arrested"),
    "missing": "the number missing",
    "displaced": "the number displaced",
    "evacuated": "the number evacuated",
}
_WHAT = "|".join(_TOLLS)
#: "three people were killed", "Five people have now died"
_COUNT_BEFORE = re.compile(
    rf"\b{_QUALIFIER}{_NUM}\s+(?:[\w'’-]+\s+){{0,4}}?(?P<what>{_WHAT})\b", re.IGNORECASE
)
#: "killed at least three people", "left five dead"
_COUNT_AFTER = re.compile(
    rf"\b(?P<what>{_WHAT})\s+{_QUALIFIER}{_NUM}\s+(?:people|persons|civilians|others|"
    r"residents|children|soldiers|workers|villagers|protesters|passengers)\b",
    re.IGNORECASE,
)
#: "the death toll rose to five", "the number of people killed ... to five"
_TOLL = re.compile(
    rf"\b(?:death toll|toll|number of (?:people |those )?(?P<what>{_WHAT}))\b[^.;:]{{0,60}}?"
    rf"\b(?:to|at|of|is|was|stands at|stood at)\s+{_QUALIFIER}{_NUM}\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"\b(?P<verb>rose|rise|jumped|climbed|gained|surged|soared|fell|dropped|slid|slumped|"
    r"declined|up|down)\s+(?:by\s+)?(?:as much as\s+)?(?P<num>\d+(?:\.\d+)?)\s*(?:%|per ?cent)",
    re.IGNORECASE,
)
#: "closed 18% higher"
_PERCENT_AFTER = re.compile(
    r"\b(?P<num>\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s+(?P<verb>higher|lower|up|down)\b",
    re.IGNORECASE,
)
_UP = {"rose", "rise", "jumped", "climbed", "gained", "surged", "soared", "up", "higher"}
_STATED = re.compile(
    r"\b(?:differing|conflicting|contradictory|contrasting|competing|different)\s+"
    r"(?:accounts|versions|reports|claims|descriptions|readouts|narratives|figures)\b|"
    r"\b(?:accounts|versions|reports)\b(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:differ|differed|varied|vary|diverged|diverge|conflicted|conflict)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n+")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = min(next((m.start() + 1 for m in _SENTENCE_END.finditer(text, end)), len(text)),
                len(text))  # fmt: skip
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def _value(raw: str) -> float | None:
    raw = raw.lower().replace(",", "")
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    try:
        return float(raw)
    except ValueError:
        return None


def number_claims(article: Article) -> list[tuple[str, float, Claim]]:
    """(what, value, claim) for each count or percentage change the article states."""
    out = []
    text = article.text
    seen: set[tuple[int, int]] = set()
    for pattern in (_COUNT_BEFORE, _COUNT_AFTER, _TOLL):
        for m in pattern.finditer(text):
            value = _value(m.group("num"))
            if value is None or (m.group("num").isdigit() and 1900 <= value <= 2100):
                continue
            what = (m.group("what") or "killed").lower()
            s, e = _sentence_around(text, m.start(), m.end())
            if (s, m.start("num")) in seen:
                continue
            seen.add((s, m.start("num")))
            claim = Claim(text[s:e], article.id, s, e, m.group(0).strip())
            out.append((_TOLLS[what], value, claim))
    for m in (*_PERCENT.finditer(text), *_PERCENT_AFTER.finditer(text)):
        value = _value(m.group("num"))
        if value is None:
            continue
        change = "rise" if m.group("verb").lower() in _UP else "fall"
        subject = _subject_before(text, m.start())
        about = f"the percentage {change}" + (f" of {subject}" if subject else "")
        s, e = _sentence_around(text, m.start(), m.end())
        out.append((about, value, Claim(text[s:e], article.id, s, e, m.group(0).strip())))
    return out


_NAME_BEFORE = re.compile(r"([A-Z][\w-]+)(?:['’]s)?\s+(?:[a-z]+\s+){0,3}$")


def _subject_before(text: str, at: int) -> str | None:
    """The name a percentage change is of: "Lusavia's shares jumped 19%" -> Lusavia."""
    m = _NAME_BEFORE.search(text[max(at - 60, 0) : at])
    return m.group(1) if m else None


def find_conflicts(articles: Sequence[Article], origins: Mapping[str, str]) -> tuple[Conflict, ...]:
    conflicts: list[Conflict] = []
    by_about: dict[str, dict[float, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for art in articles:
        for about, value, claim in number_claims(art):
            by_about[about][value].append(claim)
    for about, by_value in sorted(by_about.items()):
        if len(by_value) < 2:
            continue
        # one claim per value and origin; a disagreement needs two origins
        claims: list[Claim] = []
        seen: set[tuple[float, str]] = set()
        for value in sorted(by_value):
            for c in by_value[value]:
                key = (value, origins.get(c.article, c.article))
                if key not in seen:
                    seen.add(key)
                    claims.append(c)
        origins_by_value = defaultdict(set)
        for value, origin in seen:
            origins_by_value[value].add(origin)
        distinct = {o for os in origins_by_value.values() for o in os}
        if len(distinct) >= 2 and not _same_source_only(origins_by_value):
            conflicts.append(Conflict(about, tuple(claims), "number"))
    stated = [
        Claim(art.text[s:e], art.id, s, e)
        for art in articles
        for m in _STATED.finditer(art.text)
        for s, e in [_sentence_around(art.text, m.start(), m.end())]
    ]
    if stated:
        conflicts.append(Conflict("accounts differ", tuple(stated), "stated"))
    return tuple(conflicts)


def _same_source_only(origins_by_value: Mapping[float, set[str]]) -> bool:
    """True when every value comes from one and the same origin (a source updating itself)."""
    sets = list(origins_by_value.values())
    return all(s == sets[0] and len(s) == 1 for s in sets)
