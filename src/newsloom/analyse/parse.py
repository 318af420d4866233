"""The spaCy parse of an article, kept as a light, picklable structure.

The `nlp` stage runs spaCy once per article and stores the result on `Article.parse` as a
`Parse`: plain tuples of tokens, sentences and entity spans with character offsets into the
clean text. Later stages (entities, quotes, and the date and event stages to come) read it
instead of parsing again.

Why not keep the spaCy `Doc`: a `Doc` needs its `Vocab` to be pickled or rebuilt, and batch
workers pickle articles; a per-process cache keyed by article id would make a stage's result
depend on what else ran in the same process. A `Parse` is data: it travels with the article,
pickles in a few kilobytes, and is left out of `Article.to_dict` and of article equality.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, NamedTuple

from newsloom.clean.lines import dateline_length
from newsloom.deadline import untimed
from newsloom.pipeline import Context

#: The spaCy components the analysis reads: POS tags and lemmas for cue verbs, the dependency
#: parse for "X said" / "said X" and sentences, NER for speakers. All of the shipped pipeline.
MODEL_RESOURCE = "analyse.spacy"


class Token(NamedTuple):
    """One token: character offsets into the text, and its tags and dependency arc.

    A named tuple rather than a dataclass: an article has hundreds of tokens, and building
    them must cost little next to the parse itself.
    """

    i: int
    start: int
    end: int
    text: str
    #: lower-cased lemma
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    #: first and last token index of the token's subtree (spaCy's left_edge / right_edge)
    left: int
    right: int
    #: index of the sentence in `Parse.sents`
    sent: int
    #: entity label ("PERSON", "ORG", ...) or ""
    ent: str
    #: the text lower-cased: read for most tokens by several stages, so computed once
    lower: str


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named-entity span in token indices [first, stop) and characters [start, end)."""

    first: int
    stop: int
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Parse:
    """Tokens, sentences (token ranges) and entity spans of one text."""

    text: str
    tokens: tuple[Token, ...]
    #: (first token, stop token) of each sentence
    sents: tuple[tuple[int, int], ...]
    ents: tuple[EntitySpan, ...]
    #: children token indices of each token, in order
    children: tuple[tuple[int, ...], ...]

    def __len__(self) -> int:
        return len(self.tokens)

    def sentence_of(self, i: int) -> tuple[int, int]:
        return self.sents[self.tokens[i].sent]

    def span_text(self, first: int, stop: int) -> str:
        """The text of tokens [first, stop), as written."""
        if first >= stop:
            return ""
        return self.text[self.tokens[first].start : self.tokens[stop - 1].end]

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        while self.tokens[i].head != i:
            i = self.tokens[i].head
            if i in seen:  # a cycle cannot come from spaCy, but never loop on bad data
                return
            seen.add(i)
            yield i

    def token_at(self, offset: int) -> int | None:
        """Index of the token that covers or follows character `offset`, or None past the end."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens that lie inside characters [start, end)."""
        first = self.token_at(start)
        if first is None:
            return range(0)
        stop = first
        while stop < len(self.tokens) and self.tokens[stop].end <= end:
            stop += 1
        while first < stop and self.tokens[first].start < start:
            first += 1
        return range(first, stop)


#: our spaCy component that starts a sentence after every line break
PARAGRAPH_COMPONENT = "newsloom_line_starts"
#: abbreviated titles and ranks the tokenizer would otherwise split from their dot, and the
#: parser then take for the end of a sentence ("Pres. Trump", "said Maj. Anna Berg", "Lt. Col.
#: Mark Olsen", "Navy Capt. John Reyes"): civil, military, police and church titles
TITLE_ABBREVIATIONS = (
    "Pres.", "Sen.", "Rep.", "Gov.", "Amb.", "Sec.", "Supt.", "Insp.", "Cllr.", "Atty.",
    "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Cdr.", "Adm.", "Brig.", "Gen.", "Sgt.", "Cpl.",
    "Pvt.", "Spc.", "Det.", "Lt.Col.", "Msgr.", "Rev.", "Hon.",
)  # fmt: skip


@lru_cache(maxsize=1)
def _title_keys() -> frozenset[int]:
    """The titles as spaCy string keys (a hash of the text, the same in every vocabulary)."""
    from spacy.strings import hash_string

    return frozenset(hash_string(title) for title in TITLE_ABBREVIATIONS)


