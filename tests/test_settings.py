from __future__ import annotations

import pickle

import pytest

from newsloom.errors import ConfigError
from newsloom.settings import DEFAULT_SETTINGS, Settings


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("max_document_bytes", 0),
        ("max_document_bytes", -5),
        ("max_chars", "many"),
        ("batch_size", True),
        ("max_seconds_per_document", 0),
    ],
)
def test_limits_cannot_be_switched_off_by_accident(name: str, value: object) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings(**{name: value})


def test_limits_are_on_by_default() -> None:
    s = DEFAULT_SETTINGS
    assert s.max_document_bytes > 0 and s.max_chars > 0 and s.max_seconds_per_document > 0


def test_with_changes_and_validates() -> None:
    assert DEFAULT_SETTINGS.with_(batch_size=7).batch_size == 7
    with pytest.raises(ConfigError, match="no_such"):
        DEFAULT_SETTINGS.with_(no_such=1)


def test_settings_travel_to_workers() -> None:
    s = Settings(max_chars=1234)
    assert pickle.loads(pickle.dumps(s)) == s
