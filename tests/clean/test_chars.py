"""Character repair steps, each table-tested, and their composition."""

from __future__ import annotations

import pytest

from newsloom.clean.chars import (
    CHAR_STEPS,
    fix_mojibake,
    normalize_newlines,
    normalize_nfc,
    remove_control_chars,
    remove_zero_width,
    repair,
    replace_nbsp,
    unaccent,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cafe\u0301 owners", "Caf\u00e9 owners"),
        ("Zoe\u0308 Martin", "Zo\u00eb Martin"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_normalize_nfc(text: str, expected: str) -> None:
    assert normalize_nfc(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one\r\ntwo", "one\ntwo"),
        ("one\rtwo\r", "one\ntwo\n"),
        ("one\ntwo", "one\ntwo"),
    ],
)
def test_normalize_newlines(text: str, expected: str) -> None:
    assert normalize_newlines(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the\x00 port\x07 reopened", "the port reopened"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("form\x0cfeed\x1b", "formfeed"),
        ("del\x7f", "del"),
    ],
)
def test_remove_control_chars(text: str, expected: str) -> None:
    assert remove_control_chars(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the minister\u00e2\u20ac\u2122s letter", "the minister\u2019s letter"),
        ("she said \u00e2\u20ac\u0153no\u00e2\u20ac\x9d", "she said \u201cno\u201d"),
        ("a caf\u00c3\u00a9 in Lyon", "a caf\u00e9 in Lyon"),
        ("\x93quoted\x94 in cp1252", "\u201cquoted\u201d in cp1252"),
        # text that is already right is never touched: curly quotes, dashes, ellipses
        (
            "\u201cWe\u2019re out\u201d \u2014 he said\u2026",
            "\u201cWe\u2019re out\u201d \u2014 he said\u2026",
        ),
        ('straight "quotes" stay', 'straight "quotes" stay'),
        ("the \ufb01nal ligature stays", "the \ufb01nal ligature stays"),
        # accented words alone are no sign of mojibake
        ("Mélenchon à Montréal, São Paulo", "Mélenchon à Montréal, São Paulo"),
        ("Zürich\u00e2 stays", "Zürich\u00e2 stays"),
    ],
)
def test_fix_mojibake(text: str, expected: str) -> None:
    assert fix_mojibake(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dam\u200bspill", "damspill"),
        ("\ufeffHeadline", "Headline"),
        ("co\u00adoperation", "cooperation"),
        ("no change", "no change"),
    ],
)
def test_remove_zero_width(text: str, expected: str) -> None:
    assert remove_zero_width(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sources:\u00a0Harbour", "Sources: Harbour"),
        ("10\u202fkm", "10 km"),
        ("figure\u2007one", "figure one"),
    ],
)
def test_replace_nbsp(text: str, expected: str) -> None:
    assert replace_nbsp(text) == expected
    assert len(replace_nbsp(text)) == len(text)


def test_repair_runs_every_step() -> None:
    text = "Caf\u00c3\u00a9\u00a0owner\u200b said\r\n\u201cyes\u201d\x00"
    assert repair(text) == "Caf\u00e9 owner said\n\u201cyes\u201d"


def test_repair_with_chosen_steps() -> None:
    assert repair("a\u00a0b\r\n", [replace_nbsp]) == "a b\r\n"
    assert len(CHAR_STEPS) == 6


def test_repair_type_error() -> None:
    with pytest.raises(TypeError):
        repair(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Rádio Renascença", "Radio Renascenca"),
        ("Khān Shaykhūn", "Khan Shaykhun"),
        ("Zürich", "Zurich"),
        ("Sinaï", "Sinai"),
        ("ﬁnance", "finance"),
        ("plain ASCII", "plain ASCII"),
        ("Łódź", "Łodz"),
        ("", ""),
    ],
)
def test_unaccent_drops_accents_and_keeps_letters(text: str, bare: str) -> None:
    assert unaccent(text) == bare
