"""Scorers for date expressions: a newsloom-format gold set, and TIMEX3 values in TimeML/CAT.

* `score_dates`: on the gold articles that have `dates.jsonl` rows, our expressions are matched
  to gold rows by character overlap (one to one), after mapping our clean-text offsets back to
  the input text the gold offsets are into. Gold rows marked `in_boilerplate` lie in lines the
  cleaner removes on purpose, so they are left out of recall (a match on one still counts for
  precision and value accuracy). A value is right when it equals the gold `value` or one of its
  `alt` values (a gold null is right only as null).
* `score_timex_meantime`: the English MEANTIME corpus (120 Wikinews articles, TIMEX3 in NAF
  XML): each document's creation time is declared as its publication date, and the DATE
  timexes with a calendar value (day, month, year, ISO week, quarter) are scored, for newsloom
  and, in the same run on the same text, for dateparser on the DATE entities of spaCy's English
  pipeline (`RELATIVE_BASE` = creation time, `PREFER_DATES_FROM` = past). The headline goes in
  as the title, as a scraper hands it over, so neither system reads it and its timexes are not
  scored; the creation time's own date line is the anchor, not scored either. Values TimeML
  writes in other forms (PAST_REF, durations, `XXXX`, fiscal years, seasons) are counted apart.
  MEANTIME annotates only the first six sentences of each article, so precision is measured
  there.

* `score_timex_timeline`: SemEval-2015 Task 4 (TimeLine), read with the same CAT reader and a
  TimeML one, each document once (every article ships in four folders: CAT and TimeML, two
  tracks), scored with the MEANTIME conventions. Its 120 articles are MEANTIME's, and its only
  TIMEX3 is each document's creation time (its gold timelines date events, not expressions), so
  it has nothing in the text to score: the figures say so (0 gold timexes, n/a), and a document
  whose text carries no TIMEX3 counts as not annotated for time, so precision is not charged
  for it. The reader scores any TimeML/CAT folder that does annotate its text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newsloom.article import Article, Document
from newsloom.errors import EvalError, Msg, Rejection
from newsloom.evaluation.figures import Figure, ratio
from newsloom.evaluation.gold import GoldArticle, GoldSet
from newsloom.hashing import content_hash
from newsloom.pipeline import Pipeline
from newsloom.settings import DEFAULT_SETTINGS, Settings

SECTION = "dates"
MEANTIME_SECTION = "dates (MEANTIME TIMEX3 DATE values, creation time as publication date)"
TIMELINE_SECTION = (
    "dates (SemEval-2015 Task 4 TIMEX3 DATE values, creation time as publication date)"
)
VALUE_ACCURACY_FLOOR = 0.90
DATES_STAGES = ("extract", "clean", "published", "dates")
COMPARISON = "dateparser+spacy"

Span = tuple[int, int]


def _load_stages() -> None:
    # Importing the package registers the `dates` stage.
    import newsloom.timex  # noqa: F401


# ---------------------------------------------------------------------------------------------
# matching


def match_spans(gold: Sequence[Span], predicted: Sequence[Span]) -> dict[int, int]:
    """One-to-one matching by character overlap, largest overlaps first: gold -> predicted."""
    pairs = []
    for g, (gs, ge) in enumerate(gold):
        for p, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((-overlap, g, p))
    pairs.sort()
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in pairs:
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched


def source_span(article: Article, start: int, end: int) -> Span:
    """An expression's span in the input text (the clean body may have lost lines before it)."""
    src_start = article.source_offset(start)
    src_end = article.source_offset(max(end - 1, start)) + 1
    return src_start, max(src_end, src_start + 1)


# ---------------------------------------------------------------------------------------------
# newsloom-format gold


