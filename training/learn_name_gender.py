"""Learn which given names news writes "he" or "she" of: `resources/name_gender.json`.

    PYTHONPATH=src python training/learn_name_gender.py [--counts /tmp/g.json] [--report]
        [--out FILE]

Why: a pronoun speaker ("she added") goes to the person last spoken of unless the resolver knows
who is a woman and who a man, and it knows that only when the text gives an honorific or a
gendered noun ("Ms. Ruiz", "the spokeswoman"), which most news outside the New York Times does
not. The news in ../shared/data says itself which given names are whose. Each text goes
through newsloom's own stages up to `entities` (`news_texts.analysed_news_texts`), and the
votes are the runtime's own reading of the article's pronouns (`gender.pronoun_votes`: in a
sentence that names one person, a subject, possessive or reflexive "he" or "she" after the
name, outside quotes, under the verb of the name's clause and outside a clause the sentence
reports). Each article gives each given name one vote (the majority of its pronouns), so a
long profile counts once. A name is kept when enough articles vote and nearly all agree.

Measured against what the texts state outright (the gold): the gender newsloom reads from an
honorific or a gendered noun (`Person.gender`: "Ms. Ruiz", "spokeswoman Ana Ruiz"), scored on
the given name of the person's full name. The cut-offs were chosen on part A of `news_texts`
(the table learned from A's pronouns, scored against A's gold); the table then learns from
both signals, pronouns and stated genders, and is checked on part B with the table learned
from A alone (`--report` prints both, beside the trivial peer that calls everyone a man); the
shipped table is learned from A and B together. The check's figures are in `checked` of the
shipped file.

Run of 2026-12-07 on the runtime's reading (about 3,200 texts): on A, two articles or more
with 0.9 agreeing give 93 names from pronouns alone, coverage 0.494 and accuracy 0.973 of A's
911 gold pairs (three articles: 0.451 / 0.971; one: 0.628 / 0.972; 1.0 agreeing: 0.338 /
0.981). A's table on B's 451 gold pairs: from pronouns alone coverage 0.355 at accuracy 0.944,
from pronouns and stated genders (shipped, 290 names) 0.437 at 0.939; calling every name a man
is right on 0.661 of B's pairs. The table learned before from spaCy's own parse with a looser
reading (it counted a "He"/"She" opening the next sentence and had no clause rules) covered
0.373 of the same 451 pairs at 0.940, and 0.421 at 0.952 of the 299 pairs its own gold gave,
where the new one covers 0.458 at 0.956. Its errors seen by eye ("ivana" a man, "jeremy" and
"shawn" women, "archbishop" and "reading" names) are gone.
Deterministic output (sorted names, no time stamp).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from news_texts import analysed_news_texts

from newsloom.analyse.entities import People
from newsloom.analyse.gender import given_name, pronoun_votes
from newsloom.analyse.learned_titles import person_titles
from newsloom.analyse.lexicon import HONORIFICS
from newsloom.analyse.parse import Parse, Token

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/newsloom/resources/name_gender.json"

#: Cut-offs chosen on part A (see the docstring).
MIN_ARTICLES = 2
MIN_SHARE = 0.9


def _given(words: Sequence[Token], titles: frozenset[str]) -> str:
    """The given name of a person's full name ("ana" of "Sen. Ana Ruiz"), or ""."""
    words = [t for t in words if t.text.isalpha() or t.text.endswith(".")]
    while words and words[0].lower.rstrip(".") in titles:
        words = words[1:]
    if len(words) < 2 or not words[0].text.isalpha() or len(words[0].text) < 2:
        return ""
    first = words[0].text
    return first.lower() if first[0].isupper() and not first.isupper() else ""


