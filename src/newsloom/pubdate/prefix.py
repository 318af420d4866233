"""The scraper's metadata prefix: ` date YYYY-MM-DD` at the very start of a text.

Some scrapers write the date they recorded for a page in front of its text. It is not part of the
page, and it is the weakest dated source: used only when neither the page nor the URL dates the
article. The `clean` stage owns the parser (`newsloom.clean.prefix`); this module uses it when it
is installed and keeps an equivalent pattern otherwise, so `extract` and `published` never
depend on the order in which the packages were written.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from collections.abc import Callable

from newsloom.pubdate.parse import iso

_PREFIX = re.compile(r"^[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?!\d)")

PrefixParser = Callable[[str], tuple[str | None, int]]


def own_parse_metadata_prefix(text: str) -> tuple[str | None, int]:
    """(the prefix's date, the offset just after it), or (None, 0) when there is no prefix."""
    m = _PREFIX.match(text)
    if not m:
        return None, 0
    value = iso(int(m[1]), int(m[2]), int(m[3]))
    return (value, m.end()) if value else (None, 0)


@functools.cache
def _parser() -> PrefixParser:
    if importlib.util.find_spec("newsloom.clean.prefix") is None:
        return own_parse_metadata_prefix
    module = importlib.import_module("newsloom.clean.prefix")
    parser: PrefixParser = getattr(module, "parse_metadata_prefix", own_parse_metadata_prefix)
    return parser


def parse_metadata_prefix(text: str) -> tuple[str | None, int]:
    """The scraper prefix's date and where the prefix ends, or (None, 0)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_metadata_prefix takes a str, got {type(text).__name__}")
    return _parser()(text)
