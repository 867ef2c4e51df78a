"""Discord API objects as the real API sends them (v10), for the loopback fake: users, guilds, messages, interactions."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import time
from typing import Any

DISCORD_EPOCH_MS = 1420070400000
MESSAGE_CONTENT_INTENT = 1 << 15
EPHEMERAL_FLAG = 1 << 6
EMBED_LINKS = 1 << 14
# What a server's @everyone can typically do: view, send, embed, read history, use commands, and more.
EVERYONE_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31) | (1 << 38)

_counter = itertools.count(1)
_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


def snowflake() -> str:
    """A fresh, increasing Discord id."""
    return str(((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(_counter) % 4096))


def now_iso() -> str:
    """A timestamp as Discord writes it."""
    return dt.datetime.now(dt.UTC).isoformat()


def user(user_id: str, name: str | None = None, *, bot: bool = False) -> dict[str, Any]:
    """A user object."""
    data: dict[str, Any] = {
        "id": user_id,
        "username": name or f"user{user_id[-4:]}",
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "public_flags": 0,
    }
    if bot:
        data["bot"] = True
    return data


def member(user_data: dict[str, Any] | None, roles: list[str] | None = None) -> dict[str, Any]:
    """A guild member object (`user_data` None for the member attached to a MESSAGE_CREATE)."""
    data: dict[str, Any] = {
        "roles": roles or [],
        "joined_at": now_iso(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
        "avatar": None,
        "premium_since": None,
        "pending": False,
        "communication_disabled_until": None,
    }
    if user_data is not None:
        data["user"] = user_data
    return data


def text_channel(channel_id: str, guild_id: str, name: str, deny: int = 0) -> dict[str, Any]:
    """A guild text channel; `deny` is a permission overwrite for @everyone."""
    overwrites = [{"id": guild_id, "type": 0, "allow": "0", "deny": str(deny)}] if deny else []
    return {
        "id": channel_id,
        "type": 0,
        "guild_id": guild_id,
        "name": name,
        "position": 0,
        "permission_overwrites": overwrites,
        "parent_id": None,
        "nsfw": False,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }


def guild(
    guild_id: str, bot_user: dict[str, Any], bot_role_id: str, channels: list[dict[str, Any]]
) -> dict[str, Any]:
    """A GUILD_CREATE payload: @everyone and the bot's managed role, the channels, the bot's own member."""
    roles = [
        {"id": guild_id, "name": "@everyone", "permissions": str(EVERYONE_PERMISSIONS), "position": 0, "color": 0,
         "hoist": False, "managed": False, "mentionable": False, "flags": 0},
        {"id": bot_role_id, "name": bot_user["username"], "permissions": str(EVERYONE_PERMISSIONS), "position": 1,
         "color": 0, "hoist": False, "managed": True, "mentionable": False, "flags": 0,
         "tags": {"bot_id": bot_user["id"]}},
    ]
    return {
        "id": guild_id, "name": "Summit fans", "icon": None, "owner_id": snowflake(), "afk_timeout": 300,
        "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
        "nsfw_level": 0, "premium_tier": 0, "preferred_locale": "en-US", "features": [], "roles": roles,
        "emojis": [], "stickers": [], "channels": channels, "threads": [], "members": [member(bot_user, [bot_role_id])],
        "voice_states": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "soundboard_sounds": [], "member_count": 3, "large": False, "unavailable": False, "joined_at": now_iso(),
        "system_channel_id": None, "rules_channel_id": None, "public_updates_channel_id": None,
    }


def message(
    content: str,
    *,
    author: dict[str, Any],
    channel_id: str,
    guild_id: str | None,
    known_users: dict[str, dict[str, Any]],
    reference: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A message object; mentions are read from the content as Discord does (users it knows of)."""
    mentioned = [known_users.get(uid) or user(uid) for uid in dict.fromkeys(_MENTION.findall(content))]
    data: dict[str, Any] = {
        "id": snowflake(),
        "channel_id": channel_id,
        "author": author,
        "content": content,
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,  # people in these tests may not ping @everyone
        "mentions": mentioned,
        "mention_roles": list(dict.fromkeys(_ROLE_MENTION.findall(content))),
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 19 if reference else 0,
        "flags": 0,
        "components": [],
    }
    if guild_id is not None:
        data["guild_id"] = guild_id
        data["member"] = member(None)
    if reference is not None:
        data["message_reference"] = {"type": 0, "message_id": reference["id"], "channel_id": channel_id}
        if guild_id is not None:
            data["message_reference"]["guild_id"] = guild_id
        data["referenced_message"] = reference
    data.update(extra or {})
    return data


def without_content(data: dict[str, Any]) -> dict[str, Any]:
    """What an app without the message content intent receives of a message not meant for it."""
    return {**data, "content": "", "embeds": [], "attachments": [], "components": []}


def interaction(
    kind: int,
    data: dict[str, Any],
    *,
    application_id: str,
    user_data: dict[str, Any],
    channel: dict[str, Any],
    guild_id: str | None,
    app_permissions: int,
    message_data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload: 2 application command, 3 component, 4 autocomplete."""
    payload: dict[str, Any] = {
        "id": snowflake(),
        "application_id": application_id,
        "type": kind,
        "data": data,
        "token": "aW50ZXJhY3Rpb24" + snowflake() + "x" * 40,
        "version": 1,
        "channel_id": channel["id"],
        "channel": channel,
        "app_permissions": str(app_permissions),
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if guild_id is not None:
        payload.update(
            guild_id=guild_id,
            guild={"id": guild_id, "locale": "en-US", "features": []},
            guild_locale="en-US",
            member={**member(user_data), "permissions": str(EVERYONE_PERMISSIONS)},
            authorizing_integration_owners={"0": guild_id},
            context=0,
        )
    else:
        payload.update(user=user_data, authorizing_integration_owners={"0": "0"}, context=1)
    if message_data is not None:
        payload["message"] = message_data
    return payload
