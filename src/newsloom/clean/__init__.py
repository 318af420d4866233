"""Cleaning: small pure steps that turn extracted text into the clean body.

The stage `clean` repairs characters (`chars`), takes out the scraper's metadata prefix
(`prefix`), boilerplate lines (decided by the learned line model, `linemodel`; the hand rules of
`boilerplate` are its cues and name the class of what it removes), a reader-comment thread
after the article (`thread`), the furniture after its last sentence on a scraped page
(`tail`), the headline (`title`) and
repeated sentences (`repeats`), each recorded in `removed` with its reason and source offsets;
it then flags truncated sentences (`truncation`), spun-copy markers (`spun`) and credits
(`credits`), and identifies the language (`language`).

The clean body is `source_text` with whole spans deleted (`spans`), so every character of it
maps back to the source through `segments`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsloom.article import Article, Quality, Removed, RepeatedSentence
from newsloom.clean.boilerplate import classify, glued_navigation, rule_reasons
from newsloom.clean.chars import repair
from newsloom.clean.credits import find_credits, vocabulary
from newsloom.clean.language import RESOURCE_KEY, identify, load_identifier
from newsloom.clean.linefeatures import row_text
from newsloom.clean.linehtml import Block
from newsloom.clean.linemodel import LineModel, default_model, markup_model, rules_read
from newsloom.clean.lines import Line, LineContext, ends_sentence, split_lines, words
from newsloom.clean.prefix import parse_metadata_prefix, prefix_span
from newsloom.clean.repeats import find_repeats
from newsloom.clean.spans import Segments, compose, source_spans, text_offsets
from newsloom.clean.spun import SPUN_LANGUAGE, spun_markers
from newsloom.clean.tail import REASON as TAIL_REASON
from newsloom.clean.tail import page_tail
from newsloom.clean.thread import thread_start
from newsloom.clean.title import find_headline, page_furniture
from newsloom.clean.truncation import article_truncated, truncated_sentences
from newsloom.errors import Reason, reject
from newsloom.pipeline import Context, stage
from newsloom.settings import Settings

__all__ = ["Cleaned", "clean", "clean_text", "parse_metadata_prefix", "repair"]

_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
_MID_LINE_END = re.compile(r"[ \t]+")
_SPACE = re.compile(r"\s+")
# a line that closes on one of these was finished by the page (a table row, a bracket, a quote)
_CLOSING_MARKS = frozenset("|)]}»”’\"'.!?")
#: A source longer than this many times `max_chars` is cut before cleaning.
SOURCE_CAP_FACTOR = 2
#: Reasons of the lines that make up a page's top bar; the headline comes after them.
_TOP_NAVIGATION = frozenset({"navigation", "page_title"})


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What the cleaning steps make of one source text (language aside)."""

    text: str
    segments: Segments
    removed: tuple[Removed, ...]
    quality: Quality
    title: str | None


@dataclass
class _Piece:
    """A non-blank line of the source and what is kept of it."""

    line: Line
    start: int  # kept part, source offsets
    end: int
    reason: str | None = None

    @property
    def text(self) -> str:
        return self.line.text[self.start - self.line.start : self.end - self.line.start]


def _cut_at_line(text: str, limit: int) -> int:
    """Where to cut `text` to keep at most `limit` characters: a line end if one is near."""
    cut = text.rfind("\n", 0, limit + 1)
    return cut if cut >= limit // 2 else limit


def _line_deletion(line: Line, length: int) -> tuple[int, int]:
    """A whole line and its newline."""
    return line.start, min(line.end + 1, length)


def _prefix_is_junk(rest: str) -> bool:
    """What follows the prefix on its line is no content: empty, a widget, a number, one word."""
    text = rest.strip()
    if len(_ALPHA_WORD.findall(text)) < 2:
        return True
    return classify(text, LineContext.alone(text)) is not None


