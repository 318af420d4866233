"""Reported (indirect) speech: what someone said, thought or found, in the reporter's words.

News reports speech in many shapes ("Ryabkov told Russian state media that ...", "the poll
shows Trump leading", "vowed to repeal the law", "The stakes are high, Becerra said",
"according to X, ...", "his claim that ..."). `claims` reads every candidate off the one
parse, with its cue, source and content; `claim_model`, a logistic regression, weighs each;
`content_tagger`, a CRF, reads the content of each likely cue from its sentence token by
token and proposes its own span where no rule made it; `claim_ranker`, boosted trees over
what both say, keeps the likely ones (all three learned on PolNeAR's train/ split by
`training/reported_model.py`). When two kept candidates cover each other's content, or have
the same cue, the likelier stands (one statement, one quote; a cue reports one statement).

The speaker is resolved by the same machinery as direct quotes (`Resolver.attribute_cue` for a
verb, `Resolver.resolve` for a possessor); an outlet the sentence credits ("told CNN") is the
relay, and "according to" a medium or a medium's own report ("..., CNN reported") is the relay
with no speaker. Candidates whose content is
mostly a direct quote are left to the direct quotes; one that quotes a fragment ("Trump said
he has “big plans” for the final month") is reported speech that mixes in the speaker's
words, and the fragment is a partial quote of its own as well. A negated cue ("did not say
that"), words not yet spoken ("will say") and a question ("asked whether") report nothing, and
"according to" in a sentence that quotes directly is the direct quote's credit: these are
rules (`claim_model.candidates`), since reporting them would put words in someone's mouth.
"""

from __future__ import annotations

from newsloom.analyse.attribution import Attribution, Resolver
from newsloom.analyse.claim_context import Context
from newsloom.analyse.claim_model import Counts, admissible, candidates, load_claim_model
from newsloom.analyse.claim_ranker import load_claim_ranker, ranker_rows
from newsloom.analyse.claims import Claim
from newsloom.analyse.content_tagger import best_by_cue, load_content_tagger
from newsloom.analyse.lexicon import REPORTING_LEMMAS
from newsloom.analyse.parse import Parse
from newsloom.analyse.programmes import past_programmes, programme_titles
from newsloom.analyse.reports import relayed_statements, restate_reports
from newsloom.analyse.via import (
    REPORTED,
    SAID,
    credits_in,
    medium_of_document,
    outlet_name,
)
from newsloom.article import Quote


def _quote(
    parse: Parse,
    span: tuple[int, int],
    att: Attribution,
    cue: str,
    via: str | None,
    probability: float,
) -> Quote:
    first, last = span
    start, end = parse.tokens[first].start, parse.tokens[last].end
    confidence = round(min(att.confidence, probability), 2) if att.speaker else 0.0
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


def _via(parse: Parse, sent: int, skip: set[int], named: bool, cue: int = -1) -> str | None:
    """The first outlet the sentence credits; a medium's "said" that is the statement's own
    cue makes the medium the speaker, not a relay ("..., the CTK news agency said")."""
    a, b = parse.sents[sent]
    found = [
        c
        for c in credits_in(parse, a, b, skip, speaker_named=named)
        if c.kind != SAID or c.at != cue
    ]
    return found[0].outlet if found else None


def _reporting_outlet(parse: Parse, sent: int, skip: set[int]) -> str | None:
    """The outlet whose own report the sentence is ("X reported", "X reports that"), which
    relays a source the sentence names by "according to" (PolNeAR train:
    breitbart_2016-08-24_report-half-clinton-s-state-meet "The AP reported that, according to
    an analysis ...", west-journal_2016-01-23_watch-what-hillary-does-when-a-g "Politico
    reported, according to sources in the meetings, ...", and the same shape with "citing":
    west-journal_2016-06-20_media-reports-reveal-reason-behi, ECB+ 28_9ecb, 37_12ecbplus)."""
    a, b = parse.sents[sent]
    return next((c.outlet for c in credits_in(parse, a, b, skip) if c.kind == REPORTED), None)


