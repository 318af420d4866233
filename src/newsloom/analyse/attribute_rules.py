"""The English model's attribute rules, applied by lookup instead of by spaCy's Matcher.

`en_core_web_sm`'s `attribute_ruler` holds 179 rules: each fine tag's part of speech and
morphology, word exceptions ("n't" is PART with Polarity=Neg), and a few that read the parse
(an auxiliary's dependency makes it AUX). spaCy runs them through its Matcher, which tries
every rule at every token: about a tenth of the whole analysis of a news article. Each rule
tests one or two tokens for equality, membership or a regular expression on the tag, the lower
case, the dependency or whether the token is a space, so a token here looks up only the rules
its word or its tag can satisfy, and the few others are tested as whole-document arrays. The
rules are read from the loaded model and applied in the ruler's order with spaCy's own setter
(`set_token_attrs`), so the result is the ruler's, token by token (tests compare the two). A
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


class AttributeRules:
    """The compiled rules, indexed by the word or tag their first token needs."""

    def __init__(self, rules: list[_Rule], strings: Any) -> None:
        self.strings = strings
        self.by_lower: dict[int, list[_Entry]] = {}
        self.by_tag: dict[int, list[_Entry]] = {}
        self.other: list[_Rule] = []
        for rule in rules:
            split = _split(rule.tokens[0], 1) or _split(rule.tokens[0], 0)
            if split is None:
                self.other.append(rule)
                continue
            index = self.by_lower if _split(rule.tokens[0], 1) else self.by_tag
            values, rest = split
            for v in values:
                index.setdefault(v, []).append((rule, rest))
        self._regex_cache: dict[tuple[int, int], bool] = {}

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
            if len(self._regex_cache) >= _MAX_REMEMBERED:
                self._regex_cache.clear()
            ok = bool(test.values.search(self.strings[value]))  # type: ignore[union-attr]
            self._regex_cache[key] = ok
        return ok

    def _mask(self, tests: tuple[_Test, ...], table: np.ndarray) -> np.ndarray:
        """Which tokens pass `tests`, for the whole document at once."""
        mask = np.ones(len(table), dtype=bool)
        for t in tests:
            col = table[:, t.column]
            if t.op == "==":
                mask &= col == t.values
            elif t.op in ("in", "not in"):
                inside = np.isin(col, np.fromiter(t.values, np.uint64))  # type: ignore[arg-type]
                mask &= inside if t.op == "in" else ~inside
            else:
                values, inverse = np.unique(col, return_inverse=True)
                ok = [self._regex(t, v) for v in values.tolist()]
                mask &= np.asarray(ok, dtype=bool)[inverse]
        return mask

    def matches(self, table: np.ndarray) -> list[tuple[int, int, _Rule]]:
        """(rule order, token, rule) of every match in the document's token table (one row
        per token: tag, lower case, dependency, is-space)."""
        rows = table.tolist()
        n = len(rows)
        found: list[tuple[int, int, _Rule]] = []

        def take(rule: _Rule, i: int) -> None:
            if len(rule.tokens) == 2 and (
                i + 1 >= n or not self._passes(rule.tokens[1], rows[i + 1])
            ):
                return
            found.append((rule.order, i + rule.target, rule))

        for i, row in enumerate(rows):
            for entries in (self.by_lower.get(row[1]), self.by_tag.get(row[0])):
                for rule, rest in entries or ():
                    if not rest or self._passes(rest, row):
                        take(rule, i)
        for rule in self.other:
            for i in np.flatnonzero(self._mask(rule.tokens[0], table)).tolist():
                take(rule, i)
        found.sort(key=lambda m: (m[0], m[1]))
        return found


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
        for _, i, rule in index.matches(table):
            set_token_attrs(doc[i], rule.attrs)
        return doc

    return apply


def use_attribute_rules(nlp: Any, ruler_name: str = "attribute_ruler") -> bool:
    """Put this module's component in the place of `nlp`'s attribute ruler; False (and the
    pipeline unchanged) when there is none or its rules do not compile."""
    from newsloom.analyse.components import replace_component

    return replace_component(nlp, ruler_name, COMPONENT, make_component)
