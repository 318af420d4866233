"""The terminal progress bar of `newsloom batch`: documents done, and articles per second."""

from __future__ import annotations

import time
from typing import Any, TextIO


class BatchBar:
    """A tqdm bar of documents, advanced as the workers report (every `batch_size` documents),
    showing articles/s; approximate while it runs, the closing summary is exact."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.bar: Any = None
        self.articles = 0
        self.started = time.monotonic()

    def planned(self, documents: int, complete: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=documents, initial=complete, unit="doc", file=self.err,
                        desc="batch", leave=False)  # fmt: skip
        self.started = time.monotonic()

    def advanced(self, documents: int, articles: int) -> None:
        if self.bar is None:
            return
        self.articles += articles
        rate = self.articles / max(time.monotonic() - self.started, 1e-9)
        self.bar.set_postfix_str(f"{rate:.1f} articles/s", refresh=False)
        # a partition run again after a lost worker reports twice: never past the total
        self.bar.update(max(0, min(documents, self.bar.total - self.bar.n)))

    def finished(self, manifest: dict[str, Any]) -> None:
        if self.bar is not None:
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
