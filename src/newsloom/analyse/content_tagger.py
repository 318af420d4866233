"""Where the content of a reported statement lies, given its cue: a learned sequence tagger.

The rule-made candidates of `claims` cut a content at one arc of the parse; PolNeAR's
annotators cut it where the statement ends, which is often a phrase longer or shorter, and
some cues offer no candidate at all ("attacks on ...", "in the poll, ..."). A linear-chain
CRF (python-crfsuite), trained on PolNeAR train/ by `training/reported_model.py`, reads the
cue's sentence token by token: what each token is (word, tag, arc), and how it hangs from the
cue (inside the cue's subtree and under which arc, an ancestor, in a sibling's subtree, how
far and on which side), and marks the content (B, I) or not (O). A cue whose sentence it
marks nothing in is, for the tagger, no cue; the probability of its best labelling says how
sure it is. The model ships as `resources/content_tagger.crfsuite.gz` and is opened once per
process.

Which tokens are asked about: those whose lemma the train split uses as the head of a cue
often enough (the cue lexicon, learned, shipped beside the tagger as
`resources/cue_lexicon.json.gz`), and of those only the ones the regression already finds
likely or that the rules read nothing from (`worth_asking`): the tagger costs a fraction of a
millisecond per cue, and an article has dozens of words the lexicon knows.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsloom.analyse.parse import Parse
from newsloom.deadline import untimed

__all__ = [
    "LEXICON_RESOURCE",
    "TAGGER_RESOURCE",
    "ContentTagger",
    "TaggedSpan",
    "asked",
    "best_by_cue",
    "cue_key",
    "decode",
    "load_content_tagger",
    "sequence_features",
    "token_features",
    "worth_asking",
]

TAGGER_RESOURCE = "content_tagger.crfsuite.gz"
LEXICON_RESOURCE = "cue_lexicon.json.gz"
#: arcs whose word says what the branch is ("prep:about", "mark:that")
_WORDED = frozenset({"prep", "mark", "agent", "dative", "advmod", "aux", "neg"})
#: below this probability of some content, a cue is none
MIN_PROBABILITY = 0.05
#: a cue the rules made a candidate of is read when the regression gives one at least this
CLAIM_GATE = 0.4
#: a cue the rules made no candidate of is read when it heads a gold cue this often in train
ALONE_RATE = 0.25
#: how many heads above the cue whose other branches are told apart
_LEVELS = 2


def cue_key(parse: Parse, i: int) -> str:
    """The lexicon key of a token: its lemma and coarse part of speech ("say|VERB", ":|PUNCT")."""
    t = parse.tokens[i]
    return f"{t.lemma}|{t.pos}"


def _bucket(d: int) -> str:
    a = abs(d)
    size = "0" if a == 0 else "1" if a == 1 else "2" if a <= 3 else "4" if a <= 7 else "8"
    return ("-" if d < 0 else "+") + size


def _relations(parse: Parse, cue: int, a: int, b: int) -> list[str]:
    """How each token of the sentence [a, b) hangs from the cue: its branch under the cue
    ("sub:ccomp"), under a head above it ("up1:nsubj"), an ancestor ("anc"), or elsewhere."""
    toks = parse.tokens
    rel = ["out"] * (b - a)

    def paint(first: int, last: int, label: str) -> None:
        for j in range(max(first, a), min(last, b - 1) + 1):
            rel[j - a] = label

    chain = []
    h = cue
    for _ in range(_LEVELS):
        if toks[h].head == h:
            break
        chain.append((toks[h].head, h))
        h = toks[h].head
    for level, (head, below) in reversed(list(enumerate(chain, 1))):
        for k in parse.children[head]:
            if k != below:
                kt = toks[k]
                paint(kt.left, kt.right, f"up{level}:{kt.dep}")
        if a <= head < b:
            rel[head - a] = "anc"
    for k in parse.children[cue]:
        kt = toks[k]
        dep = f"{kt.dep}:{kt.lower}" if kt.dep in _WORDED else kt.dep
        paint(kt.left, kt.right, f"sub:{dep}")
    rel[cue - a] = "cue"
    return rel


def _kind(parse: Parse, i: int) -> str:
    t = parse.tokens[i]
    if t.pos == "PRON":
        return "pron"
    return t.ent or t.pos


def _cue_context(parse: Parse, cue: int) -> list[str]:
    """What every token of the sequence is told about the cue: its tag and arc, the arcs it
    governs, its subject's kind, negation and auxiliaries (these weigh whether it is a cue)."""
    toks = parse.tokens
    ct = toks[cue]
    out = ["c=" + ct.lemma, "ct=" + ct.tag, "cd=" + ct.dep, "ch=" + toks[ct.head].lemma]
    for k in parse.children[cue]:
        kt = toks[k]
        if kt.dep in ("nsubj", "nsubjpass", "agent", "poss"):
            out.append(f"cs={kt.dep}|{_kind(parse, k)}")
        elif kt.dep in ("neg", "aux", "auxpass"):
            out.append(f"ca={kt.lower}")
        elif kt.dep != "punct":
            out.append("cc=" + kt.dep)
    return out


