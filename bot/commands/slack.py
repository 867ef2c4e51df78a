"""`summitbot slack`: run the Slack bot over Socket Mode (default) or the Events API over HTTP."""

from __future__ import annotations

import logging
import signal
import sys
from types import FrameType

import click

from bot.settings import Settings


class SecretRedactor(logging.Filter):
    """Replaces tokens and secrets in log lines, whatever library wrote them.

    Args:
        secrets: values that must never reach a log.
    """

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if len(s) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message (and formatted traceback) without the secrets."""
        text = record.getMessage()
        if any(s in text for s in self.secrets):
            for secret in self.secrets:
                text = text.replace(secret, "[redacted]")
            record.msg, record.args = text, None
        if record.exc_text:
            for secret in self.secrets:
                record.exc_text = record.exc_text.replace(secret, "[redacted]")
        return True


def _configure_logging(settings: Settings) -> None:
    """INFO for summitbot's own lines unless --verbose asked for DEBUG; secrets redacted everywhere."""
    root = logging.getLogger()
    if root.level > logging.INFO:
        logging.getLogger("bot").setLevel(logging.INFO)
    redactor = SecretRedactor([settings.slack_bot_token, settings.slack_app_token, settings.slack_signing_secret])
    for handler in root.handlers:
        handler.addFilter(redactor)


def _announce_build(reason: str) -> None:
    """Say in the log why the index is being (re)built before the bot can answer."""
    logging.getLogger("bot.slack").info("building the index (%s)", reason)


def _exit_quietly(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or Ctrl-C before the bot is serving (e.g. while the model loads): stop, exit 0."""
    sys.exit(0)


@click.command()
@click.option("--http", "over_http", is_flag=True,
              help="Receive events over HTTP (Events API) instead of Socket Mode; needs SLACK_SIGNING_SECRET.")
@click.option("--port", type=click.IntRange(1, 65535), default=3000, show_default=True, help="HTTP port (with --http).")
@click.option("--host", default="0.0.0.0", show_default=True, help="HTTP address to listen on (with --http).")
@click.pass_context
def slack(ctx: click.Context, over_http: bool, port: int, host: str) -> None:
    """Run the Slack bot.

    Socket Mode (the default) needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN. With --http it serves
    events, slash commands and actions on POST /slack/events and needs SLACK_BOT_TOKEN and
    SLACK_SIGNING_SECRET. Stops cleanly on SIGTERM or Ctrl-C.
    """
    settings: Settings = ctx.obj
    given = [f"--{name}" for name in ("port", "host")
             if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT]
    if given and not over_http:
        raise click.UsageError(f"{' and '.join(given)} only apply with --http")
    if over_http:
        settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
    else:
        settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    signal.signal(signal.SIGTERM, _exit_quietly)
    signal.signal(signal.SIGINT, _exit_quietly)
    _configure_logging(settings)

    import asyncio

    from bot.answer import Answerer
    from bot.engine import load_answerer
    from bot.slack_runtime import Listen, serve

    def load(current: Settings) -> Answerer:
        return load_answerer(current, on_build=_announce_build)

    asyncio.run(serve(settings, Listen(over_http, host, port), load))
