"""The Article contract: field names of DESIGN.md, and offsets that map back to the source."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace

import pytest

from newsloom.article import Article, Document, Published
from newsloom.hashing import content_hash

CONTRACT_FIELDS = {
    "id",
    "url",
    "outlet",
    "title",
    "lang",
    "published",
    "text",
    "removed",
    "quality",
    "entities",
    "quotes",
    "dates",
    "events",
}


def _article(**kw: object) -> Article:
    raw = "Headline\n\nFirst line.\nAd here\nSecond line."
    doc = Document("a1", "x.txt", "text", raw, content_hash(raw))
    return replace(Article.from_document(doc), **kw)


def test_to_dict_has_every_contract_field_and_is_json() -> None:
    art = _article(published=Published("2017-12-15", "dateline", 0.9))
    out = art.to_dict()
    assert set(out) >= CONTRACT_FIELDS
    assert set(out["published"]) >= {"value", "basis", "confidence"}
    assert set(out["quality"]) >= {
        "repeated_sentences",
        "truncated_sentences",
        "spun_markers",
        "credits",
    }
    assert json.loads(json.dumps(out))["published"]["value"] == "2017-12-15"
    assert "raw" not in out and "raw" in art.to_dict(include_raw=True)


def test_articles_are_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        _article().text = "changed"  # type: ignore[misc]


def test_source_offset_maps_through_removed_lines() -> None:
    source = "Headline\n\nFirst line.\nAd here\nSecond line."
    # kept: "First line.\n" (source 10..22) and "Second line." (source 30..42)
    text = "First line.\nSecond line."
    art = _article(source_text=source, text=text, segments=((0, 10, 12), (12, 30, 12)))
    for i in range(len(text)):
        assert source[art.source_offset(i)] == text[i]
