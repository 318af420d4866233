"""Events as PLOVER-style JSON: one object per event, in one JSON array.

PLOVER (the Open Event Data Alliance's successor to CAMEO) has sixteen event types and
separates the event type from its *mode* (how it happened: a phone call, a visit, a hunger
strike) and *context*. Our CAMEO codes are mapped to PLOVER types by `PLOVER_BY_ROOT` and
`PLOVER_BY_CODE`, tables we wrote from the PLOVER categories' definitions:

* 02 appeal and 10 demand ask something of someone: REQUEST;
* 03 intent to cooperate is a promise: AGREE; 04 consult: CONSULT; 05 diplomatic cooperation
  (praise, endorse, defend verbally): SUPPORT; 06 material cooperation: COOPERATE; 07 aid: AID;
* 08 yield gives ground: CONCEDE, except where it undoes a coercive step (release or return
  people, ease sanctions, allow access, de-escalate militarily): RETREAT;
* 09 investigate, 11 disapprove (criticise, accuse): ACCUSE; 12 reject: REJECT; 13 threaten:
  THREATEN; 14 protest: PROTEST; 15 force posture: MOBILIZE; 16 reduce relations: SANCTION;
* 17 coerce, with 191 blockade and 192 occupation (force that restricts or seizes without
  attacking): COERCE; 175 violent repression, 18 assault, 19 fight, 20 mass violence: ASSAULT.

CAMEO 01 (public statements) has no PLOVER type: such events keep their CAMEO code with
``"event": null``. The mode is given where the CAMEO code says it (041 by telephone, 042/043
visits, 044 at a third location, the 14x kinds of protest); the context is left empty.

Each object: ``id`` (stable, from the article id and the event's position), ``date`` (the
event's date, else the article's publication date, else null), ``event``, ``mode``,
``context``, ``cameo``, ``modality``, ``symmetric`` (a call or meeting: actor and target
interchangeable), ``actor`` and ``target`` (``{"name", "code", "country",
"sector"}`` or null), ``article_id``, ``url``, ``outlet``, ``text`` (the evidence sentence),
``start``/``end`` (its offsets in the article's clean text) and ``confidence``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsloom.article import Article, Event
from newsloom.hashing import stable_hash
from newsloom.store.gdelt import split_code

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

#: CAMEO root -> PLOVER event type (01, public statements, has none)
PLOVER_BY_ROOT: dict[str, str] = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
#: three-digit CAMEO codes whose PLOVER type differs from their root's
PLOVER_BY_CODE: dict[str, str] = {
    "084": "RETREAT", "085": "RETREAT", "086": "RETREAT", "087": "RETREAT",
    "175": "ASSAULT", "191": "COERCE", "192": "COERCE",
}  # fmt: skip
#: three-digit CAMEO codes that say how the event happened
MODES: dict[str, str] = {
    "041": "phone", "042": "visit", "043": "visit", "044": "third-party",
    "141": "demo", "142": "hunger", "143": "boycott", "144": "obstruct", "145": "riot",
}  # fmt: skip


def plover_type(cameo: str) -> str | None:
    """The PLOVER event type of a CAMEO code, or None (public statements, unknown codes)."""
    return PLOVER_BY_CODE.get(cameo[:3]) or PLOVER_BY_ROOT.get(cameo[:2])


def _party(name: str | None, code: str | None) -> dict[str, Any] | None:
    if not name and not code:
        return None
    parts = split_code(code)
    return {
        "name": name,
        "code": code,
        "country": parts.get("CountryCode"),
        "sector": parts.get("Type1Code"),
    }


def event_object(article: Article, seq: int, event: Event) -> dict[str, Any]:
    """The PLOVER-style object of the `seq`-th event of an article."""
    return {
        "id": "NL-" + stable_hash(f"event\x1f{article.id}\x1f{seq}", size=8),
        "date": event.date if event.date and "X" not in event.date else article.published.value,
        "event": plover_type(event.cameo),
        "mode": MODES.get(event.cameo[:3]),
        "context": None,
        "cameo": event.cameo,
        "modality": event.modality,
        "symmetric": event.symmetric,
        "actor": _party(event.actor, event.actor_code),
        "target": _party(event.target, event.target_code),
        "article_id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "text": event.sentence,
        "start": event.start,
        "end": event.start + len(event.sentence),
        "confidence": event.confidence,
    }


def write_plover(articles: Iterable[Article], path: Path) -> int:
    """Every event of `articles` as one object of a JSON array; return the number written."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write("[")
            for article in articles:
                for seq, event in enumerate(article.events):
                    fh.write(",\n" if n else "\n")
                    fh.write(json.dumps(event_object(article, seq, event), ensure_ascii=False))
                    n += 1
            fh.write("\n]\n" if n else "]\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n
