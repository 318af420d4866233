"""What trafilatura says of each flattened line: matching its output to the lines, the cues
and columns the markup model reads, and a model learned with them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsloom.clean.boilerplate import rule_reasons
from newsloom.clean.linecontext import feature_names, page_features
from newsloom.clean.linehtml import flatten_blocks
from newsloom.clean.linemodel import LineModel
from newsloom.clean.linetrain import TrainingPage, fit
from newsloom.clean.lineverdicts import (
    PEER_COLUMNS,
    kept_in,
    page_peers,
    peer_columns,
    peer_cues,
    with_peers,
)

PROSE = [
    "The harbour board said on Tuesday that the new ferry berth would open in the spring, "
    "after two winters of delays caused by storms and a shortage of steel for the piles, "
    "which had to be brought in from abroad at a price that nobody had planned for.",
    "Fishermen who moor at the old quay were promised places at the new pontoon, which the "
    "board said would hold forty boats and have its own fuel station and ice plant, so that "
    "they would no longer have to carry their catch up the hill.",
    "The mayor told the council that the town would pay a third of the cost, with the rest "
    "coming from the regional fund for ports and a loan that the board will repay over the "
    "next twenty years out of the fees it charges.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact"]
PAGE = (
    "<html><body><ul class='menu'>"
    + "".join(f"<li><a href='/{i}'>{m}</a></li>" for i, m in enumerate(MENU))
    + "</ul><div class='story'>"
    + "".join(f"<p>{p}</p>" for p in PROSE)
    + "</div></body></html>"
)


def test_a_line_is_kept_when_its_words_are_in_the_extraction() -> None:
    extracted = f"{PROSE[0]}\n{PROSE[1][:60]}"  # the second paragraph cut short
    got = kept_in(["Home", PROSE[0], PROSE[1], PROSE[2], "— —"], extracted)
    assert got[0].tolist() == [0.0, 0.0]
    assert got[1].tolist() == [1.0, 1.0]
    assert got[2, 0] == 0.0 and 0.1 < got[2, 1] < 0.6  # partly there: its first trigrams
    assert got[3].tolist() == [0.0, 0.0]
    assert got[4].tolist() == [0.0, 0.0]  # no words at all
    # case and punctuation do not matter, whole words do
    assert kept_in(["HOME!"], "home")[0, 0] == 1.0
    assert kept_in(["Home"], "homepage")[0, 0] == 0.0


def test_verdicts_ride_on_the_blocks_as_cues_and_columns() -> None:
    blocks = flatten_blocks(PAGE)
    assert [b.text for b in blocks] == [*MENU, *PROSE]
    peered = page_peers(blocks, "\n".join(PROSE))
    assert all(len(b.peers) == len(PEER_COLUMNS) for b in peered)
    assert "p:trafilatura_in" in peer_cues(peered[-1])
    assert "p:trafilatura_in" not in peer_cues(peered[0])
    assert "p:trafilatura_share:0" in peer_cues(peered[0])
    cols = peer_columns(peered)
    assert cols.shape[0] == len(blocks)
    # the window mean of trafilatura's share rises from the menu into the article
    w2 = cols[:, len(PEER_COLUMNS)]
    assert w2[0] == 0 and w2[len(MENU) + 1] > w2[len(MENU) - 1] > 0
    with pytest.raises(ValueError):
        with_peers(blocks, np.zeros((1, len(PEER_COLUMNS))))


def test_context_columns_follow_the_markup_when_verdicts_are_known() -> None:
    blocks = flatten_blocks(PAGE)
    lines = [b.text for b in blocks]
    rules = rule_reasons(lines)
    scores = np.zeros(len(lines))
    plain = page_features(lines, rules, scores, blocks=blocks)
    peered = page_features(lines, rules, scores, blocks=page_peers(blocks, PROSE[0]))
    assert plain.shape[1] == len(feature_names(markup=True))
    assert peered.shape[1] == len(feature_names(markup=True, peers=True))
    assert np.array_equal(peered[:, : plain.shape[1]], plain)


def test_a_model_learned_with_verdicts_needs_them(tmp_path: Path) -> None:
    blocks = page_peers(flatten_blocks(PAGE), "\n".join(PROSE))
    lines = tuple(b.text for b in blocks)
    labels = (False,) * len(MENU) + (True,) * len(PROSE)
    pages = [TrainingPage(f"site{i}", lines, labels, 1.0, blocks) for i in range(6)]
    model = fit(pages, markup=True)
    assert model.markup and model.peers
    rules = rule_reasons(lines)
    with pytest.raises(ValueError, match="verdicts"):
        model.score(lines, rules, blocks=flatten_blocks(PAGE))
    scored = model.score(lines, rules, blocks=blocks)
    assert scored.stage1[: len(MENU)].min() > scored.stage1[len(MENU) :].max()
    path = tmp_path / "m.npz"
    model.save(path)
    assert LineModel.load(path).peers
    bare = TrainingPage("other", lines, labels, 1.0, tuple(flatten_blocks(PAGE)))
    with pytest.raises(ValueError, match="some pages"):
        fit([*pages, bare], markup=True)


def test_shipped_markup_model_is_small_and_loads_once() -> None:
    from importlib import resources

    from newsloom.clean.linemodel import MARKUP_FILE, MODEL_FILE, markup_model

    shipped = resources.files("newsloom.resources")
    assert sum(len((shipped / f).read_bytes()) for f in (MODEL_FILE, MARKUP_FILE)) < 5 * 2**20
    model = markup_model()
    assert model is markup_model()
    assert model.markup and model.peers
    assert 0 < model.threshold < 1 and model.rule_threshold == model.threshold
    # the script learns it as the eval does, with the rules' verdicts or without them
    from newsloom.evaluation.boilerplate_pages import MARKUP_READS_RULES

    assert model.reads_rules == MARKUP_READS_RULES
