"""A loopback Discord for end-to-end tests: the REST API (v10) and the gateway websocket on 127.0.0.1.

One aiohttp server plays both, on its own thread and event loop, so tests stay synchronous:

* REST under /api/v10: login (GET /users/@me, 401 for a wrong token), application info, gateway URLs,
  command sync (PUT global and guild commands), messages and typing, interaction callbacks (with
  Discord's 3-second deadline and one-response rule) and webhook follow-ups and edits. Every request is
  recorded with its JSON body; bodies over Discord's message limits get Discord's 400 (code 50035).
* The gateway at /gateway (?v=10&encoding=json, zlib-stream transport compression when asked): HELLO,
  IDENTIFY -> READY + GUILD_CREATE, heartbeats ACKed, dispatches with increasing sequence numbers,
  RECONNECT (op 7) and RESUME -> replay + RESUMED, INVALID_SESSION for a bad resume.
  Like Discord, message content is withheld from an app without the message content intent unless
  the message mentions it or is a DM; and the bot's own posts come back to it as MESSAGE_CREATE.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from fakes import discord_payloads as p
from fakes.discord_limits import limit_errors

T = TypeVar("T")
API = "/api/v10"
ACK_DEADLINE_SECONDS = 3.0


@dataclass
class Recorded:
    """One REST request the bot made."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    authorization: str | None
    at: float
    status: int = 0
    response: Any = None  # the object the fake answered with (a created message)


