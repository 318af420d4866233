"""The CAMEO 2.0 verb dictionary as data: its entries, its patterns, and matching them.

The dictionary (PETRARCH format, `CAMEO.2.0.txt`, MIT) is read by
`evaluation.cameo_dictionary.parse_dictionary`; `training/build_cameo_lexicon.py` turns it
into the compact JSON file `resources/cameo_verbs.json` that newsloom ships, so the production
coder never needs the shared data folder. This module holds the objects both sides use and the
matcher: a verb token's code is its most specific matching pattern, else its entry's default.

A pattern's words after the `*` are looked for, in order, among the verb's own dependents
(particle, objects, prepositional phrases: the tokens of its subtree after it, without its
clausal complements, which hold another event), and its words before the `*` in the verb's
subject phrase. A dictionary word matches a token's form or lemma, or its own singular.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newsloom.analyse.parse import Parse
from newsloom.deadline import untimed

__all__ = [
    "LEXICON_FILE",
    "Dictionary",
    "Pattern",
    "Term",
    "VerbEntry",
    "dictionary_from_json",
    "dictionary_to_json",
    "match_verb",
    "shipped_dictionary",
]

#: the shipped lexicon, under `newsloom/resources/`
LEXICON_FILE = "cameo_verbs.json.gz"

#: a term: alternatives, each a run of adjacent words
Term = tuple[tuple[str, ...], ...]

#: dependents whose words are another clause's, not the verb's phrase
_CLAUSES = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "cc", "mark", "punct"}
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: terms before and after the verb, and its code."""

    before: tuple[Term, ...]
    after: tuple[Term, ...]
    code: str
    #: how specific the pattern is: the number of words it needs
    size: int = field(init=False, compare=False)
    #: per term, the words one of its alternatives can start with (and their singulars): the
    #: quick test before the ordered match, computed once when the dictionary loads
    firsts_before: tuple[frozenset[str], ...] = field(init=False, compare=False)
    firsts_after: tuple[frozenset[str], ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        terms = (*self.before, *self.after)
        object.__setattr__(self, "size", sum(min(len(alt) for alt in t) for t in terms))
        object.__setattr__(self, "firsts_before", _firsts(self.before))
        object.__setattr__(self, "firsts_after", _firsts(self.after))


def _firsts(terms: tuple[Term, ...]) -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(w for alt in term for w in (alt[0], _singular(alt[0]))) for term in terms
    )


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb of the dictionary: its default code (None for none) and its blocks' patterns.

    `before`/`after`: the other words of a phrasal entry ("call off": `after` = ("off",)).
    """

    lemma: str
    code: str | None
    patterns: tuple[Pattern, ...]
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    #: pattern positions by a word their first term (after the verb, else before it) can start
    #: with, and the positions of patterns with no term: a verb with hundreds of patterns then
    #: tries only those whose first term can match (computed once when the dictionary loads)
    _after_index: dict[str, tuple[int, ...]] = field(init=False, compare=False, repr=False)
    _before_index: dict[str, tuple[int, ...]] = field(init=False, compare=False, repr=False)
    _bare: tuple[int, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        after: dict[str, list[int]] = {}
        before: dict[str, list[int]] = {}
        bare = []
        for k, p in enumerate(self.patterns):
            if p.firsts_after:
                for word in p.firsts_after[0]:
                    after.setdefault(word, []).append(k)
            elif p.firsts_before:
                for word in p.firsts_before[0]:
                    before.setdefault(word, []).append(k)
            else:
                bare.append(k)
        object.__setattr__(self, "_after_index", {w: tuple(v) for w, v in after.items()})
        object.__setattr__(self, "_before_index", {w: tuple(v) for w, v in before.items()})
        object.__setattr__(self, "_bare", tuple(bare))

    def candidates(
        self, keys_after: frozenset[str], keys_before: frozenset[str]
    ) -> list[Pattern]:
        """The patterns, in order, whose first term can start at one of the words given: the
        others cannot match (see `_possible`)."""
        found = set(self._bare)
        for word in keys_after:
            found.update(self._after_index.get(word, ()))
        for word in keys_before:
            found.update(self._before_index.get(word, ()))
        return [self.patterns[k] for k in sorted(found)]


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Verb lemma -> its entries (a phrasal verb and a plain one share a lemma);
    irregular form -> lemma."""

    verbs: dict[str, tuple[VerbEntry, ...]]
    forms: dict[str, str]

    def entries(self, lemma: str, form: str) -> tuple[VerbEntry, ...]:
        found = self.verbs.get(lemma, ())
        other = self.forms.get(form)
        if other and other != lemma:
            found = found + self.verbs.get(other, ())
        return found


# -- the shipped file ---------------------------------------------------------------------------


def _term_json(term: Term) -> list[str]:
    return [" ".join(alt) for alt in term]


def _pattern_json(p: Pattern) -> list[Any]:
    return [[_term_json(t) for t in p.before], [_term_json(t) for t in p.after], p.code]


def dictionary_to_json(dic: Dictionary, header: dict[str, Any]) -> dict[str, Any]:
    """A compact JSON form: unique patterns, unique pattern lists, entries referring to them."""
    patterns: dict[Pattern, int] = {}
    groups: dict[tuple[int, ...], int] = {}
    entries = []
    for lemma in sorted(dic.verbs):
        for e in dic.verbs[lemma]:
            ids = tuple(patterns.setdefault(p, len(patterns)) for p in e.patterns)
            g = groups.setdefault(ids, len(groups))
            entries.append([lemma, list(e.before), list(e.after), e.code, g])
    return {
        **header,
        "patterns": [_pattern_json(p) for p in patterns],
        "groups": [list(ids) for ids in groups],
        "entries": entries,
        "forms": dict(sorted(dic.forms.items())),
    }


