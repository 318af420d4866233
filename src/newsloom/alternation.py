"""Word lists as regular-expression alternatives that cost little to scan with.

Python's `re` tries the branches of `a|b|c` one after another at every position of the text,
so a list of 100 month names in several languages is 100 attempts per word boundary. Written
as a prefix tree (`Ma(?:r(?:ch|zo)?|y|i)`), a position fails on its first letter. Prefix-sharing
words keep the longer one first, so the tree matches exactly what the same words joined longest
first match: at one position the words that fit are all prefixes of one another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def alternation(words: Iterable[str]) -> str:
    """A regex (no capturing group) matching any of `words`, longest first, as a prefix tree.

    >>> alternation(["Mar", "March", "May"])
    'Ma(?:r(?:ch)?|y)'
    """
    tree: dict[str, dict] = {}
    for word in words:
        if not isinstance(word, str):
            raise TypeError(f"words must be str, got {type(word).__name__}")
        if not word:
            raise ValueError("alternation of an empty word would match everywhere")
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not tree:
        raise ValueError("alternation needs at least one word")
    return _emit(tree)


def _emit(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _emit(node[char]) for char in sorted(node) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    # a word ends here and longer ones go on: try the longer ones first (greedy `?`)
    if len(branches) > 1 or len(body) == 1:
        return body + "?"
    return "(?:" + body + ")?"
