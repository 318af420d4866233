"""Safety around the server: Host check, body cap, security headers, CORS, write permission."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.serve.conftest import make_client

from newsloom.serve.guard import CSP, host_name

TOKEN = "a-token-of-enough-length"


@pytest.mark.parametrize(
    ("header", "name"),
    [("127.0.0.1:8000", "127.0.0.1"), ("localhost", "localhost"), ("[::1]:8000", "::1"),
     ("Example.ORG:80", "example.org"), ("::1", "::1")],
)  # fmt: skip
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_a_foreign_host_header_is_refused(client: TestClient) -> None:
    r = client.get("/api/stories", headers={"host": "attacker.example"})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "usage"
    assert "attacker.example" in r.json()["error"]["message"]
    assert client.get("/api/stories", headers={"host": "localhost:8000"}).status_code == 200


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/static/style.css", "/api/nothing"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_cors_is_closed_by_default(client: TestClient) -> None:
    r = client.get("/api/stories", headers={"origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_opens_for_a_configured_origin(store_copy: Path) -> None:
    with make_client(store_copy, cors_origins=("https://dash.example",)) as c:
        r = c.get("/api/stories", headers={"origin": "https://dash.example"})
        assert r.headers["access-control-allow-origin"] == "https://dash.example"
        other = c.get("/api/stories", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_bodies_over_the_cap_get_413(store_copy: Path) -> None:
    with make_client(store_copy, max_body_bytes=1000) as c:
        r = c.post("/api/articles", content=b"x" * 1001, headers={"content-type": "text/plain"})
        assert r.status_code == 413
        assert r.json()["error"]["code"] == "too_large"

        def chunks():  # no Content-Length: the cap counts what arrives
            for _ in range(20):
                yield b"y" * 100

        r = c.post("/api/articles", content=chunks(), headers={"content-type": "text/plain"})
        assert r.status_code == 413


def test_exposed_without_a_token_refuses_writes(store_copy: Path) -> None:
    with make_client(store_copy, host="0.0.0.0") as c:
        r = c.post("/api/articles", content=b"Some text.", headers={"content-type": "text/plain"})
        assert r.status_code == 403
        assert "NEWSLOOM_TOKEN" in r.json()["error"]["message"]
        assert c.get("/api/stories").status_code == 200  # reading stays open


def test_a_set_token_is_required_for_writes(store_copy: Path) -> None:
    with make_client(store_copy, host="0.0.0.0", token=TOKEN) as c:
        plain = {"content-type": "text/plain"}
        assert c.post("/api/articles", content=b"x", headers=plain).status_code == 403
        wrong = {**plain, "authorization": "Bearer not-the-token-at-all"}
        assert c.post("/api/articles", content=b"x", headers=wrong).status_code == 403
        # the right token passes the check; an empty body is then a usage error
        right = {**plain, "authorization": f"Bearer {TOKEN}"}
        r = c.post("/api/articles", content=b" ", headers=right)
        assert r.status_code == 400 and r.json()["error"]["code"] == "usage"


def test_a_write_from_another_site_is_refused(client: TestClient) -> None:
    headers = {"content-type": "text/plain", "origin": "https://evil.example"}
    r = client.post("/api/articles", content=b"Some text.", headers=headers)
    assert r.status_code == 403
    headers = {"content-type": "text/plain", "sec-fetch-site": "cross-site"}
    r = client.post("/api/articles", content=b"Some text.", headers=headers)
    assert r.status_code == 403


def test_an_unknown_content_type_is_a_usage_error(client: TestClient) -> None:
    headers = {"content-type": "application/pdf"}
    r = client.post("/api/articles", content=b"%PDF-1.4", headers=headers)
    assert r.status_code == 400
    assert "application/pdf" in r.json()["error"]["message"]


def test_a_short_token_is_refused_at_start() -> None:
    from newsloom.errors import ConfigError
    from newsloom.settings import ServeSettings

    with pytest.raises(ConfigError):
        ServeSettings(token="short")