def head_of(parse: Parse, first: int, stop: int) -> int:
    """The token of [first, stop) whose head lies outside the span (the last one if several)."""
    head = stop - 1
    for i in range(first, stop):
        h = parse.tokens[i].head
        if h < first or h >= stop or h == i:
            head = i
    return head


def without_descriptors(parse: Parse, run: list[int]) -> list[int]:
    """A noun phrase's run of tokens without the lower-case words that describe a named body
    before its name ("the official IRNA news agency", "the state-run Press TV", "the
    nonpartisan Congressional Budget Office"): they say what kind of body it is, and are no
    part of what it is called.

    Words joined by a hyphen are weighed together ("state-run", "Al-Jazeera"); a run with no
    capitalised word ("local media") is left whole."""
    toks = parse.tokens
    groups: list[list[int]] = []
    for i in run:
        if groups and toks[groups[-1][-1]].end == toks[i].start:
            groups[-1].append(i)
        else:
            groups.append([i])

    def described(group: list[int]) -> bool:
        words = [toks[i].text for i in group if toks[i].text[:1].isalpha()]
        return not words or any(w[:1].islower() for w in words)

    first = 0
    while first < len(groups) - 1 and described(groups[first]):
        first += 1
    if first == 0 or all(described(g) for g in groups[first:]):
        return run
    return [i for g in groups[first:] for i in g]


def _line_starts(doc: Any) -> Any:
    """A line break ends a sentence: news paragraphs and headlines are lines; a title or rank
    before a name ends none; a wire dateline opening a line ends one.

    Without this the parser joins the end of one paragraph to the next one's start and takes
    a word of the previous quote for the subject of the next "X told MPs"; and it takes the
    dateline's place for the subject of the lead ("NAIROBI (Reuters) - Kenya's health
    minister, Grace Wanjiru, said ...": Nairobi said it, the minister its apposition).
    """
    from spacy.attrs import IS_SPACE, IS_STOP, IS_TITLE, ORTH

    n = len(doc)
    if n < 2:
        return doc
    strings = doc.vocab.strings
    titles = _title_keys()
    # whole columns rather than one spaCy Token object per token: this runs on every article
    orth, space, title, stop = doc.to_array([ORTH, IS_SPACE, IS_TITLE, IS_STOP]).T.tolist()
    _after_dateline(doc, 0)
    for i in range(n - 1):
        if space[i]:
            if "\n" in strings[orth[i]]:
                doc[i + 1].is_sent_start = True
                _after_dateline(doc, i + 1)
        elif orth[i] in titles and title[i + 1] and not stop[i + 1]:
            doc[i + 1].is_sent_start = False  # "Maj. Anna Berg": a rank ends no sentence
    return doc


def _after_dateline(doc: Any, i: int) -> None:
    """Start a sentence after the wire dateline that opens the line at token `i`, if any
    ("MOSCOW, May 4 (Reuters) - ", "KYIV (AP) — "): the dateline says where the story was
    filed, and is no part of the lead's first clause."""
    if doc[i].text[:1].islower():
        return  # most lines: no dateline is lower case, so skip the regular expression
    start = doc[i].idx
    length = dateline_length(doc.text[start : start + 80])
    if not length:
        return
    for j in range(i + 1, len(doc)):
        if doc[j].idx >= start + length:
            doc[j].is_sent_start = True
            return


@lru_cache(maxsize=2)
@untimed
def load_model(name: str) -> Any:
    """Load the spaCy pipeline package (installed from PyPI, no download at run time), once per
    process: every pipeline and context of the process reads the same one."""
    import spacy
    from spacy.attrs import ORTH
    from spacy.language import Language

    from newsloom.analyse.attribute_rules import use_attribute_rules
    from newsloom.analyse.lemmas import use_remembered_lemmas

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=_line_starts)
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    use_attribute_rules(nlp)
    use_remembered_lemmas(nlp)
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


def model(ctx: Context) -> Any:
    """The spaCy pipeline of this context, loaded once per process."""
    name = ctx.settings.spacy_model
    return ctx.resource(f"{MODEL_RESOURCE}:{name}", lambda: load_model(name))


#: a Token from its fields in order, built in C: `Token(...)` runs the named tuple's own
#: Python `__new__`, and an article has hundreds of tokens
_make_token = partial(tuple.__new__, Token)


