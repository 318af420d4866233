"""A dictionary coder for comparison: the CAMEO 2.0 verb dictionary on lemmatised sentences.

`newsloom eval` prints this coder's root-code figures beside newsloom's, measured in the same
run on the same parse. It is the classic way of CAMEO coding (TABARI, PETRARCH): a large
hand-made dictionary of verbs, each in a block of synonyms with a default code, and of verb
patterns ("- * SANCTIONS [163]": the verb followed by "sanctions"). The dictionary is read at
eval time from the data folder (`CAMEO.2.0.txt`, by path: it is reference data, never part of
newsloom) and applied in the simplest faithful way:

* a verb of a sentence (a token tagged VERB) is in the dictionary when its lemma, or its
  form for the irregular forms the dictionary lists, is a verb entry; a phrasal entry
  ("+CALL_OFF") also needs its other words beside the verb;
* its code is the code of its most specific matching pattern (most words; the file's order
  breaks ties), else its own default (the entry's code, else its block's). A pattern matches
  when its words after the `*` appear in that order in the verb's subtree after the verb,
  and its words before the `*` in the sentence before the verb. Synonym sets (`&FOOD`) stand
  for any of their members, `{...}` for adjacent words, and the actor slots (`$`, `+`, `^`,
  `%`) for nothing; a dictionary word matches a token's form or lemma, or its own singular;
* a sentence's events are its coded verbs in sentence order; a statement (root 01, "said")
  gives way when the sentence codes anything else. The first event is the sentence's answer.

The verb-lemma table (`table=True`, printed as "verb-lemma table") is the trivial peer: each
verb's own default code in the same dictionary, without patterns or phrasal verbs.

The coder finds no actors: it answers "which event", the part of a triple that a dictionary
decides. A code written "[042:043]" (the actor's and the target's codes) counts as its first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from newsloom.analyse.parse import Parse
from newsloom.analyse.verbdict import Dictionary, Pattern, Term, VerbEntry, same_word
from newsloom.article import Article, Event
from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import GoldSet

__all__ = [
    "DICTIONARY_FILE",
    "SYSTEM",
    "TABLE_SYSTEM",
    "Dictionary",
    "Pattern",
    "VerbEntry",
    "code_sentences",
    "default_dictionary_path",
    "load_dictionary",
    "parse_dictionary",
    "score_dictionary_events",
]

#: the name the comparison goes by in printed figures
SYSTEM = "CAMEO 2.0 dictionary"
#: the simplest peer: each verb lemma's default code in the same dictionary, no patterns
TABLE_SYSTEM = "verb-lemma table"
DICTIONARY_FILE = "CAMEO.2.0.txt"

_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_SLOTS = frozenset({"$", "+", "^", "%", "|"})


def _code(text: str) -> str | None:
    """The code inside a dictionary's brackets: "111" -> "111", "042:043" -> "042" (the
    actor's), ":173" -> "173", "---" -> None."""
    for part in text.split(":"):
        part = part.strip()
        if re.fullmatch(r"\d{2,4}", part):
            return part
    return None


def _word(text: str) -> str:
    return text.strip("_").replace("_", " ").lower()


def _terms(text: str, synsets: dict[str, Term]) -> tuple[Term, ...]:
    """The terms of one side of a pattern: words, {adjacent words} and &synsets.

    Parentheses (a prepositional phrase) only group words, which then match in order; a
    synset inside braces stands for its shortest member.
    """
    out: list[Term] = []
    for m in re.finditer(r"\{([^}]*)\}|(\S+)", text.replace("(", " ").replace(")", " ")):
        if m.group(1) is not None:
            words: list[str] = []
            for w in m.group(1).split():
                if w.startswith("&"):
                    words.extend(min(synsets.get(w.upper(), ((w[1:].lower(),),)), key=len))
                elif w not in _SLOTS:
                    words.extend(_word(w).split())
            if words:
                out.append((tuple(words),))
            continue
        w = m.group(2)
        if w in _SLOTS or not w.strip("_"):
            continue
        if w.startswith("&"):
            out.append(synsets.get(w.upper(), ((w[1:].lower(),),)))
        else:
            out.append((tuple(_word(w).split()),))
    return tuple(out)


def _pattern(line: str, synsets: dict[str, Term]) -> Pattern | None:
    """A pattern line ("- * AID [070]  # comment"), or None when it has no code."""
    body = line[1:].split("#", 1)[0]
    m = _CODE.search(body)
    code = _code(m.group(1)) if m else None
    if m is None or code is None or "*" not in body:
        return None
    before, _, after = body[: m.start()].partition("*")
    return Pattern(_terms(before, synsets), _terms(after, synsets), code)


