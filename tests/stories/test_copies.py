"""Copies: containment over normalised shingles, groups, and their origin.

The wire-copy construction (one agency text on several sites, each cut or framed differently)
is in ../shared/data/newsloom-dev (AP on d061-d063, Reuters-based d012/d014, the NYT text on
d039/d040) and in the demo corpus (the Meridian Press story on three sites); spun copies in the
seeds (000) and the demo corpus (world-news-digest-1). The texts below are our own.
"""

from __future__ import annotations

import pytest

from newsloom.stories.copies import (
    CopySettings,
    containment,
    copy_origin,
    find_copy_pairs,
    group_copies,
    normalised_words,
    shingles,
)

WIRE = (
    "LISBON, May 4 (Agency) - Portugal's government approved a plan on Thursday to build "
    "three desalination plants on the Algarve coast, after two years of drought left reservoirs "
    "in the south at their lowest level on record. The plants will cost 420 million euros and "
    "should supply a third of the region's drinking water by 2029, the environment minister "
    "told reporters after a cabinet meeting. Farmers' groups welcomed the plan but said it came "
    "too late for this summer's harvest, and asked for emergency aid for growers of citrus and "
    "avocado, who have lost much of their crop."
)

VARIANTS = {
    "another site's framing": "Menu\nSubscribe\n" + WIRE + "\nRead more: other stories\n",
    "cut short": WIRE[: len(WIRE) * 2 // 3],
    "last paragraph dropped": WIRE.rsplit(" Farmers'", 1)[0],
    "a paragraph added": WIRE + " The opposition said it would ask for the plan's costs in "
    "parliament next week, and environmental groups raised concerns about brine.",
    "a new headline": "Algarve to get three desalination plants\n" + WIRE,
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_wire_text_reframed_is_a_copy(make_article, variant: str) -> None:
    a = make_article("a", WIRE, outlet="one.example")
    b = make_article("b", VARIANTS[variant], outlet="two.example")
    pairs = find_copy_pairs([a, b])
    assert [(p.a, p.b) for p in pairs] == [("a", "b")]


OTHER_REPORTS = [
    "Portugal will spend 420 million euros on desalination, officials said, a move that critics "
    "called expensive. The decision follows a long drought in the Algarve, where tourism and "
    "farming compete for scarce water, and where the main dam is nearly empty.",
    "Spain's government announced water restrictions for Catalonia on Thursday as reservoirs "
    "fell below a fifth of capacity, banning the filling of swimming pools and cutting "
    "irrigation for farms by half until the autumn rains come.",
    "Drought in southern Europe: the Algarve's growers of oranges and avocados say they have "
    "lost most of this year's crop and want help from Lisbon, while hotels fear for summer.",
]


@pytest.mark.parametrize("text", OTHER_REPORTS)
def test_an_independent_report_of_the_same_event_is_not_a_copy(make_article, text: str) -> None:
    a = make_article("a", WIRE)
    b = make_article("b", text)
    assert find_copy_pairs([a, b]) == []


def test_spun_words_are_put_back_before_comparing(make_article) -> None:
    spun_text = WIRE.replace("Portugal's", "Portuguese Republic's").replace(
        "told reporters", "advised journalists"
    )
    spun = make_article(
        "b",
        spun_text,
        spun=(("Portuguese Republic's", "Portugal's"), ("advised journalists", "told reporters")),
    )
    words = normalised_words(spun)
    assert "republic's" not in words and "portugal's" in words
    assert containment(shingles(normalised_words(make_article("a", WIRE))), shingles(words)) == 1.0


def test_shared_quotes_alone_do_not_make_a_copy(make_article) -> None:
    from newsloom.article import Quote

    quote = (
        "We will not let the south run dry while we argue about money, and we will build "
        "these plants on time and on budget, whatever the opposition says about it"
    )
    a_text = f'The minister was defiant. "{quote}," she told reporters in Faro on Thursday.'
    b_text = f'"{quote}," the minister said, according to the state broadcaster, at a rally.'
    quotes = []
    for text in (a_text, b_text):
        at = text.index(quote)
        quotes.append(Quote(quote, at, at + len(quote), "direct"))
    a = make_article("a", a_text, quotes=(quotes[0],))
    b = make_article("b", b_text, quotes=(quotes[1],))
    assert find_copy_pairs([a, b]) == []


def test_groups_are_connected_pairs_and_name_the_credited_wire(make_article) -> None:
    arts = [
        make_article("a", WIRE, outlet="one.example", published="2026-05-04"),
        make_article("b", VARIANTS["cut short"], outlet="two.example", credits=("Agency",)),
        make_article("c", VARIANTS["a new headline"], outlet="three.example"),
        make_article("d", OTHER_REPORTS[1], outlet="four.example"),
    ]
    groups = group_copies(arts, find_copy_pairs(arts))
    assert len(groups) == 1
    assert groups[0].articles == ("a", "b", "c")
    assert (groups[0].origin, groups[0].origin_basis) == ("Agency", "credited")


def test_without_a_credit_the_earliest_member_is_the_origin(make_article) -> None:
    arts = [
        make_article("x", WIRE, outlet="late.example", published="2026-05-05"),
        make_article("y", WIRE + " Extra.", outlet="early.example", published="2026-05-04"),
    ]
    assert copy_origin(arts) == ("early.example", "earliest")


def test_a_spun_member_is_flagged(make_article) -> None:
    spun = make_article(
        "b", WIRE.replace("Portugal's", "Portuguese Republic's"),
        spun=(("Portuguese Republic's", "Portugal's"),),
    )  # fmt: skip
    groups = group_copies([make_article("a", WIRE), spun], find_copy_pairs([
        make_article("a", WIRE), spun]))  # fmt: skip
    assert groups[0].spun == ("b",)


def test_a_wire_on_many_sites_gives_the_same_group_with_bounded_pairs(make_article) -> None:
    from newsloom.stories.copies import CopySettings

    sites = [make_article(f"w{i:02d}", f"Site {i} news\n" + WIRE) for i in range(30)]
    every = CopySettings(links_per_group=10**6)
    bounded = CopySettings(links_per_group=3)
    all_pairs = find_copy_pairs(sites, every)
    some_pairs = find_copy_pairs(sites, bounded)
    assert len(all_pairs) == 30 * 29 // 2
    assert len(some_pairs) <= 30 * bounded.links_per_group < len(all_pairs)
    assert group_copies(sites, some_pairs) == group_copies(sites, all_pairs)
    assert len(group_copies(sites, some_pairs)[0].articles) == 30
    # the default keeps every pair of a group this small
    assert find_copy_pairs(sites[:8]) == find_copy_pairs(sites[:8], every)


def _prose(seed: int, n: int) -> str:
    """`n` invented words (seeded): text no other text shares by chance."""
    import random

    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "gu"]
    return " ".join("".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(n)) + "."


#: a background paragraph an outlet prints under every report on a topic (our own words)
BACKGROUND = (
    "The ministry has said since the spring that the programme will be reviewed by an "
    "independent panel before any further funds are released to the regions, and the panel "
    "is expected to report before the end of the year."
)


def test_a_passage_many_texts_share_proposes_no_pairs_while_a_real_copy_is_found(
    make_article,
) -> None:
    from newsloom.stories.copies import CopySettings

    # long texts of their own around it: they resemble each other too little for LSH
    reports = [_prose(i, 800) + " " + BACKGROUND + " " + _prose(100 + i, 800) for i in range(9)]
    arts = [make_article(f"r{i:02d}", text) for i, text in enumerate(reports)]
    arts.append(make_article("copy", "Menu\n" + reports[3][: len(reports[3]) * 2 // 3]))
    # ten texts share the background: above the cap, it is a set phrase and proposes nothing
    capped = find_copy_pairs(arts, CopySettings(passage_most=5))
    assert [(p.a, p.b) for p in capped] == [("copy", "r03")]
    # under a cap above ten the same passage proposes every pair of them, and the model, which
    # sees a shared passage of 40 words, calls them copies
    uncapped = find_copy_pairs(arts, CopySettings(passage_most=20))
    assert [g.articles for g in group_copies(arts, uncapped)] == [tuple(sorted(a.id for a in arts))]


def test_a_text_checks_a_bounded_number_of_passage_candidates_its_source_first(
    make_article,
) -> None:
    from newsloom.stories.copies import CopySettings

    # a rewrite re-uses a long stretch of one source and one sentence of each of six others
    long = _prose(50, 80)
    sentences = [_prose(60 + i, 30) for i in range(6)]
    sources = [make_article("s0", _prose(1, 200) + " " + long + " " + _prose(2, 200))]
    sources += [make_article(f"s{i + 1}", _prose(10 + i, 200) + " " + s + " " + _prose(20 + i, 200))
                for i, s in enumerate(sentences)]  # fmt: skip
    rewrite = make_article("z", " ".join([long, *sentences, _prose(3, 300)]))
    arts = [*sources, rewrite]

    def partners(settings: CopySettings) -> set[str]:
        return {p.a for p in find_copy_pairs(arts, settings) if p.b == "z"}

    assert partners(CopySettings(passage_pairs=0)) == {a.id for a in sources}
    assert partners(CopySettings(passage_pairs=2)) in ({"s0", f"s{i}"} for i in range(1, 7))


def test_copies_further_apart_than_a_story_can_span_are_not_checked(make_article) -> None:
    # the same text printed again two months later is other news (a template, a background
    # paragraph): no story could hold both, so the pair is not looked for
    first = make_article("a", WIRE, published="2026-05-04")
    again = make_article("b", VARIANTS["cut short"], published="2026-07-06")
    near = make_article("c", VARIANTS["a new headline"], published="2026-05-05")
    undated = make_article("d", VARIANTS["another site's framing"])
    found = {(p.a, p.b) for p in find_copy_pairs([first, again, near, undated])}
    assert ("a", "b") not in found
    assert {("a", "c"), ("a", "d"), ("b", "d")} <= found
    every = find_copy_pairs([first, again], CopySettings(max_days=None))
    assert [(p.a, p.b) for p in every] == [("a", "b")]
