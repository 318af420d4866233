"""The type of the `quotes_of` fixture (conftest.py), named once for the test modules."""

from __future__ import annotations

from collections.abc import Callable

from newsloom.article import Quote

#: `quotes_of(text, year=None)`: the quotes of a text, attributed.
QuotesOf = Callable[..., tuple[Quote, ...]]