def score_dates(
    gold: GoldSet, articles: dict[str, Article], *, anchor: str = "predicted publication date"
) -> list[Figure]:
    """Recall, precision and value accuracy of date expressions (see the module doc).

    `anchor` names how the articles were dated, for the figure names ("predicted publication
    date" or "gold publication date declared").
    """
    rows = gold.by_article("dates")
    gold_total = gold_found = predicted_total = predicted_right = 0
    matched_total = value_right = value_right_all = 0
    for article_id, gold_rows in rows.items():
        article = articles.get(article_id)
        countable = [not row.get("in_boilerplate") for row in gold_rows]
        gold_total += sum(countable)
        if article is None:
            continue
        spans = [(r["start"], r["start"] + len(r["expression"])) for r in gold_rows]
        ours = [source_span(article, d.start, d.end) for d in article.dates]
        matched = match_spans(spans, ours)
        predicted_total += len(ours)
        predicted_right += len(matched)
        for g, p in matched.items():
            right = _value_right(article.dates[p].value, gold_rows[g])
            matched_total += 1
            value_right += right
            if countable[g]:
                gold_found += 1
                value_right_all += right
    label = f" ({anchor})"
    return [
        Figure(SECTION, "expression recall (boilerplate rows excluded)",
               ratio(gold_found, gold_total), gold_found, gold_total),
        Figure(SECTION, "expression precision (annotated articles)",
               ratio(predicted_right, predicted_total), predicted_right, predicted_total),
        Figure(SECTION, f"value accuracy on matched expressions{label}",
               ratio(value_right, matched_total), value_right, matched_total,
               floor=VALUE_ACCURACY_FLOOR),
        Figure(SECTION, f"value right over all gold rows{label}",
               ratio(value_right_all, gold_total), value_right_all, gold_total),
    ]  # fmt: skip


def _value_right(value: str | None, row: dict[str, Any]) -> bool:
    accepted = [row.get("value"), *row.get("alt", [])]
    return value in accepted


def dated_articles(
    gold: GoldSet,
    *,
    declare_published: bool = False,
    settings: Settings = DEFAULT_SETTINGS,
) -> dict[str, Article]:
    """The gold articles run through extract -> clean -> published -> dates.

    By default the publication date is newsloom's own; with `declare_published` the gold
    `published` is declared, as `--published` would, to measure dating apart from it.
    """
    _load_stages()
    pipeline = Pipeline(DATES_STAGES, settings)
    out: dict[str, Article] = {}
    for g in gold.articles:
        result = pipeline(_document(g, declare_published))
        if not isinstance(result, Rejection):
            out[g.id] = result
    return out


def _document(g: GoldArticle, declare_published: bool) -> Document:
    declared = {"published": g.published} if declare_published and g.published else {}
    return Document(
        id=g.id,
        source=g.id,
        format="text",
        raw=g.text,
        content_hash=content_hash(g.text),
        url=g.url,
        outlet=g.outlet,
        declared=declared,
    )


def evaluate_dates(gold: GoldSet, settings: Settings = DEFAULT_SETTINGS) -> list[Figure]:
    """`score_dates` with newsloom's own publication dates, then the value figures again with
    the gold publication date declared (labelled so)."""
    figures = score_dates(gold, dated_articles(gold, settings=settings))
    declared = score_dates(
        gold,
        dated_articles(gold, declare_published=True, settings=settings),
        anchor="gold publication date declared",
    )
    return figures + [f for f in declared if "value" in f.name]


# ---------------------------------------------------------------------------------------------
# TIMEX3 gold in CAT XML (MEANTIME, SemEval-2015 Task 4) and TimeML

#: TimeML calendar values newsloom produces: day, month, year, ISO week, quarter
CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q[1-4])?$")
#: MEANTIME annotates the title, the date line and the first four sentences of each article
#: (sentences 0-5); precision is measured there only
ANNOTATED_SENTENCES = 6
#: the folders SemEval-2015 Task 4 ships its documents in (evaluation data, trial data)
TIMELINE_FOLDER = re.compile(r"^(?:SemEval_Task4_data|Corpus-trial-data_task4.*)$")
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|’s)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "£", "€", "#"})

