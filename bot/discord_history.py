"""Follow-ups on Discord: a reply to one of the bot's answers continues that answer's conversation."""

from __future__ import annotations

from collections import OrderedDict

MAX_CONVERSATIONS = 5_000
MAX_QUESTIONS = 3


class ReplyChains:
    """The questions that led to each recent answer message, so a reply to it can be read as a follow-up.

    Bounded: the oldest answers are forgotten first.

    Args:
        max_conversations: how many answer messages to remember.
        max_questions: how many earlier questions a conversation keeps.
    """

    def __init__(self, max_conversations: int = MAX_CONVERSATIONS, max_questions: int = MAX_QUESTIONS) -> None:
        self.max_conversations = max_conversations
        self.max_questions = max_questions
        self._chains: OrderedDict[int, tuple[str, ...]] = OrderedDict()

    def before(self, answer_message_id: int | None) -> tuple[str, ...]:
        """The questions, oldest first, of the conversation an answer message belongs to (empty if unknown)."""
        if answer_message_id is None:
            return ()
        return self._chains.get(answer_message_id, ())

    def remember(self, answer_message_id: int, history: tuple[str, ...], question: str) -> None:
        """Record that an answer message answered `question` after `history`.

        Args:
            answer_message_id: the id of the bot's answer message.
            history: the earlier questions of the conversation, oldest first.
            question: the question just answered.
        """
        self._chains[answer_message_id] = (*history, question)[-self.max_questions :]
        self._chains.move_to_end(answer_message_id)
        while len(self._chains) > self.max_conversations:
            self._chains.popitem(last=False)
