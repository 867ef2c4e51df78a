"""An `Answer` as Slack Block Kit, within Slack's limits, with nothing in it that can ping (pure).

Slack's limits (https://docs.slack.dev/reference/block-kit): 50 blocks a message, 3000 characters of
section or context text, 10 context elements, 2000 characters of button value, 40,000 of `text`.
"""

from __future__ import annotations

import json
from typing import Any

from bot import messages
from bot.answer import Answer

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_CONTEXT_CHARS = 3000
MAX_BUTTON_VALUE_CHARS = 2000
MAX_FALLBACK_CHARS = 3000  # Slack allows 40,000; a notification needs far less
MAX_ANSWER_SECTIONS = 4
MAX_CITATIONS = 10
MAX_QUESTION_ECHO_CHARS = 500

FEEDBACK_UP = "feedback_up"
FEEDBACK_DOWN = "feedback_down"
SHARE_ANSWER = "share_answer"

_SLACK_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def escape(text: str) -> str:
    """Escape text for Slack mrkdwn, so `<!channel>`, `<@U123>` or `<!subteam^S1>` show as text and never ping."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo the escaping Slack applies to message and command text (`&amp;` → `&`); mention tokens stay."""
    for entity, char in _SLACK_ENTITIES:
        text = text.replace(entity, char)
    return text


def _fit(text: str, max_chars: int) -> str:
    """The longest start of `text` whose escaped form is at most `max_chars` long."""
    used = 0
    for position, char in enumerate(text):
        used += len(escape(char))
        if used > max_chars:
            return text[:position]
    return text


def clip(text: str, max_chars: int) -> str:
    """Escape and shorten `text` so the escaped result, with an ellipsis if cut, fits `max_chars`.

    Cuts the raw text, never inside an escape such as `&amp;`.
    """
    escaped = escape(text)
    if len(escaped) <= max_chars:
        return escaped
    return escape(_fit(text, max_chars - 1).rstrip()) + "…"


def split_escaped(text: str, max_chars: int, max_pieces: int) -> list[str]:
    """Escape `text` and cut it at spaces into at most `max_pieces` pieces of at most `max_chars` each.

    What the last piece cannot hold is cut off, with an ellipsis.
    """
    pieces: list[str] = []
    rest = text.strip()
    while rest and len(pieces) < max_pieces - 1 and len(escape(rest)) > max_chars:
        head = _fit(rest, max_chars)
        cut = head.rfind(" ")
        cut = cut if cut > 0 else len(head)
        pieces.append(escape(rest[:cut].rstrip()))
        rest = rest[cut:].strip()
    if rest:
        pieces.append(clip(rest, max_chars))
    return pieces


def _mrkdwn(text: str) -> Block:
    # verbatim: Slack must not turn names or URLs in quoted text into links or mentions.
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def button_value(key: str, question: str) -> str:
    """The value of the answer's buttons: its cache key and the question, at most 2000 characters.

    The question is kept escaped, so not even a value holds a raw `<!channel>`.

    Args:
        key: where the answer is kept in memory.
        question: the question as asked, so a vote still counts after a restart.

    Returns:
        Compact JSON.
    """
    while True:
        value = json.dumps({"k": key, "q": escape(question)}, ensure_ascii=False, separators=(",", ":"))
        if len(value) <= MAX_BUTTON_VALUE_CHARS:
            return value
        question = question[: len(question) * 3 // 4]


def read_button_value(value: str) -> tuple[str, str]:
    """The (key, question) in a button value; empty strings if it isn't one of ours."""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    return str(data.get("k", "")), unescape(str(data.get("q", "")))


def _buttons(value: str, shareable: bool) -> Block:
    def button(label: str, action_id: str) -> Block:
        return {"type": "button", "text": {"type": "plain_text", "text": label, "emoji": True},
                "action_id": action_id, "value": value}

    elements = [button("👍", FEEDBACK_UP), button("👎", FEEDBACK_DOWN)]
    if shareable:
        elements.append(button(messages.SLACK_SHARE_BUTTON, SHARE_ANSWER) | {"style": "primary"})
    return {"type": "actions", "elements": elements}


def _sources(answer: Answer) -> list[Block]:
    if not answer.citations:
        return []
    label = messages.SLACK_SOURCES if answer.answered else messages.SLACK_NEAREST
    blocks: list[Block] = [{"type": "context", "elements": [_mrkdwn(f"*{label}*")]}]
    for citation in answer.citations[:MAX_CITATIONS]:
        where = f"\n— {citation.title}, paragraph {citation.paragraph} ({citation.source})"
        quote = clip(citation.quote, MAX_CONTEXT_CHARS - len(escape(where)) - 2)
        blocks.append({"type": "context", "elements": [_mrkdwn(f"“{quote}”{escape(where)}")]})
    return blocks


def answer_blocks(answer: Answer, question: str, value: str, *, shareable: bool, shared_by: str = "") -> list[Block]:
    """The answer as Block Kit: the question, the answer, its sources, then the buttons.

    Args:
        answer: what the answerer said.
        question: the question as the person typed it (shown escaped, shortened).
        value: the buttons' value, from `button_value`.
        shareable: add the "Share in channel" button (on answers only the asker sees).
        shared_by: a Slack user id to credit when the answer was shared.

    Returns:
        At most 50 blocks, each within Slack's text limits.
    """
    echo = clip(question.strip(), MAX_QUESTION_ECHO_CHARS) or "…"
    blocks: list[Block] = [{"type": "context", "elements": [_mrkdwn(f"*{messages.SLACK_QUESTION}* {echo}")]}]
    for piece in split_escaped(answer.text, MAX_SECTION_CHARS, MAX_ANSWER_SECTIONS):
        blocks.append({"type": "section", "text": _mrkdwn(piece)})
    blocks.extend(_sources(answer))
    if shared_by.isalnum():
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": messages.SLACK_SHARED_BY.format(user=f"<@{shared_by}>")}]})
    blocks.append(_buttons(value, shareable))
    return blocks[:MAX_BLOCKS]


def fallback_text(answer: Answer) -> str:
    """The message's plain `text`: what notifications and screen readers show."""
    return clip(answer.text, MAX_FALLBACK_CHARS) or messages.SLACK_NO_TEXT


def note_blocks(text: str) -> list[Block]:
    """A short note from `messages` (our own text, no user input) as one section."""
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
