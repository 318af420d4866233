"""Direct and partial quotes of an article, with speaker, cue and relaying outlet.

`marks.find_quoted` finds the quoted spans; `attribution.Resolver` says who spoke each one
and through which outlet. A quote is `partial` when it is a fragment set inside the reporter's
own sentence ("called the decision “extremely regrettable”"), `direct` when it stands as the
speaker's own sentence or sentences. Reported speech ("Ryabkov told Russian state media that
...") comes after them as `indirect` quotes (see `reported`), attributed by the same resolver
once every direct quote is, so it never changes a direct quote's attribution.
"""

from __future__ import annotations

from newsloom.analyse.attribution import Attribution, Resolver
from newsloom.analyse.entities import People
from newsloom.analyse.marks import find_quoted, quote_is_partial
from newsloom.analyse.parse import Parse
from newsloom.analyse.programmes import is_programme_title
from newsloom.analyse.reported import reported_speech
from newsloom.article import Quote


def extract_quotes(
    parse: Parse, people: People, *, year: int | None = None, indirect: bool = True
) -> tuple[Quote, ...]:
    """Every quoted span of the parsed text with its attribution, then (with `indirect`) the
    reported statements; each group in text order."""
    if not isinstance(parse, Parse):
        raise TypeError(f"parse must be a Parse, got {type(parse).__name__}")
    text = parse.text
    spans = find_quoted(text)
    if not spans and not indirect:
        return ()
    resolver = Resolver(parse, people, year, spans)
    quotes: list[Quote] = []
    done: list[Attribution] = []
    for n, span in enumerate(spans):
        att = resolver.attribute(n, done)
        done.append(att)
        if is_programme_title(parse, span):
            continue  # the marks set off a show's name; its words stay quoted for the resolver
        quotes.append(
            Quote(
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
                kind="partial" if quote_is_partial(text, span) else "direct",
                speaker=att.speaker,
                speaker_mention=att.mention if att.speaker else None,
                cue=att.cue,
                via=att.via,
                confidence=round(att.confidence, 2) if att.speaker else 0.0,
            )
        )
    if indirect:
        quotes += reported_speech(resolver)
    return tuple(quotes)
