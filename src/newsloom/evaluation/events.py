"""Scoring CAMEO events: the newsloom-dev / seeds `events.jsonl`, PETRARCH's and PLOVER's records.

Gold sets in the newsloom-dev format (its README defines `events.jsonl`) code a *sample* of
clear events, one row per event, on the sentence that reports it. So:

* a predicted event belongs to a gold sentence when its sentence, mapped back to the source
  text with `Article.source_offset`, overlaps the gold sentence's characters;
* root-code recall: the share of gold rows whose sentence has a predicted event with the gold
  root code (the first two digits of `cameo` or of any `cameo_alt`);
* root-code precision is measured over the predicted events *in the gold's coded sentences
  only*: the gold is not exhaustive, so an event found elsewhere cannot be called wrong. A
  predicted event there is right when its root is the root of any gold row of that sentence;
* full-triple recall: a gold row is found when one predicted event of its sentence has an
  accepted root, the gold actor country and the gold target country (for a symmetric row,
  either order; a null gold target country matches any prediction; the seeds' "EUR" is the
  European Union's "IGOEU..." code). A country is the first
  three letters of an actor code ("USAGOV" -> "USA"), none for an international body
  ("IGO...");
* modality agreement over the found gold rows that give a modality (the seeds' "conditional
  threat": its first word);
* event-date accuracy over the gold rows found with their root: the predicted date equals the
  gold date (null equals null; a gold `XXXX-12-14` matches any year's 12-14; a predicted
  year-less `XXXX-...` matches a null gold, which is how the dev gold writes a day with no year).

`score_cameo_records` runs newsloom on the one-sentence records of PETRARCH's unit tests and of
the PLOVER gold standard, each as a one-sentence article, and reports root-code accuracy beside
the CAMEO 2.0 dictionary coder (`evaluation.cameo_dictionary`, on the same parse) and a most-
frequent-root baseline measured on the same records. On PLOVER (`score_plover`) it also prints
precision (over the records answered), full-triple recall (the first event of the right category
has an actor among the gold sources and, when the gold names targets, a target among them;
countries as three letters, "IGO" for international bodies) and the verb-lemma table, on all
records and on the "report" half: the records are split in two by a seeded hash of their id
(`plover_half`); the coder was developed looking at the "choose" half only, the "report" half is
the held-out figure, and the floors hold on it. A record's answer is the code of its first event
(a later event of the sentence is right on 2 of 322 PLOVER records and none of the PETRARCH
ones, so the choice does not matter). PETRARCH's test records also use codes outside CAMEO
(test-only codes such as 903 or 345): only records whose first coding is a CAMEO root 01-20 are
scored, and the figure has no floor. Read it with care: the records test the coder's mechanics
with a validation verb dictionary whose codes are mostly test codes (PETR.Validate.verbs calls
them "WEIS, not CAMEO": "restore ties" is 064, "welcome" 041, "condemn" 122, "urge" 102), so a
code that is right in CAMEO ("restore ties" 050, "welcome" 051, "condemn" 111, "urge" 020) is
scored wrong; and 49 of the 201 records are one "restore diplomatic ties" sentence in variants,
which is where 48 of the most-frequent baseline's 50 (root 06) come from.

The PLOVER records carry a PLOVER category, not a CAMEO code; a prediction is right when its
CAMEO code maps to that category in the PLOVER project's own CAMEO-to-PLOVER table
(CAMEO2PLOVER-2021.txt, read from the data folder), with the 2021 names turned back into the
ones the records use (REQUEST is DEMAND, ACCUSE is DISAPPROVE or INVESTIGATE, ASSAULT from
CAMEO 19 is FIGHT), and with the codes the 2021 table moved out of their parent's category put
back under it (163 sanctions SANCTION, 175 repression and 1712 destroying property COERCE, 0813
easing a curfew CONCEDE, 191 and 192 FIGHT: `_unmoved`), as the 2016 records code them. That
table maps no CAMEO 01 or 02 code, so a statement or an appeal never counts as right there.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsloom.analyse.actors import code_country
from newsloom.article import Article, Document, Event
from newsloom.errors import EvalError, Msg, Rejection
from newsloom.evaluation.cameo_dictionary import SYSTEM as DICT_SYSTEM
from newsloom.evaluation.cameo_dictionary import (
    TABLE_SYSTEM,
    default_dictionary_path,
    dictionary_answers,
    load_dictionary,
)
from newsloom.evaluation.figures import Figure, ratio
from newsloom.evaluation.gold import GoldSet
from newsloom.hashing import content_hash, stable_hash
from newsloom.pipeline import Pipeline, stages_through
from newsloom.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "EVENT_STAGES",
    "cameo_to_plover",
    "country",
    "country_matches",
    "plover_half",
    "read_petrarch",
    "read_plover",
    "read_plover_rows",
    "score_cameo_records",
    "score_events",
    "score_plover",
]

SECTION = "events"
#: the chain that codes events (until the default pipeline includes `events`)
EVENT_STAGES = (*stages_through("entities"), "events")
#: floors just under what newsloom reaches on ../shared/data/newsloom-dev (the issue's targets
#: are 0.85, 0.85 and 0.70)
ROOT_RECALL_FLOOR = 0.90
ROOT_PRECISION_FLOOR = 0.85
TRIPLE_RECALL_FLOOR = 0.70
#: on the held-out half of PLOVER (the issue's target is 0.75; the CAMEO 2.0 dictionary coder
#: reaches about 0.42 and the most frequent category 0.12 on the same records)
PLOVER_FLOOR = 0.73
PLOVER_TRIPLE_FLOOR = 0.24


#: The country part of an actor code ("USAGOV" -> "USA"); none for an international body,
#: as the gold writes it.
country = code_country


def _roots(row: dict[str, Any]) -> set[str]:
    return {str(c)[:2] for c in [row["cameo"], *(row.get("cameo_alt") or [])]}


def _date_ok(predicted: str | None, gold: str | None) -> bool:
    if gold is None:
        # the dev gold writes null for a day with no year; the seeds write XXXX-MM-DD
        return predicted is None or predicted.startswith("XXXX")
    if predicted is None:
        return False
    if gold.startswith("XXXX"):
        return predicted[4:] == gold[4:]
    return predicted == gold


def country_matches(code: str | None, gold: str | None) -> bool:
    """An actor code against a gold country; the seeds write "EUR" for the European Union."""
    if gold == "EUR":
        return bool(code) and (code or "").startswith(("IGOEU", "EUR"))
    return country(code) == gold


def _triple_ok(event: Event, row: dict[str, Any]) -> bool:
    a, t = event.actor_code, event.target_code
    ga, gt = row.get("actor_country"), row.get("target_country")
    orders = [(a, t), (t, a)] if row.get("symmetric") else [(a, t)]
    return any(country_matches(x, ga) and (gt is None or country_matches(y, gt)) for x, y in orders)


def _in_sentence(article: Article, events: Iterable[Event], start: int, end: int) -> list[Event]:
    out = []
    for e in events:
        s = article.source_offset(e.start)
        if s < end and start < s + len(e.sentence):
            out.append(e)
    return out


def score_events(gold: GoldSet, articles: dict[str, Article]) -> list[Figure]:
    """Root-code recall and precision, full-triple recall, event-date accuracy."""
    rows = [r for r in gold.rows.get("events", []) if r.get("cameo")]
    if not rows:
        return []
    found = triples = dated = moded = with_mode = 0
    sentences: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in rows:
        sentences.setdefault((row["id"], int(row["start"])), []).append(row)
    predicted = correct = 0
    for (aid, start), group in sentences.items():
        article = articles.get(aid)
        if article is None:
            continue
        mine = _in_sentence(article, article.events, start, start + len(group[0]["sentence"]))
        accepted = set().union(*(_roots(r) for r in group))
        predicted += len(mine)
        correct += sum(1 for e in mine if e.cameo[:2] in accepted)
        for row in group:
            right = [e for e in mine if e.cameo[:2] in _roots(row)]
            if not right:
                continue
            found += 1
            triples += any(_triple_ok(e, row) for e in right)
            dated += any(_date_ok(e.date, row.get("date")) for e in right)
            if row.get("modality"):
                # the gold writes "conditional threat": its first word is the modality
                with_mode += 1
                moded += any(e.modality == row["modality"].split()[0] for e in right)
    n = len(rows)
    return [
        Figure(SECTION, "root-code recall", ratio(found, n), found, n, floor=ROOT_RECALL_FLOOR),
        Figure(
            SECTION,
            "root-code precision (in coded sentences)",
            ratio(correct, predicted),
            correct,
            predicted,
            floor=ROOT_PRECISION_FLOOR,
        ),
        Figure(
            SECTION,
            "full-triple recall (actor country, root, target country)",
            ratio(triples, n),
            triples,
            n,
            floor=TRIPLE_RECALL_FLOOR,
        ),
        Figure(SECTION, "event-date accuracy (found events)", ratio(dated, found), dated, found),
    ] + (
        [Figure(SECTION, "modality agreement (found events with a gold modality)",
                ratio(moded, with_mode), moded, with_mode)]
        if with_mode
        else []
    )  # fmt: skip


def read_petrarch(path: Path) -> list[tuple[str, set[str]]]:
    """(sentence, accepted root codes) of the PETRARCH unit-test records with a CAMEO code."""
    out = []
    for sent in ET.parse(path).getroot().iter("Sentence"):
        codes = [c.get("eventcode") for c in sent.findall("EventCoding") if c.get("eventcode")]
        text = " ".join((sent.findtext("Text") or "").split())
        if not codes or not text:
            continue
        roots = {c[:2] for c in codes if c and c[:2].isdigit() and 1 <= int(c[:2]) <= 20}
        if roots and codes[0][:2] in roots:
            out.append((text, roots))
    return out


def _gsr_category(code: str, category: str) -> str:
    """A 2021 PLOVER category under the name the gold standard (PLOVER 0.5) gives it.

    The 2021 table renamed DEMAND to REQUEST, merged DISAPPROVE and INVESTIGATE into ACCUSE,
    and FIGHT (conventional military force, CAMEO 19) into ASSAULT; the records use the old names.
    """
    if category == "REQUEST":
        return "DEMAND"
    if category == "ACCUSE":
        return "INVESTIGATE" if code.startswith("09") else "DISAPPROVE"
    if category == "ASSAULT" and code.startswith("19"):
        return "FIGHT"
    return category


def cameo_to_plover(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER category, from the PLOVER project's conversion table, with the
    2021 moves undone (`_unmoved`)."""
    table: dict[str, str] = {}
    split: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4})\s*:\s*([A-Z]+)", line)
        if m:
            code, category = m.group(1), _gsr_category(m.group(1), m.group(2))
            if len(code) == 2 and table.get(code, category) != category:
                split.add(code)  # a root the ontology divides on purpose (08: CONCEDE, RETREAT)
            table[code] = category
    return _unmoved(table, split)


