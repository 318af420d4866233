"""Canonical names across articles: one name, and one actor code, per person or organisation
in a corpus.

Each article already names its people by the fullest form it uses ("Trump" -> "Donald
Trump" when the article says "Donald Trump" somewhere). An article that only ever writes
"Trump", or "President Trump", keeps the short form; across a corpus, it is the same person as
the "Donald Trump" of the other articles. `canonicalise_corpus` is a pure function over
analysed articles; it needs no more of them than their mentions tallied by (name, label,
actor code), so `canonicalise_counts` does the same from such tallies, which the store reads
from its entity rows without loading whole articles (see `newsloom.store.names`). The
per-article `canonical` fields stay as each article computed them: the corpus names are a
layer on top, recomputed as the corpus grows.

A short name joins the full name that shares its words at the end ("Trump" -> "Donald
Trump") or its first word ("Kim" -> "Kim Jong Un"). When several full names fit ("Trump" ->
"Donald Trump" or "Melania Trump"), it joins the one the corpus uses by far the most (at
least `DOMINANCE` of the mentions of the candidates), else stays apart. Two full forms that
differ by a middle initial ("Donald J. Trump") are one person, named by the more frequent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from newsloom.article import Article, Entity

#: Share of the candidates' mentions the most used full name must have to take a short name.
DOMINANCE = 0.75


def _key(name: str) -> tuple[str, ...]:
    return tuple(name.lower().replace("-", " ").replace(".", " ").replace("’", "'").split())


def _without_initials(key: tuple[str, ...]) -> tuple[str, ...]:
    if len(key) <= 2:
        return key
    return (key[0], *(w for w in key[1:-1] if len(w) > 1), key[-1])


def _fits(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    if len(short) >= len(full):
        return False
    return full[-len(short) :] == short or (len(short) == 1 and full[0] == short[0])


@dataclass(frozen=True, slots=True)
class CorpusNames:
    """What a corpus pass found: a person's name in one article -> their corpus name, and
    the actor code each corpus name carries; the same for organisations."""

    names: dict[str, str]
    codes: dict[str, str]
    #: an organisation's name in one article -> its corpus name
    organisations: dict[str, str] = field(default_factory=dict)
    #: an organisation's corpus name -> the actor code most of its mentions carry
    organisation_codes: dict[str, str] = field(default_factory=dict)

    def name(self, canonical: str) -> str:
        return self.names.get(canonical, canonical)

    def resolve(self, canonical: str, label: str) -> tuple[str, str | None]:
        """The corpus name and actor code of a name an article gives an entity of `label`
        (the name itself, and no code, for labels the corpus pass does not name)."""
        if label == "PERSON":
            name = self.names.get(canonical, canonical)
            return name, self.codes.get(name)
        if label == "ORG":
            name = self.organisations.get(canonical, canonical)
            return name, self.organisation_codes.get(name)
        return canonical, None


#: Words that say what kind of company a name is, not which ("Apple Inc.", "Ford Motor Co.").
CORPORATE_WORDS = frozenset(
    {"inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "nv", "sa", "ag",
     "llc", "group", "holdings", "gmbh", "&"}
)  # fmt: skip
_MINOR = frozenset({"of", "and", "the", "for", "&"})


def _org_key(name: str) -> tuple[str, ...]:
    key = _key(name)
    while len(key) > 1 and key[-1] in CORPORATE_WORDS:
        key = key[:-1]
    return key


def _initials(key: tuple[str, ...]) -> str:
    return "".join(w[0] for w in key if w not in _MINOR)


def _is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return len(bare) > 1 and bare.isupper() and " " not in bare


def canonicalise_organisations(counts: Counter[str]) -> dict[str, str]:
    """Organisation names that are one body: the same name with or without a company word
    ("Apple" and "Apple Inc."), and an acronym of exactly one longer name ("GM" and "General
    Motors"). Each group is named by its most used form, an acronym only when no other."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for name in counts:
        key = _org_key(name)
        if key:
            groups.setdefault(key, []).append(name)
    spelled_out: dict[str, list[tuple[str, ...]]] = {}
    for key in groups:
        if len(key) > 1:
            spelled_out.setdefault(_initials(key), []).append(key)
    for key in [k for k in groups if len(k) == 1 and 2 <= len(k[0]) <= 5]:
        longer = spelled_out.get(key[0], [])
        acronym_written = any(n.replace(".", "").isupper() for n in groups[key])
        if len(longer) == 1 and acronym_written:
            groups[longer[0]].extend(groups.pop(key))
    names: dict[str, str] = {}
    for group in groups.values():
        # the name spelled out before an acronym ("European Union", not "EU"), then the most used
        best = max(group, key=lambda n: (not _is_acronym(n), counts[n], len(n), n))
        names.update({n: best for n in group if n != best})
    return names


#: The labels the corpus pass names: people and organisations.
CORPUS_LABELS = ("PERSON", "ORG")

#: One row of a corpus tally: a name as an article canonicalised it, its entity label, an
#: actor code its mentions carry (or None), and how many mentions have all three. A store
#: reads these straight from its entity rows; `name_counts` makes them from articles.
NameCount = tuple[str, str, str | None, int]


def name_counts(articles: Iterable[Article]) -> list[NameCount]:
    """The person and organisation mentions of `articles`, tallied by (canonical name,
    label, actor code): all the corpus pass needs to know about them."""
    tally: Counter[tuple[str, str, str | None]] = Counter()
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"articles must hold Article objects, got {type(article).__name__}")
        for e in article.entities:
            if e.label in CORPUS_LABELS and e.canonical:
                tally[e.canonical, e.label, e.actor_code] += 1
    return [(name, label, code, n) for (name, label, code), n in tally.items()]


