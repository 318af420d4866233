"""`newsloom serve` on the command line: what it passes to the server, and its refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import newsloom.serve
from newsloom.cli import main
from newsloom.errors import EXIT_CODES


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    return main(argv, out=io.StringIO(), err=err), err.getvalue()


def test_serve_passes_its_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = {}
    monkeypatch.setattr(newsloom.serve, "run", lambda db, settings: seen.update(db=db, s=settings))
    monkeypatch.setenv("NEWSLOOM_TOKEN", "t" * 32)
    db = tmp_path / "x.duckdb"
    db.touch()
    code, err = _run(["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "9001",
                      "--allow-host", "news.example", "--no-prerender"])  # fmt: skip
    assert code == EXIT_CODES["ok"]
    settings = seen["s"]
    assert (settings.host, settings.port, settings.allowed_hosts) == ("0.0.0.0", 9001,
                                                                      ("news.example",))
    assert settings.token == "t" * 32 and settings.exposed and not settings.prerender
    assert "writes need the token" in err


def test_serve_defaults_to_loopback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = {}
    monkeypatch.setattr(newsloom.serve, "run", lambda db, settings: seen.update(s=settings))
    monkeypatch.delenv("NEWSLOOM_TOKEN", raising=False)
    db = tmp_path / "x.duckdb"
    db.touch()
    assert _run(["serve", "--db", str(db)])[0] == 0
    assert seen["s"].host == "127.0.0.1" and not seen["s"].exposed and seen["s"].token is None


def test_serve_refusals(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(newsloom.serve, "run", lambda db, settings: None)
    code, err = _run(["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert code == EXIT_CODES["not_found"] and "no store" in err
    db = tmp_path / "x.duckdb"
    db.touch()
    monkeypatch.setenv("NEWSLOOM_TOKEN", "short")
    code, err = _run(["serve", "--db", str(db)])
    assert code == EXIT_CODES["usage"] and "NEWSLOOM_TOKEN" in err
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--db", str(db), "--port", "0"], out=io.StringIO(), err=io.StringIO())
    assert exc.value.code == 2
