"""Which candidate attributions (`claims`) are reported speech: a small learned scorer.

Each candidate is described by named features of its parse (the cue's lemma, tag and arc,
the shape of the construction, what kind of word the source is, the content's length and
marker, negation, modality, where the cue stands and whether another verb of saying governs
it, whether the content has a finite verb and where it sits in its sentence, and which other
candidates the same cue offers); a logistic
regression learned on PolNeAR's train/ split (`training/reported_model.py`) weighs them. The
weights ship as `resources/reported_model.json` and are read once per process; scoring is a
sum of weights, no scikit-learn at run time.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, repeat

from newsloom.analyse.claims import Claim, claims, passes_on
from newsloom.analyse.entities import People
from newsloom.analyse.lexicon import CUE_LEMMAS, words
from newsloom.analyse.parse import Parse, head_of
from newsloom.analyse.speakers import is_future
from newsloom.deadline import untimed

__all__ = [
    "ClaimModel",
    "Counts",
    "admissible",
    "candidates",
    "claim_features",
    "load_claim_model",
]

RESOURCE = "reported_model.json.gz"
_PRONOUNS = words("i we you they he she it this that who which one someone many some others")
_DETS = frozenset({"det", "poss", "nummod"})
_ENDS = frozenset((".", "?", "!", "”", '"'))
_MODALS = words("will would could might may should must can 'll wo")
#: tags of a finite verb: a content that has one is a statement, not just a thing named
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: the weight of a feature the model does not know
_ZEROS = repeat(0.0)


def _bucket(n: int) -> str:
    for top in (1, 2, 4, 8, 16, 32):
        if n <= top:
            return str(top)
    return "more"


def _source_kind(parse: Parse, s: int) -> str:
    if s < 0:
        return "none"
    t = parse.tokens[s]
    if t.pos == "PRON" or t.lower in _PRONOUNS:
        return "pron"
    if t.ent:
        return "ent_" + t.ent
    if t.pos == "PROPN":
        return "propn"
    return "noun"


class Counts:
    """Running counts over an article's tokens (quoted ones, finite verbs), made once per
    article so that each candidate reads its content's share in constant time; per cue,
    whether another verb of saying governs it and the candidates it offers (a cue offers
    several: "urged Congress to act" is an object and an infinitive)."""

    __slots__ = ("by_cue", "nested", "quoted", "verbs")

    def __init__(
        self, parse: Parse, quoted: frozenset[int] | set[int], found: list[Claim] | None = None
    ) -> None:
        toks = parse.tokens
        self.quoted = [0, *accumulate(map(quoted.__contains__, range(len(toks))))]
        self.verbs = [0, *accumulate(t.tag in _FINITE for t in toks)]
        self.nested: dict[int, bool] = {}
        self.by_cue: dict[int, list[Claim]] = {}
        for c in found or ():
            self.by_cue.setdefault(c.cue, []).append(c)

    def under_cue(self, parse: Parse, i: int) -> bool:
        """A verb of saying among the token's ancestors ("X said Y announced Z")."""
        found = self.nested.get(i)
        if found is None:
            toks = parse.tokens
            found = any(
                toks[k].pos == "VERB" and toks[k].lemma in CUE_LEMMAS for k in parse.ancestors(i)
            )
            self.nested[i] = found
        return found

    def inside(self, first: int, stop: int) -> int:
        """Quoted tokens in [first, stop)."""
        return self.quoted[stop] - self.quoted[first]


