"""One proposal for the publication date, from one source, before the sources are weighed."""

from __future__ import annotations

from dataclasses import dataclass

from newsloom.article import DateBasis, Published


@dataclass(frozen=True, slots=True)
class Candidate:
    """`value` is `YYYY-MM-DD` or `YYYY-MM` (or `YYYY` when only the year can be inferred)."""

    value: str | None
    basis: DateBasis
    confidence: float
    evidence: str

    def published(self) -> Published:
        return Published(self.value, self.basis, self.confidence, self.evidence)
