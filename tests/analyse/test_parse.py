"""The light parse kept on the article, against spaCy's own Doc."""

from __future__ import annotations

import pickle

from newsloom.analyse.parse import from_doc, model, parse_texts
from newsloom.pipeline import Context

TEXT = (
    "Sky's US Correspondent Amanda Walker said: \"Donald Trump's admiration for Putin was "
    'baffling".\n\n"It is a useful initiative," Ryabkov said.\nNew line here'
)


def test_same_tokens_arcs_and_edges_as_spacy(ctx: Context) -> None:
    doc = model(ctx)(TEXT)
    parse = from_doc(doc)
    assert parse.text == TEXT
    assert [t.text for t in parse.tokens] == [t.text for t in doc]
    assert [(t.start, t.end) for t in parse.tokens] == [(t.idx, t.idx + len(t)) for t in doc]
    assert [t.head for t in parse.tokens] == [t.head.i for t in doc]
    assert [t.dep for t in parse.tokens] == [t.dep_ for t in doc]
    assert [(t.left, t.right) for t in parse.tokens] == [
        (t.left_edge.i, t.right_edge.i) for t in doc
    ]
    assert [(e.start, e.end, e.label) for e in parse.ents] == [
        (e.start_char, e.end_char, e.label_) for e in doc.ents
    ]


def test_a_line_break_starts_a_sentence(ctx: Context) -> None:
    parse = from_doc(model(ctx)(TEXT))
    starts = {parse.tokens[a].text for a, _ in parse.sents}
    assert {"Sky", "New"} <= starts
    assert any(
        parse.tokens[a].text == '"' and parse.tokens[a + 1].text == "It" for a, _ in parse.sents
    )


def test_helpers_and_pickling(ctx: Context) -> None:
    parse = from_doc(model(ctx)(TEXT))
    said = next(t.i for t in parse.tokens if t.text == "said")
    assert parse.token_at(parse.tokens[said].start + 1) == said
    assert parse.token_at(len(TEXT) + 5) is None
    inside = parse.tokens_in(parse.tokens[said].start, parse.tokens[said].end)
    assert list(inside) == [said]
    assert parse.span_text(said, said + 1) == "said"
    assert all(parse.tokens[a].i != said for a in parse.ancestors(said))
    assert pickle.loads(pickle.dumps(parse)) == parse


def test_parse_texts_matches_one_by_one(ctx: Context) -> None:
    texts = ["Kowalski said no.", "", TEXT]
    batched = list(parse_texts(texts, ctx))
    assert [p.text for p in batched] == texts
    assert batched[2] == from_doc(model(ctx)(TEXT))


def test_remembered_names_start_again_when_full_and_miss_no_key(ctx: Context) -> None:
    from newsloom.analyse.parse import _Names

    strings = model(ctx).vocab.strings
    words = ["Lisbon", "said", "talks", "Spain", "resume"]
    keys = [strings.add(w) for w in words]
    names = _Names(limit=3)
    text, lower = names.of(strings, set(keys[:2]))
    assert (text[keys[0]], lower[keys[0]], text[0]) == ("Lisbon", "lisbon", "")
    text2, lower2 = names.of(strings, {0, *keys[2:]})  # over the limit: new tables
    assert text2 is not text and {text2[k] for k in keys[2:]} == {"talks", "Spain", "resume"}
    assert lower2[keys[3]] == "spain" and text[keys[1]] == "said"
