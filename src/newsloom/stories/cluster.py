"""Incremental story clustering: each new article joins the story it most likely belongs to, or
opens a new one.

Articles are taken in the order their news happened (then by id). For each, the stories nearest
by embedding are scored by a small logistic model (`StoryModel`, trained by
`training/story_model.py`, shipped as `resources/story_model.json`) over named features of the
article against the story: embedding similarity to the story's centre and to its closest member,
TF-IDF word similarity, IDF-weighted entity overlap, shared CAMEO roots, and the gap in days
between the article's news day and the story's. An article and a story written (mostly) in two
languages are scored by a second set of weights over what is language-neutral
(`NEUTRAL_FEATURES`: the overlap of their name stems and the day gap), since MiniLM, TF-IDF and
the entity stage read English and say little about a text in Dutch or French. The article
joins the best story when the model's probability reaches `threshold`; otherwise it founds a
story of its own, whose id comes from the founding article's id, so ids stay stable as the
corpus grows. Every decision keeps its features (`Membership`), which is what
`newsloom story ID --why` prints.

At scale: a story keeps bounded summaries of its members (`sketch`: at most so many member
vectors, words and names), and the stories an article is compared with come from a day-ordered
window (`window`), so neither the memory of a story nor the cost of comparing with it grows
with the number of its articles.
"""

from __future__ import annotations

import heapq
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsloom.deadline import untimed
from newsloom.hashing import stable_hash
from newsloom.stories.model import Membership
from newsloom.stories.signals import Signals
from newsloom.stories.sketch import Terms, distinct_rows, name_norm, prune_names
from newsloom.stories.window import TimeWindow

FEATURES = ("embedding", "embedding_max", "words", "entities", "cameo", "dated", "gap_weeks")
#: what scores a pair written (mostly) in two languages
NEUTRAL_FEATURES = ("names", "dated", "gap_weeks")
#: name stems are keyed thus in the IDF table (beside entity names)
NAME_KEY = "\x1f"
#: stories scored in full per article (the rest are too far by embedding to matter)
CANDIDATES = 12
#: a gap above this many weeks counts as this many
MAX_GAP_WEEKS = 8.0
#: A story is the news of one event: an article whose news day lies more than a week from
#: every day of a story is another event's news, however alike the words (the same two leaders'
#: next phone call, a summit a month later). A news week, not a value fitted to any set.
MAX_GAP_DAYS = 7
#: ... and a story's news days lie within two news weeks of each other: an event is reported in
#: the week it happens and followed up in the next; a merge that would stretch a story further
#: is a chain of events of one kind (the same kind of quake, signing or shooting every few
#: days), whose comparisons would otherwise span the whole corpus. Follow-ups beyond (a
#: verdict, an anniversary) are news of their own. A stored story already wider keeps its span
#: but is not stretched further.
MAX_SPAN_DAYS = 2 * MAX_GAP_DAYS
#: months apart (either way round the year) beyond which a year-less date rules a story out
MAX_GAP_MONTHS = 1