def _pieces(source: str, removed: list[Removed], deletions: list[tuple[int, int]]) -> list[_Piece]:
    """Non-blank lines as pieces, after the metadata prefix is handled."""
    lines = [line for line in split_lines(source) if not line.blank]
    pieces = [_Piece(line, line.start, line.end) for line in lines]
    _, plen = parse_metadata_prefix(source)
    if plen and pieces and pieces[0].line.start == 0:
        first = pieces[0]
        cut = prefix_span(source)
        if _prefix_is_junk(source[cut : first.line.end]):
            removed.append(
                Removed(first.line.text, "metadata_prefix", first.line.start, first.line.end)
            )
            deletions.append(_line_deletion(first.line, len(source)))
            pieces = pieces[1:]
        else:
            removed.append(Removed(source[:plen], "metadata_prefix", 0, plen))
            deletions.append((0, cut))
            first.start = cut
    return pieces


def _piece_blocks(
    source: str, pieces: Sequence[_Piece], blocks: Sequence[Block]
) -> list[Block] | None:
    """The markup of each piece of a page's lines (`source`: its blocks' texts, one a line, as
    repaired). Matched by line, not counted: a block that character repair empties (a lone
    byte-order mark, soft hyphen or zero-width space) is a blank line and no piece, and a size
    cap keeps only the first pieces; neither should send the whole page to the text model.
    None when the lines are not the blocks' (then the page is judged as text)."""
    lines = split_lines(source)
    if len(lines) != len(blocks):
        return None
    by_start = {line.start: block for line, block in zip(lines, blocks, strict=True)}
    found = [by_start.get(p.line.start) for p in pieces]
    return None if any(b is None for b in found) else [b for b in found if b is not None]


def _classify_pieces(
    pieces: list[_Piece],
    model: LineModel | None,
    extracted: bool,
    blocks: Sequence[Block] | None = None,
) -> None:
    """With a line model, the model decides; a removed line keeps the hand rules' class when one
    fired, otherwise the model's top cue ("learned:'subscribe'", "learned:-1rule:navigation").
    Without one (`Settings(boilerplate_decision="rules")`), the hand rules decide. `blocks`: the
    markup around each piece (a page's lines), for a model learned with markup."""
    if model is None:
        for piece, reason in zip(pieces, rule_reasons([p.text for p in pieces]), strict=True):
            piece.reason = reason
        return
    texts = [row_text(_SPACE.sub(" ", p.text).strip()) for p in pieces]
    rules = rules_read(texts, model.reads_rules)
    scored = model.score(texts, rules, extracted=extracted, blocks=blocks)
    for i, piece in enumerate(pieces):
        if not scored.boilerplate[i]:
            continue
        if rules[i] is not None:
            piece.reason = rules[i]
            continue
        read = scored.read[i] if scored.read is not None else None
        piece.reason = f"learned:{model.top_cue(texts[i], scored.cues[i], read)}"


def _mark_thread(pieces: list[_Piece]) -> None:
    """The reader-comment thread (`thread`): its heading and every line after it."""
    start = thread_start([p.text for p in pieces])
    if start is None:
        return
    for piece in pieces[start:]:
        if piece.reason is None:
            piece.reason = "comments"


def _mark_tail(pieces: list[_Piece]) -> None:
    """The page's tail after the article's last sentence (`tail`): its kept furniture."""
    for i in page_tail([p.text for p in pieces], [p.reason is not None for p in pieces]):
        pieces[i].reason = TAIL_REASON


def _trim_glued(
    pieces: list[_Piece], source: str, removed: list[Removed], deletions: list[tuple[int, int]]
) -> None:
    for piece in pieces:
        if piece.reason is not None:
            continue
        span = glued_navigation(piece.text)
        if span is None:
            continue
        a, b = piece.start + span[0], piece.start + span[1]
        removed.append(Removed(source[a:b], "navigation", a, b))
        deletions.append((a, b))
        if span[0] == 0:
            piece.start = b
        else:
            piece.end = a


def _top_navigation_end(pieces: list[_Piece]) -> int:
    """How many content lines come before the last navigation line at the top of the page."""
    kept = 0
    start = 0
    for piece in pieces:
        if piece.reason is None:
            if ends_sentence(piece.text) and len(words(piece.text)) >= 12:
                break  # the body has begun
            kept += 1
        elif piece.reason in _TOP_NAVIGATION:
            start = kept
    return start


