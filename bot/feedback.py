"""The 👍 / 👎 votes people give answers in chat, kept in SQLite under SUMMITBOT_HOME."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    user_hash TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS one_vote_per_user ON votes (platform, question, answer, user_hash);
"""


@dataclass(frozen=True)
class QuestionScore:
    """How one question's answers were rated."""

    question: str
    up: int
    down: int


@dataclass(frozen=True)
class Tally:
    """All votes: totals and the worst-rated questions."""

    up: int
    down: int
    worst: list[QuestionScore]


def hash_user(platform: str, user_id: str) -> str:
    """A stable, non-reversible stand-in for a user id (no raw ids are stored)."""
    return hashlib.sha256(f"summitbot:{platform}:{user_id}".encode()).hexdigest()[:16]


class FeedbackStore:
    """Votes in one SQLite file; safe to share between the Discord and Slack bots.

    Args:
        path: the database file; its folder is created if needed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(self, platform: str, question: str, answer: str, vote: int, user_id: str) -> None:
        """Store a vote; a user's second press on the same answer replaces the first.

        Args:
            platform: "discord" or "slack".
            question: the question as asked.
            answer: the answer text it got.
            vote: +1 for 👍, -1 for 👎.
            user_id: the platform's user id (stored hashed).
        """
        with self._connect() as db:
            db.execute(
                "INSERT INTO votes (platform, question, answer, vote, user_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (platform, question, answer, user_hash) DO UPDATE SET vote = excluded.vote, "
                "created_at = excluded.created_at",
                (platform, question, answer, 1 if vote > 0 else -1, hash_user(platform, user_id), time.time()),
            )

    def tally(self, worst: int = 10) -> Tally:
        """Count the votes and rank the questions by net score, worst first.

        Args:
            worst: how many questions to list.

        Returns:
            The tally.
        """
        with self._connect() as db:
            up, down = db.execute(
                "SELECT COALESCE(SUM(vote = 1), 0), COALESCE(SUM(vote = -1), 0) FROM votes"
            ).fetchone()
            rows = db.execute(
                "SELECT question, SUM(vote = 1), SUM(vote = -1) FROM votes GROUP BY question "
                "HAVING SUM(vote = -1) > 0 ORDER BY SUM(vote) ASC, SUM(vote = -1) DESC, question LIMIT ?",
                (worst,),
            ).fetchall()
        return Tally(int(up), int(down), [QuestionScore(q, int(u), int(d)) for q, u, d in rows])