@dataclass
class StoryModel:
    """Logistic weights over `FEATURES`, and over `NEUTRAL_FEATURES` for a pair written mostly in
    two languages (without those, such a pair is never joined); a model is data (a JSON file)."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)
    neutral: dict[str, float] = field(default_factory=dict)
    neutral_bias: float = -50.0

    def probability(self, features: dict[str, float]) -> float:
        if features.get("across"):
            z = self.neutral_bias + sum(self.neutral.get(k, 0.0) * features[k]
                                        for k in NEUTRAL_FEATURES)  # fmt: skip
        else:
            z = self.bias + sum(self.weights[k] * features[k] for k in FEATURES)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        return json.dumps(
            {"weights": self.weights, "bias": self.bias, "neutral": self.neutral,
             "neutral_bias": self.neutral_bias, "threshold": self.threshold, "meta": self.meta},
            indent=2,
        )  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> StoryModel:
        data = json.loads(text)
        missing = set(FEATURES) - set(data["weights"])
        missing |= set(NEUTRAL_FEATURES) - set(data.get("neutral", NEUTRAL_FEATURES))
        if missing:
            raise ValueError(f"story model lacks weights for {sorted(missing)}")
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5), data.get("meta", {}),
                   data.get("neutral", {}), data.get("neutral_bias", -50.0))  # fmt: skip


@lru_cache(maxsize=1)
@untimed
def default_model() -> StoryModel:
    """The shipped model, read once per process."""
    text = resources.files("newsloom.resources").joinpath("story_model.json").read_text("utf-8")
    return StoryModel.from_json(text)


def story_id(founder: str) -> str:
    return "s" + stable_hash(f"story:{founder}", size=6)


@dataclass
class _Story:
    """A story being built: its members and the running sums its features read."""

    id: str
    members: list[str]
    #: the most distinct members' embeddings, one row each, and their ids (`sketch`: bounded)
    matrix: np.ndarray
    rows: list[str]
    centre: np.ndarray
    entities: Counter[str]
    words: Terms | None
    #: the first and last of its members' news days (None when none is known)
    span: tuple[int, int] | None
    cameo: Counter[str]
    months: set[int] = field(default_factory=set)
    #: how many members are in each language (those detected), and their name stems
    langs: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    #: stored before this run: it keeps its id and never merges with another stored story
    fixed: bool = False
    #: (news day or far, id) of the founding article: the older founder names a merge
    founder: tuple[int, str] = (0, "")
    #: the centre scaled to unit length, kept with the centre
    unit: np.ndarray = field(init=False)
    #: the norm of `entities` in the entity cosine, cached by the clusterer (None: not yet)
    entity_norm: float | None = None

    def __post_init__(self) -> None:
        self.unit = _unit(self.centre)

    @classmethod
    def of(cls, sig: Signals, sid: str | None = None) -> _Story:
        return cls(
            id=sid or story_id(sig.id),
            members=[sig.id],
            matrix=sig.embedding.reshape(1, -1),
            rows=[sig.id],
            centre=sig.embedding.copy(),
            entities=Counter(sig.entities),
            words=Terms.of(sig.words),
            span=(sig.day, sig.day) if sig.day is not None else None,
            cameo=Counter(sig.cameo),
            months={sig.month} if sig.day is None and sig.month else set(),
            founder=(sig.day if sig.day is not None else _FAR, sig.id),
            langs=Counter([sig.lang] if sig.lang else []),
            names=Counter(sig.names),
        )

    def absorb(self, other: _Story, idf: dict[str, float], rarest: float) -> None:
        """Take in `other`'s members; what is kept per story stays bounded (`sketch`)."""
        self.members += other.members
        self.matrix, self.rows = distinct_rows(
            np.vstack((self.matrix, other.matrix)), self.rows + other.rows
        )
        self.centre = self.centre + other.centre
        self.unit = _unit(self.centre)
        self.entities.update(other.entities)
        self.entities = prune_names(self.entities, idf, rarest)
        self.entity_norm = None
        if other.words is not None:
            self.words = other.words if self.words is None else self.words + other.words
        if other.span is not None:
            self.span = other.span if self.span is None else (
                min(self.span[0], other.span[0]), max(self.span[1], other.span[1]))
        self.months |= other.months
        self.cameo.update(other.cameo)
        self.langs.update(other.langs)
        self.names.update(other.names)


_FAR = 10**7


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) or 1.0)


