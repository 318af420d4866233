"""Incremental story clustering: its mechanics on made-up signals (the model's quality is
measured by `newsloom eval` and held by tests/evaluation/test_stories.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np
import pytest

from newsloom.stories.cluster import (
    FEATURES,
    MAX_GAP_DAYS,
    MAX_SPAN_DAYS,
    NAME_KEY,
    NEUTRAL_FEATURES,
    Clusterer,
    StoryModel,
    default_model,
    story_id,
)
from newsloom.stories.signals import Signals, day_number, name_stems, news_month

#: a model that joins on embedding similarity alone (p >= 0.5 from a cosine of 0.8)
EMBEDDING_ONLY = StoryModel({k: (20.0 if k == "embedding" else 0.0) for k in FEATURES}, -16.0)


def _unit(*values: float) -> np.ndarray:
    v = np.array(values + (0.0,) * (4 - len(values)), dtype=np.float32)
    return v / np.linalg.norm(v)


def _sig(id: str, vector: np.ndarray, day: str | None = None, month: int | None = None,
         names: tuple[str, ...] = ()) -> Signals:  # fmt: skip
    return Signals(id, vector, Counter(names), day_number(day), frozenset(), month)


CALL = _unit(1, 0.1)
OTHER = _unit(0, 1)


def test_similar_articles_of_one_week_are_one_story() -> None:
    c = Clusterer(EMBEDDING_ONLY)
    c.add([_sig("a", CALL, "2026-03-02"), _sig("b", CALL, "2026-03-03"),
           _sig("c", OTHER, "2026-03-03")])  # fmt: skip
    groups = sorted(sorted(m) for m in c.clusters().values())
    assert groups == [["a", "b"], ["c"]]


@pytest.mark.parametrize("gap_days", [MAX_GAP_DAYS + 1, 21, 34, 150])
def test_the_same_words_weeks_apart_are_another_event(gap_days: int) -> None:
    # the next phone call of the same two leaders, a second summit a month later
    first = date(2026, 3, 2)
    later = date.fromordinal(first.toordinal() + gap_days)
    c = Clusterer(EMBEDDING_ONLY)
    c.add([_sig("a", CALL, first.isoformat()), _sig("b", CALL, later.isoformat())])
    assert len(c.clusters()) == 2


def test_months_rule_out_only_against_months() -> None:
    c = Clusterer(EMBEDDING_ONLY)
    c.add([_sig("may", CALL, month=5), _sig("december", CALL, month=12)])
    assert len(c.clusters()) == 2
    c = Clusterer(EMBEDDING_ONLY)
    # an inferred month never overrides a day the page states
    c.add([_sig("dated", CALL, "2017-03-29"), _sig("inferred", CALL, month=6)])
    assert len(c.clusters()) == 1


def test_copies_join_whatever_their_signals() -> None:
    c = Clusterer(EMBEDDING_ONLY, copies={"a": {"b"}, "b": {"a"}})
    c.add([_sig("a", CALL), _sig("b", OTHER)])
    assert len(c.clusters()) == 1
    assert c.why["b"].how == "copy"


def test_ids_come_from_the_founder_and_stored_stories_keep_theirs() -> None:
    c = Clusterer(EMBEDDING_ONLY)
    c.add([_sig("b", CALL, "2026-03-03"), _sig("a", CALL, "2026-03-02")])
    (sid,) = c.clusters()
    assert sid == story_id("a")  # the earliest article founds the story
    later = Clusterer(EMBEDDING_ONLY)
    later.restore(sid, [_sig("a", CALL, "2026-03-02"), _sig("b", CALL, "2026-03-03")])
    later.add([_sig("0-earlier-id", CALL, "2026-03-03"), _sig("z", OTHER, "2026-03-03")])
    clusters = later.clusters()
    assert sorted(clusters[sid]) == ["0-earlier-id", "a", "b"]
    assert clusters[story_id("z")] == ["z"]


def test_two_stored_stories_never_merge() -> None:
    c = Clusterer(EMBEDDING_ONLY)
    c.restore("s1", [_sig("a", CALL)])
    c.restore("s2", [_sig("b", CALL)])
    c.add([_sig("c", CALL)])
    sizes = sorted(len(m) for m in c.clusters().values())
    assert sizes == [1, 2]


def test_the_stories_do_not_depend_on_the_order_articles_come_in() -> None:
    # one pass in arrival order would let the first article of an event join whatever old
    # story is nearest; best-first merging gives the same stories in any order
    rng = np.random.default_rng(7)
    centres = [_unit(1, 0.2), _unit(0.3, 1), _unit(0.6, 0.7, 0.4)]
    sigs = []
    for k, centre in enumerate(centres):
        for i in range(4):
            v = centre + rng.normal(0, 0.08, 4).astype(np.float32)
            sigs.append(_sig(f"e{k}-{i}", v / np.linalg.norm(v)))
    results = set()
    for seed in range(5):
        order = list(np.random.default_rng(seed).permutation(len(sigs)))
        c = Clusterer(EMBEDDING_ONLY)
        c.add([sigs[i] for i in order])
        results.add(frozenset(frozenset(m) for m in c.clusters().values()))
    assert len(results) == 1


def test_every_decision_keeps_its_named_features() -> None:
    c = Clusterer(EMBEDDING_ONLY)
    c.add([_sig("a", CALL, "2026-03-02"), _sig("b", CALL, "2026-03-03")])
    why = c.why["b"]
    assert why.how == "joined" and why.nearest == "a"
    assert set(why.evidence) == set(FEATURES)
    assert why.score >= EMBEDDING_ONLY.threshold


def test_the_shipped_model_loads_and_names_its_splits() -> None:
    model = default_model()
    assert set(model.weights) == set(FEATURES)
    assert 0 < model.threshold < 1
    assert "ECB+" in model.meta["train"] and "newsloom-dev" in model.meta["report"]


def test_the_shipped_model_weighs_names_for_pairs_in_two_languages() -> None:
    model = default_model()
    assert set(model.neutral) == set(NEUTRAL_FEATURES)
    # sharing every name stem is evidence for one story, sharing none against
    shared = {"across": 1.0, "names": 1.0, "dated": 0.0, "gap_weeks": 0.0}
    assert model.probability(shared) > model.threshold > model.probability(
        {**shared, "names": 0.0})


#: joins on embedding alone within a language; across languages on shared name stems alone
BY_NAMES = StoryModel({k: (20.0 if k == "embedding" else 0.0) for k in FEATURES}, -16.0,
                      neutral={"names": 20.0, "dated": 0.0, "gap_weeks": 0.0},
                      neutral_bias=-10.0)  # fmt: skip


def _lang_sig(id: str, lang: str, names: str, vector: np.ndarray = CALL) -> Signals:
    return Signals(id, vector, Counter(), None, frozenset(), lang=lang, names=name_stems(names))


def test_a_pair_in_two_languages_is_judged_by_its_names() -> None:
    idf = {NAME_KEY + k: 1.0 for k in ("tusk", "barro", "macro", "paris")}
    c = Clusterer(BY_NAMES, idf)
    c.add([_lang_sig("en", "en", "the letter for Donald Tusk from Tim Barrow"),
           _lang_sig("nl", "nl", "de brief voor Donald Tusk van Tim Barrow"),
           _lang_sig("fr", "fr", "le discours de Emmanuel Macron à Paris")])  # fmt: skip
    groups = sorted(sorted(m) for m in c.clusters().values())
    assert groups == [["en", "nl"], ["fr"]]
    assert set(c.why["nl"].evidence) >= {"across", "names"}


def test_a_story_is_judged_by_the_language_most_of_it_is_in() -> None:
    # a second Dutch report (whose English-trained embedding is far off) is compared by name
    # stems with a story of English reports that one Dutch report already joined
    c = Clusterer(BY_NAMES, {NAME_KEY + k: 1.0 for k in ("tusk", "barro")})
    c.restore("s1", [_lang_sig("en1", "en", "the letter for Donald Tusk from Tim Barrow"),
                     _lang_sig("en2", "en", "a letter to Donald Tusk handed by Tim Barrow"),
                     _lang_sig("nl1", "nl", "de brief voor Donald Tusk van Tim Barrow")])
    c.add([_lang_sig("nl2", "nl", "een brief aan Donald Tusk door Tim Barrow", OTHER)])
    assert c.by_article["nl2"] == "s1"


def test_within_one_language_the_names_do_not_decide() -> None:
    c = Clusterer(BY_NAMES)
    c.add([_lang_sig("a", "fr", "avec Emmanuel Macron"), _lang_sig("b", "fr", "sans noms")])
    assert len(c.clusters()) == 1  # the same embedding, one language: the main weights join


def test_name_stems_are_language_neutral() -> None:
    # sentence-initial words are left out (every language capitalises them), accents and
    # possessives dropped, inflected endings cut
    assert set(name_stems("Police met Puigdemont's lawyer in Bruxelles.")) == {"puigd", "bruxe"}
    assert set(name_stems("Policija je zaslišala Puigdemonta v Bruslju.")) == {"puigd", "brusl"}
    assert name_stems("the envoy of Côte d'Ivoire")["cote"] == 1


def test_a_model_missing_a_feature_is_refused() -> None:
    with pytest.raises(ValueError, match="lacks"):
        StoryModel.from_json('{"weights": {"embedding": 1.0}, "bias": 0}')


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("XXXX-12-14", "XXXX-12-18"), 12),  # year-less dates agreeing on a month
        (("XXXX-12-14",), None),  # one is not enough
        (("XXXX-12-14", "XXXX-01-03"), None),  # they disagree
    ],
)
def test_news_month_from_year_less_dates(make_article, values, expected) -> None:
    from dataclasses import replace

    from newsloom.article import DateExpression

    art = replace(
        make_article("a", "text"),
        dates=tuple(DateExpression("d", 0, 1, v, "day") for v in values),
    )
    assert news_month(art) == expected


def test_a_copy_printed_again_weeks_later_is_other_news() -> None:
    c = Clusterer(EMBEDDING_ONLY, copies={"a": {"b"}, "b": {"a"}})
    c.add([_sig("a", CALL, "2026-03-02"), _sig("b", OTHER, "2026-05-02")])
    assert len(c.clusters()) == 2


def test_two_stories_are_not_near_for_one_close_pair_of_members() -> None:
    # an article against a story: its nearest member (what the model is trained on); two stories:
    # the average of each smaller-side member's nearest, which one close pair does not lift
    from newsloom.stories.cluster import _nearest_mean

    article_vs_story = np.array([[0.2], [0.9], [0.4]])
    assert _nearest_mean(article_vs_story) == pytest.approx(0.9)
    story_vs_story = np.array([[0.95, 0.1, 0.1], [0.1, 0.2, 0.1], [0.1, 0.1, 0.3], [0.0, 0.1, 0.1]])
    assert _nearest_mean(story_vs_story) == pytest.approx((0.95 + 0.2 + 0.3) / 3)
    assert _nearest_mean(story_vs_story.T) == _nearest_mean(story_vs_story)


def test_events_of_one_kind_every_few_days_do_not_chain_into_one_story() -> None:
    # the same kind of event every three days, told in the same words: each merge is within a
    # week of the story, but a story is one event's news and stops at two news weeks
    start = date(2026, 3, 2).toordinal()
    sigs = [_sig(f"e{k:02d}", CALL, date.fromordinal(start + 3 * k).isoformat())
            for k in range(30)]  # fmt: skip
    c = Clusterer(EMBEDDING_ONLY)
    c.add(sigs)
    days = {s.id: s.day for s in sigs}
    spans = [max(days[m] for m in ms) - min(days[m] for m in ms) for ms in c.clusters().values()]
    assert max(spans) <= MAX_SPAN_DAYS <= 14  # two news weeks at most
    assert len(spans) >= 5
    assert sum(len(m) for m in c.clusters().values()) == len(sigs)


def test_copies_do_not_stretch_a_story_beyond_its_span() -> None:
    # a background paragraph re-used by reports a week apart each time: copy links chain
    start = date(2026, 3, 2).toordinal()
    ids = [f"r{k}" for k in range(6)]
    links = {i: {j for j in ids if j != i} for i in ids}
    c = Clusterer(EMBEDDING_ONLY, copies=links)
    c.add([_sig(i, OTHER if k % 2 else CALL, date.fromordinal(start + 6 * k).isoformat())
           for k, i in enumerate(ids)])  # fmt: skip
    for members in c.clusters().values():
        first, last = min(int(m[1:]) for m in members), max(int(m[1:]) for m in members)
        assert 6 * (last - first) <= MAX_SPAN_DAYS <= 14
    assert len(c.clusters()) >= 2


def test_a_stored_story_wider_than_the_span_keeps_its_days_but_is_not_stretched() -> None:
    c = Clusterer(EMBEDDING_ONLY)
    c.restore("s1", [_sig("a", CALL, "2026-03-01"), _sig("b", CALL, "2026-03-25")])
    c.add([_sig("inside", CALL, "2026-03-12"), _sig("after", CALL, "2026-03-29")])
    assert c.by_article["inside"] == "s1"
    assert c.by_article["after"] != "s1"