def _unmoved(table: dict[str, str], split: set[str]) -> dict[str, str]:
    """The table as the gold standard's version had it: a code the 2021 table moved out of
    its parent's category (163 sanctions to COERCE, 175 repression and 1712 destroying
    property to ASSAULT, 0813 easing a curfew to RETREAT, 191 and 192 to COERCE) goes back
    to its parent's category. The moved codes are the ones the 2021 file lists out of their
    section or against their parent; the gold standard (PLOVER 0.5b1, 2016) predates the
    moves, and its records code "imposed sanctions" SANCTION, "bulldozers demolished homes"
    COERCE and "shortened the nightly curfew" CONCEDE. A root the table itself divides is
    left alone."""
    out = dict(table)
    for code in sorted(table, key=len):
        parent = code[:-1] if len(code) == 4 else code[:2]
        if len(code) < 3 or parent not in out or (len(code) == 3 and parent in split):
            continue
        out[code] = out[parent]
    return out


def read_plover_rows(path: Path) -> list[dict[str, Any]]:
    """The PLOVER gold-standard records that have a text and a category (not the file's
    documentation record)."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in rows if r.get("text") and r.get("event") and r["event"] != "DOCUMENT"]


def read_plover(path: Path) -> list[tuple[str, str]]:
    """(sentence, PLOVER category) of the PLOVER gold-standard records."""
    return [(r["text"], r["event"]) for r in read_plover_rows(path)]


def _plover_of(code: str, table: dict[str, str]) -> str | None:
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def _one_sentence_articles(texts: list[str], settings: Settings) -> list[Article | None]:
    """Each text run through the event chain as a one-sentence article (None if rejected)."""
    pipeline = Pipeline(EVENT_STAGES, settings)
    out: list[Article | None] = []
    for n, text in enumerate(texts):
        doc = Document(
            id=f"r{n}",
            source=f"record {n}",
            format="text",
            raw=text,
            content_hash=content_hash(text),
        )
        result = pipeline(doc)
        out.append(None if isinstance(result, Rejection) else result)
    return out


def record_answer(article: Article | None) -> str | None:
    """newsloom's code for a one-sentence record: its first event's."""
    if article is None or not article.events:
        return None
    return article.events[0].cameo


def plover_half(record_id: str) -> str:
    """ "choose" or "report": PLOVER records split in two by a seeded hash of their id. The
    coder was developed looking at the "choose" half only; the "report" half is the held-out
    figure."""
    return "choose" if int(stable_hash(f"plover-split:{record_id}"), 16) % 2 == 0 else "report"


def _actor_country(code: str | None) -> str | None:
    if not code:
        return None
    return "IGO" if code.startswith("IGO") else code[:3]


def _gold_countries(parties: Any) -> set[str]:
    if not isinstance(parties, list):
        return set()
    return {str(p["code"])[:3] for p in parties if isinstance(p, dict) and p.get("code")}


def _plover_triple(article: Article | None, row: dict[str, Any], right: Any) -> bool:
    """The first event with the right category has an actor among the gold sources and, when
    the gold names targets, a target among them."""
    if article is None:
        return False
    sources, targets = _gold_countries(row.get("source")), _gold_countries(row.get("target"))
    for e in article.events:
        if not right(e.cameo, row["event"]):
            continue
        return _actor_country(e.actor_code) in sources and (
            not targets or _actor_country(e.target_code) in targets
        )
    return False


def _accuracy_figures(
    name: str,
    answers: list[str | None],
    golds: list[Any],
    right: Any,
    system: str,
    floor: float | None,
) -> list[Figure]:
    n = len(golds)
    ok = sum(1 for c, g in zip(answers, golds, strict=True) if right(c, g))
    answered = sum(1 for c in answers if c is not None)
    return [
        Figure(SECTION, f"{name}: root-code accuracy (recall)", ratio(ok, n), ok, n,
               system=system, floor=floor),
        Figure(SECTION, f"{name}: root-code precision (answered records)", ratio(ok, answered),
               ok, answered, system=system),
    ]  # fmt: skip


def score_plover(
    path: Path, *, settings: Settings = DEFAULT_SETTINGS, dictionary: Path | None = None
) -> list[Figure]:
    """Root-code accuracy and precision and full-triple recall on the PLOVER gold standard,
    on all records and on the held-out "report" half, beside the CAMEO 2.0 dictionary coder,
    the verb-lemma table and the most frequent category, all in this run."""
    table = cameo_to_plover(path / "CAMEO2PLOVER-2021.txt")
    rows = read_plover_rows(path / "PLOVER_GSR_CAMEO.json")

    def right(code: str | None, gold: str) -> bool:
        return code is not None and _plover_of(code, table) == gold

    articles = _one_sentence_articles([r["text"] for r in rows], settings)
    ours = [record_answer(a) for a in articles]
    dictionary = dictionary or default_dictionary_path()
    peers: list[tuple[str, list[str | None]]] = []
    if dictionary.is_file():
        dic = load_dictionary(dictionary)
        parses = [a.parse if a else None for a in articles]
        peers.append((DICT_SYSTEM, dictionary_answers(dic, parses)))
        peers.append((TABLE_SYSTEM, dictionary_answers(dic, parses, table=True)))
    figures: list[Figure] = []
    for subset, keep in (
        (
            "PLOVER gold standard, report half (held out)",
            lambda r: plover_half(r["id"]) == "report",
        ),
        ("PLOVER gold standard, all records", lambda r: True),
    ):
        idx = [k for k, r in enumerate(rows) if keep(r)]
        golds = [rows[k]["event"] for k in idx]
        held_out = subset.endswith("(held out)")
        figures += _accuracy_figures(
            subset,
            [ours[k] for k in idx],
            golds,
            right,
            "newsloom",
            PLOVER_FLOOR if held_out else None,
        )
        n = len(idx)
        triples = sum(1 for k in idx if _plover_triple(articles[k], rows[k], right))
        figures.append(
            Figure(SECTION, f"{subset}: full-triple recall (actor, category, target)",
                   ratio(triples, n), triples, n, floor=PLOVER_TRIPLE_FLOOR if held_out else None)
        )  # fmt: skip
        for system, answers in peers:
            figures += _accuracy_figures(
                subset, [answers[k] for k in idx], golds, right, system, None
            )
        common, base = Counter(golds).most_common(1)[0]
        figures.append(
            Figure(SECTION, f"{subset}: root-code accuracy (recall)", ratio(base, n), base, n,
                   system=f"most frequent ({common})")
        )  # fmt: skip
    return figures


def score_cameo_records(
    path: Path, *, settings: Settings = DEFAULT_SETTINGS, dictionary: Path | None = None
) -> list[Figure]:
    """Root-code accuracy on PETRARCH's unit-test records or PLOVER's gold standard, beside
    the CAMEO 2.0 dictionary coder (`dictionary`: its file; default: the shared data's) and
    a most-frequent-root baseline. PETRARCH's records get no floor: their codes are a test
    dictionary's, so the figure says little (see the module's documentation)."""
    petrarch = path / "PETR.UnitTest.records.xml"
    plover = path / "PLOVER_GSR_CAMEO.json"
    if plover.is_file() and not petrarch.is_file():
        return score_plover(path, settings=settings, dictionary=dictionary)
    if not petrarch.is_file():
        raise EvalError(
            Msg.GOLD_MISSING.format(
                path=path, expected="PETR.UnitTest.records.xml or PLOVER_GSR_CAMEO.json"
            )
        )
    records = read_petrarch(petrarch)
    golds = [roots for _, roots in records]

    def right(code: str | None, gold: set[str]) -> bool:
        return code is not None and code[:2] in gold

    common, _ = Counter(sorted(roots)[0] for roots in golds).most_common(1)[0]
    base = sum(1 for roots in golds if common in roots)
    name = "PETRARCH unit-test records: root-code accuracy"
    articles = _one_sentence_articles([t for t, _ in records], settings)
    n = len(records)
    ours = sum(1 for a, g in zip(articles, golds, strict=True) if right(record_answer(a), g))
    figures = [Figure(SECTION, name, ratio(ours, n), ours, n)]
    dictionary = dictionary or default_dictionary_path()
    if dictionary.is_file():
        dic = load_dictionary(dictionary)
        answers = dictionary_answers(dic, [a.parse if a else None for a in articles])
        theirs = sum(1 for c, g in zip(answers, golds, strict=True) if right(c, g))
        figures.append(Figure(SECTION, name, ratio(theirs, n), theirs, n, system=DICT_SYSTEM))
    figures.append(
        Figure(SECTION, name, ratio(base, n), base, n, system=f"most frequent ({common})")
    )
    return figures