class Clusterer:
    """Story building over one corpus: `restore` the stored stories, then `add` new articles.

    New articles are clustered together with the stored stories by best-first agglomeration:
    every new article starts as a story of its own; the pair of stories the model most likely
    calls one (at least one of them new) is merged, then the next, until no pair reaches the
    threshold. Unlike one pass in arrival order, the first article of an event is not pushed
    into the nearest old story before its own event's other articles are seen. Stored stories
    keep their ids and members; two of them never merge.

    `idf` weighs entity names (how rare a name is in the corpus); it is computed by the caller
    over the whole corpus, like the TF-IDF rows of `Signals.words`. `copies` maps an article to
    the articles carrying the same text: copies are one story before anything else is decided.
    """

    def __init__(
        self,
        model: StoryModel,
        idf: dict[str, float] | None = None,
        copies: dict[str, set[str]] | None = None,
    ) -> None:
        self.model = model
        self.idf = idf or {}
        #: the weight of a name the IDF table has not seen: as rare as the rarest
        self._rarest = max(self.idf.values(), default=1.0)
        self.copies = copies or {}
        self.stories: list[_Story] = []
        self.by_article: dict[str, str] = {}
        self.why: dict[str, Membership] = {}

    def restore(self, story: str, members: Sequence[Signals]) -> None:
        """Reload a stored story (its members' signals) before adding new articles."""
        s = _Story.of(members[0], story)
        for sig in members[1:]:
            s.absorb(_Story.of(sig), self.idf, self._rarest)
        s.fixed = True
        self.stories.append(s)
        for m in s.members:
            self.by_article[m] = s.id

    def add(self, batch: Sequence[Signals]) -> None:
        fresh = [s for s in batch if s.id not in self.by_article]
        if not fresh:
            return
        new = [_Story.of(sig) for sig in sorted(fresh, key=lambda s: s.id)]
        for story in new:
            self.why[story.members[0]] = Membership(story.members[0], "founded", 0.0)
        alive: list[_Story | None] = [*self.stories, *new]
        alive = self._join_copies(alive)
        heap: list[tuple[float, int, int, int, int]] = []
        version = [0] * len(alive)
        window = TimeWindow(alive, MAX_GAP_DAYS, MAX_SPAN_DAYS, MAX_SPAN_DAYS)  # type: ignore[arg-type]
        fresh_ids = [i for i, s in enumerate(alive) if s is not None and not s.fixed]
        for i, others, _ in window.candidates_of(fresh_ids, 2 * CANDIDATES):
            self._push_candidates(heap, alive, version, i, window, others)
        while heap:
            neg_p, _, i, j, stamp = heapq.heappop(heap)
            a, b = alive[i], alive[j]
            if a is None or b is None or stamp != version[i] + version[j]:
                continue
            if -neg_p < self.model.threshold:
                break
            keep, gone = (i, j) if (a.fixed or (not b.fixed and a.founder <= b.founder)) else (j, i)
            self._merge(alive[keep], alive[gone], -neg_p)  # type: ignore[arg-type]
            alive[gone] = None
            window.merged(keep, gone)
            version[keep] += 1
            self._push_candidates(heap, alive, version, keep, window)
        self.stories = [s for s in alive if s is not None]
        for s in self.stories:
            s.id = s.id if s.fixed else story_id(s.founder[1])
            for m in s.members:
                self.by_article[m] = s.id

    def _join_copies(self, alive: list[_Story | None]) -> list[_Story | None]:
        """Copies of one text are one story (when their days allow): merge them first."""
        owner = {m: i for i, s in enumerate(alive) if s is not None for m in s.members}
        for i, story in enumerate(alive):
            if story is None or story.fixed:
                continue
            for article in list(story.members):
                for other in sorted(self.copies.get(article, ())):
                    j = owner.get(other)
                    if j is None or j == i or alive[j] is None:
                        continue
                    if not _compatible(alive[i], alive[j]):  # type: ignore[arg-type]
                        continue  # the same text printed again weeks later is other news
                    keep, gone = (j, i) if alive[j].fixed else (min(i, j), max(i, j))  # type: ignore[union-attr]
                    if alive[gone].fixed:  # type: ignore[union-attr]
                        continue
                    for m in alive[gone].members:  # type: ignore[union-attr]
                        self.why[m] = Membership(m, "copy", 1.0, other if m == article else
                                                 article, {})  # fmt: skip
                        owner[m] = keep
                    alive[keep].absorb(alive[gone], self.idf, self._rarest)  # type: ignore[union-attr]
                    alive[gone] = None
                    break
                if alive[i] is None:
                    break
        return alive

    def _push_candidates(
        self, heap: list, alive: list[_Story | None], version: list[int], i: int,
        window: TimeWindow, others: np.ndarray | None = None,
    ) -> None:  # fmt: skip
        """Score story `i` against its nearest candidates (`others`: the window's first
        2 * CANDIDATES, when already known) and push the pairs."""
        story = alive[i]
        assert story is not None
        limit = 2 * CANDIDATES
        if others is None:
            others, _ = window.candidates(i, limit)
        allowed = _allowed(alive, i, others)
        if len(allowed) < CANDIDATES and len(others) == limit:
            allowed = _allowed(alive, i, window.candidates(i)[0])  # months ruled many out
        for j in allowed:
            p = self.model.probability(self.pair_features(story, alive[j]))  # type: ignore[arg-type]
            a, b = min(i, j), max(i, j)
            heapq.heappush(heap, (-p, a * len(alive) + b, a, b, version[a] + version[b]))

    def _merge(self, keep: _Story, gone: _Story, p: float) -> None:
        features = self.pair_features(gone, keep)
        founder = gone.founder[1]
        sims = keep.matrix @ gone.matrix[0]
        nearest = keep.rows[int(np.argmax(sims))]
        self.why[founder] = Membership(founder, "joined", round(p, 3), nearest,
                                       {k: round(v, 3) for k, v in features.items()})  # fmt: skip
        keep.absorb(gone, self.idf, self._rarest)
        keep.founder = min(keep.founder, gone.founder) if not keep.fixed else keep.founder

    def features(self, sig: Signals, story: _Story) -> dict[str, float]:
        """The named features of one article against a story."""
        return self.pair_features(_Story.of(sig), story)

    def pair_features(self, a: _Story, b: _Story) -> dict[str, float]:
        """The named features of story `a` against story `b` (an article is a story of one)."""
        member_sims = b.matrix @ a.matrix.T
        gap = _span_gap(a.span, b.span)
        across = _language(a) is not None and _language(b) not in (None, _language(a))
        extra = {"across": 1.0, "names": self.name_overlap(a, b)} if across else {}
        return {
            "embedding": float(a.unit @ b.unit),
            "embedding_max": _nearest_mean(member_sims),
            "words": a.words.cosine(b.words) if a.words is not None else 0.0,
            "entities": self._entity_cosine(a, b),
            "cameo": _overlap(frozenset(a.cameo), b.cameo),
            "dated": 0.0 if gap is None else 1.0,
            "gap_weeks": 0.0 if gap is None else min(gap / 7.0, MAX_GAP_WEEKS),
            **extra,
        }

    def name_overlap(self, a: _Story, b: _Story) -> float:
        """The IDF-weighted share of the smaller side's name stems that the other side has too
        (a short article against a large story is judged by its own names)."""
        small, large = (a.names, b.names) if len(a.names) <= len(b.names) else (b.names, a.names)
        if not small:
            return 0.0
        weight = {k: self.idf.get(NAME_KEY + k, self._rarest) for k in small}
        total = sum(weight.values())
        return sum(w for k, w in weight.items() if k in large) / total if total else 0.0

    def _entity_cosine(self, a: _Story, b: _Story) -> float:
        """IDF-weighted cosine of two stories' names (at most 3 mentions of a name count)."""
        if not a.entities or not b.entities:
            return 0.0
        for s in (a, b):
            if s.entity_norm is None:
                s.entity_norm = name_norm(s.entities, self.idf, self._rarest)
        small, large = (a.entities, b.entities) if len(a.entities) <= len(b.entities) else (
            b.entities, a.entities)
        dot = sum(min(v, 3) * min(large[k], 3) * self.idf.get(k, self._rarest) ** 2
                  for k, v in small.items() if k in large)  # fmt: skip
        norms = a.entity_norm * b.entity_norm  # type: ignore[operator]
        return dot / norms if norms else 0.0

    def clusters(self) -> dict[str, list[str]]:
        return {s.id: list(s.members) for s in self.stories}


