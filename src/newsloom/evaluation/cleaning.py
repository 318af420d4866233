"""Scoring the `clean` stage against a gold set's boilerplate lines and article labels.

Figures (section "cleaning"):

* ``boilerplate lines removed``: gold boilerplate `lines` whose text is no longer a line of the
  clean body, nor the title. Boilerplate is line-level, so the test is too: a caption that
  names a person ("Spanish Prime Minister Mariano Rajoy") also occurs inside a sentence, and
  that does not make the caption line kept.
* ``body lines kept``: non-empty lines of the gold text that are neither gold boilerplate nor
  uncertain, found as a line of the clean body, or as the title (a headline printed twice on
  one line, taken out as the title, counts as the title). A text that starts with the
  metadata prefix is scored without it (the gold says the prefix is not content). A line also
  counts as kept when what is missing of it was removed as a repeat of words that are still
  in the body (compared as sentence keys: the kept printing may sit inside quotation marks):
  a sentence printed twice is kept once, and measuring it per line must not count the
  collapsed copy as lost content.
* ``title exact``: articles whose gold row gives a `title` (the seeds).
* ``truncated-article agreement``: the article-level `truncated` label where the gold says
  true or false (null labels are not scored; a `None` prediction counts as a disagreement).
* ``language agreement``: `lang` against the gold `lang`.
* ``repeated sentences found``, ``truncated sentences found``, ``spun markers found``,
  ``credit sources found``: article-level labels of the seeds (`quality`, `credits`), where
  the gold gives them; ``spun markers in unspun articles`` counts markers on articles of a gold
  set that labels spinning but not on them.

Comparisons use the same character repair as the stage, with whitespace collapsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsloom.article import Article
from newsloom.clean import Cleaned
from newsloom.clean.chars import repair
from newsloom.clean.repeats import sentence_key
from newsloom.evaluation.figures import Figure, ratio
from newsloom.evaluation.gold import GoldArticle, GoldSet

__all__ = ["line_counts", "score_cleaning"]

SECTION = "cleaning"
REMOVED_FLOOR = 0.95
KEPT_FLOOR = 0.98

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", repair(text)).strip()


class _Body:
    """The clean body, title and removed repeats of one article, ready for line lookups."""

    def __init__(self, article: Article | Cleaned) -> None:
        self.lines = {_norm(line) for line in article.text.split("\n") if line.strip()}
        # the headline as the title, and the printing of it that was taken out of the body
        self.titles = {_norm(article.title or "")} | {
            _norm(r.text) for r in article.removed if r.reason == "title"
        }
        self.titles.discard("")
        body_key = sentence_key(article.text)
        self.repeats = [
            _norm(r.text)
            for r in article.removed
            if r.reason == "repeated_sentence" and sentence_key(r.text) in body_key
        ]

    def present(self, line: str) -> bool:
        text = _norm(line)
        return not text or text in self.titles or text in self.lines

    def kept(self, line: str) -> bool:
        if self.present(line):
            return True
        reduced = _norm(line)
        for rep in self.repeats:
            at = reduced.rfind(rep)
            if at >= 0:
                reduced = _norm(reduced[:at] + " " + reduced[at + len(rep) :])
        return reduced != _norm(line) and self.present(reduced)


def line_counts(
    gold: GoldSet, articles: dict[str, Article] | dict[str, Cleaned]
) -> tuple[int, int, int, int]:
    """Gold boilerplate lines removed, of how many; article lines kept, of how many."""
    rows = {r["id"]: r for r in gold.rows.get("boilerplate", []) if "id" in r}
    removed = bp_total = kept = body_total = 0
    for g in gold.articles:
        row = rows.get(g.id)
        article = articles.get(g.id)
        if row is None or article is None:
            continue
        body = _Body(article)
        boiler = list(row.get("lines", []))
        skip = {_norm(x) for x in [*boiler, *row.get("uncertain", [])]}
        for line in boiler:
            bp_total += 1
            removed += not body.present(line)
        prefix = row.get("metadata_prefix")
        for i, line in enumerate(g.text.split("\n")):
            if i == 0 and prefix and line.startswith(prefix):
                line = line[len(prefix) :]
            if not line.strip() or _norm(line) in skip:
                continue
            body_total += 1
            kept += body.kept(line)
    return removed, bp_total, kept, body_total


def _quality(g: GoldArticle) -> dict[str, Any]:
    q = g.row.get("quality")
    return q if isinstance(q, dict) else {}


def _found(keys: Iterable[str], wanted: str) -> bool:
    target = sentence_key(wanted)
    return any(k == target for k in keys)


def score_cleaning(gold: GoldSet, articles: dict[str, Article]) -> list[Figure]:
    """The cleaning figures for the articles of `gold` that the pipeline produced."""
    figures: list[Figure] = []
    if gold.has("boilerplate"):
        removed, bp_total, kept, body_total = line_counts(gold, articles)
        figures.append(
            Figure(
                SECTION,
                "boilerplate lines removed",
                ratio(removed, bp_total),
                removed,
                bp_total,
                floor=REMOVED_FLOOR,
            )
        )
        figures.append(
            Figure(
                SECTION,
                "body lines kept",
                ratio(kept, body_total),
                kept,
                body_total,
                floor=KEPT_FLOOR,
            )
        )

    present = [g for g in gold.articles if g.id in articles]

    titled = [g for g in present if g.row.get("title")]
    if titled:
        ok = sum(articles[g.id].title == g.row["title"] for g in titled)
        figures.append(Figure(SECTION, "title exact", ratio(ok, len(titled)), ok, len(titled)))

    labelled = [g for g in present if g.row.get("truncated") in (True, False)]
    if labelled:
        ok = sum(articles[g.id].quality.truncated == g.row["truncated"] for g in labelled)
        figures.append(
            Figure(
                SECTION, "truncated-article agreement", ratio(ok, len(labelled)), ok, len(labelled)
            )
        )

    with_lang = [g for g in present if g.lang]
    if with_lang:
        ok = sum(articles[g.id].lang == g.lang for g in with_lang)
        figures.append(
            Figure(SECTION, "language agreement", ratio(ok, len(with_lang)), ok, len(with_lang))
        )

    figures += _seed_figures(present, articles)
    return figures


def _seed_figures(present: list[GoldArticle], articles: dict[str, Article]) -> list[Figure]:
    figures = []
    rep_ok = rep_total = trunc_ok = trunc_total = 0
    spun_ok = spun_total = 0
    spun_labelled = any("spun_substitutions" in _quality(g) for g in present)
    false_spun = 0
    for g in present:
        q = _quality(g)
        a = articles[g.id]
        if q.get("repeated_sentence"):
            rep_total += 1
            rep_ok += _found(
                (sentence_key(r.text) for r in a.quality.repeated_sentences), q["repeated_sentence"]
            )
        if q.get("truncated_sentence"):
            trunc_total += 1
            trunc_ok += _found(
                (sentence_key(s.text) for s in a.quality.truncated_sentences),
                q["truncated_sentence"],
            )
        subs = q.get("spun_substitutions")
        if subs:
            texts = {m.text for m in a.quality.spun_markers}
            for sub in subs:
                spun_total += 1
                spun_ok += sub.split(" (", 1)[0].strip() in texts
        elif spun_labelled:
            false_spun += len(a.quality.spun_markers)
    if rep_total:
        figures.append(
            Figure(SECTION, "repeated sentences found", ratio(rep_ok, rep_total), rep_ok, rep_total)
        )
    if trunc_total:
        figures.append(
            Figure(
                SECTION,
                "truncated sentences found",
                ratio(trunc_ok, trunc_total),
                trunc_ok,
                trunc_total,
            )
        )
    if spun_total:
        figures.append(
            Figure(SECTION, "spun markers found", ratio(spun_ok, spun_total), spun_ok, spun_total)
        )
    if spun_labelled:
        figures.append(Figure(SECTION, "spun markers in unspun articles", false_spun, unit="count"))

    src_ok = src_total = 0
    for g in present:
        wanted = (g.row.get("credits") or {}).get("sources") or []
        names = {c.name for c in articles[g.id].quality.credits if c.role == "source"}
        src_total += len(wanted)
        src_ok += sum(name in names for name in wanted)
    if src_total:
        figures.append(
            Figure(SECTION, "credit sources found", ratio(src_ok, src_total), src_ok, src_total)
        )
    return figures