@dataclass
class Connection:
    """One gateway websocket connection."""

    ws: web.WebSocketResponse
    query: dict[str, str]
    compressor: Any = None
    session_id: str | None = None
    opened_at: float = field(default_factory=time.monotonic)

    async def send(self, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        if self.compressor is not None:
            await self.ws.send_bytes(self.compressor.compress(data) + self.compressor.flush(zlib.Z_SYNC_FLUSH))
        else:
            await self.ws.send_str(data.decode())


@dataclass
class PendingInteraction:
    """An interaction sent to the bot, and how it was answered."""

    payload: dict[str, Any]
    sent_at: float
    callback_type: int | None = None
    acked_at: float | None = None
    original: dict[str, Any] | None = None

    @property
    def ack_seconds(self) -> float | None:
        return None if self.acked_at is None else self.acked_at - self.sent_at


class FakeDiscord:
    """Discord on 127.0.0.1. Start with `start()`, point the bot at `api_base` and `gateway_url`.

    Args:
        token: the only bot token accepted.
        reject_token: answer GET /users/@me with 401 whatever the token (a revoked token).
        heartbeat_interval_ms: what HELLO asks for.
    """

    def __init__(self, token: str = "", *, reject_token: bool = False, heartbeat_interval_ms: int = 1500) -> None:
        self.app_id = p.snowflake()
        self.token = token or fake_token(self.app_id)
        self.reject_token = reject_token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.bot_user = p.user(self.app_id, "summitbot", bot=True)
        self.guild_id, self.bot_role_id = p.snowflake(), p.snowflake()
        self.channel_id, self.no_embeds_channel_id, self.closed_channel_id = p.snowflake(), p.snowflake(), p.snowflake()
        self.channels = {
            self.channel_id: p.text_channel(self.channel_id, self.guild_id, "general"),
            self.no_embeds_channel_id: p.text_channel(self.no_embeds_channel_id, self.guild_id, "plain", p.EMBED_LINKS),
            self.closed_channel_id: p.text_channel(self.closed_channel_id, self.guild_id, "off-topic"),
        }
        self.users: dict[str, dict[str, Any]] = {self.app_id: self.bot_user}
        self.requests: list[Recorded] = []
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.heartbeats: list[float] = []
        self.acks: list[float] = []
        self.connections: list[Connection] = []
        self.interactions: dict[str, PendingInteraction] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.messages: dict[str, dict[str, Any]] = {}
        self.fail_message_posts = 0  # answer the next N message posts / follow-ups with a 400
        self.fail_followups = 0
        self.callback_bodies = True  # False: answer callbacks 204 even when asked with_response (a proxy may)
        self._dispatched: list[tuple[int, str, dict[str, Any]]] = []
        self._seq = 0
        self._session_id = ""
        self._current: Connection | None = None
        self._changed = threading.Condition()
        self.watchdog: Callable[[], None] | None = None  # raises if the bot under test died (see BotProcess)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-discord", daemon=True)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -----------------------------------------------------------------------------

    def start(self) -> FakeDiscord:
        self._thread.start()
        self._call(self._start())
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def stop(self) -> None:
        if self._runner is not None:
            self._call(self._runner.cleanup())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def _call(self, coro: Any, timeout: float = 10) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def _notify(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, probe: Callable[[], T | None], timeout: float = 30, what: str = "") -> T:
        """Wait until `probe()` returns something truthy, and return it."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                if self.watchdog is not None:
                    self.watchdog()
                found = probe()
                if found:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out after {timeout} s waiting for {what or probe}")
                self._changed.wait(min(left, 0.2))

    # --- what the bot did ----------------------------------------------------------------------

    def requests_to(self, method: str, path_start: str) -> list[Recorded]:
        return [r for r in list(self.requests) if r.method == method and r.path.startswith(path_start)]

    def channel_posts(self, channel_id: str) -> list[Recorded]:
        return self.requests_to("POST", f"/channels/{channel_id}/messages")

    def reply_to(self, message_id: str, timeout: float = 60) -> Recorded:
        """The bot's message replying to a message (waits for it)."""

        def probe() -> Recorded | None:
            for r in self.requests_to("POST", "/channels/"):
                reference = (r.body or {}).get("message_reference") or {}
                if r.path.endswith("/messages") and str(reference.get("message_id")) == message_id and r.status == 200:
                    return r
            return None

        return self.wait_for(probe, timeout, f"a reply to message {message_id}")

    def followups(self, interaction_token: str) -> list[Recorded]:
        hooks = self.requests_to("POST", f"/webhooks/{self.app_id}/{interaction_token}")
        edits = self.requests_to("PATCH", f"/webhooks/{self.app_id}/{interaction_token}/messages/@original")
        return [*hooks, *edits]

    def followup(self, interaction_token: str, timeout: float = 60) -> Recorded:
        """The first follow-up (or edit of the original response) of an interaction (waits for it)."""
        return self.wait_for(lambda: next(iter(self.followups(interaction_token)), None), timeout, "a follow-up")

    def callback(self, interaction_id: str, timeout: float = 10) -> Recorded:
        """The interaction's callback request (waits for it)."""

        def answered() -> Recorded | None:
            return next(iter(self.requests_to("POST", f"/interactions/{interaction_id}/")), None)

        return self.wait_for(answered, timeout, f"the callback of interaction {interaction_id}")

    # --- what users do -------------------------------------------------------------------------

    def say(
        self,
        content: str,
        *,
        user_id: str | None = None,
        channel_id: str | None = None,
        dm: bool = False,
        reply_to: dict[str, Any] | None = None,
        bot: bool = False,
    ) -> dict[str, Any]:
        """Post a message as a user (or another bot) and deliver MESSAGE_CREATE; returns the message sent."""
        author = self._person(user_id, bot=bot)
        channel = (self._dm_channel(author) if dm else channel_id) or self.channel_id
        guild_id = None if dm else self.guild_id
        message = p.message(content, author=author, channel_id=channel, guild_id=guild_id, known_users=self.users,
                            reference=reply_to)
        if reply_to is not None and reply_to["author"]["id"] == self.app_id and self.bot_user not in message["mentions"]:
            message["mentions"].append(self.bot_user)  # a reply pings its author by default
        self.messages[message["id"]] = message
        self.dispatch("MESSAGE_CREATE", message)
        return message

    def slash(self, name: str, *, user_id: str | None = None, channel_id: str | None = None, dm: bool = False,
              **options: Any) -> PendingInteraction:
        """Run a slash command as a user; options by name (str or bool)."""
        command = self._command(name)
        opts = [{"name": k, "type": 5 if isinstance(v, bool) else 3, "value": v} for k, v in options.items()]
        data = {"id": command["id"], "name": name, "type": 1, "options": opts}
        return self._interact(2, data, user_id, channel_id, dm)

    def autocomplete(self, name: str, option: str, typed: str, *, user_id: str | None = None) -> PendingInteraction:
        command = self._command(name)
        data = {"id": command["id"], "name": name, "type": 1,
                "options": [{"name": option, "type": 3, "value": typed, "focused": True}]}
        return self._interact(4, data, user_id, None, False)

    def press(self, bot_message: dict[str, Any], custom_id: str, *, user_id: str | None = None) -> PendingInteraction:
        """Press a button of one of the bot's messages."""
        data = {"custom_id": custom_id, "component_type": 2}
        channel_id = bot_message["channel_id"]
        dm = channel_id not in self.channels
        return self._interact(3, data, user_id, channel_id, dm, message_data=bot_message)

    def _person(self, user_id: str | None, *, bot: bool = False) -> dict[str, Any]:
        user_id = user_id or p.snowflake()
        if user_id not in self.users:
            self.users[user_id] = p.user(user_id, bot=bot)
        return self.users[user_id]

    def _dm_channel(self, author: dict[str, Any]) -> str:
        return f"{int(author['id']) + 7}"

    def _command(self, name: str) -> dict[str, Any]:
        synced = [c for commands in self.commands.values() for c in commands if c["name"] == name]
        if not synced:
            raise AssertionError(f"the bot never registered /{name}; registered: {self.commands}")
        return synced[-1]

    def _interact(self, kind: int, data: dict[str, Any], user_id: str | None, channel_id: str | None, dm: bool,
                  message_data: dict[str, Any] | None = None) -> PendingInteraction:
        person = self._person(user_id)
        if dm:
            channel = {"id": channel_id or self._dm_channel(person), "type": 1, "recipients": [person], "flags": 0}
        else:
            channel = self.channels[channel_id or self.channel_id]
        permissions = p.EVERYONE_PERMISSIONS & ~(p.EMBED_LINKS if channel["id"] == self.no_embeds_channel_id else 0)
        payload = p.interaction(kind, data, application_id=self.app_id, user_data=person, channel=channel,
                                guild_id=None if dm else self.guild_id, app_permissions=permissions,
                                message_data=message_data)
        pending = PendingInteraction(payload, time.monotonic())
        self.interactions[payload["id"]] = pending
        self.dispatch("INTERACTION_CREATE", payload)
        return pending

    # --- gateway control -----------------------------------------------------------------------

    def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a dispatch (op 0) on the live connection; kept for replay on RESUME. Returns its sequence."""
        return int(self._call(self._dispatch(event, data)))

    async def _dispatch(self, event: str, data: dict[str, Any]) -> int:
        self._seq += 1
        self._dispatched.append((self._seq, event, data))
        connection = self._current
        if connection is not None and not connection.ws.closed:
            payload = data if event != "MESSAGE_CREATE" else self.as_delivered(data)
            await connection.send({"op": 0, "s": self._seq, "t": event, "d": payload})
        return self._seq

    def as_delivered(self, message: dict[str, Any]) -> dict[str, Any]:
        intents = int(self.identifies[-1].get("intents", 0)) if self.identifies else 0
        for_bot = message["author"]["id"] == self.app_id or "guild_id" not in message
        for_bot = for_bot or any(u["id"] == self.app_id for u in message["mentions"])
        return message if for_bot or intents & p.MESSAGE_CONTENT_INTENT else p.without_content(message)

    def send_reconnect(self) -> None:
        """Ask the bot to reconnect (op 7), as Discord does before moving a session."""
        self._call(self._send_op(7, None))

    def invalidate_session(self) -> None:
        """End the session (op 9, not resumable): the bot must IDENTIFY again."""
        self._session_id = "invalidated"
        self._call(self._send_op(9, False))

    def drop_connection(self) -> None:
        """Close the gateway connection from Discord's side (code 4000: unknown error, resumable)."""
        self._call(self._drop())

    async def _send_op(self, op: int, data: Any) -> None:
        if self._current is not None:
            await self._current.send({"op": op, "d": data, "s": None, "t": None})

    async def _drop(self) -> None:
        if self._current is not None:
            await self._current.ws.close(code=4000, message=b"fake: connection dropped")

    def live_sessions(self) -> int:
        return sum(1 for c in self.connections if c.session_id and not c.ws.closed)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        query = dict(request.query)
        connection = Connection(ws, query)
        self.connections.append(connection)
        if query.get("v") != "10":
            await ws.close(code=4012, message=b"Invalid API version")
            return ws
        if query.get("encoding", "json") != "json":
            await ws.close(code=4002, message=b"Decode error")
            return ws
        if query.get("compress") == "zlib-stream":
            connection.compressor = zlib.compressobj()
        await connection.send({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}, "s": None, "t": None})
        async for frame in ws:
            if frame.type is not WSMsgType.TEXT:
                break
            await self._on_gateway_payload(connection, json.loads(frame.data))
            self._notify()
        self._notify()
        return ws

    async def _on_gateway_payload(self, connection: Connection, payload: dict[str, Any]) -> None:
        op, data = payload.get("op"), payload.get("d")
        if op == 1:
            self.heartbeats.append(time.monotonic())
            await connection.send({"op": 11, "d": None, "s": None, "t": None})
            self.acks.append(time.monotonic())
        elif op == 2:
            await self._identify(connection, data)
        elif op == 6:
            await self._resume(connection, data)

    async def _identify(self, connection: Connection, data: dict[str, Any]) -> None:
        if data.get("token") != self.token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return
        self.identifies.append({k: v for k, v in data.items() if k != "token"})
        self._session_id = connection.session_id = secrets.token_hex(16)
        self._current = connection
        self._seq, self._dispatched = 0, []
        ready = {
            "v": 10, "user": self.bot_user, "guilds": [{"id": self.guild_id, "unavailable": True}],
            "session_id": self._session_id, "session_type": "normal", "resume_gateway_url": self.gateway_url,
            "application": {"id": self.app_id, "flags": 0}, "private_channels": [], "relationships": [],
            "presences": [], "guild_join_requests": [], "geo_ordered_rtc_regions": [], "user_settings": {},
        }
        await self._dispatch("READY", ready)
        channels = [{k: v for k, v in c.items() if k != "guild_id"} for c in self.channels.values()]
        await self._dispatch("GUILD_CREATE", p.guild(self.guild_id, self.bot_user, self.bot_role_id, channels))

    async def _resume(self, connection: Connection, data: dict[str, Any]) -> None:
        self.resumes.append({k: v for k, v in data.items() if k != "token"})
        if data.get("token") != self.token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return
        if data.get("session_id") != self._session_id:
            await connection.send({"op": 9, "d": False, "s": None, "t": None})
            return
        connection.session_id = self._session_id
        old, self._current = self._current, connection
        if old is not None and old is not connection and not old.ws.closed:
            await old.ws.close(code=4000)
        for seq, event, payload in [d for d in self._dispatched if d[0] > int(data.get("seq") or 0)]:
            delivered = payload if event != "MESSAGE_CREATE" else self.as_delivered(payload)
            await connection.send({"op": 0, "s": seq, "t": event, "d": delivered})
        await self._dispatch("RESUMED", {})

    # --- REST ----------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body = await request.json() if request.can_read_body and request.content_type == "application/json" else None
        record = Recorded(request.method, path, dict(request.query), body, request.headers.get("Authorization"),
                          time.monotonic())
        self.requests.append(record)
        try:
            response = await self._route(request.method, path, record)
        finally:
            self._notify()
        record.status = response.status
        return response

    async def _route(self, method: str, path: str, record: Recorded) -> web.StreamResponse:
        parts = path.strip("/").split("/")
        webhook = parts[0] in ("webhooks", "interactions")
        if not webhook and record.authorization != f"Bot {self.token}":
            return _error(401, 0, "401: Unauthorized")
        if (method, path) == ("GET", "/users/@me"):
            return _error(401, 0, "401: Unauthorized") if self.reject_token else _json(self.bot_user)
        if (method, path) == ("GET", "/oauth2/applications/@me"):
            return _json(self._application())
        if method == "GET" and path in ("/gateway", "/gateway/bot"):
            limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})
        if parts[0] == "applications" and parts[-1] == "commands" and parts[1] == self.app_id:
            return self._commands(method, path, record.body)
        if parts[0] == "channels" and len(parts) == 3 and method == "POST":
            return await self._channel(parts[1], parts[2], record)
        if parts[0] == "interactions" and len(parts) == 4 and method == "POST":
            return await self._interaction_callback(parts[1], parts[2], record)
        if parts[0] == "webhooks" and len(parts) >= 3 and parts[1] == self.app_id:
            return await self._webhook(method, parts[2], parts[3:], record)
        return _error(404, 0, "404: Not Found")

    def _application(self) -> dict[str, Any]:
        return {
            "id": self.app_id, "name": "summitbot", "icon": None, "description": "", "bot_public": True,
            "bot_require_code_grant": False, "owner": p.user(p.snowflake(), "owner"), "verify_key": "0" * 64,
            "flags": 0, "team": None, "summary": "", "interactions_endpoint_url": None, "bot": self.bot_user,
        }

    def _commands(self, method: str, path: str, body: Any) -> web.Response:
        if method == "PUT":
            self.commands[path] = [
                {**c, "id": p.snowflake(), "application_id": self.app_id, "version": p.snowflake(),
                 "type": c.get("type", 1), "default_member_permissions": None, "dm_permission": True, "nsfw": False}
                for c in body
            ]
        return _json(self.commands.get(path, []))

    async def _channel(self, channel_id: str, action: str, record: Recorded) -> web.Response:
        body = record.body or {}
        if action == "typing":
            return web.Response(status=204)
        if action != "messages":
            return _error(404, 0, "404: Not Found")
        errors = limit_errors(body)
        if self.fail_message_posts > 0:
            self.fail_message_posts -= 1
            errors = {"fake": "rejected on purpose"}
        if errors:
            return _error(400, 50035, "Invalid Form Body", errors)
        guild_id = self.guild_id if channel_id in self.channels else None
        created = self._created(body, channel_id, guild_id)
        if body.get("message_reference"):
            created["message_reference"] = body["message_reference"]
            created["type"] = 19
        record.response = created
        await self._dispatch("MESSAGE_CREATE", created)  # Discord echoes the bot's own posts to it
        return _json(created)

    def _created(self, body: dict[str, Any], channel_id: str, guild_id: str | None,
                 extra: dict[str, Any] | None = None) -> dict[str, Any]:
        created = p.message(body.get("content") or "", author=self.bot_user, channel_id=channel_id, guild_id=guild_id,
                            known_users={}, extra=extra)
        created.update(mentions=[], mention_roles=[], embeds=body.get("embeds") or [],
                       components=body.get("components") or [], flags=int(body.get("flags") or 0))
        if guild_id is not None:
            created["member"] = p.member(None, [self.bot_role_id])
        self.messages[created["id"]] = created
        return created

    async def _interaction_callback(self, interaction_id: str, token: str, record: Recorded) -> web.Response:
        pending = self.interactions.get(interaction_id)
        if pending is None or pending.payload["token"] != token:
            return _error(404, 10062, "Unknown interaction")
        if pending.callback_type is not None:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        if record.at - pending.sent_at > ACK_DEADLINE_SECONDS:
            return _error(404, 10062, "Unknown interaction")
        errors = limit_errors((record.body or {}).get("data") or {})
        if errors:
            return _error(400, 50035, "Invalid Form Body", errors)
        pending.callback_type, pending.acked_at = int(record.body["type"]), record.at
        kind, data = pending.callback_type, record.body.get("data") or {}
        response: dict[str, Any] = {"interaction": {"id": interaction_id, "type": pending.payload["type"]}}
        if kind in (4, 5):
            flags = int(data.get("flags") or 0) | (1 << 7 if kind == 5 else 0)
            pending.original = self._original(pending, data, flags)
            response["interaction"].update(response_message_id=pending.original["id"],
                                           response_message_loading=kind == 5,
                                           response_message_ephemeral=bool(flags & p.EPHEMERAL_FLAG))
            response["resource"] = {"type": kind, "message": pending.original}
        if record.query.get("with_response") not in ("1", "true", "True") or not self.callback_bodies:
            return web.Response(status=204)
        return _json(response)

    def _original(self, pending: PendingInteraction, data: dict[str, Any], flags: int) -> dict[str, Any]:
        guild_id = pending.payload.get("guild_id")
        extra = {"webhook_id": self.app_id, "application_id": self.app_id,
                 "interaction_metadata": {"id": pending.payload["id"], "type": pending.payload["type"],
                                          "user": pending.payload.get("user") or pending.payload["member"]["user"]}}
        return self._created({**data, "flags": flags}, pending.payload["channel_id"], guild_id, extra)

    async def _webhook(self, method: str, token: str, rest: list[str], record: Recorded) -> web.Response:
        pending = next((i for i in self.interactions.values() if i.payload["token"] == token), None)
        if pending is None or pending.callback_type is None:
            return _error(404, 10015, "Unknown Webhook")
        body = record.body or {}
        errors = limit_errors(body) if method in ("POST", "PATCH") else {}
        if self.fail_followups > 0 and method == "POST":
            self.fail_followups -= 1
            errors = {"fake": "rejected on purpose"}
        if errors:
            return _error(400, 50035, "Invalid Form Body", errors)
        if method == "POST" and not rest:  # a follow-up; the first one replaces a deferred "thinking…"
            loading = pending.original is not None and pending.original["flags"] & (1 << 7)
            if loading and pending.original is not None:
                keep = pending.original["flags"] & p.EPHEMERAL_FLAG
                pending.original.update(content=body.get("content") or "", embeds=body.get("embeds") or [],
                                        components=body.get("components") or [], flags=keep)
                record.response = pending.original
                return _json(pending.original)
            created = self._created(body, pending.payload["channel_id"], pending.payload.get("guild_id"),
                                    {"webhook_id": self.app_id})
            record.response = created
            return _json(created)
        if rest[:2] == ["messages", "@original"] and pending.original is not None:
            if method == "PATCH":
                pending.original.update({k: body[k] for k in ("content", "embeds", "components") if k in body})
                pending.original["flags"] = pending.original["flags"] & ~(1 << 7)
                record.response = pending.original
            if method == "DELETE":
                return web.Response(status=204)
            return _json(pending.original)
        return _error(404, 10008, "Unknown Message")


def _json(data: Any, status: int = 200) -> web.Response:
    # Exactly "application/json", as Discord sends it (discord.py compares the header verbatim).
    return web.Response(body=json.dumps(data).encode(), status=status, content_type="application/json")


def _error(status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return _json(body, status=status)


def fake_token(app_id: str) -> str:
    """A bot token shaped like Discord's: base64 of the app id, a timestamp part, an HMAC part."""
    import base64

    first = base64.b64encode(app_id.encode()).decode().rstrip("=")
    return f"{first}.GfAkE0.{secrets.token_urlsafe(27)}"
