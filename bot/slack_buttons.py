"""What the buttons under an answer do: 👍 / 👎 store a vote, "Share in channel" posts it for everyone."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot import messages
from bot.answer import Answer
from bot.feedback import FeedbackStore
from bot.slack_blocks import FEEDBACK_UP, read_button_value
from bot.slack_events import Event, actor
from bot.slack_reply import RecentAnswers, Reply

log = logging.getLogger(__name__)

Ask = Callable[[str], Awaitable[Answer]]


class ButtonPresses:
    """Handles presses of the buttons `slack_blocks` puts under answers (already acknowledged).

    Args:
        reply: sends the thanks, the shared answer or an apology.
        answers: the answers given lately, by the key their buttons carry.
        feedback: where votes are stored.
        ask: answers a question again when its answer was forgotten (e.g. after a restart).
    """

    def __init__(self, *, reply: Reply, answers: RecentAnswers, feedback: FeedbackStore, ask: Ask) -> None:
        self.reply = reply
        self.answers = answers
        self.feedback = feedback
        self.ask = ask

    async def recall(self, value: str) -> tuple[str, Answer]:
        """The question and answer a button belongs to; asked again if this process has forgotten it."""
        key, question = read_button_value(value)
        kept = self.answers.get(key)
        return kept if kept else (question, await self.ask(question))

    async def vote(self, body: Event, action: Event) -> None:
        """Store a 👍 (+1) or 👎 (-1) and thank the voter privately."""
        user, channel, url = actor(body)
        try:
            question, answer = await self.recall(str(action.get("value", "")))
            vote = 1 if action.get("action_id") == FEEDBACK_UP else -1
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, self.feedback.record, "slack", question, answer.text, vote, user)
            log.info("recorded a %+d vote in %s", vote, channel)
            await self.reply.respond_note(url, channel, user, messages.FEEDBACK_THANKS)
        except Exception:
            log.exception("could not record a vote in %s", channel)
            await self.reply.respond_note(url, channel, user, messages.CHAT_ERROR)

    async def share(self, body: Event, action: Event) -> None:
        """Post a privately given answer for everyone in the channel."""
        user, channel, url = actor(body)
        value = str(action.get("value", ""))
        try:
            question, answer = await self.recall(value)
            await self.reply.share_answer(url, channel, user, answer, question, value)
            log.info("shared an answer in %s", channel)
        except Exception:
            log.exception("could not share an answer in %s", channel)
            await self.reply.respond_note(url, channel, user, messages.SLACK_SHARE_EXPIRED)
