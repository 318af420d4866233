"""A story's bounded summaries: exact below their limits, bounded above them."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
import scipy.sparse as sp

from newsloom.stories.sketch import (
    MAX_NAMES,
    MAX_TERMS,
    Terms,
    distinct_rows,
    name_norm,
    prune_names,
)


def _row(rng: np.random.Generator, width: int = 400, density: float = 0.05) -> sp.csr_matrix:
    seed = int(rng.integers(1e9))
    return sp.random(1, width, density=density, format="csr", random_state=seed, dtype=np.float32)


def test_terms_sum_and_cosine_equal_scipy_arithmetic() -> None:
    rng = np.random.default_rng(3)
    for _ in range(100):
        a, b = _row(rng), _row(rng)
        b = b + a if rng.random() < 0.5 else b  # shared words, as a story's sum has
        c = _row(rng)
        expected = (a + c).multiply(b).sum() / np.sqrt(
            (a + c).multiply(a + c).sum() * b.multiply(b).sum()
        )
        summed = Terms.of(a) + Terms.of(c)
        assert np.array_equal(summed.indices, (a + c).indices)
        assert np.array_equal(summed.data, (a + c).data)
        assert summed.cosine(Terms.of(b)) == pytest.approx(expected)
    assert Terms.of(a).cosine(None) == 0.0
    assert Terms.of(sp.csr_matrix((1, 5), dtype=np.float32)).cosine(Terms.of(a)) == 0.0


def test_a_sum_past_its_limit_keeps_the_heaviest_words() -> None:
    rng = np.random.default_rng(5)
    width = 6 * MAX_TERMS
    a, b = _row(rng, width, 0.4), _row(rng, width, 0.4)
    full = (a + b).toarray().ravel()
    summed = Terms.of(a) + Terms.of(b)
    assert summed.nnz == MAX_TERMS < (full > 0).sum()
    assert list(summed.indices) == sorted(summed.indices)
    assert np.array_equal(summed.data, full[summed.indices])
    assert summed.data.min() >= np.sort(full)[-MAX_TERMS]


def _units(n: int, dim: int, seed: int) -> np.ndarray:
    m = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_distinct_rows_keep_all_rows_up_to_the_limit() -> None:
    m = _units(10, 8, 1)
    kept, ids = distinct_rows(m, [str(i) for i in range(10)], limit=10)
    assert kept is m and ids == [str(i) for i in range(10)]


def test_distinct_rows_drop_the_later_of_near_duplicates() -> None:
    base = _units(6, 16, 2)
    twins = base[:3] + 0.01 * _units(3, 16, 3)
    twins /= np.linalg.norm(twins, axis=1, keepdims=True)
    m = np.vstack((base, twins))  # rows 6, 7, 8 nearly repeat rows 0, 1, 2
    kept, ids = distinct_rows(m, [f"r{i}" for i in range(9)], limit=6)
    assert ids == [f"r{i}" for i in range(6)]
    assert np.array_equal(kept, base)


def test_kept_rows_are_more_spread_than_the_first_rows() -> None:
    m = _units(200, 12, 4)
    kept, ids = distinct_rows(m, [str(i) for i in range(200)], limit=32)
    assert len(ids) == 32 and np.array_equal(kept, m[[int(i) for i in ids]])

    def closest_pair(x: np.ndarray) -> float:
        inner = x @ x.T
        np.fill_diagonal(inner, -1.0)
        return float(inner.max())

    assert closest_pair(kept) < closest_pair(m[:32])


def test_closest_member_similarity_survives_on_articles_of_a_few_events() -> None:
    # 8 events of 25 articles each, each article near its event's centre
    centres = _units(8, 32, 6)
    m = np.repeat(centres, 25, axis=0) + 0.08 * _units(200, 32, 7)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    kept, _ = distinct_rows(m, [str(i) for i in range(200)], limit=32)
    queries = np.repeat(centres, 5, axis=0) + 0.1 * _units(40, 32, 8)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    full = (queries @ m.T).max(axis=1)
    bounded = (queries @ kept.T).max(axis=1)
    assert np.all(full - bounded < 0.02)


def test_names_past_their_limit_keep_the_heaviest() -> None:
    idf = {f"n{i}": 1.0 + i / 1000 for i in range(3 * MAX_NAMES)}
    names = Counter({k: 1 for k in idf})
    pruned = prune_names(names, idf, 1.0)
    assert len(pruned) == MAX_NAMES
    assert min(idf[k] for k in pruned) > max(idf[k] for k in names if k not in pruned)
    small = Counter({"a": 2, "b": 5})
    assert prune_names(small, {}, 2.0) is small
    assert name_norm(small, {}, 2.0) == pytest.approx(np.hypot(4.0, 6.0))
