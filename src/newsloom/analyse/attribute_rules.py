"""The English model's attribute rules, applied by lookup instead of by spaCy's Matcher.

`en_core_web_sm`'s `attribute_ruler` holds 179 rules: each fine tag's part of speech and
morphology, word exceptions ("n't" is PART with Polarity=Neg), and a few that read the parse
(an auxiliary's dependency makes it AUX). spaCy runs them through its Matcher, which tries
every rule at every token: about a tenth of the whole analysis of a news article. Each rule
tests one or two tokens for equality, membership or a regular expression on the tag, the lower
case, the dependency or whether the token is a space, so what a token's own values satisfy is
found once per combination of them (the rules its word or its tag can satisfy, and the few
others) and remembered; a rule's second token is then tested where the first one passed. The
rules are read from the loaded model; the attributes of those that match a token are merged in
the ruler's order and set once with spaCy's own setter (`set_token_attrs`): each attribute is
a field of its own, so setting them rule by rule or at once leaves the same token, and the
result is the ruler's, token by token (tests compare the two). A
model whose rules use anything else (an operator, another attribute) keeps spaCy's component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["COMPONENT", "AttributeRules", "compile_rules", "make_component", "use_attribute_rules"]

#: the name of the component that replaces spaCy's `attribute_ruler`
COMPONENT = "newsloom_attribute_rules"

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_LOWER = _ATTRS.index("LOWER")
#: regular-expression answers kept before the memory starts again
_MAX_REMEMBERED = 200_000


@dataclass(frozen=True, slots=True)
class _Test:
    column: int  # in _ATTRS
    op: str  # "==", "in", "not in", "regex"
    values: frozenset[int] | int | re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int  # the ruler's rule number: later rules win
    tokens: tuple[tuple[_Test, ...], ...]  # one or two token tests
    target: int  # which matched token takes the attributes
    attrs: dict[Any, Any]  # as the ruler normalised them


def _test(vocab: Any, name: str, spec: Any) -> _Test | None:
    if name not in _ATTRS:
        return None
    column = _ATTRS.index(name)
    if isinstance(spec, bool):
        return _Test(column, "==", int(spec)) if name == "IS_SPACE" else None
    if isinstance(spec, str):
        return _Test(column, "==", vocab.strings.add(spec)) if name != "IS_SPACE" else None
    if not isinstance(spec, dict) or len(spec) != 1 or name == "IS_SPACE":
        return None
    (op, value), = spec.items()
    if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
        hashes = frozenset(vocab.strings.add(v) for v in value)
        return _Test(column, "in" if op == "IN" else "not in", hashes)
    if op == "REGEX" and isinstance(value, str) and name == "LOWER":
        return _Test(column, "regex", re.compile(value))
    return None


def compile_rules(ruler: Any) -> list[_Rule] | None:
    """The ruler's rules in order, or None when one uses what this module does not apply."""
    vocab = ruler.vocab
    rules: list[_Rule] = []
    for order, (group, attrs, index) in enumerate(
        zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)
    ):
        for pattern in group["patterns"]:
            if not 1 <= len(pattern) <= 2 or not -len(pattern) <= index < len(pattern):
                return None
            tokens = []
            for spec in pattern:
                tests = tuple(_test(vocab, k, v) for k, v in spec.items())
                if not tests or any(t is None for t in tests):
                    return None
                tokens.append(tests)
            rules.append(_Rule(order, tuple(tokens), index % len(pattern), attrs))  # type: ignore[arg-type]
    return rules


def _split(tests: Sequence[_Test], column: int) -> tuple[frozenset[int], tuple[_Test, ...]] | None:
    """The values of `column` a token must have to pass `tests` (when one test says so), and
    the tests left to check once a token has one of them."""
    for k, t in enumerate(tests):
        if t.column == column and t.op in ("==", "in"):
            values = frozenset({t.values}) if t.op == "==" else t.values
            return values, tuple(tests[:k]) + tuple(tests[k + 1 :])  # type: ignore[return-value]
    return None


_Entry = tuple[_Rule, tuple[_Test, ...]]


@dataclass(frozen=True, slots=True)
class _Fit:
    """The rules a token's own values pass: one-token rules (in the ruler's order, with their
    attributes merged) and two-token rules whose first token they pass."""

    ones: tuple[_Rule, ...]
    attrs: dict[Any, Any]
    twos: tuple[_Rule, ...]


