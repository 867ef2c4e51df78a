"""The slash commands `/ask`, `/why`, `/sources` and `/help`, declared for discord.py's command tree.

Each command hands the interaction to a `CommandHandler` (the client), which holds the answering logic.
"""

from __future__ import annotations

from typing import Protocol

import discord
from discord import app_commands

from bot import messages
from bot.discord_render import clip

AUTOCOMPLETE_MAX_CHOICES = 25
CHOICE_MAX_CHARS = 100


class CommandHandler(Protocol):
    """What the commands need from the bot."""

    async def ask_slash(self, interaction: discord.Interaction[discord.Client], question: str, private: bool) -> None:
        """Answer `/ask`."""
        ...

    async def why_slash(self, interaction: discord.Interaction[discord.Client], question: str) -> None:
        """Answer `/why`."""
        ...

    async def sources_slash(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Answer `/sources`."""
        ...

    async def help_slash(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Answer `/help`."""
        ...

    def suggest(self, typed: str) -> list[str]:
        """Questions to offer while someone types."""
        ...


def choices(suggestions: list[str]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices as Discord accepts them: at most 25, each 1-100 characters."""
    clipped = [clip(s.strip(), CHOICE_MAX_CHARS) for s in suggestions if s.strip()]
    unique = list(dict.fromkeys(clipped))[:AUTOCOMPLETE_MAX_CHOICES]
    return [app_commands.Choice(name=s, value=s) for s in unique]


def add_commands(tree: app_commands.CommandTree[discord.Client], handler: CommandHandler) -> None:
    """Declare the slash commands on a command tree (syncing them with Discord is separate).

    Args:
        tree: the client's command tree.
        handler: answers the commands.
    """

    @tree.command(name="ask", description=messages.DISCORD_ASK_DESCRIPTION)
    @app_commands.describe(question=messages.DISCORD_QUESTION_DESCRIPTION, private=messages.DISCORD_PRIVATE_DESCRIPTION)
    async def ask(interaction: discord.Interaction[discord.Client], question: str, private: bool = False) -> None:
        await handler.ask_slash(interaction, question, private)

    @ask.autocomplete("question")
    async def suggest_questions(
        interaction: discord.Interaction[discord.Client], current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(handler.suggest(current))

    @tree.command(name="why", description=messages.DISCORD_WHY_DESCRIPTION)
    @app_commands.describe(question=messages.DISCORD_QUESTION_DESCRIPTION)
    async def why(interaction: discord.Interaction[discord.Client], question: str) -> None:
        await handler.why_slash(interaction, question)

    @tree.command(name="sources", description=messages.DISCORD_SOURCES_DESCRIPTION)
    async def sources(interaction: discord.Interaction[discord.Client]) -> None:
        await handler.sources_slash(interaction)

    @tree.command(name="help", description=messages.DISCORD_HELP_DESCRIPTION)
    async def help_command(interaction: discord.Interaction[discord.Client]) -> None:
        await handler.help_slash(interaction)
