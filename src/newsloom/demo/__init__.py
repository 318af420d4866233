"""newsloom's bundled demo corpus: 30 invented news articles in six stories, as scraped.

The corpus ships inside the package (see `corpus/README.md` for what each file shows), so
`newsloom` can demonstrate the whole flow without network access or downloaded data. Its gold
annotations, in the format of the dev set, are in `corpus/gold/`; that directory is not input.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["INPUT_SUFFIXES", "corpus_path", "gold_path", "input_files"]

#: file name endings of the corpus's input files (the rest is documentation and gold)
INPUT_SUFFIXES = (".txt", ".html", ".jsonl", ".warc.gz")


def _copy_tree(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for child in source.iterdir():
        if child.is_dir():
            _copy_tree(child, target / child.name)
        else:
            (target / child.name).write_bytes(child.read_bytes())


@functools.cache
def corpus_path() -> Path:
    """The directory of the demo corpus.

    From a normal install or a source checkout this is the package directory itself. When the
    package is imported from a zip archive, the corpus is copied once per process to a temporary
    directory, because the readers need real files.
    """
    resource = files(__name__) / "corpus"
    if isinstance(resource, Path):
        return resource
    target = Path(tempfile.mkdtemp(prefix="newsloom-demo-")) / "corpus"
    try:
        _copy_tree(resource, target)
    except BaseException:
        shutil.rmtree(target.parent, ignore_errors=True)
        raise
    return target


def gold_path() -> Path:
    """The demo's gold directory: articles, boilerplate, quotes, dates, duplicates, stories."""
    return corpus_path() / "gold"


def input_files() -> list[Path]:
    """Every input file of the corpus, sorted: the story folders, `feed.jsonl` and the WARC.

    The gold directory is left out: its `articles.jsonl` has `text` rows that are not news input.
    """
    root = corpus_path()
    gold = gold_path()
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and path.name.endswith(INPUT_SUFFIXES) and gold not in path.parents
    )