#: a token as CAT numbers it: (token id, sentence number, word)
Token = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    #: the document's creation time as printed in its date line: the anchor, not scored
    creation: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A TIMEX3 as a file gives it, before its tokens are placed in the text."""

    type: str
    value: str
    token_ids: tuple[str, ...]
    creation: bool


@dataclass(frozen=True, slots=True)
class TimexDocument:
    """One annotated article: its headline apart (a scraper hands it over as the title) and its
    text from the date line on, with the offsets of the TIMEX3 in that text."""

    name: str
    title: str
    text: str
    creation_time: str
    #: every TIMEX3 in the text
    timexes: tuple[Timex, ...]
    #: where the annotated part of the text ends (0: no part of it is annotated)
    annotated_end: int
    #: the corpus's document id: the same article shipped in two folders has one id
    doc_id: str = ""

    @property
    def scored(self) -> list[Timex]:
        """The DATE timexes with a calendar value: what both systems are scored on."""
        return [
            t
            for t in self.timexes
            if t.type == "DATE" and not t.creation and CALENDAR_VALUE.match(t.value)
        ]


def meantime_files(path: Path, layer: str = "intra-doc_annotation") -> list[Path]:
    """The English MEANTIME documents of one annotation layer under `path` (the corpus root or
    any folder in it)."""
    root = Path(path)
    inner = root / layer
    files = sorted((inner if inner.is_dir() else root).rglob("*.xml"))
    if not files:
        raise EvalError(Msg.GOLD_MISSING.format(path=root, expected="MEANTIME NAF XML files"))
    return files


def read_meantime(path: Path) -> TimexDocument | None:
    """One MEANTIME file; only its first `ANNOTATED_SENTENCES` sentences carry annotation."""
    return read_cat(path, annotated_sentences=ANNOTATED_SENTENCES)


def read_cat(path: Path, *, annotated_sentences: int | None = None) -> TimexDocument | None:
    """One CAT XML file (MEANTIME's and SemEval-2015 Task 4's format): its text (tokens joined
    as printed), creation time and timexes.

    The creation time is the TIMEX3 marked CREATION_TIME; where its value is missing, the
    timex the others are anchored to. A document without either is skipped (None).
    `annotated_sentences` bounds the annotated part of the text (None: see `_annotated_end`).
    """
    return _cat_document(_parse(path), path, annotated_sentences)


def read_timeml(path: Path) -> TimexDocument | None:
    """One TimeML file: the creation time from its DCT, the words of TEXT (split on white
    space, numbered by their `<s id>` sentence as CAT numbers them) and its inline TIMEX3.
    A document without a usable creation time is skipped (None)."""
    return _timeml_document(_parse(path), path)


def read_timex_file(path: Path) -> TimexDocument | None:
    """A TimeML or CAT XML file, told apart by its root element."""
    root = _parse(path)
    if root.tag == "TimeML":
        return _timeml_document(root, path)
    return _cat_document(root, path, None)


def _parse(path: Path) -> Any:
    from lxml import etree

    try:
        return etree.parse(str(path)).getroot()
    except etree.XMLSyntaxError as exc:
        raise EvalError(f"{path}: not XML ({exc})") from exc


def _cat_document(root: Any, path: Path, annotated_sentences: int | None) -> TimexDocument | None:
    creation_id, creation_time = _creation_time(root)
    if creation_time is None:
        return None
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    mentions = [
        Mention(
            tx.get("type") or "",
            tx.get("value") or "",
            tuple(a.get("t_id") for a in tx.iter("token_anchor")),
            tx.get("m_id") == creation_id,
        )
        for tx in root.iter("TIMEX3")
    ]
    doc_id = root.get("doc_id") or path.stem
    return _timex_document(path.stem, doc_id, creation_time, tokens, mentions, annotated_sentences)


def _timeml_document(root: Any, path: Path) -> TimexDocument | None:
    dct = root.find("DCT/TIMEX3")
    creation_time = _normalise_dct(dct.get("value") or "") if dct is not None else None
    text = root.find("TEXT")
    if creation_time is None or text is None:
        return None
    tokens, mentions = _timeml_tokens(text, dct.get("tid"))
    if not any(sentence == "0" for _, sentence, _ in tokens):
        # SemEval-2015 Task 4 keeps the headline in EXTRAINFO; some files leave it out of TEXT
        headline = (root.findtext("EXTRAINFO") or "").split()
        tokens = [(f"h{n}", "0", word) for n, word in enumerate(headline)] + tokens
    doc_id = (root.findtext("DOCID") or "").strip() or path.stem
    return _timex_document(path.stem, doc_id, creation_time, tokens, mentions, None)


def _timeml_tokens(text: Any, creation_tid: str | None) -> tuple[list[Token], list[Mention]]:
    """TimeML's running text as CAT-like tokens, and its TIMEX3 anchored to them (text outside
    any `<s>` is body text: sentence label "")."""
    tokens: list[Token] = []
    covered: dict[Any, list[str]] = {}

    def add(chunk: str | None, sentence: str, timex: Any) -> None:
        for word in (chunk or "").split():
            t_id = str(len(tokens) + 1)
            tokens.append((t_id, sentence, word))
            if timex is not None:
                covered[timex].append(t_id)

    def walk(element: Any, sentence: str, timex: Any) -> None:
        if element.tag == "s":
            sentence = element.get("id") or sentence
        elif element.tag == "TIMEX3":
            timex = element
            covered.setdefault(element, [])
        add(element.text, sentence, timex)
        for child in element:
            if isinstance(child.tag, str):  # comments and processing instructions carry no text
                walk(child, sentence, timex)
            add(child.tail, sentence, timex)

    walk(text, "", None)
    mentions = [
        Mention(
            tx.get("type") or "",
            tx.get("value") or "",
            tuple(ids),
            tx.get("functionInDocument") == "CREATION_TIME" or tx.get("tid") == creation_tid,
        )
        for tx, ids in covered.items()
    ]
    return tokens, mentions


def _timex_document(
    name: str,
    doc_id: str,
    creation_time: str,
    tokens: Sequence[Token],
    mentions: Iterable[Mention],
    annotated_sentences: int | None,
) -> TimexDocument:
    """The format-neutral part: tokens to text (sentence 0, the headline, apart) and each
    mention's tokens to a character span (a mention in the headline or without tokens drops)."""
    title, _ = _detokenise([t for t in tokens if t[1] == "0"])
    text, token_spans = _detokenise([t for t in tokens if t[1] != "0"])
    timexes = []
    for mention in mentions:
        spans = [token_spans[i] for i in mention.token_ids if i in token_spans]
        if spans:
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            timexes.append(Timex(start, end, mention.type, mention.value, mention.creation))
    return TimexDocument(
        name,
        title,
        text,
        creation_time,
        tuple(timexes),
        _annotated_end(text, tokens, token_spans, timexes, annotated_sentences),
        doc_id,
    )


