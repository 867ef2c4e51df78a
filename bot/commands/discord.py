"""`summitbot discord`: run the Discord bot, or print the link that invites it (--invite-url)."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import signal
import sys

import click

from bot.settings import Settings

log = logging.getLogger("bot.discord")


class SecretFilter(logging.Filter):
    """Blanks a secret in every log record, tracebacks included, whatever logged it.

    Args:
        secret: the text to hide (the bot token).
    """

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "[token]"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self.secret, "[token]")
        return True


def _log_to_operators(token: str) -> None:
    """summitbot's own INFO lines by default (one per question, never its text), libraries' warnings;
    everything with --verbose. Nothing is logged before login, so a bad token prints one line only.
    """
    if logging.getLogger().level > logging.INFO:
        logging.getLogger("bot").setLevel(logging.INFO)
    for handler in logging.getLogger().handlers:
        handler.addFilter(SecretFilter(token))


def _stop_now(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _report_build(reason: str) -> None:
    log.info("building the index (%s); this takes a moment", reason)


def _exit_now() -> None:
    """Exit 0 at once after a clean stop: nothing is left to save, and Python's teardown of the model
    (seconds) or an unfinished answer in the model thread must not delay the exit.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@click.command()
@click.option("--invite-url", "show_invite", is_flag=True, help="Print the link that adds the bot to a server, then exit.")
@click.option(
    "--client-id",
    envvar="DISCORD_CLIENT_ID",
    default="",
    metavar="ID",
    help="Application id for --invite-url [env DISCORD_CLIENT_ID]; default: read from DISCORD_TOKEN.",
)
@click.pass_obj
def discord(settings: Settings, show_invite: bool, client_id: str) -> None:
    """Run the Discord bot: /ask, /why, /sources, /help, and answers to @mentions and DMs.

    Needs DISCORD_TOKEN (Developer Portal → your app → Bot). Stops cleanly on SIGTERM or Ctrl-C.
    """
    if show_invite:
        from bot.discord_endpoints import invite_url

        click.echo(invite_url(client_id, settings.discord_token))
        return
    settings.require("DISCORD_TOKEN")
    _log_to_operators(settings.discord_token)
    signal.signal(signal.SIGTERM, _stop_now)  # a clean stop even before the event loop takes the signals over
    from bot.discord_lifecycle import serve
    from bot.engine import load_answerer

    asyncio.run(serve(settings, functools.partial(load_answerer, settings, on_build=_report_build)))
    _exit_now()