def reported_speech(resolver: Resolver) -> list[Quote]:
    """Every reported statement of the article the resolver reads, in text order.

    Candidates come from the parse (`claims`) and the tagger (`content_tagger`), each
    weighed by the ranker (`claim_ranker`); a medium's report of another's words is that
    other's statement (`reports`); of candidates whose contents cover each other or that
    share a cue, the likelier stands.
    """
    parse = resolver.doc.parse
    quoted = {i for i, q in enumerate(resolver.doc.in_quote) if q >= 0}
    model = load_claim_model()
    weighed = [
        (claim, model.probability(features))
        for claim, features in candidates(parse, quoted, resolver.doc.people)
    ]
    tagger = load_content_tagger()
    tagged = tagger.tag(parse, tagger.cues(parse, best_by_cue(weighed)), quoted)
    counts = Counts(parse, quoted)
    context = Context(tagger.lexicon, resolver.doc.people, counts)
    ranked, x = ranker_rows(
        parse, weighed, tagged, context, lambda claim: admissible(parse, claim, counts)
    )
    ranker = load_claim_ranker()
    scored = []
    for claim, p in zip(ranked, ranker.probabilities(x).tolist(), strict=True):
        if p >= ranker.threshold or (claim.relayed and claim.shape == "clause"):
            # an outlet that quotes someone "as saying that ..." credits the clause to them in
            # so many words; PolNeAR's US politics has too few relays to learn that from
            scored.append((p, claim))
    offered = [claim for claim, _ in weighed]
    kept = restate_reports(parse, scored, offered)
    chosen = relayed_statements(parse, kept, likeliest(kept), offered, _rivals)
    found: list[Quote] = []
    last: Attribution | None = None
    if any(claim.shape == "tagged" for _, claim in chosen):
        titles = programme_titles(parse, resolver.spans)
        chosen = [(p, past_programmes(parse, claim, titles)) for p, claim in chosen]
    for p, claim in sorted(chosen, key=lambda x: (x[1].cue, x[1].first)):
        att, via = _attribution(resolver, claim, last, quoted)
        if not att.mention:
            continue  # the parse's source, but not one the resolver can name or quote
        last = att if att.speaker else last
        found.append(_quote(parse, (claim.first, claim.last), att, _cue(parse, claim), via, p))
    return sorted(found, key=lambda q: (q.start, q.end))


def likeliest(scored: list[tuple[float, Claim]]) -> list[tuple[float, Claim]]:
    """The kept candidates ((probability, claim) pairs) that stand: each beats every likelier
    one whose content covers its own and every likelier one of its cue. A cue reports one
    statement: on held-out train outlets a second content of the same cue is the first one's
    span cut elsewhere far more often than a second statement (recall at 0.81 precision 0.366
    with this rule, 0.361 without)."""
    chosen: list[tuple[float, Claim]] = []
    for p, claim in sorted(scored, key=lambda x: (-x[0], x[1].cue, x[1].first)):
        if not any(_rivals(claim, o) for _, o in chosen):
            chosen.append((p, claim))
    return chosen


def _rivals(a: Claim, b: Claim) -> bool:
    """Two readings of one statement: contents that cover each other, or one cue's."""
    return _cover_each_other(a, b) or a.cue == b.cue


def _cover_each_other(a: Claim, b: Claim) -> bool:
    """Two contents that share at least half of each (one statement found twice)."""
    overlap = min(a.last, b.last) - max(a.first, b.first) + 1
    size_a, size_b = a.last - a.first + 1, b.last - b.first + 1
    return overlap > 0 and 2 * overlap >= size_a and 2 * overlap >= size_b


def _cue(parse: Parse, claim: Claim) -> str:
    t = parse.tokens[claim.cue]
    if claim.shape == "according":
        return "according to"
    return t.lemma if t.pos in ("VERB", "AUX", "NOUN") else t.lower


def _attribution(
    resolver: Resolver, claim: Claim, last: Attribution | None, quoted: set[int]
) -> tuple[Attribution, str | None]:
    """Who made the statement, and through which outlet."""
    parse = resolver.doc.parse
    if claim.shape == "according":
        outlet = outlet_name(parse, claim.source, strong=False)
        if outlet is not None:
            return Attribution(mention=outlet), outlet
        # "according to a transcript seen by the Financial Times": the document's medium;
        # "..., according to people familiar with the matter, the Journal reported": the
        # outlet whose report names its source
        via = medium_of_document(parse, claim.source) or _reporting_outlet(
            parse, parse.tokens[claim.cue].sent, quoted
        )
        return resolver.resolve(claim.source, None), via
    att: Attribution | None = None
    cue = parse.tokens[claim.cue]
    if cue.pos in ("VERB", "AUX"):
        att = resolver.attribute_cue(claim.cue, last)
        if (
            att is None
            and claim.source >= 0
            and cue.lemma in REPORTING_LEMMAS
            and parse.tokens[claim.source].head == claim.cue
        ):
            # "..., CNN reported": the outlet's own report relays; it is no speaker. Not the
            # one a report cites ("Yonhap reported, citing the Joint Chiefs of Staff"): any
            # organisation may be cited, and it is the source (`reports`)
            outlet = outlet_name(parse, claim.source, strong=True)
            if outlet is not None:
                return Attribution(mention=outlet), outlet
    if att is None and claim.source >= 0:
        att = resolver.resolve(claim.source, last)
    if att is None:
        return Attribution(), None
    sent = parse.tokens[claim.cue].sent
    return att, att.via or _via(parse, sent, quoted, named=att.speaker is not None, cue=claim.cue)