def _annotated_end(
    text: str,
    tokens: Sequence[Token],
    token_spans: dict[str, Span],
    timexes: Sequence[Timex],
    annotated_sentences: int | None,
) -> int:
    """Where annotation stops: after the first `annotated_sentences` sentences; without that
    bound, the whole text if it holds a TIMEX3 besides the creation time, else nothing (a
    corpus that marks only the creation time has not annotated the text for time)."""
    if annotated_sentences is None:
        return len(text) if any(not t.creation for t in timexes) else 0
    return max(
        (
            token_spans[t_id][1]
            for t_id, sentence, _ in tokens
            if t_id in token_spans and int(sentence or 0) < annotated_sentences
        ),
        default=0,
    )


def _detokenise(tokens: Iterable[Token]) -> tuple[str, dict[str, Span]]:
    """Tokens back to running text: the date line (sentence 1) on a line of its own, the body
    as one paragraph, no space before punctuation or after an opening bracket."""
    parts: list[str] = []
    spans: dict[str, Span] = {}
    length = 0
    previous_sentence: str | None = None
    previous = ""
    for t_id, sentence, word in tokens:
        if previous_sentence is None:
            sep = ""
        elif sentence != previous_sentence and previous_sentence in ("0", "1"):
            sep = "\n"
        elif _NO_SPACE_BEFORE.match(word) or previous in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep + word)
        length += len(sep)
        spans[t_id] = (length, length + len(word))
        length += len(word)
        previous_sentence, previous = sentence, word
    return "".join(parts), spans


