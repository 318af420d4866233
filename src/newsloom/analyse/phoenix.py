"""Actor codes from the Phoenix actor dictionaries: people's countries and bodies' codes.

`resources/phoenix_people.json.gz` (built by `training/build_phoenix_people.py` from the Phoenix
country actor dictionary, MIT) maps some 20,000 full names of officials, leaders and public
figures to the country their role codes name ("robert mugabe" -> ZWE). It answers only for
full names (two words or more): a surname alone is too often someone else.

`resources/phoenix_bodies.json.gz` (built by `training/build_phoenix_bodies.py` from the
international and the militant/non-state actor dictionaries) maps some 8,000 names of
international bodies, NGOs, companies and armed groups, with their variants, to their actor
code ("amnesty international" -> NGOHRIAMN, "taliban" -> AFGREB). Each file is read once per
process.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from newsloom.deadline import untimed

__all__ = ["BODIES_FILE", "PEOPLE_FILE", "body_key", "phoenix_body", "phoenix_country"]

PEOPLE_FILE = "phoenix_people.json.gz"
BODIES_FILE = "phoenix_bodies.json.gz"


@lru_cache(maxsize=2)
@untimed
def _table(name: str, key: str) -> dict[str, str]:
    """A shipped name -> code table, read once per process."""
    raw = resources.files("newsloom.resources").joinpath(name).read_bytes()
    table: dict[str, str] = json.loads(gzip.decompress(raw))[key]
    return table


def phoenix_country(name: str | None) -> str | None:
    """The three-letter country of a person's full name, or None."""
    if not name:
        return None
    key = " ".join(name.lower().replace("_", " ").split())
    if len(key.split()) < 2:
        return None
    return _table(PEOPLE_FILE, "people").get(key)


def body_key(text: str) -> str:
    """The lookup form of a body's name: lower case, no dots, hyphens and underscores as
    spaces, no leading "the" ("The U.N." and "UN" meet; "al-Qaeda" and "AL_QAEDA" meet)."""
    words = text.lower().replace(".", "").replace("_", " ").replace("-", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def phoenix_body(name: str | None) -> str | None:
    """The actor code of a body (or an armed group's leader) the dictionaries name, or None."""
    if not name:
        return None
    return _table(BODIES_FILE, "bodies").get(body_key(name))
