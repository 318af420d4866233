"""A page's HTML, flattened into the lines a scraper delivers, each with the markup around it.

When there is HTML, the markup tells what the words of a line cannot: a line that is all link
text is a menu item or a teaser, a line inside an element whose class says "comment",
"sidebar" or "share" is page furniture whatever it says, and an article's paragraphs are
siblings in one container that holds most of the page's prose. `flatten_blocks` walks the tree
once and keeps, for every line, the share of its characters inside links, the enclosing tags,
the words of the enclosing elements' class and id attributes, and which elements enclose it
(`Block`). The line model hashes the tags and the class words (their vocabulary is learned from
the pages, not listed) and measures the containers (`html_cues`, `html_columns`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from lxml import etree, html

from newsloom.clean.lines import wordset

__all__ = [
    "HTML_COLUMNS",
    "Block",
    "flatten_blocks",
    "html_columns",
    "html_cues",
]

_BLOCK = wordset(
    """address article aside blockquote body br center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p pre section
    summary table tbody td tfoot th thead tr ul option select button label caption legend
    noscript"""
)
_SKIP = wordset("script style template head svg iframe object embed math")
_SPACE = re.compile(r"\s+")
# class and id values are written "comment-list", "commentList", "comment_list_2"
_ATTR_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
#: Enclosing elements kept per line (nearest first), and class words per element.
_DEPTH = 12
_WORDS_PER_ELEMENT = 6
#: Ancestor levels whose line groups are measured (the paragraph's parent, grandparent, ...).
_LEVELS = (1, 2, 3, 4)
_HEADINGS = wordset("h1 h2 h3 h4 h5 h6")
_FURNITURE_TAGS = wordset("nav header footer aside")
_FORM_TAGS = wordset("form button label select option input textarea")
# the tag groups a line is inside of, one column each
_TAG_GROUPS = (
    ("a", frozenset({"a"})),
    ("li", frozenset({"li", "dd", "dt"})),
    ("heading", _HEADINGS),
    ("p", frozenset({"p"})),
    ("td", frozenset({"td", "th"})),
    ("form", _FORM_TAGS),
    ("furniture", _FURNITURE_TAGS),
    ("figure", frozenset({"figure", "figcaption", "caption"})),
    ("quote", frozenset({"blockquote"})),
    ("article", frozenset({"article", "main"})),
    ("small", frozenset({"small", "time", "sup", "sub"})),
)
HTML_COLUMNS = (
    "link",
    "depth",
    *(f"in_{name}" for name, _ in _TAG_GROUPS),
    *(f"up{k}_{m}" for k in _LEVELS for m in ("lines", "prose", "prose_words", "main")),
)


@dataclass(frozen=True, slots=True)
class Block:
    """One flattened line and the markup around its first words."""

    text: str
    #: share of the line's non-space characters inside links
    link: float
    #: enclosing tags, nearest first
    tags: tuple[str, ...]
    #: words of the enclosing elements' class and id attributes, nearest element first
    words: tuple[str, ...]
    #: the class words of the nearest enclosing element that has any
    near: tuple[str, ...]
    #: document-order numbers of the enclosing elements, nearest first
    parents: tuple[int, ...]
    #: what whole-page extractors say of the line (`lineverdicts.PEER_COLUMNS`), when known
    peers: tuple[float, ...] = ()


def _attr_words(el: etree._Element) -> tuple[str, ...]:
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return ()
    return _value_words(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=32768)
def _value_words(value: str) -> tuple[str, ...]:
    """The words of a class and id value (a site repeats the same few values on every item)."""
    if not value.strip():
        return ()
    out: list[str] = []
    for word in _ATTR_WORD.findall(value):
        word = sys.intern(word.lower())
        if len(word) > 1 and word not in out:
            out.append(word)
            if len(out) >= _WORDS_PER_ELEMENT:
                break
    return tuple(out)


def _visible(text: str) -> int:
    """Characters of `text` that are not white space (`str.split` drops exactly those)."""
    return len("".join(text.split()))


def flatten_blocks(markup: str | etree._Element) -> list[Block]:
    """The visible text of a page, one line per block element, with the markup around it
    (`markup`: the page, or its tree parsed already; the tree is only read)."""
    if isinstance(markup, str):
        try:
            root = html.fromstring(markup)
        except (etree.ParserError, ValueError):
            return []
    else:
        root = markup
    blocks: list[Block] = []
    buf: list[str] = []
    linked = [0]
    first: list[tuple[tuple[str, int, tuple[str, ...]], ...]] = []
    stack: list[tuple[str, int, tuple[str, ...]]] = []
    number = [0]

    def add(text: str | None, in_link: bool) -> None:
        if not text:
            return
        if not first and not text.isspace():
            first.append(tuple(stack[-_DEPTH:]))
        buf.append(text)
        if in_link:
            linked[0] += _visible(text)

    def flush() -> None:
        if not buf:
            first.clear()
            linked[0] = 0
            return
        text = _SPACE.sub(" ", "".join(buf)).strip()
        if text:
            frames = first[0][::-1] if first else ()
            tags, numbers, attrs = zip(*frames, strict=True) if frames else ((), (), ())
            words: list[str] = []
            near: tuple[str, ...] = ()
            for attr in attrs:
                if not attr:
                    continue
                if not near:
                    near = attr
                words += [w for w in attr if w not in words]
            blocks.append(
                Block(
                    text,
                    min(linked[0] / max(_visible(text), 1), 1.0),
                    tags,
                    tuple(words[: 4 * _WORDS_PER_ELEMENT]),
                    near,
                    numbers,
                )
            )
        buf.clear()
        first.clear()
        linked[0] = 0

    def walk(el: etree._Element, in_link: bool) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            tag = ""  # a comment or a processing instruction
        if tag in _SKIP or not tag:
            add(el.tail, in_link)
            return
        block = tag in _BLOCK
        if block:
            flush()
        number[0] += 1
        stack.append((sys.intern(tag), number[0], _attr_words(el)))
        inside = in_link or tag == "a"
        add(el.text, inside)
        for child in el:
            walk(child, inside)
        stack.pop()
        if block:
            flush()
        add(el.tail, in_link)

    body = root.find("body")
    walk(body if body is not None else root, False)
    flush()
    return blocks


def html_cues(block: Block) -> list[str]:
    """Hashed cue tokens of a line's markup: its tags, its containers' class and id words,
    how much of it is link text."""
    cues = [f"h:tag:{block.tags[0]}" if block.tags else "h:tag:none"]
    cues += [f"h:in:{tag}" for tag in dict.fromkeys(block.tags)]
    cues += [f"h:cls:{word}" for word in block.words]
    cues += [f"h:near:{word}" for word in block.near]
    link = block.link
    cues.append(f"h:link:{0 if link == 0 else 1 if link < 0.5 else 2 if link < 0.99 else 3}")
    return cues


def html_columns(blocks: Sequence[Block], prose: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Dense columns of a page's lines from their markup (`HTML_COLUMNS`): link share, depth,
    the tag groups a line is in, and, for each of its enclosing elements a few levels up, how
    many lines that element holds, how much of the page's prose, and whether no element at
    that level holds more (an article's paragraphs share a parent that holds most of the
    prose; a menu's items share one that holds none)."""
    n = len(blocks)
    own = np.array(
        [
            [b.link, len(b.tags), *(not group.isdisjoint(b.tags) for _, group in _TAG_GROUPS)]
            for b in blocks
        ],
        dtype=float,
    ).reshape(n, 2 + len(_TAG_GROUPS))
    prose_words = words * prose
    total_prose = max(float(prose_words.sum()), 1.0)
    cols = [own]
    for level in _LEVELS:
        # a line with fewer enclosing elements is a group of its own (negative keys)
        keys = [
            b.parents[level - 1] if len(b.parents) >= level else -i - 1
            for i, b in enumerate(blocks)
        ]
        _, group = np.unique(np.array(keys), return_inverse=True)
        count = np.bincount(group)
        share = np.bincount(group, weights=prose) / count
        mass = np.bincount(group, weights=prose_words) / total_prose
        main = (mass[group] == mass.max()) & (mass[group] > 0)
        cols.append(np.column_stack([np.log1p(count[group]), share[group], mass[group], main]))
    return np.column_stack(cols).astype(float)
