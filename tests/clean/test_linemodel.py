"""The boilerplate line model: its file, its features, and what it does to a page."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from tests.clean.conftest import MENU, PROSE

from newsloom.clean import clean_text
from newsloom.clean.boilerplate import rule_reasons
from newsloom.clean.linecontext import feature_names, page_features
from newsloom.clean.linefeatures import page_cues
from newsloom.clean.linemodel import MODEL_FILE, LineModel, default_model, stage1_matrix
from newsloom.clean.linetrain import (
    TrainingPage,
    calibrate,
    choose_threshold,
    fit,
    removed_at_kept,
)


def test_shipped_model_is_small_and_loads_once() -> None:
    path = resources.files("newsloom.resources") / MODEL_FILE
    assert path.is_file()
    assert len(path.read_bytes()) < 5 * 2**20
    model = default_model()
    assert model is default_model()
    assert 0 < model.threshold < 1 and 0 < model.rule_threshold <= model.threshold


def test_word_scores_are_the_hashed_matrix_times_the_weights() -> None:
    """The fast per-page sums give what training saw: scikit-learn's hashed columns."""
    lines = [*MENU, *PROSE, "Share share share on Facebook", "Ünïcode — naïve café 2024", "…"]
    rules = rule_reasons(lines)
    model = default_model()
    expected = stage1_matrix(lines, rules) @ model.w1 + model.b1
    assert np.allclose(model.word_scores(lines, rules), expected)


def test_menu_run_goes_prose_stays() -> None:
    lines = [*MENU, *PROSE, *MENU]
    scored = default_model().score(lines, rule_reasons(lines))
    verdicts = dict(zip(lines, scored.boilerplate, strict=True))
    assert not any(verdicts[p] for p in PROSE)
    assert sum(verdicts[m] for m in MENU) >= len(MENU) // 2


def test_removed_lines_have_a_reason() -> None:
    text = "\n".join([*MENU, *PROSE, "Share on Facebook Share on X Copy link", *MENU])
    cleaned = clean_text(text, learned=True)
    for paragraph in PROSE:
        assert paragraph in cleaned.text
    assert cleaned.removed
    for removed in cleaned.removed:
        assert removed.reason


def test_a_lines_top_cue_from_what_scoring_read_is_the_one_read_afresh() -> None:
    """The clean stage names a removed line's top cue from what the word model read of it while
    scoring (`Scored.read`); the answer is the one the line alone gives."""
    lines = [
        *MENU,
        *PROSE,
        "Share share share on Facebook",
        "Subscribe to our newsletter",
        "Ünïcode — naïve café 2024",
        "…",
        "",
        "Home Home Home",
    ]
    model = default_model()
    rules = rule_reasons(lines)
    scored = model.score(lines, rules)
    assert scored.read is not None and len(scored.read) == len(lines)
    for i, line in enumerate(lines):
        assert model.top_cue(line, scored.cues[i], scored.read[i]) == model.top_cue(
            line, scored.cues[i]
        )
    named = {model.top_cue(x, c) for x, c in zip(lines, scored.cues, strict=True)}
    assert any(n.startswith("'") for n in named)  # a word of the line leads somewhere


def test_cues_describe_shape_place_and_rules() -> None:
    lines = ["Skip to main content", *PROSE]
    cues = page_cues(lines, rule_reasons(lines))
    assert "rule:navigation" in cues[0]
    assert "end:term" in cues[1] and "run:in_0" in cues[2]
    assert any(c.startswith("run:before") for c in cues[0])


def test_context_columns_see_neighbours_and_the_body() -> None:
    lines = [*MENU, *PROSE]
    scores = np.arange(len(lines), dtype=float)
    cols = page_features(lines, rule_reasons(lines), scores)
    names = feature_names()
    assert cols.shape == (len(lines), len(names))
    col = {name: cols[:, i] for i, name in enumerate(names)}
    # the next line's word score, seen from each line; the page's edge past the last one
    assert list(col["+1:score"][:-1]) == list(scores[1:]) and col["+1:score"][-1] == -20.0
    # the menu lies before the run of prose, the prose inside it
    assert all(col["run_before"][: len(MENU)]) and all(col["run_in"][len(MENU) :])
    assert col["run_distance"][len(MENU) - 1] == 1.0
    assert page_features([], [], np.zeros(0)).shape == (0, len(names))


def test_choose_threshold_keeps_the_share_asked() -> None:
    probs = np.array([0.1, 0.2, 0.3, 0.4, 0.9, 0.95])
    article = np.array([True, True, True, True, False, False])
    th = choose_threshold(probs, article, 0.75)
    assert ((probs < th) & article).sum() >= 3
    assert ((probs >= th) & ~article).sum() == 2


def test_removed_at_kept_counts_furniture_past_that_threshold() -> None:
    probs = np.array([0.1, 0.2, 0.3, 0.6, 0.5, 0.9, 0.95, 0.05])
    article = np.array([True, True, True, True, False, False, False, False])
    # keeping all four article lines puts the threshold just above 0.6: two of four go
    assert removed_at_kept(probs, article, 1.0) == 0.5
    # keeping three of them puts it just above 0.3: the 0.5 line goes too
    assert removed_at_kept(probs, article, 0.75) == 0.75


