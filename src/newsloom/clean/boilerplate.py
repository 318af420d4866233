"""Boilerplate lines of scraped news pages: one small classifier per kind of line.

These rules no longer decide: `rule_reasons` gives their verdict per line to the learned line
model (`linemodel`) as a cue, and names the class (caption, navigation, ...) of a line the
model removes.

Each classifier is ``(line, ctx) -> reason | None``: `line` is the stripped text of one
non-blank line, `ctx` a `LineContext` (its neighbours and a few facts about the page).
`CLASSIFIERS` lists them in the order they are tried; `classify` returns the first reason. The
rules describe kinds of page furniture (skip links, share bars, captions with a photo credit,
teaser links, comment forms, ...), not the lines of any one site.

What is *content* and must never match: headlines (also when printed twice), deks, bylines,
datelines and timestamps, credit lines such as "(Reporting by ...)", subheads, pull quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsloom.clean.lines import (
    LineContext,
    Page,
    ends_sentence,
    is_glued_double,
    is_list_item,
    is_prose,
    words,
    wordset,
)
from newsloom.clean.title import looks_like_headline

__all__ = [
    "CLASSIFIERS",
    "END_OF_ARTICLE",
    "Classifier",
    "ad",
    "archive_notice",
    "author_bio",
    "caption",
    "caption_text",
    "classify",
    "comment_form",
    "copyright_line",
    "credits_line",
    "glued_navigation",
    "keyword_list",
    "navigation",
    "page_title",
    "photo_credit",
    "placeholder",
    "promo",
    "related",
    "related_items",
    "rule_reasons",
    "share_bar",
    "stray",
    "teaser",
    "version_tracking",
    "widget",
]

Classifier = Callable[[str, LineContext], str | None]

#: Reasons whose lines sit after the end of an article body: when they close the text, the
#: article is complete there.
END_OF_ARTICLE = frozenset(
    {"copyright", "comment_form", "related", "credits", "placeholder", "author_bio"}
)

_I = re.IGNORECASE
#: the only characters outside ASCII that a case-blind pattern matches to an ASCII letter
#: (checked over every code point), mapped to it: a line so folded and lower-cased holds a
#: pattern's ASCII words wherever the pattern matches it, so a missing word skips the search
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=2048)
def _folded(line: str) -> str:
    return line.translate(_FOLD).lower()


@dataclass(frozen=True, slots=True)
class _Guarded:
    """A case-blind pattern with the words (lower-case) it cannot match without: a line that
    holds none of them, case aside, is not searched (most lines hold none, and the look costs
    far less than the search). No words: always searched."""

    pattern: re.Pattern[str]
    needs: tuple[str, ...] = ()

    def search(self, line: str) -> re.Match[str] | None:
        if self.needs:
            low = _folded(line)
            if not any(word in low for word in self.needs):
                return None
        return self.pattern.search(line)


def _labels(text: str) -> frozenset[str]:
    """A set of lower-case labels written as "a | b | c" (spread over lines)."""
    return frozenset(part.strip() for part in text.replace("\n", " ").split("|") if part.strip())


# ---------------------------------------------------------------------------------------------
# navigation: skip links, section labels, glued menus, link strips

_SKIP_LINK = (
    r"(?:skip|jump|go) to (?:the )?(?:main content|content|main navigation|navigation|"
    r"key events|search|footer|main menu|menu|article|comments|top)"
)
_SKIP_LINKS = re.compile(rf"(?:{_SKIP_LINK}\s*)+", _I)
_SKIP_HEAD = re.compile(rf"^(?:{_SKIP_LINK})+(?=[A-Z])", _I)
_SKIP_TAIL = re.compile(rf"(?<=[.!?\"”’)])(?:{_SKIP_LINK})+.*$", _I)

SECTION_LABELS = _labels(
    """world | summary | live feed | key events | accessibility links | menu | main menu |
    search | home | homepage | news | latest news | top stories | sections | navigation |
    back to top | go to top | sign in | log in | login | register | politics | business |
    sport | sports | opinion | live | latest | world news | uk news | us news | europe |
    breaking news | more sections | all sections | today's paper | site map"""
)

