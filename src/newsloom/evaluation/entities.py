"""Scoring entities: canonical names and actor codes, and MEANTIME's entity mentions.

`score_entities` (a newsloom-format gold set, with `events.jsonl`):

* actor canonical+country accuracy: for each named actor and target of the gold events, with
  its country, whether our entities in that sentence include one with that canonical name
  (after the corpus pass, `analyse.canonical`) whose actor code starts with that country (an
  international body's code "IGOEUREEC" counts as country "EUR"). A gold actor without a
  country needs the name only. The same with the country ignored is printed beside it.
* the issue's done-when checks: the share of "Russia", "Russian Federation", "Kremlin" and
  acting "Moscow" mentions in the text that resolve to canonical "Russia" with code RUS or
  RUSGOV, and the share of "Trump" mentions (the president's: not "Melania Trump", not
  "Trump Tower") that resolve to "Donald Trump" with USAGOV. A mention no entity covers
  counts as wrong.

`score_meantime_entities` (the English MEANTIME corpus, NAF XML): mention recall and
precision against its named (NAM) entity mentions of types PER, ORG and LOC, by character
overlap, untyped and typed (PER = PERSON; ORG = ORG; LOC = GPE, LOC or FAC); precision over
our PERSON/ORG/GPE/LOC/FAC name mentions (descriptions left out) in the annotated sentences.
Then cross-document identity, pairwise: over the gold mentions we found, two mentions of one
MEANTIME instance should get one canonical name from our corpus canonicalisation, and two of
different instances two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsloom.article import Article, Document, Entity
from newsloom.errors import Rejection
from newsloom.evaluation.figures import Figure, ratio
from newsloom.evaluation.gold import GoldSet
from newsloom.hashing import content_hash
from newsloom.pipeline import DEFAULT_STAGES, Pipeline
from newsloom.settings import DEFAULT_SETTINGS, Settings

SECTION = "entities (canonical names and actor codes)"
MEANTIME_SECTION = "entities (MEANTIME named mentions and cross-document identity)"

_RUSSIA = re.compile(r"(?<!-)\b(?:Russian Federation|Russia|Kremlin|Moscow)\b(?!-)")
_TRUMP = re.compile(r"\bTrump\b")
#: words before "Trump" that do not make it another person's surname
_TRUMP_BEFORE = frozenset(
    {"donald", "j.", "j", "president", "pres.", "mr", "mr.", "said", "says", "by", "and", "of",
     "to", "with", "that", "the", "for", "as", "from", "but", "when", "while", "after", "if"}
)  # fmt: skip
_GOV_PLACE = {"RUS", "RUSGOV"}


def code_country(code: str | None) -> str | None:
    """The country part of an actor code ("RUSGOV" -> "RUS", "IGOEUREEC" -> "EUR")."""
    if not code:
        return None
    return code[3:6] if code.startswith("IGO") and len(code) >= 6 else code[:3]


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace(".", "").replace("’", "'").split())


def corpus_canonical(articles: Iterable[Article]) -> dict[str, Article]:
    """The articles with their people named as the whole set names them."""
    from newsloom.analyse.canonical import apply_corpus_names, canonicalise_corpus

    arts = list(articles)
    corpus = canonicalise_corpus(arts)
    return {a.id: apply_corpus_names(a, corpus) for a in arts}


def _sentence_span(article: Article, row: dict) -> tuple[int, int] | None:
    sentence = row.get("sentence") or ""
    at = article.text.find(sentence)
    if at < 0 and len(sentence) > 40:
        at = article.text.find(sentence[:40])
    return (at, at + len(sentence)) if at >= 0 else None


def _has_actor(entities: Iterable[Entity], name: str, country: str | None, *, strict: bool) -> bool:
    for e in entities:
        if _norm(e.canonical) != _norm(name):
            continue
        if not strict or country is None or code_country(e.actor_code) == country:
            return True
    return False


def _is_acting(article: Article, start: int, end: int) -> bool:
    from newsloom.analyse.actors import is_acting

    parse = article.parse
    if parse is None or parse.text != article.text:
        return False
    span = parse.tokens_in(start, end)
    return len(span) > 0 and is_acting(parse, span.start, span.stop)


def _covering(article: Article, start: int, end: int) -> Entity | None:
    for e in article.entities:
        if e.start <= start and end <= e.end:
            return e
    return None


def russia_mentions(article: Article) -> tuple[int, int]:
    """(right, all) "Russia", "Russian Federation", "Kremlin" and acting "Moscow" mentions."""
    right = total = 0
    for m in _RUSSIA.finditer(article.text):
        if m[0] == "Moscow" and not _is_acting(article, m.start(), m.end()):
            continue
        total += 1
        e = _covering(article, m.start(), m.end())
        right += e is not None and e.canonical == "Russia" and e.actor_code in _GOV_PLACE
    return right, total


def _other_trump(text: str, start: int, end: int) -> bool:
    """ "Melania Trump", "Trump Tower": another person, or a name of a thing."""
    before = text[max(0, start - 30) : start].split()
    prev = before[-1] if before else ""
    if prev[:1].isupper() and prev.lower() not in _TRUMP_BEFORE and prev.isalpha():
        return True
    # a word right after, in the same sentence: "Trump Tower" (not "Trump. The ...")
    after = text[end : end + 30]
    nxt = after.split()[0] if after[:1] == " " and after.split() else ""
    return nxt[:1].isupper() and nxt.strip(".,;:!?\"'”’)").isalpha() and nxt != "I"


def trump_mentions(article: Article) -> tuple[int, int]:
    """(right, all) mentions of the president named "Trump"."""
    right = total = 0
    for m in _TRUMP.finditer(article.text):
        if _other_trump(article.text, m.start(), m.end()):
            continue
        total += 1
        e = _covering(article, m.start(), m.end())
        right += e is not None and e.canonical == "Donald Trump" and e.actor_code == "USAGOV"
    return right, total


def score_entities(gold: GoldSet, articles: dict[str, Article]) -> list[Figure]:
    """Canonical name and actor code figures on a newsloom-format gold set."""
    named = corpus_canonical(articles.values())
    figures: list[Figure] = []
    if gold.has("events"):
        total = strict = loose = 0
        for article_id, rows in gold.by_article("events").items():
            article = named.get(article_id)
            for row in rows:
                for role in ("actor", "target"):
                    name = row.get(role)
                    if not name:
                        continue
                    total += 1
                    span = _sentence_span(article, row) if article is not None else None
                    if span is None:
                        continue
                    ents = [e for e in article.entities if span[0] <= e.start < span[1]]
                    country = row.get(f"{role}_country")
                    strict += _has_actor(ents, name, country, strict=True)
                    loose += _has_actor(ents, name, country, strict=False)
        figures += [
            Figure(SECTION, "actor canonical+country accuracy", ratio(strict, total), strict,
                   total),
            Figure(SECTION, "actor canonical accuracy (country ignored)", ratio(loose, total),
                   loose, total),
        ]  # fmt: skip
    r_right = r_total = t_right = t_total = 0
    for article in named.values():
        if article.lang not in (None, "en"):
            continue  # the analysis stages are English only
        a, b = russia_mentions(article)
        r_right, r_total = r_right + a, r_total + b
        a, b = trump_mentions(article)
        t_right, t_total = t_right + a, t_total + b
    figures += [
        Figure(SECTION, "Russia/Russian Federation/Kremlin/acting Moscow -> Russia RUS|RUSGOV",
               ratio(r_right, r_total), r_right, r_total),
        Figure(SECTION, "Trump mentions -> Donald Trump USAGOV", ratio(t_right, t_total),
               t_right, t_total),
    ]  # fmt: skip
    return figures


# ---------------------------------------------------------------------------------------------
# MEANTIME

_TYPES = {"PER": {"PERSON"}, "ORG": {"ORG"}, "LOC": {"GPE", "LOC", "FAC"}}
_OUR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    type: str
    instance: str


@dataclass(frozen=True, slots=True)
class EntityDocument:
    name: str
    title: str
    text: str
    mentions: tuple[GoldMention, ...]
    #: where the annotated sentences end (MEANTIME annotates the first sentences only)
    annotated_end: int


def meantime_entity_files(path: Path) -> list[Path]:
    """The MEANTIME documents with cross-document entity instances."""
    from newsloom.evaluation.dates import meantime_files

    return meantime_files(path, "intra_cross-doc_annotation")


def read_entity_document(path: Path) -> EntityDocument:
    """One MEANTIME file: the text as `evaluation.dates` builds it, and its named PER, ORG
    and LOC mentions with their cross-document instance."""
    from lxml import etree

    from newsloom.evaluation.dates import ANNOTATED_SENTENCES, _detokenise

    root = etree.parse(str(path)).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    title, _ = _detokenise([t for t in tokens if t[1] == "0"])
    text, spans = _detokenise([t for t in tokens if t[1] != "0"])
    instances = {}
    for ent in root.iter("ENTITY"):
        instances[ent.get("m_id")] = (ent.get("ent_type") or "", ent.get("instance_id") or "")
    refers = {}
    for ref in root.iter("REFERS_TO"):
        targets = [t.get("m_id") for t in ref.iter("target")]
        if targets and targets[0] in instances:
            for s in ref.iter("source"):
                refers[s.get("m_id")] = instances[targets[0]]
    mentions = []
    for m in root.iter("ENTITY_MENTION"):
        if m.get("syntactic_type") != "NAM" or m.get("m_id") not in refers:
            continue
        kind, instance = refers[m.get("m_id")]
        ids = [a.get("t_id") for a in m.iter("token_anchor")]
        found = [spans[i] for i in ids if i in spans]
        if kind in _TYPES and found and instance:
            start, end = min(s for s, _ in found), max(e for _, e in found)
            mentions.append(GoldMention(start, end, kind, instance))
    annotated = [
        spans[t_id][1]
        for t_id, sentence, _ in tokens
        if t_id in spans and int(sentence or 0) < ANNOTATED_SENTENCES
    ]
    return EntityDocument(path.stem, title, text, tuple(mentions), max(annotated, default=0))


def _our_entities(
    docs: list[EntityDocument], settings: Settings
) -> list[list[tuple[tuple[int, int], Entity]]]:
    from newsloom.evaluation.dates import source_span

    pipeline = Pipeline(DEFAULT_STAGES, settings)
    results: list[Article | None] = []
    for doc in docs:
        result = pipeline(
            Document(id=doc.name, source=doc.name, format="text", raw=doc.text,
                     content_hash=content_hash(doc.text), title=doc.title)
        )  # fmt: skip
        results.append(None if isinstance(result, Rejection) else result)
    named = corpus_canonical(r for r in results if r is not None)
    out = []
    for r in results:
        if r is None:
            out.append([])
            continue
        article = named[r.id]
        out.append([(source_span(article, e.start, e.end), e) for e in article.entities])
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


def score_meantime_entities(path: Path, *, settings: Settings = DEFAULT_SETTINGS) -> list[Figure]:
    """Entity mention and cross-document identity figures on MEANTIME."""
    docs = [read_entity_document(f) for f in meantime_entity_files(Path(path))]
    ours = _our_entities(docs, settings)
    gold_total = found = typed = predicted = right = right_typed = 0
    cells: Counter[tuple[str, str]] = Counter()
    for doc, ents in zip(docs, ours, strict=True):
        # the gold marks names (NAM); our descriptions ("the president") are not names
        ents = [
            (span, e) for span, e in ents if e.label in _OUR_LABELS and e.mention == "name"
        ]
        for g in doc.mentions:
            gold_total += 1
            hits = [e for span, e in ents if _overlap(span, (g.start, g.end))]
            if not hits:
                continue
            found += 1
            same = [e for e in hits if e.label in _TYPES[g.type]]
            typed += bool(same)
            best = (same or hits)[0]
            cells[(g.instance, _norm(best.canonical or best.text))] += 1
        for span, e in ents:
            if span[0] >= doc.annotated_end:
                continue
            predicted += 1
            hits = [g for g in doc.mentions if _overlap(span, (g.start, g.end))]
            right += bool(hits)
            right_typed += any(e.label in _TYPES[g.type] for g in hits)
    gold_by_instance: Counter[str] = Counter()
    ours_by_name: Counter[str] = Counter()
    for (instance, name), n in cells.items():
        gold_by_instance[instance] += n
        ours_by_name[name] += n
    together = _pairs(cells.values())
    gold_pairs = _pairs(gold_by_instance.values())
    our_pairs = _pairs(ours_by_name.values())
    return [
        Figure(MEANTIME_SECTION, "documents", len(docs), unit="count"),
        Figure(MEANTIME_SECTION, "gold named PER/ORG/LOC mentions", gold_total, unit="count"),
        Figure(MEANTIME_SECTION, "mention recall (overlap)", ratio(found, gold_total), found,
               gold_total),
        Figure(MEANTIME_SECTION, "mention recall (overlap, type right)",
               ratio(typed, gold_total), typed, gold_total),
        Figure(MEANTIME_SECTION, "mention precision (overlap, annotated sentences)",
               ratio(right, predicted), right, predicted),
        Figure(MEANTIME_SECTION, "mention precision (overlap, type right)",
               ratio(right_typed, predicted), right_typed, predicted),
        Figure(MEANTIME_SECTION, "cross-document identity pairwise precision",
               ratio(together, our_pairs), together, our_pairs),
        Figure(MEANTIME_SECTION, "cross-document identity pairwise recall",
               ratio(together, gold_pairs), together, gold_pairs),
    ]  # fmt: skip
