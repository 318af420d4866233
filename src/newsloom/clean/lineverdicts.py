"""What a whole-page extractor says of each flattened line: features of the markup model.

trafilatura reads a page whole and is strong at taking furniture out; the line model is strong
at keeping article text. Given trafilatura's verdict as a feature of every line (is the line's
wording in its extraction, and how much of it: the line is matched on its lower-cased words,
since trafilatura cuts and joins blocks its own way), the trees learn when to trust it. The
extract stage runs trafilatura anyway, so the verdict costs only the matching.

jusText's class for the paragraph holding each line (good, bad, or in none) was tried beside
it: on the choose sites the model removed 0.907 of furniture at 0.97 of article lines kept
with both, 0.903 with trafilatura's alone (0.892 with neither; 0.882 at 0.98 kept either way),
and jusText costs about as much CPU per page as trafilatura itself. It was left out.

The verdicts ride on the line's `Block` (`Block.peers`, columns `PEER_COLUMNS`); `peer_cues`
turns them into cues of the word model and `peer_columns` into dense columns of the trees, with
their means over the line's neighbours (an extractor keeps or drops a run of lines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from newsloom.clean.linehtml import Block

__all__ = [
    "PEER_COLUMNS",
    "kept_in",
    "page_peers",
    "peer_columns",
    "peer_cues",
    "with_peers",
]

_TOKEN = re.compile(r"\w+")
PEER_COLUMNS = ("trafilatura_in", "trafilatura_share")
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


def page_peers(blocks: Sequence[Block], extracted: str) -> tuple[Block, ...]:
    """A page's flattened lines with trafilatura's verdicts on them (`extracted`: its text)."""
    return with_peers(blocks, kept_in([b.text for b in blocks], extracted))


def with_peers(blocks: Sequence[Block], verdicts: np.ndarray) -> tuple[Block, ...]:
    """The blocks with the extractors' verdicts on each line attached."""
    if len(blocks) != len(verdicts):
        raise ValueError(f"{len(verdicts)} verdicts for {len(blocks)} lines")
    return tuple(
        replace(b, peers=tuple(float(v) for v in row))
        for b, row in zip(blocks, verdicts, strict=True)
    )


def peer_cues(block: Block) -> list[str]:
    """Cue tokens of the verdicts on a line: whether trafilatura keeps it, and how much."""
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
    """Dense columns of the verdicts: each line's own, then the window means of trafilatura's
    share of the lines around it."""
    own = np.array([b.peers for b in blocks], dtype=float).reshape(len(blocks), len(PEER_COLUMNS))
    return np.column_stack([own, *(_window_mean(own[:, 1], w) for w in _WINDOWS)])


def peer_column_names() -> list[str]:
    """Names of `peer_columns`, in order."""
    return [*PEER_COLUMNS, *(f"w{width}:trafilatura" for width in _WINDOWS)]