MENU_WORDS = wordset(
    """home menu news world politics business sport sports tech technology health culture
    opinion weather travel money science entertainment lifestyle video videos live
    donate subscribe search login letters arts books music film style food markets
    economy education environment local national international obituaries obits puzzles
    podcasts photos events jobs crime regions africa europe asia americas"""
)
_MENU_SEPARATOR = re.compile(r"\s+(?:\||>|›|»|·|•)\s+")
_GLUE = re.compile(r"[a-z]{2}[A-Z][a-z]")
_HANDLE = re.compile(r"^[@#]|https?://|www\.|\.(?:com|org|net)\b")
# Capitalised words that open a clause or a link label, seen mid-line after a lowercase word
# with no punctuation between: "Deals to your inbox Virus numbers by state How Biden got ...".
_RESTART = re.compile(
    r"(?<=[a-z0-9]) (?:How|If|Why|What|When|Where|Who|Which|Is|Are|Can|Will|Should|Do|Does|"
    r"Your|Our|Get|See|Watch|Read|Sign|Subscribe|Here's|Here|These|This|Meet|Inside)\b"
)


def _cap_ratio(tokens: Sequence[str]) -> float:
    letters = [t for t in tokens if t[:1].isalpha()]
    if not letters:
        return 0.0
    return sum(1 for t in letters if t[0].isupper()) / len(letters)


# a sentence end followed by a new sentence inside one line: "... last year. The plan ..."
_PROSE_BREAK = re.compile(r"[a-z0-9%)][.!?][\"'”’]? [A-Z]")


def navigation(line: str, ctx: LineContext) -> str | None:
    """Skip links, section labels and menus glued or strung into one line."""
    if _SKIP_LINKS.fullmatch(line):
        return "navigation"
    if line.lower().rstrip(":") in SECTION_LABELS:
        return "navigation"
    if ends_sentence(line) or is_list_item(line):
        return None  # a sentence, or an item of a list in the article
    if len(line) > 200 and len(_PROSE_BREAK.findall(line)) >= 2:
        return None  # running prose cut off mid-sentence (an excerpt), not a menu
    tokens = words(line)
    # "FinancialGovernment SolutionsLegalReuters News AgencyRisk ...": menu items glued
    # (handles, hashtags and links are written glued on purpose and do not count; a name
    # such as "DaimlerChrysler" repeated in a paragraph is one glued word, and glue must be
    # dense: a menu is mostly glued labels)
    glued_words = {t for t in tokens if _GLUE.search(t) and not _HANDLE.search(t)}
    glued = sum(len(_GLUE.findall(t)) for t in glued_words)
    if glued >= 3 and glued * 8 >= len(tokens):
        return "navigation"
    # breadcrumbs and menus: "Home > News > Regions", "World | Africa | Europe", "Business · Tech"
    # (a line that opens with "|" is a row of a table in the article, not a menu)
    items = [i for i in _MENU_SEPARATOR.split(line) if i.strip()]
    if (
        len(items) >= 2
        and not line.startswith("|")
        and _MENU_SEPARATOR.search(line)
        and all(1 <= len(words(i)) <= 3 for i in items)
    ):
        return "navigation"
    # a menu of single section words: "Home World Politics Business Tech Health"
    if (
        len(tokens) >= 4
        and all(t[:1].isupper() for t in tokens)
        and sum(1 for t in tokens if t.lower() in MENU_WORDS) >= 2
    ):
        return "navigation"
    caps = _cap_ratio(tokens)
    # a strip of sentence-case link labels: several clause openers in mid-line (in title case
    # every word is capitalised, so the openers say nothing there)
    if len(tokens) >= 10 and caps <= 0.5 and len(_RESTART.findall(line)) >= 2:
        return "navigation"
    # a long run of capitalised labels: longer than any headline
    if len(tokens) >= 18 and caps >= 0.6:
        return "navigation"
    return None


def glued_navigation(line: str) -> tuple[int, int] | None:
    """The (start, end) of skip links glued to content at the start or end of a line.

    "for her loss.Skip to main content" -> the span of "Skip to main content"; content around
    it stays. Only skip links are trimmed this way: no sentence contains them.
    """
    m = _SKIP_TAIL.search(line)
    if m and m.start() > 0:
        return m.start(), len(line)
    m = _SKIP_HEAD.match(line)
    if m and m.end() < len(line):
        return 0, m.end()
    return None


# ---------------------------------------------------------------------------------------------
# share bars and widgets

SHARE_WORDS = wordset(
    """share shares sharing tweet email e-mail print comment comments adjust facebook
    twitter whatsapp linkedin pinterest reddit messenger flipboard pocket telegram
    tumblr copy link save bookmark this article story page on via sms mail text size
    font listen gift x compartir enviar correo por en partager partagez sur par teilen
    drucken imprimir stampa condividi partilhar"""
)
_SHARE_CORE = wordset(
    """share tweet email e-mail print comment comments adjust facebook twitter whatsapp
    linkedin pinterest reddit messenger flipboard compartir partager partagez teilen
    condividi partilhar"""
)
#: a button label: what lies between spaces, bars, slashes, dots and commas
_SHARE_TOKEN = re.compile(r"[^\s|/·•,]+")
#: more labels than a share bar holds
_MAX_SHARE_TOKENS = 12


