"""Credits: who the text says reported, edited, sourced or photographed the story.

Credit lines come in a few shapes, each parsed by its own function:

* a labelled block: "Sources: Newsweek, Politico / Featured Image: Name/Flickr"
  (the cleaning stage removes the line from the body and keeps the names here);
* wire credits in brackets: "(Reporting by A, B and C; Editing by D)" (kept in the body);
* a source named at the end of a paragraph: "... on the deal. – The Telegraph", "... (AP)";
* a source at the start: "NEW YORK (AP) –", "AFP| Last Updated ...", "Reuters | June 01 2017";
* picture credits inside captions: "(AP Photo/Evan Vucci)", "Photo by Name/ UPI".

List items glued by the scraper ("PoliticoVox") are split where every part is a word the
article uses elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from itertools import combinations, pairwise

from newsloom.article import Credit
from newsloom.clean.tail import REASON as TAIL_REASON

__all__ = [
    "find_credits",
    "parse_agency_credits",
    "parse_caption_credits",
    "parse_labelled_credits",
    "parse_leading_source",
    "parse_source_tail",
    "split_glued",
    "vocabulary",
]

_I = re.IGNORECASE
_AGENCIES = (
    r"(?:AP|AFP|Reuters|UPI|Bloomberg|dpa|PA|Xinhua|EFE|ANSA|Kyodo|Yonhap|TASS|PTI|IANS|ANI|AAP|CP)"
)

_LABEL_ROLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^sources?$", _I), "source"),
    (
        re.compile(
            r"^(?:featured|embedded|header|top|cover|lead)?\s*(?:images?|photos?|pictures?|photographs?)$",
            _I,
        ),
        "image",
    ),
    (re.compile(r"^(?:image|photo|picture) credits?$", _I), "image"),
    (re.compile(r"^videos?$", _I), "video"),
    (re.compile(r"^(?:additional )?reporting$|^reporters?$", _I), "reporting"),
    (re.compile(r"^editing$|^editors?$", _I), "editing"),
    (re.compile(r"^writing$|^writers?$|^authors?$", _I), "writing"),
)
_LABELLED = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(.+?)\s*$")
_SEGMENT_SPLIT = re.compile(r"\s+/\s+")
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*")
_GLUED_WORD = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")

_WIRE_BLOCK = re.compile(
    r"\(((?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Research)\s+by\b[^()]*)\)", _I
)
_WIRE_ROLE = re.compile(
    r"(?:^|;|,)\s*((?:additional\s+)?(?:reporting|writing|editing|compiled|research))\s+by\s+", _I
)
_ROLE_OF = {
    "reporting": "reporting",
    "additional reporting": "reporting",
    "writing": "writing",
    "compiled": "writing",
    "editing": "editing",
    "research": "research",
}

_TAIL_DASH = re.compile(r"(?:^|\s)[–—-]\s+(The\s+[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,3})\s*$")
_TAIL_AGENCY = re.compile(rf"(?:^|\s)[–—-]\s+({_AGENCIES})\s*$|\(({_AGENCIES})\)\s*$")
_FULL_ARTICLE = re.compile(r"^Full (?:Article|Story)\s*:.*\|\s*([^|]+?)\s*\.?\s*$", _I)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATED_SOURCE = re.compile(rf"(?:^|[–—-]\s*)([A-Z][\w.&' ]{{1,40}}?)\s*\|\s*{_MONTH}\s+\d")
_AGENCY_BAR = re.compile(rf"^({_AGENCIES})\s*\|")
_DATELINE_SOURCE = re.compile(r"^[^()\n]{2,40}?\s*\(([^()\n]{2,40})\)\s*(?:--?|–|—)")
_CAPTION_CREDIT = re.compile(
    r"\(((?:AP|AFP|Reuters|EPA|Getty Images)\s+Photo/[^()]+)\)"
    r"|\(([^()]{2,60}\bvia\s+AP)\)"
    r"|\bPhoto(?:graph)?\s*(?:by|/)\s*([A-Z][^.()]{1,60}?)\s*(?:\.|$)"
)


def vocabulary(text: str) -> frozenset[str]:
    """Words of `text`, as printed, used to check the parts of a glued list item."""
    return frozenset(_WORDS.findall(text))


def split_glued(token: str, known: Container[str]) -> list[str]:
    """Split a glued item ("PoliticoVox") into parts that each occur in `known`.

    The token stays whole when it is itself known or no split into known parts exists; among
    valid splits the one with the fewest parts wins.
    """
    token = token.strip()
    if not _GLUED_WORD.match(token) or token in known:
        return [token]
    cuts = [m.start() for m in _BOUNDARY.finditer(token)]
    for n in range(1, len(cuts) + 1):
        for chosen in combinations(cuts, n):
            bounds = (0, *chosen, len(token))
            parts = [token[a:b] for a, b in pairwise(bounds)]
            if all(p in known for p in parts):
                return parts
    return [token]


def _role_for(label: str) -> str | None:
    for pattern, role in _LABEL_ROLES:
        if pattern.match(label.strip()):
            return role
    return None


def parse_labelled_credits(line: str, known: Container[str] = frozenset()) -> list[Credit]:
    """ "Sources: A, B / Featured Image: X/Flickr / Embedded Images: Y, Z" -> credits."""
    out: list[Credit] = []
    for segment in _SEGMENT_SPLIT.split(line.strip()):
        m = _LABELLED.match(segment)
        if not m:
            continue
        role = _role_for(m.group(1))
        if role is None:
            continue
        items = [i.strip(" .") for i in re.split(r"\s*,\s*|\s*;\s*", m.group(2)) if i.strip(" .")]
        for item in items:
            parts = split_glued(item, known) if role == "source" else [item]
            out.extend(Credit(role, part) for part in parts)
    return out


def parse_agency_credits(line: str) -> list[Credit]:
    """ "(Reporting by A, B and C, editing by D)" -> reporting A, B, C; editing D."""
    out: list[Credit] = []
    for block in _WIRE_BLOCK.finditer(line):
        body = block.group(1)
        marks = list(_WIRE_ROLE.finditer(body))
        for m, nxt in zip(marks, [*marks[1:], None], strict=False):
            role = _ROLE_OF[" ".join(m.group(1).lower().split())]
            names = body[m.end() : nxt.start() if nxt else len(body)]
            for name in _ITEM_SPLIT.split(names):
                name = name.strip(" .")
                if name:
                    out.append(Credit(role, name))
    return out


def parse_source_tail(line: str) -> list[Credit]:
    """A source credited at the end of a paragraph: "– The Telegraph", "(AP)",
    "Full Article: ... | The Guardian"."""
    text = line.strip()
    m = _FULL_ARTICLE.match(text)
    if m:
        return [Credit("source", m.group(1))]
    m = _TAIL_AGENCY.search(text)
    if m:
        return [Credit("source", m.group(1) or m.group(2))]
    m = _TAIL_DASH.search(text)
    if m:
        return [Credit("source", m.group(1))]
    return []


def parse_leading_source(line: str) -> list[Credit]:
    """A source at the start of a line: "NEW YORK (AP) –", "AFP| ...", "Reuters | June 01 2017"."""
    text = line.strip()
    out: list[Credit] = []
    m = _DATELINE_SOURCE.match(text)
    if m:
        out.extend(Credit("source", part.strip()) for part in m.group(1).split("/") if part.strip())
    m = _AGENCY_BAR.match(text)
    if m:
        out.append(Credit("source", m.group(1)))
    out.extend(Credit("source", m.group(1).strip()) for m in _DATED_SOURCE.finditer(text))
    return out


def parse_caption_credits(line: str) -> list[Credit]:
    """Picture credits inside a caption: "(AP Photo/Evan Vucci)", "Photo by Name/ UPI"."""
    out = []
    for m in _CAPTION_CREDIT.finditer(line):
        name = next(g for g in m.groups() if g)
        out.append(Credit("image", name.strip()))
    return out


def find_credits(
    lines: Iterable[tuple[str, str | None]], known: Container[str] = frozenset()
) -> tuple[Credit, ...]:
    """All credits of a page from its lines, given as (text, removal reason or None).

    Labelled blocks are read from lines removed as `credits`, picture credits from captions;
    wire credits and source credits from kept lines and the page's tail (`tail`), where an
    agency's credit line sits.
    """
    out: list[Credit] = []
    for text, reason in lines:
        if reason == "credits":
            out += parse_labelled_credits(text, known)
        elif reason in ("caption", "photo_credit"):
            out += parse_caption_credits(text)
        elif reason is None or reason == TAIL_REASON:
            out += parse_agency_credits(text)
            out += parse_leading_source(text)
            out += parse_source_tail(text)
    seen: set[Credit] = set()
    unique = []
    for credit in out:
        if credit not in seen:
            seen.add(credit)
            unique.append(credit)
    return tuple(unique)
