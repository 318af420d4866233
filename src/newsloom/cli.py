"""The `newsloom` command: a thin layer over the Python API (`newsloom.loom`).

Output goes to stdout (JSON Lines or tables); progress, rejections and summaries go to stderr,
so `newsloom analyze a.html > out.jsonl` leaves a clean file. Exit codes are in
`newsloom.errors.EXIT_CODES` and documented in the README.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from newsloom import __version__
from newsloom.errors import (
    EXIT_CODES,
    ConfigError,
    Msg,
    NewsloomError,
    NotFound,
    OutputError,
    Rejection,
)
from newsloom.settings import DEFAULT_SETTINGS, LIMITS, Settings

DEFAULT_DB = "newsloom.duckdb"


#: the largest count a listing takes (DuckDB's LIMIT is a 64-bit int; nobody lists more)
_MAX_COUNT = 2**31 - 1


def _count(low: int, high: int = _MAX_COUNT) -> Any:
    """An argparse type: an int from `low` to `high`, else a usage error (exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    parse.__name__ = "count"
    return parse


def _seconds(text: str) -> float:
    """An argparse type: a positive, finite number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < 10**9:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return value


def _add_input_options(
    p: argparse.ArgumentParser, *, nargs: str = "+", workers: bool = True
) -> None:
    p.add_argument("paths", nargs=nargs, metavar="PATH", help="files or directories; - for stdin")
    p.add_argument("--published", help="publication date for every input of this run (ISO)")
    p.add_argument("--outlet", help="outlet for every input of this run")
    p.add_argument("--url", help="URL for every input of this run")
    if workers:
        p.add_argument(
            "--workers",
            type=_count(1),
            default=1,
            help="worker processes; a document that overruns --max-seconds has its worker "
            "killed and replaced (default: 1)",
        )
    limits = p.add_argument_group("limits", "every limit is on by default; raise one as needed")
    for name, (flag, what) in LIMITS.items():
        limits.add_argument(
            flag,
            dest=name,
            metavar="N",
            type=_count(1, 2**62),
            default=getattr(DEFAULT_SETTINGS, name),
            help=f"{what} (default: %(default)s)",
        )
    limits.add_argument(
        "--max-seconds",
        dest="max_seconds_per_document",
        metavar="S",
        type=_seconds,
        default=DEFAULT_SETTINGS.max_seconds_per_document,
        help="wall-clock seconds one document may take (default: %(default)s)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=f"exit with {EXIT_CODES['rejected']} when any input was rejected",
    )


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help="DuckDB store (default: %(default)s)")


def _add_story_filter(p: argparse.ArgumentParser) -> None:
    p.add_argument("--story", metavar="ID", help="only the articles of one story")


def _add_listing(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=_count(0), help="at most N rows")
    p.add_argument("--format", choices=["table", "json"], default="table")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsloom",
        description="Raw news in; clean, dated, attributed articles and stories out.",
    )
    parser.add_argument("--version", action="version", version=f"newsloom {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse inputs and print one JSON line per article")
    _add_input_options(p)
    p.add_argument("--raw", action="store_true", help="include the raw input in each line")

    p = sub.add_parser("ingest", help="analyse inputs and store them")
    _add_input_options(p, nargs="*")
    _add_db(p)
    p.add_argument("--shards", metavar="DIR", help="load the shards `newsloom batch` wrote to DIR")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--no-stories",
        action="store_true",
        help="do not place the new articles in stories (run `stories --rebuild` later)",
    )
    p.add_argument("--report", help="write the full ingest report (every rejection) as JSON")

    _add_batch(sub)

    p = sub.add_parser("articles", help="list stored articles, or show one")
    _add_db(p)
    p.add_argument("action", nargs="?", choices=["list", "show"], default="list")
    p.add_argument("id", nargs="?", help="article id (with show)")
    p.add_argument("--limit", type=_count(0), default=50)
    p.add_argument("--offset", type=_count(0), default=0)
    p.add_argument("--outlet")
    p.add_argument("--format", choices=["table", "json"], default="table")

    p = sub.add_parser("quotes", help="stored quotes: who said what, and through whom")
    _add_db(p)
    p.add_argument(
        "--speaker",
        help="speaker name or part of it (any case), as an article or the corpus names them",
    )
    p.add_argument("--via", metavar="OUTLET", help="relaying outlet or part of its name")
    p.add_argument("--kind", choices=["direct", "partial", "indirect"])
    p.add_argument("--article", metavar="ID", help="one article's quotes")
    _add_story_filter(p)
    _add_listing(p)

    p = sub.add_parser(
        "entities", help="stored entities, one row per person or organisation across articles"
    )
    _add_db(p)
    p.add_argument("--label", help="entity label: PERSON, ORG, GPE, ...")
    p.add_argument("--actor-code", help="actor code or its start: USAGOV, RUS, IGO ...")
    p.add_argument("--name", help="corpus name, or a form of it, or part of one (any case)")
    _add_story_filter(p)
    _add_listing(p)

    p = sub.add_parser("events", help="stored CAMEO-coded events")
    _add_db(p)
    p.add_argument(
        "--actor", help="actor name or part of it (any case), as an article or the corpus names it"
    )
    p.add_argument("--cameo", help="CAMEO code or its start: 04 finds 040-046")
    p.add_argument("--since", metavar="DATE", help="events on or after an ISO date")
    p.add_argument("--until", metavar="DATE", help="events on or before an ISO date")
    p.add_argument("--article", metavar="ID", help="one article's events")
    _add_story_filter(p)
    _add_listing(p)

    p = sub.add_parser("stories", help="stored stories, newest first")
    _add_db(p)
    p.add_argument("--limit", type=_count(0), help="at most N stories")
    p.add_argument("--format", choices=["table", "json"], default="table",
                   help="json: one story object per line, per the output contract")  # fmt: skip
    p.add_argument("--rebuild", action="store_true",
                   help="place unplaced articles and update their stories first")  # fmt: skip

    p = sub.add_parser("story", help="one story: summary, timeline, sources, conflicts, quotes")
    _add_db(p)
    p.add_argument("id", help="story id (see `newsloom stories`)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--why", action="store_true", help="the evidence that joined each article")

    p = sub.add_parser("dates", help="stored date expressions and their resolved values")
    _add_db(p)
    p.add_argument("--article", metavar="ID", help="one article's dates")
    _add_listing(p)

    p = sub.add_parser("export", help="export stored articles (jsonl, parquet) or events")
    _add_db(p)
    p.add_argument(
        "--format",
        choices=["jsonl", "parquet", "gdelt", "plover"],
        default="jsonl",
        help="articles as jsonl or parquet; events as a GDELT 2.0 event TSV (gdelt) or "
        "PLOVER-style JSON (plover) (default: %(default)s)",
    )
    p.add_argument("--output", "-o", required=True, help="file to write")
    p.add_argument("--stories", action="store_true", help="export stories (jsonl or parquet)")

    p = sub.add_parser("eval", help="measure quality against a gold set")
    p.add_argument("gold", help="a gold directory (newsloom-dev format) or htmldate_eval")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--limit", type=_count(1), help="only the first N pages (htmldate_eval)")

    _add_serve_parser(sub)

    p = sub.add_parser("demo", help="ingest the bundled demo corpus and show what was found")
    p.add_argument("--db", default="demo.duckdb", help="store for the demo (default: %(default)s)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    names = [*LIMITS, "max_seconds_per_document"]
    given = {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}
    return DEFAULT_SETTINGS.with_(**given) if given else DEFAULT_SETTINGS


def _overrides(args: argparse.Namespace) -> Any:
    from newsloom.ingest import Overrides
    from newsloom.pubdate.declared import normalise_declared

    if args.published is not None and normalise_declared(args.published) is None:
        # a date nobody can read would otherwise be dropped without a word
        raise ConfigError(
            Msg.BAD_SETTING.format(name="--published", expected="a date (ISO: 2017-12-20)",
                                   value=args.published)
        )  # fmt: skip
    return Overrides(published=args.published, outlet=args.outlet, url=args.url)


#: control characters (C0, DEL, C1) and the bidirectional overrides and isolates
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """Text as printed for a person: control and bidirectional characters from the data are
    written out visibly (an escape in a title cannot clear the screen or hide what follows)."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _warn(rejection: Rejection, err: TextIO) -> None:
    err.write(shown(f"newsloom: rejected: {rejection.message}") + "\n")


def cmd_analyze(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.loom import analyze_paths

    n_ok = n_rejected = 0
    results = analyze_paths(
        args.paths, settings=_settings(args), overrides=_overrides(args), workers=args.workers
    )
    for result in results:
        if isinstance(result, Rejection):
            n_rejected += result.count
            _warn(result, err)
            continue
        n_ok += 1
        out.write(json.dumps(result.to_dict(include_raw=args.raw), ensure_ascii=False) + "\n")
        out.flush()
    err.write(f"newsloom: {n_ok} analysed, {n_rejected} rejected\n")
    return EXIT_CODES["rejected"] if (args.strict and n_rejected) else EXIT_CODES["ok"]


def _add_batch(sub: Any) -> None:
    p = sub.add_parser("batch", help="analyse inputs on a Dask cluster into Parquet shards")
    _add_input_options(p, workers=False)
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the shards")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler (tcp://host:8786); default: a local cluster")
    p.add_argument("--workers", type=_count(1),
                   help="worker processes of the local cluster (default: one per core)")
    p.add_argument("--partition-size", type=_count(1), metavar="N",
                   help="documents per partition and shard (default: 500)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")  # fmt: skip


def cmd_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.batch import PARTITION_SIZE, run_batch
    from newsloom.batch.progress import BatchBar

    bar = BatchBar(err) if not args.quiet and err.isatty() else None
    try:
        report = run_batch(
            args.paths, args.out, scheduler=args.scheduler, workers=args.workers,
            partition_size=args.partition_size or PARTITION_SIZE, settings=_settings(args),
            overrides=_overrides(args), progress=bar,
        )  # fmt: skip
    finally:
        if bar is not None:
            bar.close()
    err.write(f"newsloom: batch: {report.summary()} -> {args.out}\n")
    for line in report.per_worker():
        err.write(f"newsloom:   {shown(line)}\n")
    return EXIT_CODES["rejected"] if (args.strict and report.rejected) else EXIT_CODES["ok"]


def _ingest_shards(args: argparse.Namespace, err: TextIO) -> int:
    from newsloom.batch.load import ingest_shards

    if args.paths:
        raise ConfigError(Msg.INGEST_WHAT)
    loaded, stories = ingest_shards(args.db, args.shards, stories=not args.no_stories)
    err.write(f"newsloom: {loaded.summary()} -> {args.db}\n")
    if stories:
        err.write(f"newsloom: {stories}\n")
    return EXIT_CODES["rejected"] if (args.strict and loaded.rejected) else EXIT_CODES["ok"]


def cmd_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.loom import Loom
    from newsloom.store import refuse_store_path

    if args.shards:
        return _ingest_shards(args, err)
    if not args.paths:
        raise ConfigError(Msg.INGEST_WHAT)
    if args.report:
        refuse_store_path(args.report, args.db)  # before the ingest, not after it committed

    # isolated: documents run in worker processes, where the time limit always holds
    loom = Loom(args.db, settings=_settings(args), workers=args.workers, isolated=True)
    bar = None
    if not args.quiet and err.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=err, desc="ingest", leave=False)
    try:
        report = loom.ingest(
            args.paths, overrides=_overrides(args), progress=bar.update if bar else None,
            stories=not args.no_stories,
        )  # fmt: skip
    finally:
        if bar is not None:
            bar.close()
    for rejection in report.rejections:
        _warn(rejection, err)
    err.write(f"newsloom: {report.summary()} -> {args.db}\n")
    if report.stories:
        err.write(f"newsloom: {report.stories}\n")
    if args.report:
        from newsloom.store.export import write_text

        try:
            write_text(Path(args.report), json.dumps(report.to_dict(), indent=2))
        except OSError as exc:
            detail = f"{exc.strerror or exc}; the ingest itself is committed"
            raise OutputError(Msg.OUTPUT_FAILED.format(path=args.report, detail=detail)) from exc
    return EXIT_CODES["rejected"] if (args.strict and report.rejections) else EXIT_CODES["ok"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return shown(", ".join(str(v) for v in value))
    return shown(" ".join(str(value).split()))


def _table(rows: list[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [
        min(max([len(c)] + [len(row[i]) for row in cells]), 60) for i, c in enumerate(columns)
    ]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for row in cells:
        line = "  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True))
        out.write(line.rstrip() + "\n")


def cmd_articles(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.loom import Loom

    loom = Loom(args.db)
    if not Path(args.db).exists():
        raise NotFound(f"no store at {args.db}; run `newsloom ingest` first")
    if args.action == "show":
        if not args.id:
            raise NewsloomError("articles show needs an article id")
        article = loom.get(args.id)
        if article is None:
            raise NotFound(f"no article with id {args.id!r} in {args.db}")
        if args.format == "json":
            out.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(shown(_describe(article)))
        return EXIT_CODES["ok"]
    rows = loom.articles(limit=args.limit, offset=args.offset, outlet=args.outlet)
    if args.format == "json":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        columns = [
            c for c in ("id", "outlet", "published", "lang", "title") if not rows or c in rows[0]
        ]
        _table(rows, columns, out)
    return EXIT_CODES["ok"]


def _describe(article: Any) -> str:
    """A human-readable account of one article: what was found and what was removed."""
    q = article.quality
    pub = article.published
    lines = [
        f"{article.id}  {article.outlet or '-'}  [{article.lang or '?'}]",
        f"  title:     {article.title or '-'}",
        f"  url:       {article.url or '-'}",
        f"  published: {pub.value or 'unknown'} "
        f"(basis {pub.basis}, confidence {pub.confidence:.2f})",
        f"  body:      {len(article.text)} characters",
    ]
    if article.removed:
        lines.append(f"  removed:   {len(article.removed)}")
        lines += [f"    - [{r.reason}] {r.text[:70]}" for r in article.removed]
    if q.repeated_sentences:
        lines += [f"  repeated x{r.count}: {r.text[:70]}" for r in q.repeated_sentences]
    if q.truncated_sentences:
        lines += [f"  truncated: {s.text[:70]}" for s in q.truncated_sentences]
    if q.spun_markers:
        marks = ", ".join(f"{m.text}->{m.standard}" for m in q.spun_markers)
        lines.append(f"  spun:      {marks}")
    if q.credits:
        lines.append("  credits:   " + "; ".join(f"{c.role}: {c.name}" for c in q.credits))
    for quote in article.quotes:
        via = f" via {quote.via}" if quote.via else ""
        said = f"{quote.speaker or '?'} [{quote.kind}{via}]"
        lines.append(f"  quote:     {said}: \u201c{quote.text[:60]}\u201d")
    if article.dates:
        shown = ", ".join(f"{d.text!r}={d.value or '?'}" for d in article.dates[:6])
        more = f" (+{len(article.dates) - 6} more)" if len(article.dates) > 6 else ""
        lines.append(f"  dates:     {shown}{more}")
    for s in article.skipped:
        lines.append(f"  skipped {s.stage}: {s.reason}")
    return "\n".join(lines) + "\n"


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.loom import Loom

    _require_store(args.db)
    try:
        n = Loom(args.db).export(args.output, args.format, stories=args.stories)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise OutputError(Msg.OUTPUT_FAILED.format(path=args.output, detail=detail)) from exc
    what = "events" if args.format in ("gdelt", "plover") else "articles"
    what = "stories" if args.stories else what
    err.write(f"newsloom: exported {n} {what} to {args.output}\n")
    return EXIT_CODES["ok"]


def _require_store(db: str) -> None:
    if not Path(db).exists():
        raise NotFound(Msg.NO_STORE.format(path=db))


def _listing(
    rows: list[dict[str, Any]], columns: Sequence[str], args: argparse.Namespace, out: TextIO
) -> int:
    """Rows as JSON Lines (`--format json`) or as a table of `columns`."""
    if args.format == "json":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        _table(rows, columns, out)
    return EXIT_CODES["ok"]


def _loom(args: argparse.Namespace) -> Any:
    from newsloom.loom import Loom

    _require_store(args.db)
    return Loom(args.db)


def cmd_quotes(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = _loom(args).quotes(
        speaker=args.speaker, via=args.via, kind=args.kind, article=args.article,
        limit=args.limit, story=args.story,
    )  # fmt: skip
    columns = ("article_id", "kind", "corpus_speaker", "via", "cue", "text")
    return _listing(rows, columns, args, out)


def cmd_entities(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = _loom(args).entities(
        label=args.label, actor_code=args.actor_code, name=args.name, limit=args.limit,
        story=args.story,
    )  # fmt: skip
    columns = ("name", "label", "actor_code", "mentions", "n_articles", "forms", "articles")
    return _listing(rows, columns, args, out)


def cmd_events(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = _loom(args).events(
        actor=args.actor, cameo=args.cameo, since=args.since, article=args.article,
        limit=args.limit, story=args.story, until=args.until,
    )  # fmt: skip
    columns = ("date", "corpus_actor", "actor_code", "cameo", "corpus_target", "target_code",
               "modality", "article_id", "sentence")  # fmt: skip
    return _listing(rows, columns, args, out)


def cmd_dates(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = _loom(args).dates(article=args.article, limit=args.limit)
    columns = ("article_id", "published", "text", "value", "granularity")
    return _listing(rows, columns, args, out)


def cmd_stories(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    loom = _loom(args)
    if args.rebuild:
        err.write(f"newsloom: {loom.refresh_stories()}\n")
    if args.format == "json":
        for story in loom.all_stories()[: args.limit]:
            out.write(json.dumps(story.to_dict(), ensure_ascii=False) + "\n")
        return EXIT_CODES["ok"]
    rows = loom.stories(limit=args.limit)
    _table(rows, ("id", "date", "n_articles", "independent_sources", "title"), out)
    return EXIT_CODES["ok"]


def cmd_story(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.stories.report import render_story

    story = _loom(args).story(args.id)
    if story is None:
        raise NotFound(f"no story with id {args.id!r} in {args.db}")
    if args.format == "json":
        out.write(json.dumps(story.to_dict(why=args.why), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(shown(render_story(story, why=args.why)))
    return EXIT_CODES["ok"]


def cmd_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.evaluation.figures import render
    from newsloom.evaluation.runner import run_eval

    figures = run_eval(Path(args.gold), limit=args.limit)
    if args.format == "json":
        from dataclasses import asdict

        out.write(json.dumps([asdict(f) for f in figures], indent=2) + "\n")
    else:
        out.write(render(figures, f"newsloom eval {args.gold}") + "\n")
    return EXIT_CODES["ok"]


def cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsloom.demo import input_files
    from newsloom.loom import Loom

    loom = Loom(args.db)
    report = loom.ingest(input_files())
    err.write(f"newsloom: {report.summary()} -> {args.db}\n")
    with loom._store(read_only=True) as store:
        for article in store.iter_articles():
            out.write(shown(_describe(article)) + "\n")
    from newsloom.stories.report import render_overview

    out.write(shown(render_overview(loom.all_stories())))
    return EXIT_CODES["ok"]


def _add_serve_parser(sub: Any) -> None:
    from newsloom.settings import ServeSettings

    default = ServeSettings()
    p = sub.add_parser("serve", help="the REST API and web UI over a store (127.0.0.1 only)")
    _add_db(p)
    p.add_argument("--host", default=default.host,
                   help="interface to bind (default: %(default)s); another exposes the store to "
                   "the network, and writes then need NEWSLOOM_TOKEN")  # fmt: skip
    p.add_argument("--port", type=_count(1), default=default.port, help="(default: %(default)s)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="another name the Host header may carry; repeatable")  # fmt: skip
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="an origin allowed to read the API from a browser; repeatable")  # fmt: skip
    p.add_argument("--max-body-bytes", type=_count(1), default=default.max_body_bytes,
                   help="largest request body (default: %(default)s)")  # fmt: skip
    p.add_argument("--no-prerender", action="store_true",
                   help="render story pages on their first visit only")  # fmt: skip


def cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import os

    from newsloom.serve import run
    from newsloom.settings import ServeSettings

    _require_store(args.db)
    settings = ServeSettings(
        host=args.host, port=args.port, allowed_hosts=tuple(args.allow_host),
        cors_origins=tuple(args.cors_origin), max_body_bytes=args.max_body_bytes,
        token=os.environ.get("NEWSLOOM_TOKEN") or None, prerender=not args.no_prerender,
    )  # fmt: skip
    writes = "writes need the token" if settings.token else "writes open to this machine"
    if settings.exposed and not settings.token:
        writes = "writes off (set NEWSLOOM_TOKEN)"
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    err.write(f"newsloom: serving {args.db} at http://{shown_host}:{args.port}/ ({writes})\n")
    run(args.db, settings)
    return EXIT_CODES["ok"]


COMMANDS = {
    "analyze": cmd_analyze,
    "ingest": cmd_ingest,
    "batch": cmd_batch,
    "articles": cmd_articles,
    "quotes": cmd_quotes,
    "entities": cmd_entities,
    "events": cmd_events,
    "dates": cmd_dates,
    "stories": cmd_stories,
    "story": cmd_story,
    "export": cmd_export,
    "eval": cmd_eval,
    "demo": cmd_demo,
    "serve": cmd_serve,
}


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args, out, err)
    except NewsloomError as exc:
        err.write(f"newsloom: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        err.write("newsloom: interrupted; everything committed so far is kept\n")
        return EXIT_CODES["interrupted"]
    except BrokenPipeError:
        return EXIT_CODES["ok"]
    except OSError as exc:
        # a file the command writes or reads outside the store: a clean message, never a
        # traceback (the error table in the README)
        where = f"{exc.filename}: " if exc.filename else ""
        err.write(shown(f"newsloom: error: {where}{exc.strerror or exc}") + "\n")
        return EXIT_CODES["error"]


if __name__ == "__main__":
    sys.exit(main())
