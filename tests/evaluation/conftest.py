"""Fixtures shared by the evaluation tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def meantime(shared: Path) -> Path:
    """The MEANTIME folder of ../shared/data (skips when it is absent)."""
    path = shared / "data" / "meantime"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path
