"""Truncated sentences: prose cut off mid-way, inside the text or at its very end.

A paragraph of running prose that stops without final punctuation was cut (a scraper's size
cap, a spliced page); so was one that stops on an abbreviation that cannot end a sentence
("... Mr.") or on a country abbreviation right after a verb of saying or a conjunction, where
the sentence has clearly lost its object ("Last month, though, Trump said U.S."). Headlines,
deks, bylines, list items and lines that continue on the next line are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsloom.article import Span
from newsloom.clean.boilerplate import END_OF_ARTICLE
from newsloom.clean.credits import parse_agency_credits, parse_source_tail
from newsloom.clean.lines import ends_sentence, is_list_item, split_lines, words, wordset
from newsloom.clean.sentences import TITLE_ABBREVIATIONS, Sentence, split_sentences

__all__ = [
    "article_truncated",
    "cut_reason",
    "end_cut_reason",
    "is_running_prose",
    "truncated_sentences",
]

_CLOSERS = "\"'”’“‘)]»\ufffd"
NO_FINAL_PUNCTUATION = "ends without final punctuation"
# Words that cannot end a sentence: a paragraph stopping on one was cut.
_FUNCTION_WORDS = wordset(
    """a an the of to in on at for from with by and or but nor as than that which who whom
    whose this these those its their his her our your my is are was were be been being
    has have had will would can could should may might must not into onto over under
    about after before between through during including such like plus via per if when
    while because although though whether"""
)
_COUNTRY_ABBREVIATION = re.compile(r"^(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|U\.S\.A\.)$")
_OPEN_WORDS = wordset(
    """said says say told tells that and or but because while when as if than whether where
    which who whom whose"""
)
# "... for us all — Theresa May": a pull quote's attribution
_SIGNATURE = re.compile(r"\s[—–]\s*(?:[A-Z][\w.'’-]*\s?){1,4}$")
_LINK_END = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/|@)\S+$")
_DATE_END = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},\s\d{4}$"
)
# a wire's end mark: "(END)", "-30-", "###"
_END_MARK = re.compile(r"^\(?(?:end|-30-|#{3})\)?\.?$", re.IGNORECASE)
_READ_WHOLE = re.compile(
    r"\bread the (?:whole|full|complete|rest of the) (?:article|story)\b", re.IGNORECASE
)


def _closed_otherwise(text: str) -> bool:
    """A line that ends without a period but is finished: a credit, a signature, a link, a date."""
    if parse_source_tail(text) or parse_agency_credits(text):
        return True
    return bool(_SIGNATURE.search(text) or _LINK_END.search(text) or _DATE_END.search(text))


def cut_reason(line: str) -> str | None:
    """Why `line` looks cut off at its end, or None when it ends like a sentence."""
    text = line.rstrip()
    if not text:
        return None
    bare = text.rstrip(_CLOSERS).rstrip()
    if not bare:
        return None
    if not ends_sentence(text) and bare[-1] != ":":
        if _closed_otherwise(text):
            return None
        return NO_FINAL_PUNCTUATION
    tail = bare.rsplit(None, 2)[-2:]
    last = tail[-1]
    before = tail[0].lower() if len(tail) == 2 else ""
    if last.endswith(".") and last[:-1].lower() in TITLE_ABBREVIATIONS:
        return "ends on a title abbreviation"
    if _COUNTRY_ABBREVIATION.match(last) and before in _OPEN_WORDS:
        return "ends on an abbreviation that opens a clause"
    return None


def _cut_inside(sentences: list[Sentence]) -> bool:
    """Is an unpunctuated paragraph inside the text really cut, not a summary line or a label?

    Pages print summaries, list items and labels without a period, so a missing period alone
    says little inside a text. Two signs do: the paragraph stops on a word that needs a
    continuation ("... Makara Sankranti and"), or a finished sentence is followed by a fragment
    of one ("... the document said.He will say the decision"), which is not a name or byline.
    """
    last = sentences[-1].text
    tokens = words(last)
    if tokens and tokens[-1].lower().strip(_CLOSERS + ",") in _FUNCTION_WORDS:
        return True
    if len(sentences) < 2 or len(tokens) < 3:
        return False
    alpha = [t for t in tokens if t[:1].isalpha()]
    return sum(1 for t in alpha if t[0].isupper()) <= len(alpha) / 2


def end_cut_reason(line: str, *, mid_line: bool = False) -> str | None:
    """Why the text's last paragraph looks cut off, or None.

    A missing period is not enough at the end of a page (it may close on a label, a name or a
    table row): the paragraph must also be running prose, an opened quotation that never
    closes, or stop on a comma or a word that needs a continuation; or the source itself must
    stop in the middle of a line (`mid_line`: the scraper's cap fell after a space). A final
    colon announces what is missing.
    """
    text = line.rstrip()
    if text.endswith(":"):
        return "ends on a colon"
    reason = cut_reason(text)
    if reason is None or reason != NO_FINAL_PUNCTUATION:
        return reason
    tokens = words(text)
    last = tokens[-1].lower() if tokens else ""
    sentences = split_sentences(text)
    if (
        mid_line
        or is_running_prose(sentences[-1].text if sentences else text, min_words=4)
        or _open_quote(text)
        or text[-1] in ",;-–—"
        or last.strip(_CLOSERS) in _FUNCTION_WORDS
    ):
        return reason
    return None


def _open_quote(text: str) -> bool:
    """Does the last sentence open a quotation that is never closed ('"The head of a cowa')?"""
    sentences = split_sentences(text)
    last = sentences[-1].text if sentences else text
    return last[:1] in "\"“‘'" and not any(c in last[1:] for c in '"”’')


def is_running_prose(line: str, min_words: int = 6) -> bool:
    """Sentence-like text rather than a headline, label or list item: mostly lower-case words."""
    tokens = words(line)
    if len(tokens) < min_words or is_list_item(line.lstrip()):
        return False
    alpha = [t for t in tokens if t[:1].isalpha()]
    return bool(alpha) and sum(1 for t in alpha if t[0].islower()) / len(alpha) >= 0.5


def truncated_sentences(text: str, *, mid_line: bool = False) -> list[Span]:
    """The cut sentences of `text` (offsets into it): the last sentence of each cut paragraph.

    `mid_line` says the source stopped in the middle of a line (see `end_cut_reason`).
    """
    lines = [line for line in split_lines(text) if not line.blank]
    # the headline zone (headline, dek, byline) ends at the first line of finished prose
    body_from = next(
        (
            i
            for i, line in enumerate(lines)
            if ends_sentence(line.text) and len(words(line.text)) >= 8
        ),
        len(lines),
    )
    out = []
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        if not last and (i < body_from or not is_running_prose(line.text)):
            continue
        nxt = lines[i + 1].text.lstrip() if not last else ""
        if nxt[:1].islower():
            continue  # the sentence goes on in the next line: a broken line, not a cut
        if last and _END_MARK.match(line.text.strip()):
            continue
        reason = end_cut_reason(line.text, mid_line=mid_line) if last else cut_reason(line.text)
        if reason is None:
            continue
        sentences = split_sentences(line.text, line.start)
        if not sentences:
            continue
        sent = sentences[-1]
        if not last and reason == NO_FINAL_PUNCTUATION and not _cut_inside(sentences):
            continue
        note = f"text ends mid-sentence ({reason})" if last else f"paragraph {reason}"
        out.append(Span(sent.text, sent.start, sent.end, note))
    return out


def article_truncated(
    text: str, tail: Iterable[tuple[str, str]] = (), *, mid_line: bool = False
) -> bool | None:
    """False when a sign shows the article ended there; True when the text stops mid-sentence
    at its very end; None when it ends on a sentence boundary with no sign either way.

    `tail` holds (text, reason) of the lines removed after the last kept character. A text
    whose last paragraph closes with a credit ("– The Telegraph", "(AP)") is complete.
    `mid_line` says the source stopped in the middle of a line.
    """
    stripped = text.rstrip()
    if not stripped:
        return None
    last_line = stripped.rsplit("\n", 1)[-1]
    if (
        parse_source_tail(last_line)
        or parse_agency_credits(last_line)
        or _END_MARK.match(last_line.strip())
    ):
        return False
    # page furniture that follows an article body (a comment form, a copyright line) shows the
    # article ended, even when its last paragraph lacks a final period
    for removed_text, reason in tail:
        if reason in END_OF_ARTICLE or _READ_WHOLE.search(removed_text):
            return False
    if end_cut_reason(last_line, mid_line=mid_line) is not None:
        return True
    return None
