"""What stands between the network and the store: one ASGI middleware and the write check.

* the Host header must name this server (DNS rebinding: a hostile page whose name resolves to
  127.0.0.1 would otherwise read the store with the user's browser);
* request bodies are capped (413), counted as they arrive, whatever Content-Length claims;
* every response carries a Content-Security-Policy that allows only newsloom's own scripts and
  styles (no inline script, no third party), plus nosniff, no framing and no referrer;
* writes need the token when one is set, are off when the server is exposed without one, and
  are refused from another site's page (its Origin), so a page cannot post into a local store.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from newsloom.errors import BodyTooLarge, ConfigError, Forbidden, Msg, NewsloomError
from newsloom.settings import LOOPBACK_HOSTS, ServeSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def error_body(exc: NewsloomError) -> dict[str, Any]:
    """An error as the API sends it: the CLI's code name and exit code, and the message."""
    return {
        "error": {
            "code": exc.code,
            "exit_code": exc.exit_code,
            "status": exc.http_status,
            "message": str(exc),
        }
    }


def allowed_hosts(settings: ServeSettings) -> frozenset[str]:
    return frozenset(
        h.lower() for h in (*LOOPBACK_HOSTS, settings.host, *settings.allowed_hosts)
    )


def host_name(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Host check, body cap and security headers, around the whole application."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings
        self.hosts = allowed_hosts(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = host_name(headers.get("host", ""))
        if host not in self.hosts:
            shown = ", ".join(sorted(self.hosts))
            await _send_error(send, ConfigError(Msg.SERVE_HOST.format(host=host, allowed=shown)))
            return
        limit = self.settings.max_body_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _send_error(send, BodyTooLarge(Msg.SERVE_BODY.format(limit=limit)))
            return
        received = 0
        started = False

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # raised inside the app, whose error handler answers 413
                    raise BodyTooLarge(Msg.SERVE_BODY.format(limit=limit))
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, capped_receive, secured_send)
        except BodyTooLarge as exc:  # read outside a route (no handler): answer here
            if not started:
                await _send_error(send, exc)


async def _send_error(send: Send, exc: NewsloomError) -> None:
    body = json.dumps(error_body(exc)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": exc.http_status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def check_write(settings: ServeSettings, headers: dict[str, str], own_host: str) -> None:
    """Raise `Forbidden` unless this request may write (token, exposure, origin)."""
    origin = headers.get("origin")
    if origin is not None and origin.split("://", 1)[-1].lower() != own_host.lower():
        raise Forbidden(Msg.SERVE_ORIGIN.format(origin=origin))
    if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        raise Forbidden(Msg.SERVE_ORIGIN.format(origin=origin))
    if settings.token is None:
        if settings.exposed:
            raise Forbidden(Msg.SERVE_NO_TOKEN.format(host=settings.host))
        return
    sent = headers.get("authorization", "")
    scheme, _, value = sent.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        value.strip().encode(), settings.token.encode()
    ):
        raise Forbidden(Msg.SERVE_TOKEN)
