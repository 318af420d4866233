"""A medium's report of someone else's words: the one reported spoke, the medium relays.

Wire copy credits a statement twice over: "Grinev said on Wednesday that the talks had
stalled, the RIA news agency reported" and "Supplies have arrived, Ukrinform reported, citing
Defence Minister Roman Shevchuk". A careful reader finds one statement, by Grinev or
Shevchuk, relayed by RIA or Ukrinform; read naively, the medium's report is a statement with
no speaker (its content a whole "X said that ..." clause) and "citing X" a second statement
whose content is X's name.

So, among the kept candidates of reported speech (`reported`), a medium's report

* whose content is itself a named subject's statement ("X said that ...") gives way to that
  statement (the inner cue's own candidate, with the report's probability); the sentence's
  "reported" credit still names the medium as the relay;
* that cites someone ("..., Ukrinform reported, citing Y") has Y for its source, and the
  "citing" is no statement of its own;

and a content that runs on into a medium's credit ("..., Interfax reported") ends before it.

"According to" credits a statement twice over in the same way: "Dalton told aides that he
would run, according to people familiar with the talks" is Dalton's statement, which the
people familiar relay. Read naively it is a statement of the one credited whose content is a
whole "X told aides that ..." clause, with X's own statement lost. So an "according to" report

* that credits a medium ("according to The Times") and whose content is a named subject's
  statement gives way to that statement, as a medium's report does (the medium is the relay,
  `via.credits_in`);
* that credits people or a document ("according to two sources", "according to a memo") is
  their statement, and X's own statement stands beside it (`relayed_statements`): they are no
  relay and no speaker of X's words, and X's words are no part of theirs to be lost;

and a statement's content that runs on into a closing ", according to Y" ends before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from newsloom.analyse.claims import Claim
from newsloom.analyse.lexicon import CUE_LEMMAS, REPORTING_LEMMAS
from newsloom.analyse.parse import Parse, head_of
from newsloom.analyse.via import outlet_name

__all__ = ["relayed_statements", "restate_reports"]

Scored = tuple[float, Claim]
#: shapes of a medium's report of a clause: "X reported that ..." and "..., X reported"
_REPORT_SHAPES = frozenset({"clause", "aside"})
#: the arcs of a statement's subject: any, or (`active`) only an active verb's
_SUBJECTS = {False: ("nsubj", "nsubjpass"), True: ("nsubj",)}


def _is_medium_report(parse: Parse, claim: Claim) -> bool:
    cue = parse.tokens[claim.cue]
    return (
        cue.lemma in REPORTING_LEMMAS
        and cue.pos == "VERB"
        and claim.source >= 0
        and outlet_name(parse, claim.source, strong=True) is not None
    )


def _cited(parse: Parse, report: int) -> tuple[int, int] | None:
    """("citing" token, head of whom it cites) of a report verb, or None: a "citing" under
    it, or one the parser hung elsewhere that follows it in its sentence with only the
    report's own modifiers between ("Bloomberg reported on Tuesday, citing people ...")."""
    for c in parse.children[report]:
        t = parse.tokens[c]
        if t.lemma == "cite" and t.pos == "VERB" and t.dep in ("advcl", "xcomp", "conj"):
            for g in parse.children[c]:
                if parse.tokens[g].dep == "dobj":
                    return c, g
    toks = parse.tokens
    stop = parse.sents[toks[report].sent][1]
    for c in range(report + 1, stop):
        t = toks[c]
        if t.lemma == "cite" and t.pos == "VERB" and toks[c - 1].text == ",":
            obj = next((g for g in parse.children[c] if toks[g].dep == "dobj"), None)
            return None if obj is None else (c, obj)
        if t.pos in ("VERB", "AUX") or (
            t.text == "," and c + 1 < stop and toks[c + 1].lemma != "cite"
        ):
            return None
    return None


def _inner_statement(
    parse: Parse, claim: Claim, candidates: Sequence[Claim], *, active: bool = False
) -> Claim | None:
    """The candidate of the statement a report's content consists of ("X said that ...").
    With `active`, X is the cue's active subject and the content follows the cue: "X was told
    that ..." is what X heard, and "after X decided to run, he told aides that ..." says it
    after "told", not before."""
    head = head_of(parse, claim.first, claim.last + 1)
    t = parse.tokens[head]
    if t.pos != "VERB" or t.lemma not in CUE_LEMMAS or t.lemma in REPORTING_LEMMAS:
        return None
    subject = next(
        (c for c in parse.children[head] if parse.tokens[c].dep in _SUBJECTS[active]), None
    )
    if subject is None or not claim.first <= subject <= claim.last:
        return None
    inner = [
        c
        for c in candidates
        if c.cue == head
        and c.shape == "clause"
        and c.source >= 0
        and (c.first > head or not active)
    ]
    return max(inner, key=lambda c: c.last - c.first, default=None)


