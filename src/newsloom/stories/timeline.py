"""A story's timeline: the events of all its articles merged into one dated list.

Ten articles reporting one event make one entry with ten sources. Two event mentions are one
event when they share the CAMEO root, their dates agree (or one is unknown) and they share a
participant (the actor or the target, either way round, by corpus-normalised name). An event
dated well before the story's own day is background: mentioned in passing, not the news.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsloom.analyse.cameo import ROOT_LABELS, root
from newsloom.article import Article, Event
from newsloom.stories.model import Citation, TimelineEntry
from newsloom.stories.signals import day_number
from newsloom.stories.sources import independent

#: an event this many days or more before the story's day is background
BACKGROUND_DAYS = 14
#: modalities that report something that happened (not a threat, an intention or a denial)
_HAPPENED = {"asserted", "reported"}


def _party(name: str | None) -> str | None:
    if not name:
        return None
    words = name.lower().replace("’", "'").split()
    return words[-1] if words else None


@dataclass
class _Entry:
    root: str
    date: str | None
    parties: set[str]
    mentions: list[tuple[Article, Event]] = field(default_factory=list)

    def matches(self, code: str, date: str | None, parties: set[str]) -> bool:
        if code != self.root:
            return False
        if date and self.date and date[:10] != self.date[:10]:
            return False
        return bool(parties & self.parties) or not (parties or self.parties)


def build_timeline(
    articles: Sequence[Article], origins: Mapping[str, str], story_day: int | None
) -> tuple[TimelineEntry, ...]:
    entries: list[_Entry] = []
    mentions = [
        (a, e)
        for a in articles
        for e in a.events
        if e.cameo and e.modality in _HAPPENED and (e.actor or e.target)
    ]
    mentions.sort(key=lambda m: (m[1].date or "9999", m[0].id, m[1].start))
    for art, event in mentions:
        code = root(event.cameo)
        parties = {p for p in (_party(event.actor), _party(event.target)) if p}
        date = event.date if event.date and not event.date.startswith("X") else None
        for entry in entries:
            if entry.matches(code, date, parties):
                entry.mentions.append((art, event))
                entry.parties |= parties
                entry.date = entry.date or date
                break
        else:
            entries.append(_Entry(code, date, parties, [(art, event)]))
    out = [_finish(e, origins, story_day) for e in entries]
    return tuple(sorted(out, key=lambda t: (t.date or "9999", -len(t.sources), t.event)))


def _finish(entry: _Entry, origins: Mapping[str, str], story_day: int | None) -> TimelineEntry:
    sources = sorted({a.id for a, _ in entry.mentions})
    # the mention most articles agree on names the event
    _, first = max(
        entry.mentions, key=lambda m: (bool(m[1].actor) + bool(m[1].target), -len(m[1].sentence))
    )
    actor = first.actor
    target = first.target
    label = ROOT_LABELS.get(entry.root, entry.root)
    event = " ".join(x for x in (actor or "someone", f"- {label.lower()} -", target or "") if x)
    day = day_number(entry.date)
    background = day is not None and story_day is not None and story_day - day >= BACKGROUND_DAYS
    evidence = tuple(
        Citation(a.id, e.start, e.start + len(e.sentence))
        for a, e in entry.mentions
        if a.text[e.start : e.start + len(e.sentence)] == e.sentence
    )
    return TimelineEntry(
        date=entry.date,
        event=event.strip(),
        cameo=first.cameo,
        actor=actor,
        target=target,
        sources=tuple(sources),
        independent_sources=independent(sources, origins),
        background=background,
        evidence=evidence[:10],
    )
