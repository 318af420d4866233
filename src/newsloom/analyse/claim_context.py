"""What the ranker of reported speech reads around a candidate: its cue, source and sentence.

`claim_ranker` first read only what the two learned readers say of a candidate (the
regression's and the tagger's probabilities, the shape and size). Of the gold statements
missed on held-out train outlets, a third had a candidate with the right span scored under the
threshold: the trees could not tell a broad attribution that annotators mark ("defended the
incident") from one they do not, with nothing of the candidate's surroundings. These columns
give them that: how often the cue's lemma heads a gold cue (the tagger's cue lexicon), the
cue's part of speech and tense, what kind of word the source is and whether it is a person the
article names, whether the content holds a finite verb and a subject of its own, where the
content sits in its sentence and what ends it (a comma, the sentence's end), how many
candidates of other cues the sentence offers and how likely the best of them is, and how likely
the best of those is whose cue the content holds or whose content holds the cue (a nested
attribution, "X said Y claimed Z": annotators mark the inner one; recall at 0.81 precision on
held-out train outlets 0.379 with these two, 0.366 without).

All are numbers (flags as 0 or 1, -1 where a column does not apply), read off the parse the
article already has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsloom.analyse.claim_model import Counts
from newsloom.analyse.claims import Claim
from newsloom.analyse.entities import People
from newsloom.analyse.parse import Parse

__all__ = ["CONTEXT_FEATURES", "Context", "context_columns"]

_POS = ("VERB", "NOUN", "ADP", "PUNCT", "ADJ")
_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB", "NN", "NNS")
_SOURCES = ("pron", "PERSON", "ORG", "GPE", "NORP", "PROPN", "NOUN")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_ENDS = frozenset({".", "?", "!"})
#: sentence indices past this are one bucket (the headline and lead are what differ)
_LAST_SENTENCE = 20
#: the columns `context_columns` adds, in order
CONTEXT_FEATURES = (
    "cue_rate",  # how often the cue's lemma and part of speech head a gold cue in train
    *(f"cue_{p.lower()}" for p in _POS),
    *(f"tag_{t.lower()}" for t in _TAGS),
    *(f"source_{s.lower()}" for s in _SOURCES),
    "source_known",  # the source is a person the article names (-1: no source)
    "finite_verbs",  # finite verbs inside the content
    "content_subject",  # a subject whose verb is inside the content
    "content_after",  # the content follows the cue
    "gap",  # tokens between the cue and the content
    "sentence_size",
    "to_end",  # the content reaches the sentence's end
    "from_start",  # and starts at its start
    "comma_before",
    "comma_after",
    "ends_sentence",  # a full stop (or the end) right after the content
    "sentence_index",
    "cue_root",
    "link_that",
    "link_to",
    "relayed",
    "sentence_candidates",  # the candidates of the sentence, of every cue
    "rival_probability",  # the best claim probability of another cue's candidate there (-1)
    "quoted_share",  # the share of the content inside quotation marks
    # nested attributions ("X said Y claimed Z"): the best claim probability of another cue's
    # candidate whose cue lies inside this content, and of one whose content holds this cue
    "inner_cue",
    "outer_cue",
)


@dataclass(frozen=True)
class Context:
    """What the columns are read from besides the parse: the cue lexicon (`content_tagger`),
    the article's people and its running counts (`claim_model.Counts`)."""

    lexicon: Mapping[str, float]
    people: People | None
    counts: Counts


def _source_kind(parse: Parse, i: int) -> str:
    t = parse.tokens[i]
    if t.pos == "PRON":
        return "pron"
    if t.ent in ("PERSON", "ORG", "GPE", "NORP"):
        return t.ent
    return t.pos


def _columns(
    parse: Parse,
    claim: Claim,
    ctx: Context,
    sentence: Sequence[int],
    rivals: tuple[float, float, float],
) -> list[float]:
    toks = parse.tokens
    ct = toks[claim.cue]
    a, b = parse.sents[ct.sent]
    first, last = claim.first, claim.last
    kind = _source_kind(parse, claim.source) if claim.source >= 0 else "none"
    if claim.source < 0:
        known = -1.0
    else:
        known = float(ctx.people is not None and ctx.people.at(claim.source) is not None)
    content = range(first, last + 1)
    subject = any(
        toks[j].dep in ("nsubj", "nsubjpass") and first <= toks[j].head <= last for j in content
    )
    after = first > claim.cue
    before_text = toks[first - 1].text if first > a else "^"
    after_text = toks[last + 1].text if last + 1 < b else "$"
    return [
        ctx.lexicon.get(f"{ct.lemma}|{ct.pos}", 0.0),
        *(float(ct.pos == p) for p in _POS),
        *(float(ct.tag == t) for t in _TAGS),
        *(float(kind == s) for s in _SOURCES),
        known,
        float(sum(toks[j].tag in _FINITE for j in content)),
        float(subject),
        float(after),
        float(first - claim.cue if after else claim.cue - last),
        float(b - a),
        float(last >= b - 2),
        float(first <= a + 1),
        float(before_text == ","),
        float(after_text == ","),
        float(after_text == "$" or after_text in _ENDS),
        float(min(ct.sent, _LAST_SENTENCE)),
        float(ct.dep == "ROOT"),
        float(claim.link == "that"),
        float(claim.link == "to"),
        float(claim.relayed),
        float(len(sentence)),
        rivals[0],
        ctx.counts.inside(first, last + 1) / (last - first + 1),
        rivals[1],
        rivals[2],
    ]


def context_columns(
    parse: Parse, claims: Sequence[Claim], claim_probs: Sequence[float], ctx: Context
) -> np.ndarray:
    """The `CONTEXT_FEATURES` of each candidate (`claim_probs`: the regression's probability
    of each, or its best for the cue), one row per candidate."""
    by_sentence: dict[int, list[int]] = {}
    for k, claim in enumerate(claims):
        by_sentence.setdefault(parse.tokens[claim.cue].sent, []).append(k)
    rows = []
    for claim in claims:
        sentence = by_sentence[parse.tokens[claim.cue].sent]
        rival = inner = outer = -1.0
        for k in sentence:
            other = claims[k]
            if other.cue == claim.cue:
                continue
            p = claim_probs[k]
            rival = max(rival, p)
            if claim.first <= other.cue <= claim.last:
                inner = max(inner, p)
            if other.first <= claim.cue <= other.last:
                outer = max(outer, p)
        rows.append(_columns(parse, claim, ctx, sentence, (rival, inner, outer)))
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(CONTEXT_FEATURES))
