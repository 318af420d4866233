"""Quote extraction over every article of ../shared/data: it never raises, and what it returns
keeps the output contract.

Each corpus goes through the default pipeline's stages up to `quotes`, less those `quotes` does
not read (`dates`; `entities`, which `quotes` recomputes from the parse), with `Pipeline.map`
so that `nlp` parses in batches. An input may be rejected with a reason (an empty ECB+ text, a
page without article text); a stage that raises is recorded by the pipeline as `stage_failed`,
and that is what these tests forbid.

The tokenised corpora are read in two forms: MEANTIME and NewsWCL50 rebuilt into written text,
SemEval-2015 (the same Wikinews articles as MEANTIME) as its tokens stand, spaces around every
mark ("`` Yes , '' he said").
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path

import pytest

from newsloom.analyse.marks import find_quoted
from newsloom.analyse.programmes import programme_titles
from newsloom.article import Article, Document, Quote
from newsloom.errors import Reason, RejectDocument, Rejection
from newsloom.ingest import Overrides, read_inputs
from newsloom.ingest.document import make_document
from newsloom.pipeline import Pipeline

pytestmark = pytest.mark.slow

CHAIN = ("extract", "clean", "published", "nlp", "quotes")
Item = Document | Rejection
Loader = Callable[[Path], list[Item]]
#: what may stand just before a direct or partial quote's text (`` is the typewriter mark)
OPENING = frozenset("\"“”„«»'‘’`")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(CHAIN)


# -- the inputs, as readers would hand them over -------------------------------------------


def _document(text: str, source: str, **meta: str | None) -> Item:
    """A Document as a reader makes it, or the Rejection a reader records (an empty text)."""
    try:
        return make_document(text, source, "text", doc_id=source, **meta)
    except RejectDocument as exc:
        return Rejection(source, exc.reason, exc.detail)


#: tokens written against the word before them
_NO_SPACE_BEFORE = re.compile(r"[.,;:!?%)\]}”’]+|'[sdm]|'re|'ve|'ll|n't|''|\.\.\.", re.IGNORECASE)
#: tokens written against the word after them
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$", "“", "‘"})


def _detokenise(sentences: Iterable[list[str]]) -> str:
    """Tokens back to written text, a sentence a line: ``( he said , `` yes '' )`` ->
    ``(he said, ``yes'')``. A straight double quote opens and closes in turn; a token "\\n"
    (NewsWCL50's paragraph end) leaves a blank line."""
    lines: list[str] = []
    open_double = False
    for tokens in sentences:
        out: list[str] = []
        glue = True
        for token in tokens:
            if token == "\\n":
                lines += ["".join(out).strip(), ""]
                out, glue = [], True
                continue
            closing = bool(_NO_SPACE_BEFORE.fullmatch(token))
            if token == '"':
                closing, open_double = open_double, not open_double
            if out and not glue and not closing:
                out.append(" ")
            out.append(token)
            glue = token in _NO_SPACE_AFTER or (token == '"' and open_double)
        lines.append("".join(out).strip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _iso(day: str | None) -> str | None:
    """'19950101' -> '1995-01-01'."""
    day = (day or "").strip()
    return f"{day[:4]}-{day[4:6]}-{day[6:8]}" if re.fullmatch(r"\d{8}", day) else None


def dev_set(shared: Path) -> list[Item]:
    """The dev set's rows through the JSONL reader (all of them `text` rows today)."""
    return list(read_inputs([shared / "data" / "newsloom-dev" / "articles.jsonl"]))


def seeds(shared: Path) -> list[Item]:
    return list(read_inputs(sorted((shared / "samples" / "seeds").glob("*.txt"))))


def ecbplus(shared: Path) -> list[Item]:
    docs = []
    for path in sorted((shared / "data" / "ecbplus" / "docs").glob("*/*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        day = (row.get("date_publish") or "")[:10] or None
        docs.append(
            _document(row.get("text") or "", path.stem, title=row.get("title"), published=day)
        )
    return docs


def meantime(shared: Path) -> list[Item]:
    """The 120 MEANTIME documents (the English section; the cross-document folder holds the
    same texts as the intra-document one), with their creation time as the declared date."""
    docs = []
    corpus = shared / "data" / "meantime" / "intra_cross-doc_annotation"
    for path in sorted(corpus.glob("*/*.xml")):
        root = ET.parse(path).getroot()
        sentences: dict[str, list[str]] = {}
        for token in root.iter("token"):
            sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
        created = [
            t.get("value")
            for t in root.iter("TIMEX3")
            if t.get("functionInDocument") == "CREATION_TIME"
        ]
        text = _detokenise(sentences.values())
        docs.append(
            _document(text, path.stem, url=root.get("url"), published=next(iter(created), None))
        )
    return docs


def semeval(shared: Path) -> list[Item]:
    """The 120 documents of SemEval-2015 Task 4 (trial and test corpora) from their TimeML
    files, one per document id, as tokenised text with the creation time as declared date."""
    by_id: dict[str, Item] = {}
    for path in sorted((shared / "data" / "semeval2015_task4_timeline").rglob("*.tml")):
        root = ET.parse(path).getroot()
        doc_id = (root.findtext("DOCID") or path.stem).strip()
        if doc_id in by_id:
            continue
        created = root.find("DCT/TIMEX3")
        text = "\n".join(" ".join("".join(s.itertext()).split()) for s in root.iter("s"))
        day = created.get("value") if created is not None else None
        by_id[doc_id] = _document(text, f"semeval-{doc_id}", published=day)
    return list(by_id.values())


def newswcl50(shared: Path) -> list[Item]:
    """The 50 NewsWCL50 articles rebuilt from their CoNLL tokens, with their URLs."""
    corpus = shared / "data" / "newswcl50"
    with (corpus / "urls.tsv").open(encoding="utf-8") as fh:
        urls = {
            f"{r['Event ID']}_{r['Outlet']}": r["URL"]
            for r in csv.DictReader(fh, dialect="excel-tab")
        }
    tokens: dict[str, dict[str, list[str]]] = {}
    with (corpus / "NewsWCL50.conll").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 4:
                continue
            name = cols[0].rsplit("/", 1)[-1]
            tokens.setdefault(name, {}).setdefault(cols[1], []).append(cols[3])
    return [
        _document(_detokenise(sents.values()), f"newswcl50-{name}", url=urls.get(name))
        for name, sents in tokens.items()
    ]


def htmldate_pages(shared: Path) -> list[Item]:
    """Every page of both htmldate gold files, read by the HTML reader with its URL."""
    corpus = shared / "data" / "htmldate_eval"
    pages: dict[str, str] = {}
    for gold in ("eval_default.json", "eval_mediacloud_2020.json"):
        for url, row in json.loads((corpus / gold).read_text(encoding="utf-8")).items():
            pages.setdefault(row["file"], url)
    docs: list[Item] = []
    for name, url in pages.items():
        folders = (corpus / d / name for d in ("eval", "test_set", "cache"))
        docs += read_inputs([next(p for p in folders if p.exists())], overrides=Overrides(url=url))
    return docs


def web_archives(shared: Path) -> list[Path]:
    corpus = shared / "data" / "warc_samples_ukwa"
    return [p for p in sorted(corpus.rglob("*")) if re.search(r"\.w?arc(\.gz)?$", p.name)]


def petrarch(shared: Path) -> list[Item]:
    """The sentences of PETRARCH's unit-test records and of its GigaWord sample; a record
    whose text is empty has its sentence in the leaves of its parse tree."""
    docs = []
    corpus = shared / "data" / "petrarch_unittest"
    for name in ("PETR.UnitTest.records.xml", "GigaWord.sample.PETR.xml"):
        for record in ET.parse(corpus / name).getroot().iter("Sentence"):
            text = " ".join((record.findtext("Text") or "").split()) or _detokenise(
                [re.findall(r"\(\S+ ([^()\s]+)\)", record.findtext("Parse") or "")]
            )
            source = f"petrarch-{record.get('id')}"
            docs.append(_document(text, source, published=_iso(record.get("date"))))
    return docs


def plover(shared: Path) -> list[Item]:
    """The PLOVER gold-standard sentences (the file's documentation record has no text)."""
    rows = json.loads((shared / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
    return [
        _document(row["text"], f"plover-{row['id']}", published=row.get("date"))
        for row in rows
        if row.get("text")
    ]


# -- the outputs -------------------------------------------------------------------------------


def _check_quote(text: str, q: Quote) -> None:
    assert 0 <= q.start < q.end <= len(text)
    assert text[q.start : q.end] == q.text
    assert q.text == q.text.strip() and any(c.isalpha() for c in q.text)
    assert q.kind in ("direct", "partial", "indirect")
    if q.kind != "indirect":
        # the text between the marks: a quotation mark stands just before it
        assert text[: q.start].rstrip()[-1:] in OPENING, text[max(0, q.start - 40) : q.end]
    assert (q.speaker is None) == (q.confidence == 0)
    assert 0 <= q.confidence <= 1
    if q.kind == "indirect":
        # reported speech is found through the one who reports it, named or not
        assert q.speaker_mention
    elif q.speaker is None:
        assert q.speaker_mention is None
    if q.speaker_mention is not None:
        assert q.speaker_mention in text
    for value in (q.speaker, q.cue, q.via):
        assert value is None or value.strip()


def _check_article(article: Article, languages: tuple[str, ...]) -> None:
    if article.lang not in languages:
        assert article.quotes == ()
        assert "quotes" in {s.stage for s in article.skipped}
        return
    text = article.text
    for q in article.quotes:
        _check_quote(text, q)
    # one direct or partial quote per quoted span, in text order and apart from each other,
    # but for a show's name after its broadcaster ("told CNN's "State of the Union"")
    marked = [q for q in article.quotes if q.kind != "indirect"]
    assert article.parse is not None and article.parse.text == text
    titles = {(s.start, s.end) for s in programme_titles(article.parse)}
    spans = [s for s in find_quoted(text) if (s.start, s.end) not in titles]
    assert [(q.start, q.end) for q in marked] == [(s.start, s.end) for s in spans]
    for s in spans:
        assert 0 <= s.mark_start < s.start < s.end <= s.mark_end <= len(text)
    for a, b in pairwise(marked):
        assert a.end <= b.start


def _run(pipeline: Pipeline, corpus: str, inputs: list[Item]) -> Counter[str]:
    """Run the chain over one corpus, check every result, and count what happened."""
    results = list(pipeline.map(inputs, batch_size=32))
    assert len(results) == len(inputs)
    languages = pipeline.settings.analysis_languages
    counts: Counter[str] = Counter()
    failed = []
    for item in results:
        if isinstance(item, Rejection):
            assert item.reason in Reason and item.message
            counts[f"rejected:{item.reason}"] += 1
            if item.reason is Reason.STAGE_FAILED:
                failed.append(item.message)
            continue
        assert isinstance(item, Article)
        _check_article(item, languages)
        counts["analysed" if item.lang in languages else "skipped"] += 1
        counts.update(q.kind for q in item.quotes)
    assert not failed, f"{corpus}: a stage raised on {len(failed)} documents: {failed[:5]}"
    return counts


@pytest.mark.parametrize(
    ("loader", "size", "quoted"),
    [
        (dev_set, 70, True),
        (seeds, 2, True),
        (ecbplus, 982, True),
        (meantime, 120, True),
        (semeval, 120, True),
        (newswcl50, 50, True),
        (petrarch, 284 + 76, False),
        (plover, 322, False),
    ],
    ids=lambda v: getattr(v, "__name__", None),
)
def test_quotes_over_a_whole_corpus(
    shared: Path, pipeline: Pipeline, loader: Loader, size: int, quoted: bool
) -> None:
    inputs = loader(shared)
    assert len(inputs) == size
    counts = _run(pipeline, loader.__name__, inputs)
    assert counts["analysed"] > 0, counts
    if quoted:
        # news articles: if no quotation is found in a whole corpus, the path is broken
        assert counts["direct"] + counts["partial"] > 0, counts
    assert counts["indirect"] > 0, counts


def test_quotes_over_the_htmldate_pages(shared: Path, pipeline: Pipeline) -> None:
    inputs = htmldate_pages(shared)
    assert len(inputs) == 999  # 1,000 gold rows, one page named twice
    counts = _run(pipeline, "htmldate", inputs)
    # pages in many languages: the English ones analysed, the others skipped, none failing
    assert counts["analysed"] > 100 and counts["skipped"] > 100, counts
    assert counts["direct"] + counts["partial"] > 0, counts


def test_quotes_over_the_web_archives(shared: Path, pipeline: Pipeline) -> None:
    archives = web_archives(shared)
    assert archives
    inputs = list(read_inputs(archives))
    read = {str(a) for a in archives if any(d.source.startswith(f"{a}#") for d in inputs)}
    assert read == {str(a) for a in archives}  # every archive gives at least one page
    counts = _run(pipeline, "warc", inputs)
    assert counts["analysed"] > 0 and counts["direct"] + counts["partial"] > 0, counts