def share_bar(line: str, ctx: LineContext) -> str | None:
    """A line made only of share and tool buttons: "Adjust Comment Print", "Share this article".

    Numbers (share counts) are no labels. The labels are read one by one and the first that
    no share bar has ends the look: a paragraph is given up at its first word."""
    labels: list[str] = []
    for match in _SHARE_TOKEN.finditer(line):
        label = match.group().lower().strip(":")
        if not label or label.isdigit():
            continue
        if label not in SHARE_WORDS or len(labels) == _MAX_SHARE_TOKENS:
            return None
        labels.append(label)
    if any(label in _SHARE_CORE for label in labels):
        return "share_bar"
    return None


WIDGET_LABELS = _labels(
    """popular video | trending | trending now | trending stories | most popular | most read |
    most viewed | most shared | watch | video | listen | listen to this article | show more |
    load more | see more | close | open | print this page | click to enlarge |
    enlarge this image | toggle caption | hide caption | view gallery | play video |
    watch video | watch now | top videos | latest videos"""
)

_FONT_WIDGET = re.compile(
    r"^[+\-−–↺AaTt\s]*\d{1,2}\s?px[+\-−–↺AaTt\s]*$|^(?:font|text) size\b.{0,30}$", _I
)
_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:min|mins|minute|minutes)\s+read|(?:reading|read) time:?\s*\d+\s*min\w*)$", _I
)
_LISTEN = re.compile(r"^Listen to (?:this |the )?(?:article|story)\b.{0,20}$", _I)
_READER_PROMPT = re.compile(
    r"^scroll (?:down |up )?(?:to|for) (?:read|see|view|continue)\b.{0,40}$", _I
)
_VIDEO_EMBED = _Guarded(
    re.compile(r"\bWatch in [\w ]{0,20}Video\b|\bWatch (?:the )?video\b.{0,20}»", _I),
    ("watch ",),
)
#: A site's cookie-consent notice: it speaks of itself ("This site uses cookies", "We're using
#: cookies") or asks the reader to accept them. Seen on mashable.com, eastbaytimes.com,
#: philstar.com, news.sina.com.tw and medef.com (htmldate_eval's pages); the
#: boilerplate_pages predate such banners.
_COOKIE_NOTICE = _Guarded(
    re.compile(
        r"\b(?:we(?: and our partners)?|we're|(?:this|our) (?:web ?)?site)"
        r" (?:use|uses|are using|is using|using)(?: of)? (?:\w+ ){0,3}cookies\b"
        r"|\bcookies?\b.{0,120}\b(?:you (?:agree|accept|consent)|you are agreeing|"
        r"by (?:continuing|clicking|using|browsing))"
        r"|\b(?:you (?:agree|accept|consent)|you are agreeing)\b.{0,60}\bcookies\b"
        r"|\b(?:accept|allow|reject|manage) (?:all )?cookies\b",
        _I,
    ),
    ("cookie",),
)
#: Words of a cookie notice at most: one that runs on is an article about cookies.
_COOKIE_WORDS = 50
_TIMESTAMP_START = re.compile(
    r"^\W*(?:\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
)


def widget(line: str, ctx: LineContext) -> str | None:
    """Page widgets: "Popular Video", "Trending", font-size controls, "1 Min Read", "Scroll ...",
    cookie notices."""
    low = line.lower()
    if low in WIDGET_LABELS:
        return "widget"
    if (
        _FONT_WIDGET.match(line)
        or _READING_TIME.match(line)
        or _READER_PROMPT.match(line)
        or _LISTEN.match(line)
    ):
        return "widget"
    if len(words(line)) <= 30 and _VIDEO_EMBED.search(line):
        return "widget"
    if len(words(line)) <= _COOKIE_WORDS and _COOKIE_NOTICE.search(line):
        return "widget"
    # A bare "Updated" label is part of a timestamp only when the time follows it.
    if low in ("updated", "last updated") and not _TIMESTAMP_START.match(ctx.next):
        return "widget"
    return None


# ---------------------------------------------------------------------------------------------
# ads and promotions

AD_LINES = _labels(
    """hide ad | ad | ads | advertisement | advertisements | sponsored | sponsored content |
    commercial break | scroll to continue reading | continue reading below |
    story continues below advertisement | article continues below |
    advertisement - scroll to continue |
    paid content | promoted content | partner content | ad feedback | report this ad |
    sponsored links | sponsored stories | publicidad | anuncio | publicité | anzeige | werbung |
    pubblicità | publicidade | reklama"""
)


