"""What summitbot sends to Slack: answers, notes, reactions, and the answers it still remembers."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot import messages
from bot.answer import Answer
from bot.slack_blocks import answer_blocks, button_value, fallback_text, note_blocks

log = logging.getLogger(__name__)

WORKING_REACTION = "hourglass_flowing_sand"
# Errors of a Slack call that a reply can survive (logged by their code, never their text).
CALL_ERRORS = (SlackClientError, aiohttp.ClientError, asyncio.TimeoutError, OSError)


def error_code(error: BaseException) -> str:
    """What went wrong in a Slack call, safe to log: Slack's error code (e.g. `not_in_channel`) or the type."""
    if isinstance(error, SlackApiError):
        try:
            return str(error.response.get("error") or "error")
        except Exception:
            return "unexpected_response"
    return type(error).__name__


class RecentAnswers:
    """The last answers given, by the key their buttons carry, so a vote or share needs no new search.

    Args:
        max_answers: memory bound; older answers are asked again when their buttons are pressed.
    """

    def __init__(self, max_answers: int = 2000) -> None:
        self.max_answers = max_answers
        self._answers: OrderedDict[str, tuple[str, Answer]] = OrderedDict()

    def keep(self, question: str, answer: Answer) -> str:
        """Remember an answer and return its key."""
        key = secrets.token_hex(6)
        self._answers[key] = (question, answer)
        while len(self._answers) > self.max_answers:
            self._answers.popitem(last=False)
        return key

    def get(self, key: str) -> tuple[str, Answer] | None:
        """The (question, answer) kept under `key`, if still remembered."""
        return self._answers.get(key)


class Reply:
    """Sends messages through the Web API and response URLs.

    Args:
        client: the Web API client.
    """

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def post_answer(self, channel: str, thread_ts: str | None, answer: Answer, question: str, key: str) -> None:
        """Post an answer in a channel (in the thread when `thread_ts` is set), with vote buttons."""
        blocks = answer_blocks(answer, question, button_value(key, question), shareable=False)
        await self.client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, text=fallback_text(answer), blocks=blocks,
            unfurl_links=False, unfurl_media=False,
        )

    async def respond_answer(self, url: str, channel: str, user: str, answer: Answer, question: str, key: str) -> None:
        """Answer `/ask` for the asker's eyes only, with vote buttons and a button to share it."""
        blocks = answer_blocks(answer, question, button_value(key, question), shareable=True)
        payload = {"response_type": "ephemeral", "text": fallback_text(answer), "blocks": blocks}
        await self._respond(url, channel, user, payload)

    async def share_answer(self, url: str, channel: str, user: str, answer: Answer, question: str, value: str) -> None:
        """Post an answer for everyone in the channel, credited to the person who shared it."""
        blocks = answer_blocks(answer, question, value, shareable=False, shared_by=user)
        text = fallback_text(answer)
        payload = {"response_type": "in_channel", "replace_original": False, "text": text, "blocks": blocks}
        if url and await self._send(url, payload):
            return
        await self.client.chat_postMessage(
            channel=channel, text=text, blocks=blocks, unfurl_links=False, unfurl_media=False
        )

    async def respond_note(self, url: str, channel: str, user: str, text: str) -> None:
        """A short note (from `messages`) only the person sees, e.g. a thank-you or a wait."""
        payload = {"response_type": "ephemeral", "replace_original": False, "text": text, "blocks": note_blocks(text)}
        try:
            await self._respond(url, channel, user, payload)
        except CALL_ERRORS as error:
            log.warning("could not send a note in %s (%s)", channel, error_code(error))

    async def note_to(self, channel: str, user: str, text: str, thread_ts: str | None) -> None:
        """A short note only `user` sees, in a channel or DM (in the thread when set)."""
        try:
            await self.client.chat_postEphemeral(channel=channel, user=user, text=text, thread_ts=thread_ts)
        except CALL_ERRORS as error:
            log.warning("could not send a note in %s (%s)", channel, error_code(error))

    async def say_error(self, channel: str, thread_ts: str | None) -> None:
        """Tell the channel something went wrong (never what: that stays in the log)."""
        try:
            await self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=messages.CHAT_ERROR)
        except CALL_ERRORS as error:
            log.warning("could not send the error note in %s (%s)", channel, error_code(error))

    async def react(self, channel: str, ts: str, *, add: bool) -> None:
        """Show (or clear) the "working on it" reaction on a message; a failure only loses the hint."""
        try:
            call = self.client.reactions_add if add else self.client.reactions_remove
            await call(channel=channel, timestamp=ts, name=WORKING_REACTION)
        except CALL_ERRORS as error:
            log.debug("could not %s the reaction in %s (%s)", "add" if add else "remove", channel, error_code(error))

    async def thread_messages(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        """The messages of a thread, oldest first; empty if Slack won't say (e.g. a missing scope)."""
        try:
            response = await self.client.conversations_replies(channel=channel, ts=thread_ts, limit=50)
        except CALL_ERRORS as error:
            log.warning("could not read the thread in %s (%s); answering without it", channel, error_code(error))
            return []
        found = response.get("messages")
        return [m for m in found if isinstance(m, dict)] if isinstance(found, list) else []

    async def _respond(self, url: str, channel: str, user: str, payload: dict[str, Any]) -> None:
        """Reply through the response URL; if there is none or it fails, as an ephemeral message."""
        if url and await self._send(url, payload):
            return
        await self.client.chat_postEphemeral(
            channel=channel, user=user, text=payload["text"], blocks=payload.get("blocks")
        )

    async def _send(self, url: str, payload: dict[str, Any]) -> bool:
        try:
            response = await AsyncWebhookClient(url, session=self.client.session).send_dict(payload)
        except CALL_ERRORS as error:
            log.warning("the response URL failed (%s); using the Web API instead", error_code(error))
            return False
        if response.status_code != 200:
            log.warning("the response URL said %s; using the Web API instead", response.status_code)
        return response.status_code == 200
