"""Signals for a whole corpus at once: embeddings in batches, TF-IDF and entity IDF over it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsloom.article import Article
from newsloom.stories.cluster import entity_idf
from newsloom.stories.signals import Signals, signals
from newsloom.stories.sketch import Terms


def corpus_signals(
    articles: Sequence[Article], embeddings: np.ndarray | None = None
) -> tuple[list[Signals], dict[str, float]]:
    """Each article's signals, its TF-IDF row set, and the corpus's entity IDF."""
    sigs = signals(articles, embeddings)
    if articles:
        vectorizer = TfidfVectorizer(
            stop_words="english", sublinear_tf=True, min_df=1, max_df=0.5 if len(articles) > 20
            else 1.0, token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b", dtype=np.float32,
        )  # fmt: skip
        try:
            rows = vectorizer.fit_transform([a.text for a in articles]).tocsr()
        except ValueError:  # every word is a stop word or too common
            rows = None
        if rows is not None:
            # each row as a `Terms` over the matrix's own arrays (no copy, no scipy object each)
            rows.sort_indices()
            at = rows.indptr
            sigs = [replace(s, words=Terms(rows.indices[at[i] : at[i + 1]],
                                           rows.data[at[i] : at[i + 1]]))
                    for i, s in enumerate(sigs)]  # fmt: skip
    return sigs, entity_idf([s.entities for s in sigs])
