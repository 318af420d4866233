"""The Python API: `analyze` one text or page, and `Loom`, which ingests files into a store.

The CLI is a thin layer over these two; everything a command does can be done from Python.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from newsloom.article import Article, Document
from newsloom.batching import batched
from newsloom.errors import ConfigError, Msg, Reason, RejectDocument, Rejection
from newsloom.ingest import Overrides, document_from_text, read_inputs
from newsloom.pipeline import DEFAULT_STAGES, Pipeline, shared_pipeline
from newsloom.settings import DEFAULT_SETTINGS, Settings
from newsloom.workers import WorkerPool, without_parse

Progress = Callable[[int], None]


def analyze(
    text_or_html: str,
    *,
    id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: str | None = None,
    format: Literal["text", "html"] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Article:
    """Run the per-article stages on one article given as a string (plain text or HTML).

    Metadata given here is *declared*: it is trusted over anything found in the text.
    A document that cannot be analysed raises `RejectDocument` (an `InputError`) with the reason.
    """
    if not isinstance(text_or_html, str):
        raise TypeError(Msg.TEXT_TYPE.format(type=type(text_or_html).__name__))
    doc = document_from_text(
        text_or_html,
        "<analyze>",
        fmt=format,
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        settings=settings,
    )
    if id is not None:
        doc = _with_id(doc, id)
    result = shared_pipeline(DEFAULT_STAGES, settings)(doc)
    if isinstance(result, Rejection):
        raise RejectDocument(result.reason, result.message)
    return result


def _with_id(doc: Document, new_id: str) -> Document:
    return replace(doc, id=new_id)


def analyze_paths(
    paths: Iterable[str | Path],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    workers: int | None = None,
) -> Iterator[Article | Rejection]:
    """Analyse files without storing anything (what `newsloom analyze` prints).

    With `workers`, documents run in that many worker processes, where the time limit always
    holds (`newsloom.workers`); without, in this process.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    docs = read_inputs(paths, settings=settings, overrides=overrides or Overrides())
    if workers is None:
        return shared_pipeline(tuple(stages), settings).map(docs)
    return _isolated_map(docs, settings, tuple(stages), workers)


def _isolated_map(
    docs: Iterable[Document | Rejection], settings: Settings, stages: tuple[str, ...], workers: int
) -> Iterator[Article | Rejection]:
    with WorkerPool(settings, stages, workers) as pool:
        for batch in batched(docs, settings.batch_size):
            results = iter(pool.run([d for d in batch if isinstance(d, Document)]))
            for item in batch:
                yield item if isinstance(item, Rejection) else next(results)


@dataclass
class IngestReport:
    """What one ingest run did: counts for the closing summary and every rejection in full."""

    ingested: int = 0
    already_present: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    #: what story building did after the ingest ("12 stories (3 new or updated, ...)")
    stories: str | None = None

    @property
    def rejected(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for r in self.rejections:
            counts[str(r.reason)] += r.count
        return counts

    def summary(self) -> str:
        parts = [f"{self.ingested} ingested", f"{self.already_present} already present"]
        rejected = self.rejected
        total = sum(rejected.values())
        if total:
            reasons = ", ".join(f"{n} {reason}" for reason, n in rejected.most_common())
            parts.append(f"{total} rejected ({reasons})")
        else:
            parts.append("0 rejected")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "already_present": self.already_present,
            "rejected": dict(self.rejected),
            "rejections": [r.to_dict() for r in self.rejections],
            "stories": self.stories,
        }


