"""Build `src/newsloom/resources/phoenix_bodies.json.gz`: organisation name -> actor code.

    PYTHONPATH=src python training/build_phoenix_bodies.py [../shared/data/cameo_dictionaries]

From two Phoenix actor dictionaries (TABARI format, Computational Event Data System project and
Open Event Data Alliance, MIT): `Phoenix.International.actors.txt` (intergovernmental bodies,
NGOs, multinational companies: "AMNESTY_INTERNATIONAL_ [NGOHRIAMN]") and
`Phoenix.MilNonState.actors.txt` (armed and militant groups and their leaders: "TALIBAN_
[AFGREB]", al-Qaeda and Osama bin Laden "[IMGMUSALQ]"). An entry is a name, its "+" variants,
and its codes (on the name's line or the indented lines after it). Kept:

* entries whose codes all start alike (a person who moved between roles, "[IGOUNO ...]" then
  "[GHAGOV ...]", names no single body), with the first code;
* names of two words or more, and one-word names only when they are the entry's own name
  ("HAMAS", "OXFAM"), not a variant: variants of one word are often common words
  ("ORGANIZATION" under "TANZIM"); and not the plural of an English noun (WordNet's index in
  spaCy's English lemmatizer): a sports team is "the Tigers" far more often than the group.

Codes are turned into newsloom's own: a country's stays ("AFGREB"); an international body, an
NGO or an international militant group keeps its code ("IGO...", "NGO...", "IMG...", none of
which names a country); a multinational company becomes its country's business sector
("MNCUSA..." -> "USABUS", as "Amazon.com Inc." is coded from its text), and one with no country
is left out. Media ("MED"), regions ("MEA", "AFR") and religions are left out: an outlet is a
relay, not an actor, and a region is not a country.

A name two entries code differently is dropped. Deterministic output (sorted, no time stamp).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

from newsloom.analyse.phoenix import body_key

OUT = Path(__file__).resolve().parents[1] / "src/newsloom/resources/phoenix_bodies.json.gz"
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "cameo_dictionaries"
SOURCES = ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
_CODE = re.compile(r"\[([A-Z]{3}[A-Z]*)\b")
_NAME_CHARS = re.compile(r"[a-z0-9 .'&-]+")


def _entry_name(line: str) -> tuple[str, list[str]]:
    """The name on a dictionary line and the codes written beside it."""
    line = line.split("#", 1)[0]
    codes = _CODE.findall(line)
    name = line.split("[", 1)[0].strip().strip("_")
    return name, codes


def newsloom_code(code: str) -> str | None:
    """A Phoenix actor code in newsloom's convention, or None (see the module's docstring)."""
    import pycountry

    def country(letters: str) -> bool:
        return pycountry.countries.get(alpha_3=letters) is not None

    if code[:3] in ("IGO", "NGO", "IMG"):
        return code
    if code.startswith("MNC"):
        return code[3:6] + "BUS" if country(code[3:6]) else None
    return code if country(code[:3]) else None


def english_nouns() -> frozenset[str]:
    """The nouns of WordNet's index, as spaCy's English lemmatizer ships them."""
    import spacy

    from newsloom.settings import DEFAULT_SETTINGS

    nlp = spacy.load(DEFAULT_SETTINGS.spacy_model)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(index["noun"])


def read_bodies(text: str, nouns: frozenset[str] = frozenset()) -> dict[str, str]:
    entries: list[tuple[list[tuple[str, bool]], list[str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0].isalpha():
            name, codes = _entry_name(line)
            entries.append(([(name, True)], codes))
        elif line.startswith("+") and entries:
            name, codes = _entry_name(line[1:])
            entries[-1][0].append((name, False))
            entries[-1][1].extend(codes)
        elif entries:
            entries[-1][1].extend(_CODE.findall(line.split("#", 1)[0]))
    out: dict[str, str] = {}
    clash: set[str] = set()
    for names, codes in entries:
        if not codes or len({c[:3] for c in codes}) != 1:
            continue
        code = newsloom_code(codes[0])
        if code is None:
            continue
        for raw, own in names:
            if not _NAME_CHARS.fullmatch(raw.lower().replace("_", " ")):
                continue
            key = body_key(raw)
            if not key or (" " not in key and (not own or len(key) < 3)):
                continue
            if " " not in key and key.endswith("s") and key[:-1] in nouns:
                continue
            if out.get(key, code) != code:
                clash.add(key)
            out[key] = code
    return {k: v for k, v in sorted(out.items()) if k not in clash}


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    bodies: dict[str, str] = {}
    digests = {}
    nouns = english_nouns()
    for name in SOURCES:
        raw = (folder / name).read_bytes()
        digests[name] = hashlib.sha256(raw).hexdigest()
        for key, code in read_bodies(raw.decode("utf-8", errors="replace"), nouns).items():
            bodies.setdefault(key, code)  # the international file first
    data = {
        "source": " and ".join(SOURCES) + " (Phoenix actor dictionaries)",
        "licence": "MIT (Copyright (c) 2014 Open Event Data Alliance)",
        "source_sha256": digests,
        "built_by": "training/build_phoenix_bodies.py",
        "bodies": dict(sorted(bodies.items())),
    }
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(body, mtime=0))
    print(f"{OUT}: {len(bodies)} names, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
