"""Labelled lines from ../shared/data/boilerplate_pages: what a line model learns and is judged on.

A page is flattened into the text a scraper delivers (one line per block of visible text) and
each line is labelled by the page's gold main content: a line is article text when most of its
word trigrams occur in the gold (short lines: when the gold holds it as a block of its own and a
nearest neighbour is article text, or inside the gold between content neighbours: a word the
gold holds once as a heading, "Business" or "Comments", is not article text in the menu).
Dragnet's user comments come after a marker line in the gold; they are labelled as not article
(comments are page furniture for newsloom). Some gold files hold a page's comments as article
text without that marker; `comments_as_furniture` relabels them, by the markup, on the pages a
model learns from or is thresholded on (never on the pages it is scored on).

Pages are split by site (a site's template must not sit on two sides): `site_split` hashes the
site name (seeded, stable) into train / choose / report.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from newsloom.clean.linehtml import Block, flatten_blocks
from newsloom.hashing import stable_hash

__all__ = [
    "LabelledPage",
    "comments_as_furniture",
    "flatten_html",
    "is_pages_dir",
    "label_lines",
    "read_pages",
    "site_split",
    "trafilatura_text",
    "with_peers",
]

_COMMENTS_MARKER = re.compile(r"^!@#\$%\^&\*\(\)\s*COMMENTS", re.MULTILINE)
SPLITS = ("train", "choose", "report")
# of ten buckets by site: 6 train, 2 choose, 2 report
_BUCKETS = ("train",) * 6 + ("choose",) * 2 + ("report",) * 2

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']?([^"' >]+)"""
    r"""|property=["']og:url["'][^>]*content=["']([^"' >]+)""",
    re.IGNORECASE,
)
_HREF_HOST = re.compile(r"""href=["']?https?://([^/"' >:]+)""", re.IGNORECASE)
# class and id words of a reader-comment section ("comment-list", "commentBody", "reply"), not
# of commentary or a commentator's column
_COMMENT_WORD = re.compile(r"comment(?!ar|at)|repl(?:y|ies)|respond")


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """One page as flattened lines, each with its gold label (True: article text)."""

    name: str
    site: str
    lines: tuple[str, ...]
    labels: tuple[bool, ...]
    #: the page's markup and gold text, kept only when asked (`read_pages(..., with_html=True)`)
    html: str | None = None
    gold: str | None = None
    #: the markup around each line (`read_pages(..., with_blocks=True)`)
    blocks: tuple[Block, ...] | None = None


def is_pages_dir(path: Path) -> bool:
    """Is `path` the boilerplate_pages collection (sub-sets with input/ and gold/)?"""
    return (path / "dragnet" / "input").is_dir() or (path / "cleaneval-final" / "gold").is_dir()


