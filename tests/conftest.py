"""Shared test helpers: where ../shared is, and small corpora written by the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSLOOM_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (set NEWSLOOM_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> Path:
    return shared / "samples" / "seeds"


@pytest.fixture(scope="session")
def dev_set(shared: Path) -> Path:
    return shared / "data" / "newsloom-dev"
