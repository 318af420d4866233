"""Seats of power: the place that speaks for a head of state or government.

News names the office of a leader by its seat: "Putin's office said" is the Kremlin speaking,
"Mr Macron's office" the Élysée Palace, "a Downing Street spokesman" the British prime
minister's office. The article rarely says which country a well-known leader governs, so the
seat cannot always be read from the text: this module holds that knowledge, as data.

`SEATS` lists the seat names newsloom recognises as institutions. `OFFICEHOLDERS` lists who
held the office each seat speaks for, with the years, so that an article is matched against
the holder of its own time (the year of its publication date when it is known). It covers the
heads of state and government whose offices are commonly named by their seat; extend it by
adding rows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Office:
    seat: str
    #: ISO 3166 alpha-3 code of the country
    country: str
    #: whose office: "state" (head of state) or "government" (head of government)
    of: str


OFFICES: dict[str, Office] = {
    o.seat: o
    for o in (
        Office("White House", "USA", "state"),
        Office("Kremlin", "RUS", "state"),
        Office("Élysée Palace", "FRA", "state"),
        Office("Downing Street", "GBR", "government"),
        Office("Chancellery", "DEU", "government"),
        Office("Moncloa Palace", "ESP", "government"),
        Office("Zhongnanhai", "CHN", "state"),
        Office("Blue House", "KOR", "state"),
        Office("Kantei", "JPN", "government"),
    )
}

#: Other names of the seats, as news writes them (lower case).
SEAT_NAMES: dict[str, str] = {
    "white house": "White House",
    "kremlin": "Kremlin",
    "élysée palace": "Élysée Palace",
    "elysee palace": "Élysée Palace",
    "élysée": "Élysée Palace",
    "elysee": "Élysée Palace",
    "downing street": "Downing Street",
    "number 10": "Downing Street",
    "no 10": "Downing Street",
    "no. 10": "Downing Street",
    "chancellery": "Chancellery",
    "moncloa": "Moncloa Palace",
    "moncloa palace": "Moncloa Palace",
    "zhongnanhai": "Zhongnanhai",
    "blue house": "Blue House",
    "kantei": "Kantei",
}

#: (name, seat, first year, last year or None while in office)
OFFICEHOLDERS: tuple[tuple[str, str, int, int | None], ...] = (
    ("George W. Bush", "White House", 2001, 2009),
    ("Barack Obama", "White House", 2009, 2017),
    ("Donald Trump", "White House", 2017, 2021),
    ("Joe Biden", "White House", 2021, 2025),
    ("Donald Trump", "White House", 2025, None),
    ("Vladimir Putin", "Kremlin", 2000, 2008),
    ("Dmitry Medvedev", "Kremlin", 2008, 2012),
    ("Vladimir Putin", "Kremlin", 2012, None),
    ("Jacques Chirac", "Élysée Palace", 1995, 2007),
    ("Nicolas Sarkozy", "Élysée Palace", 2007, 2012),
    ("François Hollande", "Élysée Palace", 2012, 2017),
    ("Emmanuel Macron", "Élysée Palace", 2017, None),
    ("Tony Blair", "Downing Street", 1997, 2007),
    ("Gordon Brown", "Downing Street", 2007, 2010),
    ("David Cameron", "Downing Street", 2010, 2016),
    ("Theresa May", "Downing Street", 2016, 2019),
    ("Boris Johnson", "Downing Street", 2019, 2022),
    ("Liz Truss", "Downing Street", 2022, 2022),
    ("Rishi Sunak", "Downing Street", 2022, 2024),
    ("Keir Starmer", "Downing Street", 2024, None),
    ("Gerhard Schröder", "Chancellery", 1998, 2005),
    ("Angela Merkel", "Chancellery", 2005, 2021),
    ("Olaf Scholz", "Chancellery", 2021, 2025),
    ("Friedrich Merz", "Chancellery", 2025, None),
    ("José Luis Rodríguez Zapatero", "Moncloa Palace", 2004, 2011),
    ("Mariano Rajoy", "Moncloa Palace", 2011, 2018),
    ("Pedro Sánchez", "Moncloa Palace", 2018, None),
    ("Hu Jintao", "Zhongnanhai", 2003, 2013),
    ("Xi Jinping", "Zhongnanhai", 2013, None),
    ("Park Geun-hye", "Blue House", 2013, 2017),
    ("Moon Jae-in", "Blue House", 2017, 2022),
    ("Shinzo Abe", "Kantei", 2012, 2020),
    ("Yoshihide Suga", "Kantei", 2020, 2021),
    ("Fumio Kishida", "Kantei", 2021, 2024),
)


def _key(name: str) -> tuple[str, ...]:
    return tuple(name.lower().replace("-", " ").replace(".", " ").split())


def seat_name(text: str) -> str | None:
    """The seat a name stands for ("the Kremlin", "No 10"), or None."""
    words = text.lower().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    name = " ".join(words)
    if name.endswith("'s"):
        name = name[:-2]
    return SEAT_NAMES.get(name)


def seat_of(person: str, year: int | None = None) -> str | None:
    """The seat whose office speaks for `person` (canonical name or surname) in `year`.

    A bare surname matches when it is the last word of exactly one holder's name.
    """
    key = _key(person)
    if not key:
        return None
    found = set()
    for name, seat, first, last in OFFICEHOLDERS:
        full = _key(name)
        if key != full and not (len(key) == 1 and full[-1] == key[0]):
            continue
        if year is not None and not (first <= year <= (last if last is not None else 9999)):
            continue
        found.add((full, seat))
    people = {full for full, _ in found}
    if len(people) != 1:
        return None
    seats = {seat for _, seat in found}
    return seats.pop() if len(seats) == 1 else None