def _term(raw: list[str]) -> Term:
    return tuple(tuple(alt.split()) for alt in raw)


def dictionary_from_json(data: dict[str, Any]) -> Dictionary:
    patterns = [
        Pattern(tuple(_term(t) for t in b), tuple(_term(t) for t in a), code)
        for b, a, code in data["patterns"]
    ]
    groups = [tuple(patterns[k] for k in ids) for ids in data["groups"]]
    verbs: dict[str, list[VerbEntry]] = {}
    for lemma, before, after, code, g in data["entries"]:
        verbs.setdefault(lemma, []).append(
            VerbEntry(lemma, code, groups[g], tuple(before), tuple(after))
        )
    return Dictionary({k: tuple(v) for k, v in verbs.items()}, dict(data["forms"]))


@lru_cache(maxsize=1)
@untimed
def shipped_dictionary() -> Dictionary:
    """The CAMEO 2.0 lexicon shipped with newsloom, read once per process."""
    raw = resources.files("newsloom.resources").joinpath(LEXICON_FILE).read_bytes()
    return dictionary_from_json(json.loads(gzip.decompress(raw)))


# -- matching -----------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def same_word(word: str, parse: Parse, i: int) -> bool:
    """A dictionary word matches token `i` as written, as its lemma, or in the singular."""
    tok = parse.tokens[i]
    return word in (tok.lower, tok.lemma) or _singular(word) == tok.lemma


def _find(term: Term, parse: Parse, idx: list[int]) -> int | None:
    """The position in `idx` after the first run of tokens that matches `term`, or None."""
    best = None
    for alt in term:
        n = len(alt)
        for k in range(len(idx) - n + 1):
            if all(
                same_word(alt[j], parse, idx[k + j])
                and (j == 0 or idx[k + j] == idx[k + j - 1] + 1)
                for j in range(n)
            ):
                if best is None or k + n < best:
                    best = k + n
                break
    return best


def _keys(parse: Parse, idx: list[int]) -> frozenset[str]:
    """Every word form a dictionary word can match among tokens `idx`."""
    out: set[str] = set()
    for k in idx:
        tok = parse.tokens[k]
        out.add(tok.lower)
        out.add(tok.lemma)
    return frozenset(out)


def _possible(firsts: tuple[frozenset[str], ...], keys: frozenset[str]) -> bool:
    """A quick test: every term has an alternative whose first word is among `keys` (as
    itself or as its singular). Only then is the ordered match worth running."""
    return all(not words.isdisjoint(keys) for words in firsts)


def _matches(terms: tuple[Term, ...], parse: Parse, idx: list[int]) -> bool:
    for term in terms:
        at = _find(term, parse, idx)
        if at is None:
            return False
        idx = idx[at:]
    return True


def phrase_after(parse: Parse, i: int, *, dependency: bool = True) -> list[int]:
    """The tokens after verb `i` that its patterns read: its subtree after it, without the
    clauses hung on it (`dependency`), else the whole subtree span."""
    tok = parse.tokens[i]
    if not dependency:
        return list(range(i + 1, tok.right + 1))
    out: list[int] = []
    stack = [c for c in parse.children[i] if c > i]
    while stack:
        k = stack.pop()
        if parse.tokens[k].dep in _CLAUSES:
            continue
        out.append(k)
        stack.extend(parse.children[k])
    return sorted(k for k in out if k > i)


def phrase_before(parse: Parse, i: int, first: int) -> list[int]:
    """The tokens before verb `i` that its patterns read: its subject's phrase (through the
    verbs it depends on when it has none of its own), never another clause's words."""
    k = i
    for _ in range(3):
        subj = [c for c in parse.children[k] if parse.tokens[c].dep in ("nsubj", "nsubjpass")]
        if subj:
            tok = parse.tokens[subj[0]]
            return [j for j in range(max(tok.left, first), tok.right + 1) if j < i]
        if parse.tokens[k].dep not in ("xcomp", "conj") or parse.tokens[k].head == k:
            break
        k = parse.tokens[k].head
    return []


def match_verb(
    dic: Dictionary, parse: Parse, i: int, first: int, *, dependency: bool = True
) -> tuple[str | None, bool] | None:
    """The code of verb token `i` (sentence starting at token `first`) and whether a pattern
    (not the default) gave it; None when the verb is not in the dictionary.

    Of a verb's entries, the first whose phrasal words stand beside it is the one used
    ("broke down" is BREAK_DOWN, not BREAK).
    """
    tok = parse.tokens[i]
    found = dic.entries(tok.lemma, tok.lower)
    if not found or (dependency and tok.dep == "prep"):
        return None
    after = phrase_after(parse, i, dependency=dependency)
    before = phrase_before(parse, i, first) if dependency else list(range(first, i))
    for entry in found:
        if entry.after and _find((entry.after,), parse, [k for k in after if k <= i + 3]) is None:
            continue
        if entry.before and _find((entry.before,), parse, before[-3:]) is None:
            continue
        best: tuple[int, str] | None = None
        keys_after, keys_before = _keys(parse, after), _keys(parse, before)
        for p in entry.candidates(keys_after, keys_before):
            if best is not None and p.size <= best[0]:
                continue
            if not (_possible(p.firsts_after, keys_after)
                    and _possible(p.firsts_before, keys_before)):  # fmt: skip
                continue
            if _matches(p.after, parse, after) and _matches(p.before, parse, before):
                best = (p.size, p.code)
        return (best[1], True) if best is not None else (entry.code, False)
    return None
