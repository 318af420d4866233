"""An extractive summary of a story: sentences taken from its articles, never rewritten.

Candidates are the leading sentences of the story's articles (copies contribute one text, not
many). A sentence scores by how close it is to the story's centre (TF-IDF over the story's
candidate sentences: cheap enough for every story of a large corpus), how many independent
origins carry a sentence that says the same (the corroboration, which also makes the citations),
and how early it stands in its article. Sentences are picked greedily, skipping any that repeats
one already picked. Every citation is an article id with offsets into that article's text, where
`text[start:end]` is the cited sentence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from newsloom.article import Article
from newsloom.deadline import untimed
from newsloom.stories.model import Citation, Conflict, SummarySentence
from newsloom.stories.sources import independent

#: sentences of the summary
LENGTH = 4
#: leading sentences of each article that are candidates
LEAD_SENTENCES = 8
#: articles whose sentences are candidates (the ones closest to the story's centre)
MAX_ARTICLES = 12
#: two sentences this similar (TF-IDF cosine) say the same thing (a citation, or a repeat)
SAME = 0.6
_MIN_WORDS, _MAX_WORDS = 8, 70


@lru_cache(maxsize=1)
@untimed
def _sentencizer() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str, limit: int = LEAD_SENTENCES) -> list[tuple[int, int]]:
    """(start, end) offsets of the first `limit` sentences of `text` (one line at a time)."""
    out: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            doc = _sentencizer()(line)
            for sent in doc.sents:
                s = at + sent.start_char
                e = at + sent.end_char
                chunk = text[s:e]
                if chunk.strip():
                    s += len(chunk) - len(chunk.lstrip())
                    e -= len(chunk) - len(chunk.rstrip())
                    out.append((s, e))
                if len(out) >= limit:
                    return out
        at += len(line) + 1
    return out


def summarise(
    articles: Sequence[Article],
    origins: Mapping[str, str],
    conflicts: Sequence[Conflict] = (),
    copies_of: Mapping[str, str] | None = None,
) -> tuple[SummarySentence, ...]:
    copies_of = copies_of or {}
    candidates: list[tuple[Article, int, int, int]] = []
    for art in articles[:MAX_ARTICLES]:
        for pos, (s, e) in enumerate(sentences(art.text)):
            n_words = len(art.text[s:e].split())
            if _MIN_WORDS <= n_words <= _MAX_WORDS:
                candidates.append((art, s, e, pos))
    if not candidates:
        return ()
    vectors = _tfidf([a.text[s:e] for a, s, e, _ in candidates])
    centre = np.asarray(vectors.sum(axis=0)).ravel()
    centrality = vectors @ (centre / (np.linalg.norm(centre) or 1.0))
    similar = (vectors @ vectors.T).toarray()
    disputed_spans = {(c.article, c.start, c.end) for k in conflicts for c in k.claims}
    scored = []
    for i, (art, _s, _e, pos) in enumerate(candidates):
        backers = {art.id} | {candidates[j][0].id for j in np.flatnonzero(similar[i] >= SAME)}
        support = independent(backers, origins)
        score = float(centrality[i]) + 0.08 * math.log1p(support - 1) + 0.05 / (1 + pos)
        scored.append((score, i, backers))
    picked: list[int] = []
    for _score, i, _backers in sorted(scored, key=lambda x: (-x[0], x[1])):
        if len(picked) >= LENGTH:
            break
        art = candidates[i][0]
        if copies_of.get(art.id, art.id) != art.id and any(
            candidates[j][0].id == copies_of[art.id] for j in picked
        ):
            continue
        if any(similar[i, j] >= SAME for j in picked):
            continue
        picked.append(i)
    out = []
    for i in sorted(picked, key=lambda i: (candidates[i][3], candidates[i][0].id)):
        art, s, e, _ = candidates[i]
        evidence = [Citation(art.id, s, e)]
        for j in np.flatnonzero(similar[i] >= SAME):
            other = candidates[int(j)]
            if other[0].id not in {c.article for c in evidence}:
                evidence.append(Citation(other[0].id, other[1], other[2]))
        cited = tuple(sorted({c.article for c in evidence}))
        disputed = any(
            (c.article, cs, ce) in disputed_spans or _overlaps(c, disputed_spans)
            for c in evidence
            for cs, ce in [(c.start, c.end)]
        )
        out.append(
            SummarySentence(
                sentence=art.text[s:e],
                citations=cited,
                evidence=tuple(evidence),
                independent_sources=independent(cited, origins),
                disputed=disputed,
            )
        )
    return tuple(out)


def _tfidf(texts: list[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    except ValueError:  # nothing but stop words
        return TfidfVectorizer(sublinear_tf=True).fit_transform(texts)


def _overlaps(c: Citation, spans: set[tuple[str, int, int]]) -> bool:
    return any(a == c.article and s < c.end and c.start < e for a, s, e in spans)
