"""The page's tail: what a page prints between the article's last sentence and its own end.

After the last paragraph, news pages print their furniture: tag lists, a photo or agency credit,
"Donate", "Subscribe", "Got a story? Email us ...", an editor's name, a postal address, then the
related links and the site footer. The line model removes much of it, and what it keeps there
is short and rarely reads as a sentence. This step runs after the model: once the article has
printed three prose lines, a kept line after its last sentence-like line and before the page's
last removed line is furniture, unless it ends a sentence, is a list item, or ends with a comma,
colon or semicolon (a letter's "Sincerely,", a list's heading). A sentence that lost its full
stop ("Talks broke down last month and no new date has been set") counts as the article's, so a
scraper's missing period does not open the tail early.

On the train and choose pages of boilerplate_pages (reader comments as furniture), after the
shipped text model and the comment thread, it removes 5,685 lines of the train sites, 302
(5.3%) of them article text, and 3,640 of the choose sites, 223 (6.1%) article text; the
choose sites' removed share rises from 0.561 to 0.599 and their kept share falls from 0.975
to 0.965 (the article lines it takes are mostly sign-offs, addresses and blog labels the gold
counts as content). Seen on nytimes.com, wsj.com, guardian.co.uk, bbc.co.uk, cbsnews.com and
huffingtonpost.com pages among some 480 sites.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.clean.lines import ends_sentence, is_list_item, is_prose, words

__all__ = ["PROSE_BEFORE", "REASON", "page_tail", "sentence_like"]

#: The reason of the lines this step removes (credits are still read from them: an agency's
#: "— Reuters" or "(Reporting by ...)" sits in the tail).
REASON = "page_tail"
#: Prose lines the article prints before its tail can begin.
PROSE_BEFORE = 3
#: Words of a sentence that lost its full stop, at least.
SENTENCE_WORDS = 6
#: Share of its words a sentence starts in lower case, at least.
LOWER_SHARE = 0.6
# marks that sentences seldom carry and furniture often does (labels, handles, separators)
_ODD = re.compile(r"[:|;?@#/©]")
_CONTINUED = (",", ":", ";")


def sentence_like(line: str) -> bool:
    """Prose, or a sentence that lost its full stop: six words or more, a capital first,
    mostly lower-case words, none of a label's or a handle's marks."""
    if is_prose(line):
        return True
    text = line.strip()
    tokens = words(text)
    if len(tokens) < SENTENCE_WORDS or ends_sentence(text) or not text[:1].isupper():
        return False
    if _ODD.search(text):
        return False
    alpha = [t for t in tokens if t[:1].isalpha()]
    return bool(alpha) and sum(t[:1].islower() for t in alpha) / len(alpha) >= LOWER_SHARE


def page_tail(lines: Sequence[str], removed: Sequence[bool]) -> list[int]:
    """Indices of the kept lines of the page's tail (see the module doc); `removed` says which
    lines earlier steps took out."""
    kept = [i for i, gone in enumerate(removed) if not gone]
    last = next((i for i in reversed(kept) if sentence_like(lines[i])), None)
    if last is None:
        return []
    if sum(1 for i in kept if i <= last and is_prose(lines[i])) < PROSE_BEFORE:
        return []
    end = next((i for i in range(len(lines) - 1, last, -1) if removed[i]), None)
    if end is None:
        return []
    return [
        i
        for i in range(last + 1, end)
        if not removed[i]
        and not ends_sentence(lines[i])
        and not is_list_item(lines[i])
        and not lines[i].rstrip().endswith(_CONTINUED)
    ]
