"""The boilerplate line model: is a line of a page article text or page furniture?

Two learned stages, and a third for some models (training/train_boilerplate_lines.py):

1. a linear *word model* over each line's hashed word n-grams and hashed cues
   (`linefeatures.page_cues`: shape, place, the hand rules' verdict, the neighbours' shape); its
   logit says what the line's own words suggest;
2. boosted trees over dense features of the line among its neighbours
   (`linecontext.page_features`: shape, distance to the page's densest run of prose, the
   neighbours' shapes and word-model logits, window averages): furniture comes in runs, and a
   short line between two paragraphs is a subhead where between two menu items it is a link.
   A model learned with the meaning columns (`meaning`, `linemeaning`) also gives the trees a
   logistic regression's logit on each short line's word-piece vector, its neighbours' and
   window means: another site's wording of the same furniture ("Post a comment" for "Leave a
   reply") lies close to it.
3. for a model learned with it (the shipped markup model), a second stage of boosted trees
   (`stack`, `linestack`: stacked sequential learning) over the same columns and the first
   trees' probabilities of the lines around each line (the neighbours', window means, lowest
   and highest, the distance to the nearest line they are sure is article): the first trees'
   verdict on a run of lines is evidence about each line of it (a menu item among menu
   items, a reader comment after the article's last line).

When a page's HTML is known, a model learned with markup (`markup=True`) also reads each line's
markup (`linehtml`): its tags and its containers' class and id words are cues of the word
model, and the trees see its link share and how much of the page's prose its containers hold.

Weights ship as `resources/boilerplate_lines.npz` (hashing needs no vocabulary file; the trees
are stored as arrays, `trees.Forest`) and are loaded once per process (`default_model`). The
decision thresholds are chosen on held-out sites and stored with the weights.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from newsloom.clean.boilerplate import rule_reasons
from newsloom.clean.linecontext import page_features
from newsloom.clean.linefeatures import (
    FEATURE_BITS,
    WORD_BITS,
    PageWords,
    page_cues,
    page_words,
)
from newsloom.clean.linehtml import Block, html_cues
from newsloom.clean.linemeaning import MAX_WORDS, meaning_columns, meaning_logits
from newsloom.clean.linestack import stack_columns
from newsloom.clean.lineverdicts import peer_cues
from newsloom.clean.trees import Forest
from newsloom.deadline import untimed

__all__ = [
    "LineModel",
    "Scored",
    "default_model",
    "line_cues",
    "markup_model",
    "rules_read",
    "stage1_matrix",
]

MODEL_FILE = "boilerplate_lines.npz"
#: the model learned with each line's markup and the extractors' verdicts, for HTML pages
MARKUP_FILE = "boilerplate_markup.npz"
_WORDS = HashingVectorizer(
    n_features=2**WORD_BITS,
    ngram_range=(1, 2),
    alternate_sign=False,
    token_pattern=r"(?u)\b\w+\b",
)
_CUES = FeatureHasher(n_features=2**FEATURE_BITS, input_type="string", alternate_sign=False)
_ANALYZE = _WORDS.build_analyzer()
#: Columns of the words and cues seen so far, by hash width (a page's hashing is then
#: dictionary look-ups); emptied when it grows past `_COLUMNS_LIMIT` keys.
_COLUMNS: dict[int, dict[str, int]] = {WORD_BITS: {}, FEATURE_BITS: {}}
_COLUMNS_LIMIT = 300_000


def _column(key: str, bits: int) -> int:
    """The column scikit-learn's hashers give `key` (signed murmurhash3, sign dropped)."""
    seen = _COLUMNS[bits]
    col = seen.get(key)
    if col is None:
        if len(seen) >= _COLUMNS_LIMIT:
            seen.clear()
        h = int(murmurhash3_32(key, seed=0))
        n = 2**bits
        col = (2147483647 - (n - 1)) % n if h == -(2**31) else abs(h) % n
        seen[key] = col
    return col


def stage1_matrix(
    lines: Sequence[str],
    rules: Sequence[str | None],
    blocks: Sequence[Block] | None = None,
) -> sparse.csr_matrix:
    """Word and cue columns of every line of one page (`blocks`: the markup around each line,
    whose tags and class words are cues too)."""
    words = _WORDS.transform(lines)
    cues = _CUES.transform(line_cues(lines, rules, blocks))
    return sparse.hstack([words, cues], format="csr")


def line_cues(
    lines: Sequence[str],
    rules: Sequence[str | None],
    blocks: Sequence[Block] | None = None,
    words: PageWords | None = None,
) -> list[list[str]]:
    """The cues of every line: its shape and place, and its markup's when there is markup."""
    cues = page_cues(lines, rules, words)
    if blocks is not None:
        if len(blocks) != len(lines):
            raise ValueError(f"{len(blocks)} blocks of markup for {len(lines)} lines")
        for own, block in zip(cues, blocks, strict=True):
            own += html_cues(block)
            if block.peers:
                own += peer_cues(block)
    return cues


