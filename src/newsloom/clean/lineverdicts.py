"""What whole-page extractors say of each flattened line: features of the markup model.

trafilatura and jusText read a page whole and are strong at taking furniture out; the line
model is strong at keeping article text. Given their verdicts as features of every line, the
trees learn when to trust each: trafilatura's (is the line's wording in its extraction? how much
of it?), jusText's (the class of the paragraph that holds the line: good, near-good, short,
bad). Both are matched on the line's words (lower-cased word tokens), since each extractor cuts
and joins blocks its own way.

The verdicts ride on the line's `Block` (`Block.peers`, columns `PEER_COLUMNS`); `peer_cues`
turns them into cues of the word model and `peer_columns` into dense columns of the trees, with
their means over the line's neighbours (an extractor keeps or drops a run of lines).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from newsloom.clean.linehtml import Block

__all__ = [
    "PEER_COLUMNS",
    "justext_classes",
    "justext_paragraphs",
    "kept_in",
    "peer_columns",
    "peer_cues",
    "page_peers",
    "peer_verdicts",
    "with_peers",
]

_TOKEN = re.compile(r"\w+")
#: jusText's paragraph classes (`none`: the line is in no paragraph it returned)
JUSTEXT_CLASSES = ("good", "neargood", "short", "bad", "none")
PEER_COLUMNS = (
    "trafilatura_in",
    "trafilatura_share",
    *(f"justext_{c}" for c in JUSTEXT_CLASSES),
)
#: neighbourhoods over which the verdicts are averaged
_WINDOWS = (2, 5)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _trigrams(tokens: list[str]) -> set[tuple[str, str, str]]:
    return set(zip(tokens, tokens[1:], tokens[2:], strict=False))


def kept_in(lines: Sequence[str], extracted: str) -> np.ndarray:
    """Two columns per line: is the line's wording inside `extracted` (an extractor's output)
    as a whole, and the share of its word trigrams that are (a line cut differently is still
    partly there). A line of fewer than three words has the first value as its share."""
    toks = _tokens(extracted)
    body = f" {' '.join(toks)} "
    grams = _trigrams(toks)
    out = np.zeros((len(lines), 2))
    for i, line in enumerate(lines):
        own = _tokens(line)
        if not own:
            continue
        inside = f" {' '.join(own)} " in body
        tri = list(zip(own, own[1:], own[2:], strict=False))
        share = sum(g in grams for g in tri) / len(tri) if tri else float(inside)
        out[i] = (inside, share)
    return out


def justext_classes(lines: Sequence[str], paragraphs: Sequence[tuple[str, str]]) -> list[str]:
    """The class jusText gave the paragraph holding each line (`paragraphs`: its (text, class)
    pairs in page order); lines are looked for in page order, so a line repeated in the menu
    and the article takes the paragraph that follows the previous line's."""
    keys = [" ".join(_tokens(text)) for text, _ in paragraphs]
    starts, pos = [], 1
    for key in keys:
        starts.append(pos)
        pos += len(key) + 1
    joined = " " + " ".join(keys) + " "
    out: list[str] = []
    cursor = 0
    for line in lines:
        own = " ".join(_tokens(line))
        if not own:
            out.append("none")
            continue
        at = joined.find(f" {own} ", cursor)
        if at < 0:
            at = joined.find(f" {own} ")
        if at < 0:
            out.append("none")
            continue
        cursor = at
        out.append(paragraphs[bisect.bisect_right(starts, at + 1) - 1][1])
    return out


def justext_paragraphs(markup: str) -> list[tuple[str, str]]:
    """jusText's paragraphs of a page (its English stop list) with their classes; none when it
    cannot read the page."""
    import justext
    from lxml import etree

    try:
        paragraphs = justext.justext(
            markup.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8"
        )
    except (etree.LxmlError, ValueError):
        return []
    return [(p.text, p.class_type) for p in paragraphs]


def peer_verdicts(
    lines: Sequence[str], extracted: str, paragraphs: Sequence[tuple[str, str]]
) -> np.ndarray:
    """The `PEER_COLUMNS` of every line: trafilatura's `extracted` text and jusText's classed
    `paragraphs` of the same page."""
    classes = justext_classes(lines, paragraphs)
    onehot = np.array([[c == k for k in JUSTEXT_CLASSES] for c in classes], dtype=float)
    return np.column_stack([kept_in(lines, extracted), onehot.reshape(len(lines), len(JUSTEXT_CLASSES))])


def page_peers(
    blocks: Sequence[Block], extracted: str, markup: str | None = None
) -> tuple[Block, ...]:
    """A page's flattened lines with the verdicts on them attached: trafilatura's `extracted`
    text and, given the page's `markup`, jusText's classes (read from the page; without it
    every line is in no jusText paragraph)."""
    paragraphs = justext_paragraphs(markup) if markup is not None else []
    return with_peers(blocks, peer_verdicts([b.text for b in blocks], extracted, paragraphs))


def with_peers(blocks: Sequence[Block], verdicts: np.ndarray) -> tuple[Block, ...]:
    """The blocks with the extractors' verdicts on each line attached."""
    if len(blocks) != len(verdicts):
        raise ValueError(f"{len(verdicts)} verdicts for {len(blocks)} lines")
    return tuple(
        replace(b, peers=tuple(float(v) for v in row))
        for b, row in zip(blocks, verdicts, strict=True)
    )


def peer_cues(block: Block) -> list[str]:
    """Cue tokens of the verdicts on a line: which extractors keep it, and jusText's class."""
    cues = []
    for name, value in zip(PEER_COLUMNS, block.peers, strict=False):
        if name.endswith("_share"):
            cues.append(f"p:{name}:{0 if value == 0 else 1 if value < 0.5 else 2}")
        elif value:
            cues.append(f"p:{name}")
    return cues


def _window_mean(col: np.ndarray, width: int) -> np.ndarray:
    padded = np.concatenate([np.zeros(width), col, np.zeros(width)])
    sums = np.cumsum(np.concatenate([[0.0], padded]))
    return (sums[2 * width + 1 :] - sums[: -2 * width - 1]) / (2 * width + 1)


def peer_columns(blocks: Sequence[Block]) -> np.ndarray:
    """Dense columns of the verdicts: each line's own, then the window means of the share of
    each extractor that keeps the lines around it."""
    own = np.array([b.peers for b in blocks], dtype=float).reshape(len(blocks), len(PEER_COLUMNS))
    kept = np.column_stack([own[:, 1], own[:, 2] + own[:, 3]])
    cols = [own] + [
        np.column_stack([_window_mean(kept[:, j], w) for j in range(kept.shape[1])])
        for w in _WINDOWS
    ]
    return np.column_stack(cols)


def peer_column_names() -> list[str]:
    names = list(PEER_COLUMNS)
    for width in _WINDOWS:
        names += [f"w{width}:trafilatura", f"w{width}:justext_good"]
    return names
