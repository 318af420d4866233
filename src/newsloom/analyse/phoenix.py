"""The country of a person named in full, from the Phoenix actor dictionary.

`resources/phoenix_people.json.gz` (built by `training/build_phoenix_people.py` from the Phoenix
country actor dictionary, MIT) maps some 20,000 full names of officials, leaders and public
figures to the country their role codes name ("robert mugabe" -> ZWE). It is read once per
process. It answers only for full names (two words or more): a surname alone is too often
someone else.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

__all__ = ["PEOPLE_FILE", "phoenix_country"]

PEOPLE_FILE = "phoenix_people.json.gz"


@lru_cache(maxsize=1)
def _people() -> dict[str, str]:
    raw = resources.files("newsloom.resources").joinpath(PEOPLE_FILE).read_bytes()
    people: dict[str, str] = json.loads(gzip.decompress(raw))["people"]
    return people


def phoenix_country(name: str | None) -> str | None:
    """The three-letter country of a person's full name, or None."""
    if not name:
        return None
    key = " ".join(name.lower().replace("_", " ").split())
    if len(key.split()) < 2:
        return None
    return _people().get(key)
