"""What one `newsloom batch` run did: the closing summary, built from the shard manifests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class BatchReport:
    documents: int = 0
    articles: int = 0
    repeats: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    written: int = 0
    #: partitions whose shard was already complete (a resumed run)
    skipped: int = 0
    seconds: float = 0.0
    #: worker -> [articles, seconds busy, CPU seconds of the analysing thread]
    workers: dict[str, list[float]] = field(default_factory=dict)

    def add(self, manifest: dict[str, Any], *, skipped: bool = False) -> None:
        if skipped:
            self.skipped += 1
            return
        self.written += 1
        self.documents += manifest["documents"]
        self.articles += manifest["articles"]
        self.repeats += manifest.get("repeats", 0)
        self.rejected.update(manifest["rejected"])
        busy = self.workers.setdefault(manifest["worker"], [0, 0.0, 0.0])
        busy[0] += manifest["articles"]
        busy[1] += manifest["seconds"]
        busy[2] += manifest.get("cpu_seconds", 0.0)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        total = sum(self.rejected.values())
        reasons = ", ".join(f"{n} {reason}" for reason, n in self.rejected.most_common())
        parts = [
            f"{self.articles} articles",
            f"{total} rejected ({reasons})" if total else "0 rejected",
            f"{self.repeats} repeats skipped",
            f"{self.written} shards written",
            f"{self.skipped} already complete",
            f"{self.seconds:.1f} s",
            f"{self.rate:.1f} articles/s",
        ]
        return ", ".join(parts)

    def per_worker(self) -> Iterable[str]:
        for name, (articles, seconds, _) in sorted(self.workers.items()):
            rate = articles / seconds if seconds else 0.0
            yield f"{name}: {int(articles)} articles in {seconds:.1f} s busy, {rate:.1f} articles/s"

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "articles": self.articles,
            "repeats": self.repeats,
            "rejected": dict(self.rejected),
            "shards_written": self.written,
            "shards_already_complete": self.skipped,
            "seconds": round(self.seconds, 3),
            "workers": {k: {"articles": v[0], "seconds": round(v[1], 3),
                            "cpu_seconds": round(v[2], 3)} for k, v in self.workers.items()},
        }  # fmt: skip