class _Names:
    """The text of spaCy string keys, remembered across articles: most of the lemmas, tags and
    arcs of an article were met in earlier ones. A key is a hash of its text, the same in every
    vocabulary. Past `limit` keys the memory starts again, in new dictionaries, so a caller
    still holding the old ones reads a whole table."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self._start()

    def _start(self) -> None:
        self.text: dict[int, str] = {0: ""}
        self.lower: dict[int, str] = {0: ""}

    def of(self, strings: Any, keys: set[int]) -> tuple[dict[int, str], dict[int, str]]:
        """(text, lower-cased text) of every key in `keys`, 0 being the empty string."""
        missing = keys.difference(self.text)
        if missing and len(self.text) + len(missing) > self.limit:
            self._start()
            missing = keys.difference(self.text)
        text, lower = self.text, self.lower
        for key in missing:
            value = strings[key]
            text[key] = value
            lower[key] = value.lower()
        return text, lower


_NAMES = _Names()


def from_doc(doc: Any, text: str | None = None) -> Parse:
    """Copy what the analysis needs out of a spaCy `Doc`: whole columns at a time, with no
    per-token spaCy objects (this runs once per article, beside the parse itself).

    `text` is the text the `Doc` was made from, when the caller has it: spaCy's tokenizer
    loses no character, so it equals `doc.text`, which spaCy rebuilds token by token.
    """
    import numpy as np
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, POS, SENT_START, TAG

    if text is None:
        text = doc.text
    n = len(doc)
    if not n:
        return Parse(text, (), (), (), ())
    columns = doc.to_array([IDX, LENGTH, HEAD, LEMMA, POS, TAG, DEP, ENT_TYPE, SENT_START])
    idx, _, _, lemma, pos, tag, dep, ent, sent_start = columns.T.tolist()
    ends = (columns[:, 0] + columns[:, 1]).tolist()
    # HEAD is the offset to the head, signed, read back as unsigned: the cast restores the sign
    heads = (np.arange(n) + columns[:, 2].astype(np.int64)).tolist()
    children: list[list[int]] = [[] for _ in range(n)]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    left, right = _edges(heads, children)
    # sentences: spaCy starts one at every token marked 1, and always at the first token
    starts = [0, *(i for i in range(1, n) if sent_start[i] == 1)]
    sents = tuple(zip(starts, [*starts[1:], n], strict=True))
    sent_index = [0] * n
    for k, (first, stop) in enumerate(sents):
        sent_index[first:stop] = [k] * (stop - first)
    names, lowered = _NAMES.of(doc.vocab.strings, {*lemma, *pos, *tag, *dep, *ent})
    words = [text[s:e] for s, e in zip(idx, ends, strict=True)]
    tokens = tuple(
        map(
            _make_token,
            zip(
                range(n),
                idx,
                ends,
                words,
                [lowered[key] for key in lemma],
                [names[key] for key in pos],
                [names[key] for key in tag],
                [names[key] for key in dep],
                heads,
                left,
                right,
                sent_index,
                [names[key] for key in ent],
                [word.lower() for word in words],
                strict=True,
            ),
        )
    )
    ents = tuple(EntitySpan(e.start, e.end, e.start_char, e.end_char, e.label_) for e in doc.ents)
    return Parse(text, tokens, sents, ents, tuple(map(tuple, children)))


def _edges(heads: list[int], children: list[list[int]]) -> tuple[list[int], list[int]]:
    """First and last token of each token's subtree, from the head and the children of every
    token: each token widens its head's edges after its own children widened its own, so the
    tokens are visited from the roots down (breadth first) and then in reverse. A token on a
    cycle, which spaCy never makes, keeps itself as both edges."""
    n = len(heads)
    order = [i for i in range(n) if heads[i] == i]
    for node in order:  # grows as it goes: each token's children join the queue
        order.extend(children[node])
    left = list(range(n))
    right = list(range(n))
    for node in reversed(order):
        h = heads[node]
        if h != node:
            if left[node] < left[h]:
                left[h] = left[node]
            if right[node] > right[h]:
                right[h] = right[node]
    return left, right


def parse_text(text: str, ctx: Context) -> Parse:
    """Parse one text with the context's model."""
    return from_doc(model(ctx)(text))


def parse_texts(
    texts: Iterable[str], ctx: Context, *, batch_size: int | None = None
) -> Iterator[Parse]:
    """Parse many texts with `nlp.pipe` (faster than one call per text); same results.
    `batch_size` defaults to the settings' (one pipeline batch is one spaCy batch)."""
    size = batch_size or ctx.settings.batch_size
    texts = list(texts)
    for text, doc in zip(texts, model(ctx).pipe(texts, batch_size=size), strict=True):
        yield from_doc(doc, text)
