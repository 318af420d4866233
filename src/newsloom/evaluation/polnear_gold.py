"""Reading PolNeAR (../shared/data/polnear): articles and their attributions (brat standoff).

Each split folder (`train/`, `dev/`) holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`.
An article annotated twice has two files; the first by name is read, so that each article
counts once. An attribution ties a `Source`, a `Cue` and a `Content` (each possibly missing,
each possibly in several discontinuous ranges) together.

From the attributions this module derives what the quote scorers compare:

* a gold direct quote is a stretch between quotation marks, inside the content of an
  attribution (the innermost when attributions nest), of at least `MIN_WORDS` words; its
  speaker is that attribution's source. A quoted stretch no attribution covers (a title, a
  scare quote) is no gold quote;
* a gold reported statement is an attribution whose content is mostly outside quotation marks.

A source is scored as a speaker when it names someone or describes a person the reader can
name ("Trump", "the Republican nominee", "Clinton's campaign manager"); a pronoun ("he"),
an anonymous source ("a source", "officials") or a missing one is not scored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsloom.analyse.lexicon import ANONYMOUS_NOUNS, PRONOUN_GENDER, ROLE_WORDS, words

__all__ = [
    "GoldAttribution",
    "PolnearArticle",
    "is_polnear_dir",
    "load_annotations",
    "load_polnear",
    "quoted_stretches",
    "scored_source",
]

#: double quotation marks, of either direction: curly, straight, and doubled single marks
#: (the New York Times' ''...'')
_MARK = re.compile(r"“|”|\"|''|``|‘‘|’’|„")
_PRONOUNS = frozenset(PRONOUN_GENDER) | words(
    "i we you they it he she his her their its our my me him them us this that who which"
)
_DETERMINERS = words("the a an another some several many one two three other both")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    source_text: str
    cue_text: str

    @property
    def content_span(self) -> tuple[int, int] | None:
        if not self.content:
            return None
        return min(a for a, _ in self.content), max(b for _, b in self.content)


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    name: str
    text: str
    publisher: str
    attributions: tuple[GoldAttribution, ...]


def is_polnear_dir(path: Path) -> bool:
    """A PolNeAR folder: `metadata.tsv` beside split folders of `text/` and `attributions/`."""
    return (path / "metadata.tsv").is_file() and any(
        (path / split / "attributions").is_dir() for split in ("train", "dev")
    )


def _ranges(field: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def _read_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = (kind, _ranges(where))
        elif parts[0].startswith("E"):
            roles = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles[role.rstrip("0123456789")] = ref
            events.append(roles)
    out = []

    def part(roles: dict[str, str], role: str) -> tuple[tuple[int, int], ...]:
        ref = roles.get(role)
        return spans[ref][1] if ref in spans else ()

    for roles in events:
        source, cue = part(roles, "Source"), part(roles, "Cue")
        out.append(
            GoldAttribution(
                source,
                cue,
                part(roles, "Content"),
                " ".join(text[a:b] for a, b in source),
                " ".join(text[a:b] for a, b in cue),
            )
        )
    return tuple(out)


def load_polnear(path: str | Path, split: str = "dev") -> list[PolnearArticle]:
    """The articles of one split, each with the attributions of its first annotation file."""
    root = Path(path)
    publishers = {}
    for line in (root / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 4:
            publishers[cols[1]] = cols[4]
    folder = root / split
    anns: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for txt in sorted((folder / "text").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        ann = anns.get(txt.stem)
        attributions = _read_ann(ann, text) if ann else ()
        articles.append(PolnearArticle(txt.stem, text, publishers.get(txt.stem, ""), attributions))
    return articles


def load_annotations(
    path: str | Path, split: str = "train"
) -> dict[str, dict[str, PolnearArticle]]:
    """Every annotator's reading of the articles annotated more than once (16 of train, 2 of
    dev, each by five or six annotators): article name -> annotator id (the file name's last
    part) -> the article with that annotator's attributions. How far annotators agree is the
    ceiling any reader of attributions is measured against."""
    folder = Path(path) / split
    files: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        files.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    out: dict[str, dict[str, PolnearArticle]] = {}
    for name, anns in files.items():
        if len(anns) < 2:
            continue
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = {
            ann.stem.rsplit("_", 1)[1]: PolnearArticle(name, text, "", _read_ann(ann, text))
            for ann in anns
        }
    return out


def quoted_stretches(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the words between double quotation marks in text[start:end].

    Marks pair in order whatever their direction (texts mix them up: ”...”); a mark left
    open at a line break, or at the end, runs to that line's end (a quote that goes on in
    the next paragraph opens again there).
    """
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARK.finditer(text, max(start - 2, 0), min(stop + 2, len(text))):
        if opened is None:
            opened = m.end()
            continue
        brk = text.find("\n", opened, m.start())
        if brk >= 0:
            out.append((opened, brk))
            opened = m.end()
        else:
            out.append((opened, m.start()))
            opened = None
    if opened is not None:
        brk = text.find("\n", opened, stop)
        out.append((opened, stop if brk < 0 else brk))
    return [(a, b) for a, b in out if text[a:b].strip()]


def scored_source(source: str) -> bool:
    """The source names someone or describes a nameable person (see the module docstring)."""
    toks = source.replace("’", "'").split()
    if not toks:
        return False
    lower = [t.lower().strip(".,'s") for t in toks]
    if len(toks) == 1 and lower[0] in _PRONOUNS:
        return False
    head = lower[-1]
    if head in ANONYMOUS_NOUNS or head.rstrip("s") in ANONYMOUS_NOUNS:
        return False
    named = any(t[:1].isupper() for t in toks[1:]) or (
        toks[0][:1].isupper() and lower[0] not in _DETERMINERS | _PRONOUNS
    )
    described = lower[0] in ("the", "his", "her", "their") and (
        head in ROLE_WORDS or head.rstrip("s") in ROLE_WORDS
    )
    return named or described
