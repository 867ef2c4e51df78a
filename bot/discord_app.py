"""The Discord adapter: slash commands, @mentions and DMs in; `Answerer` off the event loop; replies out.

Every message goes out with `AllowedMentions.none()`. Model work runs in a one-thread pool, so the
gateway (heartbeats, interaction acknowledgements) never waits for it. Slash commands and vote buttons
are in bot/discord_interactions.py, mentions and DMs in bot/discord_mentions.py, start-up and shutdown
in bot/discord_lifecycle.py.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import discord

from bot import messages
from bot.answer import Answer, Answerer
from bot.cooldown import Cooldown
from bot.discord_commands import add_commands
from bot.discord_endpoints import discover_gateway, uses_rest_proxy_only
from bot.discord_history import ReplyChains
from bot.discord_interactions import Interaction, SlashCommands, SummitTree, count_vote
from bot.discord_mentions import MentionReplies
from bot.discord_render import NO_PINGS
from bot.discord_votes import AnswerLedger, vote_view
from bot.feedback import FeedbackStore
from bot.question import MAX_QUESTION_CHARS, clean_question
from bot.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")

MODEL_WORKERS = 1  # the core is not promised thread-safe; one worker also leaves CPU to the gateway


def bot_intents() -> discord.Intents:
    """Default intents minus message content (privileged): Discord still sends the content of mentions and DMs."""
    intents = discord.Intents.default()
    intents.message_content = False
    return intents


class SummitClient(discord.Client):
    """summitbot on Discord.

    Args:
        settings: the configuration.
        load: builds the answerer (model and index); runs once, off the event loop, in `setup_hook`.
    """

    def __init__(self, *, settings: Settings, load: Callable[[], Answerer]) -> None:
        # summitbot never joins voice: no warning at start-up that voice libraries are missing.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            intents=bot_intents(), allowed_mentions=NO_PINGS, max_messages=None, chunk_guilds_at_startup=False
        )
        self.settings = settings
        self._load = load
        self._answerer: Answerer | None = None
        self.ledger: AnswerLedger | None = None
        self.feedback: FeedbackStore | None = None
        self.model_pool = ThreadPoolExecutor(MODEL_WORKERS, thread_name_prefix="summitbot-model")
        self.cooldown = Cooldown(settings.cooldown_seconds)
        self.chains = ReplyChains()
        self.tree = SummitTree(self)
        add_commands(self.tree, SlashCommands(self))
        self.mentions = MentionReplies(self)

    @property
    def answerer(self) -> Answerer:
        """The loaded answerer (set in `setup_hook`, before any event can arrive)."""
        if self._answerer is None:
            raise RuntimeError("the answerer is not loaded yet")
        return self._answerer

    @property
    def is_loaded(self) -> bool:
        """Whether the model and index are ready."""
        return self._answerer is not None

    async def in_model_pool(self, func: Callable[..., T], *args: Any) -> T:
        """Run model work in the model thread, never on the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.model_pool, functools.partial(func, *args))

    async def setup_hook(self) -> None:
        """After login, before the gateway: load the model and index, open the stores, sync the commands."""
        log.info("loading the model and the index")
        started = time.perf_counter()
        self._answerer = await self.in_model_pool(self._load)
        self.ledger = await asyncio.to_thread(AnswerLedger, self.settings.home / "discord_answers.sqlite3")
        self.feedback = await asyncio.to_thread(FeedbackStore, self.settings.feedback_db)
        log.info("model and index ready in %.1f s", time.perf_counter() - started)
        await self._sync_commands()
        if uses_rest_proxy_only(self.settings.discord_api_base_url, self.settings.discord_gateway_url):
            log.info("gateway (from the REST proxy): %s", await discover_gateway(self.http))

    async def _sync_commands(self) -> None:
        guild_id = self.settings.discord_guild_id
        guild = discord.Object(id=guild_id) if guild_id else None
        where = f"in server {guild_id}" if guild_id else "globally"
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException as error:
            log.warning(
                "could not register the slash commands %s (HTTP %s); invite the bot with the applications.commands "
                "scope (summitbot discord --invite-url) or check DISCORD_GUILD_ID; mentions and DMs still work",
                where,
                error.status,
            )
            return
        log.info("registered %d slash commands %s", len(synced), where)

    async def on_ready(self) -> None:
        """Log who the bot is and where."""
        log.info("connected to Discord as %s in %d server(s)", self.user, len(self.guilds))

    async def on_resumed(self) -> None:
        """Log a resumed gateway session."""
        log.info("gateway session resumed")

    def refusal(self, user_id: int, where: set[str], direct: bool) -> str | None:
        """The polite note when a question can't be answered here or now; None to go ahead.

        Args:
            user_id: who asks.
            where: the channel ids of the place (see `places`).
            direct: a DM (always allowed).

        Returns:
            The note, or None.
        """
        allowed = self.settings.allowed_channels
        if allowed and not direct and not where & allowed:
            return messages.CHANNEL_NOT_ALLOWED
        wait = self.cooldown.wait_seconds(f"discord:{user_id}")
        return messages.COOLDOWN.format(seconds=math.ceil(wait)) if wait > 0 else None

    async def ask(self, question: str, history: tuple[str, ...] = ()) -> tuple[Answer, float]:
        """Answer in the model thread; returns the answer and how long it took (ms, queueing included)."""
        started = time.perf_counter()
        answer = await self.in_model_pool(self.answerer.ask, question, history)
        return answer, (time.perf_counter() - started) * 1000

    async def vote_view(self, answer: Answer) -> discord.ui.View | None:
        """👍 / 👎 buttons for an answer; None for a greeting (nothing to rate) or if the ledger can't be written."""
        if self.ledger is None or not answer.citations:
            return None
        question = clean_question(answer.question) or answer.question[:MAX_QUESTION_CHARS]
        try:
            key = await asyncio.to_thread(self.ledger.remember, question, answer.text)
        except sqlite3.Error:
            log.warning("could not store the answer for votes; sending it without vote buttons", exc_info=True)
            return None
        return vote_view(key)

    async def on_interaction(self, interaction: Interaction) -> None:
        """Count presses of vote buttons (slash commands are routed by the command tree)."""
        await count_vote(self, interaction)

    async def on_message(self, message: discord.Message) -> None:
        """Answer a message that @mentions the bot, or a DM, as a reply to it."""
        await self.mentions.on_message(message)
