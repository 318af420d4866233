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


#: Heads of state and government that news often names without their country ("Macron
#: said", "Kim Jong Un"): (name, ISO alpha-3 country, first year, last year or None). The
#: years keep the table a record of facts; `actors.officeholder_country` reads the names.
LEADERS: tuple[tuple[str, str, int, int | None], ...] = (
    ("Vladimir Putin", "RUS", 1999, None),
    ("Dmitry Medvedev", "RUS", 2008, 2020),
    ("Mikhail Mishustin", "RUS", 2020, None),
    ("Tony Blair", "GBR", 1997, 2007),
    ("Gordon Brown", "GBR", 2007, 2010),
    ("David Cameron", "GBR", 2010, 2016),
    ("Theresa May", "GBR", 2016, 2019),
    ("Boris Johnson", "GBR", 2019, 2022),
    ("Liz Truss", "GBR", 2022, 2022),
    ("Rishi Sunak", "GBR", 2022, 2024),
    ("Keir Starmer", "GBR", 2024, None),
    ("Jacques Chirac", "FRA", 1995, 2007),
    ("Nicolas Sarkozy", "FRA", 2007, 2012),
    ("François Hollande", "FRA", 2012, 2017),
    ("Emmanuel Macron", "FRA", 2017, None),
    ("Gerhard Schröder", "DEU", 1998, 2005),
    ("Angela Merkel", "DEU", 2005, 2021),
    ("Olaf Scholz", "DEU", 2021, 2025),
    ("Friedrich Merz", "DEU", 2025, None),
    ("Frank-Walter Steinmeier", "DEU", 2017, None),
    ("Hu Jintao", "CHN", 2003, 2013),
    ("Wen Jiabao", "CHN", 2003, 2013),
    ("Xi Jinping", "CHN", 2013, None),
    ("Li Keqiang", "CHN", 2013, 2023),
    ("Li Qiang", "CHN", 2023, None),
    ("Shinzo Abe", "JPN", 2006, 2020),
    ("Yoshihide Suga", "JPN", 2020, 2021),
    ("Fumio Kishida", "JPN", 2021, 2024),
    ("Shigeru Ishiba", "JPN", 2024, 2025),
    ("Kim Jong Il", "PRK", 1994, 2011),
    ("Kim Jong Un", "PRK", 2011, None),
    ("Lee Myung-bak", "KOR", 2008, 2013),
    ("Park Geun-hye", "KOR", 2013, 2017),
    ("Moon Jae-in", "KOR", 2017, 2022),
    ("Yoon Suk Yeol", "KOR", 2022, 2025),
    ("Lee Jae-myung", "KOR", 2025, None),
    ("Manmohan Singh", "IND", 2004, 2014),
    ("Narendra Modi", "IND", 2014, None),
    ("Ariel Sharon", "ISR", 2001, 2006),
    ("Ehud Olmert", "ISR", 2006, 2009),
    ("Benjamin Netanyahu", "ISR", 1996, None),
    ("Naftali Bennett", "ISR", 2021, 2022),
    ("Yair Lapid", "ISR", 2022, 2022),
    ("Mahmoud Abbas", "PSE", 2005, None),
    ("Recep Tayyip Erdogan", "TUR", 2003, None),
    ("Mahmoud Ahmadinejad", "IRN", 2005, 2013),
    ("Hassan Rouhani", "IRN", 2013, 2021),
    ("Ebrahim Raisi", "IRN", 2021, 2024),
    ("Masoud Pezeshkian", "IRN", 2024, None),
    ("Ali Khamenei", "IRN", 1989, None),
    ("Bashar al-Assad", "SYR", 2000, 2024),
    ("Viktor Yanukovych", "UKR", 2010, 2014),
    ("Petro Poroshenko", "UKR", 2014, 2019),
    ("Volodymyr Zelensky", "UKR", 2019, None),
    ("Alexander Lukashenko", "BLR", 1994, None),
    ("Stephen Harper", "CAN", 2006, 2015),
    ("Justin Trudeau", "CAN", 2015, 2025),
    ("Mark Carney", "CAN", 2025, None),
    ("Malcolm Turnbull", "AUS", 2015, 2018),
    ("Scott Morrison", "AUS", 2018, 2022),
    ("Anthony Albanese", "AUS", 2022, None),
    ("Silvio Berlusconi", "ITA", 2001, 2011),
    ("Matteo Renzi", "ITA", 2014, 2016),
    ("Giuseppe Conte", "ITA", 2018, 2021),
    ("Mario Draghi", "ITA", 2021, 2022),
    ("Giorgia Meloni", "ITA", 2022, None),
    ("José Luis Rodríguez Zapatero", "ESP", 2004, 2011),
    ("Mariano Rajoy", "ESP", 2011, 2018),
    ("Pedro Sánchez", "ESP", 2018, None),
    ("Luiz Inácio Lula da Silva", "BRA", 2003, None),
    ("Dilma Rousseff", "BRA", 2011, 2016),
    ("Michel Temer", "BRA", 2016, 2018),
    ("Jair Bolsonaro", "BRA", 2019, 2022),
    ("Enrique Peña Nieto", "MEX", 2012, 2018),
    ("Andrés Manuel López Obrador", "MEX", 2018, 2024),
    ("Claudia Sheinbaum", "MEX", 2024, None),
    ("Mohammed bin Salman", "SAU", 2017, None),
    ("Abdel Fattah el-Sisi", "EGY", 2014, None),
    ("Hosni Mubarak", "EGY", 1981, 2011),
    ("Hugo Chávez", "VEN", 1999, 2013),
    ("Nicolás Maduro", "VEN", 2013, None),
    ("Rodrigo Duterte", "PHL", 2016, 2022),
    ("Hamid Karzai", "AFG", 2001, 2014),
    ("Ashraf Ghani", "AFG", 2014, 2021),
    ("Imran Khan", "PAK", 2018, 2022),
    ("Nawaz Sharif", "PAK", 2013, 2017),
    ("Viktor Orbán", "HUN", 2010, None),
    ("Mark Rutte", "NLD", 2010, 2024),
    ("Cyril Ramaphosa", "ZAF", 2018, None),
    ("Jacob Zuma", "ZAF", 2009, 2018),
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
