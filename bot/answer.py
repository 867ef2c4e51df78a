"""The answering core: question -> `Answer` made of the documents' own sentences, or an honest "it doesn't say".

Depends on a `Retriever` (the index) only; knows nothing of FAISS, Slack or Discord.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from bot import messages
from bot.compose import Passage, choose_passages, summary_passages
from bot.coverage import specific_words, unknown_words
from bot.suggest import suggest_questions
from bot.intent import expected_answer, is_small_talk, wants_summary
from bot.question import clean_question, follow_up
from index.chunk import Chunk
from index.search import QueryScores

# Below this cosine, the best sentence is not about the question at all.
MIN_DENSE = 0.33


@dataclass(frozen=True)
class Citation:
    """A verbatim quote and where it stands."""

    source: str
    title: str
    paragraph: int
    quote: str
    score: float


@dataclass(frozen=True)
class Answer:
    """What summitbot says to a question. `answered` is False when the documents don't say."""

    question: str
    answered: bool
    text: str
    citations: tuple[Citation, ...]


class Retriever(Protocol):
    """The index as the answerer sees it."""

    chunks: Sequence[Chunk]
    topics: list[str]
    manifest: dict[str, Any]

    @property
    def lexicon(self) -> Any:
        """The documents' words (`index.lexicon.Lexicon`)."""
        ...

    def score(self, query: str) -> QueryScores:
        """Scores of every chunk for the query."""
        ...


def _citation(passage: Passage) -> Citation:
    chunk = passage.chunk
    return Citation(chunk.source, chunk.title, chunk.paragraph, chunk.text, round(passage.score, 3))


class Answerer:
    """Answers questions from the indexed documents.

    Args:
        retriever: the loaded index.
    """

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        self._documents = max(1, len(retriever.manifest.get("documents", [])))

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        """Answer a question in one to three of the documents' sentences, or decline.

        Args:
            question: what the person typed, mentions and all.
            history: earlier questions of the same conversation (a chat thread), oldest
                first; they complete a follow-up such as "and what about AI?".

        Returns:
            The answer; `answered` is False, with the reason in `text`, when the documents don't say.
        """
        asked = follow_up(clean_question(question), [clean_question(h) for h in history])
        if not asked:
            return Answer(question, False, messages.EMPTY_QUESTION, ())
        if is_small_talk(asked):
            return Answer(question, False, messages.GREETING, ())
        unknown = specific_words(unknown_words(asked, self.retriever.lexicon))
        scores = self.retriever.score(asked)
        if wants_summary(asked) and not unknown:
            passages = summary_passages(self.retriever.chunks, scores)
            return self._answer(question, passages, lead=messages.SUMMARY_LEAD)
        if unknown:
            return self._decline(question, scores, unknown)
        passages = choose_passages(self.retriever.chunks, scores, expected_answer(asked))
        if not passages or passages[0].dense < MIN_DENSE:
            return self._decline(question, scores, [])
        return self._answer(question, passages)

    def passages(self, question: str, k: int = 5) -> list[Citation]:
        """The k best-scoring sentences for a question, to show why it answered as it did.

        Args:
            question: what the person typed.
            k: how many passages.

        Returns:
            Citations, best first, each with its fused score.
        """
        asked = clean_question(question)
        if not asked:
            return []
        fused = self.retriever.score(asked).fused
        rows = np.argsort(-fused, kind="stable")[:k]
        return [
            _citation(Passage(self.retriever.chunks[int(r)], float(fused[r]), float(fused[r]))) for r in rows
        ]

    def sources(self) -> list[dict[str, Any]]:
        """The indexed documents: source, title, path, sha256 and passage count of each."""
        return list(self.retriever.manifest.get("documents", []))

    def suggest(self, typed: str, limit: int = 25) -> list[str]:
        """Questions to offer while someone types (Discord autocomplete), drawn from the documents.

        Args:
            typed: what has been typed so far.
            limit: at most this many (Discord allows 25).

        Returns:
            Suggested questions that contain what was typed, topics first.
        """
        return suggest_questions(self.retriever.topics, typed, limit)

    def _answer(self, question: str, passages: list[Passage], lead: str = "") -> Answer:
        text = lead + " ".join(p.chunk.text for p in passages)
        return Answer(question, True, text, tuple(_citation(p) for p in passages))

    def _decline(self, question: str, scores: QueryScores, unknown: list[str]) -> Answer:
        noun = messages.document_noun(self._documents)
        if unknown:
            text = messages.NOT_COVERED_TERMS.format(**noun, terms=messages.join_terms(unknown[:3]))
        else:
            text = messages.NOT_COVERED.format(**noun)
        if self.retriever.topics:
            text += " " + messages.COVERS.format(topics=", ".join(self.retriever.topics[:6]))
        fused = scores.fused
        nearest = [int(r) for r in np.argsort(-fused, kind="stable")[:2]]
        citations = tuple(
            _citation(Passage(self.retriever.chunks[r], float(fused[r]), float(scores.dense[r]))) for r in nearest
        )
        return Answer(question, False, text, citations)