def _creation_time(root: Any) -> tuple[str | None, str | None]:
    timexes = list(root.iter("TIMEX3"))
    for tx in timexes:
        if tx.get("functionInDocument") == "CREATION_TIME":
            value = _normalise_dct(tx.get("value") or "")
            if value:
                return tx.get("m_id"), value
    anchors = Counter(tx.get("anchorTimeID") for tx in timexes if tx.get("anchorTimeID"))
    for m_id, _ in anchors.most_common():
        target = next((tx for tx in timexes if tx.get("m_id") == m_id), None)
        if target is not None and (value := _normalise_dct(target.get("value") or "")):
            return m_id, value
    return None, None


def _normalise_dct(value: str) -> str | None:
    if re.match(r"^\d{4}-\d\d-\d\d$", value):
        return value
    m = re.match(r"^(\d\d)-(\d\d)-(\d{4})$", value)  # "03-02-2009": day first
    return f"{m[3]}-{m[2]}-{m[1]}" if m else None


# SemEval-2015 Task 4


def is_timeline_dir(path: Path) -> bool:
    """`path` is the SemEval-2015 Task 4 folder (it holds `SemEval_Task4_data` or a trial
    corpus folder) or a folder in one."""
    path = Path(path).resolve()
    if not path.is_dir():
        return False
    if any(TIMELINE_FOLDER.match(p.name) for p in (path, *path.parents)):
        return True
    return any(c.is_dir() and TIMELINE_FOLDER.match(c.name) for c in path.iterdir())


def timeline_files(path: Path) -> list[Path]:
    """The TimeML (`.tml`) and CAT (`.xml`) files under `path`."""
    root = Path(path)
    files = sorted([*root.rglob("*.tml"), *root.rglob("*.xml")])
    if not files:
        raise EvalError(
            Msg.GOLD_MISSING.format(path=root, expected="TimeML (.tml) or CAT XML files")
        )
    return files


def read_timeline(path: Path) -> list[TimexDocument]:
    """Every document under `path` once: SemEval-2015 Task 4 ships each article in several
    folders (CAT and TimeML, track A and B), so readings of one document id are merged,
    keeping the one with the most TIMEX3 in its text (the first file, when they tie)."""
    best: dict[str, TimexDocument] = {}
    for file in timeline_files(path):
        doc = read_timex_file(file)
        if doc is None:
            continue
        kept = best.get(doc.doc_id)
        if kept is None or _in_text(doc) > _in_text(kept):
            best[doc.doc_id] = doc
    return list(best.values())


def _in_text(doc: TimexDocument) -> int:
    return sum(not t.creation for t in doc.timexes)


# the two systems


def newsloom_timex(
    docs: Sequence[TimexDocument], settings: Settings
) -> list[list[tuple[Span, str | None]]]:
    """Our expressions per document, as (span in the document text, value)."""
    _load_stages()
    pipeline = Pipeline(DATES_STAGES, settings)
    out = []
    for doc in docs:
        result = pipeline(
            Document(
                id=doc.name,
                source=doc.name,
                format="text",
                raw=doc.text,
                content_hash=content_hash(doc.text),
                title=doc.title,
                declared={"published": doc.creation_time},
            )
        )
        if isinstance(result, Rejection):
            out.append([])
            continue
        out.append([(source_span(result, d.start, d.end), d.value) for d in result.dates])
    return out


@functools.cache
def comparison_model(name: str) -> Any:
    """spaCy's pipeline for the comparison, loaded once per process (tagger and parser off:
    only the entity recogniser is used)."""
    import spacy

    return spacy.load(name, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])


def dateparser_timex(
    docs: Sequence[TimexDocument], settings: Settings
) -> list[list[tuple[Span, str | None]]]:
    """The comparison: dateparser on the DATE entities spaCy finds, anchored on the creation
    time, each value written at the precision dateparser reports (its `period`)."""
    from dateparser.date import DateDataParser

    nlp = comparison_model(settings.spacy_model)
    out = []
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        base = datetime.fromisoformat(doc.creation_time)
        parser = DateDataParser(
            languages=["en"],
            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
        )
        found = []
        for ent in parsed.ents:
            if ent.label_ == "DATE":
                found.append(((ent.start_char, ent.end_char), _period_value(parser, ent.text)))
        out.append(found)
    return out


