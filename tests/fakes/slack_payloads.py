"""What Slack sends an app: events, slash commands and button presses, signed as Slack signs them."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from fakes.slack_api import BOT_USER_ID, TEAM_ID

_ids = itertools.count(1)


def unique(prefix: str) -> str:
    """A fresh id such as an event_id or a message ts part."""
    return f"{prefix}{next(_ids):06d}"


def new_ts() -> str:
    """A fresh message timestamp, increasing like Slack's."""
    return f"{int(time.time())}.{next(_ids):06d}"


def event_callback(event: dict[str, Any], event_id: str = "") -> dict[str, Any]:
    """The Events API envelope of an event."""
    return {"token": "legacy-verification-token", "team_id": TEAM_ID, "api_app_id": "A0000001",
            "type": "event_callback", "event_id": event_id or unique("Ev"), "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
            "event": event}


def mention(text: str, *, channel: str, user: str, ts: str = "", thread_ts: str = "") -> dict[str, Any]:
    """An app_mention event: `text` follows the bot's mention, as Slack writes it."""
    ts = ts or new_ts()
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
             "channel": channel, "event_ts": ts, "team": TEAM_ID}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, *, channel: str, user: str, ts: str = "", **extra: Any) -> dict[str, Any]:
    """A message.im event in a DM with the bot."""
    ts = ts or new_ts()
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts,
            "channel": channel, "event_ts": ts, "team": TEAM_ID, **extra}


def slash_command(text: str, *, channel: str, user: str, response_url: str) -> dict[str, str]:
    """The form fields of a `/ask` request."""
    return {"token": "legacy", "team_id": TEAM_ID, "team_domain": "fake", "channel_id": channel,
            "channel_name": "directmessage" if channel.startswith("D") else "general", "user_id": user,
            "user_name": "someone", "command": "/ask", "text": text, "api_app_id": "A0000001",
            "response_url": response_url, "trigger_id": unique("trigger.")}


def button_press(button: dict[str, Any], *, channel: str, user: str, response_url: str,
                 ephemeral: bool = False) -> dict[str, Any]:
    """The block_actions payload of pressing `button` (a button element the bot posted)."""
    return {"type": "block_actions", "user": {"id": user, "username": "someone", "team_id": TEAM_ID},
            "api_app_id": "A0000001", "token": "legacy", "trigger_id": unique("trigger."),
            "team": {"id": TEAM_ID, "domain": "fake"}, "channel": {"id": channel, "name": "general"},
            "container": {"type": "message", "message_ts": new_ts(), "channel_id": channel,
                          "is_ephemeral": ephemeral},
            "response_url": response_url,
            "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "b1",
                         "value": button["value"], "text": button["text"], "action_ts": str(time.time())}]}


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """Slack's v0 signature of a request body."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Delivery:
    """What the bot answered to a delivery, and how fast."""

    status: int
    body: str
    seconds: float


def deliver(url: str, secret: str, *, event: dict[str, Any] | None = None, form: dict[str, str] | None = None,
            payload: dict[str, Any] | None = None, timestamp: int | None = None, signature: str = "",
            headers: dict[str, str] | None = None) -> Delivery:
    """POST one signed request as Slack would: an event as JSON, a command or a button press as a form.

    Args:
        url: the bot's /slack/events URL.
        secret: the signing secret to sign with.
        event, form, payload: exactly one of: a JSON body, slash command fields, an interactive payload.
        timestamp: X-Slack-Request-Timestamp (default: now).
        signature: use this X-Slack-Signature instead of the right one.
        headers: more headers, e.g. X-Slack-Retry-Num.
    """
    if event is not None:
        body, content_type = json.dumps(event).encode(), "application/json"
    else:
        fields = form if form is not None else {"payload": json.dumps(payload)}
        body, content_type = urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded"
    stamp = int(time.time()) if timestamp is None else timestamp
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": content_type, "X-Slack-Request-Timestamp": str(stamp),
        "X-Slack-Signature": signature or sign(secret, body, stamp), "User-Agent": "Slackbot 1.0", **(headers or {}),
    })
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Delivery(response.status, response.read().decode(), time.monotonic() - start)
    except urllib.error.HTTPError as error:
        return Delivery(error.code, error.read().decode(), time.monotonic() - start)


def envelope(kind: str, payload: dict[str, Any], *, retry_attempt: int = 0, retry_reason: str = "") -> dict[str, Any]:
    """A Socket Mode envelope of `kind` events_api, slash_commands or interactive."""
    return {"envelope_id": unique("env-"), "type": kind, "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": retry_attempt, "retry_reason": retry_reason}


def buttons(call_body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The buttons of a posted message by action_id."""
    found: dict[str, dict[str, Any]] = {}
    for block in call_body.get("blocks") or []:
        for element in block.get("elements", []) if block.get("type") == "actions" else []:
            found[element["action_id"]] = element
    return found


def block_texts(call_body: dict[str, Any]) -> list[str]:
    """Every text of a posted message's blocks, section and context alike."""
    texts: list[str] = []
    for block in call_body.get("blocks") or []:
        if isinstance(block.get("text"), dict):
            texts.append(block["text"]["text"])
        for element in block.get("elements", []):
            if isinstance(element.get("text"), str):
                texts.append(element["text"])
    return texts


def assert_within_block_kit_limits(body: dict[str, Any]) -> None:
    assert body.get("blocks"), f"an answer with blocks, not {body.get('text')!r}"
    blocks = body["blocks"]
    assert len(blocks) <= 50
    assert 0 < len(body["text"]) <= 40_000
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "context":
            assert len(block["elements"]) <= 10
            assert all(len(e["text"]) <= 3000 for e in block["elements"])
        if block["type"] == "actions":
            assert all(len(e["value"]) <= 2000 and len(e["action_id"]) <= 255 for e in block["elements"])
