"""Build `src/newsloom/resources/phoenix_people.json.gz`: person name -> country code.

    PYTHONPATH=src python training/build_phoenix_people.py [../shared/data/cameo_dictionaries]

From the Phoenix country actor dictionary (`Phoenix.Countries.actors.txt`, TABARI format,
generated from CountryInfo.140130.txt by the Computational Event Data System project, MIT,
Copyright (c) 2014 Open Event Data Alliance): every person entry (a name and its "+" variants)
with the country its role codes name ("[ZWEGOV 800418-871231]" -> ZWE). A name kept only when
all its codes name one country and it has at least two words ("Robert Mugabe", not "Mugabe").
Deterministic output (sorted, no time stamp).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/newsloom/resources/phoenix_people.json.gz"
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "cameo_dictionaries"
SOURCE = "Phoenix.Countries.actors.txt"
_CODE = re.compile(r"\[([A-Z]{3})[A-Z]*\b")


def _name(text: str) -> str:
    return " ".join(text.split("#", 1)[0].strip().strip("_").replace("_", " ").lower().split())


def read_people(text: str) -> dict[str, str]:
    entries: list[tuple[list[str], set[str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0].isalpha():
            entries.append(([_name(line)], set()))
        elif line.startswith("+") and entries:
            entries[-1][0].append(_name(line[1:]))
        elif entries:
            entries[-1][1].update(_CODE.findall(line))
    out: dict[str, str] = {}
    clash: set[str] = set()
    for names, countries in entries:
        if len(countries) != 1:
            continue
        country = next(iter(countries))
        for name in names:
            if len(name.split()) < 2 or not re.fullmatch(r"[a-z .'-]+", name):
                continue
            if out.get(name, country) != country:
                clash.add(name)
            out[name] = country
    return {k: v for k, v in sorted(out.items()) if k not in clash}


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    raw = (folder / SOURCE).read_bytes()
    people = read_people(raw.decode("utf-8", errors="replace"))
    data = {
        "source": f"{SOURCE} (Phoenix actor dictionaries, from CountryInfo.140130.txt)",
        "licence": "MIT (Copyright (c) 2014 Open Event Data Alliance)",
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "built_by": "training/build_phoenix_people.py",
        "people": people,
    }
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(body, mtime=0))
    print(f"{OUT}: {len(people)} names, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
