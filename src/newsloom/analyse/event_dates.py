"""The date of an event: a date expression of its own clause, else the publication day for a
report in the present or present perfect, else None.

A date that modifies another word ("an election on 8 June", "the 2016 election") or another
clause is not the event's date. A simple past without a date ("signed the treaty") stays None:
it may be days old.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.analyse.coding import children as _children
from newsloom.analyse.parse import Parse
from newsloom.article import DateExpression

__all__ = ["event_date"]


def _clause_verb(parse: Parse, i: int) -> int | None:
    """The nearest verb above token `i`: the clause a date expression belongs to."""
    for k in parse.ancestors(i):
        if parse.tokens[k].pos in ("VERB", "AUX"):
            return k
    return None


def event_date(
    parse: Parse,
    dates: Sequence[DateExpression],
    i: int,
    clause: set[int],
    published: str | None,
) -> str | None:
    """The date of the event on token `i`: a date expression of its own clause, else, for a
    report in the present or present perfect ("has triggered", "says", "is buying"), the
    publication day; else None.

    A date that modifies another word ("an election on 8 June", "the 2016 election") or
    another clause is not the event's date.
    """
    first, stop = parse.sentence_of(i)
    s_start, s_end = parse.tokens[first].start, parse.tokens[stop - 1].end
    for d in dates:
        if not (s_start <= d.start and d.end <= s_end and d.value):
            continue
        k = parse.token_at(d.start)
        if k is None:
            continue
        head = k
        while parse.tokens[head].head != head and d.start <= parse.tokens[head].start < d.end:
            head = parse.tokens[head].head
        if head == i or head in clause:
            return d.value
        if parse.tokens[head].dep == "prep" and parse.tokens[head].head in clause:
            return d.value
        if _clause_verb(parse, k) in clause and parse.tokens[head].pos not in ("NOUN", "PROPN"):
            return d.value
    if published and len(published) == 10 and _is_present(parse, i):
        return published
    return None


def _is_present(parse: Parse, i: int) -> bool:
    """A present or present-perfect verb: news of the day ("has signed", "says", "is buying")."""
    tok = parse.tokens[i]
    if tok.pos not in ("VERB", "AUX"):
        return False
    auxes = [parse.tokens[c] for c in _children(parse, i, {"aux", "auxpass"})]
    if any(a.tag in ("MD", "VBD") for a in auxes):
        return False
    if any(a.lemma == "have" and a.tag in ("VBZ", "VBP") for a in auxes) and tok.tag == "VBN":
        return True
    if any(a.lemma == "be" and a.tag in ("VBZ", "VBP") for a in auxes) and tok.tag == "VBG":
        return True
    return tok.tag in ("VBZ", "VBP") and not auxes