def test_fit_save_load_round_trip(tmp_path: Path) -> None:
    pages = [
        TrainingPage(f"site{i}", (*MENU, *PROSE), (False,) * len(MENU) + (True,) * len(PROSE))
        for i in range(6)
    ]
    model = calibrate(fit(pages), pages, 0.98, 0.9)
    path = tmp_path / "m.npz"
    model.save(path)
    again = LineModel.load(path)
    lines = [*MENU, *PROSE]
    a = model.score(lines, rule_reasons(lines)).prob
    b = again.score(lines, rule_reasons(lines)).prob
    assert np.allclose(a, b, atol=2e-2)  # word weights are stored as float16
    assert again.threshold == model.threshold and again.rule_threshold == model.rule_threshold
    # the meaning regression (384 weights and a bias) and its word limit come back as saved
    assert model.meaning is not None and model.meaning.shape == (385,)
    assert again.meaning is not None and np.array_equal(again.meaning, model.meaning)
    assert again.meaning_words == model.meaning_words == 12


def test_a_model_without_the_meaning_columns_still_loads_and_scores(tmp_path: Path) -> None:
    """Files saved before the meaning columns have no `meaning`: the trees never saw those
    columns, and none are given to them."""
    lines = (*MENU, *PROSE)
    labels = (False,) * len(MENU) + (True,) * len(PROSE)
    pages = [TrainingPage(f"site{i}", lines, labels) for i in range(6)]
    model = fit(pages, meaning_words=None)
    assert model.meaning is None
    path = tmp_path / "m.npz"
    model.save(path)
    with np.load(path) as data:
        assert "meaning" not in data.files
    again = LineModel.load(path)
    assert again.meaning is None
    rules = rule_reasons(lines)
    assert np.allclose(again.score(lines, rules).prob, model.score(lines, rules).prob, atol=2e-2)
    # the word limit is the model's own setting, saved with it
    with_meaning = fit(pages, meaning_words=5)
    with_meaning.save(path)
    assert LineModel.load(path).meaning_words == 5


def test_the_model_decides_unless_the_rules_are_asked_for() -> None:
    from newsloom.errors import ConfigError
    from newsloom.settings import Settings

    assert Settings().boilerplate_decision == "model"
    assert Settings(boilerplate_decision="rules").boilerplate_decision == "rules"
    with pytest.raises(ConfigError):
        Settings(boilerplate_decision="coin")


def test_a_model_learned_with_markup_scores_pages_with_markup(tmp_path: Path) -> None:
    from newsloom.clean.linehtml import flatten_blocks

    menu = "".join(f"<li><a href='/{i}'>{m}</a></li>" for i, m in enumerate(MENU))
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    blocks = tuple(
        flatten_blocks(f"<html><body><ul class='nav'>{menu}</ul><div>{body}</div></body></html>")
    )
    lines = tuple(b.text for b in blocks)
    assert lines == (*MENU, *PROSE)
    labels = (False,) * len(MENU) + (True,) * len(PROSE)
    pages = [TrainingPage(f"site{i}", lines, labels, 1.0, blocks) for i in range(6)]
    model = fit(pages, markup=True)
    assert model.markup
    rules = rule_reasons(lines)
    with pytest.raises(ValueError, match="needs"):
        model.score(lines, rules)
    with pytest.raises(ValueError, match="cannot use"):
        default_model().score(lines, rules, blocks=blocks)
    # the markup is a cue of the word model: a line in the menu's class scores as furniture
    scored = model.score(lines, rules, blocks=blocks)
    assert any(cue == "h:cls:nav" for cue in scored.cues[0])
    assert scored.stage1[: len(MENU)].min() > scored.stage1[len(MENU) :].max()
    path = tmp_path / "m.npz"
    model.save(path)
    assert LineModel.load(path).markup
    with pytest.raises(ValueError, match="no markup"):
        fit([TrainingPage("site", lines, labels)], markup=True)


def test_a_model_learned_without_the_rules_never_needs_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsloom.clean as clean_module
    import newsloom.clean.linemodel as linemodel_module

    lines = (*MENU, *PROSE)
    labels = (False,) * len(MENU) + (True,) * len(PROSE)
    pages = [TrainingPage(f"site{i}", lines, labels) for i in range(6)]
    model = calibrate(fit(pages, reads_rules=False), pages, 0.98, None)
    assert not model.reads_rules
    # the rules' verdicts, given or not, change nothing
    given = model.score(lines, rule_reasons(lines))
    assert np.array_equal(given.prob, model.score(lines, [None] * len(lines)).prob)
    assert not any(c.startswith("rule:") and c != "rule:None" for c in given.cues[0])
    path = tmp_path / "m.npz"
    model.save(path)
    assert not LineModel.load(path).reads_rules
    # the clean stage does not run the rules for it
    def refuse(texts: object) -> None:
        raise AssertionError("the rules ran")

    monkeypatch.setattr(clean_module, "rule_reasons", refuse)
    monkeypatch.setattr(linemodel_module, "rule_reasons", refuse)
    cleaned = clean_text("\n".join(lines), model=model)
    assert "river authority" in cleaned.text
