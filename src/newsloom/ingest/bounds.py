"""Bounds on one multi-document file (JSONL, WARC, ARC): documents read, rejections listed.

A feed is mostly articles. A file that yields millions of rejections (a gzip of ``{}`` rows
does, from a few megabytes) is not one: past `max_rejections_per_file` rejections, or
`max_rows_per_file` documents, the rest of the file is skipped and the skip is reported. Past
the first `LISTED` rejections of one reason in one file, the others are counted into one row
per reason, so that the store and the terminal get a line per kind of fault, not per row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsloom.article import Document
from newsloom.errors import Reason, Rejection
from newsloom.settings import Settings, over_limit

#: Rejections of one reason listed one by one per file before the rest are counted together.
LISTED = 20


@dataclass
class _Tally:
    first: str
    last: str
    count: int = 0


def bounded(
    items: Iterable[Document | Rejection], name: str, settings: Settings
) -> Iterator[Document | Rejection]:
    """`items` read from file `name`, within the file's bounds; counted rejections come last."""
    documents = rejected = 0
    listed: Counter[Reason] = Counter()
    tallies: dict[Reason, _Tally] = {}
    stopped: Rejection | None = None
    for item in items:
        if isinstance(item, Document):
            documents += 1
            yield item
            if documents >= settings.max_rows_per_file:
                found = f"the rest is not read: it holds more than {documents:,} documents"
                detail = over_limit(found, "max_rows_per_file", settings.max_rows_per_file)
                stopped = Rejection(name, Reason.TOO_LARGE, detail)
                break
            continue
        if item.source != name:  # a row or a record of the file, not the file itself
            rejected += item.count
        if listed[item.reason] < LISTED or item.source == name:
            listed[item.reason] += 1
            yield item
        else:
            tally = tallies.setdefault(item.reason, _Tally(item.source, item.source))
            tally.last = item.source
            tally.count += item.count
        if rejected >= settings.max_rejections_per_file:
            found = f"the rest is not read: {rejected:,} of its inputs were rejected"
            limit = settings.max_rejections_per_file
            stopped = Rejection(
                name, Reason.TOO_LARGE, over_limit(found, "max_rejections_per_file", limit)
            )
            break
    for reason, tally in tallies.items():
        yield Rejection(_span(name, tally.first, tally.last), reason, count=tally.count)
    if stopped is not None:
        yield stopped


def _span(name: str, first: str, last: str) -> str:
    """``feed.jsonl:21-9000`` for rows 21 to 9000 of one file."""
    prefix = f"{name}:"
    if first.startswith(prefix) and last.startswith(prefix):
        return f"{prefix}{first[len(prefix):]}-{last[len(prefix):]}"
    return f"{first} .. {last}"
