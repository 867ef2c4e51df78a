"""👍 / 👎 buttons under answers: their custom ids, and the question and answer each one stands for.

A button's custom id carries the vote and a short key; the key's question and answer are kept in a
small SQLite file under SUMMITBOT_HOME, so buttons still count after a restart. Presses are routed by
custom id (`parse_vote`), not by a live `View`, so nothing piles up in memory per answer.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import time
from pathlib import Path

import discord

from bot import messages

_VOTE_ID = re.compile(r"summitbot:vote:(?P<vote>up|down):(?P<key>[0-9a-f]{16})")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    created_at REAL NOT NULL
);
"""


def vote_custom_id(vote: int, key: str) -> str:
    """The custom id of a vote button (at most 100 characters, as Discord requires)."""
    return f"summitbot:vote:{'up' if vote > 0 else 'down'}:{key}"


def parse_vote(custom_id: str) -> tuple[int, str] | None:
    """The vote (+1 or -1) and answer key a button's custom id holds, or None if it is not a vote button."""
    match = _VOTE_ID.fullmatch(custom_id)
    if match is None:
        return None
    return (1 if match["vote"] == "up" else -1), match["key"]


def vote_view(key: str) -> discord.ui.View:
    """The 👍 / 👎 buttons for one answer. Call it inside the running event loop.

    Args:
        key: the answer's key in the `AnswerLedger`.

    Returns:
        A view to send with the answer.
    """
    view = discord.ui.View(timeout=None)
    for vote, emoji, label in ((1, "👍", messages.DISCORD_VOTE_UP), (-1, "👎", messages.DISCORD_VOTE_DOWN)):
        view.add_item(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary, emoji=emoji, label=label, custom_id=vote_custom_id(vote, key)
            )
        )
    # Stopped, discord.py does not keep the view in its store: presses are handled by custom id.
    view.stop()
    return view


class AnswerLedger:
    """The question and answer behind each set of vote buttons, in SQLite; keeps the newest `keep_rows`.

    Args:
        path: the database file; its folder is created if needed.
        keep_rows: how many answers stay votable.
        prune_every: how many answers between two prunings.
    """

    def __init__(self, path: Path, keep_rows: int = 50_000, prune_every: int = 1000) -> None:
        self.path = path
        self.keep_rows = keep_rows
        self.prune_every = prune_every
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def remember(self, question: str, answer: str) -> str:
        """Store a question and its answer.

        Args:
            question: the question as asked.
            answer: the answer text given.

        Returns:
            The key to put in the buttons' custom ids.
        """
        key = secrets.token_hex(8)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO answers (key, question, answer, created_at) VALUES (?, ?, ?, ?)",
                (key, question, answer, time.time()),
            )
            if cursor.lastrowid and cursor.lastrowid % self.prune_every == 0:
                db.execute("DELETE FROM answers WHERE rowid <= ?", (cursor.lastrowid - self.keep_rows,))
        return key

    def recall(self, key: str) -> tuple[str, str] | None:
        """The question and answer stored under a key, or None if unknown or pruned."""
        with self._connect() as db:
            row = db.execute("SELECT question, answer FROM answers WHERE key = ?", (key,)).fetchone()
        return (str(row[0]), str(row[1])) if row else None
