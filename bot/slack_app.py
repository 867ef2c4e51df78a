"""The Slack adapter: mention, DM, `/ask` or button -> acknowledge -> ask off the event loop -> reply.

Every listener acknowledges at once and hands the work to a task; the model runs in a small
thread pool, so Slack's 3-second deadline holds however many questions arrive together.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages
from bot.answer import Answer, Answerer
from bot.cooldown import Cooldown
from bot.feedback import FeedbackStore
from bot.settings import Settings
from bot.slack_blocks import FEEDBACK_DOWN, FEEDBACK_UP, SHARE_ANSWER, unescape
from bot.slack_buttons import ButtonPresses
from bot.slack_dedupe import RepeatedEventFilter, SeenKeys
from bot.slack_events import Event, earlier_questions, is_dm, question_text
from bot.slack_reply import RecentAnswers, Reply

log = logging.getLogger(__name__)

ANSWER_WORKERS = 2  # the model uses every core already; more threads only queue


class _QuietClientWarning(logging.Filter):
    """Drops Bolt's warning that SLACK_BOT_TOKEN in the environment is unused: we pass the client on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


def _bolt_logger() -> logging.Logger:
    bolt = logging.getLogger("slack_bolt.summitbot")
    if not bolt.filters:
        bolt.addFilter(_QuietClientWarning())
    return bolt


