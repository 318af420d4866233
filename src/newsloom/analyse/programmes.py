"""A programme's title in quotation marks after its broadcaster: no quote.

US and UK copy names the show an interview was given on in quotation marks, after the
broadcaster's possessive ("told CNN's "State of the Union"", "said on NBC's "Meet the
Press."", "told MSNBC's "Morning Joe""): the marks set off a title, not anyone's words.
Seen in ../shared/data in 48 articles, among them PolNeAR train's NYT, Washington Post,
Politico, HuffPost and Breitbart pieces ("NBC's "Meet the Press"", "ABC's "This Week"",
"CBS's "Face the Nation"", "ABC's "Good Morning America"").
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.analyse.claims import Claim, tagged_claim
from newsloom.analyse.lexicon import POSSESSIVE_MARKS, title_cased
from newsloom.analyse.marks import MarkedSpan, find_quoted
from newsloom.analyse.parse import Parse
from newsloom.analyse.via import outlet_name

#: the most words a programme's title has
_MOST_WORDS = 8


def is_programme_title(parse: Parse, span: MarkedSpan) -> bool:
    """The quoted span is a title (every word capitalised but the small ones, a few words)
    right after a medium's possessive ("CNN's", "NBC’s")."""
    words = parse.text[span.start : span.end].rstrip(".,!?").split()
    if not words or len(words) > _MOST_WORDS or not words[0][:1].isupper():
        return False
    if not title_cased(words):
        return False
    mark = parse.token_at(span.mark_start)
    if mark is None or mark < 2 or parse.tokens[mark - 1].lower not in POSSESSIVE_MARKS:
        return False
    return outlet_name(parse, mark - 2, strong=True) is not None


def programme_titles(parse: Parse, spans: Sequence[MarkedSpan] | None = None) -> list[MarkedSpan]:
    """The quoted spans of the text (`spans` when the caller has found them already) that are
    programme titles (`is_programme_title`)."""
    quoted = find_quoted(parse.text) if spans is None else spans
    return [s for s in quoted if is_programme_title(parse, s)]


def past_programmes(parse: Parse, claim: Claim, titles: list[MarkedSpan]) -> Claim:
    """A tagged content that runs over a programme's title ("told ABC's "Good Morning
    America" that ...", "said on NBC's "Meet the Press" that ..."), started past it: where
    the words were said is no part of them. The parser often takes a title for a clause
    ("Meet the Press", "Face the Nation"), so the title is found by its marks."""
    if claim.shape != "tagged" or not titles:
        return claim
    toks = parse.tokens
    start, end = toks[claim.first].start, toks[claim.last].end
    for title in titles:
        if start < title.mark_end < end:
            after = parse.token_at(title.mark_end)
            cut = (
                None
                if after is None
                else tagged_claim(parse, claim.cue, claim.source, after, claim.last)
            )
            return cut if cut is not None else claim
    return claim
