"""The stage registry and the per-article pipeline.

A stage is a plain function ``(article, ctx) -> article`` registered with what it `requires`
and what it `assigns` (names of `Article` fields). `Pipeline` checks the chain when it is built:
a stage whose requirement no earlier stage assigns is a `ConfigError` then, not a crash on the
millionth document.

The per-article path is a pure function of one document plus a `Context`, which holds the
settings and the models, loaded lazily once per process. A batch worker builds its own context
from the same settings; nothing depends on global state a worker lacks.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from newsloom.article import Article, Document, Skip
from newsloom.deadline import Timeout, paused, paused_seconds, within
from newsloom.errors import (
    ConfigError,
    Msg,
    Reason,
    RejectDocument,
    Rejection,
)
from newsloom.settings import DEFAULT_SETTINGS, Settings

StageFunc = Callable[[Article, "Context"], Article]
#: A stage's optional batch form: the same result for each article, computed for many at once
#: (spaCy's `nlp.pipe` is faster than one call per text).
BatchFunc = Callable[[list[Article], "Context"], list[Article]]

#: Errors a library may raise on one odd document; they reject that document, not the batch.
LIBRARY_ERRORS = (ValueError, LookupError, ArithmeticError, AttributeError, RecursionError)

#: Fields an article has as soon as it is made from a Document.
DOCUMENT_FIELDS = frozenset(
    {"id", "source", "format", "content_hash", "raw", "url", "outlet", "title", "declared"}
)


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    #: None: any language; else the stage runs only on articles whose `lang` is in the settings'
    #: analysis languages (and records a Skip otherwise).
    language_bound: bool = False
    batch: BatchFunc | None = None


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    language_bound: bool = False,
    batch: BatchFunc | None = None,
) -> Callable[[StageFunc], StageFunc]:
    """Register a function as a pipeline stage (like spaCy's ``@Language.component``).

    `batch`, when given, computes the same result for a list of articles at once; the pipeline
    uses it when it runs several documents together, and `func` otherwise.
    """

    def register(func: StageFunc) -> StageFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ConfigError(Msg.DUPLICATE_STAGE.format(name=name))
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns), language_bound, batch)
        return func

    return register


def registered_stages() -> dict[str, Stage]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def _load_builtin_stages() -> None:
    # Importing the modules runs their @stage decorators.
    from newsloom import analyse, clean, extract, pubdate, timex  # noqa: F401


class Context:
    """Per-process resources shared by stages: settings and lazily loaded models."""

    def __init__(self, settings: Settings = DEFAULT_SETTINGS) -> None:
        if not isinstance(settings, Settings):
            raise TypeError(f"settings must be a Settings, got {type(settings).__name__}")
        self.settings = settings
        self._resources: dict[str, Any] = {}

    def resource(self, key: str, factory: Callable[[], Any]) -> Any:
        """Build a resource once per context (a model, a compiled lexicon) and reuse it.

        The build runs off the document's clock (`deadline.paused`): a model loaded on a slow
        or busy machine must not time out the first document, nor be cut off half-imported."""
        if key not in self._resources:
            with paused():
                self._resources[key] = factory()
        return self._resources[key]


#: The default per-article chain, in order.
DEFAULT_STAGES: tuple[str, ...] = (
    "extract",
    "clean",
    "published",
    "dates",
    "nlp",
    "entities",
    "quotes",
    "events",
)
#: The stages that need no language model: reading, cleaning and dating only.
TEXT_STAGES: tuple[str, ...] = ("extract", "clean", "published", "dates")


def stages_through(last: str) -> tuple[str, ...]:
    """The default chain from its start up to and including `last`: what an evaluation or a
    training script runs when it needs one stage's output and not the stages after it."""
    if last not in DEFAULT_STAGES:
        raise ValueError(f"{last!r} is not a default stage ({', '.join(DEFAULT_STAGES)})")
    return DEFAULT_STAGES[: DEFAULT_STAGES.index(last) + 1]


@dataclass
class Pipeline:
    """An ordered, validated chain of stages, callable on one Document."""

    names: tuple[str, ...] = DEFAULT_STAGES
    settings: Settings = DEFAULT_SETTINGS
    stages: tuple[Stage, ...] = field(init=False)
    ctx: Context = field(init=False)
    _limit: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.names, str):
            raise TypeError("Pipeline names must be a sequence of stage names, not a str")
        registry = registered_stages()
        available = set(DOCUMENT_FIELDS)
        chain = []
        for name in self.names:
            if name not in registry:
                raise ConfigError(
                    Msg.UNKNOWN_STAGE.format(name=name, known=", ".join(sorted(registry)))
                )
            st = registry[name]
            for req in st.requires:
                if req not in available:
                    raise ConfigError(
                        Msg.MISSING_REQUIREMENT.format(
                            stage=name, field=req, pipeline=" -> ".join(self.names)
                        )
                    )
            available.update(st.assigns)
            chain.append(st)
        self.names = tuple(self.names)
        self.stages = tuple(chain)
        self.ctx = Context(self.settings)
        self._limit = self.settings.max_seconds_per_document

    def warm_up(self, doc: Document) -> Article | Rejection:
        """Run `doc` with no time limit, so that every lazily loaded model is loaded now and
        never charged to a real document's budget (a worker does this once when it starts)."""
        self._limit = math.inf
        try:
            return self(doc)
        finally:
            self._limit = self.settings.max_seconds_per_document
            # The models just loaded live as long as the process: out of the collector's
            # sight, a full collection walks the articles in flight, not a million model
            # objects (about 1 ms an article on ECB+ texts).
            gc.collect()
            gc.freeze()

    def __call__(self, doc: Document) -> Article | Rejection:
        """Run every stage on one document; a bad document becomes a Rejection, never a raise."""
        return self.run_batch([doc])[0]

    def run_batch(self, docs: Sequence[Document]) -> list[Article | Rejection]:
        """Run every stage on several documents: the same results as one call per document.

        Stages with a batch form run once for all the articles still alive; if that batch call
        fails, the stage runs article by article so that only the culprit is rejected. Each
        document keeps its own time budget, `settings.max_seconds_per_document`.
        """
        for doc in docs:
            if not isinstance(doc, Document):
                raise TypeError(f"Pipeline takes a Document, got {type(doc).__name__}")
        items: list[Article | Rejection] = [Article.from_document(d) for d in docs]
        spent = [0.0] * len(docs)
        for st in self.stages:
            todo = []
            for i, item in enumerate(items):
                if not isinstance(item, Article):
                    continue
                if st.language_bound and item.lang not in self.settings.analysis_languages:
                    reason = f"language {item.lang or 'unknown'!r} is not analysed"
                    items[i] = replace(item, skipped=(*item.skipped, Skip(st.name, reason)))
                else:
                    todo.append(i)
            if st.batch is not None and len(todo) > 1 and self._run_batched(st, todo, items, spent):
                continue
            for i in todo:
                items[i], spent[i] = self._run_one(st, items[i], docs[i], spent[i])  # type: ignore[arg-type]
        return items

    def _run_batched(
        self, st: Stage, todo: list[int], items: list[Article | Rejection], spent: list[float]
    ) -> bool:
        assert st.batch is not None
        limit = self._limit
        started = self._clock()
        try:
            with within(limit * len(todo)):
                out = st.batch([items[i] for i in todo], self.ctx)  # type: ignore[misc]
        except (Timeout, RejectDocument, *LIBRARY_ERRORS):
            return False  # one document spoilt the batch: run them one by one
        if len(out) != len(todo) or not all(isinstance(a, Article) for a in out):
            raise TypeError(f"batch form of stage {st.name!r} must return one Article per input")
        share = (self._clock() - started) / len(todo)
        for i, article in zip(todo, out, strict=True):
            items[i] = article
            spent[i] += share
        return True

    def _run_one(
        self, st: Stage, article: Article, doc: Document, spent: float
    ) -> tuple[Article | Rejection, float]:
        limit = self._limit
        if spent >= limit:
            return Rejection(doc.source, Reason.TIMEOUT, f"{limit:g} s (before {st.name!r})"), spent
        started = self._clock()
        try:
            with within(limit - spent):
                result = st.func(article, self.ctx)
        except Timeout:
            return Rejection(
                doc.source, Reason.TIMEOUT, f"{limit:g} s (at stage {st.name!r})"
            ), limit
        except RejectDocument as exc:
            return Rejection(doc.source, exc.reason, exc.detail), spent
        except LIBRARY_ERRORS as exc:
            # A library choking on one odd document must not stop the batch.
            detail = f"{st.name}: {type(exc).__name__}: {exc}"
            return Rejection(doc.source, Reason.STAGE_FAILED, detail), spent
        if not isinstance(result, Article):
            raise TypeError(f"stage {st.name!r} returned {type(result).__name__}, not Article")
        return result, spent + self._clock() - started

    def _clock(self) -> float:
        """Seconds on the documents' clock, which stops while a model or table loads
        (`deadline.untimed`, `Context.resource`)."""
        return time.monotonic() - paused_seconds()

    def map(
        self, docs: Iterable[Document | Rejection], *, batch_size: int | None = None
    ) -> Iterator[Article | Rejection]:
        """Run over a stream where readers may already have rejected some inputs, in order,
        `batch_size` documents at a time (default: `settings.batch_size`)."""
        if batch_size is None:
            batch_size = self.settings.batch_size
        pending: list[Document | Rejection] = []

        def flush() -> Iterator[Article | Rejection]:
            results = iter(self.run_batch([d for d in pending if isinstance(d, Document)]))
            for item in pending:
                yield item if isinstance(item, Rejection) else next(results)
            pending.clear()

        for doc in docs:
            pending.append(doc)
            if sum(isinstance(d, Document) for d in pending) >= batch_size:
                yield from flush()
        yield from flush()


@lru_cache(maxsize=4)
def shared_pipeline(stages: tuple[str, ...], settings: Settings) -> Pipeline:
    """One pipeline (and so one set of loaded models) per process and configuration; a forked
    worker inherits the parent's, models already loaded."""
    return Pipeline(stages, settings)
