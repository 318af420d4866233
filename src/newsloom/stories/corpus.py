"""Signals for a whole corpus at once: embeddings in batches, TF-IDF, and the IDF of entity
names and of name stems over it (one table: stems are keyed with `NAME_KEY` before them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

import newsloom.stories.signals as _signals
from newsloom.article import Article
from newsloom.stories.cluster import NAME_KEY, entity_idf
from newsloom.stories.signals import Signals, signals
from newsloom.stories.sketch import Terms


def corpus_signals(
    articles: Sequence[Article], embeddings: np.ndarray | None = None, *, names: bool | None = None
) -> tuple[list[Signals], dict[str, float]]:
    """Each article's signals, its TF-IDF row set, and the corpus's entity IDF. Name stems are
    kept (`names` None) only when the corpus holds two languages or more: nothing else reads
    them."""
    if names is None:
        names = len({a.lang for a in articles if a.lang}) > 1
    sigs = signals(articles, embeddings, names=names)
    if articles:
        vectorizer = TfidfVectorizer(
            stop_words="english", sublinear_tf=True, min_df=1, max_df=0.5 if len(articles) > 20
            else 1.0, token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b", dtype=np.float32,
        )  # fmt: skip
        try:
            texts = [a.text[: _signals.READ_CHARS] for a in articles]
            rows = vectorizer.fit_transform(texts).tocsr()
        except ValueError:  # every word is a stop word or too common
            rows = None
        if rows is not None:
            # each row as a `Terms` over the matrix's own arrays (no copy, no scipy object each)
            rows.sort_indices()
            at = rows.indptr
            sigs = [replace(s, words=Terms(rows.indices[at[i] : at[i + 1]],
                                           rows.data[at[i] : at[i + 1]]))
                    for i, s in enumerate(sigs)]  # fmt: skip
    idf = entity_idf([s.entities for s in sigs])
    idf.update((NAME_KEY + k, v) for k, v in entity_idf([s.names for s in sigs]).items())
    return sigs, idf
