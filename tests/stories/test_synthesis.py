"""A story's synthesis: timeline entries with source counts, corroboration by independent
origin, the cited summary (its offsets round-trip, a property test), key quotes."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.article import Event, Quote
from newsloom.stories.copies import find_copy_pairs, group_copies
from newsloom.stories.signals import day_number
from newsloom.stories.sources import article_origins, independent, origin_key
from newsloom.stories.summary import sentences, summarise
from newsloom.stories.synthesis import synthesise
from newsloom.stories.timeline import build_timeline

WIRE = (
    "GENEVA, March 3 (Agency) - The two neighbours signed a water-sharing accord on Tuesday "
    "after months of talks over the dam upstream. The accord obliges the dam operator to warn "
    "the downstream country three days before opening the spillway gates. A joint commission "
    "will run a shared network of flood sirens along the river, officials said."
)


def _call(art_text: str, sentence: str, date: str | None, actor="Ghana", target="Burkina Faso",
          cameo="057") -> Event:  # fmt: skip
    return Event(sentence, art_text.index(sentence), actor, "GHA", cameo, target, "BFA", date)


def test_one_event_in_many_articles_is_one_entry_with_its_sources(make_article) -> None:
    texts = {
        "a": "Ghana and Burkina Faso signed the accord in Geneva on Tuesday.",
        "b": "The accord was signed by Ghana with Burkina Faso on Tuesday.",
        "c": "Ghana signed a deal with Burkina Faso, the ministry said.",
    }
    arts = [
        make_article(k, t, outlet=f"{k}.example",
                     events=(_call(t, t, "2026-03-03" if k != "c" else None),))
        for k, t in texts.items()
    ]  # fmt: skip
    origins = {"a": "wire", "b": "wire", "c": "paper"}
    (entry,) = build_timeline(arts, origins, day_number("2026-03-03"))
    assert entry.sources == ("a", "b", "c")
    assert entry.independent_sources == 2  # a and b carry one wire
    assert entry.date == "2026-03-03" and not entry.background
    for c in entry.evidence:
        assert texts[c.article][c.start : c.end]


def test_different_acts_or_days_are_different_entries(make_article) -> None:
    t = "Ghana and Burkina Faso signed the accord. Ghana criticised Burkina Faso in October."
    s1 = "Ghana and Burkina Faso signed the accord."
    s2 = "Ghana criticised Burkina Faso in October."
    art = make_article("a", t, events=(_call(t, s1, "2026-03-03"),
                                       _call(t, s2, "2025-10-12", cameo="111")))  # fmt: skip
    entries = build_timeline([art], {"a": "a"}, day_number("2026-03-03"))
    assert [(e.date, e.cameo, e.background) for e in entries] == [
        ("2025-10-12", "111", True),  # months before the story's day: background
        ("2026-03-03", "057", False),
    ]


def test_threats_and_denials_are_not_in_the_timeline(make_article) -> None:
    t = "Ghana threatened to leave the talks."
    event = Event(t, 0, "Ghana", "GHA", "057", "Burkina Faso", "BFA", None, modality="negated")
    assert build_timeline([make_article("a", t, events=(event,))], {}, None) == ()


def test_origins_count_a_wire_and_its_copies_once(make_article) -> None:
    arts = [
        make_article("a", WIRE, outlet="one.example"),
        make_article("b", "Menu\n" + WIRE, outlet="two.example"),
        make_article("c", "Our own report on the accord and the floods last year, with "
                     "interviews in the villages along the river.", outlet="three.example",
                     credits=("Politico",)),
        make_article("d", "Another report entirely, by a local radio station, about the "
                     "sirens and the commission.", outlet="www.radio.example"),
    ]  # fmt: skip
    groups = group_copies(arts, find_copy_pairs(arts))
    origins = article_origins(arts, groups)
    assert origins["a"] == origins["b"]
    assert origins["c"] == "politico"  # an article that credits another counts as it
    assert independent("abcd", origins) == 3


def test_origin_keys_join_a_publisher_s_names() -> None:
    assert origin_key("reuters.com") == origin_key("Reuters") == origin_key("Thomson Reuters")
    assert origin_key("The Associated Press") == origin_key("AP")
    assert origin_key("bbc.co.uk") == origin_key("BBC")


SENTENCE = st.text(
    alphabet=st.sampled_from("abcdefghij klmnop"), min_size=40, max_size=120
).map(lambda s: " ".join(s.split()).capitalize() + ".")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(SENTENCE, min_size=2, max_size=6), min_size=1, max_size=4))
def test_every_citation_round_trips_to_the_cited_sentence(make_article, bodies) -> None:
    arts = [make_article(f"a{i}", " ".join(body)) for i, body in enumerate(bodies)]
    origins = {a.id: a.id for a in arts}
    summary = summarise(arts, origins)
    for s in summary:
        first = s.evidence[0]
        text = next(a.text for a in arts if a.id == first.article)
        assert text[first.start : first.end] == s.sentence
        for c in s.evidence:
            cited = next(a.text for a in arts if a.id == c.article)
            assert (c.start, c.end) in sentences(cited, limit=10**6)
        assert set(s.citations) == {c.article for c in s.evidence}


def test_the_summary_cites_every_copy_and_repeats_nothing(make_article) -> None:
    arts = [
        make_article("a", WIRE, outlet="one.example"),
        make_article("b", WIRE, outlet="two.example"),
    ]
    story = synthesise("s", arts, group_copies(arts, find_copy_pairs(arts)),
                       vectors=np.eye(2, 384, dtype=np.float32))  # fmt: skip
    assert story.summary
    texts = [s.sentence for s in story.summary]
    assert len(texts) == len(set(texts))
    assert all(s.citations == ("a", "b") for s in story.summary)
    assert all(s.independent_sources == 1 for s in story.summary)
    assert story.independent_sources == 1


def test_key_quotes_keep_their_speaker_and_relaying_outlet(make_article) -> None:
    q = "We will install the first sirens before the rains come back in May"
    t = f'"{q}," the minister told Savannah Radio.'
    quote = Quote(q, 1, 1 + len(q), "direct", "Akosua Mensah", "the minister", "told",
                  "Savannah Radio")  # fmt: skip
    story = synthesise("s", [make_article("a", t, quotes=(quote,))], [],
                       vectors=np.eye(1, 384, dtype=np.float32))  # fmt: skip
    (key,) = story.quotes
    assert (key.speaker, key.via, key.article) == ("Akosua Mensah", "Savannah Radio", "a")
    assert t[key.start : key.end] == q


def test_a_sentence_of_stop_words_alone_still_cites_its_article(make_article) -> None:
    text = (
        "The ministry approved three desalination plants for the southern coast on Thursday. "
        "It was not what it had been for them at all, as they would have it be then."
    )
    summary = summarise([make_article("a", text)], {"a": "a"})
    assert len(summary) == 2
    assert all(s.citations == ("a",) and s.independent_sources == 1 for s in summary)