class Loom:
    """newsloom over one store: ingest files, then read articles back.

    >>> loom = Loom("newsloom.duckdb")          # doctest: +SKIP
    >>> report = loom.ingest(["articles/"])     # doctest: +SKIP
    """

    def __init__(
        self,
        db_path: str | Path = "newsloom.duckdb",
        *,
        settings: Settings = DEFAULT_SETTINGS,
        stages: Sequence[str] = DEFAULT_STAGES,
        workers: int = 1,
        isolated: bool | None = None,
    ) -> None:
        if not isinstance(db_path, (str, Path)):
            raise TypeError(f"db_path must be a str or Path, got {type(db_path).__name__}")
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise ConfigError(
                Msg.BAD_SETTING.format(name="workers", expected="an int >= 1", value=workers)
            )
        self.db_path = Path(db_path)
        self.settings = settings
        self.stages = tuple(stages)
        self.workers = workers
        #: Documents run in worker processes, where the time limit always holds; by default
        #: when there is more than one worker. The command line always isolates.
        self.isolated = workers > 1 if isolated is None else bool(isolated)

    @property
    def pipeline(self) -> Pipeline:
        """The per-article pipeline, built (and checked) on first use: reading the store back
        needs no stages and no language model."""
        return shared_pipeline(self.stages, self.settings)

    def _store(self, *, read_only: bool):
        from newsloom.store import Store

        return Store(self.db_path, read_only=read_only)

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        overrides: Overrides | None = None,
        progress: Progress | None = None,
        stories: bool = True,
    ) -> IngestReport:
        """Read, analyse and store every document under `paths`; return what happened.

        Documents already in the store (same content hash or same id) are skipped before any
        analysis. Each batch of `settings.batch_size` articles is one transaction, so a killed
        process loses at most the batch in flight and a rerun resumes where it stopped.

        The run ends by naming people and organisations across the whole store, the articles
        stored before included (`Store.refresh_names`): a rerun that adds nothing still does
        it if a killed run left it undone. Then, unless `stories` is False, the new articles
        are placed in stories (`refresh_stories`).
        """
        if isinstance(paths, (str, Path)):
            paths = [paths]
        self.pipeline  # noqa: B018 - a wrong stage list fails here, before any file is read
        report = IngestReport()
        docs = read_inputs(paths, settings=self.settings, overrides=overrides or Overrides())
        with self._store(read_only=False) as store, self._mapper() as run:
            for batch in batched(docs, self.settings.batch_size):
                rejections = [d for d in batch if isinstance(d, Rejection)]
                fresh, conflicts = self._drop_known(
                    store, [d for d in batch if isinstance(d, Document)], report
                )
                rejections.extend(conflicts)
                articles = []
                for result in run(fresh):
                    if isinstance(result, Rejection):
                        rejections.append(result)
                    else:
                        articles.append(result)
                store.write(articles, rejections)
                report.ingested += len(articles)
                report.ids.extend(a.id for a in articles)
                report.rejections.extend(rejections)
                if progress is not None:
                    progress(len(batch))
            if not store.names_current():
                store.refresh_names()
            if stories and (report.ingested or self._stories_stale(store)):
                from newsloom.stories import refresh_stories

                report.stories = refresh_stories(store).summary()
        return report

    @staticmethod
    def _stories_stale(store: Any) -> bool:
        return store.placed_count() != store.count()

    def refresh_stories(self) -> str:
        """Place every unplaced article in a story and re-synthesise the changed stories."""
        from newsloom.stories import refresh_stories

        with self._store(read_only=False) as store:
            return refresh_stories(store).summary()

    def stories(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """One row per story, newest first: id, title, date, articles, independent sources."""
        with self._store(read_only=True) as store:
            return store.story_list(limit=limit, offset=offset)

    def story(self, story_id: str) -> Any:
        """One whole story (`newsloom.stories.Story`), or None."""
        if not isinstance(story_id, str):
            raise TypeError(f"story_id must be a str, got {type(story_id).__name__}")
        with self._store(read_only=True) as store:
            found = store.stories([story_id])
        return found[0] if found else None

    def all_stories(self) -> list[Any]:
        """Every story, whole, newest first."""
        with self._store(read_only=True) as store:
            return store.stories()

    @contextmanager
    def _mapper(self) -> Iterator[Callable[[list[Document]], Iterable[Article | Rejection]]]:
        """In-process mapping, or worker processes that each build the pipeline once and are
        killed when a document overruns its time (`newsloom.workers`)."""
        if not self.isolated:
            pipeline = self.pipeline
            yield lambda docs: [without_parse(r) for r in pipeline.run_batch(docs)]
            return

        with WorkerPool(self.settings, self.stages, self.workers) as pool:
            yield pool.run

    @staticmethod
    def _drop_known(
        store: Any, docs: list[Document], report: IngestReport
    ) -> tuple[list[Document], list[Rejection]]:
        """Documents not stored yet; the same content again is "already present", while a
        stored id with other content is an `id_conflict` rejection (never silently dropped)."""
        known_hashes = store.known_hashes(d.content_hash for d in docs)
        stored_hash = store.hashes_of(d.id for d in docs)
        fresh: list[Document] = []
        conflicts: list[Rejection] = []
        seen_hashes: set[str] = set()
        seen_ids: dict[str, str] = {}
        for doc in docs:
            owner_hash = stored_hash.get(doc.id) or seen_ids.get(doc.id)
            if owner_hash is not None and owner_hash != doc.content_hash:
                conflicts.append(Rejection(doc.source, Reason.ID_CONFLICT, repr(doc.id)))
                continue
            if doc.content_hash in known_hashes or doc.content_hash in seen_hashes or owner_hash:
                report.already_present += 1
                continue
            seen_hashes.add(doc.content_hash)
            seen_ids[doc.id] = doc.content_hash
            fresh.append(doc)
        return fresh, conflicts

    def get(self, article_id: str) -> Article | None:
        with self._store(read_only=True) as store:
            return store.get(article_id)

    def articles(
        self, *, limit: int = 50, offset: int = 0, outlet: str | None = None
    ) -> list[dict]:
        with self._store(read_only=True) as store:
            return store.summaries(limit=limit, offset=offset, outlet=outlet)

    def export(
        self,
        path: str | Path,
        fmt: Literal["jsonl", "parquet", "gdelt", "plover"] = "jsonl",
        *,
        stories: bool = False,
    ) -> int:
        """Write the store's articles (jsonl, parquet) or events (gdelt, plover) to `path`;
        with `stories`, its stories (jsonl, parquet)."""
        with self._store(read_only=True) as store:
            return store.export(path, fmt, stories=stories)

    # -- annotations: read-only queries, filtered in the store (see `Store.quotes`) ----------

    def quotes(
        self,
        *,
        speaker: str | None = None,
        via: str | None = None,
        kind: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        story: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored quotes: `speaker` and `via` match names case-insensitively by substring;
        `speaker` matches the corpus name too, so "Donald Trump" finds an article's "Trump"."""
        with self._store(read_only=True) as store:
            return store.quotes(
                speaker=speaker, via=via, kind=kind, article=article, limit=limit, story=story
            )

    def entities(
        self,
        *,
        label: str | None = None,
        actor_code: str | None = None,
        name: str | None = None,
        limit: int | None = None,
        story: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored entities grouped by corpus name (one per person or organisation across the
        store), with the forms the articles use, mention counts and article ids."""
        with self._store(read_only=True) as store:
            return store.entities(
                label=label, actor_code=actor_code, name=name, limit=limit, story=story
            )

    def events(
        self,
        *,
        actor: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        story: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events: `actor` matches the actor's name or its corpus name, `cameo` is a
        code prefix ("04"), `since` and `until` ISO dates (inclusive)."""
        with self._store(read_only=True) as store:
            return store.events(
                actor=actor, cameo=cameo, since=since, article=article, limit=limit, story=story,
                until=until,
            )  # fmt: skip

    def dates(
        self, *, article: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Stored date expressions with their resolved values."""
        with self._store(read_only=True) as store:
            return store.dates(article=article, limit=limit)