def ad(line: str, ctx: LineContext) -> str | None:
    """Ad slots and their labels: "Hide Ad", "Advertisement", "COMMERCIAL BREAK"."""
    return "ad" if line.lower().rstrip(".:") in AD_LINES else None


_PRICE_OFFER = re.compile(
    r"^\$\d+(?:\.\d\d)?\s+(?:for|per|/|a)\s+(?:\d+\s+)?(?:weeks?|months?|years?)\b", _I
)
_PERCENT_OFF = re.compile(r"\b\d+%\s*(?:(?:to|-|–)\s*\d+%\s*)?off\b", _I)
_SHOP_WORDS = re.compile(r"\b(?:sale|shop|products?|order|coupon|code|deals?|discount|store)\b", _I)
_MARKETING = _Guarded(
    re.compile(
        r"\b(?:digital edition|e-edition|our newsletters?|sign up (?:for|to)|"
        r"subscribe (?:to|now|today|for)|"
        r"download (?:our|the) app|get the app|support (?:our|independent) journalism|"
        r"become a (?:member|subscriber)|free trial|unlimited (?:digital )?access|"
        r"follow us on (?:Facebook|Twitter|X|Instagram)|suscr[ií]b[ae]se|suscríbete|abonnez-vous|"
        r"abonnieren sie)\b",
        _I,
    ),
    (
        "digital edition",
        "e-edition",
        "our newsletter",
        "sign up ",
        "subscribe ",
        "download ",
        "get the app",
        "support ",
        "become a ",
        "free trial",
        "unlimited ",
        "follow us on ",
        "suscr",
        "abonnez-vous",
        "abonnieren sie",
    ),
)
_FOLLOW_OUTLET = re.compile(
    r"^Follow .{1,40} on (?:WhatsApp|Twitter|X|Facebook|Instagram|Telegram|Google News|LinkedIn)\b"
)
_BRIEFING = _Guarded(
    re.compile(
        r"\b(?:briefing|newsletter|bulletin|boletín|digest)\b.{0,60}"
        r"\b(?:free|every (?:day|weekday|morning|week)|delivered|inbox)\b"
        r"|\b(?:free|get|receive)\b.{0,40}\b(?:briefing|newsletter|bulletin|boletín)\b",
        _I,
    ),
    ("briefing", "newsletter", "bulletin", "bolet", "digest"),
)


def promo(line: str, ctx: LineContext) -> str | None:
    """Promotions: "<headline> Promo Image", subscription offers, shop sales, newsletter boxes."""
    if line.lower().endswith("promo image") or _PRICE_OFFER.match(line):
        return "promo"
    n = len(words(line))
    if n <= 30 and "%" in line and _PERCENT_OFF.search(line) and _SHOP_WORDS.search(line):
        return "promo"
    if n <= 25 and (
        _MARKETING.search(line) or _FOLLOW_OUTLET.match(line) or _BRIEFING.search(line)
    ):
        return "promo"
    return None


# ---------------------------------------------------------------------------------------------
# teasers and related links

_TEASER_LABEL = re.compile(
    r"^(?:::|»|›)\s*\S"
    r"|^(?:more news|more|read more|read also|also read|see also|related|recommended|watch|listen|"
    r"don't miss|must read|click here|related story|related article|top story|"
    r"lea también|lee también|leer más|vea también|ver también|lire aussi|à lire aussi|"
    r"lesen sie auch|mehr zum thema|leia também|leggi anche)\s*(?::|»|›|\||—|–|-)\s*\S",
    _I,
)
_READ_MORE = re.compile(
    r"^(?:read more|read the (?:full|whole|complete) (?:story|article)|continue reading|full story|"
    r"click here to read more|see more|more)\s*[.…»›:]*$",
    _I,
)
_MEDIA_TEASER = re.compile(
    r"\s[–—-]\s(?:video|videos|audio|podcast|in pictures|gallery|photos)$", _I
)


def teaser(line: str, ctx: LineContext) -> str | None:
    """Links to other articles: ":: ...", "More news: ...", "Read more.", "... – video"."""
    if _TEASER_LABEL.match(line) or _READ_MORE.match(line) or _MEDIA_TEASER.search(line[-40:]):
        return "teaser"
    # A wire story starts at its dateline: a short full sentence between the headline and the
    # dateline lead is a link to another story (bylines and timestamps have no final period).
    at = ctx.page.dateline_at
    if (
        at is not None
        and 0 < ctx.index < at
        and ends_sentence(line)
        and 3 <= len(words(line)) <= 10
    ):
        return "teaser"
    return None


