"""The `summitbot` command: the composition root. Only this layer reads the environment."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from typing import Any

import click

from bot import messages
from bot.settings import Settings, SettingsError
from index import DocumentError, IndexDamaged, IndexNotFound, ModelError

# Errors a user can fix: one line on stderr, exit 2.
USER_ERRORS = (SettingsError, DocumentError, ModelError, IndexNotFound, IndexDamaged)

# Subcommands load on use, so `ask` never imports the chat libraries.
COMMANDS = {
    "ask": "bot.commands.ask:ask",
    "index": "bot.commands.index:index",
    "eval": "bot.commands.evaluate:evaluate",
    "feedback": "bot.commands.feedback:feedback",
    "discord": "bot.commands.discord:discord",
    "slack": "bot.commands.slack:slack",
}


class SummitbotGroup(click.Group):
    """A group that loads subcommands lazily and turns every error into one line and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name].split(":")
        module = __import__(module_name, fromlist=[attribute])
        command: click.Command = getattr(module, attribute)
        return command

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        argv = list(sys.argv[1:] if args is None else args)
        verbose = "--verbose" in argv
        argv = [a for a in argv if a != "--verbose"]
        logging.basicConfig(
            level=logging.DEBUG if verbose else logging.WARNING,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        if not verbose:  # the model libraries' notices are not the user's business; errors still are
            for noisy in ("sentence_transformers", "transformers", "huggingface_hub"):
                logging.getLogger(noisy).setLevel(logging.ERROR)
        try:
            return super().main(args=argv, prog_name=prog_name or "summitbot", standalone_mode=False, **extra)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else "summitbot"
            click.echo(f"summitbot: {error.format_message()} (see '{where} --help')", err=True)
            sys.exit(2)
        except click.ClickException as error:
            click.echo(f"summitbot: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except USER_ERRORS as error:
            click.echo(f"summitbot: {error}", err=True)
            sys.exit(2)
        except (click.Abort, KeyboardInterrupt):
            click.echo("summitbot: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()  # the reader left (e.g. `| head`); nothing more to say
            sys.exit(0)
        except Exception as error:  # the last line of defence: one line, traceback only if asked
            if verbose:
                traceback.print_exc()
            click.echo("summitbot: " + messages.UNEXPECTED.format(kind=type(error).__name__), err=True)
            sys.exit(1)


@click.group(cls=SummitbotGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summitbot", prog_name="summitbot")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Answers questions about a meeting from the articles about it, with verbatim quotes.

    Add --verbose anywhere for debug logs and tracebacks.
    """
    from dotenv import load_dotenv

    load_dotenv(os.path.join(os.getcwd(), ".env"), override=False)
    ctx.obj = Settings.from_env(os.environ)


def main() -> None:
    """Console-script entry point."""
    cli.main()