class AttributeRules:
    """The compiled rules, sorted by what their first token reads.

    What a token's own values (tag, lower case, dependency, is-space) make of the rules is
    remembered for each combination of the four: news repeats them ("the" as a determiner,
    "said" as the root). A combination met for the first time puts together what is
    remembered of its word (the rules whose word tests it passes: those indexed by the word
    they need, and the few with an expression) and of its tag, dependency and is-space (the
    rules that do not read the word); most words pass no word test, and news has a few hundred
    combinations of the other three.
    """

    def __init__(self, rules: list[_Rule], strings: Any) -> None:
        self.strings = strings
        #: rules whose first token needs one of some words: the word, and the other tests
        self.by_lower: dict[int, list[_Entry]] = {}
        #: rules whose first token tests the word otherwise (an expression, "not in")
        self.by_word_test: list[_Rule] = []
        #: rules whose first token does not read the word
        self.by_shape: list[_Rule] = []
        for rule in rules:
            split = _split(rule.tokens[0], _LOWER)
            if split is not None:
                values, rest = split
                for v in values:
                    self.by_lower.setdefault(v, []).append((rule, rest))
            elif any(t.column == _LOWER for t in rule.tokens[0]):
                self.by_word_test.append(rule)
            else:
                self.by_shape.append(rule)
        self._regex_cache: dict[tuple[int, int], bool] = {}
        self._words: dict[int, tuple[_Entry, ...]] = {}
        self._shapes: dict[tuple[int, ...], _Fit] = {}
        self._fits: dict[tuple[int, ...], _Fit] = {}

    def _passes(self, tests: tuple[_Test, ...], row: Sequence[int]) -> bool:
        for t in tests:
            value = row[t.column]
            if t.op == "==":
                ok = value == t.values
            elif t.op == "in":
                ok = value in t.values  # type: ignore[operator]
            elif t.op == "not in":
                ok = value not in t.values  # type: ignore[operator]
            else:
                ok = self._regex(t, value)
            if not ok:
                return False
        return True

    def _regex(self, test: _Test, value: int) -> bool:
        """Whether the word hashed `value` matches the test's expression (remembered, with a
        bounded memory: a long run meets ever more words)."""
        key = (id(test.values), value)
        ok = self._regex_cache.get(key)
        if ok is None:
            found = test.values.search(self.strings[value])  # type: ignore[union-attr]
            ok = _remember(self._regex_cache, key, bool(found))
        return ok

    def _word(self, lower: int) -> tuple[_Entry, ...]:
        """The rules whose word tests the word hashed `lower` passes, each with its other
        first-token tests."""
        found = self._words.get(lower)
        if found is None:
            row = (0, lower, 0, 0)
            entries = list(self.by_lower.get(lower, ()))
            for rule in self.by_word_test:
                tests = rule.tokens[0]
                if self._passes(tuple(t for t in tests if t.column == _LOWER), row):
                    entries.append((rule, tuple(t for t in tests if t.column != _LOWER)))
            found = _remember(self._words, lower, tuple(entries))
        return found

    def _shape(self, row: tuple[int, ...]) -> _Fit:
        """What the rules that do not read the word make of a token with these values."""
        key = (row[0], row[2], row[3])
        found = self._shapes.get(key)
        if found is None:
            passed = [rule for rule in self.by_shape if self._passes(rule.tokens[0], row)]
            found = _remember(self._shapes, key, _fit(passed))
        return found

    def fits(self, row: tuple[int, ...]) -> _Fit:
        """What the rules make of a token with these values (remembered, with a bounded
        memory): the one-token rules it passes, the two-token rules whose first token it
        passes."""
        found = self._fits.get(row)
        if found is None:
            shape = self._shape(row)
            word = [rule for rule, rest in self._word(row[1]) if self._passes(rest, row)]
            found = _fit([*shape.ones, *shape.twos, *word]) if word else shape
            found = _remember(self._fits, row, found)
        return found

    def assignments(self, table: np.ndarray) -> list[tuple[int, dict[Any, Any]]]:
        """(token, attributes) for every token some rule matches, from the document's token
        table (one row per token: tag, lower case, dependency, is-space): the attributes of
        the rules that match it, merged in the ruler's order (a later rule's value wins, as
        when each rule sets its own in turn)."""
        rows = list(map(tuple, table.tolist()))
        n = len(rows)
        fits = [self.fits(row) for row in rows]
        by_two: dict[int, list[_Rule]] = {}
        for i, fit in enumerate(fits):
            for rule in fit.twos:
                if i + 1 < n and self._passes(rule.tokens[1], rows[i + 1]):
                    by_two.setdefault(i + rule.target, []).append(rule)
        out = []
        for i, fit in enumerate(fits):
            more = by_two.get(i)
            if more is not None:
                out.append((i, _merged(sorted((*fit.ones, *more), key=_by_order))))
            elif fit.ones:
                out.append((i, fit.attrs))
        return out


def _remember(memory: dict[Any, Any], key: Any, value: Any) -> Any:
    """`value`, kept in `memory` under `key`; a full memory starts again."""
    if len(memory) >= _MAX_REMEMBERED:
        memory.clear()
    memory[key] = value
    return value


def _fit(passed: list[_Rule]) -> _Fit:
    """The `_Fit` of a token that passes the first-token tests of `passed`."""
    passed.sort(key=_by_order)
    ones = tuple(rule for rule in passed if len(rule.tokens) == 1)
    twos = tuple(rule for rule in passed if len(rule.tokens) == 2)
    return _Fit(ones, _merged(ones), twos)


def _by_order(rule: _Rule) -> int:
    return rule.order


def _merged(rules: Sequence[_Rule]) -> dict[Any, Any]:
    """The attributes `rules` set, in turn: each attribute keeps the last value set."""
    out: dict[Any, Any] = {}
    for rule in rules:
        out.update(rule.attrs)
    return out


def make_component(ruler: Any) -> Callable[[Any], Any] | None:
    """A pipeline function doing what `ruler` does, or None when its rules do not compile."""
    from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
    from spacy.tokens._retokenize import set_token_attrs

    rules = compile_rules(ruler)
    if rules is None:
        return None
    index = AttributeRules(rules, ruler.vocab.strings)
    columns = [TAG, LOWER, DEP, IS_SPACE]

    def apply(doc: Any) -> Any:
        if not len(doc):
            return doc
        table = np.asarray(doc.to_array(columns), dtype=np.uint64).reshape(len(doc), 4)
        for i, attrs in index.assignments(table):
            set_token_attrs(doc[i], attrs)
        return doc

    return apply


def use_attribute_rules(nlp: Any, ruler_name: str = "attribute_ruler") -> bool:
    """Put this module's component in the place of `nlp`'s attribute ruler; False (and the
    pipeline unchanged) when there is none or its rules do not compile."""
    from newsloom.analyse.components import replace_component

    return replace_component(nlp, ruler_name, COMPONENT, make_component)
