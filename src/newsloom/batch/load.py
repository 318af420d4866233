"""`newsloom ingest --shards`: batch shards into the store, then corpus names and stories.

The same end as `Loom.ingest`: the shards' articles are appended (`load_shards`, DuckDB
reading the Parquet files, one transaction per shard), then the corpus names are rebuilt and
the new articles placed in stories, over the whole store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsloom.store.shards import ShardLoad, load_shards


def ingest_shards(
    db_path: str | Path,
    out: str | Path,
    *,
    stories: bool = True,
    progress: Callable[[int], None] | None = None,
) -> tuple[ShardLoad, str | None]:
    """Load every complete shard under `out` into the store at `db_path`; return what was
    loaded and the story summary (None when stories were not built)."""
    from newsloom.store import Store

    with Store(db_path) as store:
        report = load_shards(store, out, progress=progress)
        if not store.names_current():
            store.refresh_names()
        summary = None
        if stories and (report.ingested or store.placed_count() != store.count()):
            from newsloom.stories import refresh_stories

            summary = refresh_stories(store).summary()
    return report, summary