def _entry_words(text: str) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """(words before, verb, words after) of an entry such as "+ASK_FOR" or "KLM_NOP_+RST"."""
    parts = [p for p in text.split("_") if p]
    if not parts:
        return None
    marked = [k for k, p in enumerate(parts) if p.startswith("+")]
    k = marked[0] if marked else 0
    words = [p.lstrip("+").lower() for p in parts]
    if not words[k].replace("-", "").isalpha():
        return None
    return tuple(words[:k]), words[k], tuple(words[k + 1 :])


def parse_dictionary(text: str) -> Dictionary:
    """Read a CAMEO verb dictionary in the PETRARCH format."""
    synsets: dict[str, Term] = {}
    blocks: list[tuple[str, str | None, list[str], list[str]]] = []  # name, code, verbs, patterns
    current: str | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("~"):
            continue
        if line.startswith("&"):
            current = line.split()[0].upper()
            synsets[current] = ()
            continue
        m = _BLOCK.match(line)
        if m:
            current = None
            blocks.append((m.group(1).upper(), _code(m.group(2)), [], []))
            continue
        if current is not None and line.startswith("+"):
            member = tuple(_word(line[1:].split("#", 1)[0]).split())
            if member:
                synsets[current] = (*synsets[current], member)
            continue
        if not blocks:
            continue
        (blocks[-1][3] if line.startswith("-") else blocks[-1][2]).append(line)
    listings: dict[str, list[_Listing]] = {}
    forms: dict[str, str] = {}
    for name, block_code, verbs, lines in blocks:
        patterns = tuple(p for p in (_pattern(ln, synsets) for ln in lines) if p is not None)
        for line in verbs:
            entry = line.split("#", 1)[0]
            m = _CODE.search(entry)
            fm = _FORMS.search(entry)
            head = _FORMS.sub(" ", _CODE.sub(" ", entry)).split()
            words = _entry_words(head[0]) if head else None
            if words is None:
                continue
            before, lemma, after = words
            own = (_code(m.group(1)),) if m else ()
            listings.setdefault(lemma, []).append(
                _Listing(before, after, own, name, block_code, patterns)
            )
            for form in fm.group(1).split() if fm else ():
                parsed = _entry_words(form)
                if parsed is not None and not parsed[0] and not parsed[2]:
                    forms[parsed[1]] = lemma
    verbs = {lemma: _merged(lemma, found) for lemma, found in listings.items()}
    return Dictionary(verbs, forms)


@dataclass(frozen=True, slots=True)
class _Listing:
    """One line of a verb in a block: `own` holds the line's own code (None for "[---]")
    when it has one."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    own: tuple[str | None, ...]
    block: str
    block_code: str | None
    patterns: tuple[Pattern, ...]


def _merged(lemma: str, listings: list[_Listing]) -> tuple[VerbEntry, ...]:
    """One entry per phrasal shape. A verb listed in several blocks has all their patterns;
    its default code is a code written on its own line, else the code of the block named
    after it, else of the first block that lists it ("ADD" is also listed under GRANT [060],
    but its own block ADD has no default)."""
    shapes: dict[tuple[tuple[str, ...], tuple[str, ...]], list[_Listing]] = {}
    for x in listings:
        shapes.setdefault((x.before, x.after), []).append(x)
    out = []
    for (before, after), group in shapes.items():
        own = [x.own[0] for x in group if x.own]
        name = "_".join((*before, lemma, *after)).upper()
        named = [x.block_code for x in group if x.block == name]
        code = own[0] if own else named[0] if named else group[0].block_code
        patterns = tuple(p for x in group for p in x.patterns)
        out.append(VerbEntry(lemma, code, patterns, before, after))
    # a phrasal entry ("ask for") is tried before the plain verb
    return tuple(sorted(out, key=lambda e: -len(e.before) - len(e.after)))


def default_dictionary_path() -> Path:
    """$NEWSLOOM_SHARED/data/cameo_dictionaries/CAMEO.2.0.txt (default: the repo's sibling
    `shared`)."""
    shared = os.environ.get("NEWSLOOM_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parents[3].parent / "shared"
    return base / "data" / "cameo_dictionaries" / DICTIONARY_FILE


@lru_cache(maxsize=4)
def load_dictionary(path: Path) -> Dictionary:
    """The dictionary at `path`, read once per process."""
    return parse_dictionary(path.read_text(encoding="utf-8", errors="replace"))


def _find(term: Term, parse: Parse, lo: int, hi: int) -> int | None:
    """The index after the first run of tokens in [lo, hi) that matches `term`, or None."""
    best = None
    for alt in term:
        n = len(alt)
        for k in range(lo, hi - n + 1):
            if all(same_word(alt[j], parse, k + j) for j in range(n)):
                if best is None or k + n < best:
                    best = k + n
                break
    return best


def _matches(terms: tuple[Term, ...], parse: Parse, lo: int, hi: int) -> bool:
    for term in terms:
        at = _find(term, parse, lo, hi)
        if at is None:
            return False
        lo = at
    return True


def _near(words: tuple[str, ...], parse: Parse, lo: int, hi: int) -> bool:
    """The words of a phrasal verb, in order, within [lo, hi)."""
    return not words or _find((words,), parse, lo, hi) is not None


def _verb_code(dic: Dictionary, parse: Parse, i: int, first: int) -> str | None:
    """The code of verb token `i`: its most specific matching pattern, else its default.

    Of a verb's entries, the first whose phrasal words stand beside it is the one used
    ("broke down" is BREAK_DOWN, not BREAK).
    """
    tok = parse.tokens[i]
    for entry in dic.entries(tok.lemma, tok.lower):
        if not _near(entry.after, parse, i + 1, min(i + 4, len(parse.tokens))):
            continue
        if not _near(entry.before, parse, max(first, i - 3), i):
            continue
        best: tuple[int, str] | None = None
        for p in entry.patterns:
            if best is not None and p.size <= best[0]:
                continue
            if _matches(p.after, parse, i + 1, tok.right + 1) and _matches(
                p.before, parse, first, i
            ):
                best = (p.size, p.code)
        return best[1] if best is not None else entry.code
    return None


def _lemma_code(dic: Dictionary, parse: Parse, i: int, first: int) -> str | None:
    """The verb-lemma table: the default code of the verb's plain entry, nothing else."""
    tok = parse.tokens[i]
    for entry in dic.entries(tok.lemma, tok.lower):
        if not entry.before and not entry.after:
            return entry.code
    return None