def decode(data: bytes) -> str:
    """Bytes of a page as text, honouring its declared charset (UTF-8, then cp1252, otherwise)."""
    match = _CHARSET.search(data[:4096])
    names = [match.group(1).decode("ascii", "ignore")] if match else []
    for name in [*names, "utf-8"]:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def flatten_html(markup: str) -> list[str]:
    """The visible text of a page, one line per block (what a scraper dumping text delivers)."""
    return [block.text for block in flatten_blocks(markup)]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _gold_text(raw: str, kind: str) -> str:
    """The gold main content as plain text (comments cut off, CleanEval marks dropped)."""
    if kind == "html":
        return "\n".join(flatten_html(raw))
    text = _COMMENTS_MARKER.split(raw, maxsplit=1)[0]
    if text.startswith("URL:"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return re.sub(r"<[hpl]>", "\n", text)


def label_lines(lines: list[str], gold: str) -> list[bool]:
    """Is each line article text by the gold? (see the module docstring for the rule)"""
    gold_tokens = _tokens(gold)
    grams = set(zip(gold_tokens, gold_tokens[1:], gold_tokens[2:], strict=False))
    blocks = {" ".join(_tokens(b)) for b in re.split(r"\n\s*\n|\n", gold) if b.strip()}
    joined = " " + " ".join(gold_tokens) + " "
    labels: list[bool | None] = []
    blocks_at: list[int] = []
    for line in lines:
        toks = _tokens(line)
        if len(toks) >= 4:
            tri = list(zip(toks, toks[1:], toks[2:], strict=False))
            labels.append(sum(g in grams for g in tri) / len(tri) >= 0.5)
        elif not toks:
            labels.append(False)
        elif " ".join(toks) in blocks:
            blocks_at.append(len(labels))
            labels.append(True)
        elif f" {' '.join(toks)} " in joined:
            labels.append(None)  # decided by its neighbours below
        else:
            labels.append(False)
    # a short gold block among furniture is a menu or widget copy of a heading word: it is
    # article text when a nearest line decided by its own words (not another short block) is
    decided = list(labels)
    for i in blocks_at:
        decided[i] = None
    for i in blocks_at:
        prev = next((x for x in reversed(decided[:i]) if x is not None), False)
        nxt = next((x for x in decided[i + 1 :] if x is not None), False)
        labels[i] = bool(prev or nxt)
    out = []
    for i, lab in enumerate(labels):
        if lab is None:
            prev = next((x for x in reversed(labels[:i]) if x is not None), False)
            nxt = next((x for x in labels[i + 1 :] if x is not None), False)
            lab = bool(prev and nxt)
        out.append(lab)
    return out


def _site(name: str, subset: str, markup: str, gold_raw: str) -> str:
    """The site a page belongs to: its URL's host (canonical link, gold URL line, file name)."""
    if subset == "readability":
        return f"readability/{name}"  # each test page is its own site
    if subset == "CleanPortalEval":
        url = "http://" + name.split("_", 1)[0]
    elif gold_raw.startswith("URL:"):
        url = gold_raw.split("\n", 1)[0][4:].strip()
    else:
        url = ""
        match = _CANONICAL.search(markup[:200_000])
        if match:
            url = match.group(1) or match.group(2) or ""
    host = urlsplit(url).hostname or ""
    if not host:
        hosts = _HREF_HOST.findall(markup[:200_000])
        host = max(sorted(set(hosts)), key=hosts.count) if hosts else f"{subset}/{name}"
    host = host.lower()
    for lead in ("www.", "m.", "blogs.", "blog."):
        host = host.removeprefix(lead)
    parts = host.split(".")
    # the registrable part: "news.bbc.co.uk" -> "bbc.co.uk", "edition.cnn.com" -> "cnn.com"
    keep = 3 if len(parts) >= 3 and len(parts[-2]) <= 3 and len(parts[-1]) == 2 else 2
    return ".".join(parts[-keep:])


def site_split(site: str) -> str:
    """train, choose or report: a stable, seeded function of the site alone."""
    return _BUCKETS[int(stable_hash(site, size=8), 16) % len(_BUCKETS)]


def read_pages(
    root: Path,
    *,
    splits: tuple[str, ...] = SPLITS,
    with_html: bool = False,
    with_blocks: bool = False,
    names: Collection[str] | None = None,
) -> Iterator[LabelledPage]:
    """Every page of boilerplate_pages with a gold file, flattened and labelled, in `splits`
    (and among `names`, "subset/stem", when given)."""
    for subset in sorted(p.name for p in root.iterdir() if (p / "input").is_dir()):
        for gold_path in sorted((root / subset / "gold").glob("*.gz")):
            stem = gold_path.name.removesuffix(".gz").rsplit(".", 1)[0]
            if names is not None and f"{subset}/{stem}" not in names:
                continue
            inputs = sorted((root / subset / "input").glob(f"{stem}.*"))
            if not inputs:
                continue
            with gzip.open(inputs[0], "rb") as fh:
                markup = decode(fh.read())
            with gzip.open(gold_path, "rb") as fh:
                gold_raw = decode(fh.read())
            site = _site(stem, subset, markup, gold_raw)
            if site_split(site) not in splits:
                continue
            blocks = flatten_blocks(markup)
            lines = [b.text for b in blocks]
            kind = "html" if subset == "readability" else "text"
            gold = _gold_text(gold_raw, kind)
            labels = label_lines(lines, gold)
            yield LabelledPage(
                f"{subset}/{stem}",
                site,
                tuple(lines),
                tuple(labels),
                markup if with_html else None,
                gold if with_html else None,
                tuple(blocks) if with_blocks else None,
            )


def in_comments(block: Block) -> bool:
    """Is the line inside an element whose class or id words name reader comments?"""
    return any(_COMMENT_WORD.match(word) for word in block.words)


def comments_as_furniture(page: LabelledPage) -> LabelledPage:
    """The page with reader comments labelled as furniture, as newsloom counts them: some gold
    files hold a page's comments as main content without the Dragnet marker (a BBC "Have your
    say" page, a blog's thread). A line labelled article inside a comment container (see
    `in_comments`) after the page's first article line outside one is relabelled. Used on the
    train and choose pages only; the report pages keep their gold as it is."""
    if page.blocks is None:
        return page
    inside = [in_comments(b) for b in page.blocks]
    outside = (i for i, (a, c) in enumerate(zip(page.labels, inside, strict=True)) if a and not c)
    first = next(outside, None)
    if first is None:
        return page  # the whole article sits in such a container: a page-wide class word
    labels = tuple(a and not (i > first and inside[i]) for i, a in enumerate(page.labels))
    return page if labels == page.labels else replace(page, labels=labels)


def gold_set_pages(path: Path) -> Iterator[LabelledPage]:
    """The text articles of a newsloom gold set (the dev set, the demo corpus) as labelled
    lines: a line listed in its boilerplate row (or as uncertain) is not article text. The
    scraper's metadata prefix is cut off the first line, as the clean stage does."""
    from newsloom.clean.prefix import prefix_span
    from newsloom.evaluation.gold import load_gold

    gold = load_gold(path)
    rows = {r["id"]: r for r in gold.rows.get("boilerplate", []) if "id" in r}
    for g in gold.articles:
        row = rows.get(g.id)
        if row is None or g.row.get("html") is not None or g.row.get("format") == "html":
            continue
        text = g.text[prefix_span(g.text) :] if row.get("metadata_prefix") else g.text
        furniture = {_SPACE.sub(" ", x).strip() for x in [*row["lines"], *row.get("uncertain", [])]}
        lines = [_SPACE.sub(" ", x).strip() for x in text.split("\n")]
        lines = [x for x in lines if x]
        site = urlsplit(g.url or "").hostname or g.outlet or g.id
        yield LabelledPage(g.id, site, tuple(lines), tuple(x not in furniture for x in lines))


def trafilatura_text(markup: str) -> str:
    """What newsloom's HTML extraction (trafilatura) keeps of a page ("" when it rejects it)."""
    from newsloom.errors import RejectDocument
    from newsloom.extract.html import extract_html

    try:
        return extract_html(markup).text or ""
    except RejectDocument:
        return ""


def with_peers(page: LabelledPage) -> LabelledPage:
    """The page (read `with_html` and `with_blocks`) with trafilatura's verdicts (as the
    extract stage runs it) attached to each line's markup (`clean.lineverdicts`): what the
    markup model learns from and judges on HTML input."""
    from newsloom.clean.lineverdicts import page_peers

    if page.blocks is None or page.html is None:
        raise ValueError(f"{page.name}: the page was read without its markup")
    text = trafilatura_text(page.html)
    return replace(page, blocks=page_peers(page.blocks, text))


def extracted_lines(page: LabelledPage) -> LabelledPage:
    """The lines trafilatura (newsloom's HTML extraction) keeps of a page read `with_html`,
    labelled by the same gold: what the line model judges on HTML input."""
    from newsloom.clean.chars import repair
    from newsloom.clean.linefeatures import row_text

    text = trafilatura_text(page.html or "")
    lines = [row_text(_SPACE.sub(" ", x).strip()) for x in repair(text).split("\n")]
    lines = [x for x in lines if x]
    labels = label_lines(lines, page.gold or "")
    return LabelledPage(page.name, page.site, tuple(lines), tuple(labels))