def canonicalise_corpus(articles: Iterable[Article]) -> CorpusNames:
    """The corpus name of every person name used in `articles`, each one's actor code (the
    code most of its mentions carry, so an article that gives no title still gets it), and
    the corpus name and code of every organisation."""
    return canonicalise_counts(name_counts(articles))


def canonicalise_counts(rows: Iterable[NameCount]) -> CorpusNames:
    """`canonicalise_corpus` from tallied mentions (`NameCount` rows, in any order; a name
    may come in several rows, one per actor code)."""
    people: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    codes: dict[str, dict[str, Counter[str]]] = {"PERSON": {}, "ORG": {}}
    for row in rows:
        name, label, code, n = row
        if not isinstance(name, str) or not isinstance(n, int) or isinstance(n, bool):
            raise TypeError(f"rows must be (name, label, code, count), got {row!r}")
        if label not in CORPUS_LABELS or not name or n <= 0:
            continue
        (people if label == "PERSON" else orgs)[name] += n
        if code:
            codes[label].setdefault(name, Counter())[code] += n
    names = canonicalise_people(people)
    organisations = canonicalise_organisations(orgs)
    return CorpusNames(
        names,
        _codes_by_name(codes["PERSON"], names),
        organisations,
        _codes_by_name(codes["ORG"], organisations),
    )


def _codes_by_name(codes: dict[str, Counter[str]], names: dict[str, str]) -> dict[str, str]:
    """The code most mentions of each corpus name carry (the more specific one on a tie:
    "USAGOV" over "USA")."""
    merged: dict[str, Counter[str]] = {}
    for name, counts in codes.items():
        merged.setdefault(names.get(name, name), Counter()).update(counts)
    return {
        name: max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
        for name, counts in merged.items()
        if counts
    }


def canonicalise_people(counts: Counter[str]) -> dict[str, str]:
    """Person names that are one person, each -> the name the group goes by (names that are
    their own corpus name are left out)."""
    # full forms that differ only by initials are one person: the most used names them
    by_bare: dict[tuple[str, ...], list[str]] = {}
    for name in counts:
        by_bare.setdefault(_without_initials(_key(name)), []).append(name)
    names: dict[str, str] = {}
    totals: Counter[tuple[str, ...]] = Counter()
    for bare, group in by_bare.items():
        best = max(group, key=lambda n: (counts[n], len(n), n))
        for n in group:
            names[n] = best
        totals[bare] = sum(counts[n] for n in group)
    # the longer names a short one fits (see `_fits`), looked up instead of compared pairwise,
    # so a corpus with many names costs its number of words, not its number of names squared
    ending: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    starting: dict[str, set[tuple[str, ...]]] = {}
    for full in totals:
        for i in range(1, len(full)):
            ending.setdefault(full[i:], set()).add(full)
        if len(full) > 1:
            starting.setdefault(full[0], set()).add(full)
    for bare in sorted(totals, key=len):
        candidates = set(ending.get(bare, ()))
        if len(bare) == 1:
            candidates |= starting.get(bare[0], set())
        # only the longest forms that fit: "Trump" -> "Donald Trump", not -> "J Trump" too
        candidates = {c for c in candidates if not any(_fits(c, o) for o in candidates)}
        if not candidates:
            continue
        top = max(candidates, key=lambda c: (totals[c], c))
        if totals[top] >= DOMINANCE * sum(totals[c] for c in candidates):
            # shorter names go first, so `top`'s group still has the name it started with
            target = names[by_bare[top][0]]
            for n in by_bare[bare]:
                names[n] = target
    return {n: t for n, t in names.items() if n != t}


def apply_corpus_names(article: Article, corpus: CorpusNames) -> Article:
    """The article with its people and organisations named, and coded, as the corpus names
    them (a code the article gave a mention is kept)."""
    if not isinstance(corpus, CorpusNames):
        raise TypeError(f"corpus must be a CorpusNames, got {type(corpus).__name__}")
    out: list[Entity] = []
    for e in article.entities:
        if e.label in CORPUS_LABELS and e.canonical:
            name, code = corpus.resolve(e.canonical, e.label)
            e = Entity(e.text, e.start, e.end, e.label, name, e.actor_code or code)
        out.append(e)
    return replace(article, entities=tuple(out))