def _separate_title(
    kept: list[_Piece],
    pieces: list[_Piece],
    title: str | None,
    source: str,
    removed: list[Removed],
    deletions: list[tuple[int, int]],
) -> str | None:
    """Take the headline out of the body (as the title) with the site furniture above it."""
    texts = [p.text.strip() for p in kept]
    confirmations = [p.text for p in pieces if p.reason is not None]
    at, title = find_headline(texts, title, confirmations, _top_navigation_end(pieces))
    if at is None:
        return title
    for i in page_furniture(texts, at):
        piece = kept[i]
        piece.reason = "navigation"
        removed.append(Removed(piece.text, "navigation", piece.start, piece.end))
        deletions.append((piece.start, min(piece.line.end + 1, len(source))))
    piece = kept[at]
    piece.reason = "title"
    removed.append(Removed(piece.text, "title", piece.start, piece.end))
    deletions.append((piece.start, min(piece.line.end + 1, len(source))))
    return title


def _visible(piece: _Piece) -> tuple[int, int]:
    """Source offsets of the piece's first visible character and of the end of its last."""
    text = piece.text
    return piece.start + len(text) - len(text.lstrip()), piece.start + len(text.rstrip())


def _whole_piece(piece: _Piece, start: int, end: int) -> bool:
    """Does the span `start`-`end` cover all the visible text of `piece`?"""
    first, last = _visible(piece)
    return start <= first and end >= last


def _repeat_deletion(source: str, piece: _Piece, start: int, end: int) -> tuple[int, int]:
    """Delete a repeated sentence with the space that separates it from its neighbours."""
    if _whole_piece(piece, start, end):
        return _line_deletion(piece.line, len(source))
    first, _ = _visible(piece)
    if start > first:
        while start > piece.start and source[start - 1] in " \t":
            start -= 1
    else:
        while end < piece.end and source[end] in " \t":
            end += 1
    return start, end


def clean_text(
    source: str,
    *,
    title: str | None = None,
    max_chars: int | None = None,
    as_scraped: bool = True,
    model: LineModel | None = None,
    learned: bool = False,
    blocks: Sequence[Block] | None = None,
) -> Cleaned:
    """Clean a repaired source text: the body, what was removed, quality flags and the title.

    `as_scraped` says the text is the input itself (plain text, a JSONL field), not an
    extraction: only then does a text that stops after a space mid-line show a scraper's cut.
    `blocks`: `source` is an HTML page flattened into lines and these are the markup around
    each (`linehtml.Block`, with the extractors' verdicts): with `learned`, the markup model
    (`linemodel.markup_model`) judges them.
    """
    removed: list[Removed] = []
    deletions: list[tuple[int, int]] = []
    scope = len(source)
    if max_chars is not None and scope > SOURCE_CAP_FACTOR * max_chars:
        # far more text than can be kept: do not spend time cleaning what will be cut anyway
        scope = _cut_at_line(source, SOURCE_CAP_FACTOR * max_chars)
        removed.append(Removed(source[scope:], "over_char_limit", scope, len(source)))
        deletions.append((scope, len(source)))
    pieces = _pieces(source[:scope], removed, deletions)
    # a page's own lines are all of it, not an extractor's output
    extracted = not as_scraped and blocks is None
    own_lines = blocks is not None
    if blocks is not None:
        blocks = _piece_blocks(source, pieces, blocks)
    if learned and model is None:
        model = default_model() if blocks is None else markup_model()
    if model is None or not model.markup:
        blocks = None
    _classify_pieces(pieces, model, extracted=extracted, blocks=blocks)
    _mark_thread(pieces)
    if as_scraped:
        _mark_tail(pieces)  # measured on a page's own lines, not on an extractor's output
    for piece in pieces:
        if piece.reason is not None:
            removed.append(Removed(piece.text, piece.reason, piece.start, piece.end))
            deletions.append((piece.start, min(piece.line.end + 1, len(source))))
    _trim_glued(pieces, source, removed, deletions)

    kept = [p for p in pieces if p.reason is None]
    title = _separate_title(kept, pieces, title, source, removed, deletions)
    kept = [p for p in pieces if p.reason is None]

    known = vocabulary("\n".join(p.text for p in kept))
    credits = find_credits([(p.text, p.reason) for p in pieces if p.reason != "title"], known)

    starts = [p.start for p in kept]  # kept pieces are in source order
    repeats = find_repeats(source, [(p.start, p.end) for p in kept])
    for rep in repeats:
        for copy in rep.copies:
            piece = kept[bisect.bisect_right(starts, copy.start) - 1]
            if own_lines and not _whole_piece(piece, copy.start, copy.end):
                continue  # a page's paragraph repeating a sentence: its author's wording
            deletions.append(_repeat_deletion(source, piece, copy.start, copy.end))
            removed.append(Removed(copy.text, "repeated_sentence", copy.start, copy.end))

    text, segments = compose(source, deletions)
    if max_chars is not None and len(text) > max_chars:
        cut = _cut_at_line(text, max_chars)
        spans = source_spans(segments, cut, len(text))
        rest = text[cut:].lstrip()
        start = source_spans(segments, len(text) - len(rest), len(text))[0][0]
        removed.append(Removed(rest, "over_char_limit", start, spans[-1][1]))
        text, segments = compose(source, [*deletions, *spans])

    repeated = []
    for rep, start in zip(
        repeats, text_offsets(segments, [r.first.start for r in repeats]), strict=True
    ):
        if start is not None:
            repeated.append(
                RepeatedSentence(rep.first.text, rep.count, start, start + len(rep.first.text))
            )

    last_kept = segments[-1][1] + segments[-1][2] if segments else 0
    tail = [(r.text, r.reason) for r in removed if r.start >= last_kept]
    # the source stops inside the last kept line, after a word and a space: a size cap cut it
    mid_line = (
        as_scraped
        and bool(segments)
        and source[last_kept - 1] not in _CLOSING_MARKS
        and _MID_LINE_END.fullmatch(source, last_kept) is not None
    )
    truncated = article_truncated(text, tail, mid_line=mid_line)
    if any(r.reason == "over_char_limit" for r in removed):
        truncated = True  # cut here by the character cap: the article goes on
    flagged = truncated_sentences(text, mid_line=mid_line)
    if truncated is False:
        # the page shows the article ended: its last line is not a cut sentence
        flagged = [s for s in flagged if s.end < len(text)]
    quality = Quality(
        repeated_sentences=tuple(repeated),
        truncated_sentences=tuple(flagged),
        spun_markers=tuple(spun_markers(text)),
        credits=credits,
        truncated=truncated,
    )
    return Cleaned(
        text=text,
        segments=segments,
        removed=tuple(sorted(removed, key=lambda r: (r.start, r.end))),
        quality=quality,
        title=title,
    )


