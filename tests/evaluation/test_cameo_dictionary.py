"""The CAMEO dictionary coder: reading the PETRARCH format, coding parsed sentences, scoring."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsloom.analyse.parse import Parse, parse_text
from newsloom.article import Article
from newsloom.evaluation.cameo_dictionary import (
    SYSTEM,
    TABLE_SYSTEM,
    code_sentences,
    default_dictionary_path,
    dictionary_answers,
    dictionary_events,
    load_dictionary,
    parse_dictionary,
    score_dictionary_events,
)
from newsloom.evaluation.events import score_cameo_records
from newsloom.evaluation.gold import GoldArticle, GoldSet
from newsloom.pipeline import Context

#: a small dictionary of our own in the PETRARCH format: synonym sets, blocks with a default
#: code, a verb with its own code, irregular forms, a phrasal verb, patterns with a synonym
#: set, a prepositional phrase, a {noun phrase}, actor slots and an actor:target code
DICTIONARY = """
# a comment line
####### SYNONYM SETS #######

&ARMS
+RIFLE
+ANTI-TANK MISSILE

####### VERB PATTERNS #######

---  SEND   [070]  ---
SEND {SENDS SENT SENDING}
DISPATCH [042]
- * &ARMS                                   [072]     # SEND
- * (TO FRONT) &ARMS                        [154]     # SEND
- $ * {PEACE ENVOY} +                       [045:043] # SEND

---  SCOLD   [111]  ---
SCOLD
+TELL_OFF {+TOLD_OFF +TELLS_OFF}

---  EXPLAIN_VERBAL   [010]  ---
SAY {SAYS SAID SAYING}
REPORT [---]

---  GRANT   [060]  ---
LEND
- * SHELTER                                 [:075]    # LEND

