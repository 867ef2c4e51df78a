"""Running the Discord bot: connect, serve until SIGTERM or Ctrl-C, close cleanly; start-up errors in plain words."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable

import aiohttp
import discord

from bot import messages
from bot.answer import Answerer
from bot.discord_app import SummitClient
from bot.discord_endpoints import point_client_at
from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

# SIGTERM must end the process within 10 s: closing gets 5, the rest is spare.
CLOSE_TIMEOUT_SECONDS = 5.0


def startup_error(error: BaseException, settings: Settings) -> BaseException:
    """The error to show for a failed start: a fixable one (exit 2) when the user can fix it.

    Args:
        error: what `Client.start` raised.
        settings: for the endpoint named in the message.

    Returns:
        A `SettingsError` naming the setting and the fix, or the error itself.
    """
    if isinstance(error, discord.LoginFailure):
        return SettingsError(messages.DISCORD_TOKEN_REJECTED)
    if isinstance(error, discord.PrivilegedIntentsRequired):
        return SettingsError(messages.DISCORD_PRIVILEGED_INTENTS)
    if isinstance(error, discord.ConnectionClosed) and error.code == 4004:  # gateway: authentication failed
        return SettingsError(messages.DISCORD_TOKEN_REJECTED)
    if isinstance(error, discord.GatewayNotFound):
        return SettingsError(messages.DISCORD_NO_GATEWAY)
    if isinstance(error, aiohttp.ClientConnectionError):
        url = settings.discord_api_base_url
        return SettingsError(messages.DISCORD_UNREACHABLE.format(url=url, kind=type(error).__name__))
    return error


async def _close(client: SummitClient, running: asyncio.Task[None]) -> None:
    try:
        await asyncio.wait_for(client.close(), CLOSE_TIMEOUT_SECONDS)
    except Exception:  # a stuck close must not keep the process alive
        log.warning("closing the Discord connection took too long; stopping anyway", exc_info=True)
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)


async def serve(settings: Settings, load: Callable[[], Answerer]) -> None:
    """Run the bot until SIGTERM or SIGINT, then close the gateway and HTTP sessions.

    Args:
        settings: the configuration (DISCORD_TOKEN set).
        load: builds the answerer; called once, after the token is accepted.
    """
    point_client_at(settings.discord_api_base_url, settings.discord_gateway_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    client = SummitClient(settings=settings, load=load)
    try:
        async with client:
            running = asyncio.create_task(client.start(settings.discord_token))
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not stop.is_set():
                stopping.cancel()
                error = running.exception()
                if error is None:
                    return
                fixable = startup_error(error, settings)
                if fixable is error:
                    raise error
                raise fixable from error
            log.info("stopping")
            await _close(client, running)
    finally:
        client.model_pool.shutdown(wait=False, cancel_futures=True)
    log.info("stopped")
