"""Copies: articles that carry one text, found by MinHash LSH and decided on narrative reuse.

A wire story reaches many sites with different boilerplate, cut at different lengths, with a
paragraph added or dropped, or machine-"spun" (words swapped for synonyms); another version of
it, or a partial rewrite, keeps only some of its sentences. Texts are compared after the words
a spinner swaps are put back (the clean stage's spun markers) and entity mentions are replaced
by their canonical names, so "Russian Federation" and "Russia" shingle alike; the words of
direct quotations are left out, since independent reports share what was quoted while copies
share the reporter's own narrative. Two texts are copies when the model of `reuse` finds their
narrative reused: much of the shorter one contained in the other (a short copy of a long text
is still a copy), or a long passage of it repeated word for word (a partial rewrite).

MinHash LSH (datasketch) proposes candidate pairs in near-linear time, and so do the winnowed
fingerprints of `passages` for texts that share a passage but resemble each other little; the
evidence is computed exactly on each candidate's shingles. Hashes are seeded, so groups are the
same in every process.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsloom.article import Article
from newsloom.hashing import stable_hash
from newsloom.stories.cluster import MAX_SPAN_DAYS
from newsloom.stories.model import CopyGroup
from newsloom.stories.passages import passage_candidates
from newsloom.stories.reuse import CopyModel, Shingled, default_copy_model, evidence

#: words per shingle: three words survive most of a spinner's swaps in between
SHINGLE = 3
NUM_PERM = 128
SEED = 20170329
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class CopySettings:
    """Settings of the copy step; whether a candidate is a copy is the model's call
    (`reuse.CopyModel`, trained and its threshold chosen by `training/copy_model.py`, never on a
    set that is scored)."""

    #: LSH proposes pairs above this estimated resemblance (low: containment decides)
    lsh_threshold: float = 0.1
    #: texts with fewer shingles than this are too short to call copies
    min_shingles: int = 12
    #: copy pairs an article keeps with a copy group it has already joined, nearest in time
    #: first: a wire printed by a thousand sites then costs each copy a few checks, not a
    #: thousand (the groups are the same; only pairs inside a group already known are not all
    #: listed, and the ones kept are those that can join stories, which must be close in time)
    links_per_group: int = 8
    #: passages this many words long (or longer) that two texts share make them candidates
    #: surely (`passages`: winnowed fingerprints); 0: LSH candidates only
    passage_words: int = 20
    #: a passage more texts than this contain is a set phrase or a background paragraph, not
    #: one text: its fingerprints propose nothing (stop-fingerprints)
    passage_most: int = 10
    #: earlier texts a text is proposed with by shared passages, those sharing the most
    #: fingerprints first (0: all; LSH's candidates come on top): where many texts re-use one
    #: another's sentences the checks per text stay bounded as the corpus grows. The passage
    #: bounds are chosen on the copy model's choose split (`training/copy_model.py`: the
    #: tightest with the best F1 of the whole copy step there)
    passage_pairs: int = 4
    #: candidates whose news days lie further apart than this are not checked (None: all):
    #: copies join stories, and a story's days lie within `cluster.MAX_SPAN_DAYS` of each other
    #: (a story's copy groups are made of the pairs inside it), so such a pair is never used.
    #: Where a text's sentences come back month after month (a template, a background
    #: paragraph, a spinner's re-use) its candidates would otherwise grow with the corpus
    max_days: int | None = MAX_SPAN_DAYS
    #: the model that decides; None: the shipped one
    model: CopyModel | None = None


def normalised_words(article: Article) -> list[str]:
    """The clean text's words, lower-cased, with spun words and entity mentions normalised.

    The words of quotations are left out: two reports quoting one speech share those words
    without sharing a text."""
    text = article.text
    swaps: list[tuple[int, int, str]] = [
        (q.start, q.end, " ") for q in article.quotes if q.kind != "indirect"
    ]
    swaps += [
        (m.start, m.end, m.standard) for m in article.quality.spun_markers
    ]
    swaps += [
        (e.start, e.end, e.canonical)
        for e in article.entities
        if e.canonical and e.mention == "name" and e.canonical != e.text
    ]
    if swaps:
        parts, at = [], 0
        for start, end, new in sorted(swaps):
            if start < at or end > len(text) or start < 0:
                continue
            parts += [text[at:start], new]
            at = end
        parts.append(text[at:])
        text = "".join(parts)
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def shingle_sequence(words: Sequence[str], size: int = SHINGLE) -> list[int]:
    """Seeded 64-bit hashes of the word n-grams, in text order (stable across processes)."""
    return [
        int(stable_hash(" ".join(words[i : i + size]), size=8), 16)
        for i in range(max(len(words) - size + 1, 0))
    ]


def shingles(words: Sequence[str], size: int = SHINGLE) -> set[int]:
    """The distinct shingle hashes of the words."""
    return set(shingle_sequence(words, size))


def shingled(article: Article) -> Shingled:
    """An article's narrative shingles, distinct and in order (what `reuse.evidence` reads)."""
    return Shingled.of(shingle_sequence(normalised_words(article)))


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The seeded permutations, drawn once (drawing them is most of a new MinHash's cost)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def _minhash(items: Iterable[int]) -> LeanMinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme="affine32")
    values = [struct.pack("<Q", int(x)) for x in items]
    if values:
        m.update_batch(values)
    return LeanMinHash(m)


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set's shingles found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True, slots=True)
class CopyPair:
    a: str
    b: str
    containment: float
    #: words in the longest narrative passage the two share
    passage: int = 0


def find_copy_pairs(
    articles: Sequence[Article], settings: CopySettings = CopySettings()
) -> list[CopyPair]:
    """The pairs of articles that are copies of one text, with their containment: every pair,
    except that an article keeps at most `links_per_group` with a copy group it already joined
    (`group_copies` of them gives the same groups as of every pair)."""
    from newsloom.stories.signals import news_day

    model = settings.model or default_copy_model()
    sets = {a.id: shingled(a) for a in articles}
    days = {a.id: news_day(a) for a in articles}
    ordered = sorted(
        (a for a in articles if len(sets[a.id]) >= settings.min_shingles), key=lambda a: a.id
    )
    window = settings.passage_words - 7  # an 8-word stretch per fingerprint
    texts = [sets[a.id] for a in ordered]
    by_passage = (
        passage_candidates(texts, window, settings.passage_most, settings.passage_pairs)
        if settings.passage_words
        else {}
    )
    lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=NUM_PERM)
    groups = _Groups()
    pairs: list[CopyPair] = []
    for at, art in enumerate(ordered):
        items = sets[art.id]
        sketch = _minhash(items.unique)
        links: dict[str, int] = {}
        day = days[art.id]
        candidates = set(lsh.query(sketch)) | {ordered[i].id for i in by_passage.get(at, ())}
        apart = {o: _days_apart(day, days[o]) for o in candidates}
        if settings.max_days is not None and day is not None:
            candidates = {o for o in candidates if days[o] is None or apart[o] <= settings.max_days}
        for other in sorted(candidates, key=lambda o: (apart[o], o)):
            group = groups.find(other)
            if groups.find(art.id) == group and links.get(group, 0) >= settings.links_per_group:
                continue
            ev = evidence(items, sets[other], SHINGLE)
            if model.is_copy(ev):
                pairs.append(CopyPair(other, art.id, round(ev.containment, 3), ev.passage))
                links[group] = links.get(group, 0) + 1
                groups.join(art.id, other)
        lsh.insert(art.id, sketch)
    return sorted(pairs, key=lambda p: (p.a, p.b))