class Read(NamedTuple):
    """What the word model read of one line: its word n-grams in order, their columns, and its
    cues' columns."""

    grams: list[str]
    columns: list[int]
    cue_columns: list[int]


@dataclass(frozen=True)
class Scored:
    """A page's lines judged: the probability each is furniture, and the verdict."""

    prob: np.ndarray
    boilerplate: np.ndarray
    stage1: np.ndarray
    cues: list[list[str]]
    #: what the word model read of each line (`Read`), so that a removed line's `top_cue`
    #: does not analyse and hash it again
    read: list[Read] | None = None


@dataclass(frozen=True)
class LineModel:
    """The word model's weights, the trees, and the thresholds on the trees' probability: one
    for lines a hand rule fired on, one for the others (both chosen on held-out sites); and the
    same pair for text an extractor (trafilatura) already cleaned, chosen on its output for
    those sites.
    """

    w1: np.ndarray
    b1: float
    forest: Forest
    threshold: float
    rule_threshold: float
    extracted: tuple[float, float] = (1.0, 1.0)
    #: learned with the lines' markup (`linehtml`): it scores pages whose HTML is known
    markup: bool = False
    #: learned with whole-page extractors' verdicts on each line too (`lineverdicts`)
    peers: bool = False
    #: learned with the hand rules' verdicts among its cues and columns; a model learned
    #: without them (`reads_rules` False) is given none, and its caller need not run the rules
    reads_rules: bool = True
    #: the meaning regression's weights and bias (`linemeaning`: 384 + 1), whose logit of each
    #: short line and its neighbours' are more columns of the trees; None: a model without them
    meaning: np.ndarray | None = None
    #: lines with fewer words than this get the meaning logit
    meaning_words: int = MAX_WORDS
    #: the second stage of trees (`linestack`): the first trees' columns and their
    #: probabilities around each line; None: a model of one stage (files saved before it)
    stack: Forest | None = None
    #: the names of a few choose pages and the furniture probabilities the training run gave
    #: their lines: rescored by a test, they show whether the feature code still computes what
    #: the trees learned from (`evaluation.model_check`); None: a file saved without them
    check: tuple[tuple[str, ...], np.ndarray] | None = None

    def word_scores(
        self,
        lines: Sequence[str],
        rules: Sequence[str | None],
        cues: list[list[str]] | None = None,
        read: list[Read] | None = None,
    ) -> np.ndarray:
        """The word model's logit (furniture) for every line of one page: what
        `stage1_matrix(lines, rules) @ w1 + b1` gives, summed from the weights of the line's
        hashed columns directly (scikit-learn's hashers cost more than the sums on a page).
        `read`: a list to which what was read of each line is appended (`Read`)."""
        cues = page_cues(lines, rules) if cues is None else cues
        cue_base = 2**WORD_BITS
        words, known = _COLUMNS[WORD_BITS].get, _COLUMNS[FEATURE_BITS].get
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for i, line in enumerate(lines):
            # look-ups inline, the hash only for what is new: a page has hundreds of each
            analysed = _ANALYZE(line)
            grams = [words(g) or _column(g, WORD_BITS) for g in analysed]
            counts = Counter(grams)
            if counts:
                norm = math.sqrt(sum(c * c for c in counts.values()))
                cols += counts
                vals += [c / norm for c in counts.values()]
            cue_cols = [cue_base + (known(c) or _column(c, FEATURE_BITS)) for c in cues[i]]
            cols += cue_cols
            vals += [1.0] * len(cues[i])
            rows += [i] * (len(cols) - len(rows))
            if read is not None:
                read.append(Read(analysed, grams, cue_cols))
        weights = self.w1[np.array(cols, dtype=np.intp)] * np.array(vals)
        return self.b1 + np.bincount(rows, weights=weights, minlength=len(lines))

    def score(
        self,
        lines: Sequence[str],
        rules: Sequence[str | None],
        *,
        extracted: bool = False,
        blocks: Sequence[Block] | None = None,
    ) -> Scored:
        """Judge every line of one page (`rules`: the hand rules' reasons, used as cues by a
        model that `reads_rules` and ignored by one that does not;
        `extracted`: the lines are an extractor's output, not a whole page's; `blocks`: the
        markup around each line, which a model learned with markup needs and the other
        cannot use)."""
        if (blocks is not None) != self.markup:
            need = "needs" if self.markup else "cannot use"
            raise ValueError(f"this line model {need} the lines' markup")
        if blocks and bool(blocks[0].peers) != self.peers:
            need = "needs" if self.peers else "cannot use"
            raise ValueError(f"this line model {need} the extractors' verdicts on the lines")
        if not lines:
            empty = np.zeros(0)
            return Scored(empty, empty.astype(bool), empty, [])
        if not self.reads_rules:
            rules = [None] * len(lines)
        words = page_words(lines)
        cues = line_cues(lines, rules, blocks, words)
        read: list[Read] = []
        s1 = self.word_scores(lines, rules, cues, read)
        features = page_features(lines, rules, s1, words, blocks)
        if self.meaning is not None:
            logit = meaning_logits(lines, self.meaning[:-1], self.meaning[-1], self.meaning_words)
            features = np.hstack([features, meaning_columns(logit)])
        prob = self.forest.prob(features)
        if self.stack is not None:
            prob = self.stack.prob(np.hstack([features, stack_columns(prob)]))
        fired = np.array([r is not None for r in rules])
        return Scored(prob, self.decide(prob, fired, extracted=extracted), s1, cues, read)

    def decide(self, prob: np.ndarray, fired: np.ndarray, *, extracted: bool = False) -> np.ndarray:
        """The verdicts (True: furniture) of lines scored `prob`, by the threshold of lines a
        hand rule `fired` on or of the others (`extracted`: an extractor's lines)."""
        plain, ruled = self.extracted if extracted else (self.threshold, self.rule_threshold)
        return prob >= np.where(fired, ruled, plain)

    def top_cue(self, line: str, cues: Sequence[str], read: Read | None = None) -> str:
        """The word or cue that pushed this line most towards furniture (its `reason`);
        `read`: what `word_scores` read of the line, when the caller has it (the same answer,
        without analysing the line again)."""
        if read is None:
            read = self._read(line, cues)
        best, best_w = "", 0.0
        if read.grams:
            w = self.w1[np.array(read.columns, dtype=np.intp)] / np.sqrt(len(read.grams))
            j = int(np.argmax(w))  # the first of the heaviest
            if w[j] > best_w:
                best, best_w = f"'{read.grams[j]}'", float(w[j])
        if cues:
            w = self.w1[np.array(read.cue_columns, dtype=np.intp)]
            j = int(np.argmax(w))
            if w[j] > best_w:
                best = cues[j]
        return best or "neighbours"

    def _read(self, line: str, cues: Sequence[str]) -> Read:
        """What `word_scores` reads of one line (`Read`)."""
        read: list[Read] = []
        self.word_scores([line], [None], [list(cues)], read)
        return read[0]

    def save(self, path: Path) -> None:
        meaning = {}
        if self.meaning is not None:
            meaning = {"meaning": self.meaning, "meaning_words": self.meaning_words}
        check = {}
        if self.check is not None:
            check = {"check_pages": np.array(self.check[0]), "check_prob": self.check[1]}
        np.savez_compressed(
            path,
            w1=self.w1.astype(np.float16),
            b1=self.b1,
            threshold=self.threshold,
            rule_threshold=self.rule_threshold,
            extracted=np.array(self.extracted),
            markup=self.markup,
            peers=self.peers,
            reads_rules=self.reads_rules,
            **meaning,
            **check,
            **self.forest.arrays("trees"),
            **(self.stack.arrays("stack") if self.stack is not None else {}),
        )

    @classmethod
    def load(cls, path: Path) -> LineModel:
        with np.load(path) as data:
            return cls(
                w1=data["w1"].astype(np.float64),
                b1=float(data["b1"]),
                forest=Forest.from_arrays(data, "trees"),
                threshold=float(data["threshold"]),
                rule_threshold=float(data["rule_threshold"]),
                extracted=(float(data["extracted"][0]), float(data["extracted"][1])),
                markup=bool(data["markup"]) if "markup" in data.files else False,
                peers=bool(data["peers"]) if "peers" in data.files else False,
                reads_rules=bool(data["reads_rules"]) if "reads_rules" in data.files else True,
                meaning=data["meaning"].astype(np.float64) if "meaning" in data.files else None,
                meaning_words=int(data["meaning_words"])
                if "meaning_words" in data.files
                else MAX_WORDS,
                stack=Forest.from_arrays(data, "stack") if "stack_meta" in data.files else None,
                check=(tuple(str(n) for n in data["check_pages"]), data["check_prob"].copy())
                if "check_pages" in data.files
                else None,
            )


@lru_cache(maxsize=1)
@untimed
def default_model() -> LineModel:
    """The shipped model, loaded once per process."""
    with resources.as_file(resources.files("newsloom.resources") / MODEL_FILE) as path:
        return LineModel.load(path)


def rules_read(lines: Sequence[str], reads_rules: bool) -> list[str | None]:
    """The hand rules' reasons for `lines` as a model that `reads_rules` takes them; for one
    learned without them, none, and the rules are not run (their cost is saved)."""
    return rule_reasons(lines) if reads_rules else [None] * len(lines)


@lru_cache(maxsize=1)
@untimed
def markup_model() -> LineModel:
    """The shipped model for a page's own lines (learned with their markup and trafilatura's
    verdicts), loaded once per process."""
    with resources.as_file(resources.files("newsloom.resources") / MARKUP_FILE) as path:
        return LineModel.load(path)