def token_features(
    parse: Parse, quoted: frozenset[int] | set[int], cues: Sequence[int] | None = None
) -> dict[int, list[str]]:
    """What each token is, whatever the cue: made once per article and shared by its cues
    (for the tokens of the sentences of `cues` only, when given)."""
    toks = parse.tokens
    n = len(toks)
    if cues is None:
        wanted: Iterable[int] = range(n)
    else:
        wanted = [j for s in sorted({toks[c].sent for c in cues}) for j in range(*parse.sents[s])]
    out = {}
    for j in wanted:
        t = toks[j]
        f = [
            "w=" + t.lower,
            "p=" + t.pos,
            "t=" + t.tag,
            "d=" + t.dep,
            "w-1=" + (toks[j - 1].lower if j > 0 else "^"),
            "w+1=" + (toks[j + 1].lower if j + 1 < n else "$"),
        ]
        if j in quoted:
            f.append("q")
        if t.head == j:
            f.append("root")
        out[j] = f
    return out


def sequence_features(
    parse: Parse, cue: int, static: dict[int, list[str]]
) -> tuple[int, list[list[str]]]:
    """The first token of the cue's sentence and the features of each token of it, given the
    cue (`static`: `token_features` of the article)."""
    toks = parse.tokens
    a, b = parse.sents[toks[cue].sent]
    ct = toks[cue]
    lemma, cpos = ct.lemma, ct.pos
    rel = _relations(parse, cue, a, b)
    shared = _cue_context(parse, cue)
    out = []
    prev = "^"
    for j in range(a, b):
        t = toks[j]
        r = rel[j - a]
        nxt = rel[j - a + 1] if j + 1 < b else "$"
        out.append([
            *static[j],
            "r=" + r,
            "rp=" + r + "|" + t.pos,
            "rd=" + r + "|" + t.dep,
            "lr=" + lemma + "|" + r,
            "pr=" + cpos + "|" + r,
            "x=" + _bucket(j - cue),
            "r-1=" + prev,
            "r+1=" + nxt,
            *shared,
        ])  # fmt: skip
        prev = r
    return a, out


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """What the tagger reads for one cue: the content it marks, tokens [first, last] (-1 when
    it marks none), the probability that the cue has content at all, and each token's
    probability of being content given that it has (`inside`, from the sentence's first token
    `start`)."""

    cue: int
    first: int
    last: int
    probability: float
    start: int
    inside: tuple[float, ...]


