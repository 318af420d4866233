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

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from newsloom.article import Article, Document, Skip
from newsloom.errors import (
    ConfigError,
    Msg,
    Reason,
    RejectDocument,
    Rejection,
)
from newsloom.settings import DEFAULT_SETTINGS, Settings

StageFunc = Callable[[Article, "Context"], Article]

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


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    language_bound: bool = False,
) -> Callable[[StageFunc], StageFunc]:
    """Register a function as a pipeline stage (like spaCy's ``@Language.component``)."""

    def register(func: StageFunc) -> StageFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ConfigError(Msg.DUPLICATE_STAGE.format(name=name))
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns), language_bound)
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
        """Build a resource once per context (a model, a compiled lexicon) and reuse it."""
        if key not in self._resources:
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
)
#: The stages that need no language model: reading, cleaning and dating only.
TEXT_STAGES: tuple[str, ...] = ("extract", "clean", "published", "dates")


class _Timeout(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` (main thread on POSIX); elsewhere, a no-op.

    Stages are also checked between each other, so a worker thread still cannot run a document
    for long past its limit once the slow stage returns.
    """
    usable = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Pipeline:
    """An ordered, validated chain of stages, callable on one Document."""

    names: tuple[str, ...] = DEFAULT_STAGES
    settings: Settings = DEFAULT_SETTINGS
    stages: tuple[Stage, ...] = field(init=False)
    ctx: Context = field(init=False)

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

    def __call__(self, doc: Document) -> Article | Rejection:
        """Run every stage on one document; a bad document becomes a Rejection, never a raise."""
        if not isinstance(doc, Document):
            raise TypeError(f"Pipeline takes a Document, got {type(doc).__name__}")
        limit = self.settings.max_seconds_per_document
        started = time.monotonic()
        article = Article.from_document(doc)
        st = self.stages[0] if self.stages else None
        try:
            with _deadline(limit):
                for st in self.stages:
                    if time.monotonic() - started > limit:
                        raise _Timeout
                    article = self._run_stage(st, article)
        except _Timeout:
            where = st.name if st else "start"
            return Rejection(doc.source, Reason.TIMEOUT, f"{limit:g} s (at stage {where!r})")
        except RejectDocument as exc:
            return Rejection(doc.source, exc.reason, exc.detail)
        except (ValueError, LookupError, ArithmeticError, AttributeError, RecursionError) as exc:
            # A library choking on one odd document must not stop the batch.
            return Rejection(
                doc.source,
                Reason.STAGE_FAILED,
                f"{st.name if st else '?'}: {type(exc).__name__}: {exc}",
            )
        return article

    def _run_stage(self, st: Stage, article: Article) -> Article:
        if st.language_bound and article.lang not in self.settings.analysis_languages:
            reason = f"language {article.lang or 'unknown'!r} is not analysed"
            return replace(article, skipped=(*article.skipped, Skip(st.name, reason)))
        result = st.func(article, self.ctx)
        if not isinstance(result, Article):
            raise TypeError(f"stage {st.name!r} returned {type(result).__name__}, not Article")
        return result

    def map(self, docs: Iterable[Document | Rejection]) -> Iterator[Article | Rejection]:
        """Run over a stream where readers may already have rejected some inputs."""
        for doc in docs:
            yield doc if isinstance(doc, Rejection) else self(doc)
