"""Interactions: the slash commands' answers, and presses of the 👍 / 👎 buttons.

Every handler acknowledges within Discord's 3 seconds: cheap ones answer at once, model work is
deferred first and followed up. A failure is logged with its traceback and answered politely.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot import messages
from bot.answer import Answer
from bot.discord_render import NO_PINGS, message_parts, render_answer, render_passages, render_sources
from bot.discord_votes import parse_vote

if TYPE_CHECKING:
    from bot.discord_app import SummitClient

log = logging.getLogger(__name__)

Interaction = discord.Interaction[discord.Client]

WHY_PASSAGES = 5
SUGGESTIONS = 25


def places(channel: object, channel_id: int | None) -> set[str]:
    """The channel ids that decide the allow-list: the channel, and a thread's parent."""
    ids = {channel_id, getattr(channel, "id", None), getattr(channel, "parent_id", None)}
    return {str(i) for i in ids if i is not None}


def log_answer(via: str, answer: Answer, took_ms: float) -> None:
    """One log line per question, never its text: logs are not the place for what people ask."""
    outcome = "answered" if answer.answered else "declined"
    log.info("%s question %s with %d source(s) in %.0f ms", via, outcome, len(answer.citations), took_ms)


async def quietly(courtesy: Awaitable[object], what: str) -> None:
    """Await a courtesy (typing, an apology) whose failure must not raise further: it is logged at debug."""
    try:
        await courtesy
    except Exception:
        log.debug("could not %s", what, exc_info=True)


async def acknowledge(interaction: Interaction, first_response: Awaitable[object]) -> None:
    """Send an interaction's first response (`defer`, `send_message`).

    Discord has it once the request succeeds. discord.py then reads the callback's response body
    (`?with_response=1`); a body it can't read (a proxy that drops the parameter answers 204) is no
    reason to fail the command.
    """
    try:
        await first_response
    except (TypeError, KeyError):
        if not interaction.response.is_done():
            raise
        log.debug("could not read the interaction callback's response body; carrying on", exc_info=True)


async def tell(interaction: Interaction, text: str) -> None:
    """Answer an interaction with a short note only its user sees."""
    await acknowledge(interaction, interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS))


async def say_error(interaction: Interaction) -> None:
    """Tell the person something went wrong (messages.CHAT_ERROR), however far the interaction got."""
    if interaction.response.is_done():
        sending = interaction.followup.send(messages.CHAT_ERROR, ephemeral=True, allowed_mentions=NO_PINGS)
        await quietly(sending, "apologise for a failed command")
    else:
        await quietly(tell(interaction, messages.CHAT_ERROR), "apologise for a failed command")


class SummitTree(app_commands.CommandTree[discord.Client]):
    """The command tree; a failing command is logged with its traceback and answered politely."""

    async def on_error(self, interaction: Interaction, error: app_commands.AppCommandError) -> None:
        """Log the error and answer with messages.CHAT_ERROR."""
        name = interaction.command.name if interaction.command else "?"
        if self.client.is_closed():
            log.info("/%s was cut short by the shutdown", name)
            return
        log.error("/%s failed", name, exc_info=error)
        await say_error(interaction)


class SlashCommands:
    """The answers to `/ask`, `/why` and `/sources` (a `CommandHandler` of bot/discord_commands.py).

    Args:
        client: the running bot.
    """

    def __init__(self, client: SummitClient) -> None:
        self.client = client

    def _refusal(self, interaction: Interaction) -> str | None:
        where = places(interaction.channel, interaction.channel_id)
        return self.client.refusal(interaction.user.id, where, interaction.guild_id is None)

    async def ask_slash(self, interaction: Interaction, question: str, private: bool) -> None:
        """`/ask`: acknowledge at once (deferred), answer off the loop, then follow up with the answer."""
        refusal = self._refusal(interaction)
        if refusal:
            await tell(interaction, refusal)
            return
        await acknowledge(interaction, interaction.response.defer(ephemeral=private, thinking=True))
        answer, took_ms = await self.client.ask(question)
        view = await self.client.vote_view(answer)
        await interaction.followup.send(**message_parts(render_answer(answer), view), ephemeral=private, wait=True)
        log_answer("/ask", answer, took_ms)

    async def why_slash(self, interaction: Interaction, question: str) -> None:
        """`/why`: the best-matching passages with their scores, to the asker only."""
        refusal = self._refusal(interaction)
        if refusal:
            await tell(interaction, refusal)
            return
        await acknowledge(interaction, interaction.response.defer(ephemeral=True, thinking=True))
        passages = await self.client.in_model_pool(self.client.answerer.passages, question, WHY_PASSAGES)
        reply = render_passages(question, passages)
        await interaction.followup.send(**message_parts(reply), ephemeral=True, wait=True)
        log.info("/why showed %d passage(s)", len(passages))

    async def sources_slash(self, interaction: Interaction) -> None:
        """`/sources`: what is indexed, to the asker only (cheap, so answered at once)."""
        reply = render_sources(self.client.answerer.sources())
        await acknowledge(interaction, interaction.response.send_message(**message_parts(reply), ephemeral=True))

    async def help_slash(self, interaction: Interaction) -> None:
        """`/help`: how to ask, to the asker only."""
        await tell(interaction, messages.DISCORD_HELP)

    def suggest(self, typed: str) -> list[str]:
        """Autocomplete for `/ask`: cheap, so it runs on the loop and never queues behind answers."""
        return self.client.answerer.suggest(typed, SUGGESTIONS) if self.client.is_loaded else []


async def count_vote(client: SummitClient, interaction: Interaction) -> None:
    """Record a press of a 👍 / 👎 button, of any answer (even one sent before a restart).

    Args:
        client: the running bot, with its ledger and feedback store.
        interaction: any interaction; all but vote-button presses are left alone.
    """
    if interaction.type is not discord.InteractionType.component or interaction.data is None:
        return
    vote = parse_vote(str(interaction.data.get("custom_id", "")))
    if vote is None:
        return
    try:
        await _record_vote(client, interaction, *vote)
    except Exception:
        if client.is_closed():
            log.info("a vote was cut short by the shutdown")
            return
        log.exception("failed to record a vote")
        await say_error(interaction)


async def _record_vote(client: SummitClient, interaction: Interaction, vote: int, key: str) -> None:
    ledger, feedback = client.ledger, client.feedback
    if ledger is None or feedback is None:
        raise RuntimeError("the vote stores are not open yet")
    recalled = await asyncio.to_thread(ledger.recall, key)
    if recalled is None:
        await tell(interaction, messages.DISCORD_VOTE_UNKNOWN)
        return
    question, answer = recalled
    await asyncio.to_thread(feedback.record, "discord", question, answer, vote, str(interaction.user.id))
    await tell(interaction, messages.FEEDBACK_THANKS)
    log.info("recorded a vote (%s)", "up" if vote > 0 else "down")
