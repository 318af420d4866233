"""Slashed numeric dates in publication stamps ("Posted 10/18/2012", "Last Updated:29/03/2006").

`04/05/2017` is April 5 in the United States and 4 May in most other places, so the general date
finder leaves slashed dates out. In a stamp line the order is known when one number is above 12
(`29/03/2006` is day first, `10/18/2012` month first), or else from the country of the site that
printed it (`day_first_site`): stamps such as "Updated 16/10/2006" (bris.ac.uk),
"Last Updated:29/03/2006" (london.ac.uk), "Published on 09/08/2012" (technutty.co.uk) come from
day-first countries; "Posted 10/18/2012" (mattlogelin.com), "Posted on 09/21/2012" (typepad.com),
"Updated 11/8/2023" (dailyherald.com) from the United States. A `.com` site with two numbers of 12
or less gives no date.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsloom.pubdate.parse import iso

_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
#: country-code domains whose dates are written day first (the United States, the Philippines
#: and Canada write or mix month-first, and generic domains say nothing)
_DAY_FIRST = (
    "uk ie in pk bd lk np au nz za ng gh ke ug tz zw zm mw bw na rw et eg ma tn dz sg my id th "
    "vn hk ae sa qa kw om bh jo lb il tr gr cy mt fr be lu nl de at ch it es pt dk no se fi is "
    "pl cz sk hu ro bg hr si rs ba me mk al ru ua by lt lv ee br ar cl pe uy py bo ec ve mx"
)
DAY_FIRST_COUNTRIES = frozenset(_DAY_FIRST.split())


def day_first_site(url: str | None) -> bool | None:
    """True for a site of a day-first country, False for a `.us` or `.gov` site, else None."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    label = host.rsplit(".", 1)[-1]
    if label in DAY_FIRST_COUNTRIES:
        return True
    if label in ("us", "gov", "mil"):
        return False
    return None


def slashed_dates(line: str, day_first: bool | None) -> list[tuple[int, int, str]]:
    """(start, end, `YYYY-MM-DD`) of each slashed date whose order is known."""
    found = []
    for m in _SLASHED.finditer(line):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 or (b <= 12 and day_first):
            value = iso(year, b, a)
        elif b > 12 or day_first is False:
            value = iso(year, a, b)
        else:
            value = None
        if value:
            found.append((m.start(), m.end(), value))
    return found
