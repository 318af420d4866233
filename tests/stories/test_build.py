"""Story building's own steps: each story's copy groups come from the copy pairs inside it."""

from __future__ import annotations

from newsloom.stories.build import story_copy_groups
from newsloom.stories.copies import CopyPair

BACKGROUND = (
    "The port, the largest on the coast, handles a third of the country's grain exports and "
    "was closed for two weeks last winter after storms damaged its breakwater."
)


def test_a_text_re_used_by_other_news_does_not_chain_copy_groups_across_stories(
    make_article,
) -> None:
    # a wire and its copy on one day; weeks later, another story's report and its copy re-use
    # the wire's background paragraph, which links the later report to the wire's copy
    strike = "Dock workers at the port of Velmar began a 48-hour strike on Monday. " + BACKGROUND
    ship = "A cargo ship ran aground outside the port of Velmar on Friday. " + BACKGROUND
    arts = {
        "a": make_article("a", strike, outlet="wire.example", published="2026-03-02",
                          credits=("Agency",)),
        "b": make_article("b", strike + " Menu", outlet="site-b.example",
                          published="2026-03-02"),
        "c": make_article("c", ship, outlet="site-c.example", published="2026-04-20"),
        "d": make_article("d", "Updated. " + ship, outlet="site-d.example",
                          published="2026-04-20"),
    }  # fmt: skip
    pairs = [CopyPair("a", "b", 1.0), CopyPair("b", "c", 0.4, 25), CopyPair("c", "d", 1.0)]
    groups = story_copy_groups({"s1": ["a", "b"], "s2": ["c", "d"]}, arts, pairs)
    assert [g.articles for g in groups["s1"]] == [("a", "b")]
    assert [g.articles for g in groups["s2"]] == [("c", "d")]
    assert groups["s1"][0].origin == "Agency"
    assert groups["s2"][0].origin_basis == "earliest"


def test_a_story_without_copy_pairs_inside_has_no_groups(make_article) -> None:
    arts = {i: make_article(i, f"Report {i}. " + BACKGROUND) for i in ("a", "b")}
    groups = story_copy_groups({"s1": ["a"], "s2": ["b"]}, arts, [CopyPair("a", "b", 1.0)])
    assert groups == {}