def code_sentences(
    dic: Dictionary, parse: Parse, *, table: bool = False
) -> list[list[tuple[int, str]]]:
    """For each sentence of `parse`: its (verb token, code) events in sentence order.
    `table`: the verb-lemma table (each verb's default code, no patterns, no phrasal verbs)."""
    coder = _lemma_code if table else _verb_code
    out = []
    for first, stop in parse.sents:
        found = []
        for i in range(first, stop):
            if parse.tokens[i].pos == "VERB":
                code = coder(dic, parse, i, first)
                if code is not None:
                    found.append((i, code))
        if any(code[:2] != "01" for _, code in found):
            found = [(i, code) for i, code in found if code[:2] != "01"]
        out.append(found)
    return out


def dictionary_events(dic: Dictionary, parse: Parse, *, table: bool = False) -> tuple[Event, ...]:
    """The coder's events of one parsed text, as `Event`s without actors."""
    events = []
    coded = code_sentences(dic, parse, table=table)
    for (first, stop), found in zip(parse.sents, coded, strict=True):
        if stop <= first:
            continue
        start, end = parse.tokens[first].start, parse.tokens[stop - 1].end
        sentence = parse.text[start:end]
        events.extend(Event(sentence, start, None, None, code) for _, code in found)
    return tuple(events)


def dictionary_answers(
    dic: Dictionary, parses: Iterable[Parse | None], *, table: bool = False
) -> list[str | None]:
    """The code of each one-sentence record: the first event of the text, or None."""
    out: list[str | None] = []
    for parse in parses:
        codes = [c for s in code_sentences(dic, parse, table=table) for _, c in s] if parse else []
        out.append(codes[0] if codes else None)
    return out


def score_dictionary_events(
    gold: GoldSet, articles: dict[str, Article], *, path: Path | None = None
) -> list[Figure]:
    """Root-code recall and precision of the dictionary coder on a gold set's events, in the
    conventions of `score_events`, beside newsloom's. Nothing when the dictionary is absent."""
    from newsloom.evaluation.events import score_events

    path = path or default_dictionary_path()
    if not path.is_file() or not gold.rows.get("events"):
        return []
    dic = load_dictionary(path)
    out = []
    for table, system in ((False, SYSTEM), (True, TABLE_SYSTEM)):
        coded = {
            aid: replace(a, events=dictionary_events(dic, a.parse, table=table))
            for aid, a in articles.items()
            if a.parse is not None
        }
        out += [
            replace(f, system=system, floor=None)
            for f in score_events(gold, coded)
            if f.name.startswith("root-code")
        ]
    return out
