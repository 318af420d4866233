"""newsloom: raw news in, stories a reader can trust out.

The Python API:

* `newsloom.analyze(text_or_html, **metadata) -> Article`: the per-article stages on one input;
* `newsloom.Loom(db_path).ingest(paths)`: read files, analyse them and store them in DuckDB.
"""

from newsloom.article import Article, Document
from newsloom.errors import NewsloomError, Rejection
from newsloom.settings import Settings

__all__ = ["Article", "Document", "Loom", "NewsloomError", "Rejection", "Settings", "analyze"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # The API entry points import the pipeline and its libraries; load them on first use so
    # that `import newsloom` stays cheap (for example in a batch worker's start-up).
    if name in ("analyze", "Loom", "analyze_paths"):
        from newsloom import loom

        return getattr(loom, name)
    raise AttributeError(f"module 'newsloom' has no attribute {name!r}")
