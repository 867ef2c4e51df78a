"""Start, serve and stop the Slack bot: token checks, model, then Socket Mode or HTTP, until SIGTERM/Ctrl-C."""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.adapter.socket_mode.async_internals import run_async_bolt_app, send_async_response
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages
from bot.answer import Answerer
from bot.settings import Settings, SettingsError
from bot.slack_app import SlackBot
from bot.slack_reply import CALL_ERRORS, error_code

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
LoadAnswerer = Callable[[Settings], Answerer]


@dataclass(frozen=True)
class Listen:
    """How to reach Slack: Socket Mode, or HTTP on host:port."""

    http: bool
    host: str = "0.0.0.0"
    port: int = 3000


def web_client(settings: Settings, session: aiohttp.ClientSession) -> AsyncWebClient:
    """The Web API client: bot token, SLACK_API_URL (a trailing slash is optional), retries on 429."""
    client = AsyncWebClient(
        token=settings.slack_bot_token, base_url=settings.slack_api_url.rstrip("/") + "/", session=session
    )
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    return client


async def check_token(client: AsyncWebClient, name: str, app_token: str = "") -> str:
    """Ask Slack whether a token works (auth.test, or apps.connections.open for the app token).

    Args:
        client: the Web API client.
        name: the setting being checked, named in the error.
        app_token: check this app-level token instead of the bot token.

    Returns:
        The bot's user id (bot token) or "".

    Raises:
        SettingsError: Slack rejected the token or could not be reached.
    """
    try:
        if app_token:
            await client.apps_connections_open(app_token=app_token)
            return ""
        identity = await client.auth_test()
        return str(identity.get("user_id") or "")
    except SlackApiError as error:
        raise SettingsError(messages.SLACK_TOKEN_REJECTED.format(name=name, error=error_code(error))) from None
    except CALL_ERRORS as error:
        raise SettingsError(messages.SLACK_UNREACHABLE.format(url=client.base_url, kind=type(error).__name__)) from None


class AckingSocketModeHandler(AsyncSocketModeHandler):
    """Socket Mode handler that acknowledges every envelope, so Slack never resends one we chose to drop."""

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        """Dispatch an envelope to the app and send its acknowledgement."""
        start = time.time()
        response: BoltResponse = await run_async_bolt_app(self.app, req)
        if response.status != 200:
            response = BoltResponse(status=200, body="")
        await send_async_response(client, req, response, start)


async def serve_http(bot: SlackBot, listen: Listen, stop: asyncio.Event) -> None:
    """Serve events, slash commands and actions on POST /slack/events until `stop` is set."""

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bot.app.async_dispatch(await to_bolt_request(request)))

    server = web.Application()
    server.router.add_post(EVENTS_PATH, events)
    runner = web.AppRunner(server, access_log=None, handle_signals=False, shutdown_timeout=2.0)
    await runner.setup()
    try:
        await web.TCPSite(runner, listen.host, listen.port).start()
    except OSError as error:
        await runner.cleanup()
        raise SettingsError(f"cannot listen on {listen.host}:{listen.port} ({error.strerror}); "
                            "choose another with --port or --host") from None
    log.info("listening for Slack on http://%s:%d%s", listen.host, listen.port, EVENTS_PATH)
    await stop.wait()
    await runner.cleanup()


async def serve_socket(bot: SlackBot, app_token: str, stop: asyncio.Event) -> None:
    """Hold a Socket Mode connection (reconnecting when Slack asks) until `stop` is set."""
    handler = AckingSocketModeHandler(bot.app, app_token=app_token, web_client=bot.client,
                                      logger=logging.getLogger("slack_sdk.socket_mode"))
    await handler.connect_async()  # type: ignore[no-untyped-call]
    log.info("connected to Slack over Socket Mode")
    await stop.wait()
    await handler.close_async()  # type: ignore[no-untyped-call]


async def _load_unless_stopped(load: LoadAnswerer, settings: Settings, stop: asyncio.Event) -> Answerer | None:
    """Load the model in a daemon thread, so a stop during the load exits at once; None if stopped."""
    loop = asyncio.get_running_loop()
    loaded: asyncio.Future[Answerer] = loop.create_future()

    def settle(setter: Callable[[Any], None], value: Any) -> None:
        def now() -> None:
            if not loaded.done():
                setter(value)

        try:
            loop.call_soon_threadsafe(now)
        except RuntimeError:  # the loop is gone: the bot was stopped meanwhile
            pass

    def work() -> None:
        try:
            answerer = load(settings)
        except BaseException as error:
            settle(loaded.set_exception, error)
            return
        settle(loaded.set_result, answerer)

    threading.Thread(target=work, name="load-model", daemon=True).start()
    stopped: asyncio.Future[bool] = asyncio.ensure_future(stop.wait())
    either: list[asyncio.Future[Any]] = [loaded, stopped]
    await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    return loaded.result() if loaded.done() else None


async def serve(settings: Settings, listen: Listen, load: LoadAnswerer) -> None:
    """Check the tokens, load the answerer, then serve Slack until SIGTERM or Ctrl-C.

    Args:
        settings: tokens, API URL, cooldown, channels, state folder.
        listen: Socket Mode or HTTP.
        load: builds the answerer (model and index) from settings.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with aiohttp.ClientSession() as session:
        client = web_client(settings, session)
        bot_user_id = await check_token(client, "SLACK_BOT_TOKEN")
        if not listen.http:
            await check_token(client, "SLACK_APP_TOKEN", app_token=settings.slack_app_token)
        answerer = await _load_unless_stopped(load, settings, stop)
        if answerer is None:
            return
        bot = SlackBot(answerer=answerer, client=client, settings=settings, bot_user_id=bot_user_id)
        try:
            if listen.http:
                await serve_http(bot, listen, stop)
            else:
                await serve_socket(bot, settings.slack_app_token, stop)
        finally:
            await bot.close()
    log.info("stopped")