def _allowed(alive: list[_Story | None], i: int, others: np.ndarray) -> list[int]:
    """The first `CANDIDATES` of `others` (most similar first) whose time allows story `i`."""
    story = alive[i]
    allowed = []
    for j in others.tolist():
        if _compatible(story, alive[j]):  # type: ignore[arg-type]
            allowed.append(j)
            if len(allowed) == CANDIDATES:
                break
    return allowed


def _language(story: _Story) -> str | None:
    """The language most of a story's members are written in (None when none is known): a Dutch
    article is compared with a story of English reports by name stems, even after one Dutch
    report joined it."""
    return story.langs.most_common(1)[0][0] if story.langs else None


def compatible(sig: Signals, story: _Story) -> bool:
    """Whether an article's time and a story's can be the same news (see MAX_GAP_DAYS)."""
    return _compatible(_Story.of(sig), story)


def _compatible(a: _Story, b: _Story) -> bool:
    gap = _span_gap(a.span, b.span)
    if gap is not None:
        return gap <= MAX_GAP_DAYS and _joint_span(a.span, b.span) <= max(  # type: ignore[arg-type]
            MAX_SPAN_DAYS, a.span[1] - a.span[0], b.span[1] - b.span[0])  # type: ignore[index]
    # Months are weaker evidence (inferred, or printed without a year): they rule out only
    # against other months, never against a day the page states.
    if not a.months or not b.months:
        return True
    return any(_month_gap(x, y) <= MAX_GAP_MONTHS for x in a.months for y in b.months)


def _joint_span(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days from the first to the last news day of two spans taken together (`_compatible`
    applies the bound `window.within_span` applies to whole blocks, on plain numbers: it runs
    for every candidate pair, where numpy's per-call cost would dominate)."""
    return max(a[1], b[1]) - min(a[0], b[0])


def _month_gap(a: int, b: int) -> int:
    d = abs(a - b) % 12
    return min(d, 12 - d)


def _nearest_mean(sims: np.ndarray) -> float:
    """Each member of the smaller story's similarity to its nearest member of the other, averaged:
    for an article against a story (what the model is trained on) its nearest member; for two
    stories it does not grow with their sizes, as the single closest pair of many would."""
    axis = 0 if sims.shape[1] <= sims.shape[0] else 1
    return float(sims.max(axis=axis).mean())


def _span_gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float | None:
    """Days between two spans of news days (0 when they overlap), None when either is empty."""
    if a is None or b is None:
        return None
    return float(max(b[0] - a[1], a[0] - b[1], 0))


def _overlap(a: frozenset[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b.keys()) / len(a)


def entity_idf(profiles: Sequence[Counter[str]]) -> dict[str, float]:
    """Inverse document frequency of each entity name over a corpus's articles."""
    df: Counter[str] = Counter()
    for p in profiles:
        df.update(p.keys())
    n = len(profiles)
    return {k: math.log((n + 1) / (v + 1)) + 1.0 for k, v in df.items()}
