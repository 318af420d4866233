"""The partition plan: which documents of which inputs each batch partition reads.

Inputs are expanded on the client (directories walked, globs matched, fsspec URLs listed) into
sources. A source holding one document (a .txt or .html file) weighs one; a container (JSONL,
WARC, ARC, or a name that does not say) is split first, by Dask tasks on the workers, into span
files of at most `partition_size` documents (`batch.split`). Spans are then packed, in input
order, into partitions of about `partition_size` documents.

A partition's id is a hash of what it reads (names, sizes, modification stamps, spans) and of
the settings, so the same inputs and options plan the same partitions: that is what lets a
rerun skip the partitions whose shard is complete. gzip and WARC files cannot be split by byte
ranges, which is why the plan counts documents rather than cutting bytes as `dask.bag` does.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass

from newsloom.errors import ConfigError, Msg, Rejection
from newsloom.hashing import stable_hash
from newsloom.ingest.files import STDIN, iter_paths, kind_from_name
from newsloom.settings import Settings

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One input file, local or an fsspec URL, named as `newsloom ingest` names it."""

    name: str
    remote: bool = False
    #: size and modification stamp: a changed file makes new partitions
    size: int | None = None
    stamp: str = ""

    @property
    def container(self) -> bool:
        """Whether it may hold many documents (so it is counted before it is planned)."""
        return kind_from_name(self.name.rsplit("/", 1)[-1]) not in ("text", "html")


@dataclass(frozen=True, slots=True)
class Span:
    """Documents `start` to `stop` (None: to the end) of one source, as its reader yields them;
    `stored`, when set, is the file the split of a container wrote them to (`batch.split`)."""

    source: Source
    start: int = 0
    stop: int | None = None
    weight: int = 1
    stored: str | None = None


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    id: str
    spans: tuple[Span, ...]

    @property
    def name(self) -> str:
        """The shard's directory name: plan order first, so shards list in that order."""
        return f"{self.index:06d}-{self.id}"

    @property
    def weight(self) -> int:
        return sum(s.weight for s in self.spans)

    def describe(self) -> list[dict]:
        return [asdict(s) for s in self.spans]


def is_url(item: str) -> bool:
    return "://" in item and not item.startswith("file://")


def expand(inputs: Sequence[str]) -> list[Source]:
    """Every input file, in the order `newsloom ingest` would read them."""
    sources: list[Source] = []
    for item in inputs:
        if not isinstance(item, str):
            raise TypeError(f"an input must be a str, got {type(item).__name__}")
        if item == STDIN:
            raise ConfigError(
                Msg.BAD_SETTING.format(name="inputs", expected="files, folders, globs or URLs "
                                       "(batch workers cannot read standard input)", value=item)
            )  # fmt: skip
        if is_url(item):
            sources.extend(_expand_url(item))
        elif _GLOB_CHARS & set(item) and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            # no match: the pattern itself is read, and becomes a not_found rejection
            sources.extend(s for m in matches or [item] for s in _expand_local(m))
        else:
            sources.extend(_expand_local(item))
    return sources


def _expand_local(item: str) -> Iterator[Source]:
    for found in iter_paths([item]):
        name = found.source if isinstance(found, Rejection) else str(found)
        try:
            info = os.stat(name)
            yield Source(name, size=info.st_size, stamp=str(info.st_mtime_ns))
        except OSError:
            yield Source(name)  # its reader rejects it with the reason


def _expand_url(url: str) -> Iterator[Source]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise ConfigError(
            Msg.BAD_SETTING.format(name="inputs", expected=f"a readable URL ({exc})", value=url)
        ) from exc
    protocol = url.split("://", 1)[0]
    if _GLOB_CHARS & set(path):
        paths = sorted(fs.glob(path))
    elif fs.isdir(path):
        paths = sorted(fs.find(path))
    else:
        paths = [path]
    for p in paths:
        if p.rsplit("/", 1)[-1].startswith("."):
            continue
        try:
            info = fs.info(p)
        except OSError:
            yield Source(f"{protocol}://{p}", remote=True)
            continue
        stamp = info.get("mtime") or info.get("LastModified") or info.get("ETag") or ""
        yield Source(f"{protocol}://{p}", remote=True, size=info.get("size"), stamp=str(stamp))


def spans(
    source: Source, count: int | None, partition_size: int, stored: Sequence[str] = ()
) -> list[Span]:
    """A source cut into spans of at most `partition_size` documents (one when not counted);
    `stored` names the file of each span when the source was split into files."""
    if count is None:
        return [Span(source)]
    if count <= partition_size and not stored:
        return [Span(source, 0, None, max(count, 1))]
    cuts = list(range(0, max(count, 1), partition_size))
    return [
        Span(source, start, None if start == cuts[-1] else start + partition_size,
             max(min(partition_size, count - start), 1), stored[k] if stored else None)
        for k, start in enumerate(cuts)
    ]  # fmt: skip


def plan(
    all_spans: Sequence[Span], partition_size: int, settings: Settings, overrides: object
) -> list[Partition]:
    """Spans packed in order into partitions of at most `partition_size` documents."""
    groups: list[list[Span]] = []
    weight = partition_size
    for span in all_spans:
        if weight + span.weight > partition_size:
            groups.append([])
            weight = 0
        groups[-1].append(span)
        weight += span.weight
    salt = json.dumps([repr(settings), repr(overrides)])
    return [
        Partition(i, stable_hash(json.dumps([salt, [asdict(s) for s in g]]), size=8), tuple(g))
        for i, g in enumerate(groups)
    ]