class ContentTagger:
    """The shipped CRF and cue lexicon; `tag` reads the content of each cue it is asked about."""

    def __init__(self, model: bytes, lexicon: dict[str, float], min_rate: float) -> None:
        import pycrfsuite

        # crfsuite reads the model from this buffer for as long as the tagger is open: it must
        # outlive the tagger
        self._model = model
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(self._model)
        self.lexicon = lexicon
        self.min_rate = min_rate

    def cues(self, parse: Parse, likely: Mapping[int, float]) -> list[int]:
        """The cues worth reading (`worth_asking`)."""
        return worth_asking(parse, self.lexicon, self.min_rate, likely)

    def tag(
        self, parse: Parse, cues: Sequence[int], quoted: frozenset[int] | set[int]
    ) -> list[TaggedSpan]:
        """For each cue whose content has a chance of `MIN_PROBABILITY`, what `decode` reads."""
        out = []
        if not cues:
            return out
        tagger = self._tagger
        static = token_features(parse, quoted, cues)
        for cue in cues:
            a, xseq = sequence_features(parse, cue, static)
            tagger.set(xseq)
            found = decode(tagger, len(xseq))
            if found is not None:
                first, last, p, inside = found
                shift = a if first >= 0 else 0
                out.append(TaggedSpan(cue, first + shift, last + shift, p, a, inside))
        return out


def best_by_cue(scored: Iterable[tuple[Any, float]]) -> dict[int, float]:
    """The best probability the regression gives a candidate of each cue (`worth_asking`'s
    `likely`), from (claim, probability) pairs."""
    likely: dict[int, float] = {}
    for claim, p in scored:
        likely[claim.cue] = max(p, likely.get(claim.cue, 0.0))
    return likely


def asked(parse: Parse, lexicon: dict[str, float], min_rate: float) -> list[int]:
    """The tokens whose lemma and part of speech the lexicon gives a rate of `min_rate` or more
    of heading a cue."""
    get = lexicon.get
    return [t.i for t in parse.tokens if get(cue_key(parse, t.i), 0.0) >= min_rate]


def worth_asking(
    parse: Parse, lexicon: dict[str, float], min_rate: float, likely: Mapping[int, float]
) -> list[int]:
    """The tokens the lexicon asks about (`asked`) that are worth the tagger's time: those the
    rules made a candidate of with a regression probability (`likely`, the best per cue) of
    `CLAIM_GATE` or more, and those the rules made none of whose rate reaches `ALONE_RATE`.
    Reading every cue the lexicon knows would cost more than the parse of the article."""
    out = []
    for i in asked(parse, lexicon, min_rate):
        p = likely.get(i)
        if p >= CLAIM_GATE if p is not None else lexicon[cue_key(parse, i)] >= ALONE_RATE:
            out.append(i)
    return out


def decode(tagger: Any, n: int) -> tuple[int, int, float, tuple[float, ...]] | None:
    """What the sequence `tagger` was last given holds: the probability that it has content
    (one minus that of labelling every token O), each token's probability of being content
    given that there is some, and the run around the likeliest token of those at one half or
    more ((-1, -1) when no token reaches it). None below `MIN_PROBABILITY`."""
    some = 1.0 - tagger.probability(["O"] * n)
    if some < MIN_PROBABILITY:
        return None
    marg = tagger.marginal
    inside = tuple(min((marg("B", j) + marg("I", j)) / some, 1.0) for j in range(n))
    best = max(range(n), key=inside.__getitem__)
    if inside[best] < 0.5:
        return -1, -1, some, inside
    first = last = best
    while first > 0 and inside[first - 1] >= 0.5:
        first -= 1
    while last + 1 < n and inside[last + 1] >= 0.5:
        last += 1
    return first, last, some, inside


@lru_cache(maxsize=1)
@untimed
def load_content_tagger() -> ContentTagger:
    """The shipped tagger and lexicon, read once per process."""
    files = resources.files("newsloom.resources")
    model = gzip.decompress(files.joinpath(TAGGER_RESOURCE).read_bytes())
    raw = json.loads(gzip.decompress(files.joinpath(LEXICON_RESOURCE).read_bytes()))
    return ContentTagger(model, dict(raw["rates"]), float(raw["min_rate"]))
