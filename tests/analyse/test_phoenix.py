"""Bodies from the Phoenix actor dictionaries: the shipped table, how it is built, lookups."""

from __future__ import annotations

import gzip
import importlib.util
import json
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from newsloom.analyse.phoenix import BODIES_FILE, body_key, phoenix_body

ROOT = Path(__file__).resolve().parents[2]
DICTIONARIES = ROOT.parent / "shared" / "data" / "cameo_dictionaries"


def _builder() -> ModuleType:
    path = ROOT / "training" / "build_phoenix_bodies.py"
    spec = importlib.util.spec_from_file_location("build_phoenix_bodies", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shipped() -> dict[str, object]:
    raw = resources.files("newsloom.resources").joinpath(BODIES_FILE).read_bytes()
    return json.loads(gzip.decompress(raw))


def test_the_shipped_table_names_its_sources_and_licence() -> None:
    data = _shipped()
    assert "MIT" in str(data["licence"])
    assert str(data["built_by"]) == "training/build_phoenix_bodies.py"
    digests = data["source_sha256"]
    assert isinstance(digests, dict) and all(len(d) == 64 for d in digests.values())


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Amnesty International", "NGOHRIAMN"),
        ("amnesty international", "NGOHRIAMN"),
        ("the Taliban", "AFGREB"),
        ("al-Qaeda", "IMGMUSALQ"),
        ("Al Qaeda", "IMGMUSALQ"),
        ("The International Committee of the Red Cross", "NGOHLHIRC"),
        ("Tigers", None),  # the plural of a noun: a sports team far more often
        ("Reuters", None),  # an outlet relays; it is not an actor
        ("Nobody In Particular Ltd", None),
        (None, None),
        ("", None),
    ],
)
def test_phoenix_body(name: str | None, code: str | None) -> None:
    assert phoenix_body(name) == code


@pytest.mark.parametrize(
    ("text", "key"),
    [("The U.N.", "un"), ("AL_QAEDA_", "al qaeda"), ("al-Qaeda", "al qaeda"), ("  ", "")],
)
def test_body_key(text: str, key: str) -> None:
    assert body_key(text) == key


INVENTED = """\
# a header line
FREEDOM_LEAGUE_ [NGOHRI]
+LEAGUE_
+THE_LEAGUE_FOR_FREEDOM
ZORBANIA_RAIL_ [MNCZAFBUS]
NOWHERE_CORP_ [MNC]
DAILY_PLANET_ [MED]
RIVER_BRIGADE_
+THE_BRIGADE_OF_THE_RIVER
\t[AFGREB]
KOFA_ANAN_
\t[IGOUNO 970101-061231]
\t[GHAGOV >20070101]
LIONS_ [ZWEREB]
QORVANI_ [IMGQRV]
"""


def test_read_bodies_keeps_what_names_one_body_in_newsloom_codes() -> None:
    bodies = _builder().read_bodies(INVENTED, frozenset({"lion"}))
    assert bodies == {
        "freedom league": "NGOHRI",
        "league for freedom": "NGOHRI",  # a variant of two words or more
        "zorbania rail": "ZAFBUS",  # a company: its country's business sector
        "river brigade": "AFGREB",  # codes on the lines after the names
        "brigade of the river": "AFGREB",
        "qorvani": "IMGQRV",  # one word, the entry's own name
    }  # "league": a one-word variant; NOWHERE_CORP_: no country; DAILY_PLANET_: media;
    #   KOFA_ANAN_: two bodies over time; LIONS_: the plural of a noun


def test_the_shipped_table_is_what_the_script_builds() -> None:
    if not DICTIONARIES.is_dir():
        pytest.skip(f"{DICTIONARIES} is absent")
    builder = _builder()
    nouns = builder.english_nouns()
    built: dict[str, str] = {}
    for name in builder.SOURCES:
        text = (DICTIONARIES / name).read_bytes().decode("utf-8", errors="replace")
        for key, code in builder.read_bodies(text, nouns).items():
            built.setdefault(key, code)
    assert built == _shipped()["bodies"]
