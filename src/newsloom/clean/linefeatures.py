"""What the boilerplate line model looks at, for every line of a page at once.

Two kinds of input: the line's words (hashed word uni- and bigrams: vocabulary is learned, not
listed) and *cues*, short tokens that describe the line's shape and place ("len:3", "end:.",
"stop:2", "run:in", "rule:caption", "prev_len:0"), hashed too. Cues are binned so a linear
model can learn thresholds; a few are crossed (length with final punctuation) because furniture
is short *and* unpunctuated. Neighbours' cues are added with a prefix: furniture comes in runs.

The stop-word density is jusText's: the share of a line's words that are function words of the
page's language, whose list is picked per page from jusText's stop lists (the page's best fit),
so a Spanish page is not all "no stop words".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from newsloom.deadline import untimed

__all__ = [
    "FEATURE_BITS",
    "WORD_BITS",
    "LineCounts",
    "PageWords",
    "page_cues",
    "page_stoplist",
    "page_words",
    "row_text",
    "stop_density_lists",
]

#: Hash widths of the two inputs (2^n columns each).
WORD_BITS = 18
FEATURE_BITS = 16

_WORD = re.compile(r"\w+", re.UNICODE)
_TERMINAL = ".!?…"
_SENTENCE_BREAK = re.compile(r"[a-z0-9][.!?][\"”’]? [A-Z]")
_CLOSERS = "\"'”’“‘)]»"
# Languages whose jusText stop lists are tried per page (the most common on news pages).
_LANGUAGES = [
    "English",
    "Spanish",
    "French",
    "German",
    "Italian",
    "Portuguese",
    "Dutch",
    "Slovenian",
    "Swedish",
    "Danish",
    "Norwegian_Bokmal",
    "Polish",
    "Czech",
    "Romanian",
    "Catalan",
    "Indonesian",
    "Turkish",
    "Finnish",
    "Croatian",
    "Russian",
    "Hungarian",
    "Slovak",
]
# lines that look like prose: enough words and function words (jusText's "good" paragraph)
_PROSE_WORDS = 10
_PROSE_STOP = 0.25
# neighbours whose cues a line sees
_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=1)
@untimed
def stop_density_lists() -> tuple[frozenset[str], ...]:
    """jusText's stop lists for the languages tried (loaded once per process)."""
    import justext

    out = []
    for name in _LANGUAGES:
        try:
            out.append(frozenset(w.lower() for w in justext.get_stoplist(name)))
        except ValueError:
            continue
    return tuple(out)


@lru_cache(maxsize=1)
@untimed
def _stop_lists_of() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """Every stop word of the lists tried, and which lists hold it."""
    where: dict[str, list[int]] = {}
    for i, stops in enumerate(stop_density_lists()):
        for word in stops:
            where.setdefault(word, []).append(i)
    return frozenset(where), {w: tuple(at) for w, at in where.items()}


def page_stoplist(tokens: Sequence[Sequence[str]]) -> frozenset[str]:
    """The stop list that covers most of the page's words (the first such list on a tie)."""
    words = Counter([w for toks in tokens for w in toks][:3000])
    lists = stop_density_lists()
    if not words:
        return lists[0]
    # one C-level intersection with all lists' words, then a page's few stop words counted
    known, where = _stop_lists_of()
    covered = [0] * len(lists)
    for word in known.intersection(words):
        count = words[word]
        for i in where[word]:
            covered[i] += count
    return lists[max(range(len(lists)), key=covered.__getitem__)]


def _bin(value: float, edges: Sequence[float]) -> int:
    for i, edge in enumerate(edges):
        if value < edge:
            return i
    return len(edges)


class LineCounts(NamedTuple):
    """What both feature sets count in a line, counted once (`page_words`)."""

    letters: int
    upper: int
    digits: int
    alnum: int
    space: int
    stops: int
    caps: int
    sentences: int


def _counts(line: str, toks: Sequence[str], stops: frozenset[str]) -> LineCounts:
    # counted by C-level maps: a page has paragraphs of thousands of characters
    return LineCounts(
        sum(map(str.isalpha, line)),
        sum(map(str.isupper, line)),
        sum(map(str.isdigit, line)),
        sum(map(str.isalnum, line)),
        sum(map(str.isspace, line)),
        sum(t.lower() in stops for t in toks),
        sum(1 for t in toks if t[:1].isupper()),
        len(_SENTENCE_BREAK.findall(line)),
    )


