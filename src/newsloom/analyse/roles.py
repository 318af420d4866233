"""Role words and international bodies: the second half of a CAMEO-style actor code.

An actor code is a country (ISO 3166 alpha-3) followed by a role: "RUS" + "GOV" for a
Russian minister, "USA" + "LEG" for a US senator. The role is read from the words the text
gives an actor ("Deputy Foreign Minister", "Sen.", "the Spanish police"). International
bodies have a code of their own that starts with "IGO" ("IGOUNO" for the United Nations).

This lexicon is ours; the CAMEO dictionaries were read for the conventions only.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsloom.analyse.lexicon import words

#: Role words by role code. A word in several lists takes the first role of `ROLE_ORDER`.
ROLE_LEXICON: dict[str, frozenset[str]] = {
    "LEG": words(
        """
        senator senators congressman congresswoman congressmen congresswomen representative
        mp mps lawmaker lawmakers legislator legislators parliament parliamentary senate
        congress assembly legislature deputies
        """
    ),
    "MIL": words(
        """
        general admiral colonel lieutenant sergeant commander army military navy troops
        soldier soldiers marines forces airforce generals
        """
    ),
    "JUD": words(
        """
        judge judges justice court courts prosecutor prosecutors tribunal judiciary
        """
    ),
    "COP": words("police policeman policemen policewoman constable"),
    "SPY": words("intelligence spy spies"),
    "MED": words(
        """
        journalist journalists reporter reporters correspondent editor columnist newspaper
        broadcaster presenter anchor
        """
    ),
    "BUS": words(
        """
        ceo company companies firm corporation businessman businesswoman founder inc corp
        ltd plc
        """
    ),
    "EDU": words("professor university academic"),
    "OPP": words("opposition dissident dissidents"),
    "REB": words("rebel rebels insurgent insurgents militia"),
    "GOV": words(
        """
        president minister ministers premier chancellor secretary ambassador envoy diplomat
        diplomats governor mayor spokesman spokeswoman spokesperson official officials king
        queen emperor monarch emir dictator leader government ministry administration
        cabinet regime presidency embassy consul department
        """
    ),
}

#: Which role wins when a title holds words of several ("Senate Majority Leader" is LEG).
ROLE_ORDER: tuple[str, ...] = (
    "LEG", "MIL", "JUD", "COP", "SPY", "MED", "BUS", "EDU", "OPP", "REB", "GOV",
)  # fmt: skip

#: Roles held for a country: an official of these serves one, even at an international body.
NATIONAL_ROLES = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY"})

#: International bodies (lower-case names, dots removed) and their codes.
IGO_NAMES: dict[str, str] = {
    "united nations": "IGOUNO",
    "un": "IGOUNO",
    "security council": "IGOUNO",
    "general assembly": "IGOUNO",
    "world health organization": "IGOUNOHLH",
    "world health organisation": "IGOUNOHLH",
    "world bank": "IGOUNODEV",
    "european union": "IGOEUREEC",
    "eu": "IGOEUREEC",
    "european council": "IGOEUREEC",
    "european commission": "IGOEUREEC",
    "european parliament": "IGOEUREEC",
    "nato": "IGOWSTNAT",
    "north atlantic treaty organization": "IGOWSTNAT",
    "north atlantic treaty organisation": "IGOWSTNAT",
    "arab league": "IGOMEAARL",
}

#: Nouns that make "<demonym> <noun>" an organisation ("the Spanish police").
INSTITUTION_HEADS = words(
    """
    government administration ministry parliament senate congress assembly court police
    army military navy regime cabinet presidency embassy authorities legislature judiciary
    intelligence opposition
    """
)


#: Bodies of the executive, whatever field they run.
_EXECUTIVE_BODIES = words("ministry department government administration cabinet")


def role_of(title_words: Iterable[str]) -> str | None:
    """The role code of a title's words ("deputy", "foreign", "minister" -> "GOV")."""
    found = {w.lower().rstrip(".") for w in title_words}
    if found & _EXECUTIVE_BODIES:  # "Justice Department", "Defence Ministry": the executive
        return "GOV"
    for role in ROLE_ORDER:
        if found & ROLE_LEXICON[role]:
            return role
    return None


def _igo_key(name: str) -> tuple[str, ...]:
    words_ = name.lower().replace(".", "").replace("’", "'").split()
    if words_ and words_[0] == "the":
        words_ = words_[1:]
    if words_ and words_[-1] in ("'s", "'"):
        words_ = words_[:-1]
    return tuple(w.removesuffix("'s") for w in words_)


def igo_code(name: str) -> str | None:
    """The code of an international body named `name` or of a body within it
    ("the UN Security Council" -> "IGOUNO"), matched on whole leading words."""
    key = _igo_key(name)
    best: tuple[int, str] | None = None
    for igo, code in IGO_NAMES.items():
        k = tuple(igo.split())
        if key[: len(k)] == k and (best is None or len(k) > best[0]):
            best = (len(k), code)
    return best[1] if best else None


def igo_in(title_words: Iterable[str]) -> str | None:
    """An international body named among a title's words, in any order (titles are kept as
    sets): "united", "nations", "ambassador" -> "IGOUNO"."""
    ws = {w.lower().replace(".", "") for w in title_words}
    best: tuple[int, str] | None = None
    for igo, code in IGO_NAMES.items():
        k = set(igo.split())
        if k <= ws and (best is None or len(k) > best[0]):
            best = (len(k), code)
    return best[1] if best else None