RELATED_LABELS = _labels(
    """related articles | related | related stories | related content | related coverage |
    related news | related links | more on this story | more stories | more from |
    you may also like |
    you might also like | recommended for you | recommended | read next | what to read next |
    more on this topic | further reading"""
)


def related(line: str, ctx: LineContext) -> str | None:
    """The heading of a related-links box: "Related Articles", "You may also like"."""
    return "related" if line.lower().rstrip(":") in RELATED_LABELS else None


#: Headings of link lists (related, most read, trending): the headlines under them are links.
LIST_HEADINGS = RELATED_LABELS | _labels(
    """most read | most popular | most viewed | most shared | trending | trending now |
    trending stories | popular | popular stories | top stories | more stories | more news |
    latest news | latest stories | editor's picks | popular video"""
)


#: How a link list's heading begins when it names its section or its kind ("Most Read in
#: Business", "More from the Gulf", "Related Topics", "Popular Now"): such headings stand over
#: headlines on 328 sites of boilerplate_pages' train and choose pages, twice the 171 sites of
#: the exact labels above, and 3.6% of the headlines under them are article text, as under the
#: exact ones (3.8%).
_LIST_HEADING_START = re.compile(
    r"^(?:related|more (?:from|on|in)|most (?:read|popular|viewed|shared|commented|watched)|"
    r"popular|trending|latest|other news|read also|also read|recommended|top stories|"
    r"editor'?s'? picks?)\b",
    _I,
)
#: A heading that begins so is at most this many words long.
_LIST_HEADING_WORDS = 6
#: Prose lines (`lines.is_prose`) an unnamed heading comes after: under the article's start, not a
#: headline that happens to begin "Popular" or "Latest".
_PROSE_BEFORE_HEADING = 1


def list_heading(line: str) -> bool:
    """Does `line` head a list of links: a known heading, or a short unpunctuated line that
    begins like one ("Most Read in Asia", "More from Gulf", "Related Posts")?"""
    text = line.strip()
    if text.lower().rstrip(":") in LIST_HEADINGS:
        return True
    return (
        len(words(text)) <= _LIST_HEADING_WORDS
        and not ends_sentence(text)
        and _LIST_HEADING_START.match(text) is not None
    )


def related_items(lines: Sequence[str], reasons: Sequence[str | None]) -> list[int]:
    """Indices of the link titles listed under a related-links or most-read heading, and of
    a heading no rule named once a headline follows it.

    Works on the whole page: a headline-like line is a link only because of the heading above
    it (the list ends at the first line that is not a headline, e.g. a sentence). A heading no
    other rule fired on counts below the article's first prose line only.
    """
    out = []
    in_list = False
    prose = 0
    pending: int | None = None  # an unnamed heading, listed when a headline follows it
    for i, (line, reason) in enumerate(zip(lines, reasons, strict=True)):
        unnamed = reason is None and prose >= _PROSE_BEFORE_HEADING and list_heading(line)
        if reason is not None or unnamed:
            if reason == "related" or unnamed or list_heading(line):
                in_list = True
                pending = i if unnamed else None
            continue
        if in_list and looks_like_headline(line):
            if pending is not None:
                out.append(pending)
                pending = None
            out.append(i)
        else:
            in_list = False
            pending = None
        prose += is_prose(line)
    return out


# ---------------------------------------------------------------------------------------------
# captions and photo credits