class SlackBot:
    """summitbot on Slack: the Bolt app and what its listeners do.

    Args:
        answerer: the loaded answering core.
        client: the Web API client (token and base URL set).
        settings: cooldown, allowed channels, feedback database, signing secret.
        bot_user_id: the bot's own user id, from auth.test.
    """

    def __init__(self, *, answerer: Answerer, client: AsyncWebClient, settings: Settings, bot_user_id: str) -> None:
        self.answerer = answerer
        self.client = client
        self.settings = settings
        self.bot_user_id = bot_user_id
        self.reply = Reply(client)
        self._pool = ThreadPoolExecutor(max_workers=ANSWER_WORKERS, thread_name_prefix="answer")
        self._cooldown = Cooldown(settings.cooldown_seconds)
        self._answers = RecentAnswers()
        self.buttons = ButtonPresses(reply=self.reply, answers=self._answers,
                                     feedback=FeedbackStore(settings.feedback_db), ask=self._ask_again)
        self._messages_seen = SeenKeys()
        self._tasks: set[asyncio.Task[None]] = set()
        self.app = AsyncApp(
            client=client,
            signing_secret=settings.slack_signing_secret,
            before_authorize=RepeatedEventFilter(SeenKeys()),
            logger=_bolt_logger(),
            name="summitbot",
        )
        self.app.event("app_mention")(self._on_mention)
        self.app.event("message")(self._on_message)
        self.app.action(re.compile(f"^({FEEDBACK_UP}|{FEEDBACK_DOWN})$"))(self._on_vote)
        self.app.action(SHARE_ANSWER)(self._on_share)
        self.app.command(re.compile(".*"))(self._on_command)  # /ask, or whatever name the admin gave it
        self.app.event(re.compile(".*"))(self._ignore_event)
        self.app.action(re.compile(".*"))(self._ack_only)
        self.app.error(self._on_error)

    # --- listeners: acknowledge, hand over, return ---

    async def _on_mention(self, event: Event) -> None:
        if not event.get("bot_id"):
            self._spawn(self._answer_message(event))

    async def _on_message(self, event: Event) -> None:
        direct = is_dm(str(event.get("channel", "")), str(event.get("channel_type", "")))
        user = event.get("user")
        if direct and user and user != self.bot_user_id and not (event.get("subtype") or event.get("bot_id")):
            self._spawn(self._answer_message(event))

    async def _on_command(self, ack: AsyncAck, command: Event) -> None:
        await ack()
        self._spawn(self._answer_command(command))

    async def _on_vote(self, ack: AsyncAck, body: Event, action: Event) -> None:
        await ack()
        self._spawn(self.buttons.vote(body, action))

    async def _on_share(self, ack: AsyncAck, body: Event, action: Event) -> None:
        await ack()
        self._spawn(self.buttons.share(body, action))

    async def _ignore_event(self) -> None:
        """Events we subscribe to without acting on them are acknowledged (automatically) and dropped."""

    async def _ack_only(self, ack: AsyncAck) -> None:
        await ack()

    async def _on_error(self, error: Exception) -> None:
        log.error("a Slack listener failed", exc_info=error)

    # --- the work, off the request path ---

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(self._guarded(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _guarded(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("a Slack reply failed")

    async def _ask(self, question: str, history: Sequence[str] = ()) -> tuple[Answer, float]:
        start = time.perf_counter()
        loop = asyncio.get_running_loop()
        answer = await loop.run_in_executor(self._pool, self.answerer.ask, question, tuple(history))
        return answer, (time.perf_counter() - start) * 1000

    async def _ask_again(self, question: str) -> Answer:
        return (await self._ask(question))[0]

    def _refusal(self, user: str, channel: str, direct: bool) -> str:
        """Why this question may not be answered now (a note for the asker), or "" to go ahead."""
        if not direct and self.settings.allowed_channels and channel not in self.settings.allowed_channels:
            return messages.CHANNEL_NOT_ALLOWED
        wait = self._cooldown.wait_seconds(f"slack:{user}")
        return messages.COOLDOWN.format(seconds=max(1.0, wait)) if wait else ""

    async def _answer_message(self, event: Event) -> None:
        channel, ts, user = str(event.get("channel", "")), str(event.get("ts", "")), str(event.get("user", ""))
        if not channel or not ts or not self._messages_seen.first_time(f"{channel}/{ts}"):
            return  # a DM that also came as app_mention, or a message without a place to answer
        direct = is_dm(channel, str(event.get("channel_type", "")))
        parent = str(event.get("thread_ts") or "")
        thread_ts = parent or (None if direct else ts)
        refusal = self._refusal(user, channel, direct)
        if refusal:
            await self.reply.note_to(channel, user, refusal, thread_ts)
            return
        await self.reply.react(channel, ts, add=True)
        try:
            history = await self._history(channel, parent, ts) if parent and parent != ts else []
            question = question_text(str(event.get("text", "")), self.bot_user_id)
            answer, took_ms = await self._ask(question, history)
            key = self._answers.keep(question, answer)
            await self.reply.post_answer(channel, thread_ts, answer, question, key)
            kind = "DM" if direct else "mention"
            log.info("answered a %s in %s: answered=%s citations=%d history=%d took_ms=%.0f",
                     kind, channel, answer.answered, len(answer.citations), len(history), took_ms)
        except Exception:
            log.exception("could not answer a message in %s", channel)
            await self.reply.say_error(channel, thread_ts)
        finally:
            await self.reply.react(channel, ts, add=False)

    async def _history(self, channel: str, thread_ts: str, ts: str) -> list[str]:
        """Earlier questions people asked in this thread, oldest first."""
        return earlier_questions(await self.reply.thread_messages(channel, thread_ts), ts, self.bot_user_id)

    async def _answer_command(self, command: Event) -> None:
        user, channel = str(command.get("user_id", "")), str(command.get("channel_id", ""))
        url = str(command.get("response_url", ""))
        refusal = self._refusal(user, channel, is_dm(channel) or command.get("channel_name") == "directmessage")
        if refusal:
            await self.reply.respond_note(url, channel, user, refusal)
            return
        try:
            question = unescape(str(command.get("text", ""))).strip()
            answer, took_ms = await self._ask(question)
            key = self._answers.keep(question, answer)
            await self.reply.respond_answer(url, channel, user, answer, question, key)
            log.info("answered /ask in %s: answered=%s citations=%d took_ms=%.0f",
                     channel, answer.answered, len(answer.citations), took_ms)
        except Exception:
            log.exception("could not answer /ask in %s", channel)
            await self.reply.respond_note(url, channel, user, messages.CHAT_ERROR)

    async def close(self, timeout_seconds: float = 3.0) -> None:
        """Let answers in progress finish (up to `timeout_seconds`), then stop the rest and the workers."""
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=timeout_seconds)
            for task in pending:
                task.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)

