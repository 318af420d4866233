"""extract_html: one parse, trafilatura's text, our date candidates and htmldate's answer."""

from __future__ import annotations

import pytest

from newsloom.errors import Reason, RejectDocument
from newsloom.extract.html import extract_html, htmldate_params

PARAGRAPH = (
    "The regional council voted late on Monday to close the old harbour bridge to heavy "
    "traffic, after engineers warned that its steel supports had corroded far faster than "
    "expected. The decision takes effect next week and will divert lorries through the port."
)

PAGE = f"""<!DOCTYPE html><html><head>
<title>Council closes harbour bridge | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2019-04-01T21:05:00+02:00">
<meta property="article:modified_time" content="2019-04-03T08:00:00+02:00">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Council closes harbour bridge</h1>
<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"""


def test_text_and_metadata() -> None:
    page = extract_html(PAGE, url="https://example.com/news/bridge")
    assert "harbour bridge to heavy traffic" in page.text
    assert page.title and "Council closes harbour bridge" in page.title
    kinds = {(d["value"], d["kind"]) for d in page.meta["dates"]}
    assert kinds == {("2019-04-01", "published"), ("2019-04-03", "modified")}
    assert page.meta["htmldate"] == "2019-04-01"
    assert page.meta["date"] == "2019-04-01"
    assert page.meta["date_source"] == "meta property=article:published_time"


def test_scripts_and_styles_only_is_no_content() -> None:
    html = "<html><head><style>p{}</style></head><body><script>var x = 1;</script></body></html>"
    with pytest.raises(RejectDocument) as info:
        extract_html(html)
    assert info.value.reason is Reason.NO_CONTENT


def test_htmldate_bound_is_not_the_wall_clock() -> None:
    assert htmldate_params()["max_date"] == "2099-12-31"
    assert htmldate_params("2019-05-01")["max_date"] == "2019-05-01"
    assert htmldate_params()["original_date"] is True


def test_crawl_date_bounds_htmldate() -> None:
    page = extract_html(PAGE.replace("2019-04-0", "2030-04-0"), latest="2020-01-01")
    assert page.meta.get("htmldate") != "2030-04-01"


def test_bytes_are_a_programming_error() -> None:
    with pytest.raises(TypeError):
        extract_html(PAGE.encode())  # type: ignore[arg-type]


def test_a_page_with_too_many_elements_is_refused_before_trafilatura() -> None:
    # trafilatura's time grows with the square of the element count, in native code that no
    # timer interrupts (750,000 paragraphs ran past 900 s); the count is taken first

    page = "<html><body>" + "<p>w</p>" * 3000 + "</body></html>"
    with pytest.raises(RejectDocument) as info:
        extract_html(page, max_elements=2000)
    assert info.value.reason == Reason.TOO_LARGE
    assert "more than 2,000 elements" in info.value.detail
    assert "--max-html-elements" in info.value.detail
    assert extract_html(page, max_elements=5000).text.count("w") == 3000


def test_the_page_flattened_with_trafilaturas_verdict_on_each_line() -> None:
    from newsloom.clean.linehtml import flatten_blocks
    from newsloom.clean.lineverdicts import PEER_COLUMNS

    assert extract_html(PAGE).lines is None  # only when asked
    page = extract_html(PAGE, lines=True)
    assert page.lines is not None
    # the same lines as the page flattened on its own: the extract stage reads its own tree
    assert [b.text for b in page.lines] == [b.text for b in flatten_blocks(PAGE)]
    kept = PEER_COLUMNS.index("trafilatura_in")
    verdicts = {b.text: b.peers[kept] for b in page.lines}
    assert verdicts["Home"] == 0.0
    assert verdicts[PARAGRAPH] == 1.0


# an element that holds one element: what trafilatura's loader alone takes for no HTML
FRAGMENTS = [
    f'<div id="story"><div class="entry"><h2>Bridge closed</h2><p>{PARAGRAPH}</p></div></div>',
    f"<main>\n<article>\n<p>{PARAGRAPH}</p>\n<p>{PARAGRAPH}</p>\n</article>\n</main>",
    f'<record id="urn:item:17" title="Bridge"><table><tr><td><p>{PARAGRAPH}</p></td></tr>'
    "</table></record>",
    f"<section class='body'><blockquote><p>{PARAGRAPH}</p></blockquote></section>",
]


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_a_fragment_of_one_element_is_read_not_refused(fragment: str) -> None:
    # trafilatura's loader alone refuses these (no "html" near the start, one top element)
    page = extract_html(fragment, lines=True)
    assert "harbour bridge to heavy traffic" in page.text
    assert page.lines and any("steel supports" in b.text for b in page.lines)


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_a_fragments_lines_carry_the_markup_it_has_alone(fragment: str) -> None:
    from dataclasses import replace

    from newsloom.clean.linehtml import flatten_blocks

    # the tags, containers and numbering the markup model learned pages with: the shell the
    # fragment is parsed in for trafilatura adds none of its own
    lines = extract_html(fragment, lines=True).lines or ()
    assert [replace(b, peers=()) for b in lines] == flatten_blocks(fragment)
    assert not any("body" in b.tags for b in lines)


def test_a_fragment_without_text_is_still_no_content() -> None:
    with pytest.raises(RejectDocument) as info:
        extract_html("<div><script>var x = 1;</script></div>")
    assert info.value.reason is Reason.NO_CONTENT
