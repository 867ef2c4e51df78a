"""Where the Discord client connects (REST and gateway, proxies included), and the link that invites the bot."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import urlsplit

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import HTTPClient, Route

from bot import messages
from bot.settings import SettingsError

# What the bot needs in a channel; Add Reactions is not asked for: votes are buttons.
PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    embed_links=True,
    read_message_history=True,
)
SCOPES = ("bot", "applications.commands")
DEFAULT_API_BASE_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"


def _check_url(name: str, value: str, schemes: tuple[str, ...], example: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.netloc:
        raise SettingsError(
            messages.DISCORD_BAD_URL.format(name=name, value=value, schemes=" or ".join(schemes), example=example)
        )


def point_client_at(api_base_url: str, gateway_url: str) -> None:
    """Send every REST call and gateway connection of discord.py to the given endpoints.

    discord.py keeps both as class attributes, so this is process-wide and must run before login.
    `Route.BASE` prefixes every REST route (interaction callbacks and webhooks included).
    A plain `Client` does not ask `GET /gateway/bot`: it opens `DiscordWebSocket.DEFAULT_GATEWAY`
    with `?v=10&encoding=json&compress=...` added, and resumes at the `resume_gateway_url` that
    READY names, falling back to `DEFAULT_GATEWAY` when a session is invalidated.

    Args:
        api_base_url: REST base including the version path, e.g. https://discord.com/api/v10.
        gateway_url: websocket URL without query parameters, e.g. wss://gateway.discord.gg.
    """
    _check_url("DISCORD_API_BASE_URL", api_base_url, ("https", "http"), "https://discord.com/api/v10")
    _check_url("DISCORD_GATEWAY_URL", gateway_url, ("wss", "ws"), "wss://gateway.discord.gg")
    Route.BASE = api_base_url.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def uses_rest_proxy_only(api_base_url: str, gateway_url: str) -> bool:
    """Whether REST goes through a proxy while the gateway URL was left at Discord's default.

    Then the gateway is wherever the proxy's `GET /gateway/bot` says (see `discover_gateway`).
    """
    return api_base_url.rstrip("/") != DEFAULT_API_BASE_URL and gateway_url.rstrip("/") == DEFAULT_GATEWAY_URL


async def discover_gateway(http: HTTPClient) -> str:
    """Ask the REST API where the gateway is (`GET /gateway/bot`) and connect there from now on.

    Args:
        http: the logged-in client's HTTP client.

    Returns:
        The gateway URL.
    """
    _shards, url, _limits = await http.get_bot_gateway()
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
    return url


def application_id_from_token(token: str) -> int:
    """The application (bot user) id a bot token carries: its first segment is that id in base64.

    Args:
        token: a bot token, `<base64 id>.<timestamp>.<hmac>`.

    Returns:
        The id.
    """
    first = token.strip().split(".", 1)[0]
    padded = first + "=" * (-len(first) % 4)
    try:
        decoded = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        decoded = ""
    if not decoded.isdigit():
        raise SettingsError(messages.DISCORD_BAD_TOKEN_SHAPE)
    return int(decoded)


def invite_url(client_id: str, token: str) -> str:
    """The OAuth2 link that adds the bot to a server with the scopes and permissions it needs.

    Args:
        client_id: the application id, if given (--client-id or DISCORD_CLIENT_ID); wins over the token.
        token: DISCORD_TOKEN, whose first segment holds the application id.

    Returns:
        https://discord.com/oauth2/authorize?client_id=...&scope=bot+applications.commands&permissions=...
    """
    client_id = client_id.strip()
    if client_id:
        if not client_id.isdigit():
            raise SettingsError(messages.DISCORD_NO_CLIENT_ID)
        application_id = int(client_id)
    elif token.strip():
        application_id = application_id_from_token(token)
    else:
        raise SettingsError(messages.DISCORD_NO_CLIENT_ID)
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS, scopes=SCOPES)