---  LEND   [---]  ---
LEND
"""


@pytest.fixture(scope="module")
def dic() -> Any:
    return parse_dictionary(DICTIONARY)


def test_parse_dictionary_verbs_and_codes(dic: Any) -> None:
    send = dic.verbs["send"][0]
    assert send.code == "070"  # the block's code
    assert dic.verbs["dispatch"][0].code == "042"  # its own
    assert dic.verbs["report"][0].code is None  # "[---]": no default
    assert dic.verbs["say"][0].code == "010"
    assert dic.forms["sent"] == "send" and dic.forms["said"] == "say"
    (tell,) = dic.verbs["tell"]
    assert (tell.after, tell.code) == (("off",), "111")
    # listed in GRANT [060] too, but its own block LEND has no default; patterns of both
    (lend,) = dic.verbs["lend"]
    assert lend.code is None
    assert [p.code for p in lend.patterns] == ["075"]


def test_parse_dictionary_patterns(dic: Any) -> None:
    arms, front, envoy = dic.verbs["send"][0].patterns
    assert arms.after == ((("rifle",), ("anti-tank", "missile")),) and arms.code == "072"
    assert [t[0] for t in front.after[:2]] == [("to",), ("front",)] and front.size == 3
    assert envoy.before == () and envoy.after == ((("peace", "envoy"),),)
    assert envoy.code == "045"  # the actor's code of "[045:043]"
    assert dic.verbs["dispatch"][0].patterns == dic.verbs["send"][0].patterns


@pytest.fixture(scope="module")
def parsed() -> Callable[[str], Parse]:
    ctx = Context()
    return lambda text: parse_text(text, ctx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania sent a letter to Borduria.", ["070"]),  # the block's default
        ("Ruritania sent rifles to the rebels.", ["072"]),  # a synonym-set pattern
        ("The general sent to the front two thousand rifles.", ["154"]),  # the most specific
        ("Ruritania sent a peace envoy to Borduria.", ["045"]),
        ("Ruritania dispatched a courier.", ["042"]),
        ("The minister told off the ambassador.", ["111"]),  # phrasal
        ("The minister told the ambassador everything.", []),  # plain "tell" is not listed
        ("Officials said that Ruritania sent rifles.", ["072"]),  # a statement gives way
        ("Officials said nothing.", ["010"]),
        ("The newspaper reported the visit.", []),
    ],
)
def test_code_sentences(
    dic: Any, parsed: Callable[[str], Parse], text: str, expected: list[str]
) -> None:
    (found,) = code_sentences(dic, parsed(text))
    assert [code for _, code in found] == expected


def test_dictionary_events_and_answers(dic: Any, parsed: Callable[[str], Parse]) -> None:
    text = "Nothing happened. Ruritania sent rifles to the rebels."
    parse = parsed(text)
    (event,) = dictionary_events(dic, parse)
    assert (event.cameo, event.actor, event.sentence) == ("072", None, text[18:])
    assert event.start == 18
    answers = dictionary_answers(dic, [parse, parsed("Nothing happened."), None])
    assert answers == ["072", None, None]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_score_dictionary_events(dic: Any, parsed: Callable[[str], Parse], tmp_path: Path) -> None:
    text = "Ruritania sent rifles to the rebels. Officials said nothing. Borduria slept."
    rows: list[dict[str, Any]] = [
        {"id": "a", "sentence": "Ruritania sent rifles to the rebels.", "start": 0,
         "cameo": "072", "actor_country": None, "target_country": None},
        {"id": "a", "sentence": "Borduria slept.", "start": 61, "cameo": "190",
         "actor_country": None, "target_country": None},
    ]  # fmt: skip
    gold = GoldSet(tmp_path, [GoldArticle("a", text, None, None, None, "en", {"id": "a"})],
                   {"events": rows})  # fmt: skip
    article = Article(
        id="a", source="a", format="text", content_hash="", raw=text, text=text,
        parse=parsed(text),
    )  # fmt: skip
    path = _write(tmp_path / "dictionary.txt", DICTIONARY)
    both = score_dictionary_events(gold, {"a": article}, path=path)
    assert {f.system for f in both} == {SYSTEM, TABLE_SYSTEM}
    assert all(f.floor is None for f in both)
    figures = [f for f in both if f.system == SYSTEM]
    got = {f.name.split(" (")[0]: f for f in figures}
    assert set(got) == {"root-code recall", "root-code precision"}
    assert (got["root-code recall"].numerator, got["root-code recall"].denominator) == (1, 2)
    # "said nothing" lies outside the coded sentences: not counted
    assert (got["root-code precision"].numerator, got["root-code precision"].denominator) == (1, 1)
    assert score_dictionary_events(gold, {"a": article}, path=tmp_path / "absent.txt") == []


def test_score_cameo_records_prints_the_dictionary_beside_newsloom(tmp_path: Path) -> None:
    """A three-record set in the PLOVER format, written here, with our small dictionary."""
    records = [
        {"id": "1", "event": "AID", "text": "Ruritania sent rifles to the rebels in Borduria."},
        {"id": "2", "event": "AID", "text": "Ruritania sent a letter to the Bordurian president."},
        {"id": "3", "event": "CONSULT", "text": "The Ruritanian president visited Borduria."},
    ]
    _write(tmp_path / "PLOVER_GSR_CAMEO.json", json.dumps(records))
    _write(tmp_path / "CAMEO2PLOVER-2021.txt", "04: CONSULT\n042: CONSULT\n07: AID\n072: AID\n")
    path = _write(tmp_path / "dictionary.txt", DICTIONARY)
    figures = [
        f
        for f in score_cameo_records(tmp_path, dictionary=path)
        if f.name.startswith("PLOVER gold standard, all records") and "accuracy" in f.name
    ]
    assert [f.system for f in figures][:3] == ["newsloom", SYSTEM, TABLE_SYSTEM]
    assert figures[3].system.startswith("most frequent")
    theirs = figures[1]
    # "sent rifles" 072 (AID) and "sent a letter" 070 (the block default, AID); "visited"
    # is not in the small dictionary
    assert (theirs.numerator, theirs.denominator) == (2, 3)


@pytest.fixture(scope="module")
def cameo2() -> Any:
    path = default_dictionary_path()
    if not path.is_file():
        pytest.skip(f"{path} is absent (set NEWSLOOM_SHARED)")
    return load_dictionary(path)


def test_the_cameo_2_dictionary_reads(cameo2: Any) -> None:
    assert len(cameo2.verbs) > 1000
    assert cameo2.verbs["say"][0].code == "010"
    assert cameo2.verbs["condemn"][0].code == "111"
    assert any(e.after == ("for",) for e in cameo2.verbs["ask"])
    codes = [p.code for es in cameo2.verbs.values() for e in es for p in e.patterns]
    assert len(codes) > 3000
    assert all(re.fullmatch(r"\d{2,4}", c) for c in codes)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Ruritania condemned the bombing of its embassy.", "11"),
        ("Ruritania imposed sanctions on Borduria.", "16"),
        ("Ruritania restored diplomatic ties with Borduria.", "05"),
    ],
)
def test_the_cameo_2_dictionary_codes(
    cameo2: Any, parsed: Callable[[str], Parse], text: str, root: str
) -> None:
    (answer,) = dictionary_answers(cameo2, [parsed(text)])
    assert answer is not None and answer[:2] == root
