"""Corroboration: how many independent origins stand behind a set of articles.

A wire and its copies count once (the copy group's origin); an article that credits another
outlet as its source ("(Reuters)", "Sources: Politico") counts as that outlet; the same outlet
twice counts once. Names are compared case-folded, with the wires' short and long names as one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from newsloom.article import Article
from newsloom.stories.copies import credited_source
from newsloom.stories.model import CopyGroup

#: the wires' short and long names (facts, not a style choice)
_ALIASES = {
    "associated press": "ap",
    "the associated press": "ap",
    "agence france-presse": "afp",
    "agence france presse": "afp",
    "united press international": "upi",
    "thomson reuters": "reuters",
    "reuters staff": "reuters",
    "deutsche presse-agentur": "dpa",
    "meridian press": "mp",
}


#: host name parts that say nothing about who publishes ("bbc.co.uk" is the BBC)
_HOST_PARTS = {"www", "m", "amp", "com", "co", "org", "net", "uk", "au", "in", "news", "example",
               "edition", "int", "gov", "info", "io", "tv"}  # fmt: skip


def origin_key(name: str) -> str:
    """One key per publisher: "reuters.com", "Reuters" and "Thomson Reuters" are one."""
    key = " ".join(name.lower().split())
    if "." in key and " " not in key:  # a host name: its publisher's label
        labels = [p for p in key.split(".") if p and p not in _HOST_PARTS]
        key = labels[-1] if labels else key
    key = _ALIASES.get(key, key).removeprefix("the ")
    return key.replace("-", " ")


def article_origins(
    articles: Sequence[Article], groups: Iterable[CopyGroup]
) -> dict[str, str]:
    """Each article's independent origin: its copy group's, its credited source's, its outlet's."""
    by_group = {a: g.origin for g in groups for a in g.articles}
    out = {}
    for art in articles:
        name = by_group.get(art.id) or credited_source(art) or art.outlet or art.id
        out[art.id] = origin_key(name)
    return out


def independent(article_ids: Iterable[str], origins: Mapping[str, str]) -> int:
    return len({origins.get(a, a) for a in article_ids})
