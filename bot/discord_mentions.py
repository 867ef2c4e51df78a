"""Mentions and DMs: a message that @mentions the bot, or any DM, is answered as a reply to it.

A reply to one of the bot's answers continues that conversation (a follow-up such as "what about AI?").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import discord

from bot import messages
from bot.discord_interactions import log_answer, places, quietly
from bot.discord_render import Reply, message_parts, render_answer
from bot.question import clean_question

if TYPE_CHECKING:
    from bot.discord_app import SummitClient

log = logging.getLogger(__name__)

TYPING_REPEAT_SECONDS = 8.0  # Discord shows "typing…" for about 10 s after each request
ANSWERED_TYPES = (discord.MessageType.default, discord.MessageType.reply)


def is_direct(message: discord.Message) -> bool:
    """Whether a message is a DM (no server, not even one the bot has not cached)."""
    return message.guild is None and getattr(message.channel, "guild_id", None) is None


def shows_embeds(channel: object) -> bool:
    """Whether the bot may embed links here; places it knows nothing about are assumed to allow it."""
    if isinstance(channel, discord.abc.GuildChannel | discord.Thread) and channel.guild.me is not None:
        return channel.permissions_for(channel.guild.me).embed_links
    return True


class MentionReplies:
    """Answers to @mentions and DMs.

    Args:
        client: the running bot.
    """

    def __init__(self, client: SummitClient) -> None:
        self.client = client

    async def on_message(self, message: discord.Message) -> None:
        """Answer a message that @mentions the bot, or a DM, as a reply to it."""
        if not self.wants_answer(message):
            return
        try:
            await self._answer_message(message)
        except discord.Forbidden:
            log.warning("no permission to reply in channel %s; give the bot Send Messages there", message.channel.id)
        except Exception:
            if self.client.is_closed():
                log.info("an answer was cut short by the shutdown")
                return
            log.exception("failed to answer a message")
            await quietly(self._reply(message, Reply(messages.CHAT_ERROR)), "apologise for a failed answer")

    def wants_answer(self, message: discord.Message) -> bool:
        """Whether a message is for the bot: a DM or a mention, from a person, of a kind people type."""
        me = self.client.user
        if me is None or message.author.bot or message.author.id == me.id or message.webhook_id is not None:
            return False
        if message.type not in ANSWERED_TYPES:
            return False
        if is_direct(message) or me.id in message.raw_mentions or any(u.id == me.id for u in message.mentions):
            return True
        # People sometimes pick the bot's own role (same name) from the @ menu.
        role = message.guild.self_role if message.guild else None
        return role is not None and role.id in {*message.raw_role_mentions, *(r.id for r in message.role_mentions)}

    async def _answer_message(self, message: discord.Message) -> None:
        direct = is_direct(message)
        if not direct and not message.content:
            # Without the message content intent, Discord withholds the text unless the bot user
            # itself is mentioned (mentioning its role is not enough).
            await self._reply(message, Reply(messages.DISCORD_CONTENT_HIDDEN))
            return
        refusal = self.client.refusal(message.author.id, places(message.channel, message.channel.id), direct)
        if refusal:
            await self._reply(message, Reply(refusal))
            return
        history = self.client.chains.before(message.reference.message_id if message.reference else None)
        async with self._typing(message.channel):
            answer, took_ms = await self.client.ask(message.content, history)
        view = await self.client.vote_view(answer)
        sent = await self._reply(message, render_answer(answer, embeds=shows_embeds(message.channel)), view)
        self.client.chains.remember(sent.id, history, clean_question(message.content))
        log_answer("DM" if direct else "mention", answer, took_ms)

    async def _reply(self, message: discord.Message, reply: Reply, view: discord.ui.View | None = None) -> discord.Message:
        # Still goes out (as a plain message) if the question was deleted meanwhile.
        reference = message.to_reference(fail_if_not_exists=False)
        return await message.channel.send(**message_parts(reply, view), reference=reference, mention_author=False)

    @contextlib.asynccontextmanager
    async def _typing(self, channel: discord.abc.Messageable) -> AsyncIterator[None]:
        """Show "typing…" while the body runs; failing to show it never stops the answer."""

        async def keep_typing() -> None:
            while True:
                await asyncio.sleep(TYPING_REPEAT_SECONDS)
                await quietly(channel.typing(), "show typing")

        await quietly(channel.typing(), "show typing")
        repeat = asyncio.create_task(keep_typing())
        try:
            yield
        finally:
            repeat.cancel()
