"""Build `src/newsloom/resources/cameo_verbs.json.gz` from the CAMEO 2.0 verb dictionary.

    PYTHONPATH=src python training/build_cameo_lexicon.py [path/to/CAMEO.2.0.txt]

(default: ../shared/data/cameo_dictionaries/CAMEO.2.0.txt)

The dictionary is read with newsloom's own PETRARCH-format reader
(`evaluation.cameo_dictionary.parse_dictionary`, the one the comparison coder uses) and written
as compact JSON: unique patterns, the lists of patterns a verb entry has, and the entries
(lemma, phrasal words, default code, pattern list), plus irregular forms. Synonym sets are
already expanded into the patterns' alternatives. Output is deterministic (sorted, no time
stamp), so rebuilding from the same file gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

from newsloom.analyse.verbdict import LEXICON_FILE, dictionary_from_json, dictionary_to_json
from newsloom.evaluation.cameo_dictionary import default_dictionary_path, parse_dictionary

OUT = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "resources" / LEXICON_FILE


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else default_dictionary_path()
    raw = src.read_bytes()
    dic = parse_dictionary(raw.decode("utf-8", errors="replace"))
    header = {
        "source": "CAMEO.2.0.txt, the CAMEO verb pattern dictionary of PETRARCH-2 "
        "(openeventdata/petrarch2), composite of the TABARI CAMEO dictionaries and WordNet "
        "synonym sets",
        "licence": "MIT (Copyright (c) 2014 Open Event Data; see LICENSE_petrarch2 "
        "beside the source file)",
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "built_by": "training/build_cameo_lexicon.py",
    }
    data = dictionary_to_json(dic, header)
    assert dictionary_from_json(data) == dic, "round trip changed the dictionary"
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(body, mtime=0))
    n = sum(len(v) for v in dic.verbs.values())
    print(f"{OUT}: {n} verb entries, {len(data['patterns'])} patterns, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
