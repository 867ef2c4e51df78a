"""Reading what Slack sends (pure): where a message is, its question, a thread's earlier questions, who pressed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.slack_blocks import unescape

Event = dict[str, Any]
HISTORY_MESSAGES = 6  # earlier questions of a thread given to the answerer


def is_dm(channel: str, channel_type: str = "") -> bool:
    """Whether a channel id (or an event's channel_type) is a direct message with the bot."""
    return channel_type == "im" or channel.startswith("D")


def question_text(text: str, bot_user_id: str) -> str:
    """A message's text as the question: Slack's escapes undone, mentions of this bot removed.

    Args:
        text: the message text as Slack sent it (`<@U123>` tokens, `&amp;` escapes).
        bot_user_id: the bot's user id; its mentions are not part of the question.

    Returns:
        The question; other mention tokens stay (they are escaped when shown).
    """
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return unescape(text).strip()


def ts_order(ts: str) -> tuple[int, int]:
    """A Slack timestamp ("1700000000.000100") as numbers that sort exactly (floats would round)."""
    seconds, _, micros = ts.partition(".")
    return (int(seconds or 0), int(micros or 0)) if (seconds + micros).isdigit() else (0, 0)


def earlier_questions(thread: Sequence[Event], before_ts: str, bot_user_id: str) -> list[str]:
    """What people asked in a thread before `before_ts`, oldest first; bot messages and edits left out.

    Args:
        thread: the thread's messages (conversations.replies).
        before_ts: the ts of the message being answered.
        bot_user_id: the bot's user id.

    Returns:
        At most `HISTORY_MESSAGES` questions, the latest ones.
    """
    questions = [
        question_text(str(m.get("text", "")), bot_user_id)
        for m in thread
        if ts_order(str(m.get("ts", ""))) < ts_order(before_ts)
        and m.get("user") and m.get("user") != bot_user_id
        and not (m.get("bot_id") or m.get("subtype"))
    ]
    return [q for q in questions if q][-HISTORY_MESSAGES:]


def actor(body: Event) -> tuple[str, str, str]:
    """Who pressed a button, in which channel, and the response_url to answer them."""
    user = str((body.get("user") or {}).get("id", ""))
    channel = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
    return user, channel, str(body.get("response_url") or "")