def _days_apart(a: int | None, b: int | None) -> int:
    return abs(a - b) if a is not None and b is not None else 10**6


class _Groups:
    """Union-find over article ids (the root of a group is its smallest id)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_copies(
    articles: Sequence[Article], pairs: Iterable[CopyPair]
) -> list[CopyGroup]:
    """Copy pairs joined into groups (connected components), each with its origin."""
    components = _Groups()
    linked: set[str] = set()
    for p in pairs:
        linked.update((p.a, p.b))
        components.join(p.a, p.b)
    members: dict[str, list[str]] = {}
    for x in sorted(linked):
        members.setdefault(components.find(x), []).append(x)
    by_id = {a.id: a for a in articles}
    groups = []
    for ids in members.values():
        arts = [by_id[i] for i in sorted(ids) if i in by_id]
        if len(arts) < 2:
            continue
        origin, basis = copy_origin(arts)
        groups.append(
            CopyGroup(
                id="c" + stable_hash("|".join(a.id for a in arts), size=6),
                articles=tuple(a.id for a in arts),
                origin=origin,
                origin_basis=basis,
                spun=tuple(a.id for a in arts if a.quality.spun_markers),
            )
        )
    return sorted(groups, key=lambda g: g.articles)


def credited_source(article: Article) -> str | None:
    """The wire or outlet the article's own credits name as its source, if exactly one."""
    names = [c.name for c in article.quality.credits if c.role == "source"]
    return names[0] if len(names) == 1 else None


def copy_origin(articles: Sequence[Article]) -> tuple[str, str]:
    """The wire credited in the members' text, else the earliest published member's outlet."""
    credited = [s for s in (credited_source(a) for a in articles) if s]
    if credited:
        values, counts = np.unique(credited, return_counts=True)
        return str(values[int(np.argmax(counts))]), "credited"
    earliest = min(articles, key=lambda a: (a.published.value or "9999", a.id))
    return earliest.outlet or earliest.id, "earliest"
