"""The outer layer of every request: the API key, and a request log without article text."""

from __future__ import annotations

import hmac
import logging
import time
from typing import Any, Awaitable, Callable, MutableMapping

from starlette.responses import JSONResponse

log = logging.getLogger("extractor.service")
OPEN_PATHS = frozenset({"/healthz"})

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


def presented_key(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The key sent as ``X-API-Key: KEY`` or ``Authorization: Bearer KEY``."""
    for name, value in headers:
        if name == b"x-api-key":
            return value.decode("latin-1")
        if name == b"authorization" and value[:7].lower() == b"bearer ":
            return value[7:].decode("latin-1").strip()
    return None


class Guard:
    """ASGI middleware: 401 without the key (when one is set); one log line per request with
    method, path (no query), status, body size and time, never the body itself."""

    def __init__(self, app: ASGIApp, api_key: str | None) -> None:
        self.app = app
        self.api_key = api_key

    def authorized(self, scope: Scope) -> bool:
        if not self.api_key or scope["path"] in OPEN_PATHS:
            return True
        key = presented_key(scope.get("headers") or [])
        return key is not None and hmac.compare_digest(key.encode("utf-8"), self.api_key.encode("utf-8"))

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, seen = time.perf_counter(), {"status": 0, "in": 0}

        async def counting_receive() -> Message:
            message = await receive()
            seen["in"] += len(message.get("body", b""))
            return message

        async def noting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            await send(message)

        try:
            if self.authorized(scope):
                await self.app(scope, counting_receive, noting_send)
            else:
                refusal = JSONResponse({"detail": "missing or wrong API key: send it as X-API-Key "
                                                  "or Authorization: Bearer"},
                                       status_code=401, headers={"WWW-Authenticate": "Bearer"})
                await refusal(scope, receive, noting_send)
        finally:
            log.info("%s %s %d %dB %.1fms", scope["method"], scope["path"], seen["status"], seen["in"],
                     (time.perf_counter() - started) * 1000)