def _cue_features(
    parse: Parse, cue_at: int, quoted: frozenset[int] | set[int], counts: Counts
) -> tuple[list[str], bool]:
    """The features every candidate of one cue shares (unprefixed), and whether it is negated."""
    toks = parse.tokens
    cue = toks[cue_at]
    lemma = cue.lemma
    negated = modal = passive = False
    for c in parse.children[cue_at]:
        k = toks[c]
        if k.dep == "neg":
            negated = True
        elif k.dep == "aux":
            modal = modal or k.lower in _MODALS
        elif k.dep in ("nsubjpass", "auxpass"):
            passive = True
    a, b = parse.sents[cue.sent]
    # what else the cue offers: a verb whose only candidate is its object reads otherwise
    # than one with a clause beside it ("told reporters that ...")
    siblings = counts.by_cue.get(cue_at, ())
    feats = [
        "bias",
        f"lemma={lemma}",
        f"tag={cue.tag}",
        f"dep={cue.dep}",
        f"cue_quoted={cue_at in quoted}",
        f"sent_end={toks[b - 1].text in _ENDS}",
        f"first_in_sent={cue_at == a}",
        f"root={cue.dep == 'ROOT'}",
        # "X said Y announced Z": a cue under another verb of saying is often the inner report
        f"nested={counts.under_cue(parse, cue_at)}",
        f"siblings={min(max(len(siblings), 1), 4)}",
    ]
    if siblings:
        feats.append(f"sibling_shapes={'|'.join(sorted({o.shape for o in siblings}))}")
    if counts.inside(a, b):
        feats.append("sentence_quotes")
    if negated:
        feats.append("negated")
    if modal:
        feats += ["modal", f"modal={lemma}"]
    if passive:
        feats += ["passive", f"passive={lemma}"]
    return feats, negated


def claim_features(
    parse: Parse,
    claim: Claim,
    quoted: frozenset[int] | set[int],
    people: People | None = None,
    counts: Counts | None = None,
) -> list[str]:
    """The named features of one candidate (`quoted`: indices of tokens inside quotes;
    `people`: the article's people, when known; `counts`: the article's, when the caller
    made them)."""
    if counts is None:
        counts = Counts(parse, quoted, claims(parse))
    toks = parse.tokens
    cue = toks[claim.cue]
    shape, lemma = claim.shape, cue.lemma
    prefix = f"{shape}:"
    plain, negated = _cue_features(parse, claim.cue, quoted, counts)
    if negated:
        plain.append(f"negated={shape}")
    size = claim.last - claim.first + 1
    kind = _source_kind(parse, claim.source)
    head = head_of(parse, claim.first, claim.last + 1)
    ht = toks[head]
    has_subject = any(toks[c].dep in ("nsubj", "nsubjpass", "expl") for c in parse.children[head])
    share = counts.inside(claim.first, claim.last + 1) / size
    a, b = parse.sents[cue.sent]
    finite = counts.verbs[claim.last + 1] > counts.verbs[claim.first]
    siblings = counts.by_cue.get(claim.cue, ())
    longest = all(o.last - o.first <= size - 1 for o in siblings)
    if not siblings:
        plain.append(f"sibling_shapes={shape}")
    order = "before" if claim.cue < claim.first else "after"
    feats = [
        f"shape={shape}",
        f"shape_lemma={shape}|{lemma}",
        f"link={shape}|{claim.link}",
        f"lemma_link={lemma}|{claim.link}",
        f"shape_tag={shape}|{cue.tag}",
        f"shape_dep={shape}|{cue.dep}",
        f"source={kind}",
        f"shape_source={shape}|{kind}",
        f"lemma_source={lemma}|{kind}",
        f"size={_bucket(size)}",
        f"shape_size={shape}|{_bucket(size)}",
        f"head_pos={shape}|{ht.pos}",
        f"head_tag={ht.tag}",
        f"clause={shape}|{has_subject}",
        f"order={shape}|{order}",
        f"quoted={shape}|{round(share * 4)}",
        f"finite={finite}",
        # how the content sits in its sentence: annotators cut contents at clause edges
        f"to_end={claim.last >= b - 2}",
        f"from_start={claim.first <= a + 1}",
        f"frac={round(4 * size / max(b - a, 1))}",
        f"longest={longest}",
        f"content_lemma={ht.lemma}",
    ]
    if claim.source >= 0:
        st = toks[claim.source]
        if people is not None and people.at(claim.source) is not None:
            feats += ["source_person", f"source_person={shape}"]
        if kind == "noun":
            feats.append(f"source_lemma={st.lemma}")
        dets = [toks[c].lower for c in parse.children[claim.source] if toks[c].dep in _DETS]
        feats.append(f"source_det={dets[0] if dets else ''}")
        feats.append(f"source_dep={shape}|{st.dep}")
    if shape in ("object", "preposition", "noun"):
        feats.append(f"content_kind={shape}|{_source_kind(parse, head)}")
    if claim.relayed:
        feats.append("relayed")
    # each construction weighs its features on its own (its own bias too); the cue lemma is
    # also shared across constructions
    return [
        *map(prefix.__add__, plain),
        *map(prefix.__add__, feats),
        "bias",
        f"lemma={lemma}",
        f"source={kind}",
    ]


