"""Cutting a text at overlapping annotation boundaries."""

from __future__ import annotations

from newsloom.serve.highlight import Span, pieces

TEXT = '"We will rebuild," Mayor Ana Silva said on Monday.'
NAME = TEXT.index("Mayor"), TEXT.index(" said")


def test_pieces_cover_the_text_in_order() -> None:
    spans = [Span(0, 17, "quote", "direct quote"), Span(*NAME, "entity", "PERSON"),
             Span(0, len(TEXT), "event", "event 010")]  # fmt: skip
    out = pieces(TEXT, spans)
    assert "".join(p.text for p in out) == TEXT
    quote = next(p for p in out if p.text.startswith('"We'))
    assert quote.kinds == ("event", "quote")
    person = next(p for p in out if p.text == "Mayor Ana Silva")
    assert person.kinds == ("event", "entity")
    assert set(person.notes) == {"PERSON", "event 010"}


def test_cited_range_marks_its_pieces_and_the_first_one() -> None:
    out = pieces(TEXT, [Span(*NAME, "entity", "PERSON")], cited=(10, 25))
    cited = [p for p in out if p.cited]
    assert "".join(p.text for p in cited) == TEXT[10:25]
    assert [p.first_cited for p in cited] == [True] + [False] * (len(cited) - 1)


def test_spans_outside_the_text_are_ignored() -> None:
    out = pieces("short", [Span(3, 99, "date", "x"), Span(4, 2, "entity", "y")], cited=(50, 60))
    assert [p.text for p in out] == ["short"] and not out[0].kinds and not out[0].cited
