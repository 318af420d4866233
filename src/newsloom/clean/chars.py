"""Character repair: small pure `str -> str` steps, composed in `CHAR_STEPS`.

The steps run before anything looks at lines, so that a boilerplate rule or the quote finder
never has to care about mojibake, a stray U+200B or a non-breaking space. Most steps keep the
length of the text, because gold offsets (and the offsets a user cites) point into the raw
text; mojibake repair and NFC cannot, and that is accepted: `source_text` is the repaired text
and every later offset points into it.

Quotation marks, dashes and ellipses are left exactly as printed: the quote finder needs to
tell “ from " and the dateline rules need the em dash.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

import ftfy
from ftfy.badness import is_bad

from newsloom.deadline import untimed

__all__ = [
    "CHAR_STEPS",
    "fix_mojibake",
    "normalize_newlines",
    "normalize_nfc",
    "remove_control_chars",
    "remove_zero_width",
    "repair",
    "replace_nbsp",
    "unaccent",
]

# Only the encoding repairs: no quote uncurling, no ligature or width folding, no HTML
# unescaping, no line-break or normalisation changes (separate steps do those).
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# C0 and C1 controls except tab and newline, plus DEL. (CR is handled by normalize_newlines.)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Zero-width space/joiners, word joiner, BOM, soft hyphen: invisible, and they break matching.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# No-break spaces of all widths become a plain space (same length).
_NBSP = re.compile("[\u00a0\u2007\u202f]")
# C1 controls: cp1252 punctuation decoded as Latin-1 ("\x93smart\x94")
_C1 = re.compile("[\x80-\x9f]")
#: UTF-8 read as Latin-1 or cp1252 always shows a lead byte (U+00C2-U+00F4 as a character)
#: followed by a continuation byte (0x80-0xBF, or the cp1252 character at that byte). Text
#: without such a pair cannot hold that kind of mojibake, whatever else it holds.
_UTF8_MISREAD = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6"
    "\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc"
    "\u2122\u0161\u203a\u0153\u017e\u0178]"
)


def normalize_nfc(text: str) -> str:
    """Compose characters (e + combining acute -> é) so equal words compare equal."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
@untimed
def _marks() -> dict[int, None]:
    """Every combining mark (what an accent becomes once decomposed), as a table that
    `str.translate` deletes: one pass over a name instead of a test per character."""
    return dict.fromkeys(c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))


def unaccent(text: str) -> str:
    """`text` without its accents ("Rádio Sinaï" -> "Radio Sinai"), so that a name matches
    however it was spelled; compatibility forms are decomposed too ("ﬁ" -> "fi"). Not a
    repair step: it changes the text a reader sees."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_marks())


def normalize_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n: every later step splits lines on \\n only."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def remove_control_chars(text: str) -> str:
    """Drop control characters a scraper leaves behind; keep \\n and \\t."""
    return _CONTROL.sub("", text)


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 read as Latin-1/cp1252 ("Russiaâ€™s" -> "Russia’s") with ftfy.

    Curly quotes, dashes and ellipses that are already right are never touched.
    """
    # a cheap necessary condition first, then ftfy's own (costlier) test for mojibake
    if text.isascii() or not (_C1.search(text) or _UTF8_MISREAD.search(text)):
        return text
    if not (_C1.search(text) or is_bad(text)):
        return text
    return ftfy.fix_text(text, config=_FTFY)


def remove_zero_width(text: str) -> str:
    """Drop zero-width characters and soft hyphens (invisible, but they split words)."""
    return _ZERO_WIDTH.sub("", text)


def replace_nbsp(text: str) -> str:
    """Non-breaking spaces become plain spaces (length-preserving)."""
    return _NBSP.sub(" ", text)


#: The repair steps, in order. Newlines first so that control-character removal never sees \r.
CHAR_STEPS: tuple[Callable[[str], str], ...] = (
    normalize_newlines,
    fix_mojibake,
    remove_control_chars,
    normalize_nfc,
    remove_zero_width,
    replace_nbsp,
)


def repair(text: str, steps: Sequence[Callable[[str], str]] = CHAR_STEPS) -> str:
    """Run the character steps over `text`."""
    if not isinstance(text, str):
        raise TypeError(f"repair() takes a str, got {type(text).__name__}")
    for step in steps:
        text = step(text)
    return text