def _learned(article: Article, settings: Settings) -> bool:
    """Whether the line model decides: on scraped text and on an HTML page's own lines
    (`Settings.html_lines`). Trafilatura's text keeps the hand rules: the extractor has already
    taken the page's furniture out, and on held-out pages the model removes and keeps almost
    what the rules do there (README, "What newsloom learned") for about a sixth more CPU."""
    if settings.boilerplate_decision != "model":
        return False
    return article.format == "text" or article.page_lines is not None


@stage(
    "clean",
    requires=("source_text",),
    assigns=(
        "source_text",
        "text",
        "segments",
        "removed",
        "quality",
        "lang",
        "lang_basis",
        "title",
        "page_lines",
    ),
)
def clean(article: Article, ctx: Context) -> Article:
    """Repair characters, remove boilerplate and repeats, flag quality issues, find the language."""
    source = repair(article.source_text)
    result = clean_text(
        source,
        title=article.title,
        max_chars=ctx.settings.max_chars,
        as_scraped=article.format == "text",
        learned=_learned(article, ctx.settings),
        blocks=article.page_lines,
    )
    if not any(ch.isalnum() for ch in result.text) and not (result.title or "").strip():
        # NUL, zero-width and control characters make a file that is not empty but says
        # nothing: storing it would be an article with no words
        raise reject(Reason.EMPTY, "no letters or digits left after cleaning")
    guess = identify(result.text, ctx.resource(RESOURCE_KEY, load_identifier))
    lang = guess.lang
    quality = result.quality
    if lang != SPUN_LANGUAGE and quality.spun_markers:
        # the markers are English wordings: "der USA" is plain German
        quality = replace(quality, spun_markers=())
    return replace(
        article,
        source_text=source,
        text=result.text,
        segments=result.segments,
        removed=result.removed,
        quality=quality,
        lang=lang,
        lang_basis=guess.basis,
        title=result.title,
        page_lines=None,  # judged: not carried further (nor pickled back from a worker)
    )
