"""A page's HTML flattened into lines with the markup around each: links, tags, class words,
containers; and the cues and columns the line model reads from them."""

from __future__ import annotations

import numpy as np

from newsloom.clean.linehtml import HTML_COLUMNS, flatten_blocks, html_columns, html_cues

PAGE = """<html><head><title>T</title><style>p {}</style></head><body>
<nav class="mainNav site-menu"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li>
</ul></nav>
<div id="story-body">
<h1>Bridge to close</h1>
<p>The council voted on Monday to close the old bridge, said <a href="/m">the mayor</a>.</p>
<p>Repairs will take a year and cost more than the city had planned for this decade.</p>
</div>
<div class="comment_list"><p>Great news, about time!</p></div>
</body></html>"""


def _by_text() -> dict:
    return {b.text: b for b in flatten_blocks(PAGE)}


def test_lines_are_the_visible_blocks() -> None:
    texts = [b.text for b in flatten_blocks(PAGE)]
    assert texts == [
        "Home",
        "World",
        "Bridge to close",
        "The council voted on Monday to close the old bridge, said the mayor.",
        "Repairs will take a year and cost more than the city had planned for this decade.",
        "Great news, about time!",
    ]


def test_link_share_counts_the_characters_inside_links() -> None:
    blocks = _by_text()
    assert blocks["Home"].link == 1.0
    assert blocks["Bridge to close"].link == 0.0
    share = blocks["The council voted on Monday to close the old bridge, said the mayor."].link
    assert 0.1 < share < 0.3  # "themayor" of the line's visible characters


def test_tags_and_class_words_nearest_first() -> None:
    blocks = _by_text()
    home = blocks["Home"]
    assert home.tags[:4] == ("a", "li", "ul", "nav")
    # camelCase, hyphens and underscores split into words
    assert home.words[:4] == ("main", "nav", "site", "menu") and home.near == home.words[:4]
    comment = blocks["Great news, about time!"]
    assert comment.near == ("comment", "list")
    heading = blocks["Bridge to close"]
    assert heading.tags[0] == "h1" and heading.near == ("story", "body")


def test_paragraphs_of_one_container_share_a_parent() -> None:
    blocks = _by_text()
    first = blocks["The council voted on Monday to close the old bridge, said the mayor."]
    second = blocks[
        "Repairs will take a year and cost more than the city had planned for this decade."
    ]
    comment = blocks["Great news, about time!"]
    assert first.parents[0] != second.parents[0]  # each paragraph is its own <p>
    assert first.parents[1] == second.parents[1] != comment.parents[1]


def test_cues_name_tags_classes_and_links() -> None:
    cues = html_cues(_by_text()["Home"])
    assert "h:tag:a" in cues and "h:in:nav" in cues
    assert "h:cls:menu" in cues and "h:near:nav" in cues
    assert "h:link:3" in cues


def test_columns_measure_the_containers() -> None:
    blocks = flatten_blocks(PAGE)
    prose = np.array([0, 0, 0, 1, 1, 0], dtype=float)
    words = np.array([1, 1, 3, 13, 16, 4], dtype=float)
    cols = html_columns(blocks, prose, words)
    assert cols.shape == (len(blocks), len(HTML_COLUMNS))
    col = {name: cols[:, i] for i, name in enumerate(HTML_COLUMNS)}
    assert list(col["link"][:2]) == [1.0, 1.0]
    assert col["in_a"][0] == 1.0 and col["in_heading"][2] == 1.0
    # a level up from a paragraph: the story's container, all of the page's prose words
    assert col["up2_prose_words"][3] == col["up2_prose_words"][4] == 1.0
    assert col["up2_prose_words"][5] == 0.0
    assert col["up2_main"][3] == col["up2_main"][4] == 1.0 and col["up2_main"][5] == 0.0
    # one level down each <p> holds its own line: the longer one holds the most
    assert col["up1_main"][3] == 0.0 and col["up1_main"][4] == 1.0


def test_no_markup_no_lines() -> None:
    assert flatten_blocks("") == []
    assert flatten_blocks("<html><body></body></html>") == []
