"""The stage registry and the pipeline: checked when built, never raising through a batch."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

from newsloom.article import Article, Document
from newsloom.errors import ConfigError, Reason, Rejection, reject
from newsloom.hashing import content_hash
from newsloom.pipeline import DEFAULT_STAGES, Context, Pipeline, stage, stages_through
from newsloom.settings import Settings


def _doc(text: str = "A short article. It has two sentences.") -> Document:
    return Document(
        id="t1", source="test.txt", format="text", raw=text, content_hash=content_hash(text)
    )


@stage("test_upper", requires=("source_text",), assigns=("text",))
def _upper(article: Article, ctx: Context) -> Article:
    return replace(article, text=article.source_text.upper())


@stage("test_reject", requires=("text",), assigns=())
def _reject(article: Article, ctx: Context) -> Article:
    raise reject(Reason.NO_CONTENT, "nothing worth keeping")


@stage("test_crash", requires=(), assigns=())
def _crash(article: Article, ctx: Context) -> Article:
    raise ValueError("library choked")


@stage("test_slow", requires=(), assigns=())
def _slow(article: Article, ctx: Context) -> Article:
    time.sleep(5)
    return article


@stage("test_spin", requires=(), assigns=())
def _spin(article: Article, ctx: Context) -> Article:
    until = time.monotonic() + 5
    while time.monotonic() < until:
        pass
    return article


@stage("test_slow_load", requires=(), assigns=())
def _slow_load(article: Article, ctx: Context) -> Article:
    # a model that takes longer to load than a document is allowed, then a little work
    ctx.resource("test_slow_model", lambda: time.sleep(0.6) or object())
    time.sleep(0.05)
    return article


@stage("test_english_only", requires=("text",), assigns=("title",), language_bound=True)
def _english(article: Article, ctx: Context) -> Article:
    return replace(article, title="ran")


@stage("test_set_lang", requires=(), assigns=("lang", "source_text"))
def _set_lang(article: Article, ctx: Context) -> Article:
    return replace(article, lang=article.raw.split(":", 1)[0], source_text=article.raw)


def test_unknown_stage_is_refused_when_built() -> None:
    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        Pipeline(("extract", "nope"))


def test_missing_requirement_is_refused_when_built() -> None:
    # test_upper needs source_text, which only extract (or clean) assigns
    with pytest.raises(ConfigError, match="requires 'source_text'"):
        Pipeline(("test_upper",))


def test_chain_runs_in_order() -> None:
    result = Pipeline(("extract", "test_upper"))(_doc("hello there"))
    assert isinstance(result, Article)
    assert result.text == "HELLO THERE"


def test_rejecting_stage_gives_a_rejection_with_its_reason() -> None:
    result = Pipeline(("extract", "test_upper", "test_reject"))(_doc())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.NO_CONTENT
    assert "test.txt" in result.message


def test_library_error_becomes_a_rejection_naming_the_stage() -> None:
    result = Pipeline(("test_crash",))(_doc())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.STAGE_FAILED
    assert "test_crash" in result.detail and "library choked" in result.detail


def test_time_limit_rejects_a_slow_document() -> None:
    pipeline = Pipeline(("test_slow",), Settings(max_seconds_per_document=0.2))
    started = time.monotonic()
    result = pipeline(_doc())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.TIMEOUT
    assert time.monotonic() - started < 2


def test_time_limit_holds_in_a_worker_thread() -> None:
    # batch workers and the web service run stages in threads, where no signal arrives
    pipeline = Pipeline(("test_spin",), Settings(max_seconds_per_document=0.2))
    results: list[Article | Rejection] = []
    started = time.monotonic()
    worker = threading.Thread(target=lambda: results.append(pipeline(_doc())))
    worker.start()
    worker.join(10)
    assert len(results) == 1 and isinstance(results[0], Rejection)
    assert results[0].reason is Reason.TIMEOUT
    assert time.monotonic() - started < 2


def _in_thread(run):  # type: ignore[no-untyped-def]
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(run()))
    worker.start()
    worker.join(10)
    return out


@pytest.mark.parametrize("where", ["main", "thread"])
def test_loading_a_model_is_not_charged_to_the_document(where: str) -> None:
    # the first document of a run on a busy machine must not time out while spaCy loads
    limit = Settings(max_seconds_per_document=0.3)
    pipeline = Pipeline(("test_slow_load", "test_slow_load"), limit)
    out = [pipeline(_doc())] if where == "main" else _in_thread(lambda: pipeline(_doc()))
    assert len(out) == 1 and isinstance(out[0], Article), out


def test_language_bound_stage_is_skipped_with_a_reason() -> None:
    pipeline = Pipeline(("test_set_lang", "test_upper", "test_english_only"))
    dutch = pipeline(_doc("nl: de brief van May"))
    english = pipeline(_doc("en: the letter from May"))
    assert isinstance(dutch, Article) and isinstance(english, Article)
    assert dutch.title is None
    assert [s.stage for s in dutch.skipped] == ["test_english_only"]
    assert "'nl'" in dutch.skipped[0].reason
    assert english.title == "ran" and not english.skipped


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        Pipeline("extract")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Pipeline(("extract",))("just a string")  # type: ignore[arg-type]


def test_map_passes_reader_rejections_through() -> None:
    earlier = Rejection("missing.txt", Reason.NOT_FOUND)
    out = list(Pipeline(("extract",)).map([earlier, _doc()]))
    assert out[0] is earlier
    assert isinstance(out[1], Article)


def test_context_builds_a_resource_once() -> None:
    ctx = Context()
    calls = []
    for _ in range(3):
        ctx.resource("thing", lambda: calls.append(1) or object())
    assert len(calls) == 1


BATCH_CALLS: list[int] = []


def _tag_batch(articles: list[Article], ctx: Context) -> list[Article]:
    BATCH_CALLS.append(len(articles))
    if any("poison" in a.source_text for a in articles):
        raise ValueError("one bad text spoils the batch call")
    return [replace(a, title=f"tagged {len(a.source_text)}") for a in articles]


@stage("test_tag", requires=("source_text",), assigns=("title",), batch=_tag_batch)
def _tag(article: Article, ctx: Context) -> Article:
    if "poison" in article.source_text:
        raise ValueError("this text is bad")
    return replace(article, title=f"tagged {len(article.source_text)}")


def test_batch_form_gives_the_same_results_in_one_call() -> None:
    docs = [_doc(f"text number {i}") for i in range(5)]
    pipeline = Pipeline(("extract", "test_tag"))
    BATCH_CALLS.clear()
    batched = pipeline.run_batch(docs)
    assert BATCH_CALLS == [5]
    one_by_one = [pipeline(d) for d in docs]
    assert [a.title for a in batched] == [a.title for a in one_by_one]  # type: ignore[union-attr]


def test_a_failing_batch_falls_back_to_rejecting_only_the_culprit() -> None:
    docs = [_doc("fine one"), _doc("poison here"), _doc("fine two")]
    results = Pipeline(("extract", "test_tag")).run_batch(docs)
    assert isinstance(results[0], Article) and isinstance(results[2], Article)
    assert isinstance(results[1], Rejection) and results[1].reason is Reason.STAGE_FAILED


def test_map_keeps_input_order_across_batches() -> None:
    earlier = Rejection("missing.txt", Reason.NOT_FOUND)
    stream = [_doc("a"), earlier, _doc("bb"), _doc("ccc")]
    out = list(Pipeline(("extract", "test_tag")).map(stream, batch_size=2))
    assert out[1] is earlier
    assert [o.source_text for o in out if isinstance(o, Article)] == ["a", "bb", "ccc"]


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("extract", ("extract",)),
        ("dates", ("extract", "clean", "published", "dates")),
        ("entities", ("extract", "clean", "published", "dates", "nlp", "entities")),
        ("events", DEFAULT_STAGES),
    ],
)
def test_stages_through_is_the_default_chain_up_to_a_stage(
    last: str, expected: tuple[str, ...]
) -> None:
    assert stages_through(last) == expected


def test_stages_through_refuses_a_stage_outside_the_default_chain() -> None:
    with pytest.raises(ValueError, match="not a default stage"):
        stages_through("stories")
