"""Events as a GDELT 2.0 Event-file-compatible table (tab-separated, with a header row).

Every one of GDELT 2.0's 61 event columns is present, in GDELT's order and under GDELT's
names, so tools that read GDELT event files read ours. We fill the columns newsloom knows and
leave the others empty:

* ``GLOBALEVENTID``: a stable integer from a seeded hash of the article id and the event's
  position in it (the same event gets the same id in every run and process);
* ``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``: the event's own date when it is a
  full date, else the article's publication date; empty when neither is known;
* actor and target: the code, the name, the country (the code's first three letters when they
  are an ISO 3166 alpha-3 code) and the role (``GOV``, ``MIL``, ... after the country; for a
  code without a country, ``IGOUNO``, the type is ``IGO`` and the known group ``UNO``);
* ``IsRootEvent``: 1 when the evidence sentence is in the article's first paragraph (GDELT's
  own proxy for the article's main event);
* ``EventCode``, ``EventBaseCode``, ``EventRootCode`` from the CAMEO code, ``QuadClass`` from
  the root (verbal/material cooperation, verbal/material conflict);
* ``NumMentions``, ``NumSources``, ``NumArticles``: 1 (each row is one mention in one article;
  grouping repeated reports is the stories stage's job);
* ``DATEADDED``: the article's publication date at midnight (``YYYYMMDDHHMMSS``), not the
  ingest time, so an export does not depend on the day it was made;
* ``SOURCEURL``: the article's URL.

``GoldsteinScale``, ``AvgTone`` and the geography columns stay empty: we have no table of our
own for them, and a copied one is not ours to ship.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsloom.article import Article, Event
from newsloom.hashing import stable_hash

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = (
    "Geo_Type", "Geo_FullName", "Geo_CountryCode", "Geo_ADM1Code", "Geo_ADM2Code", "Geo_Lat",
    "Geo_Long", "Geo_FeatureID",
)  # fmt: skip

#: GDELT 2.0 event columns, in file order.
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1{c}" for c in _GEO),
    *(f"Actor2{c}" for c in _GEO),
    *(f"Action{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: codes that stand first in an actor code without a country ("IGOUNO", "NGOAMN")
_GROUP_TYPES = frozenset({"IGO", "NGO", "MNC", "IMG"})


def quad_class(cameo: str) -> int | None:
    """GDELT's four classes from a CAMEO root: 1 verbal cooperation (01-05), 2 material
    cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def event_id(article_id: str, seq: int) -> int:
    """A stable positive integer id for the `seq`-th event of an article (fits in 63 bits)."""
    return int(stable_hash(f"event\x1f{article_id}\x1f{seq}", size=8), 16) >> 1


@lru_cache(maxsize=512)
def is_country(code: str) -> bool:
    """An ISO 3166 alpha-3 country code (from pycountry's maintained list)."""
    import pycountry

    return len(code) == 3 and pycountry.countries.get(alpha_3=code.upper()) is not None


def split_code(code: str | None) -> dict[str, str]:
    """An actor code's parts under GDELT's actor column suffixes."""
    if not code:
        return {}
    code = code.upper()
    head, rest = code[:3], code[3:]
    if is_country(head):
        out = {"Code": code, "CountryCode": head}
        for k, n in enumerate(("Type1Code", "Type2Code", "Type3Code")):
            part = rest[3 * k : 3 * k + 3]
            if part:
                out[n] = part
        return out
    if head in _GROUP_TYPES:
        out = {"Code": code, "Type1Code": head}
        if rest[:3]:
            out["KnownGroupCode"] = rest[:3]
        return out
    return {"Code": code, "Type1Code": head}


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _first_paragraph_end(text: str) -> int:
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    end = stripped.find("\n")
    return len(text) if end < 0 else offset + end


def event_row(article: Article, seq: int, event: Event) -> dict[str, str]:
    """One GDELT row (column -> cell) for one event of an article."""
    row = dict.fromkeys(COLUMNS, "")
    row["GLOBALEVENTID"] = str(event_id(article.id, seq))
    when = _day(event.date) or _day(article.published.value)
    if when is not None:
        row["SQLDATE"] = when.strftime("%Y%m%d")
        row["MonthYear"] = when.strftime("%Y%m")
        row["Year"] = str(when.year)
        row["FractionDate"] = f"{when.year + when.timetuple().tm_yday / 365:.4f}"
    for n, name, code in ((1, event.actor, event.actor_code), (2, event.target, event.target_code)):
        for suffix, value in split_code(code).items():
            row[f"Actor{n}{suffix}"] = value
        if name:
            row[f"Actor{n}Name"] = name
    row["IsRootEvent"] = "1" if event.start < _first_paragraph_end(article.text) else "0"
    cameo = event.cameo
    row["EventCode"] = cameo
    row["EventBaseCode"] = cameo[:3]
    row["EventRootCode"] = cameo[:2]
    quad = quad_class(cameo)
    row["QuadClass"] = "" if quad is None else str(quad)
    row["NumMentions"] = row["NumSources"] = row["NumArticles"] = "1"
    published = _day(article.published.value)
    if published is not None:
        row["DATEADDED"] = published.strftime("%Y%m%d") + "000000"
    row["SOURCEURL"] = article.url or ""
    return row


def _clean(cell: str) -> str:
    # a tab or line break inside a name would break the TSV's columns
    return " ".join(cell.split()) if any(c in cell for c in "\t\r\n") else cell


def write_gdelt(articles: Iterable[Article], path: Path) -> int:
    """Every event of `articles` as one TSV row; return the number of events written."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                escapechar="\\")  # fmt: skip
            writer.writerow(COLUMNS)
            for article in articles:
                for seq, event in enumerate(article.events):
                    row = event_row(article, seq, event)
                    writer.writerow([_clean(row[c]) for c in COLUMNS])
                    n += 1
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n
