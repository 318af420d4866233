from __future__ import annotations

import subprocess
import sys

from newsloom.hashing import content_hash, content_id, id_from_hash, stable_hash


def test_hash_is_stable_across_processes() -> None:
    code = "from newsloom.hashing import stable_hash; print(stable_hash('Moscow'))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == stable_hash("Moscow")


def test_content_hash_ignores_line_endings_and_outer_space() -> None:
    assert content_hash("a\r\nb\n\n") == content_hash("a\nb")
    assert content_hash("a\nb") != content_hash("a\nc")
    # a lone carriage return is a line end too, and NFC applies with or without one
    assert content_hash("a\rb") == content_hash("a\nb")
    assert content_hash("Cafe\u0301\r\n") == content_hash("Caf\u00e9")


def test_content_id_is_short_and_derived_from_content() -> None:
    assert content_id("text") == content_id("text")
    assert content_id("text") != content_id("other text")
    assert len(content_id("text")) == 17


def test_id_from_hash_gives_the_content_id() -> None:
    for text in ("text", "a\r\nb", "Caf\u00e9"):
        assert id_from_hash(content_hash(text)) == content_id(text)
