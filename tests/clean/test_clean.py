"""The `clean` stage end to end, on pages written for these tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from newsloom.article import Article, Credit, Document
from newsloom.clean import clean, clean_text
from newsloom.clean.chars import repair
from newsloom.clean.linehtml import Block, flatten_blocks
from newsloom.clean.linemodel import LineModel, Scored
from newsloom.errors import ConfigError
from newsloom.hashing import content_hash
from newsloom.pipeline import Context, Pipeline, registered_stages
from newsloom.settings import Settings

PAGE = """ date 2026-04-07 + ↺ − 16 px

Skip to main content

RIVER POST

Dam operator fined over late flood warning

Share this article Facebook Twitter Email

ACCRA (AP) – The operator of the Akosombo dam was fined on Tuesday for warning villages too \
late, the energy ministry said. "The ministry will review every spillway rule this year", the \
statement said.

Workers inspect the spillway on Monday. (AP Photo/Kofi Mensah)

Critics said the fine was too small, and talks with Russian Federation on a loan stalled. \
The ministry will review every spillway rule this year.

Hide Ad

Farmers said the flood destroyed the harvest. (Reporting by Ama Boateng; Editing by Kofi Mensah)

Leave a Reply
"""


def test_clean_text_on_a_scraped_page() -> None:
    result = clean_text(PAGE)
    assert result.title == "Dam operator fined over late flood warning"
    assert result.text.startswith("ACCRA (AP) – The operator")
    assert result.text.endswith("(Reporting by Ama Boateng; Editing by Kofi Mensah)")
    for junk in ("Skip to", "RIVER POST", "Share this", "AP Photo", "Hide Ad", "Leave a", "px"):
        assert junk not in result.text
    reasons = {r.reason for r in result.removed}
    assert reasons >= {
        "metadata_prefix",
        "navigation",
        "title",
        "share_bar",
        "caption",
        "ad",
        "comment_form",
        "repeated_sentence",
    }
    for r in result.removed:
        if r.reason != "over_char_limit":
            assert PAGE[r.start : r.end] == r.text
    # the bare copy of the quoted statement went; both the quote and the rest stayed
    assert result.text.count("The ministry will review every spillway rule this year") == 1
    (rep,) = result.quality.repeated_sentences
    assert rep.count == 2 and result.text[rep.start : rep.end] == rep.text
    assert [m.text for m in result.quality.spun_markers] == ["Russian Federation"]
    assert Credit("reporting", "Ama Boateng") in result.quality.credits
    assert Credit("source", "AP") in result.quality.credits
    assert Credit("image", "AP Photo/Kofi Mensah") in result.quality.credits
    assert result.quality.truncated is False  # the comment form closes the article


def test_segments_map_every_character_back() -> None:
    result = clean_text(PAGE)
    assert result.segments
    for t, s, n in result.segments:
        assert result.text[t : t + n] == PAGE[s : s + n]
    article = replace(
        Article.from_document(Document("x", "x", "text", PAGE, content_hash(PAGE))),
        source_text=PAGE,
        text=result.text,
        segments=result.segments,
    )
    at = result.text.index("Farmers said")
    assert PAGE[article.source_offset(at) :].startswith("Farmers said")


def test_prefix_before_a_headline() -> None:
    text = " date 2026-04-07 Dam operator fined over warning\n\nThe operator was fined on Tuesday."
    result = clean_text(text)
    assert result.title == "Dam operator fined over warning"
    assert result.text == "The operator was fined on Tuesday."
    prefix = next(r for r in result.removed if r.reason == "metadata_prefix")
    assert (prefix.text, prefix.start, prefix.end) == (" date 2026-04-07", 0, 16)


def test_given_title_is_taken_out_once() -> None:
    text = "Dam fined\n\nDam fined\n\nThe operator was fined on Tuesday, officials said today."
    result = clean_text(text, title="Dam fined")
    assert result.title == "Dam fined"
    assert result.text == "Dam fined\n\nThe operator was fined on Tuesday, officials said today."


def test_glued_skip_link_is_trimmed() -> None:
    text = "The operator was fined on Tuesday for warning villages late.Skip to main content"
    result = clean_text(text)
    assert result.text == "The operator was fined on Tuesday for warning villages late."
    assert [r.reason for r in result.removed] == ["navigation"]


def test_character_cap() -> None:
    para = "The operator was fined on Tuesday for warning villages too late, officials said."
    text = "\n\n".join(f"{i} {para}" for i in range(40))
    result = clean_text(text, max_chars=2000)
    assert len(result.text) <= 2000
    cut = [r for r in result.removed if r.reason == "over_char_limit"]
    assert len(cut) == 1 and text.endswith(cut[0].text)
    assert result.text + "\n\n" + cut[0].text == text
    assert text[cut[0].start : cut[0].end] == cut[0].text
    assert result.quality.truncated is True
    # far past the cap, the source is cut before cleaning, and that is recorded too
    result = clean_text(text, max_chars=500)
    assert len(result.text) <= 500
    cut = [r for r in result.removed if r.reason == "over_char_limit"]
    assert len(cut) == 2 and all(r.start >= len(result.text) for r in cut)


def test_a_scraped_text_that_stops_mid_line() -> None:
    text = "The operator was fined on Tuesday, officials said.\n\nTusk "
    assert clean_text(text).quality.truncated is True
    assert clean_text(text).quality.truncated_sentences[-1].text == "Tusk"
    # an extraction may leave a trailing space: that is no sign of a cut
    assert clean_text(text, as_scraped=False).quality.truncated is None


def test_empty_text() -> None:
    result = clean_text("   \n\n ")
    assert (result.text, result.segments, result.title) == ("", (), None)
    assert result.quality.truncated is None


def doc(text: str, title: str | None = None) -> Document:
    return Document("t1", "t1.txt", "text", text, content_hash(text), title=title)


def test_stage_in_the_pipeline() -> None:
    out = Pipeline(("extract", "clean"))(doc(PAGE.replace(" ", "\u00a0", 3)))
    assert isinstance(out, Article)
    assert out.lang == "en"
    assert out.title == "Dam operator fined over late flood warning"
    assert "\u00a0" not in out.source_text  # the repaired text is the new source text
    for t, s, n in out.segments:
        assert out.text[t : t + n] == out.source_text[s : s + n]


def test_stage_keeps_non_english_articles_and_drops_english_markers() -> None:
    text = (
        "Die Sanktionen der USA treffen die Währung, sagte der Minister am Dienstag in Berlin. "
        "Die Regierung will die Gespräche mit den Nachbarn im Mai fortsetzen."
    )
    out = Pipeline(("extract", "clean"))(doc(text))
    assert isinstance(out, Article)
    assert out.lang == "de"
    assert out.text == text
    assert out.quality.spun_markers == ()


def test_stage_uses_the_cap_from_settings() -> None:
    para = "The operator was fined on Tuesday for warning villages too late, officials said."
    text = "\n\n".join([para] * 10).replace("Tuesday", "Monday", 1)
    article = replace(Article.from_document(doc(text)), source_text=text)
    out = clean(article, Context(Settings().with_(max_chars=200)))
    assert len(out.text) <= 200


def test_registration() -> None:
    st = registered_stages()["clean"]
    assert st.requires == ("source_text",)
    assert set(st.assigns) == {
        "source_text",
        "text",
        "segments",
        "removed",
        "quality",
        "lang",
        "lang_basis",
        "title",
        "page_lines",
    }


@pytest.mark.parametrize("text", ["Solo line", "A sentence only."])
def test_single_line_has_no_title(text: str) -> None:
    assert clean_text(text).title is None
    assert clean_text(text).text == text


HTML_PROSE = [
    "The harbour board said on Tuesday that the new ferry berth would open in the spring, "
    "after two winters of delays caused by storms and a shortage of steel for the piles.",
    "Fishermen who moor at the old quay were promised places at the new pontoon, which the "
    "board said would hold forty boats and have its own fuel station and an ice plant.",
    "The mayor told the council that the town would pay a third of the cost, with the rest "
    "coming from the regional fund for ports and a loan that the board will repay.",
]
HTML_MENU = ["Home", "News", "Sport", "Weather", "Contact us"]
HTML_PAGE = (
    "<html><head><title>Ferry berth to open in spring</title></head><body>"
    "<ul class='site-menu'>"
    + "".join(f"<li><a href='/{i}'>{m}</a></li>" for i, m in enumerate(HTML_MENU))
    + "</ul><article><h1>Ferry berth to open in spring</h1>"
    + "".join(f"<p>{p}</p>" for p in HTML_PROSE)
    + "</article><footer class='site-footer'><a href='/terms'>Terms of use</a></footer>"
    + "</body></html>"
)


def test_html_lines_judged_by_the_markup_model_when_asked() -> None:
    with pytest.raises(ConfigError):
        Settings(html_lines="yes")
    page = Document("h1", "h1.html", "html", HTML_PAGE, content_hash(HTML_PAGE))
    extracted = Pipeline(("extract",), Settings(html_lines=True))(page)
    assert isinstance(extracted, Article) and extracted.page_lines is not None
    learned = Pipeline(("extract", "clean"), Settings(html_lines=True))(page)
    assert isinstance(learned, Article)
    assert learned.page_lines is None  # used by the clean stage, then dropped
    # the source is the whole page, one line per block; the menu and footer are taken out
    assert learned.source_text.split("\n")[: len(HTML_MENU)] == HTML_MENU
    for line in HTML_PROSE:
        assert line in learned.text
    assert not {*HTML_MENU, "Terms of use"} & set(learned.text.split("\n"))
    assert {"Home", "Terms of use"} <= {r.text for r in learned.removed}
    for t, s, n in learned.segments:
        assert learned.text[t : t + n] == learned.source_text[s : s + n]
    # by default: trafilatura's text
    plain = Pipeline(("extract", "clean"))(page)
    assert isinstance(plain, Article) and plain.page_lines is None
    assert "Home" not in plain.source_text


@pytest.mark.parametrize(
    ("fmt", "page_lines", "decision", "expected"),
    [
        ("text", None, "model", True),  # scraped text: the line model decides
        ("html", None, "model", False),  # trafilatura's text: the hand rules
        ("html", (), "model", True),  # the page's own lines (Settings.html_lines)
        ("text", None, "rules", False),
        ("html", (), "rules", False),
    ],
)
def test_who_decides_by_input(
    fmt: str, page_lines: tuple | None, decision: str, expected: bool
) -> None:
    from newsloom.clean import _learned

    article = Article.from_document(Document("x", "x", fmt, "Some text.", content_hash("x")))
    article = replace(article, page_lines=page_lines)
    assert _learned(article, Settings(boilerplate_decision=decision)) is expected


class _MarkupSpy:
    """A markup line model that keeps every line and records the markup it was given."""

    markup = True
    reads_rules = False

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.blocks: Sequence[Block] | None = None

    def score(
        self,
        texts: Sequence[str],
        rules: Sequence[str | None],
        *,
        extracted: bool = False,
        blocks: Sequence[Block] | None = None,
    ) -> Scored:
        self.texts, self.blocks = list(texts), blocks
        n = len(texts)
        return Scored(np.zeros(n), np.zeros(n, dtype=bool), np.zeros(n), [[] for _ in texts])


@pytest.mark.parametrize("invisible", ["\ufeff", "\u00ad", "\u200b", "\u200b\u00ad"])
def test_a_block_that_repair_empties_keeps_the_page_on_its_markup(invisible: str) -> None:
    markup = HTML_PAGE.replace("<article>", f"<article><p>{invisible}</p>").replace(
        "</article>", f"</article><div><span>{invisible}</span></div>"
    )
    blocks = flatten_blocks(markup)
    source = repair("\n".join(b.text for b in blocks))
    spy = _MarkupSpy()
    spied: LineModel = spy  # type: ignore[assignment]
    clean_text(source, as_scraped=False, model=spied, blocks=blocks)
    # every other line is judged with its own block's markup, none shifted onto a neighbour
    assert spy.blocks is not None
    assert [b.text for b in spy.blocks] == spy.texts
    assert len(spy.texts) == len(blocks) - 2


def test_a_size_cap_keeps_the_first_lines_on_their_markup() -> None:
    blocks = flatten_blocks(HTML_PAGE)
    source = "\n".join(b.text for b in blocks)
    spy = _MarkupSpy()
    spied: LineModel = spy  # type: ignore[assignment]
    clean_text(source, as_scraped=False, model=spied, blocks=blocks, max_chars=120)
    assert spy.blocks is not None and 0 < len(spy.blocks) < len(blocks)
    assert [b.text for b in spy.blocks] == spy.texts


# (a sentence a page prints first in a summary line, then again inside a longer paragraph)
PAGE_REFRAINS = [
    (
        "The new ferry berth will open in the spring after two winters of delays.",
        "Fishermen were told on Tuesday that they would keep their places at the quay.",
    ),
    (
        "Every patient on the ward must be checked by a nurse each hour of the night.",
        "The rule was written after an inquiry into two deaths at the hospital last year.",
    ),
    (
        "Ticket prices on the northern line will rise by four percent from January.",
        "The operator said fuel and wages cost it more than it had planned for.",
    ),
]


def _page_of(lines: list[str]) -> tuple[str, list[Block]]:
    markup = "<html><body><article>" + "".join(f"<p>{x}</p>" for x in lines) + "</article>"
    blocks = flatten_blocks(markup + "</body></html>")
    return "\n".join(b.text for b in blocks), blocks


@pytest.mark.parametrize(("summary", "other"), PAGE_REFRAINS)
def test_a_page_paragraph_keeps_a_sentence_it_repeats(summary: str, other: str) -> None:
    lines = [summary, *HTML_PROSE, f"{other} {summary}"]
    source, blocks = _page_of(lines)
    spied: LineModel = _MarkupSpy()  # type: ignore[assignment]
    on_page = clean_text(source, as_scraped=False, model=spied, blocks=blocks)
    assert f"{other} {summary}" in on_page.text  # the paragraph as the page prints it
    assert [r.count for r in on_page.quality.repeated_sentences] == [2]  # still flagged
    # the same words as scraped text: the copy inside the paragraph goes
    scraped = clean_text("\n\n".join(lines), as_scraped=False, model=spied)
    assert f"{other} {summary}" not in scraped.text and other in scraped.text


@pytest.mark.parametrize(("summary", "other"), PAGE_REFRAINS)
def test_a_page_line_printed_twice_loses_its_copy(summary: str, other: str) -> None:
    lines = [summary, other, *HTML_PROSE, summary]
    source, blocks = _page_of(lines)
    spied: LineModel = _MarkupSpy()  # type: ignore[assignment]
    cleaned = clean_text(source, as_scraped=False, model=spied, blocks=blocks)
    assert cleaned.text.count(summary) == 1
    assert [r.reason for r in cleaned.removed] == ["repeated_sentence"]
