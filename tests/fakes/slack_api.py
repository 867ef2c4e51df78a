"""A loopback Slack: the Web API, response URLs and Socket Mode, served by aiohttp on 127.0.0.1.

Runs its own event loop in a thread, so plain (sync) tests can drive it. Every call is recorded
with its body (form or JSON, as the client sent it) and its Authorization header.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

BOT_USER_ID = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM_ID = "T0000001"


@dataclass
class Call:
    """One request the bot made: a Web API method, or a POST to a response URL."""

    method: str
    body: dict[str, Any]
    authorization: str
    at: float = field(default_factory=time.monotonic)

    def dump(self) -> str:
        """The whole body as JSON text, to search for what the bot said."""
        return json.dumps(self.body, ensure_ascii=False)


class FakeSlack:
    """Plays Slack for one test module.

    Args:
        bot_token: the token auth.test and the Web API accept.
        app_token: the token apps.connections.open accepts.
    """

    def __init__(self, bot_token: str = "xoxb-fake-bot-token-1234", app_token: str = "xapp-fake-app-token-5678") -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.calls: list[Call] = []
        self.threads: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.failing_blocks_channels: set[str] = set()
        self.socket_messages: list[tuple[float, dict[str, Any]]] = []
        self.socket_connections = 0
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._ws: web.WebSocketResponse | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-slack", daemon=True)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle ---

    def start(self) -> FakeSlack:
        """Serve on a free port of 127.0.0.1."""
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._web_api)  # Slack takes GET and POST alike
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def stop(self) -> None:
        """Close every connection and the server."""
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    @property
    def api_url(self) -> str:
        """What SLACK_API_URL should be."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        """A response_url whose POSTs are recorded as method `response_url:NAME`."""
        return f"http://127.0.0.1:{self.port}/response/{name}"

    # --- what the bot did ---

    def calls_to(self, method: str) -> list[Call]:
        """The calls of one method, oldest first."""
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, find: Callable[[list[Call]], list[Call]], count: int = 1, timeout: float = 30.0) -> list[Call]:
        """Wait until `find(all calls)` returns at least `count` calls, and return them.

        Raises:
            AssertionError: not in time; the message lists the calls seen.
        """
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                found = find(list(self.calls))
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                seen = [(c.method, c.dump()[:200]) for c in self.calls[-15:]]
                raise AssertionError(f"expected {count} call(s), found {len(found)}; last calls: {seen}")
            time.sleep(0.05)

    def posts_in(self, channel: str, method: str = "chat.postMessage") -> Callable[[list[Call]], list[Call]]:
        """A finder for `wait_for`: the calls of `method` to `channel`."""
        return lambda calls: [c for c in calls if c.method == method and c.body.get("channel") == channel]

    # --- Web API ---

    async def _web_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await self._body(request)
        authorization = request.headers.get("Authorization", "")
        token = authorization.removeprefix("Bearer ").strip() or str(body.get("token", ""))
        with self._lock:
            self.calls.append(Call(method, body, authorization))
        if method == "apps.connections.open":
            if token != self.app_token:
                return web.json_response({"ok": False, "error": "invalid_auth"})
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket?ticket={next(self._ts)}"})
        if token != self.bot_token:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        return web.json_response(self._answer(method, body))

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        ts = f"1700000{next(self._ts):03d}.000100"
        channel = str(body.get("channel", ""))
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "summitbot",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False}
        if method == "chat.postMessage":
            if channel in self.failing_blocks_channels and body.get("blocks"):
                return {"ok": False, "error": "invalid_blocks"}
            return {"ok": True, "channel": channel, "ts": ts, "message": {"text": body.get("text", ""), "ts": ts}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method in {"chat.update", "reactions.add", "reactions.remove"}:
            return {"ok": True, "channel": channel, "ts": str(body.get("ts", ts))}
        if method == "conversations.replies":
            messages = self.threads.get((channel, str(body.get("ts", ""))), [])
            return {"ok": True, "messages": messages, "has_more": False}
        return {"ok": False, "error": "unknown_method"}

    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        if request.method == "GET":
            return dict(request.query)
        if request.content_type == "application/json":
            data = await request.json()
            return data if isinstance(data, dict) else {}
        form = dict((await request.post()).items())
        body: dict[str, Any] = {**dict(request.query), **{k: str(v) for k, v in form.items()}}
        for key in ("blocks", "attachments"):
            if isinstance(body.get(key), str):
                body[key] = json.loads(body[key])
        return body

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        with self._lock:
            self.calls.append(Call("response_url:" + request.match_info["name"], body, ""))
        return web.Response(text="ok")

    # --- Socket Mode ---

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        self.socket_connections += 1
        await ws.send_json({"type": "hello", "num_connections": 1,
                            "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                            "connection_info": {"app_id": "A0000001"}})
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                with self._lock:
                    self.socket_messages.append((time.monotonic(), json.loads(message.data)))
        return ws

    def send_envelope(self, envelope: dict[str, Any]) -> float:
        """Send a message down the current Socket Mode connection; returns when it was sent."""
        async def send() -> float:
            assert self._ws is not None and not self._ws.closed, "no Socket Mode connection"
            sent = time.monotonic()
            await self._ws.send_str(json.dumps(envelope))
            return sent

        return asyncio.run_coroutine_threadsafe(send(), self._loop).result(10)

    def wait_for_ack(self, envelope_id: str, timeout: float = 10.0) -> tuple[float, dict[str, Any]]:
        """The (time, message) of the bot's acknowledgement of an envelope."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for at, message in self.socket_messages:
                    if message.get("envelope_id") == envelope_id:
                        return at, message
            time.sleep(0.02)
        raise AssertionError(f"envelope {envelope_id} was never acknowledged")

    def wait_for_connections(self, count: int, timeout: float = 30.0) -> None:
        """Wait until the bot has opened `count` Socket Mode connections in all."""
        deadline = time.monotonic() + timeout
        while self.socket_connections < count or self._ws is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.socket_connections} Socket Mode connection(s), expected {count}")
            time.sleep(0.05)