def _shape(line: str, toks: Sequence[str], counts: LineCounts) -> dict[str, str]:
    """The binned shape of one line."""
    n = len(toks)
    stripped = line.rstrip().rstrip(_CLOSERS)
    last = stripped[-1:] if stripped else ""
    end = "term" if last and last in _TERMINAL else (last if last in ",:;|-»>" else "none")
    letters = counts.letters
    upper = counts.upper / letters if letters else 0.0
    caps = counts.caps / n if n else 0.0
    digits = counts.digits / len(line) if line else 0.0
    stop = counts.stops / n if n else 0.0
    return {
        "len": str(_bin(n, (2, 3, 5, 8, 12, 20, 35, 60))),
        "end": end,
        "stop": str(_bin(stop, (0.01, 0.1, 0.2, 0.3, 0.4))),
        "caps": str(_bin(caps, (0.2, 0.5, 0.8, 0.99))),
        "upper": str(_bin(upper, (0.3, 0.7))),
        "digit": str(_bin(digits, (0.01, 0.1, 0.3))),
        "pipe": str(min(line.count("|") + line.count("·") + line.count("•"), 3)),
        "start": "cap" if line[:1].isupper() else ("low" if line[:1].islower() else "other"),
        "sents": str(min(counts.sentences, 3)),
    }


def _densest_run(prose: Sequence[bool]) -> tuple[int, int]:
    """The span of lines with the most prose lines net of non-prose ones (max subarray)."""
    best, best_span, score, start = -1.0, (0, 0), 0.0, 0
    for i, is_prose in enumerate(prose):
        if score <= 0:
            score, start = 0.0, i
        score += 1.0 if is_prose else -0.5
        if score > best:
            best, best_span = score, (start, i + 1)
    return best_span


#: A page's words, line by line, the stop list that fits them and each line's counts
#: (`page_words`).
PageWords = tuple[list[list[str]], frozenset[str], list[LineCounts]]


def page_words(lines: Sequence[str]) -> PageWords:
    """Every line's words, the page's stop list and the lines' counts: both feature sets read
    them, once."""
    tokens = [_WORD.findall(line) for line in lines]
    stops = page_stoplist(tokens)
    counts = [_counts(line, toks, stops) for line, toks in zip(lines, tokens, strict=True)]
    return tokens, stops, counts


def page_cues(
    lines: Sequence[str], rules: Sequence[str | None], words: PageWords | None = None
) -> list[list[str]]:
    """The cue tokens of every line of a page (`rules`: the hand rules' reason per line;
    `words`: `page_words(lines)`, when the caller has it)."""
    tokens, _, counts = words if words is not None else page_words(lines)
    shapes = [_shape(x, t, c) for x, t, c in zip(lines, tokens, counts, strict=True)]
    prose = [
        len(toks) >= _PROSE_WORDS and int(s["stop"]) >= 3
        for toks, s in zip(tokens, shapes, strict=True)
    ]
    lo, hi = _densest_run(prose)
    n = len(lines)
    seen: dict[str, int] = {}
    for line in lines:
        seen[line] = seen.get(line, 0) + 1
    out = []
    for i, shape in enumerate(shapes):
        cues = [f"{k}:{v}" for k, v in shape.items()]
        cues.append(f"len_end:{shape['len']}_{shape['end']}")
        cues.append(f"len_stop:{shape['len']}_{shape['stop']}")
        cues.append(f"rule:{rules[i]}")
        cues.append(f"prose:{prose[i]}")
        dist = lo - i if i < lo else (i - hi + 1 if i >= hi else 0)
        where = "in" if dist == 0 else ("before" if i < lo else "after")
        cues.append(f"run:{where}_{_bin(dist, (1, 2, 4, 8, 16, 40))}")
        cues.append(f"pos:{_bin(i / max(n, 1), (0.1, 0.3, 0.7, 0.9))}")
        cues.append(f"page:{_bin(math.log1p(n), (2, 3, 4, 5))}")
        cues.append(f"repeat:{min(seen[lines[i]], 3)}")
        for off in _OFFSETS:
            j = i + off
            if 0 <= j < n:
                s = shapes[j]
                cues += [f"{off}len:{s['len']}", f"{off}end:{s['end']}", f"{off}stop:{s['stop']}"]
                cues.append(f"{off}len_end:{s['len']}_{s['end']}")
                cues.append(f"{off}rule:{rules[j]}")
            else:
                cues.append(f"{off}edge")
        out.append(cues)
    return out


def row_text(text: str) -> str:
    """A table row as its cells' text ("| Kingdom | Animalia |" -> "Kingdom Animalia"): the
    model learned from pages where each cell is a line of its own, and layout tables hold
    whole articles. A row of empty cells stays as it is (a rule knows it)."""
    if len(text) < 2 or text[0] != "|" or text[-1] != "|":
        return text
    cells = " ".join(c.strip() for c in text[1:-1].split("|") if c.strip())
    return cells or text