def _before_according(parse: Parse, claim: Claim) -> Claim:
    """A statement's content cut before a closing credit it runs into ("she would not run,
    according to people close to her": the credit is the reporter's, no part of her words)."""
    toks = parse.tokens
    for a in range(claim.first + 2, claim.last):
        if (
            toks[a].lower == "according"
            and toks[a - 1].text == ","
            and toks[a + 1].lower == "to"
            and toks[a].right >= claim.last
            and not claim.first <= claim.cue <= claim.last
        ):
            last = a - 1
            while last > claim.first and toks[last].pos == "PUNCT":
                last -= 1
            return replace(claim, last=last)
    return claim


def _report_citing(parse: Parse, claim: Claim, candidates: Sequence[Claim]) -> Claim | None:
    """For the candidate of a "citing" under a medium's report, the report's own candidate
    with the one cited for its source."""
    cue = parse.tokens[claim.cue]
    if cue.lemma != "cite":
        return None
    reports = [
        c
        for c in candidates
        if c.cue < cue.i
        and c.shape in _REPORT_SHAPES
        and _is_medium_report(parse, c)
        and (cited := _cited(parse, c.cue)) is not None
        and cited[0] == cue.i
    ]
    if not reports:
        return None
    report = max(reports, key=lambda c: c.last - c.first)
    cited = _cited(parse, report.cue)
    return replace(report, source=cited[1]) if cited else None


def _before_credit(parse: Parse, claim: Claim) -> Claim:
    """A content cut before a medium's credit it runs into ("the vote had been rigged,
    Interfax reported on Sunday": the credit is no part of what was said)."""
    toks = parse.tokens
    for r in range(claim.first + 1, claim.last + 1):
        if r == claim.cue or toks[r].lemma not in REPORTING_LEMMAS or toks[r].pos != "VERB":
            continue
        subject = next((c for c in parse.children[r] if toks[c].dep == "nsubj"), None)
        if subject is None or outlet_name(parse, subject, strong=True) is None:
            continue
        last = toks[subject].left - 1
        while last > claim.first and toks[last].pos == "PUNCT":
            last -= 1
        if claim.first < last < claim.last and claim.cue not in range(last + 1, claim.last + 1):
            return replace(claim, last=last)
    return claim


def restate_reports(
    parse: Parse, scored: list[Scored], candidates: Sequence[Claim]
) -> list[Scored]:
    """The kept candidates with each medium's report of another's words restated as that
    other's statement (see the module docstring); `candidates` are all the parse offered."""
    out: list[Scored] = []
    for p, claim in scored:
        claim = _before_according(parse, _before_credit(parse, claim))
        if claim.shape == "according" and outlet_name(parse, claim.source, strong=False):
            if inner := _inner_statement(parse, claim, candidates, active=True):
                claim = _before_according(parse, inner)  # the medium relays X's words
        elif claim.shape in _REPORT_SHAPES and _is_medium_report(parse, claim):
            if (inner := _inner_statement(parse, claim, candidates)) is not None:
                claim = inner
            elif (cited := _cited(parse, claim.cue)) is not None:
                claim = replace(claim, source=cited[1])
        elif (report := _report_citing(parse, claim, candidates)) is not None:
            claim = report  # the same cue as the report's: one of the two stands
        out.append((p, claim))
    return out


def relayed_statements(
    parse: Parse,
    kept: list[Scored],
    chosen: list[Scored],
    candidates: Sequence[Claim],
    rivals: Callable[[Claim, Claim], bool],
) -> list[Scored]:
    """The chosen statements (of the `kept` ones), with both halves of each "according to"
    report by people or a document whose content is X's statement: the report, and X's
    statement (its content cut before the credit). Both were made, so neither puts the other
    out, as rival readings of one statement do (`rivals`); a report over the whole clause
    alone would lose X's words, X's statement alone who vouches for it."""
    out = list(chosen)
    for p, report in kept:
        if (
            report.shape != "according"
            or (inner := _inner_statement(parse, report, candidates, active=True)) is None
        ):
            continue
        statement = _before_according(parse, inner)
        standing = [c for _, c in out if c == report or c.cue == inner.cue]
        beaten_by = [
            c for _, c in out if c.cue not in (report.cue, inner.cue) and rivals(report, c)
        ]
        if not standing or beaten_by:
            continue  # neither half stands, or something else put the report out
        if report not in standing:
            out.append((p, report))
        if not any(c.cue == inner.cue for c in standing):
            out.append((p, statement))
    return out