_AGENCY = (
    r"(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty Images|Getty|Bloomberg|UPI|Xinhua|PA|dpa|ANP|"
    r"Anadolu|TASS|Sputnik|Shutterstock|Pool|Handout|Flickr)"
)
_CAPTION_MARKER = re.compile(
    r"^(?:story\.lead_photo\.caption|Camera Icon|Image caption|Media caption|Photo caption|"
    r"Caption:|"
    r"FILE\s*[-–—]|FILE PHOTO\b|In this (?:\w+ )?(?:file )?photo\b)",
)
_CAPTION_MARKER_PREFIX = re.compile(
    r"^(?:story\.lead_photo\.caption|Camera Icon|Image caption|Media caption|Photo caption|"
    r"Caption:)\s*"
)
_PHOTO_CREDIT_PAREN = re.compile(
    rf"\((?:{_AGENCY} )?Photo(?:graph)?s?\s*[/:]"  # (AP Photo/Evan Vucci)
    # (Sergey Guneev/Sputnik via AP)
    rf"|\([^()]{{0,80}}(?:/|\bvia\b)[^()]{{0,80}}\b{_AGENCY}\b[^()]{{0,20}}\)\s*$"
    rf"|\((?:[A-Z][\w.'’-]*\s+){{1,4}}[A-Z][\w.'’-]*,\s*{_AGENCY}\)\s*$"  # (Manu Fernandez, AP)
    rf"|\b{_AGENCY} Photo/\S"
)
_PHOTO_BY = re.compile(r"\bPhoto(?:graph)?s?\s*(?:by|:|/|©)\s*[A-Z]")
# a credit label after the caption sentence, or opening the line: "... in Geneva. Image: X/Y"
_CREDIT_IN_CAPTION = re.compile(
    r"(?:^|[.!?]\s+)(?:Photo(?:graph)?s?|Images?|Pictures?|Credit|Foto|Bild)\s*:\s*\S"
)
_GLUED_CREDIT = re.compile(rf"[a-z]{_AGENCY}\s*$")
# AP caption style: ", Friday, Oct. 27, 2017" (a weekday set off by commas, then a full date).
_CAPTION_DATE = re.compile(
    r",\s(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},\s\d{4}\b"
)
_ROLE = re.compile(
    r"\b(?:President|Minister|Chancellor|Secretary|Senator|Sen\.|Leader|King|Queen|Prince|"
    r"Governor|Mayor|Ambassador|Chairman|Chairwoman|CEO|Pope|General|Premier|Spokesman|"
    r"Spokeswoman|Director|Commissioner)\b"
)


#: Longer lines are paragraphs, not captions.
MAX_CAPTION_WORDS = 80


def caption_text(line: str) -> str:
    """The caption itself, without caption markup or a doubled copy (for matching repeats)."""
    text = _CAPTION_MARKER_PREFIX.sub("", line.strip())
    if is_glued_double(text):
        text = text[: len(text) // 2]
    return text.strip()


def caption(line: str, ctx: LineContext) -> str | None:
    """Image and video captions: caption markup, a photo credit, the AP caption date style,
    a caption printed twice glued, a picture's name label."""
    if _CAPTION_MARKER.match(line):
        return "caption"
    n = len(words(line))
    if n > MAX_CAPTION_WORDS:
        return None
    # each search only where the characters it needs are in the line (a cheap test first)
    if (
        (("(" in line or "Photo/" in line) and _PHOTO_CREDIT_PAREN.search(line))
        or ("Photo" in line and _PHOTO_BY.search(line))
        or _GLUED_CREDIT.search(line[-40:])
        or (":" in line and _CREDIT_IN_CAPTION.search(line))
    ):
        return "caption"
    if n >= 8 and "day," in line and _CAPTION_DATE.search(line):
        return "caption"
    # alt text and caption glued ("X.X."): one such line is a caption; a page where many lines
    # are doubled is a version-diff page, and there the doubles are the article.
    if ctx.page.glued_doubles == 1 and is_glued_double(line) and ends_sentence(line):
        return "caption"
    # a picture's label inside the body: a role and a name, nothing else
    # ("Spanish Prime Minister Mariano Rajoy")
    if (
        2 <= n <= 7
        and not ctx.is_first
        and not ctx.is_last
        and not ends_sentence(line)
        and all(w[:1].isupper() for w in words(line))
        and _ROLE.search(line)
        and ends_sentence(ctx.prev)
        and ends_sentence(ctx.next)
    ):
        return "caption"
    return None


_CREDIT_SOURCES = re.compile(
    r"\b(?:Flickr|Wikimedia|Wikipedia|Getty|Shutterstock|CC BY|CC-BY|Creative Commons|iStock|"
    r"Unsplash|Pixabay|AP|AFP|Reuters|REUTERS|EPA|Pool|Handout)\b"
)
_CREDIT_LABEL = re.compile(
    r"^(?:Image|Images|Picture|Pictures|Photo|Photos|Credit|Photo credit|Image credit|Video)"
    r"\s*:\s*\S"
)


_SENTENCE_INSIDE = re.compile(r"[a-z][.!?]\s+[A-Z(]")


def photo_credit(line: str, ctx: LineContext) -> str | None:
    """A line that only credits a picture: "Image: REUTERS/...", "Name/CC BY-SA 2.0/Flickr"."""
    if _CREDIT_LABEL.match(line) and len(words(line)) <= 15:
        return "photo_credit"
    if (
        len(words(line)) <= 10
        and "/" in line
        and not ends_sentence(line)
        and not _SENTENCE_INSIDE.search(line)
        and not _HANDLE.search(line)
        and _CREDIT_SOURCES.search(line)
    ):
        return "photo_credit"
    return None


# ---------------------------------------------------------------------------------------------
# the page's own title, repeated with the site name

_SITE_SUFFIX = re.compile(r"^\s*(?:[,|–—:-]\s*|\s+)\S")


def page_title(line: str, ctx: LineContext) -> str | None:
    """The page's <title>: a headline of the page followed by the site name or section.

    "Riot police fire rubber bullets ..., Latest World News - The New Paper", printed beside the
    headline itself.
    """
    if ctx.index >= 12 or len(words(line)) > 40:
        return None
    for i, other in enumerate(ctx.page.lines[:10]):
        if i == ctx.index or len(words(other)) < 4 or not line.startswith(other) or other == line:
            continue
        rest = line[len(other) :]
        if _SITE_SUFFIX.match(rest) and len(words(rest)) <= 8 and not ends_sentence(other):
            return "page_title"
    return None


# ---------------------------------------------------------------------------------------------
# notices, forms, legal lines

_ARCHIVE = re.compile(
    r"^This (?:article|story|content|page|piece) is (?:more than|over) "
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?|weeks?|days?) "
    r"old\.?$"
    r"|^This (?:article|story) was (?:first |originally )?published (?:more than|over) "
    r".{1,30} ago\.?$"
    r"|^(?:From the archives?|Archived (?:article|story))\b",
    _I,
)


