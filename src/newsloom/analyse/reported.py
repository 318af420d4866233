"""Reported (indirect) speech: what someone said, in the reporter's words.

Two shapes of news text carry reported speech:

* a verb of saying with a clausal complement, with or without "that": "Ryabkov told Russian
  state media that Putin's government wanted ...", "The minister said the talks would
  resume". The complement (the dependency parse's ``ccomp``, with a subject of its own) is
  the reported content; the verb's subject is the speaker, resolved by the same machinery
  as direct quotes; an outlet the verb names ("told Russian state media", "told CNN") is
  the relay;
* "according to X, ...": the rest of the sentence is X's account. When X is a medium it is
  the relay and the speaker stays unknown.

Complements that are mostly a direct quote are left to the direct quotes; one that quotes a
fragment ("Trump said he has “big plans” for the final month") is reported speech that mixes
in the speaker's words, and the fragment is a partial quote of its own as well. A verb that
announces words not yet spoken ("will say"), a negated one ("did not say that") and a
question ("asked whether") report nothing.
"""

from __future__ import annotations

from newsloom.analyse.attribution import Attribution, Resolver, is_future
from newsloom.analyse.lexicon import words
from newsloom.analyse.parse import Parse
from newsloom.analyse.via import credits_in, outlet_name
from newsloom.article import Quote

#: verbs whose clausal complement is what someone said (a narrower list than the cues of
#: direct quotes: "call", "praise" or "thank" take no reported clause)
SAY_LEMMAS = words(
    """
    say tell claim announce warn insist argue deny confirm admit explain state add suggest
    allege note stress acknowledge reveal assert predict promise vow reiterate maintain
    contend concede emphasize emphasise declare disclose indicate hint write tweet complain
    agree inform assure reassure recall remark reply respond testify threaten
    """
) | words(
    # verbs of finding and concluding whose complement PolNeAR attributes: chosen on 400
    # articles of its train/ split (each right at least 3 times in 4, seen 8 times or more;
    # "show", "report", "believe" and "think" fell short); see training/reported_verbs.py
    "find point ask worry recognize recognise conclude"
)
#: words that open a question, not a report ("asked whether", "said if")
_QUESTION_MARKS = words("whether if")
#: a complement with one of these is a clause of its own ("that *the talks* would resume")
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: the smallest reported content worth reporting, in tokens
_MIN_TOKENS = 3
#: confidence of a reported clause relative to its speaker's resolution
_SCALE = 0.85


def _trim(parse: Parse, first: int, last: int) -> tuple[int, int] | None:
    """Token range of a complement without its "that", leading or trailing punctuation."""
    toks = parse.tokens
    while first <= last and (
        toks[first].pos in ("PUNCT", "SPACE")
        or (toks[first].dep == "mark" and toks[first].lower == "that")
    ):
        first += 1
    while last >= first and toks[last].pos in ("PUNCT", "SPACE"):
        last -= 1
    if last - first + 1 < _MIN_TOKENS:
        return None
    return first, last


def _complement(parse: Parse, verb: int) -> int | None:
    """The clausal complement of a verb of saying, when it is a statement."""
    for c in parse.children[verb]:
        t = parse.tokens[c]
        if t.dep != "ccomp" or t.pos not in ("VERB", "AUX"):
            continue
        marks = [parse.tokens[g].lower for g in parse.children[c] if parse.tokens[g].dep == "mark"]
        if any(m in _QUESTION_MARKS for m in marks):
            continue
        if not any(parse.tokens[g].dep in _CLAUSE_SUBJECTS for g in parse.children[c]):
            continue  # "which he said was caused by ...": no statement of its own
        return c
    return None


def _negated(parse: Parse, verb: int) -> bool:
    return any(parse.tokens[c].dep == "neg" for c in parse.children[verb])


def _quote(
    parse: Parse, span: tuple[int, int], att: Attribution, cue: str, via: str | None
) -> Quote:
    first, last = span
    start, end = parse.tokens[first].start, parse.tokens[last].end
    confidence = round(att.confidence * _SCALE, 2) if att.speaker else 0.0
    return Quote(
        text=parse.text[start:end],
        start=start,
        end=end,
        kind="indirect",
        speaker=att.speaker,
        speaker_mention=att.mention,
        cue=cue,
        via=via,
        confidence=confidence,
    )


def _via(parse: Parse, sent: int, skip: set[int], named: bool) -> str | None:
    a, b = parse.sents[sent]
    found = credits_in(parse, a, b, skip, speaker_named=named)
    return found[0].outlet if found else None


def reported_speech(resolver: Resolver) -> list[Quote]:
    """Every reported statement of the article the resolver reads, in text order."""
    parse = resolver.doc.parse
    in_quote = resolver.doc.in_quote
    quoted = {i for i, q in enumerate(in_quote) if q >= 0}
    found: list[Quote] = []
    used_sents: set[int] = set()
    last: Attribution | None = None
    for t in parse.tokens:
        if t.pos not in ("VERB", "AUX") or t.lemma not in SAY_LEMMAS or in_quote[t.i] >= 0:
            continue
        comp = _complement(parse, t.i)
        if comp is None or _negated(parse, t.i) or is_future(parse, t.i):
            continue
        ct = parse.tokens[comp]
        if ct.left < t.i < ct.right:
            continue  # "which he said was caused by": a relative clause wraps the verb
        quoted_share = sum(in_quote[i] >= 0 for i in range(ct.left, ct.right + 1))
        if 2 * quoted_share >= ct.right - ct.left + 1:
            continue  # a direct quote's own words; a fragment inside is a mixed quote
        span = _trim(parse, ct.left, ct.right)
        if span is None:
            continue
        att = resolver.attribute_cue(t.i, last)
        if att is None or not att.mention:
            continue
        last = att if att.speaker else last
        via = att.via or _via(parse, t.sent, quoted, named=att.speaker is not None)
        found.append(_quote(parse, span, att, t.lemma, via))
        used_sents.add(t.sent)
    found += _according(resolver, used_sents, quoted)
    return sorted(found, key=lambda q: (q.start, q.end))


def _according(resolver: Resolver, used_sents: set[int], quoted: set[int]) -> list[Quote]:
    """ "According to X, ...": the sentence outside the credit is X's account."""
    parse = resolver.doc.parse
    out: list[Quote] = []
    for t in parse.tokens:
        if t.lower != "according" or t.i in quoted or t.sent in used_sents:
            continue
        a, b = parse.sents[t.sent]
        if any(i in quoted for i in range(a, b)):
            continue  # the sentence quotes directly: its credit is the quote's
        to = next((c for c in parse.children[t.i] if parse.tokens[c].lower == "to"), None)
        holder = to if to is not None else t.i
        source = next((c for c in parse.children[holder] if parse.tokens[c].dep == "pobj"), None)
        if source is None:
            continue
        lo, hi = t.left, t.right
        if to is not None:
            hi = max(hi, parse.tokens[to].right)
        before = _trim(parse, a, lo - 1) if lo > a else None
        after = _trim(parse, hi + 1, b - 1) if hi + 1 < b else None
        # "According to X, the talks failed" or "The talks failed, according to X"
        sides = [s for s in (before, after) if s is not None]
        span = max(sides, key=lambda s: s[1] - s[0]) if sides else None
        if span is None:
            continue
        outlet = outlet_name(parse, source, strong=False)
        if outlet is not None:
            att, via = Attribution(mention=outlet), outlet
        else:
            att = resolver.resolve(source, None)
            via = None
        out.append(_quote(parse, span, att, "according to", via))
        used_sents.add(t.sent)
    return out