def candidates(
    parse: Parse, quoted: set[int], people: People | None = None
) -> list[tuple[Claim, list[str]]]:
    """The parse's candidate attributions with their features. A candidate with no source in
    the text ("Asked whether ...") is none; one whose content is mostly inside quotation marks
    is left to the direct quotes."""
    out = []
    found = claims(parse)
    counts = Counts(parse, quoted, found)
    for claim in found:
        if admissible(parse, claim, counts):
            out.append((claim, claim_features(parse, claim, quoted, people, counts)))
    return out


def admissible(parse: Parse, claim: Claim, counts: Counts) -> bool:
    """A candidate the rules let stand: it has a source, it is said (`_unsaid`), its cue does
    not pass on another's words (`claims.passes_on`), it is not the credit of a direct quote,
    and it is mostly outside quotation marks."""
    if claim.source < 0 or _unsaid(parse, claim):
        return False  # reported speech is found through the one who reports it, named or not
    if passes_on(parse, claim.cue):
        return False  # "Xinhua quoted the governor as saying ...": the "saying" reports it
    if claim.shape == "according" and counts.inside(*parse.sentence_of(claim.cue)):
        return False  # '"...," X said, according to Y': the credit is the direct quote's
    return 2 * counts.inside(claim.first, claim.last + 1) < claim.last - claim.first + 1


def _unsaid(parse: Parse, claim: Claim) -> bool:
    """A statement nobody made: a negated cue ("did not say that"), words not yet spoken
    ("will announce that") or a question ("asked whether"). Rules, not features: reporting
    these as someone's statement would put words in their mouth."""
    kids = parse.children[claim.cue]
    if any(parse.tokens[c].dep == "neg" for c in kids):
        return True
    if parse.tokens[claim.cue].pos in ("VERB", "AUX") and is_future(parse, claim.cue):
        return True
    if _asks_anonymity(parse, claim):
        return True
    return claim.shape in ("clause", "tagged") and claim.link in ("whether", "if")


#: cues of a request, and the words of a request to stay unnamed ("asked not to be
#: identified", "asked not to be named", "asked to remain anonymous", "asked for anonymity")
_REQUEST_LEMMAS = words("ask request seek")
_UNNAMED_LEMMAS = words("identify name quote anonymity anonymous")


def _asks_anonymity(parse: Parse, claim: Claim) -> bool:
    """A source's request not to be named says how it is quoted, not what it said ("a
    person familiar with the matter, who asked not to be identified because ..."): it reports
    nothing. Seen in ../shared/data: USA Today (ECB+ 30_2ecb, "asked not to be identified"),
    the Daily Mail (ECB+ 8_3ecbplus, "who asked not to be named"), MSN (htmldate_eval
    msn.com.university, "who asked not to be named"), PolNeAR train's "requested anonymity"
    (Washington Post, Politico, NYT), which PolNeAR marks as no attribution."""
    if parse.tokens[claim.cue].lemma not in _REQUEST_LEMMAS:
        return False
    # the first word of the content that says what was asked for ("not to be *named*",
    # "for *anonymity*"), past "remain" ("to remain *anonymous*")
    for t in parse.tokens[claim.first : claim.last + 1]:
        if t.pos in ("VERB", "NOUN", "ADJ") and t.lemma != "remain":
            return t.lemma in _UNNAMED_LEMMAS
    return False


@dataclass(frozen=True, slots=True)
class ClaimModel:
    """Feature weights, bias and the decision threshold chosen on held-out outlets."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: list[str]) -> float:
        z = sum(map(self.weights.get, features, _ZEROS))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=1)
@untimed
def load_claim_model() -> ClaimModel:
    """The shipped model, read once per process."""
    data = resources.files("newsloom.resources").joinpath(RESOURCE).read_bytes()
    raw = json.loads(gzip.decompress(data).decode("utf-8"))
    return ClaimModel(weights=dict(raw["weights"]), threshold=float(raw["threshold"]))