def archive_notice(line: str, ctx: LineContext) -> str | None:
    """Archive banners: "This article is more than 6 years old"."""
    return "archive_notice" if _ARCHIVE.match(line) else None


_VERSION = _Guarded(
    re.compile(
        r"^Version \d+(?:\s+Version \d+)*$"
        r"|^\(\d+ (?:seconds?|minutes?|hours?|days?|weeks?) later\)$"
        r"|\bThe article has changed \d+ times?\b"
        r"|\bRSS feed of changes\b"
        r"|\bwas first published or seen on\b"
        r"|^This article is from the source\b"
        r"|^You can find the current article at its original source\b",
        _I,
    ),
    (
        "version ",
        "(",
        "the article has changed",
        "rss feed of changes",
        "was first published or seen on",
        "this article is from the source",
        "you can find the current article",
    ),
)


def version_tracking(line: str, ctx: LineContext) -> str | None:
    """The notices of a page that tracks versions of another site's article."""
    if len(words(line)) <= 40 and _VERSION.search(line):
        return "version_tracking"
    return None


COMMENT_LINES = _labels(
    """leave a reply | leave a comment | post a comment | add a comment | add comment | comments |
    cancel reply | join the conversation | show comments | view comments | log in to comment |
    required fields are marked * | be the first to comment"""
)
_COMMENT = _Guarded(
    re.compile(
        r"^(?:Please enter your (?:comment|name|email)|You have entered an incorrect email|"
        r"Your email address will not be published|Save my name, email|"
        r"Comments? \(\d+\)$|\d+ comments?$|"
        r"Have your say\b|Join the (?:conversation|discussion)\b|"
        r"Comment on this (?:story|article)\b)"
        r"|\bcomments? (?:are|is|have been) (?:now )?(?:closed|moderated|disabled|turned off)\b"
        r"|\b(?:logged in|log in|sign in|signed in|create an account|register)\b.{0,30}"
        r"\b(?:post a comment|to comment|join the (?:discussion|conversation))\b",
        _I,
    ),
    (
        "comment",
        "please enter your",
        "you have entered",
        "your email address",
        "save my name",
        "have your say",
        "join the",
    ),
)


def comment_form(line: str, ctx: LineContext) -> str | None:
    """Comment forms: "Leave A Reply", "Please enter your comment!"."""
    if line.lower().rstrip("!.:") in COMMENT_LINES:
        return "comment_form"
    if len(words(line)) <= 25 and _COMMENT.search(line):
        return "comment_form"
    return None


_COPYRIGHT = _Guarded(
    re.compile(
        r"^[(\[]?\s*(?:©|\(c\)|Copyright\b)|\bAll rights reserved\b|"
        r"\bmay not be (?:published|reproduced), broadcast, rewritten,? or redistributed\b",
        _I,
    ),
    ("©", "(c)", "copyright", "all rights reserved", "may not be"),
)


def copyright_line(line: str, ctx: LineContext) -> str | None:
    """Copyright and rights lines: "(Copyright 2017 ... All rights reserved ...)", "© name"."""
    if len(words(line)) <= 40 and _COPYRIGHT.search(line):
        return "copyright"
    return None


_CREDITS_LINE = re.compile(
    r"^Sources?\s*:\s*\S|\b(?:Featured|Embedded|Header|Top|Cover|Lead) Images?\s*:", _I
)