def shapes(parse: Parse, titles: frozenset[str]) -> dict[str, dict[str, int]]:
    """How one article writes each word that may be a given name: first of a person's full
    name, last of one (a surname: "Obama" of "Barack Obama"), or in lower case (a common word
    the tagger put in a name: "reading", "without")."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"first": 0, "last": 0, "lower": 0})
    toks = parse.tokens
    for ent in parse.ents:
        if ent.label == "PERSON" and ent.stop - ent.first > 1:
            given = _given(toks[ent.first : ent.stop], titles)
            if given:
                out[given]["first"] += 1
            out[toks[ent.stop - 1].lower]["last"] += 1
    for t in toks:
        if t.text.isalpha() and t.text.islower() and t.lower in out:
            out[t.lower]["lower"] += 1
    return out


def evidence(parse: Parse, people: People) -> tuple[dict[str, str], dict[str, str]]:
    """One article's votes (given name -> the gender its pronouns say, by the runtime's own
    reading, `gender.pronoun_votes`) and gold (given name -> the gender the text states, an
    honorific or a gendered noun: `Person.gender`)."""
    said = pronoun_votes(parse, people)
    votes, gold = {}, {}
    for person in people.people:
        given = given_name(person)
        if not given:
            continue
        count = said.get(id(person))
        if count:
            (top, n), *rest = count.most_common()
            if not rest or n > rest[0][1]:
                votes[given] = top
        if person.gender:
            gold[given] = person.gender
    return votes, gold


def collect(counts_path: Path | None) -> dict[str, dict[str, dict[str, dict[str, int]]]]:
    """Per part: {"votes": name -> {m: articles, f: articles}, "gold": the same, "shapes": name
    -> {first, last, lower: uses}}; cached."""
    if counts_path is not None and counts_path.exists():
        return json.loads(counts_path.read_text())
    titles = frozenset(w.rstrip(".") for w in person_titles() | set(HONORIFICS))
    stats: dict[str, dict[str, dict[str, dict[str, int]]]] = {
        p: {"votes": {}, "gold": {}, "shapes": {}} for p in ("A", "B")
    }
    for part, _, article in analysed_news_texts():
        assert article.parse is not None and article.people is not None
        votes, gold = evidence(article.parse, article.people)
        for word, row in shapes(article.parse, titles).items():
            mine = stats[part]["shapes"].setdefault(word, {"first": 0, "last": 0, "lower": 0})
            for k, v in row.items():
                mine[k] += v
        for kind, found in (("votes", votes), ("gold", gold)):
            table = stats[part][kind]
            for name, gender in found.items():
                row = table.setdefault(name, {"m": 0, "f": 0})
                row[gender] += 1
    if counts_path is not None:
        counts_path.write_text(json.dumps(stats))
    return stats


def learn(
    votes: dict[str, dict[str, int]],
    shape: dict[str, dict[str, int]],
    *,
    articles: int,
    share: float,
) -> dict[str, str]:
    """Given names whose articles' votes pass the cut-offs, with their gender; a word written
    more often last in a name (a surname) or in lower case (a common word) is no given name."""
    out = {}
    for name, row in votes.items():
        seen = shape.get(name, {"first": 0, "last": 0, "lower": 0})
        if seen["last"] >= seen["first"] or seen["lower"] >= seen["first"]:
            continue
        total = row["m"] + row["f"]
        gender = "m" if row["m"] >= row["f"] else "f"
        if row[gender] >= articles and row[gender] / total >= share:
            out[name] = gender
    return out


def score(table: dict[str, str], gold: dict[str, dict[str, int]]) -> dict[str, float]:
    """Coverage and accuracy of a table on gold (article, name) pairs, and the trivial peer's
    accuracy (every name a man) on the same pairs."""
    pairs = sum(row["m"] + row["f"] for row in gold.values())
    covered = right = 0
    for name, row in gold.items():
        if name in table:
            covered += row["m"] + row["f"]
            right += row[table[name]]
    men = sum(row["m"] for row in gold.values())
    return {
        "pairs": pairs,
        "coverage": covered / max(pairs, 1),
        "accuracy": right / max(covered, 1),
        "all_men_accuracy": men / max(pairs, 1),
    }


def _merge(a: dict[str, dict[str, int]], b: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    out = {k: dict(v) for k, v in a.items()}
    for name, row in b.items():
        mine = out.setdefault(name, {"m": 0, "f": 0})
        mine["m"] += row["m"]
        mine["f"] += row["f"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=Path, default=None, help="cache of the parsed counts")
    parser.add_argument("--report", action="store_true", help="print cut-offs tried on A")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the table")
    args = parser.parse_args()
    stats = collect(args.counts)
    cut = {"articles": MIN_ARTICLES, "share": MIN_SHARE}
    if args.report:
        for articles in (1, 2, 3, 5):
            for share in (0.8, 0.9, 1.0):
                t = learn(stats["A"]["votes"], stats["A"]["shapes"], articles=articles,
                          share=share)  # fmt: skip
                s = score(t, stats["A"]["gold"])
                print(
                    f"A on A: articles>={articles} share>={share}: {len(t)} names, coverage "
                    f"{s['coverage']:.3f}, accuracy {s['accuracy']:.3f} of {s['pairs']} pairs"
                )
    for what, votes in (
        ("pronouns", stats["A"]["votes"]),
        ("pronouns and honorifics", _merge(stats["A"]["votes"], stats["A"]["gold"])),
    ):
        on_b = score(learn(votes, stats["A"]["shapes"], **cut), stats["B"]["gold"])
        print(
            f"A's table from its {what} on B's gold ({on_b['pairs']} pairs): coverage "
            f"{on_b['coverage']:.3f}, accuracy {on_b['accuracy']:.3f}; every name a man: "
            f"{on_b['all_men_accuracy']:.3f}"
        )
    both = {p: _merge(stats[p]["votes"], stats[p]["gold"]) for p in ("A", "B")}
    shape = {
        w: {k: stats["A"]["shapes"].get(w, {}).get(k, 0) + stats["B"]["shapes"].get(w, {}).get(k, 0)
            for k in ("first", "last", "lower")}
        for w in set(stats["A"]["shapes"]) | set(stats["B"]["shapes"])
    }  # fmt: skip
    names = learn(_merge(both["A"], both["B"]), shape, **cut)
    payload = {
        "learned_by": "training/learn_name_gender.py",
        "checked": {k: round(v, 3) for k, v in on_b.items()},
        "names": dict(sorted(names.items())),
    }
    args.out.write_text(json.dumps(payload, indent=0) + "\n")
    print(f"wrote {len(names)} names to {args.out}")


if __name__ == "__main__":
    main()
