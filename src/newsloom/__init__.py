"""newsloom: raw news in, stories a reader can trust out.

The Python API:

* `newsloom.analyze(text_or_html, **metadata) -> Article`: the per-article stages on one input;
* `newsloom.Loom(db_path).ingest(paths)`: read files, analyse them and store them in DuckDB.
"""

from newsloom.article import Article, Document
from newsloom.errors import NewsloomError, Rejection
from newsloom.settings import Settings

__all__ = ["Article", "Document", "NewsloomError", "Rejection", "Settings"]
__version__ = "0.1.0"
