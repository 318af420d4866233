"""Canonical names across articles: one name, and one actor code, per person in a corpus.

Each article already names its people by the fullest form it uses ("Trump" -> "Donald
Trump" when the article says "Donald Trump" somewhere). An article that only ever writes
"Trump", or "President Trump", keeps the short form; across a corpus, it is the same person as
the "Donald Trump" of the other articles. `canonicalise_corpus` is a pure function over
analysed articles: later story work and the store call it and apply its mapping.

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
    the actor code each corpus name carries."""

    names: dict[str, str]
    codes: dict[str, str]
    #: an organisation's name in one article -> its corpus name
    organisations: dict[str, str] = field(default_factory=dict)

    def name(self, canonical: str) -> str:
        return self.names.get(canonical, canonical)


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
    for key in [k for k in groups if len(k) == 1 and 2 <= len(k[0]) <= 5]:
        longer = [k for k in groups if len(k) > 1 and _initials(k) == key[0]]
        acronym_written = any(n.replace(".", "").isupper() for n in groups[key])
        if len(longer) == 1 and acronym_written:
            groups[longer[0]].extend(groups.pop(key))
    names: dict[str, str] = {}
    for group in groups.values():
        # the name spelled out before an acronym ("European Union", not "EU"), then the most used
        best = max(group, key=lambda n: (not _is_acronym(n), counts[n], len(n), n))
        names.update({n: best for n in group if n != best})
    return names


def _names(
    articles: Iterable[Article],
) -> tuple[Counter[str], dict[str, Counter[str]], Counter[str]]:
    """Mentions by person name, actor codes by person name, mentions by organisation name."""
    counts: Counter[str] = Counter()
    codes: dict[str, Counter[str]] = {}
    orgs: Counter[str] = Counter()
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"articles must hold Article objects, got {type(article).__name__}")
        for e in article.entities:
            if e.label == "ORG" and e.canonical:
                orgs[e.canonical] += 1
            if e.label == "PERSON" and e.canonical:
                counts[e.canonical] += 1
                if e.actor_code:
                    codes.setdefault(e.canonical, Counter())[e.actor_code] += 1
    return counts, codes, orgs


def canonicalise_corpus(articles: Iterable[Article]) -> CorpusNames:
    """The corpus name of every person name used in `articles`, each one's actor code (the
    code most of its mentions carry, so an article that gives no title still gets it), and
    the corpus name of every organisation."""
    counts, codes, orgs = _names(articles)
    keys = {name: _key(name) for name in counts}
    # full forms that differ only by initials are one person: the most used names them
    by_bare: dict[tuple[str, ...], list[str]] = {}
    for name, key in keys.items():
        by_bare.setdefault(_without_initials(key), []).append(name)
    names: dict[str, str] = {}
    totals: Counter[tuple[str, ...]] = Counter()
    for bare, group in by_bare.items():
        best = max(group, key=lambda n: (counts[n], len(n), n))
        for n in group:
            names[n] = best
        totals[bare] = sum(counts[n] for n in group)
    for bare in sorted(totals, key=len):
        candidates = [full for full in totals if _fits(bare, full)]
        # only the longest forms that fit: "Trump" -> "Donald Trump", not -> "J Trump" too
        candidates = [c for c in candidates if not any(_fits(c, o) for o in candidates)]
        if not candidates:
            continue
        top = max(candidates, key=lambda c: (totals[c], c))
        if totals[top] >= DOMINANCE * sum(totals[c] for c in candidates):
            target = names[by_bare[top][0]]
            for n in by_bare[bare]:
                names[n] = target
    merged: dict[str, Counter[str]] = {}
    for n, code_counts in codes.items():
        merged.setdefault(names.get(n, n), Counter()).update(code_counts)
    corpus_codes = {n: c.most_common(1)[0][0] for n, c in merged.items() if c}
    return CorpusNames(
        {n: t for n, t in names.items() if n != t}, corpus_codes, canonicalise_organisations(orgs)
    )


def apply_corpus_names(article: Article, corpus: CorpusNames) -> Article:
    """The article with its people named, and coded, as the corpus names them."""
    if not isinstance(corpus, CorpusNames):
        raise TypeError(f"corpus must be a CorpusNames, got {type(corpus).__name__}")
    out: list[Entity] = []
    for e in article.entities:
        if e.label == "PERSON" and e.canonical:
            name = corpus.name(e.canonical)
            code = e.actor_code or corpus.codes.get(name)
            e = Entity(e.text, e.start, e.end, e.label, name, code)
        elif e.label == "ORG" and e.canonical in corpus.organisations:
            name = corpus.organisations[e.canonical]
            e = Entity(e.text, e.start, e.end, e.label, name, e.actor_code)
        out.append(e)
    return replace(article, entities=tuple(out))
