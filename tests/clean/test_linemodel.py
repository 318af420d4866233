"""The boilerplate line model: its file, its features, and what it does to a page."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from newsloom.clean import clean_text
from newsloom.clean.boilerplate import rule_reasons
from newsloom.clean.linecontext import feature_names, page_features
from newsloom.clean.linefeatures import page_cues
from newsloom.clean.linemodel import MODEL_FILE, LineModel, default_model, stage1_matrix
from newsloom.clean.linetrain import (
    RULE_EVIDENCE,
    TrainingPage,
    calibrate,
    choose_threshold,
    fit,
    untrusted_rules,
)

PROSE = [
    "The river authority said on Monday that the spillway would open within days, and "
    "farmers downstream were told to move their animals to higher ground before the weekend.",
    "Officials in both countries agreed to share gauge readings every hour, a step that "
    "engineers had asked for since the floods of the previous year destroyed several bridges.",
    "The agreement, which still needs the approval of both parliaments, also sets up a fund "
    "for families who lose their harvest when the water is released without warning.",
]
MENU = ["Home", "World", "Business", "Sport", "Weather", "Contact us", "Privacy policy"]


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


def test_short_lines_see_the_nearest_long_line_on_each_side() -> None:
    """jusText's context pass as columns: a short line between prose paragraphs sees prose on
    both sides; a menu item before the article sees none before it."""
    long = [f"{PROSE[0]} {PROSE[2]}", f"{PROSE[1]} {PROSE[2]}"]  # over 200 characters each
    lines = [*MENU, long[0], "A subhead", long[1]]
    cols = page_features(lines, [None] * len(lines), np.zeros(len(lines)))
    col = {name: cols[:, i] for i, name in enumerate(feature_names())}
    sub = lines.index("A subhead")
    assert col["long_before_prose"][sub] == 1.0 and col["long_after_prose"][sub] == 1.0
    assert col["long_before_gap"][sub] == 1.0 and col["long_after_gap"][sub] == 1.0
    assert col["long_before_prose"][0] == -1.0 and col["long_before_gap"][0] == 999.0
    assert col["long_after_gap"][0] == len(MENU)


def test_a_rule_that_fires_on_article_text_loses_the_rule_threshold(tmp_path: Path) -> None:
    """A hand rule whose lines are mostly article text on the choose pages is judged by the
    plain threshold; one whose lines are furniture keeps the rule threshold."""
    lines = (*MENU, *PROSE)
    reasons = rule_reasons(lines)
    fired = [r == "navigation" for r in reasons]
    assert 2 <= sum(fired) < RULE_EVIDENCE and set(reasons) == {"navigation", None}
    # the lines the rule fires on are article text, the other menu lines furniture
    labels = tuple(f or p in PROSE for f, p in zip(fired, lines, strict=True))
    pages = [TrainingPage(f"site{i}", lines, labels) for i in range(RULE_EVIDENCE // 2)]
    model = fit(pages)
    assert untrusted_rules(model, pages, 0.8) == ("navigation",)
    assert untrusted_rules(model, pages[:1], 0.8) == ()  # too few lines to judge the rule
    as_furniture = [TrainingPage(p.site, lines, tuple(x in PROSE for x in lines)) for p in pages]
    assert untrusted_rules(model, as_furniture, 0.8) == ()
    calibrated = calibrate(model, pages, 0.98, 0.9)
    assert calibrated.untrusted == ("navigation",)
    assert not calibrated.trusted(reasons).any()
    calibrated.save(tmp_path / "m.npz")
    assert LineModel.load(tmp_path / "m.npz").untrusted == ("navigation",)


def test_choose_threshold_keeps_the_share_asked() -> None:
    probs = np.array([0.1, 0.2, 0.3, 0.4, 0.9, 0.95])
    article = np.array([True, True, True, True, False, False])
    th = choose_threshold(probs, article, 0.75)
    assert ((probs < th) & article).sum() >= 3
    assert ((probs >= th) & ~article).sum() == 2


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
