"""The shipped CAMEO 2.0 lexicon and Phoenix people: provenance, fidelity, matching."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from importlib import resources

import pytest

from newsloom.analyse.parse import Parse
from newsloom.analyse.phoenix import PEOPLE_FILE, phoenix_country
from newsloom.analyse.verbdict import LEXICON_FILE, match_verb, shipped_dictionary
from newsloom.evaluation.cameo_dictionary import default_dictionary_path, load_dictionary


def _header(name: str) -> dict[str, object]:
    raw = resources.files("newsloom.resources").joinpath(name).read_bytes()
    return json.loads(gzip.decompress(raw))


@pytest.mark.parametrize("name", [LEXICON_FILE, PEOPLE_FILE])
def test_shipped_files_name_their_source_and_licence(name: str) -> None:
    data = _header(name)
    assert "MIT" in str(data["licence"])
    assert str(data["built_by"]).startswith("training/")
    assert len(str(data["source_sha256"])) == 64


def test_the_shipped_lexicon_is_the_dictionary() -> None:
    """Read without ../shared; equal to the dictionary file read by the comparison coder."""
    shipped = shipped_dictionary()
    assert len(shipped.verbs) > 1000
    path = default_dictionary_path()
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    assert shipped == load_dictionary(path)


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        ("Thousands took to the streets of the capital.", "took", "14"),
        ("The army recalled its reservists.", "recalled", None),
    ],
)
def test_patterns_read_the_verbs_phrase(
    parsed: Callable[[str], Parse], text: str, verb: str, code: str | None
) -> None:
    parse = parsed(text)
    i = next(t.i for t in parse.tokens if t.text == verb)
    found = match_verb(shipped_dictionary(), parse, i, 0)
    if code is None:
        assert found is None or not found[1]
    else:
        assert found is not None and found[1] and (found[0] or "").startswith(code)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Robert Mugabe", "ZWE"),
        ("Laurent Gbagbo", "CIV"),
        ("robert mugabe", "ZWE"),
        ("Mugabe", None),
        ("Nobody Inparticular", None),
        (None, None),
    ],
)
def test_phoenix_country_of_full_names(name: str | None, country: str | None) -> None:
    assert phoenix_country(name) == country