def _period_value(parser: Any, text: str) -> str | None:
    data = parser.get_date_data(text)
    when = data.date_obj
    if when is None:
        return None
    period = data.period
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return when.date().isoformat()


def _timex_figures(
    docs: Sequence[TimexDocument],
    predictions: Sequence[Sequence[tuple[Span, str | None]]],
    system: str,
    section: str,
    extent: str,
) -> list[Figure]:
    gold_total = found = right = predicted = predicted_on_timex = 0
    for doc, ours in zip(docs, predictions, strict=True):
        scored = doc.scored
        spans = [span for span, _ in ours]
        matched = match_spans([(t.start, t.end) for t in scored], spans)
        gold_total += len(scored)
        found += len(matched)
        right += sum(ours[p][1] == scored[g].value for g, p in matched.items())
        creation = [(t.start, t.end) for t in doc.timexes if t.creation]
        annotated = [
            span
            for span in spans
            if span[0] < doc.annotated_end and not match_spans(creation, [span])
        ]
        predicted += len(annotated)
        others = [(t.start, t.end) for t in doc.timexes if not t.creation]
        predicted_on_timex += len(match_spans(others, annotated))
    return [
        Figure(section, "expressions found", ratio(found, gold_total), found, gold_total,
               system=system),
        Figure(section, "value accuracy on found", ratio(right, found), right, found,
               system=system),
        Figure(section, "value right over all gold", ratio(right, gold_total), right,
               gold_total, system=system),
        Figure(section, f"precision (any gold TIMEX3; {extent}, date line out)",
               ratio(predicted_on_timex, predicted), predicted_on_timex, predicted,
               system=system),
    ]  # fmt: skip


def score_timex(
    docs: Sequence[TimexDocument],
    section: str,
    extent: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    comparison: bool = True,
) -> list[Figure]:
    """Counts, then the TIMEX value figures of newsloom and, in the same run on the same text,
    dateparser+spaCy. `extent` names where precision is measured.

    The systems read only the documents that are annotated somewhere or have a timex to
    score: a document with neither adds to no figure.
    """
    dates = [t for d in docs for t in d.timexes if t.type == "DATE" and not t.creation]
    scored = sum(len(d.scored) for d in docs)
    figures = [
        Figure(section, "documents", len(docs), unit="count"),
        Figure(section, "documents with a TIMEX3 in the text (creation time aside)",
               sum(_in_text(d) > 0 for d in docs), unit="count"),
        Figure(section, "gold DATE timexes with a calendar value", scored, unit="count"),
        Figure(section, "gold DATE timexes left out (other TimeML values)",
               len(dates) - scored, unit="count"),
    ]  # fmt: skip
    systems: list[tuple[str, Callable[..., list[list[tuple[Span, str | None]]]]]] = [
        ("newsloom", newsloom_timex)
    ]
    if comparison:
        systems.append((COMPARISON, dateparser_timex))
    read = [d for d in docs if d.annotated_end > 0 or d.scored]
    for system, run in systems:
        predictions = run(read, settings) if read else []
        figures += _timex_figures(read, predictions, system, section, extent)
    return figures


def score_timex_meantime(
    path: Path,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    comparison: bool = True,
) -> list[Figure]:
    """TIMEX value figures on MEANTIME for newsloom and, in the same run, dateparser+spaCy."""
    docs = [d for f in meantime_files(Path(path)) if (d := read_meantime(f)) is not None]
    return score_timex(
        docs, MEANTIME_SECTION, "annotated sentences", settings=settings, comparison=comparison
    )


def score_timex_timeline(
    path: Path,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    comparison: bool = True,
) -> list[Figure]:
    """TIMEX value figures on SemEval-2015 Task 4 (each document once), as on MEANTIME."""
    return score_timex(
        read_timeline(Path(path)),
        TIMELINE_SECTION,
        "documents with a TIMEX3 in the text",
        settings=settings,
        comparison=comparison,
    )