def credits_line(line: str, ctx: LineContext) -> str | None:
    """A credits block: "Sources: ... / Featured Image: ..." (its names are parsed as credits)."""
    if len(words(line)) <= 60 and ":" in line and _CREDITS_LINE.search(line):
        return "credits"
    return None


_KEYWORDS = re.compile(r"^(?:Tags|Topics|Keywords|Filed under|Categories|Tagged(?: with)?)\s*:", _I)


def keyword_list(line: str, ctx: LineContext) -> str | None:
    """Tag and keyword lists: "Tags: Brexit, EU, Theresa May"."""
    return "keyword_list" if _KEYWORDS.match(line) else None


PLACEHOLDERS = _labels(
    """image placeholder title | content goes here | placeholder | image | insert caption here |
    title goes here | caption goes here | undefined | null | nan | loading | loading... |
    [object object]"""
)


def placeholder(line: str, ctx: LineContext) -> str | None:
    """CMS placeholders left in the page: "Image placeholder title", "Content Goes Here"."""
    low = line.lower()
    return "placeholder" if low in PLACEHOLDERS or low.startswith("lorem ipsum") else None


def stray(line: str, ctx: LineContext) -> str | None:
    """Stray characters: a line with no letters ("|", "•"), or a lone short number ("502")."""
    if not any(c.isalnum() for c in line):
        return "stray"
    if line.isdigit() and len(line) <= 3:
        return "stray"
    return None


#: each cue with the words (case aside) it cannot match without
_BIO_CUES = (
    _Guarded(re.compile(r"\b(?:lover|fan|enthusiast|addict|devotee|junkie) of\b", _I), (" of",)),
    _Guarded(
        re.compile(r"\b(?:student|graduate|alumn(?:us|a|i))\b", _I),
        ("student", "graduate", "alumn"),
    ),
    _Guarded(
        re.compile(
            r"^(?:[A-Z][a-z]+ )?"
            r"(?:Editor|Writer|Reporter|Journalist|Correspondent|Contributor|Columnist)\b"
        )
    ),
    _Guarded(
        re.compile(
            r"\bis an? (?:freelance |staff |senior |contributing )?"
            r"(?:writer|journalist|reporter|editor|"
            r"correspondent|contributor|columnist)\b",
            _I,
        ),
        ("is a",),
    ),
    _Guarded(re.compile(r"\b(?:He|She|They) (?:lives|writes about|covers)\b")),
)
_FOLLOW = _Guarded(
    re.compile(r"\bFollow (?:him|her|them) on (?:Twitter|X|Instagram|Facebook)\b", _I),
    ("follow ",),
)


def author_bio(line: str, ctx: LineContext) -> str | None:
    """An author's bio: two or more self-description cues, or a "Follow her on Twitter"."""
    if len(words(line)) <= 30 and _FOLLOW.search(line):
        return "author_bio"
    if len(words(line)) <= 50:
        hits = 0
        for i, cue in enumerate(_BIO_CUES):
            if hits + len(_BIO_CUES) - i < 2:
                break  # the cues left cannot make two
            if cue.search(line):
                hits += 1
                if hits == 2:
                    return "author_bio"
    return None


#: The classifiers in the order they are tried (specific kinds before broad ones).
CLASSIFIERS: tuple[Classifier, ...] = (
    stray,
    placeholder,
    ad,
    share_bar,
    widget,
    related,
    comment_form,
    copyright_line,
    credits_line,
    archive_notice,
    version_tracking,
    keyword_list,
    promo,
    teaser,
    photo_credit,
    caption,
    page_title,
    author_bio,
    navigation,
)


def classify(line: str, ctx: LineContext) -> str | None:
    """The reason `line` is boilerplate, or None when it is content."""
    text = line.strip()
    if not text:
        return None
    for classifier in CLASSIFIERS:
        reason = classifier(text, ctx)
        if reason is not None:
            return reason
    return None


def rule_reasons(lines: Sequence[str]) -> list[str | None]:
    """The hand rules' reason for every line of a page (the old first-match decision).

    They are cues of the line model now, not the decision: a caption printed again is a
    caption, headlines under a related-links heading are related links.
    """
    page = Page(tuple(line.strip() for line in lines))
    reasons = [classify(line, LineContext(page, i)) for i, line in enumerate(lines)]
    captions = {
        caption_text(line) for line, r in zip(lines, reasons, strict=True) if r == "caption"
    }
    captions.discard("")
    for i, line in enumerate(lines):
        if reasons[i] is None and line.strip() in captions:
            reasons[i] = "caption"
    for i in related_items(lines, reasons):
        reasons[i] = "related"
    return reasons
